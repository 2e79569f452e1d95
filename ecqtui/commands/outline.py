"""ecq-tui outline: the story outline on screen, on paper or in a file."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys

from ecqtui.errors import CommandError

HELP = "print the story outline (text, Markdown, HTML, Word or JSON) to the screen, a file or a printer"
FORMATS = ("text", "markdown", "html", "docx", "json")
VIEWS = ("outline", "narrative", "resume", "interview")
SUFFIXES = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html", ".docx": "docx", ".json": "json"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, help="output format (default: from --output's suffix, else text)")
    parser.add_argument("--output", "-o", metavar="FILE", help="write to FILE (0600) instead of the screen; - writes to standard output")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.add_argument("--ecq", metavar="ID", help="only this ECQ (e.g. RD)")
    parser.add_argument("--view", choices=VIEWS, default="outline",
                        help="outline (default), narrative, resume bullets or interview cue cards")
    parser.add_argument("--with-checks", action="store_true", help="add the coach's findings to each story")
    parser.add_argument("--include-self-eval", action="store_true", help="add the readiness summary and plan")
    parser.add_argument("--print", action="store_true", dest="send_to_printer",
                        help="send the text outline to the printer (lp or lpr)")


def printer_command() -> list[str] | None:
    for name in ("lp", "lpr"):
        path = shutil.which(name)
        if path:
            return [path]
    return None


def send_to_printer(text: str) -> str:
    """Hand the text to lp or lpr; return the command used. Raises CommandError with the reason."""
    command = printer_command()
    if command is None:
        raise CommandError("ecq-tui outline: no printer command (lp or lpr) on this machine; "
                           "write a file with --output and print it from elsewhere", 1)
    done = subprocess.run(command, input=text.encode("utf-8"), capture_output=True)
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[:1]
        raise CommandError(f"ecq-tui outline: the printer command failed: {' '.join(reason) or done.returncode}", 1)
    return command[0]


def run(args: argparse.Namespace) -> int:
    from ecqtui.commands.common import opened_store
    from ecqtui.core.outline import build_outline, render
    from ecqtui.safefile import write_new_file

    fmt = args.format
    if fmt is None and args.output:
        from pathlib import Path

        fmt = SUFFIXES.get(Path(args.output).suffix.lower(), "text")
    fmt = fmt or "text"
    if fmt == "docx" and not args.output:
        raise CommandError("ecq-tui outline: --format docx needs --output FILE.docx (or - for a pipe)", 2)
    if args.send_to_printer and args.output:
        raise CommandError("ecq-tui outline: choose --print or --output, not both", 2)

    with opened_store(args, read_only=True) as store:
        bank = store.bank()
    if args.ecq:
        args.ecq = args.ecq.upper()
    try:
        outline = build_outline(bank, view=args.view, ecq=args.ecq, with_checks=args.with_checks,
                                include_self_eval=args.include_self_eval)
    except ValueError as exc:
        raise CommandError(f"ecq-tui outline: {exc}", 2) from None

    if args.send_to_printer:
        used = send_to_printer(render(outline, "text"))
        print(f"Sent the outline to the printer ({used}).", file=sys.stderr)
        return 0

    rendered = render(outline, fmt)
    data = rendered if isinstance(rendered, bytes) else rendered.encode("utf-8")
    if args.output == "-":  # like export --json -: standard output, for pipes
        args.output = None
        if fmt == "docx" and sys.stdout.isatty():
            raise CommandError("ecq-tui outline: a Word file is not for the terminal; redirect it or use --output FILE.docx", 2)
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    if args.output:
        try:
            write_new_file(args.output, data, overwrite=args.force)
        except OSError as exc:
            raise CommandError(f"ecq-tui outline: not written: {args.output}: {exc.strerror or exc}", 1) from None
        print(f"Wrote the {args.view} ({fmt}) to {args.output} (readable only by you).", file=sys.stderr)
        return 0
    if fmt == "text" and sys.stdout.isatty():
        # On a terminal, Rich lays out the Markdown form; user text in it is escaped Markdown,
        # never Rich markup, so brackets and the like show literally.
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(render(outline, "markdown")))
        return 0
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
    return 0
