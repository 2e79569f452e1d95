"""Cue matching details behind the suggester: inflections, possessives, part weights."""

from __future__ import annotations

import pytest

from ecqtui.core.coach import suggest
from ecqtui.core.coach.suggest import (
    OPENING_SENTENCE_WEIGHT,
    RESULT_SENTENCE_WEIGHT,
    _plain_text_parts,
)
from ecqtui.core.coach.textutil import CueIndex, tokens


def found(phrases: list[str], text: str) -> list[str]:
    return [text[start:end] for _, start, end in CueIndex(phrases).find(tokens(text))]


@pytest.mark.parametrize(
    ("phrases", "text", "expected"),
    [
        (["procedures"], "I wrote a revised procedure.", ["procedure"]),  # plural cue, singular word
        (["standards of conduct"], "one standard of conduct", ["standard of conduct"]),
        (["plan"], "We planned it; planning took a month.", ["planned", "planning"]),
        (["CIO"], "made the trade-offs with the CIO's team", ["CIO"]),  # possessive
        (["negotiat*"], "the agency's negotiators", ["negotiators"]),
        (["IT"], "It's done and it works.", []),  # acronyms still case-sensitive
        (["news"], "the new program", []),  # short words are not de-pluralised
    ],
)
def test_inflections_and_possessives(phrases, text, expected):
    assert found(phrases, text) == expected


def test_job_titles_are_not_analysis():
    ranking = suggest("Two senior analysts and three scientists joined the office.").ranking
    cues = {c.lower() for e in ranking for c in e.cues}
    assert "analysts" not in cues and "scientists" not in cues


def test_a_phrase_counts_once_per_ecq():
    # "union" is an LP cue twice over (the ECQ list and Conflict Management) and a BC cue once
    # (Influencing/Negotiating); each ECQ still gets the same credit for it.
    scores = {e.ecq: e.score for e in suggest("union").ranking}
    assert scores["LP"] == pytest.approx(scores["BC"]) and scores["LP"] > 0


def test_opening_sentence_weighs_more_and_results_less():
    parts = _plain_text_parts("The backlog was 9,000 cases. I set weekly targets. Backlog 9,000 -> 500 in a year.")
    assert [w for _, w in parts] == [OPENING_SENTENCE_WEIGHT, 1.0, RESULT_SENTENCE_WEIGHT]
    assert [w for _, w in _plain_text_parts("One sentence only.")] == [1.0]


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("Two supervisors were feuding and the staff felt ignored; I met each one individually.", "LP"),
        ("Claims pendency and error rates were climbing; I rebuilt intake triage and QC sampling.", "RD"),
        ("Consolidated three leases and renegotiated the vendor's task orders; rent down $2M.", "BA"),
        ("The county, the city and two tribes each had a different plan; I brokered one they co-funded.", "BC"),
        ("Moved a paper-based process to electronic filing nationwide after piloting it in two offices.", "LC"),
    ],
)
def test_everyday_vocabulary_points_to_the_right_ecq(text, best):
    assert suggest(text).best.ecq == best
