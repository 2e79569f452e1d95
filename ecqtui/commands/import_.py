"""ecq-tui import FILE: restore a profile from an 'ecq-tui export --json' file."""

from __future__ import annotations

import argparse
import json
import sys

from ecqtui.errors import CommandError

HELP = "replace the profile with one from an 'ecq-tui export --json' file (checked first; a backup is kept)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the export to read, or - for standard input")
    parser.add_argument("--force", action="store_true",
                        help="replace a profile that already holds achievements or stories")


def read_export(source: str):
    """Read and validate an export; raise CommandError with the reason, changing nothing."""
    from ecqtui.core.bank import Bank, BankError

    try:
        raw = sys.stdin.buffer.read() if source == "-" else open(source, "rb").read()  # noqa: SIM115
    except OSError as exc:
        raise CommandError(f"ecq-tui: cannot read {source}: {exc.strerror}", 1) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise CommandError(f"ecq-tui: {source} is not UTF-8 text; nothing was imported", 1) from None
    except json.JSONDecodeError as exc:
        raise CommandError(
            f"ecq-tui: {source} is not valid JSON ({exc.msg} at line {exc.lineno}); nothing was imported", 1
        ) from None
    try:
        return Bank.from_dict(data)
    except BankError as exc:
        raise CommandError(f"ecq-tui: {source} cannot be imported: {exc}; nothing was imported", 1) from None


def words_held(bank) -> str:
    """What the user has written in ``bank``, as a phrase ("3 achievements, a self-evaluation"), or ""."""
    parts = [
        f"{len(items)} {one if len(items) == 1 else many}"
        for one, many, items in (
            ("achievement", "achievements", bank.achievements),
            ("story", "stories", bank.stories),
            ("recollection", "recollections", bank.recollections),
        )
        if items
    ]
    se = bank.self_evaluation
    if se.answers or se.fit or se.career_stages or se.decision or se.development_plan:
        parts.append("a self-evaluation")
    if bank.profile.name:
        parts.append(f"the profile of {bank.profile.name}")
    return ", ".join(parts)


def run(args: argparse.Namespace) -> int:
    from ecqtui.commands.common import opened_store, say

    bank = read_export(args.file)
    if getattr(args, "read_only", False):
        raise CommandError("ecq-tui: import changes the data file; it cannot run with --read-only", 2)
    with opened_store(args) as store:
        held = words_held(store.bank())
        if held and not args.force:
            raise CommandError(
                f"ecq-tui: {store.path} already holds {held}; add --force to replace it "
                "(a backup copy is kept)", 1
            )
        store.replace_all(bank)
        say(
            f"Imported {len(bank.achievements)} achievements, {len(bank.stories)} stories and "
            f"{len(bank.recollections)} recollections into {store.path}."
        )
    return 0
