"""Rebalancing: retell surplus stories (usually Results Driven) through an ECQ that lacks them."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from ecqtui.core.bank import Bank
from ecqtui.core.coach.suggest import suggest_for_story
from ecqtui.core.coach.textutil import FIGURE, sentences
from ecqtui.core.frameworks import Framework, load_framework
from ecqtui.core.models import LensChange, Story


@dataclass(frozen=True)
class Move:
    story_id: str
    from_ecq: str
    to_ecq: str
    score: float
    why: str
    cues: tuple[str, ...]
    competencies: tuple[str, ...]
    new_challenge: str
    foreground: str
    lead_result: str
    #: competency id -> retelling questions for it.
    questions: dict[str, tuple[str, ...]]


def _framework(bank: Bank, framework: Framework | str | None) -> Framework:
    if isinstance(framework, Framework):
        return framework
    return load_framework(framework or bank.profile.framework)


def propose_moves(bank: Bank, framework: Framework | str | None = None) -> list[Move]:
    """Moves from ECQs above their target to ECQs below it, best fitting first.

    Never takes a story from an ECQ at or below its target (so no ECQ is ever emptied), and
    moves each story at most once. Stories whose text already carries the target ECQ's cues
    are preferred: they need the least rewriting.
    """
    fw = _framework(bank, framework)
    target = fw.rules.target_stories_per_ecq
    counts = {e.id: 0 for e in fw.ecqs}
    for s in bank.stories:
        if s.ecq in counts:
            counts[s.ecq] += 1
    deficits = [e for e in fw.ecqs if counts[e.id] < target]
    if not deficits:
        return []
    fits: dict[str, dict[str, tuple[float, object]]] = {}
    for story in bank.stories:
        if story.ecq in counts:
            suggestion = suggest_for_story(story, fw, bank.achievement(story.achievement_id))
            fits[story.id] = {e.ecq: (e.score, e) for e in suggestion.ranking}
    moves: list[Move] = []
    used: set[str] = set()
    # Greedy on fit: the story that best fits any ECQ still short of its target moves first.
    while True:
        pairs = [
            (fits[s.id][e.id][0], -fits[s.id][s.ecq][0], -bank.stories.index(s), -fw.ecq_ids.index(e.id), s, e)
            for s in bank.stories
            if s.id not in used and s.ecq in counts and counts[s.ecq] > target
            for e in deficits
            if counts[e.id] < target and e.id != s.ecq
        ]
        if not pairs:
            break
        *_, story, ecq = max(pairs, key=lambda p: p[:4])
        used.add(story.id)
        counts[story.ecq] -= 1
        counts[ecq.id] += 1
        moves.append(_make_move(bank, fw, story, ecq.id, fits[story.id][ecq.id]))
    moves.sort(key=lambda m: -m.score)
    return moves


def _make_move(bank: Bank, fw: Framework, story: Story, to_ecq: str, fit: tuple[float, object]) -> Move:
    score, ecq_score = fit
    target = fw.ecq(to_ecq)
    source = fw.ecq(story.ecq)
    present = [c for c in ecq_score.competencies if c.score > 0]  # type: ignore[attr-defined]
    comps = tuple(c.id for c in present[:3]) or tuple(c.id for c in target.competencies[:2])
    cues = tuple(ecq_score.cues)  # type: ignore[attr-defined]
    if cues:
        why = (f"Its text already speaks to {target.name}: "
               + ", ".join(f"'{c}'" for c in cues[:5])
               + (f" ({', '.join(fw.competency(c).name for c in comps)})." if comps else "."))
    else:
        why = (f"{source.name} has more stories than it needs and {target.name} too few; this one fits "
               f"{source.name} least, so it costs the least to retell.")
    achievement = bank.achievement(story.achievement_id)
    figure = _first_figure(story.result) or _first_figure(" ".join(achievement.results) if achievement else "")
    lead = target.reframe.result
    if figure:
        lead += f" Keep your figure ('{figure}') as support, but lead with the {target.name} outcome."
    questions = {c: fw.competency(c).questions[:3] for c in comps}
    return Move(
        story_id=story.id, from_ecq=story.ecq, to_ecq=to_ecq, score=round(score, 3), why=why, cues=cues,
        competencies=comps, new_challenge=target.reframe.challenge, foreground=target.reframe.action,
        lead_result=lead, questions=questions,
    )


def _first_figure(text: str) -> str:
    for _, _, sentence in sentences(text or ""):
        if FIGURE.search(sentence):
            return sentence if len(sentence) <= 90 else sentence[:87] + "..."
    return ""


def apply_move(story: Story, move: Move, *, competencies: list[str] | None = None, reframe: str = "") -> Story:
    """A copy of ``story`` told through the move's target ECQ; the old lens stays in its history."""
    moved = copy.deepcopy(story)
    moved.lens_history.append(LensChange(from_ecq=story.ecq, to_ecq=move.to_ecq, reason=move.why[:300]))
    moved.ecq = move.to_ecq
    moved.competencies = list(competencies if competencies is not None else move.competencies)
    if reframe:
        moved.reframe = reframe
    return moved
