"""Model and sanitizer edge cases found by the store review: nothing a user typed may vanish."""

from __future__ import annotations

import os

import pytest

from ecqtui.core.models import Achievement, ModelError, Profile, SelfEvaluation, Story
from ecqtui.core.text import is_clean, sanitize
from ecqtui.safefile import ensure_private_dir


@pytest.mark.parametrize("introducer", ["\x1b]", "\x1bP", "\x9d", "\x9e", "\x90"])
def test_an_unterminated_escape_string_never_eats_the_rest_of_the_text(introducer):
    text = f"Cut costs{introducer} by 38% across 9 regions in FY24."
    cleaned = sanitize(text)
    assert cleaned.endswith("by 38% across 9 regions in FY24.")
    assert is_clean(cleaned) and "\x1b" not in cleaned


def test_a_terminated_osc_string_is_removed_whole():
    assert sanitize("title\x1b]0;PWNED\x07 done") == "title done"
    assert sanitize("a\x9d0;PWNED\x9cb") == "ab"


def test_many_unterminated_introducers_stay_fast():
    import time

    text = "\x1b]x" * 100_000
    start = time.perf_counter()
    sanitize(text)
    # Generous bound: a quadratic scan of 300 KB takes minutes, a linear one milliseconds.
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize(
    "data",
    [
        {"id": "a\x1b]0;x\x07"},
        {"id": "a b"},
        {"recollection_id": "r[bold]"},
        {"budget": float("inf")},
        {"budget": 1e300},
        {"people": 10**30},
        {"organizations": -1},
    ],
)
def test_achievement_refuses_bad_ids_and_numbers(data):
    with pytest.raises(ModelError):
        Achievement.from_dict({"title": "x", **data})


def test_story_and_profile_machine_names_are_checked():
    with pytest.raises(ModelError):
        Story.from_dict({"achievement_id": "a1", "ecq": "RD\x07"})
    with pytest.raises(ModelError):
        Story.from_dict({"achievement_id": "a1", "competencies": ["vision", "x\x1b[1m"]})
    with pytest.raises(ModelError):
        Profile.from_dict({"framework": "classic\x1b]0;x\x07"})
    with pytest.raises(ModelError):
        SelfEvaluation.from_dict({"fit": {"pressure\x07": "fine"}})
    assert Story.from_dict({"achievement_id": "a1", "ecq": "RD", "competencies": ["decisiveness"]}).ecq == "RD"


def test_missing_parent_folders_are_created_private_whatever_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        ensure_private_dir(tmp_path / "one" / "two" / "three")
    finally:
        os.umask(old)
    for folder in ("one", "one/two", "one/two/three"):
        assert (tmp_path / folder).stat().st_mode & 0o777 == 0o700
