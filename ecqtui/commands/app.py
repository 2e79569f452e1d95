"""Start the full-screen app, after checking the terminal can show it."""

from __future__ import annotations

import argparse
import os
import sys

from ecqtui.errors import CommandError

#: Terminals that cannot run a full-screen app (Textual would emit escape codes anyway).
UNSUITABLE_TERMS = {"", "dumb", "unknown"}


def terminal_problem() -> str | None:
    """Why the full-screen app cannot run here, or None when it can."""
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        return "standard input and output must be a terminal"
    term = os.environ.get("TERM", "")
    if term in UNSUITABLE_TERMS:
        return f"the terminal type TERM={term!r} cannot show a full-screen app"
    return None


def run(args: argparse.Namespace) -> int:
    problem = terminal_problem()
    if problem:
        raise CommandError(
            f"ecq-tui: the full-screen app cannot start: {problem}.\n"
            "Use the plain prompt mode instead: ecq-tui plain "
            "(add --screen-reader for line-by-line output).",
            2,
        )
    from ecqtui.commands.common import opened_store

    with opened_store(args) as store:
        from ecqtui.tui.app import make_app  # deferred: Textual is the slowest import we have

        make_app(store).run()
    return 0
