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


def _offer_read_only(message: str) -> bool:
    """The file is open elsewhere: ask (plain line, before any full-screen output) to open read-only."""
    print(message, file=sys.stderr)
    try:
        answer = input("Open it read-only instead? [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def _offer_plain(problem: str) -> bool:
    """A person at a terminal that cannot go full screen (TERM=dumb...) is offered plain mode at once."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return False
    print(f"ecq-tui: the full-screen app cannot start: {problem}.", file=sys.stderr)
    try:
        answer = input("Start plain mode (the same steps as simple questions) instead? [Y/n] ")
    except (EOFError, KeyboardInterrupt):
        return False
    return answer.strip().lower() in ("", "y", "yes")


def run(args: argparse.Namespace) -> int:
    problem = terminal_problem()
    if problem and _offer_plain(problem):
        from ecqtui.commands import plain

        args.screen_reader, args.answers = True, None
        return plain.run(args)
    if problem:
        raise CommandError(
            f"ecq-tui: the full-screen app cannot start: {problem}.\n"
            "Use the plain prompt mode instead: ecq-tui plain "
            "(add --screen-reader for line-by-line output).",
            2,
        )
    from ecqtui.commands.common import opened_store
    from ecqtui.store import LockedError

    read_only = None
    if not getattr(args, "read_only", False) and not getattr(args, "demo", False):
        from ecqtui.commands.common import data_path
        from ecqtui.store import lock_holder

        path = data_path(args)
        if path.exists() and lock_holder(path) is not None:
            err = LockedError(path, lock_holder(path) or {})
            if not _offer_read_only(f"ecq-tui: {err}"):
                raise CommandError("ecq-tui: nothing was opened.", 1)
            read_only = True
    with opened_store(args, read_only=read_only) as store:
        from ecqtui.tui.app import make_app  # deferred: Textual is the slowest import we have

        theme = os.environ.get("ECQ_TUI_THEME") or None
        make_app(store, theme=theme).run()
    return 0
