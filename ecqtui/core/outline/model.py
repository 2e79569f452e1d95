"""The outline as a format-neutral tree, built from a bank for one of four views.

Every view produces the same shapes (sections of blocks holding meta lines, paragraphs and
labelled lists), so each renderer is one walk over the tree and no view is special-cased in
a renderer.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from ecqtui.core.bank import Bank
from ecqtui.core.coach import check_story, coverage, estimate_length, evidence
from ecqtui.core.coach.textutil import FIGURE, sentences
from ecqtui.core.frameworks import Framework, load_framework
from ecqtui.core.models import CCAR_PARTS, Achievement, Story
from ecqtui.core.self_eval import summarize
from ecqtui.core.text import sanitize

VIEWS = ("outline", "narrative", "resume", "interview")
FORMATS = ("text", "markdown", "html", "docx", "json")
STATUS_WORDS = {"idea": "idea", "outlined": "outlined", "drafting": "drafting", "done": "done"}


@dataclass
class Block:
    """One story (or cue card): a heading, short facts, prose and bullet lists."""

    heading: str
    meta: list[str] = field(default_factory=list)
    paragraphs: list[tuple[str, str]] = field(default_factory=list)
    lists: list[tuple[str, list[str]]] = field(default_factory=list)


@dataclass
class Section:
    heading: str
    intro: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    #: Start this section on a new page when printed (one per ECQ).
    page_break: bool = False


@dataclass
class Outline:
    title: str
    view: str
    cover: list[tuple[str, str]]
    sections: list[Section]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["cover"] = [{"label": k, "value": v} for k, v in self.cover]
        for section in data["sections"]:
            for block in section["blocks"]:
                block["paragraphs"] = [{"label": k, "text": v} for k, v in block["paragraphs"]]
                block["lists"] = [{"label": k, "items": v} for k, v in block["lists"]]
        return data


# --- helpers ------------------------------------------------------------------------------------


def _clean(text: str) -> str:
    return sanitize(text or "").strip()


def _trim(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rsplit(" ", 1)[0] + "..."


_BULLET = re.compile(r"^\s*(?:[-*•·▪]|\d{1,2}[.)])\s+")


def _first_sentences(text: str, n: int) -> list[str]:
    """The first ``n`` sentences (or lines), without the user's own bullet marks."""
    return [_trim(_BULLET.sub("", s)) for _, _, s in sentences(_clean(text))[:n]]


#: A resume bullet longer than this is cut at a word, with "..." (two printed lines at most).
RESUME_BULLET_MAX = 240


def _whole_sentences(text: str, n: int) -> list[str]:
    return [_trim(_BULLET.sub("", s), RESUME_BULLET_MAX) for _, _, s in sentences(_clean(text))[:n]]


def _money(amount: float) -> str:
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if amount >= limit:
            value = amount / limit
            return f"${value:.1f}{suffix}".replace(".0" + suffix, suffix)
    return f"${amount:,.0f}"


def key_figures(achievement: Achievement | None) -> list[str]:
    if achievement is None:
        return []
    out = []
    if achievement.people:
        out.append(f"{achievement.people:,} people")
    if achievement.budget:
        out.append(f"{_money(achievement.budget)} budget")
    if achievement.organizations:
        out.append(f"{achievement.organizations:,} organizations")
    out.extend(_clean(r) for r in achievement.results if _clean(r))
    return out


def _title(story: Story, achievement: Achievement | None) -> str:
    return _clean(achievement.title) if achievement and _clean(achievement.title) else f"Story {story.id}"


def _period(achievement: Achievement | None) -> str:
    return achievement.period if achievement else ""


def _ordered_stories(bank: Bank, ecq_id: str) -> list[Story]:
    order = {"done": 0, "drafting": 1, "outlined": 2, "idea": 3}
    return sorted((s for s in bank.stories if s.ecq == ecq_id), key=lambda s: order.get(s.status, 9))


# --- views --------------------------------------------------------------------------------------


def _outline_block(bank: Bank, fw: Framework, story: Story, with_checks: bool, year_end: int) -> Block:
    ach = bank.achievement(story.achievement_id)
    est = estimate_length(story.text)
    block = Block(heading=_title(story, ach))
    block.meta = [m for m in (
        f"Period: {_period(ach)}" if _period(ach) else "",
        f"Status: {STATUS_WORDS.get(story.status, story.status)}",
        f"Length: about {est.pages:.1f} pages, {est.spoken_minutes:.1f} minutes aloud ({est.words} words)",
        f"Retold through this lens: {_trim(_clean(story.reframe))}" if _clean(story.reframe) else "",
    ) if m]
    for part in CCAR_PARTS:
        text = getattr(story, part)
        bullets = _first_sentences(text, 3 if part == "action" else 1)
        block.lists.append((part.title(), bullets or ["(not written yet)"]))
    shown = evidence(story, fw)
    names = {c: _competency_name(fw, c) for c in story.competencies}
    block.lists.append(("Competencies shown",
                        [f"{names[c]}: {_trim(s, 110)}" for c, s in shown.items() if s] or ["none yet"]))
    missing = [names[c] for c, s in shown.items() if not s]
    if missing:
        block.lists.append(("Claimed but not yet shown by an action", missing))
    figures = key_figures(ach)
    if figures:
        block.lists.append(("Key figures", figures))
    if with_checks:
        findings = check_story(story, fw, achievement=ach, year_end=year_end)
        block.lists.append(("Coach's findings",
                            [f"{f.severity}: {f.part or 'story'}: {f.message}" for f in findings] or ["none"]))
    return block


