"""Property-based tests: arbitrary text is stored exactly as sanitize() makes it, sanitize
never leaves a control character, banks round-trip, and junk input fails only with BankError."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecqtui.core.bank import Bank, BankError
from ecqtui.core.models import (
    CAREER_STAGES,
    DECISIONS,
    READINESS_ANSWERS,
    STORY_STATUSES,
    Achievement,
    Recollection,
    Story,
)
from ecqtui.core.text import sanitize
from ecqtui.store import Store

PROPERTY = settings(max_examples=150, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW_PROPERTY = settings(PROPERTY, max_examples=60)

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Characters that make terminals act, and the brackets Rich/Textual markup is made of.
TRICKY = st.sampled_from(list("\x1b\x07\x9b\x9c\x9d\x90\x9e\x9f\x85\x00\x7f\r\n\t[]/\\@=;") +
                         ["\x1b[", "\x1b]", "\x1b\\", "\r\n", "\ud800", "\udfff", "ä", "🚀", "中", "“",
                          "[/", "[/]", "[b]", "[@click=app.quit]"])
TEXT = st.lists(st.one_of(st.characters(), TRICKY), max_size=40).map("".join)
CLEAN_ID = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=12)


def no_control(text: str) -> bool:
    return not CONTROL.search(text)


# --- sanitize -----------------------------------------------------------------------------------


@PROPERTY
@given(TEXT)
def test_sanitize_is_idempotent_and_leaves_only_tab_and_newline(text):
    once = sanitize(text)
    assert sanitize(once) == once
    assert no_control(once)
    assert "\r" not in once and "\x1b" not in once
    once.encode("utf-8")  # always storable


@PROPERTY
@given(st.lists(st.one_of(st.characters(exclude_characters="\x1b\x90\x98\x9d\x9e\x9f"), TRICKY.filter(
    lambda c: not set(c) & set("\x1b\x90\x98\x9d\x9e\x9f"))), max_size=60).map("".join))
def test_without_escape_introducers_sanitize_removes_only_control_characters(text):
    """Words, brackets and markup survive exactly; only the control characters go."""
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    expected = "".join(c for c in normalized if not CONTROL.match(c) and not "\ud800" <= c <= "\udfff")
    assert sanitize(text) == expected


@PROPERTY
@given(st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs")), max_size=80))
def test_text_without_controls_is_unchanged(text):
    assert sanitize(text) == text


# --- the store ----------------------------------------------------------------------------------


@SLOW_PROPERTY
@given(title=TEXT, notes=TEXT, result=TEXT, action=TEXT, reframe=TEXT, who=TEXT)
def test_saved_text_reopens_as_its_sanitized_form(title, notes, result, action, reframe, who):
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "ecq.json"
        with Store.open(db) as store:
            store.save(Achievement(id="a1", title=title, notes=notes, results=[result]))
            store.save(Story(id="s1", achievement_id="a1", action=action, reframe=reframe, competencies=["vision"]))
            store.save(Recollection(id="r1", who=who, text=notes))
        with Store.open(db, read_only=True) as store:
            achievement, story, rec = store.get(Achievement, "a1"), store.get(Story, "s1"), store.get(Recollection, "r1")
        raw = db.read_bytes()
    assert (achievement.title, achievement.notes, achievement.results) == (sanitize(title), sanitize(notes), [sanitize(result)])
    assert (story.action, story.reframe, story.competencies) == (sanitize(action), sanitize(reframe), ["vision"])
    assert (rec.who, rec.text) == (sanitize(who), sanitize(notes))
    data = json.loads(raw.decode("utf-8"))
    for value in (achievement.title, story.action):
        assert no_control(value)
    assert not re.search(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]", raw)
    assert data["achievements"]["1"]["title"] == sanitize(title)


# --- banks --------------------------------------------------------------------------------------

SHORT = st.lists(st.one_of(st.characters(), TRICKY), max_size=8).map("".join)
# Machine names (ECQ ids, field names) are ids or empty; free text is only for words.
NAME = st.just("") | CLEAN_ID
YEAR = st.none() | st.integers(1950, 2100)
COUNT = st.none() | st.integers(0, 10**8)
MONEY = st.none() | st.integers(0, 10**12) | st.floats(0, 1e12, allow_nan=False, allow_infinity=False)


@st.composite
def achievement_dict(draw, record_id: str) -> dict:
    start, end = draw(YEAR), draw(YEAR)
    if start is not None and end is not None and end < start:
        start, end = end, start
    return {
        "id": record_id, "title": draw(SHORT), "summary": draw(SHORT), "start_year": start, "end_year": end,
        "ongoing": draw(st.booleans()), "people": draw(COUNT), "budget": draw(MONEY),
        "organizations": draw(COUNT), "results": draw(st.lists(SHORT, max_size=3)), "notes": draw(SHORT),
        "recollection_id": draw(st.none() | CLEAN_ID), "created": draw(SHORT), "updated": draw(SHORT),
    }


@st.composite
def bank_dict(draw) -> dict:
    achievement_ids = draw(st.lists(CLEAN_ID, unique=True, max_size=4))
    story_ids = draw(st.lists(CLEAN_ID, unique=True, max_size=4)) if achievement_ids else []
    recollection_ids = draw(st.lists(CLEAN_ID, unique=True, max_size=3))
    stories = [{
        "id": sid, "achievement_id": draw(st.sampled_from(achievement_ids)), "ecq": draw(NAME),
        "competencies": draw(st.lists(CLEAN_ID, max_size=3)), "challenge": draw(SHORT), "context": draw(SHORT),
        "action": draw(SHORT), "result": draw(SHORT), "status": draw(st.sampled_from(STORY_STATUSES)),
        "reframe": draw(SHORT), "created": draw(SHORT), "updated": draw(SHORT),
        "lens_history": draw(st.lists(st.fixed_dictionaries(
            {"from_ecq": NAME, "to_ecq": NAME, "at": SHORT, "reason": SHORT}), max_size=2)),
    } for sid in story_ids]
    return {
        "format": "ecq-tui", "schema_version": 1, "exported": draw(SHORT),
        "profile": {"name": draw(SHORT), "framework": draw(st.sampled_from(["classic", "2025"])),
                    "created": draw(SHORT), "last_step": draw(SHORT)},
        "self_evaluation": {
            "answers": draw(st.dictionaries(CLEAN_ID, st.fixed_dictionaries(
                {"answer": st.none() | st.sampled_from(READINESS_ANSWERS), "example": SHORT}), max_size=3)),
            "fit": draw(st.dictionaries(CLEAN_ID, SHORT, max_size=3)),
            "career_stages": draw(st.dictionaries(st.sampled_from(CAREER_STAGES), SHORT)),
            "decision": draw(st.none() | st.sampled_from(DECISIONS)),
            "decision_date": draw(SHORT), "development_plan": draw(st.lists(SHORT, max_size=3)),
        },
        "achievements": [draw(achievement_dict(aid)) for aid in achievement_ids],
        "stories": stories,
        "recollections": [{"id": rid, "who": draw(SHORT), "relation": draw(SHORT), "text": draw(SHORT),
                           "achievement_id": draw(st.none() | st.sampled_from(achievement_ids or ["x"])),
                           "created": draw(SHORT)} for rid in recollection_ids],
        "revisions": draw(st.lists(st.fixed_dictionaries(
            {"kind": st.sampled_from(["achievements", "stories"]), "record_id": CLEAN_ID, "field": NAME,
             "text": SHORT, "at": SHORT}), max_size=3)),
    }


@SLOW_PROPERTY
@given(bank_dict())
def test_bank_to_dict_from_dict_round_trips(data):
    bank = Bank.from_dict(data)
    again = Bank.from_dict(json.loads(json.dumps(bank.to_dict())))
    assert again == bank
    assert again.to_dict() | {"exported": None} == bank.to_dict() | {"exported": None}


@settings(SLOW_PROPERTY, max_examples=30)
@given(bank_dict())
def test_bank_round_trips_through_the_data_file(data):
    bank = Bank.from_dict(data)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "ecq.json"
        with Store.open(db) as store:
            store.replace_all(bank)
        with Store.open(db, read_only=True) as store:
            assert store.bank() == bank


# --- junk ---------------------------------------------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
FIELD_NAMES = sorted({
    "id", "title", "summary", "start_year", "end_year", "ongoing", "people", "budget", "organizations",
    "results", "notes", "recollection_id", "created", "updated", "achievement_id", "ecq", "competencies",
    "challenge", "context", "action", "result", "status", "reframe", "lens_history", "who", "relation",
    "text", "kind", "record_id", "field", "at", "name", "framework", "last_step", "answers", "fit",
    "career_stages", "decision", "decision_date", "development_plan", "answer", "example",
    "from_ecq", "to_ecq", "reason",
})
RECORD_JUNK = st.dictionaries(st.sampled_from(FIELD_NAMES), JSON, max_size=6)
SECTIONS = ["profile", "self_evaluation", "achievements", "stories", "recollections", "revisions"]


@st.composite
def near_exports(draw) -> dict:
    """Valid-looking exports whose sections hold junk, to reach the record checks."""
    data = {"format": "ecq-tui", "schema_version": draw(st.sampled_from([1, 1, 1, 0, 2, True, "1", None]))}
    for section in SECTIONS:
        if draw(st.booleans()):
            if section in ("profile", "self_evaluation"):
                value = draw(RECORD_JUNK | JSON)
                if isinstance(value, dict) and section == "self_evaluation" and draw(st.booleans()):
                    value["answers"] = draw(st.dictionaries(st.text(max_size=4), RECORD_JUNK | JSON, max_size=3))
            else:
                value = draw(st.lists(RECORD_JUNK | JSON, max_size=4) | JSON)
            data[section] = value
    return data


@PROPERTY
@given(JSON | near_exports())
def test_junk_raises_bank_error_only(data):
    try:
        bank = Bank.from_dict(data)
    except BankError:
        return
    assert Bank.from_dict(json.loads(json.dumps(bank.to_dict()))) == bank  # what loads, round-trips
