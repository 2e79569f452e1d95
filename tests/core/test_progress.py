"""The six steps' states on Home and in plain mode's menu."""

from __future__ import annotations

import json
from pathlib import Path

from ecqtui.core.bank import Bank
from ecqtui.core.models import ReadinessAnswer, SelfEvaluation
from ecqtui.core.progress import resume_step, step_statuses
from ecqtui.core.self_eval import READINESS_QUESTIONS

DEMO = Path(__file__).resolve().parents[2] / "sample_data" / "demo.json"


def states(bank: Bank) -> dict[str, str]:
    return {s.id: s.state for s in step_statuses(bank, this_year=2026)}


def test_a_new_profile_starts_with_the_self_evaluation():
    bank = Bank()
    assert set(states(bank).values()) == {"not started"}
    assert resume_step(bank) == "self_eval"


def test_a_decision_with_questions_unanswered_leaves_the_self_evaluation_in_progress():
    bank = Bank(self_evaluation=SelfEvaluation(decision="commit", decision_date="2026-11-24"))
    [status] = [s for s in step_statuses(bank) if s.id == "self_eval"]
    assert status.state == "in progress" and "10 questions still open" in status.summary


def test_all_questions_answered_and_a_decision_is_done():
    answers = {q.id: ReadinessAnswer(answer="yes") for q in READINESS_QUESTIONS}
    bank = Bank(self_evaluation=SelfEvaluation(answers=answers, decision="not_yet", decision_date="2026-11-24"))
    assert states(bank)["self_eval"] == "done"


def test_the_demo_profile_shows_its_surplus_in_rebalance():
    bank = Bank.from_dict(json.loads(DEMO.read_text(encoding="utf-8")))
    statuses = {s.id: s for s in step_statuses(bank, this_year=2026)}
    assert statuses["brainstorm"].state == "done"
    assert statuses["rebalance"].state == "in progress" and "RD 5/2" in statuses["rebalance"].summary

