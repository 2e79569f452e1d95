"""Which ECQ an achievement or story fits, with the words that say so.

Deterministic and offline: every cue phrase in the framework data that occurs in the text
adds weight to its ECQ (and to its competency, for competency cues). The Challenge weighs
most, because a story belongs where its challenge lives; the Result weighs least, because
every story has results.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ecqtui.core.coach.textutil import CueIndex, FIGURE, sentences, tokens
from ecqtui.core.frameworks import Framework, load_framework
from ecqtui.core.models import Achievement, Story

#: How much each CCAR part counts towards the suggestion.
PART_WEIGHTS = {"challenge": 2.0, "context": 1.3, "action": 1.0, "result": 0.5}
#: Weight of a cue seen again in the same text (the first sighting counts 1).
REPEAT_WEIGHT = 0.3
#: In undivided text, sentences that report outcomes count this much.
RESULT_SENTENCE_WEIGHT = 0.6
#: In undivided text, the opening sentence (or line) usually states the challenge.
OPENING_SENTENCE_WEIGHT = 1.5
#: Words that mark a sentence as reporting an outcome.
_RESULT_WORDS = frozenset(
    "reduced cut saved increased improved raised lowered grew achieved resulted yielding yielded "
    "avoided dropped rose doubled tripled eliminated delivered fell declined decreased shrank "
    "halved climbed down up".split()
)
#: Arrows people type for "from ... to ..." in terse results ("backlog 9,000 -> 500").
_ARROWS = ("->", "\u2192", "=>")
#: Cues so common in any federal write-up that they say little about the ECQ on their own.
GENERIC_CUES = frozenset({
    "data", "system*", "team*", "staff", "funding", "training", "policy", "technical", "problem*",
    "solution*", "quality", "goals", "risk", "analysis", "analyses", "analyz*", "employees",
    "grants", "savings", "saved", "joint", "signed", "states", "state", "shift*", "propos*",
    "decision*", "outcome*", "target*", "cost*", "delay*", "culture", "roles", "production",
    "evidence",
})
GENERIC_WEIGHT = 0.5
#: Limit on the text examined, so a pasted book still answers at once.
MAX_CHARS = 200_000


@dataclass(frozen=True)
class CompetencyScore:
    id: str
    name: str
    score: float
    cues: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "score": round(self.score, 3), "cues": list(self.cues)}


@dataclass(frozen=True)
class EcqScore:
    ecq: str
    name: str
    score: float
    competencies: tuple[CompetencyScore, ...]
    cues: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "ecq": self.ecq,
            "name": self.name,
            "score": round(self.score, 3),
            "competencies": [c.to_dict() for c in self.competencies],
        }


@dataclass(frozen=True)
class Suggestion:
    text: str
    framework: str
    ranking: tuple[EcqScore, ...]

    @property
    def best(self) -> EcqScore:
        return self.ranking[0]

    @property
    def confident(self) -> bool:
        """False when no cue matched at all (the ranking is then only the framework order)."""
        return self.ranking[0].score > 0

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "framework": self.framework, "ranking": [e.to_dict() for e in self.ranking]}


class _Matcher:
    """The framework's cues indexed once, each knowing which ECQ/competency it speaks for."""

    def __init__(self, framework: Framework) -> None:
        self.framework = framework
        self.owners: dict[str, list[tuple[str, str | None]]] = {}
        for ecq in framework.ecqs:
            for phrase in ecq.cues:
                self.owners.setdefault(phrase, []).append((ecq.id, None))
            for comp in ecq.competencies:
                for phrase in comp.cues:
                    self.owners.setdefault(phrase, []).append((ecq.id, comp.id))
        self.index = CueIndex(self.owners)


@lru_cache(maxsize=8)
def _matcher(framework_id: str) -> _Matcher:
    return _Matcher(load_framework(framework_id))


def _framework(framework: Framework | str) -> Framework:
    return load_framework(framework) if isinstance(framework, str) else framework