def _narrative_block(bank: Bank, story: Story) -> Block:
    ach = bank.achievement(story.achievement_id)
    est = estimate_length(story.text)
    block = Block(heading=_title(story, ach), meta=[f"About {est.pages:.1f} pages ({est.words} words)"])
    for part in CCAR_PARTS:
        text = _clean(getattr(story, part))
        for paragraph in [p for p in text.split("\n\n") if p.strip()] or [f"({part.title()} not written yet.)"]:
            block.paragraphs.append(("", " ".join(paragraph.split())))
    return block


def _resume_block(bank: Bank, fw: Framework, story: Story) -> Block:
    ach = bank.achievement(story.achievement_id)
    # Whole sentences only: a resume bullet cut with "..." and glued to the next reads as an error.
    actions = _whole_sentences(story.action, 1)
    results = [s for s in _whole_sentences(story.result, 3) if FIGURE.search(s)]
    bullets = []
    if actions:
        bullets.append(actions[0])
    elif ach and _clean(ach.summary):
        bullets.append(_trim(_clean(ach.summary), RESUME_BULLET_MAX))
    bullets.extend(results[:2])
    if ach and ach.results and not results:
        bullets.append("; ".join(_clean(r) for r in ach.results[:2]))
    comps = ", ".join(_competency_name(fw, c) for c in story.competencies) or "no competencies chosen"
    return Block(heading=_title(story, ach),
                 meta=[f"{fw.ecq(story.ecq).name}: {comps}", f"Period: {_period(ach)}" if _period(ach) else ""],
                 lists=[("Resume bullets", bullets or ["(write the Action and Result first)"])])


def _interview_block(bank: Bank, fw: Framework, story: Story) -> Block:
    ach = bank.achievement(story.achievement_id)
    est = estimate_length(story.text)
    rules = fw.rules
    timing = f"Spoken: about {est.spoken_minutes:.1f} minutes (aim for {rules.spoken_minutes_min:g}-{rules.spoken_minutes_max:g})"
    if est.spoken_minutes > rules.spoken_minutes_max:
        timing += ": too long, tell fewer actions"
    elif est.spoken_minutes < rules.spoken_minutes_min:
        timing += ": short, add context and actions"
    challenge = _first_sentences(story.challenge, 1) or _first_sentences(ach.summary if ach else "", 1)
    prompts = [_trim(s, 90) for s in _first_sentences(story.action, 5)]
    figures = [s for s in _first_sentences(story.result, 4) if FIGURE.search(s)] or key_figures(ach)
    ecq = fw.ecq(story.ecq)
    comps = [fw.competency(c) for c in story.competencies if _known(fw, c)] or list(ecq.competencies[:3])
    questions = [c.questions[0] for c in comps[:3]]
    return Block(
        heading=_title(story, ach),
        meta=[timing],
        paragraphs=[("Challenge in a line", challenge[0] if challenge else "(write the Challenge first)")],
        lists=[("Action prompts", prompts or ["(write the Action first)"]),
               ("Result figures", figures or ["(add a figure to the Result)"]),
               ("Likely questions", questions)],
    )


def _known(fw: Framework, comp_id: str) -> bool:
    try:
        fw.competency(comp_id)
    except KeyError:
        return False
    return True


def _competency_name(fw: Framework, comp_id: str) -> str:
    return fw.competency(comp_id).name if _known(fw, comp_id) else comp_id


LOOK_TWICE_MAX = 20


def _achievement_name(bank: Bank, achievement_id: str) -> str:
    a = bank.achievement(achievement_id)
    return _clean(a.title) if a and _clean(a.title) else "an untitled achievement"


def _story_name(bank: Bank, story_id: str) -> str:
    story = bank.story(story_id)
    return f"{_clean(bank.story_title(story_id))} ({story.ecq or 'no ECQ'})" if story else story_id


