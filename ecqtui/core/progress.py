"""Where the user stands in the six steps, so both front ends can show it and resume there."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ecqtui.core.bank import Bank
from ecqtui.core.frameworks import Framework, load_framework
from ecqtui.core.self_eval import READINESS_QUESTIONS

#: The six steps, in order: (id, name as the user sees it).
STEPS: tuple[tuple[str, str], ...] = (
    ("self_eval", "Self-evaluation"),
    ("brainstorm", "Brainstorm"),
    ("map", "Map to ECQs"),
    ("rebalance", "Rebalance"),
    ("write", "Write CCAR"),
    ("outline", "Outline"),
)
STEP_NAMES = dict(STEPS)

NOT_STARTED, IN_PROGRESS, DONE = "not started", "in progress", "done"
#: A symbol per state, so state never depends on colour alone.
STATE_SYMBOLS = {NOT_STARTED: "[ ]", IN_PROGRESS: "[~]", DONE: "[x]"}


@dataclass(frozen=True)
class StepStatus:
    id: str
    name: str
    state: str
    summary: str

    @property
    def symbol(self) -> str:
        return STATE_SYMBOLS[self.state]


def recent_achievements(bank: Bank, framework: Framework, *, this_year: int | None = None) -> int:
    """Achievements ongoing or ended within the framework's recency window."""
    year = this_year or date.today().year
    window = framework.rules.recency_years
    return sum(
        1
        for a in bank.achievements
        if a.ongoing or (a.end_year or a.start_year or 0) >= year - window
    )


def step_statuses(bank: Bank, *, this_year: int | None = None) -> list[StepStatus]:
    framework = load_framework(bank.profile.framework)
    rules = framework.rules
    needed = rules.distinct_stories_total
    out: list[StepStatus] = []

    # Self-evaluation: answered questions, then the recorded decision.
    se = bank.self_evaluation
    answered = sum(1 for q in READINESS_QUESTIONS if (a := se.answers.get(q.id)) and a.answer)
    if se.decision:
        verdict = "commit" if se.decision == "commit" else "not yet"
        summary = f"decided: {verdict} ({se.decision_date or 'no date'})"
        # A decision taken without the questions is not a finished self-evaluation.
        state = DONE if answered == len(READINESS_QUESTIONS) else IN_PROGRESS
        if state == IN_PROGRESS:
            summary += f"; {len(READINESS_QUESTIONS) - answered} questions still open"
    else:
        state = IN_PROGRESS if answered or se.fit or se.career_stages else NOT_STARTED
        summary = f"{answered} of {len(READINESS_QUESTIONS)} readiness questions answered; no decision yet"
    out.append(StepStatus("self_eval", STEP_NAMES["self_eval"], state, summary))

    # Brainstorm: enough recent achievements to tell the stories the framework needs.
    total = len(bank.achievements)
    recent = recent_achievements(bank, framework, this_year=this_year)
    state = NOT_STARTED if total == 0 else DONE if recent >= needed else IN_PROGRESS
    summary = f"{total} achievement{'s' * (total != 1)}, {recent} from the last {rules.recency_years} years"
    if state == IN_PROGRESS:
        summary += f" (aim for {needed})"
    out.append(StepStatus("brainstorm", STEP_NAMES["brainstorm"], state, summary))

    # Map: every ECQ has at least its minimum number of stories.
    by_ecq = bank.stories_by_ecq()
    covered = sum(1 for e in framework.ecqs if len(by_ecq.get(e.id, [])) >= rules.min_stories_per_ecq)
    mapped = sum(1 for a in bank.achievements if bank.stories_for(a.id))
    state = NOT_STARTED if not bank.stories else DONE if covered == len(framework.ecqs) else IN_PROGRESS
    summary = f"{mapped} of {total} achievements mapped; {covered} of {len(framework.ecqs)} ECQs have a story"
    out.append(StepStatus("map", STEP_NAMES["map"], state, summary))

    # Rebalance: no ECQ under its target or over its maximum.
    counts = {e.id: len(by_ecq.get(e.id, [])) for e in framework.ecqs}
    short = [e for e, n in counts.items() if n < rules.target_stories_per_ecq]
    over = [e for e, n in counts.items() if n > rules.max_stories_per_ecq]
    if not bank.stories:
        state, summary = NOT_STARTED, "map achievements first"
    elif not short and not over:
        state, summary = DONE, f"every ECQ has {rules.target_stories_per_ecq}+ stories"
    else:
        state = IN_PROGRESS
        parts = [f"{e} {counts[e]}/{rules.target_stories_per_ecq}" for e in framework.ecq_ids]
        summary = "stories per ECQ: " + ", ".join(parts)
    out.append(StepStatus("rebalance", STEP_NAMES["rebalance"], state, summary))

    # Write: stories marked done.
    done = sum(1 for s in bank.stories if s.status == "done")
    started = sum(1 for s in bank.stories if any((s.challenge, s.context, s.action, s.result)))
    if not bank.stories:
        state, summary = NOT_STARTED, "no stories yet"
    else:
        state = DONE if done == len(bank.stories) else IN_PROGRESS if started else NOT_STARTED
        summary = f"{done} of {len(bank.stories)} stories done, {started} started"
    out.append(StepStatus("write", STEP_NAMES["write"], state, summary))

    # Outline: something to print once a story has words in it.
    if not started:
        state, summary = NOT_STARTED, "write a story first"
    else:
        state = DONE if done and done == len(bank.stories) else IN_PROGRESS
        summary = f"{started} stor{'ies' if started != 1 else 'y'} to print"
    out.append(StepStatus("outline", STEP_NAMES["outline"], state, summary))
    return out


def resume_step(bank: Bank) -> str:
    """The step to open on start: the last one visited, else the first not done."""
    if bank.profile.last_step in STEP_NAMES:
        return bank.profile.last_step
    for status in step_statuses(bank):
        if status.state != DONE:
            return status.id
    return "outline"
