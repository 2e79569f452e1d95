"""ecq-tui suggest: which ECQ an achievement fits, and the words that say so."""

from __future__ import annotations

import argparse
import json
import sys

from ecqtui.errors import CommandError

HELP = "rank the ECQs for an achievement's text, with the cue words behind each score"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="*", metavar="TEXT",
                        help="the achievement, or - to read one achievement per line from standard input")
    parser.add_argument("--json", action="store_true", help="JSON (JSON Lines when reading standard input)")


def _human(suggestion) -> str:
    lines = []
    for rank, ecq in enumerate(suggestion.ranking, start=1):
        comps = ", ".join(f"{c.name} ({', '.join(c.cues[:3])})" for c in ecq.competencies if c.score > 0)
        lines.append(f"{rank}. {ecq.name:<22} {ecq.score:5.2f}  {comps or '-'}")
    if not suggestion.confident:
        lines.append("No cue words found: describe the challenge, what you did and for whom.")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from ecqtui.core.coach import suggest
    from ecqtui.core.text import sanitize

    framework = getattr(args, "framework", None) or "classic"
    if args.text == ["-"]:
        out = sys.stdout.buffer
        for line in sys.stdin.buffer:
            text = sanitize(line.decode("utf-8", errors="replace")).strip()
            if not text:
                continue
            result = suggest(text, framework)
            if args.json:
                out.write(json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8") + b"\n")
            else:
                out.write((text[:70] + "\n" + _human(result) + "\n\n").encode("utf-8"))
        return 0
    text = sanitize(" ".join(args.text)).strip()
    if not text:
        raise CommandError("ecq-tui suggest: give the achievement's text, or - to read lines from standard input", 2)
    result = suggest(text, framework)
    if args.json:
        sys.stdout.buffer.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
    else:
        sys.stdout.buffer.write((_human(result) + "\n").encode("utf-8"))
    return 0