def build_outline(bank: Bank, *, view: str = "outline", ecq: str | None = None, with_checks: bool = False,
                  include_self_eval: bool = False, today: date | None = None) -> Outline:
    """The outline of the bank's stories for ``view``; says what is missing instead of failing."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    fw = load_framework(bank.profile.framework)
    if ecq is not None and ecq not in fw.ecq_ids:
        raise ValueError(f"unknown ECQ {ecq!r} for {fw.name}; choose one of {', '.join(fw.ecq_ids)}")
    today = today or date.today()
    titles = {"outline": "ECQ story outline", "narrative": "ECQ narratives",
              "resume": "Resume bullets by ECQ", "interview": "Interview cue cards"}
    cover = [("Name", _clean(bank.profile.name) or "(no name set)"), ("Framework", fw.name),
             ("Date", today.isoformat()), ("View", view)]
    sections: list[Section] = []
    total_words = 0
    for e in fw.ecqs:
        if ecq and e.id != ecq:
            continue
        stories = _ordered_stories(bank, e.id)
        section = Section(heading=f"{e.name} ({e.id})", page_break=True)
        words = sum(estimate_length(s.text).words for s in stories)
        total_words += words
        if not stories:
            section.intro.append(f"No stories for {e.name} yet: map an achievement to it in Map to ECQs"
                                 " (or retell a surplus story in Rebalance).")
        elif view == "narrative" and fw.rules.pages_per_ecq:
            section.intro.append(f"{len(stories)} stor{'y' if len(stories) == 1 else 'ies'}, about "
                                 f"{words / 500:.1f} of {fw.rules.pages_per_ecq:g} pages")
        else:
            section.intro.append(f"{len(stories)} stor{'y' if len(stories) == 1 else 'ies'} "
                                 f"(target {fw.rules.target_stories_per_ecq})")
        for story in stories:
            if view == "outline":
                section.blocks.append(_outline_block(bank, fw, story, with_checks, today.year))
            elif view == "narrative":
                section.blocks.append(_narrative_block(bank, story))
            elif view == "resume":
                section.blocks.append(_resume_block(bank, fw, story))
            else:
                section.blocks.append(_interview_block(bank, fw, story))
        sections.append(section)

    # Stories with no ECQ of this framework (after a framework switch) are never silently dropped.
    homeless = [st for st in bank.stories if st.ecq not in fw.ecq_ids]
    if homeless and not ecq:
        section = Section(heading=f"Not under an ECQ of {fw.name}", page_break=True, intro=[
            f"{len(homeless)} stor{'y' if len(homeless) == 1 else 'ies'} to retell: choose an ECQ for "
            f"{'it' if len(homeless) == 1 else 'each'} in Map to ECQs."])
        for story in homeless:
            a = bank.achievement(story.achievement_id)
            was = story.lens_history[-1].from_ecq if story.lens_history else ""
            section.blocks.append(Block(
                heading=_clean(a.title) if a else story.id,
                meta=[f"Was told as {was}" if was else "No ECQ chosen", f"Status: {story.status}"],
            ))
        sections.append(section)

    if view == "narrative" and fw.rules.pages_total and not ecq:
        cover.append(("Length", f"about {total_words / 500:.1f} of {fw.rules.pages_total:g} pages"))
    if view == "resume":
        cover.append(("Length", f"about {total_words / 500 / 4:.1f} pages of bullets against a "
                                f"{fw.rules.resume_pages:g}-page resume"))
    if view == "outline" and not ecq:
        cov = coverage(bank, fw)
        counts = [f"{fw.ecq(e).name}: {n} of {cov.target_per_ecq}" for e, n in cov.counts.items()]
        summary = Section(heading="Coverage", blocks=[Block(heading="Stories per ECQ", lists=[
            ("Counts", counts),
            ("Gaps", cov.gaps or ["none: every ECQ has its stories"]),
        ])])
        if cov.similar_stories or cov.duplicate_primary:
            # A bank of near-identical drafts can make thousands of pairs; a printed page needs the
            # first few, and only those are named (naming is a lookup per story).
            pairs = [("story", a, b, why) for a, b, why in cov.similar_stories]
            pairs += [("main", a, e, "") for a, e in cov.duplicate_primary]
            look_twice = [
                f"'{_story_name(bank, a)}' and '{_story_name(bank, b)}' may tell the same event: {why}"
                if kind == "story" else f"'{_achievement_name(bank, a)}' is the main story of {', '.join(b)}"
                for kind, a, b, why in pairs[:LOOK_TWICE_MAX]
            ]
            if len(pairs) > LOOK_TWICE_MAX:
                look_twice.append(f"... and {len(pairs) - LOOK_TWICE_MAX} more pairs like these")
            summary.blocks[0].lists.append(("Look twice", look_twice))
        sections.append(summary)
    if include_self_eval:
        sections.append(_self_eval_section(bank))
    return Outline(title=titles[view], view=view, cover=cover, sections=sections)


def _self_eval_section(bank: Bank) -> Section:
    se = bank.self_evaluation
    summary = summarize(se)
    decision = {"commit": "commit now", "not_yet": "not yet"}.get(se.decision or "", "not recorded")
    block = Block(heading="Readiness", meta=[summary.verdict,
                                             f"Decision: {decision}" + (f" ({se.decision_date})" if se.decision_date else "")])
    if summary.develop:
        block.lists.append(("Areas to develop", [q.topic for q in summary.develop]))
    plan = [_clean(p) for p in se.development_plan if _clean(p)] or summary.suggested_actions
    if plan:
        block.lists.append(("Development plan", plan))
    return Section(heading="Self-evaluation", blocks=[block], page_break=True)
