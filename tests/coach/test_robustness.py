"""No public function of the coach raises on arbitrary text, and huge text stays fast."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from ecqtui.core.bank import Bank
from ecqtui.core.coach import (
    check_achievement,
    check_story,
    check_text,
    coverage,
    estimate_length,
    evidence,
    propose_moves,
    suggest,
)
from ecqtui.core.models import Achievement, Story

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400) | st.sampled_from(
    ["", "[/", "\x1b]0;x\x07", "\x00\x01", "I" * 5000, "GAO " * 300, "我们 改进了 工作", "💥" * 50]
)


@settings(max_examples=150, deadline=None)
@given(TEXT, TEXT, st.sampled_from(["classic", "2025"]))
def test_text_functions_never_raise(text, challenge, framework):
    suggest(text, framework, challenge=challenge)
    check_text(text, framework)
    estimate_length(text)


@settings(max_examples=60, deadline=None)
@given(TEXT, TEXT, TEXT, TEXT, st.sampled_from(["RD", "BC", "", "XX"]))
def test_story_functions_never_raise(c, x, a, r, ecq):
    ach = Achievement(id="a1", title=c[:40], summary=x, results=[r[:40]], start_year=2020, ongoing=True)
    story = Story(id="s1", achievement_id="a1", ecq=ecq, competencies=["vision", "nonexistent"],
                  challenge=c, context=x, action=a, result=r)
    check_story(story, "classic", achievement=ach)
    check_achievement(ach, "classic")
    evidence(story, "classic")
    bank = Bank(achievements=[ach], stories=[story, Story(id="s2", achievement_id="a1", ecq="RD", action=a)])
    coverage(bank, "classic")
    propose_moves(bank, "classic")


def test_a_megabyte_of_text_is_handled_quickly():
    text = ("We were tasked with various things (ABC). " * 25_000)[:1_000_000]
    start = time.perf_counter()
    check_text(text, "classic")
    suggest(text)
    assert time.perf_counter() - start < 30  # linear scans; a backtracking regex would take hours
