"""The story outline in every view and format, from the demo profile and from hostile text."""

from __future__ import annotations

import io
import json
import os
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ecqtui.core.bank import Bank
from ecqtui.core.models import Achievement, Profile, Story
from ecqtui.core.outline import FORMATS, VIEWS, build_outline, md_escape, render

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
GOLDEN = HERE / "golden"
TODAY = date(2026, 11, 24)
HOSTILE = ["<script>alert(1)</script>", "[bold]x[/", "\x1b]0;PWNED\x07", "# heading", "*star* _u_",
           "💥 emoji", "中文字符", "[@click=app.quit]x[/]", "1. not a list", "a & b < c"]


def demo() -> Bank:
    return Bank.from_dict(json.loads((ROOT / "sample_data" / "demo.json").read_text(encoding="utf-8")))


def hostile_bank() -> Bank:
    achievements = [Achievement(id=f"a{i}", title=t, summary=t, results=[t], start_year=2022, end_year=2023)
                    for i, t in enumerate(HOSTILE)]
    stories = [Story(id=f"s{i}", achievement_id=f"a{i}", ecq=("LC", "LP", "RD", "BA", "BC")[i % 5],
                     competencies=["vision"] if i % 5 == 0 else [], challenge=t, context=t,
                     action=f"I acted: {t}. I decided.", result=f"Cut 20%: {t}", reframe=t)
               for i, t in enumerate(HOSTILE)]
    return Bank(profile=Profile(name=HOSTILE[0]), achievements=achievements, stories=stories)


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_golden_demo_outline(view, fmt):
    outline = build_outline(demo(), view=view, with_checks=view == "outline", include_self_eval=True, today=TODAY)
    rendered = render(outline, fmt)
    golden = GOLDEN / f"demo-{view}.{ {'text': 'txt', 'markdown': 'md', 'json': 'json'}[fmt] }"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8"), f"differs from {golden.name}; UPDATE_GOLDEN=1 after review"


def test_text_fits_80_columns_and_has_no_escape_codes():
    for view in VIEWS:
        text = render(build_outline(hostile_bank(), view=view, today=TODAY), "text")
        assert max(len(line) for line in text.splitlines()) <= 80
        assert "\x1b" not in text and not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)


def test_outline_view_has_every_part_figures_competencies_and_coverage():
    text = render(build_outline(demo(), today=TODAY), "text")
    for heading in ("Leading Change (LC)", "Building Coalitions (BC)", "Challenge:", "Action:", "Result:",
                    "Competencies shown:", "Key figures:", "Coverage", "Length: about"):
        assert heading in text
    assert "No stories for Building Coalitions yet" in text


def test_interview_cards_have_prompts_figures_and_questions():
    text = render(build_outline(demo(), view="interview", today=TODAY), "text")
    assert "Action prompts:" in text and "Likely questions:" in text and "Spoken: about" in text


def test_empty_profile_gives_a_useful_outline():
    text = render(build_outline(Bank(), include_self_eval=True, today=TODAY), "text")
    assert text.count("No stories for") == 5 and "readiness questions still to answer" in text


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_standalone_escaped_and_breaks_pages_per_ecq():
    page = render(build_outline(hostile_bank(), today=TODAY), "html")
    parser = _Collector()
    parser.feed(page)
    tags = [t for t, _ in parser.tags]
    assert "script" not in tags and tags.count("h2") >= 5
    assert "<script>alert(1)</script>" in "".join(parser.text)  # shown, as text
    assert sum(1 for t, a in parser.tags if t == "section" and a.get("class") == "page-break") == 5
    assert "@page" in page and "margin: 1in" in page and "12pt" in page and "serif" in page
    assert "\x1b" not in page


def test_markdown_escapes_user_text():
    md = render(build_outline(hostile_bank(), today=TODAY), "markdown")
    assert "### \\# heading" in md and "\\*star\\*" in md and "\\[bold\\]x\\[/" in md
    assert md_escape("1. not a list").startswith("1\\.") and md_escape("- item") == "\\- item"


def test_docx_has_real_headings_bullets_page_breaks_and_fonts():
    from docx import Document
    from docx.shared import Inches, Pt

    data = render(build_outline(demo(), today=TODAY), "docx")
    doc = Document(io.BytesIO(data))
    styles = [p.style.name for p in doc.paragraphs]
    assert styles.count("Heading 1") == 6  # five ECQs and the coverage summary
    assert "Heading 2" in styles and "List Bullet" in styles
    breaks = sum(1 for p in doc.paragraphs for r in p.runs if 'w:br w:type="page"' in r._r.xml)
    assert breaks == 4  # before each ECQ after the first
    assert doc.styles["Normal"].font.name == "Times New Roman" and doc.styles["Normal"].font.size == Pt(12)
    assert all(s.left_margin == Inches(1) and s.top_margin == Inches(1) for s in doc.sections)


