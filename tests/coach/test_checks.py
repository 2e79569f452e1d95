"""Every check code fires on a draft that has the problem and stays quiet on one that does not."""

from __future__ import annotations

import pytest

from ecqtui.core.coach import CHECK_CODES, check_achievement, check_story, check_text
from ecqtui.core.models import Achievement, Story

GOOD_ACTION = (
    "I set monthly performance targets for each of the four regional teams and held every lead "
    "accountable for them. I decided to pause the legacy intake system after weighing three options. "
    "Together with the union president I negotiated a new schedule."
)
GOOD = dict(
    challenge="The claims backlog had grown to 41,000 cases and veterans waited 190 days for a decision.",
    context="I led a 240-person division across four regional offices with a $31 million budget.",
    action=GOOD_ACTION,
    result="Within nine months I cut the backlog by 38 percent and average wait time fell to 96 days.",
)


def story(**parts) -> Story:
    fields = {"competencies": ["accountability"], **GOOD, **parts}
    return Story(achievement_id="a1", ecq="RD", **fields)


def codes(findings) -> set[str]:
    return {f.code for f in findings}


def test_the_good_story_is_clean_of_every_style_finding():
    found = codes(check_story(story(), "classic", year_end=2026))
    assert found <= {"acronym-undefined"}, found


@pytest.mark.parametrize(
    ("code", "bad", "good"),
    [
        ("missing-part", {"context": ""}, {}),
        ("no-metric", {"result": "The backlog fell and veterans got answers sooner."}, {}),
        ("no-result", {"result": "The staff were busy for many months."}, {}),
        ("vague", {"action": GOOD_ACTION + " I worked with various offices."}, {}),
        ("passive-voice", {"action": GOOD_ACTION + " The plan was approved by leadership."}, {}),
        ("not-past-tense", {"action": "I lead the division and I oversee four regional teams."}, {}),
        ("not-first-person", {"action": GOOD_ACTION + " We then redesigned the forms."}, {}),
        ("not-executive", {"context": "I was responsible for day-to-day operations."}, {}),
        ("resume-style", {"action": "- I set targets\n- I held leads accountable\n- I decided"}, {}),
        ("named-person", {"action": GOOD_ACTION + " I briefed Secretary Alvarez weekly."}, {}),
        ("acronym-undefined", {"action": GOOD_ACTION + " I closed the OIG findings."},
         {"action": GOOD_ACTION + " I closed the Office of Inspector General (OIG) findings; the OIG agreed."}),
    ],
)
def test_each_code_fires_on_the_problem_and_not_without_it(code, bad, good):
    assert code in codes(check_story(story(**bad), "classic", year_end=2026))
    assert code not in codes(check_story(story(**good), "classic", year_end=2026))


def test_significantly_passes_when_the_sentence_has_the_number():
    assert "vague" not in codes(check_story(story(result="Wait times fell significantly, by 38%."), "classic"))
    assert "vague" in codes(check_story(story(result="Wait times fell significantly in 9 mo. Morale rose significantly."), "classic"))


def test_tasked_to_is_not_passive_voice():
    assert "passive-voice" not in codes(check_text("I was asked to lead the effort. I cut costs 20%.", "classic"))


def test_i_overuse_counts_sentence_openings():
    monotone = " ".join(f"I did step {n}." for n in range(8))
    assert "i-overuse" in codes(check_story(story(action=monotone), "classic"))
    assert "i-overuse" not in codes(check_story(story(), "classic"))


def test_competency_unaddressed_when_no_action_sentence_shows_it():
    claimed = story(competencies=["accountability", "partnering"])
    found = check_story(claimed, "classic")
    unaddressed = [f for f in found if f.code == "competency-unaddressed"]
    assert len(unaddressed) == 1 and "Partnering" in unaddressed[0].message


def test_too_long_against_the_page_budget():
    long_action = " ".join(["I set targets for each regional team and held the leads accountable."] * 120)
    found = check_story(story(action=long_action), "classic")
    assert any(f.code == "too-long" and f.severity == "error" for f in found)
    assert "too-long" not in codes(check_story(story(), "classic"))


def test_too_old_and_ongoing_no_progress_for_achievements():
    old = Achievement(title="Closed backlog", start_year=2012, end_year=2013)
    recent = Achievement(title="Closed backlog", start_year=2021, end_year=2022)
    assert "too-old" in codes(check_achievement(old, "classic", year_end=2026))
    assert "too-old" not in codes(check_achievement(recent, "classic", year_end=2026))
    ongoing = Achievement(title="Risk-based monitoring", start_year=2025, ongoing=True)
    assert "ongoing-no-progress" in codes(check_achievement(ongoing, "classic", year_end=2026))
    ongoing.results = ["12 of 27 recommendations closed so far"]
    assert "ongoing-no-progress" not in codes(check_achievement(ongoing, "classic", year_end=2026))


def test_check_text_understands_headings_and_reports_spans_in_each_part():
    text = "Challenge:\nThe backlog hit 41,000.\n\nAction:\nWe fixed it.\n\nResult:\nI cut it 38%.\n"
    found = check_text(text, "classic", year_end=2026)
    context_missing = [f for f in found if f.code == "missing-part"]
    assert [f.part for f in context_missing] == ["context"]
    we = next(f for f in found if f.code == "not-first-person")
    assert we.part == "action" and "We fixed it.\n\n"[we.start:we.end] == "We"


def test_check_text_too_old_from_the_years_mentioned():
    assert "too-old" in codes(check_text("In 2011 I cut the backlog by 40%.", "classic", year_end=2026))
    assert "too-old" not in codes(check_text("In 2023 I cut the backlog by 40%.", "classic", year_end=2026))


def test_every_code_is_exercised_here():
    # Keep this list honest: a new code needs a test above.
    tested = {"missing-part", "no-metric", "no-result", "vague", "passive-voice", "not-past-tense",
              "not-first-person", "i-overuse", "too-old", "ongoing-no-progress", "not-executive",
              "resume-style", "too-long", "competency-unaddressed", "acronym-undefined", "named-person"}
    assert tested == set(CHECK_CODES)


def test_a_passive_sentence_does_not_show_a_competency():
    from ecqtui.core.coach import evidence as _evidence
    from ecqtui.core.models import Story as _Story

    passive = _Story(achievement_id="a", ecq="RD", competencies=["problem_solving"],
                     action="The backlog problem was solved with a new triage process.")
    active = _Story(achievement_id="a", ecq="RD", competencies=["problem_solving"],
                    action="I built a new triage process to solve the backlog problem.")
    assert _evidence(passive, "classic") == {"problem_solving": None}
    assert _evidence(active, "classic")["problem_solving"] == active.action


def test_outcomes_told_as_movement_are_results():
    from ecqtui.core.coach import check_text as _check

    for result in ("The backlog fell 38% in 18 months.", "Wait times dropped by 41 days.",
                   "Errors down 41% in a year.", "Appeals declined from 18% to 4%."):
        text = f"Challenge\nA.\nContext\nB.\nAction\nI led it.\nResult\n{result}"
        assert "no-result" not in {f.code for f in _check(text, "classic")}, result
    text = "Challenge\nA.\nContext\nB.\nAction\nI led it.\nResult\nI set up a team of 40 staff."
    assert "no-result" in {f.code for f in _check(text, "classic")}
