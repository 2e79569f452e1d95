"""ecq-tui export --json FILE: a full backup of the profile as JSON."""

from __future__ import annotations

import argparse
import json
import sys

from ecqtui.errors import CommandError

HELP = "write the whole profile to a JSON file (a full backup that 'ecq-tui import' restores)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", metavar="FILE", required=True, help="file to write, or - for standard output")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def run(args: argparse.Namespace) -> int:
    from ecqtui.commands.common import opened_store, say
    from ecqtui.safefile import write_new_file

    with opened_store(args, read_only=True) as store:
        payload = json.dumps(store.bank().to_dict(), indent=2, ensure_ascii=False) + "\n"
        counts = f"{len(store.achievements())} achievements, {len(store.stories())} stories"
    if args.json == "-":
        # Bytes, not text: the export is UTF-8 whatever the terminal's locale says.
        sys.stdout.flush()
        sys.stdout.buffer.write(payload.encode("utf-8"))
        sys.stdout.buffer.flush()
        return 0
    try:
        write_new_file(args.json, payload.encode("utf-8"), overwrite=args.force)
    except FileExistsError as exc:
        raise CommandError(f"ecq-tui: not written: {args.json}: {exc.strerror}", 1) from None
    except OSError as exc:
        raise CommandError(f"ecq-tui: not written: {args.json}: {exc.strerror or exc}", 1) from None
    say(f"Exported {counts} to {args.json} (readable only by you).")
    return 0
