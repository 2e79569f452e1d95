"""ecq-tui doctor: explain the state of the data file, its lock and its backups."""

from __future__ import annotations

import argparse

from ecqtui.errors import CommandError

HELP = "check the data file, its lock and backups; --restore puts back the newest good copy"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--restore", action="store_true",
                        help="replace the data file with its newest good backup (the current file is kept aside)")


def run(args: argparse.Namespace) -> int:
    from ecqtui.commands.common import data_path
    from ecqtui.store import StoreError, diagnose, restore_newest_backup

    path = data_path(args)
    if args.restore:
        try:
            print(restore_newest_backup(path))
        except StoreError as exc:
            raise CommandError(f"ecq-tui: {exc}", 1) from None
        return 0
    report = diagnose(path)
    print("\n".join(report.lines()))
    return 0 if report.healthy else 1
