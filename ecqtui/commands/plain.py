"""ecq-tui plain: the whole walk-through as simple prompts (screen readers, dumb terminals, scripts)."""

from __future__ import annotations

import argparse
import os
import sys

from ecqtui.errors import CommandError

HELP = "the six steps as plain prompts, for screen readers, simple terminals and scripted answers"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--screen-reader", action="store_true",
                        help="line-by-line questions with numbered choices and no escape codes")
    parser.add_argument("--answers", metavar="FILE",
                        help="take every answer from FILE (JSON, see docs/answers-format.md) instead of the keyboard")


def choose_io(args: argparse.Namespace):
    """The back end this terminal (or script) can use; raises CommandError when none can."""
    from ecqtui.commands.app import UNSUITABLE_TERMS
    from ecqtui.plain.io import AnswerError, LineIO, ScriptIO, load_answers

    if args.answers:
        try:
            return ScriptIO(load_answers(args.answers), source=args.answers)
        except AnswerError as exc:
            raise CommandError(f"ecq-tui plain: {exc}", 2) from None
    if not sys.stdin.isatty():
        raise CommandError(
            "ecq-tui plain: standard input is not a terminal, so there is no one to answer the questions.\n"
            "To script the walk-through, give the answers in a file: ecq-tui plain --answers FILE "
            "(see docs/answers-format.md).", 2)
    if args.screen_reader or os.environ.get("TERM", "") in UNSUITABLE_TERMS or not sys.stdout.isatty():
        return LineIO()
    from ecqtui.plain.io import QuestionaryIO

    return QuestionaryIO()


def run(args: argparse.Namespace) -> int:
    from ecqtui.commands.common import opened_store
    from ecqtui.plain.flow import PlainFlow
    from ecqtui.plain.io import AnswerError

    io = choose_io(args)
    with opened_store(args) as store:
        try:
            return PlainFlow(store, io).run()
        except AnswerError as exc:
            raise CommandError(f"ecq-tui plain: {exc}\nEvery answer before it was saved.", 2) from None
        except EOFError as exc:
            reason = str(exc) or "the input ended"
            print(f"ecq-tui plain: {reason}; everything up to the last answer was saved.", file=sys.stderr)
            return 1 if args.answers else 0
