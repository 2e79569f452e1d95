"""The self-evaluation that comes before committing to an SES bid.

The questions are the project's own wording of the readiness checks coaches use. Each
question names the development actions that would build the quality it asks about, so a
"not yet" turns into a plan rather than a verdict.
"""

from __future__ import annotations

from dataclasses import dataclass

from ecqtui.core.models import CAREER_STAGES, SelfEvaluation


@dataclass(frozen=True)
class ReadinessQuestion:
    id: str
    topic: str
    question: str
    #: What a good example answer would describe.
    example_hint: str
    #: Concrete ways to build this quality, offered when the answer is not "yes".
    development: tuple[str, ...]


READINESS_QUESTIONS: tuple[ReadinessQuestion, ...] = (
    ReadinessQuestion(
        "communication",
        "Communication",
        "Do you get your point across clearly to very different audiences, both on paper and face to face?",
        "A briefing to senior officials, a memo that changed a decision, a tense public meeting.",
        (
            "Volunteer to brief senior leadership or an outside audience this quarter.",
            "Ask a trusted reader to mark up your next decision memo for clarity and length.",
            "Join a writing or speaking programme (for example a Toastmasters club or an agency course).",
        ),
    ),
    ReadinessQuestion(
        "everyday_leadership",
        "Leadership in everyday life",
        "Do people look to you to lead even when no one has put you in charge, at work or outside it?",
        "A volunteer board you chair, a crisis where colleagues turned to you, a group you organised.",
        (
            "Take the lead on a cross-office effort nobody currently owns.",
            "Lead a volunteer or community group for a season.",
        ),
    ),
    ReadinessQuestion(
        "events_and_people",
        "Handling events and different people",
        "Are you at ease running events and working with people whose backgrounds and views differ from yours?",
        "Hosting a partner delegation, a town hall, a team spread across regions or cultures.",
        (
            "Host the next all-hands, offsite or partner visit in your organization.",
            "Seek a detail or rotation with a very different office, agency or sector.",
        ),
    ),
    ReadinessQuestion(
        "debate",
        "Debate and persuasion",
        "Can you argue a position well, with evidence, and change minds without damaging relationships?",
        "Winning support for a budget request, a policy disagreement you settled, a negotiation.",
        (
            "Prepare and present the options paper for a contested decision.",
            "Take part in a panel, a debate or a negotiation training.",
        ),
    ),
    ReadinessQuestion(
        "hard_decisions",
        "Hard decisions",
        "Do you make difficult calls on time, even with incomplete information or unwelcome consequences?",
        "Cancelling a failing contract, a reorganization, a removal for performance.",
        (
            "Keep a decision log for three months: what you decided, on what evidence, and what followed.",
            "Ask your supervisor to delegate a decision that is currently made above you.",
        ),
    ),
    ReadinessQuestion(
        "responsibility",
        "Responsibility",
        "Are you comfortable carrying responsibility for large budgets, many people and public outcomes?",
        "Acting in a higher position, owning a program budget, being accountable for an audit.",
        (
            "Seek an acting assignment one level up, or a 120-day detail in a leadership role.",
            "Take ownership of a program's budget formulation and execution for a full cycle.",
        ),
    ),
    ReadinessQuestion(
        "difficult_problems",
        "Difficult problems",
        "Do you get to the bottom of complex problems and see the solution through?",
        "A root cause others missed, a failing system you turned around, a long-standing audit finding closed.",
        (
            "Volunteer for a tiger team or corrective-action plan on a problem your agency has not solved.",
        ),
    ),
    ReadinessQuestion(
        "change",
        "Change",
        "Do you handle change well, and use it to get better results rather than simply absorbing it?",
        "A reorganization you led, a new law or mandate you implemented, a pivot after a setback.",
        (
            "Lead the implementation of the next new mandate, system or reorganization in your area.",
            "Write a one-page future-state vision for your program and test it with your leadership.",
        ),
    ),
    ReadinessQuestion(
        "teams",
        "Bringing out the best in teams",
        "Do you organize people so that teams do their best work and grow while doing it?",
        "A team you rebuilt, people you developed into leaders, a conflict you resolved.",
        (
            "Mentor two emerging leaders and agree development plans with them.",
            "Take on a struggling team or a cross-functional team with no single reporting line.",
        ),
    ),
    ReadinessQuestion(
        "changing_government",
        "Changing how government works",
        "Have you changed the way things are done in government, beyond your own office?",
        "A process adopted agency-wide, a policy you drafted, a model other agencies copied.",
        (
            "Propose one improvement that crosses your office's boundary and build the coalition to adopt it.",
            "Join an interagency working group or council in your field.",
        ),
    ),
)

