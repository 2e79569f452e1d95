"""How well the story bank covers the framework: the matrix, the counts and the gaps."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations

from ecqtui.core.bank import Bank
from ecqtui.core.coach.checks import evidence
from ecqtui.core.coach.suggest import _matcher
from ecqtui.core.coach.textutil import CueIndex, tokens
from ecqtui.core.frameworks import Framework, load_framework
from ecqtui.core.models import Achievement, Story

# Figures worth comparing: money, percentages, and numbers of three or more digits.
_FIGURE = re.compile(r"\$\s?\d[\d,.]*\s?(?:[KMB]\b|million|billion)?|\d[\d,.]*\s?(?:%|percent)|(?<![\d,.])\d{3,}[\d,]*\b",
                     re.IGNORECASE)
#: Years are shared by many unrelated stories; they say nothing about two being the same event.
_YEAR = re.compile(r"(?:19[5-9]\d|20\d\d)")
# Program names: capitalised words of 5+ letters in all caps ("CLEARLINE"), not common acronyms.
_PROGRAM = re.compile(r"\b[A-Z][A-Z0-9-]{4,}\b")


@dataclass
class Coverage:
    framework: str
    #: ECQ id -> competency id -> ids of stories claiming it.
    matrix: dict[str, dict[str, list[str]]]
    counts: dict[str, int]
    target_per_ecq: int
    distinct_stories: int
    distinct_target: int
    #: Fundamental competency id -> stories whose text shows it (classic only).
    fundamentals: dict[str, list[str]]
    gaps: list[str]
    duplicate_primary: list[tuple[str, tuple[str, ...]]]
    similar_stories: list[tuple[str, str, str]]
    #: (story id, competency id) -> the action sentence showing it, or None.
    evidence: dict[tuple[str, str], str | None] = field(default_factory=dict)
    similar_achievements: list[tuple[str, str, str]] = field(default_factory=list)

    def empty_competencies(self, ecq_id: str) -> list[str]:
        return [c for c, stories in self.matrix.get(ecq_id, {}).items() if not stories]


def _figures(text: str) -> set[str]:
    found = {re.sub(r"[\s,]", "", m.group()).lower().replace("percent", "%") for m in _FIGURE.finditer(text)}
    return {f for f in found if not _YEAR.fullmatch(f)}


def _programs(text: str, known_acronyms: frozenset[str]) -> set[str]:
    return {m.group() for m in _PROGRAM.finditer(text) if m.group() not in known_acronyms}


def _years(a: Achievement | None) -> set[int]:
    if a is None or a.start_year is None:
        return set()
    end = a.end_year or (a.start_year + 1 if a.ongoing else a.start_year)
    return set(range(a.start_year, max(a.start_year, end) + 1))


@dataclass(frozen=True)
class _Traits:
    """What two accounts of the same event tend to share, computed once per story."""

    figures: frozenset[str]
    names: frozenset[str]
    years: frozenset[int]


def _traits(text: str, years: set[int], known: frozenset[str]) -> _Traits:
    return _Traits(frozenset(_figures(text)), frozenset(_programs(text, known)), frozenset(years))


def _look_alike_traits(a: _Traits, b: _Traits) -> str | None:
    shared_names = sorted(a.names & b.names)
    shared_figures = sorted(a.figures & b.figures)
    if not shared_names and len(shared_figures) < 2:
        return None
    if not (a.years & b.years or not (a.years and b.years)):
        return None
    if shared_names:
        extra = f" and {', '.join(shared_figures[:3])}" if shared_figures else ""
        return f"both name {', '.join(shared_names[:3])}{extra}"
    return f"both give the figures {', '.join(shared_figures[:4])}"


def _look_alike(text_a: str, text_b: str, years_a: set[int], years_b: set[int],
                known: frozenset[str]) -> str | None:
    return _look_alike_traits(_traits(text_a, years_a, known), _traits(text_b, years_b, known))


def _known_acronyms(fw: Framework) -> frozenset[str]:
    return frozenset(c.rstrip("*") for c in _matcher(fw.id).owners if c.isupper())


def coverage(bank: Bank, framework: Framework | str | None = None) -> Coverage:
    fw = load_framework(framework or bank.profile.framework) if not isinstance(framework, Framework) else framework
    rules = fw.rules
    matrix: dict[str, dict[str, list[str]]] = {e.id: {c.id: [] for c in e.competencies} for e in fw.ecqs}
    counts = {e.id: 0 for e in fw.ecqs}
    shown: dict[tuple[str, str], str | None] = {}
    for story in bank.stories:
        if story.ecq not in counts:
            continue
        counts[story.ecq] += 1
        for comp_id, sentence in evidence(story, fw).items():
            shown[(story.id, comp_id)] = sentence
            for ecq_id, row in matrix.items():
                if comp_id in row:
                    row[comp_id].append(story.id)

    fundamentals: dict[str, list[str]] = {}
    story_tokens = {s.id: tokens(s.text) for s in bank.stories}  # tokenised once, not once per competency
    for comp in fw.fundamentals:
        index = CueIndex(comp.cues)
        fundamentals[comp.id] = [s.id for s in bank.stories if any(True for _ in index.find(story_tokens[s.id]))]

    distinct = len({s.achievement_id for s in bank.stories if s.ecq in counts})
    gaps: list[str] = []
    for ecq in fw.ecqs:
        n = counts[ecq.id]
        if n < rules.target_stories_per_ecq:
            need = rules.target_stories_per_ecq - n
            gaps.append(f"{ecq.name} has {n} stor{'y' if n == 1 else 'ies'}; it needs {need} more.")
        elif n > rules.max_stories_per_ecq:
            gaps.append(f"{ecq.name} has {n} stories, more than the {rules.max_stories_per_ecq} it can use: "
                        "retell the surplus through another ECQ (Rebalance).")
        empty = [c.name for c in ecq.competencies if not matrix[ecq.id][c.id]]
        if n and empty:
            gaps.append(f"{ecq.name}: no story claims {', '.join(empty)}.")
    for comp in fw.fundamentals:
        if bank.stories and not fundamentals[comp.id]:
            gaps.append(f"No story shows the fundamental competency {comp.name}.")
    if distinct < rules.distinct_stories_total and bank.stories:
        gaps.append(f"{distinct} different achievements are told; aim for {rules.distinct_stories_total}.")

    by_achievement: dict[str, set[str]] = {}
    for story in bank.stories:
        if story.ecq in counts:
            by_achievement.setdefault(story.achievement_id, set()).add(story.ecq)
    duplicate_primary = [(aid, tuple(sorted(ecqs, key=fw.ecq_ids.index)))
                         for aid, ecqs in by_achievement.items() if len(ecqs) > 1]

    # Pairs are compared on traits computed once per story: the pair loop stays cheap at 500 stories.
    known = _known_acronyms(fw)
    achievements = {a.id: a for a in bank.achievements}
    story_traits = {}
    for story in bank.stories:
        ach = achievements.get(story.achievement_id)
        story_traits[story.id] = _traits(_story_text(story, ach), _years(ach), known)
    similar: list[tuple[str, str, str]] = []
    for a, b in combinations(bank.stories, 2):
        if a.achievement_id == b.achievement_id:
            continue
        reason = _look_alike_traits(story_traits[a.id], story_traits[b.id])
        if reason:
            similar.append((a.id, b.id, reason))
    ach_traits = {a.id: _traits(_achievement_text(a), _years(a), known) for a in bank.achievements}
    similar_achievements: list[tuple[str, str, str]] = []
    for a, b in combinations(bank.achievements, 2):
        reason = _look_alike_traits(ach_traits[a.id], ach_traits[b.id])
        if reason:
            similar_achievements.append((a.id, b.id, reason))

    return Coverage(
        framework=fw.id, matrix=matrix, counts=counts, target_per_ecq=rules.target_stories_per_ecq,
        distinct_stories=distinct, distinct_target=rules.distinct_stories_total, fundamentals=fundamentals,
        gaps=gaps, duplicate_primary=duplicate_primary, similar_stories=similar, evidence=shown,
        similar_achievements=similar_achievements,
    )


def _achievement_text(a: Achievement | None) -> str:
    if a is None:
        return ""
    return "\n".join([a.title, a.summary, *a.results, a.notes])


def _story_text(story: Story, achievement: Achievement | None) -> str:
    return story.text + "\n" + _achievement_text(achievement)
