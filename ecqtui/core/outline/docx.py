"""The outline as a Word document: real headings and bullets, Times New Roman 12, 1-inch margins."""

from __future__ import annotations

import io
import re

from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Inches, Pt

from ecqtui.core.outline.model import Outline
from ecqtui.core.text import sanitize

# XML 1.0 cannot hold most control characters; sanitize() already removed them, this is the net.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str) -> str:
    return _NOT_XML.sub("", sanitize(text))


def to_docx(outline: Outline) -> bytes:
    doc = Document()
    for section in doc.sections:
        section.left_margin = section.right_margin = Inches(1)
        section.top_margin = section.bottom_margin = Inches(1)
    for style_name in ("Normal", "List Bullet", "Title", "Heading 1", "Heading 2", "Heading 3"):
        style = doc.styles[style_name]
        style.font.name = "Times New Roman"
        if style_name in ("Normal", "List Bullet"):
            style.font.size = Pt(12)
    # python-docx checks every style assignment against the whole style table (seconds at 500
    # stories); the bullet style id is resolved once and set on the paragraph element directly.
    style_ids = {name: doc.styles[name].style_id for name in ("List Bullet", "Heading 1", "Heading 2")}

    def styled(text: str, style: str) -> None:
        doc.add_paragraph(text)._p.style = style_ids[style]

    doc.add_heading(_x(outline.title), level=0)
    for label, value in outline.cover:
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{_x(label)}: ").bold = True
        paragraph.add_run(_x(value))
    first = True
    for section in outline.sections:
        if section.page_break and not first:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        first = False
        styled(_x(section.heading), "Heading 1")
        for line in section.intro:
            doc.add_paragraph(_x(line))
        for block in section.blocks:
            styled(_x(block.heading), "Heading 2")
            for line in block.meta:
                doc.add_paragraph(_x(line)).runs[0].italic = True
            for label, text in block.paragraphs:
                paragraph = doc.add_paragraph()
                if label:
                    paragraph.add_run(f"{_x(label)}: ").bold = True
                paragraph.add_run(_x(text))
            for label, items in block.lists:
                doc.add_paragraph().add_run(_x(label)).bold = True
                for item in items:
                    styled(_x(item), "List Bullet")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