def test_docx_and_json_survive_hostile_text():
    from docx import Document

    bank = hostile_bank()
    doc = Document(io.BytesIO(render(build_outline(bank, today=TODAY), "docx")))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "<script>alert(1)</script>" in body and "\x1b" not in body and "[bold]x[/" in body
    data = json.loads(render(build_outline(bank, view="interview", today=TODAY), "json"))
    assert data["view"] == "interview" and "\x1b" not in json.dumps(data, ensure_ascii=False)


def test_every_view_and_format_renders():
    bank = demo()
    for view in VIEWS:
        outline = build_outline(bank, view=view, today=TODAY)
        for fmt in FORMATS:
            assert render(outline, fmt)


def test_unknown_view_or_ecq_is_refused():
    with pytest.raises(ValueError):
        build_outline(demo(), view="poster")
    with pytest.raises(ValueError):
        build_outline(demo(), ecq="XX")


def test_a_story_with_no_ecq_after_a_framework_switch_is_listed_not_dropped():
    import json as _json
    from pathlib import Path as _Path

    from ecqtui.core.bank import Bank as _Bank
    from ecqtui.core.coach import apply_switch as _apply, plan_switch as _plan
    from ecqtui.core.outline import build_outline as _build, render as _render

    demo = _Bank.from_dict(_json.loads((_Path(__file__).resolve().parents[2] / "sample_data" / "demo.json")
                                       .read_text(encoding="utf-8")))
    bc = next(s for s in demo.stories if s.ecq == "RD")
    bc.ecq = "BC"                                                 # BC has no home under 2025
    switched = _apply(demo, _plan(demo, "2025"))
    orphan = next(s for s in switched.stories if s.id == bc.id)
    assert orphan.ecq == ""
    for view in ("outline", "narrative", "resume", "interview"):
        text = _render(_build(switched, view=view), "text")
        assert "Not under an ECQ of" in text and "Was told as BC" in text
        assert demo.achievement(bc.achievement_id).title in text


def test_look_twice_names_stories_by_title_and_ignores_years_and_cut_figures():
    from ecqtui.core.bank import Bank as _Bank
    from ecqtui.core.models import Achievement as _Achievement, Profile as _Profile, Story as _Story
    from ecqtui.core.outline import build_outline as _build, render as _render

    a1 = _Achievement(id="a1", title="Backlog cut", start_year=2021, end_year=2022)
    a2 = _Achievement(id="a2", title="Payroll cutover", start_year=2021, end_year=2022)
    a3 = _Achievement(id="a3", title="Grants portal", start_year=2021, end_year=2022)
    stories = [
        _Story(id="s1", achievement_id="a1", ecq="RD", result="From 2021 to 2022 the backlog of 61,000 fell to 9,500."),
        _Story(id="s2", achievement_id="a2", ecq="LP", result="From 2021 to 2022 payroll for 12,000 staff moved; 4,500 joined."),
        _Story(id="s3", achievement_id="a3", ecq="BA", result="The portal saved $4.2M and cut errors 38%."),
        _Story(id="s4", achievement_id="a1", ecq="LC", result="Also $4.2M saved and errors down 38%."),
    ]
    bank = _Bank(profile=_Profile(name="T"), achievements=[a1, a2, a3], stories=stories)
    text = _render(_build(bank), "text")
    assert "'Backlog cut (RD)' and 'Payroll cutover (LP)'" not in text       # only a year and '000' shared
    assert "'Grants portal (BA)' and 'Backlog cut (LC)'" in text or "'Backlog cut (LC)' and 'Grants portal (BA)'" in text
    assert "s3" not in text.split("Look twice")[-1]                         # titles, not internal ids


def test_text_wraps_to_the_width_asked_for():
    import json as _json
    from pathlib import Path as _Path

    from ecqtui.core.bank import Bank as _Bank
    from ecqtui.core.outline import build_outline as _build, render as _render

    demo = _Bank.from_dict(_json.loads((_Path(__file__).resolve().parents[2] / "sample_data" / "demo.json")
                                       .read_text(encoding="utf-8")))
    outline = _build(demo)
    assert max(len(line) for line in _render(outline, "text", width=50).splitlines()) <= 50
    assert max(len(line) for line in _render(outline, "text").splitlines()) <= 80