QUESTIONS_BY_ID = {q.id: q for q in READINESS_QUESTIONS}

#: "Would the SES life suit you?" topics, each with its reflection prompt.
FIT_TOPICS: tuple[tuple[str, str], ...] = (
    ("pressure", "Picture a normal week as an executive: long days, public scrutiny, little control over the calendar. How would that pressure affect you and those close to you?"),
    ("responsibility", "Executives answer for results they do not produce themselves. How do you feel about being accountable for the work of hundreds of people?"),
    ("collaboration", "Most executive work is done through others, across boundaries, by persuasion. Do you enjoy that kind of collaboration, or does it drain you?"),
)

#: The levels at which people lead, as the self-evaluation asks about them.
CAREER_STAGE_PROMPTS: dict[str, str] = {
    "personal": "Leading yourself: a time you took responsibility for your own growth, writing, speaking or a new idea.",
    "team": "Leading a team or project: people, money, technology or a change you managed.",
    "organizational": "Leading an organization: a vision you set, partners you negotiated with, politics you navigated.",
}
assert tuple(CAREER_STAGE_PROMPTS) == CAREER_STAGES

#: Questions for "Ask others": what to ask colleagues, family or mentors.
ASK_OTHERS_PROMPTS: tuple[str, ...] = (
    "Can you remember a time I took the lead when nobody else would?",
    "When did you see me solve a problem others had given up on?",
    "When did I bring people together who did not usually work together?",
    "Was there a time I handled money, people or technology especially well?",
    "What do you think I do better than most leaders you know?",
)


@dataclass(frozen=True)
class ReadinessSummary:
    answered: int
    total: int
    ready: bool
    #: Questions answered "not yet" or "unsure", in question order.
    develop: tuple[ReadinessQuestion, ...]
    #: Questions not answered at all.
    unanswered: tuple[ReadinessQuestion, ...]
    #: Career stages with no example written.
    missing_stages: tuple[str, ...]
    #: A decision (commit or not yet) has been recorded.
    decided: bool = False

    @property
    def suggested_actions(self) -> list[str]:
        """One or two development actions per area to develop, in question order."""
        actions: list[str] = []
        for q in self.develop:
            actions.extend(q.development[:2])
        return actions

    @property
    def verdict(self) -> str:
        if self.unanswered:
            return f"{len(self.unanswered)} of {self.total} readiness questions still to answer."
        if self.ready:
            return "Ready: every readiness question is a yes." + ("" if self.decided else " Record your decision to commit.")
        if self.decided:
            return f"{len(self.develop)} area(s) to develop: keep them in your development plan."
        return f"Not yet: {len(self.develop)} area(s) to develop before committing."


def summarize(evaluation: SelfEvaluation) -> ReadinessSummary:
    """Ready means every readiness question answered "yes" (the coaches' rule of thumb)."""
    develop, unanswered = [], []
    for q in READINESS_QUESTIONS:
        answer = evaluation.answers.get(q.id)
        if answer is None or answer.answer is None:
            unanswered.append(q)
        elif answer.answer != "yes":
            develop.append(q)
    missing = tuple(s for s in CAREER_STAGES if not evaluation.career_stages.get(s, "").strip())
    answered = len(READINESS_QUESTIONS) - len(unanswered)
    return ReadinessSummary(
        answered=answered,
        total=len(READINESS_QUESTIONS),
        ready=not develop and not unanswered,
        develop=tuple(develop),
        unanswered=tuple(unanswered),
        missing_stages=missing,
        decided=bool(evaluation.decision),
    )
