"""The ``ecq-tui`` command line.

With no sub-command it opens the full-screen app; sub-commands (``export``, ``doctor``, ...)
run without importing Textual, so they start fast over SSH and work in scripts.
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys

from ecqtui import __version__
from ecqtui.commands import COMMANDS
from ecqtui.errors import CommandError

FRAMEWORK_CHOICES = ("classic", "2025")


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line (exit 2), never a traceback."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def _add_data_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # Sub-parsers repeat the data options with SUPPRESS defaults, so they may be given
    # before or after the sub-command without one overwriting the other.
    default = None if top else argparse.SUPPRESS
    group = parser.add_argument_group("data")
    group.add_argument("--db", metavar="PATH", default=default,
                       help="data file to use (default: $ECQ_TUI_DB, else your user data folder)")
    group.add_argument("--demo", action="store_true", default=False if top else argparse.SUPPRESS,
                       help="work on a private, throw-away copy of the demo profile")
    group.add_argument("--framework", choices=FRAMEWORK_CHOICES, default=default,
                       help="ECQ framework for a new profile (default: classic)")
    group.add_argument("--read-only", action="store_true", default=False if top else argparse.SUPPRESS,
                       help="open without changing anything (e.g. while another window has the file)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ecq-tui",
        description="Write Senior Executive Service Executive Core Qualifications: "
        "self-evaluation, brainstorm, map to ECQs, rebalance, CCAR stories and outlines.",
    )
    parser.add_argument("--version", action="version", version=f"ecq-tui {__version__}")
    _add_data_options(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, module_path in COMMANDS.items():
        module = importlib.import_module(module_path)
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        _add_data_options(command, top=False)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def _leave_on_hangup(signum: int, _frame: object) -> None:
    # A dropped SSH link (SIGHUP) or a polite kill (SIGTERM) unwinds like an exit: the store is
    # closed and backed up, and a --demo copy is removed (atexit runs; the default action would not).
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    # Career data is private: everything we create is for the user's eyes only.
    os.umask(0o077)
    for sig in (signal.SIGHUP, signal.SIGTERM):
        signal.signal(sig, _leave_on_hangup)  # the full-screen app installs its own on its loop
    args = build_parser().parse_args(argv)
    try:
        if getattr(args, "run", None) is None:
            from ecqtui.commands.app import run as run_app  # imports Textual only on this path

            return run_app(args)
        return args.run(args)
    except CommandError as exc:
        print(exc, file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("ecq-tui: interrupted; everything up to the last change was saved.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `ecq-tui export --json - | head` closed the pipe: not an error worth a traceback.
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        except OSError:
            pass
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
