"""Words that guide the user, shared by the full-screen app and the plain prompt mode."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ecqtui.core.frameworks import Framework
from ecqtui.core.models import Achievement

#: How each CCAR part is labelled.
PART_LABELS = {"challenge": "Challenge", "context": "Context", "action": "Action", "result": "Result"}

#: What each part should hold (our own words, after the CCAR model in domain.md 1.5).
PART_GUIDANCE = {
    "challenge": (
        "The problem or goal you faced: specific, large in scale, and one you could not solve alone. "
        "Say what was at stake if nothing changed."
    ),
    # Each fits two lines of an 80-column screen with its label (the Write screen gives it two).
    "context": (
        "The setting: who was involved (staff, partners, officials, Congress), the constraints "
        "(budget, morale, deadlines), your role and the timeframe."
    ),
    "action": (
        "What you personally did: 'I' not 'we'; usually the longest part; show each competency you "
        "claim by an action, and why you chose it."
    ),
    "result": (
        "What changed because of what you did: outcomes with numbers (%, $, time, people) and their "
        "effect on the mission, customers or the organization."
    ),
}


@dataclass(frozen=True)
class MemoryPrompt:
    """A question that jogs memory, by ECQ lens or by year."""

    key: str
    label: str
    question: str
    start_year: int | None = None


def memory_prompts(framework: Framework, achievements: Iterable[Achievement], this_year: int) -> list[MemoryPrompt]:
    """The framework's prompts per ECQ, then one per year of the recency window with its count so far."""
    out = [
        MemoryPrompt(f"ecq:{ecq.id}:{i}", f"{ecq.id}  {prompt}", f"{ecq.name}: {prompt}")
        for ecq in framework.ecqs
        for i, prompt in enumerate(ecq.prompts)
    ]
    counts: dict[int, int] = {}
    for a in achievements:
        first = a.start_year or a.end_year
        last = this_year if a.ongoing else (a.end_year or a.start_year)
        if first and last:
            for year in range(first, min(last, this_year) + 1):
                counts[year] = counts.get(year, 0) + 1
    for year in range(this_year, this_year - framework.rules.recency_years, -1):
        out.append(MemoryPrompt(
            f"year:{year}",
            f"{year}  ({counts.get(year, 0)} listed) What did you lead or change in {year}?",
            f"What did you lead or change in {year}? Think of budgets, people, systems, partners.",
            start_year=year,
        ))
    return out