def score_parts(parts: list[tuple[str, float]], framework: Framework | str = "classic", *, label: str = "") -> Suggestion:
    """Rank the framework's ECQs for weighted pieces of text: [(text, weight), ...]."""
    fw = _framework(framework)
    matcher = _matcher(fw.id)
    ecq_raw: dict[str, float] = {e.id: 0.0 for e in fw.ecqs}
    comp_raw: dict[tuple[str, str], float] = {}
    ecq_cues: dict[str, list[str]] = {e.id: [] for e in fw.ecqs}
    comp_cues: dict[tuple[str, str], list[str]] = {}
    seen: dict[tuple[str, str | None, str], int] = {}
    for text, weight in parts:
        if not text or weight <= 0:
            continue
        text = text[:MAX_CHARS]
        toks = tokens(text)
        for cue, start, end in matcher.index.find(toks):
            surface = text[start:end]
            # A phrase listed for an ECQ and for its competencies (or for two of them) adds
            # to the ECQ once, so an ECQ gains nothing from having more competency lists.
            credited: set[str] = set()
            for ecq_id, comp_id in matcher.owners[cue.phrase]:
                key = (ecq_id, comp_id, cue.phrase)
                count = seen.get(key, 0)
                seen[key] = count + 1
                gain = weight * (1.0 if count == 0 else REPEAT_WEIGHT)
                if cue.phrase in GENERIC_CUES:
                    gain *= GENERIC_WEIGHT
                if ecq_id not in credited:
                    credited.add(ecq_id)
                    ecq_raw[ecq_id] += gain
                if count == 0 and surface.lower() not in (c.lower() for c in ecq_cues[ecq_id]):
                    ecq_cues[ecq_id].append(surface)
                if comp_id is not None:
                    comp_raw[(ecq_id, comp_id)] = comp_raw.get((ecq_id, comp_id), 0.0) + gain
                    found = comp_cues.setdefault((ecq_id, comp_id), [])
                    if count == 0 and surface.lower() not in (c.lower() for c in found):
                        found.append(surface)
    total = sum(ecq_raw.values())
    ranking = []
    for order, ecq in enumerate(fw.ecqs):
        raw = ecq_raw[ecq.id]
        comps = []
        for comp in ecq.competencies:
            c_raw = comp_raw.get((ecq.id, comp.id), 0.0)
            comps.append(CompetencyScore(comp.id, comp.name, c_raw / raw if raw else 0.0,
                                         tuple(comp_cues.get((ecq.id, comp.id), ()))))
        comps.sort(key=lambda c: -c.score)
        ranking.append((-(raw / total if total else 0.0), order,
                        EcqScore(ecq.id, ecq.name, raw / total if total else 0.0, tuple(comps),
                                 tuple(ecq_cues[ecq.id]))))
    ranking.sort(key=lambda r: (r[0], r[1]))
    return Suggestion(text=label, framework=fw.id, ranking=tuple(r[2] for r in ranking))


def _plain_text_parts(text: str) -> list[tuple[str, float]]:
    """Undivided text: the opening sentence usually states the challenge; outcome
    sentences (a figure and an outcome verb) count less."""
    parts = []
    found = sentences(text[:MAX_CHARS])
    for i, (_, _, sentence) in enumerate(found):
        weight = OPENING_SENTENCE_WEIGHT if i == 0 and len(found) > 1 else 1.0
        if i > 0 and FIGURE.search(sentence):
            words = {t.lower for t in tokens(sentence)}
            if words & _RESULT_WORDS or any(a in sentence for a in _ARROWS):
                weight = RESULT_SENTENCE_WEIGHT
        parts.append((sentence, weight))
    return parts


def suggest(text: str, framework: Framework | str = "classic", *, challenge: str = "") -> Suggestion:
    """Rank the ECQs for an achievement's text; ``challenge`` (if known) weighs double."""
    parts = _plain_text_parts(text or "")
    if challenge:
        parts.append((challenge, PART_WEIGHTS["challenge"]))
    return score_parts(parts, framework, label=text or "")


def achievement_text(achievement: Achievement) -> str:
    pieces = [achievement.title, achievement.summary, *achievement.results, achievement.notes]
    return "\n".join(p for p in pieces if p)


def suggest_for_achievement(achievement: Achievement, framework: Framework | str = "classic") -> Suggestion:
    """The title and summary say what the achievement was about; results and notes count less."""
    parts = [(achievement.title, 1.5)]
    parts += _plain_text_parts(achievement.summary)
    parts += [(r, RESULT_SENTENCE_WEIGHT) for r in achievement.results]
    parts += [(achievement.notes, 0.8)]
    return score_parts(parts, framework, label=achievement_text(achievement))


def suggest_for_story(story: Story, framework: Framework | str = "classic",
                      achievement: Achievement | None = None) -> Suggestion:
    """Weighs the Challenge most and the Result least; the achievement fills in a bare story."""
    parts = [(getattr(story, part), weight) for part, weight in PART_WEIGHTS.items()]
    if achievement is not None:
        written = sum(len(getattr(story, p)) for p in PART_WEIGHTS)
        extra = 1.0 if written < 200 else 0.3
        parts += [(achievement.title, extra), (achievement.summary, extra)]
    return score_parts(parts, framework, label=story.text)
