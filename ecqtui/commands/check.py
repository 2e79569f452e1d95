"""ecq-tui check: the coach's findings on a CCAR draft in a text file."""

from __future__ import annotations

import argparse
import json
import sys

from ecqtui.errors import CommandError

HELP = "check a CCAR draft (plain prose or Challenge/Context/Action/Result headings); exit 1 on errors"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the draft, or - for standard input")
    parser.add_argument("--json", action="store_true", help="findings as JSON")
    parser.add_argument("--year-end", type=int, metavar="YYYY",
                        help="judge recency as of this year (default: this year)")


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


def _text_of(raw: bytes, name: str) -> str:
    """The draft's text: UTF-8 text, or the paragraphs of a Word file; anything else is refused."""
    if raw.startswith(b"PK\x03\x04"):
        import io

        try:
            from docx import Document

            return "\n".join(p.text for p in Document(io.BytesIO(raw)).paragraphs)
        except Exception:  # a zip that is not a Word document, or a damaged one
            raise CommandError(f"ecq-tui check: {name} is neither text nor a Word document it can read", 2) from None
    text = raw.decode("utf-8", errors="replace")
    if "\x00" in text or text.count("\ufffd") > max(8, len(text) // 20):
        raise CommandError(f"ecq-tui check: {name} is not a text file; give the draft as plain text, "
                           "Markdown or a Word (.docx) file", 2)
    return text


def run(args: argparse.Namespace) -> int:
    from ecqtui.core.coach import check_text
    from ecqtui.core.coach.checks import offsets
    from ecqtui.core.text import sanitize

    if args.year_end is not None and not 1950 <= args.year_end <= 2100:
        raise CommandError("ecq-tui check: --year-end must be a year between 1950 and 2100", 2)
    try:
        raw = sys.stdin.buffer.read() if args.file == "-" else open(args.file, "rb").read()  # noqa: SIM115
    except OSError as exc:
        raise CommandError(f"ecq-tui check: cannot read {args.file}: {exc.strerror}", 2) from None
    text = sanitize(_text_of(raw, args.file))
    framework = getattr(args, "framework", None) or "classic"
    findings = check_text(text, framework, year_end=args.year_end)
    if args.json:
        payload = {"file": args.file, "framework": framework, "findings": [f.to_dict() for f in findings]}
        sys.stdout.buffer.write(json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
    else:
        starts = offsets(text)
        lines = []
        for f in findings:
            line, col = _line_col(text, starts.get(f.part, 0) + f.start)
            lines.append(f"{f.part or 'text'}:{line}:{col} {f.code} {f.severity} {f.message}")
        errors = sum(f.severity == "error" for f in findings)
        lines.append(f"{len(findings)} finding(s), {errors} error(s).")
        sys.stdout.buffer.write(("\n".join(lines) + "\n").encode("utf-8"))
    return 1 if any(f.severity == "error" for f in findings) else 0
