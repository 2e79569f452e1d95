"""Render an Outline tree as text, Markdown, HTML, JSON or Word.

User text arrives sanitized (no terminal control sequences); each format escapes what its
own syntax would otherwise act on: HTML entities, Markdown punctuation.
"""

from __future__ import annotations

import html
import json
import re
import textwrap

from ecqtui.core.outline.model import FORMATS, Outline
from ecqtui.core.text import sanitize

WIDTH = 80


# --- text ---------------------------------------------------------------------------------------


def _wrap(text: str, indent: str = "", bullet: str = "", width: int = WIDTH) -> list[str]:
    return textwrap.wrap(sanitize(text), width=width, initial_indent=indent + bullet,
                         subsequent_indent=indent + " " * len(bullet), break_long_words=True,
                         break_on_hyphens=False) or [indent + bullet.rstrip()]


def to_text(outline: Outline, width: int = WIDTH) -> str:
    """Plain text wrapped at ``width`` (80 for paper and pipes; the app passes its panel's width)."""
    width = max(20, width)
    out = [outline.title, "=" * min(width, len(outline.title)), ""]
    out += [line for label, value in outline.cover for line in _wrap(f"{label}: {value}", width=width)]
    for section in outline.sections:
        out += ["", "", section.heading, "=" * min(width, len(section.heading))]
        for line in section.intro:
            out += _wrap(line, width=width)
        for block in section.blocks:
            out += ["", block.heading, "-" * min(width, len(block.heading))]
            for line in block.meta:
                out += _wrap(line, width=width)
            for label, text in block.paragraphs:
                out.append("")
                out += _wrap(f"{label}: {text}" if label else text, width=width)
            for label, items in block.lists:
                out += ["", f"{label}:"]
                for item in items:
                    out += _wrap(item, "  ", "- ", width=width)
    return "\n".join(out).rstrip() + "\n"


# --- Markdown -----------------------------------------------------------------------------------

_MD_INLINE = re.compile(r"([\\`*_{}\[\]<>#|!~])")
_MD_LINE_START = re.compile(r"^(\s*)([-+>=]|\d+[.)])(?=\s|$)")


def md_escape(text: str) -> str:
    """Escape user text so CommonMark shows it literally (no emphasis, links, HTML or lists)."""
    text = _MD_INLINE.sub(r"\\\1", " ".join(sanitize(text).split()))
    def escape_marker(m: re.Match) -> str:
        marker = m.group(2)
        # "- x" becomes "\- x"; "1. x" becomes "1\. x" (the punctuation is what CommonMark reads).
        return m.group(1) + (marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker)

    return _MD_LINE_START.sub(escape_marker, text)


def to_markdown(outline: Outline) -> str:
    out = [f"# {md_escape(outline.title)}", ""]
    out += [f"- **{label}:** {md_escape(value)}" for label, value in outline.cover]
    for section in outline.sections:
        out += ["", f"## {md_escape(section.heading)}", ""]
        for line in section.intro:
            out += [md_escape(line), ""]
        for block in section.blocks:
            out += [f"### {md_escape(block.heading)}", ""]
            for line in block.meta:
                out.append(f"- {md_escape(line)}")
            if block.meta:
                out.append("")
            for label, text in block.paragraphs:
                out += [f"**{md_escape(label)}:** {md_escape(text)}" if label else md_escape(text), ""]
            for label, items in block.lists:
                out += [f"**{md_escape(label)}**", ""]
                out += [f"- {md_escape(item)}" for item in items]
                out.append("")
    return "\n".join(out).rstrip() + "\n"


# --- HTML ---------------------------------------------------------------------------------------

_CSS = """
@page { size: letter; margin: 1in; }
body { font-family: "Times New Roman", Times, serif; font-size: 12pt; line-height: 1.25;
       max-width: 6.5in; margin: 1em auto; color: #000; background: #fff; }
h1 { font-size: 16pt; } h2 { font-size: 14pt; border-bottom: 1px solid #444; }
h3 { font-size: 12pt; margin-bottom: 0.2em; }
.meta { color: #333; margin: 0; } .cover dt { font-weight: bold; float: left; width: 7em; }
.label { font-weight: bold; margin: 0.6em 0 0.1em; }
section.page-break { break-before: page; page-break-before: always; }
@media screen { section.page-break { border-top: 2px dashed #bbb; margin-top: 2em; } }
"""


def to_html(outline: Outline) -> str:
    e = lambda s: html.escape(sanitize(s), quote=True)  # noqa: E731
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           f"<title>{e(outline.title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
           f"<h1>{e(outline.title)}</h1>", '<dl class="cover">']
    out += [f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in outline.cover]
    out.append("</dl>")
    for section in outline.sections:
        cls = ' class="page-break"' if section.page_break else ""
        out += [f"<section{cls}>", f"<h2>{e(section.heading)}</h2>"]
        out += [f"<p>{e(line)}</p>" for line in section.intro]
        for block in section.blocks:
            out += ["<article>", f"<h3>{e(block.heading)}</h3>"]
            out += [f'<p class="meta">{e(line)}</p>' for line in block.meta]
            for label, text in block.paragraphs:
                out.append(f"<p><strong>{e(label)}:</strong> {e(text)}</p>" if label else f"<p>{e(text)}</p>")
            for label, items in block.lists:
                out += [f'<p class="label">{e(label)}</p>', "<ul>"]
                out += [f"<li>{e(item)}</li>" for item in items]
                out.append("</ul>")
            out.append("</article>")
        out.append("</section>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def to_json(outline: Outline) -> str:
    return json.dumps(outline.to_dict(), ensure_ascii=False, indent=2) + "\n"


def render(outline: Outline, fmt: str, *, width: int = WIDTH) -> str | bytes:
    """The outline in ``fmt``: str for text, markdown, html and json; bytes for docx.

    ``width`` applies to text only.
    """
    if fmt == "text":
        return to_text(outline, width)
    if fmt == "markdown":
        return to_markdown(outline)
    if fmt == "html":
        return to_html(outline)
    if fmt == "json":
        return to_json(outline)
    if fmt == "docx":
        from ecqtui.core.outline.docx import to_docx  # python-docx loads lxml: only when asked

        return to_docx(outline)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
