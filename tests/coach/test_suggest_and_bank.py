"""Suggestions, coverage, rebalancing and framework switches on clear cases and the demo profile."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ecqtui.core.bank import Bank
from ecqtui.core.coach import (
    apply_move,
    apply_switch,
    coverage,
    estimate_length,
    plan_switch,
    propose_moves,
    suggest,
)
from ecqtui.core.models import Achievement, Story

DEMO = Path(__file__).resolve().parents[2] / "sample_data" / "demo.json"


def demo() -> Bank:
    return Bank.from_dict(json.loads(DEMO.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("framework", "text", "best"),
    [
        ("classic", "Stood up a new program office and led the reorg of 3 divisions toward a new vision", "LC"),
        ("classic", "Coached 6 supervisors, resolved a grievance with the union, FEVS engagement up 12 pts", "LP"),
        ("classic", "Cut the claims backlog 38% and wait times by half; closed 27 GAO recommendations", "RD"),
        ("classic", "Formulated the FY24 budget, reprogrammed $4M, hired 14 FTE, moved legacy system to cloud", "BA"),
        ("classic", "Negotiated an MOU with 9 states and briefed congressional staff to build a coalition", "BC"),
        ("2025", "Cut contract costs $3M by consolidating duplicative IT systems and automating intake", "DE"),
        ("2025", "Ensured the new rule followed statutory authority; worked with General Counsel on legal review", "ROL"),
    ],
)
def test_clear_cases_rank_first(framework, text, best):
    assert suggest(text, framework).best.ecq == best


def test_suggestion_shape_and_explanations():
    result = suggest("Led 40-FTE reorg of OIG audit followup; closed 27 GAO recs; cut backlog 38%; MOU w/ DHS")
    data = result.to_dict()
    assert [e["ecq"] for e in data["ranking"]] and len(data["ranking"]) == 5
    assert {e["ecq"] for e in data["ranking"]} == {"LC", "LP", "RD", "BA", "BC"}
    scores = [e["score"] for e in data["ranking"]]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
    top = data["ranking"][0]
    assert top["ecq"] == "RD" and any("GAO" in c["cues"] for c in top["competencies"])


def test_acronyms_match_case_sensitively():
    assert "IT" not in suggest("I fixed it quickly.").ranking[0].cues
    assert suggest("Moved IT systems to the cloud.").best.ecq == "BA"


def test_challenge_weighs_more_than_results():
    result = "Cut costs by 20% and reduced wait times."
    people = suggest(result, challenge="Morale had collapsed; the team was in open conflict with its supervisors.")
    assert people.best.ecq == "LP"


def test_empty_text_gives_a_zero_ranking():
    result = suggest("")
    assert not result.confident and all(e.score == 0 for e in result.ranking)


def test_length_estimate():
    est = estimate_length("word " * 500)
    assert est.words == 500 and est.pages == 1.0 and est.spoken_minutes == pytest.approx(3.57, abs=0.01)


def test_demo_coverage_counts_gaps_and_look_alikes():
    cov = coverage(demo())
    assert cov.counts["RD"] >= 4 and cov.counts["BC"] == 0
    assert any("Building Coalitions" in g for g in cov.gaps)
    assert any({a, b} == {"a06", "a07"} for a, b, _ in cov.similar_achievements)


def test_duplicate_primary_flags_one_achievement_told_for_two_ecqs():
    bank = Bank(achievements=[Achievement(id="a1", title="x")],
                stories=[Story(id="s1", achievement_id="a1", ecq="RD"), Story(id="s2", achievement_id="a1", ecq="LC")])
    assert coverage(bank, "classic").duplicate_primary == [("a1", ("LC", "RD"))]


def test_rebalance_moves_surplus_and_never_takes_an_ecq_below_target():
    bank = demo()
    moves = propose_moves(bank)
    assert moves and all(m.from_ecq == "RD" for m in moves)
    before = coverage(bank).counts
    after = dict(before)
    for m in moves:
        after[m.from_ecq] -= 1
        after[m.to_ecq] += 1
    assert after["RD"] >= 2 and all(n >= 0 for n in after.values())
    assert len({m.story_id for m in moves}) == len(moves)
    assert all(m.questions and all(len(q) >= 2 for q in m.questions.values()) for m in moves)


def test_rebalance_never_empties_an_ecq():
    bank = Bank(achievements=[Achievement(id=f"a{i}", title="x") for i in range(3)],
                stories=[Story(id="s1", achievement_id="a0", ecq="RD"), Story(id="s2", achievement_id="a1", ecq="LC")])
    assert propose_moves(bank, "classic") == []  # nobody is above target: nothing to take


def test_rebalance_prefers_stories_carrying_the_target_cues():
    ach = [Achievement(id=f"a{i}", title=f"t{i}") for i in range(4)]
    stories = [
        Story(id="plain", achievement_id="a0", ecq="RD", challenge="The backlog grew to 9,000 cases."),
        Story(id="coalition", achievement_id="a1", ecq="RD",
              challenge="Nine states, OMB and two other agencies disagreed on sharing data; I negotiated an MOU."),
        Story(id="third", achievement_id="a2", ecq="RD", challenge="Audit findings piled up."),
    ]
    moves = propose_moves(Bank(achievements=ach, stories=stories), "classic")
    first_to_bc = next(m for m in moves if m.to_ecq == "BC")
    assert first_to_bc.story_id == "coalition" and first_to_bc.cues


def test_apply_move_keeps_the_old_lens_in_history():
    bank = demo()
    move = propose_moves(bank)[0]
    story = bank.story(move.story_id)
    moved = apply_move(story, move, reframe="Tell it as the coalition I built")
    assert moved.ecq == move.to_ecq and moved.reframe.startswith("Tell it")
    assert moved.lens_history[-1].from_ecq == story.ecq and moved.lens_history[-1].to_ecq == move.to_ecq
    assert story.ecq == move.from_ecq  # the original is untouched


def test_switch_to_2025_relabels_and_lists_stories_to_retell():
    bank = demo()
    bank.stories.append(Story(id="bc1", achievement_id=bank.achievements[0].id, ecq="BC", competencies=["partnering"]))
    plan = plan_switch(bank, "2025")
    relabels = {sid: new for sid, _, new, _ in plan.relabels}
    assert relabels["bc1"] is None and "bc1" in plan.needs_retelling
    switched = apply_switch(bank, plan)
    assert switched.profile.framework == "2025"
    assert switched.story("bc1").lens_history[-1].reason == "framework switch"
    fin = next(s for s in switched.stories if s.ecq == "DE" or "fiscal_responsibility" in s.competencies)
    assert fin is not None


def test_switching_framework_and_back_restores_every_lens_and_competency_exactly():
    import json as _json
    from pathlib import Path as _Path

    from ecqtui.core.bank import Bank as _Bank
    from ecqtui.core.coach import apply_switch as _apply, plan_switch as _plan

    demo = _Bank.from_dict(_json.loads((_Path(__file__).resolve().parents[2] / "sample_data" / "demo.json")
                                       .read_text(encoding="utf-8")))
    before = [(s.id, s.ecq, s.competencies) for s in demo.stories]
    there = _apply(demo, _plan(demo, "2025"))
    assert [s.ecq for s in there.stories] != [s.ecq for s in demo.stories]
    back = _apply(there, _plan(there, "classic"))
    assert [(s.id, s.ecq, s.competencies) for s in back.stories] == before
    assert back.profile.framework == "classic"
    assert all(len(s.lens_history) >= 2 for s in back.stories)      # both switches are kept in history


def test_a_story_remapped_after_a_switch_is_not_undone_by_switching_back():
    import json as _json
    from pathlib import Path as _Path

    from ecqtui.core.bank import Bank as _Bank
    from ecqtui.core.coach import apply_switch as _apply, plan_switch as _plan
    from ecqtui.core.models import LensChange as _LensChange

    demo = _Bank.from_dict(_json.loads((_Path(__file__).resolve().parents[2] / "sample_data" / "demo.json")
                                       .read_text(encoding="utf-8")))
    there = _apply(demo, _plan(demo, "2025"))
    story = there.stories[0]
    story.lens_history.append(_LensChange(from_ecq=story.ecq, to_ecq="LP", reason="chosen in Map to ECQs"))
    story.ecq, story.competencies = "LP", []
    back = _apply(there, _plan(there, "classic"))
    assert back.stories[0].ecq == "LP"                           # through the crosswalk, not restored to RD
