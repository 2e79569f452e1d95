"""Sample records with every field set, shared by the store tests (a plain module, not a test)."""

from __future__ import annotations

from ecqtui.core.bank import Bank
from ecqtui.core.models import (
    Achievement,
    LensChange,
    Profile,
    ReadinessAnswer,
    Recollection,
    Revision,
    SelfEvaluation,
    Story,
)

OLD = "2019-03-04T05:06:07+00:00"


def full_profile() -> Profile:
    return Profile(name="Zoë O’Brien-Łukasz", framework="2025", created=OLD, last_step="stories")


def full_self_evaluation() -> SelfEvaluation:
    return SelfEvaluation(
        answers={
            "communication": ReadinessAnswer(answer="yes", example="Briefed the Deputy Secretary — twice."),
            "everyday_leadership": ReadinessAnswer(answer="not_yet", example="Coached a 🏀 team"),
            "resilience": ReadinessAnswer(answer="unsure", example=""),
        },
        fit={"pressure": "Thrive under “real” deadlines", "collaboration": "Cross-agency 中文 group"},
        career_stages={"personal": "Ran a food drive", "team": "Led 12 analysts", "organizational": "Reorg"},
        decision="commit",
        decision_date="2024-05-01",
        development_plan=["Detail to OMB", "Toastmasters"],
    )


def full_achievement(**over) -> Achievement:
    values = dict(
        id="ach1",
        title="Audit backlog turnaround",
        summary="Closed 27 GAO recommendations",
        start_year=2019,
        end_year=2022,
        ongoing=False,
        people=40,
        budget=2_100_000.5,
        organizations=3,
        results=["cut backlog 38%", "$2.1M saved"],
        notes="Ask Pat for the numbers",
        recollection_id="rec1",
        created=OLD,
        updated=OLD,
    )
    values.update(over)
    return Achievement(**values)


def full_story(**over) -> Story:
    values = dict(
        id="sto1",
        achievement_id="ach1",
        ecq="LC",
        competencies=["Creativity", "Vision"],
        challenge="The backlog was 900 cases.",
        context="Two offices, one budget.",
        action="I reorganized intake.",
        result="Backlog down 38%.",
        status="drafting",
        reframe="Told as change leadership",
        lens_history=[LensChange(from_ecq="RD", to_ecq="LC", at=OLD, reason="balance", from_framework="classic",
                                 from_competencies=["accountability"])],
        created=OLD,
        updated=OLD,
    )
    values.update(over)
    return Story(**values)


def full_recollection() -> Recollection:
    return Recollection(id="rec1", who="Pat", relation="former deputy", text="You calmed the room.",
                        achievement_id="ach1", created=OLD)


def full_revision() -> Revision:
    return Revision(kind="stories", record_id="sto1", at=OLD, field="action", text="I fixed intake.")


def full_bank() -> Bank:
    return Bank(
        profile=full_profile(),
        self_evaluation=full_self_evaluation(),
        achievements=[full_achievement(), full_achievement(id="ach2", title="Second", ongoing=True, end_year=None)],
        stories=[full_story()],
        recollections=[full_recollection()],
        revisions=[full_revision()],
    )
