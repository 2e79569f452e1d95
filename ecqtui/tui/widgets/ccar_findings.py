"""What the coach says about a CCAR draft: findings, the competency checklist and the length gauge.

The screen computes an :class:`Analysis` off the typing path (a thread worker, after a pause in
typing) with :func:`analyse_story`, and hands it to these widgets. Everything that quotes the
user's text is built with ``Content(...)``, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ecqtui.core.models import CCAR_PARTS
from ecqtui.tui.screens._coach import SEVERITY_SYMBOLS, coach, survive
from ecqtui.tui.widgets.ccar_editor import PART_LABELS

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
#: At most this many findings are listed at once.
MAX_SHOWN = 100


@dataclass
class Analysis:
    """The coach's view of one story at one moment (computed in a worker thread)."""

    story_id: str
    #: The four texts the analysis was made from, to tell a stale answer from a fresh one.
    texts: dict[str, str]
    findings: list = field(default_factory=list)
    #: competency id -> the action sentence that shows it (None when no action shows it yet).
    evidence: dict[str, str | None] = field(default_factory=dict)
    words: dict[str, int] = field(default_factory=dict)
    pages: float = 0.0
    minutes: float = 0.0
    #: Pages of every story told through the same ECQ, this one included.
    ecq_pages: float = 0.0
    #: Why there are no findings although the text is not empty (the coach missing or failing).
    note: str = ""


def analyse_story(story, framework, *, achievement=None, other_texts: Sequence[str] = ()) -> Analysis:
    """Ask the coach about ``story``: findings, evidence, length. Never raises."""
    texts = {p: getattr(story, p) for p in CCAR_PARTS}
    result = Analysis(story_id=story.id, texts=texts)
    result.words = {p: len(t.split()) for p, t in texts.items()}
    c = coach()
    estimate = getattr(c, "estimate_length", None)
    check = getattr(c, "check_story", None)
    show = getattr(c, "evidence", None)
    try:
        if estimate is not None:
            length = estimate(story.text)
            result.pages, result.minutes = length.pages, length.spoken_minutes
            result.ecq_pages = result.pages + sum(estimate(t).pages for t in other_texts if t)
        else:  # rough figures until the coach's estimate is there
            words = sum(result.words.values())
            result.pages, result.minutes = words / 500, words / 140
            result.ecq_pages = result.pages + sum(len(t.split()) for t in other_texts) / 500
        if check is None or show is None:
            result.note = "The coach's checks are not available in this build; your text is still saved."
        else:
            result.findings = list(check(story, framework, achievement=achievement))
            result.evidence = dict(show(story, framework))
    except Exception as exc:  # the coach must never take the editor down
        survive(exc)
        result.note = f"The coach could not check this draft ({type(exc).__name__}); your text is still saved."
    result.findings.sort(key=lambda f: (
        SEVERITY_ORDER.get(f.severity, 3),
        CCAR_PARTS.index(f.part) if f.part in CCAR_PARTS else 4,
        f.start,
    ))
    return result


def finding_label(finding) -> Content:
    """``x not-first-person (Action) message``: symbol, code, part and message, as plain text."""
    symbol = SEVERITY_SYMBOLS.get(finding.severity, "!")
    where = f" ({PART_LABELS[finding.part]})" if finding.part in PART_LABELS else ""
    return Content(f"{symbol} {finding.code}{where}: {finding.message}")


class FindingsList(OptionList):
    """The coach's findings; Enter moves the cursor to the finding's words in its part."""

    def show(self, analysis: Analysis | None, part: str | None = None) -> None:
        """List ``analysis``'s findings: errors first, then those about ``part`` (the one being written)."""
        highlighted = self.highlighted
        self.clear_options()
        self.findings: list[Any] = []
        if analysis is None:
            self.add_option(Option(Content("Checking..."), disabled=True))
            return
        # Errors first wherever they are (a short panel must not hide them), then the part being
        # written; a stable sort keeps the coach's order within each group.
        ordered = sorted(analysis.findings, key=lambda f: (f.severity != "error", f.part != part))
        # A pasted book can draw thousands of findings; the first ones are what to act on.
        self.findings = ordered[:MAX_SHOWN]
        self.add_options([Option(finding_label(f), id=f"finding-{i}") for i, f in enumerate(self.findings)])
        if len(ordered) > MAX_SHOWN:
            self.add_option(Option(Content(f"... and {len(ordered) - MAX_SHOWN} more; fix these first."), disabled=True))
        if not self.findings:
            if analysis.note:
                message = analysis.note
            elif any(analysis.texts.values()):
                message = "No findings: the coach has nothing to flag in this draft."
            else:
                message = "Nothing written yet. Findings appear here as you type."
            self.add_option(Option(Content(message), disabled=True))
        else:
            self.highlighted = min(highlighted or 0, len(self.findings) - 1)

    def finding_at(self, index: int | None):
        findings = getattr(self, "findings", [])
        if index is None or not 0 <= index < len(findings):
            return None
        return findings[index]


class CompetencyChecklist(OptionList):
    """The story's competencies: ``[x]`` when an action sentence shows it, with that sentence."""

    def show(self, competencies: Sequence[str], framework, analysis: Analysis | None) -> None:
        highlighted = self.highlighted
        self.clear_options()
        self.items: list[tuple[str, str | None]] = []
        if not competencies:
            self.add_option(Option(Content("No competencies chosen for this story (pick them in Map to ECQs)."), disabled=True))
            return
        evidence = analysis.evidence if analysis is not None else {}
        for comp_id in competencies:
            competency = _competency(framework, comp_id)
            name = competency.name if competency is not None else comp_id
            sentence = evidence.get(comp_id)
            if sentence:
                label = Content(f"[x] {name}: \u201c{_short(sentence, 160)}\u201d")
            else:
                label = Content(f"[ ] {name}: no action sentence shows it yet")
            self.items.append((comp_id, sentence))
            self.add_option(Option(label, id=f"comp-{comp_id}"))
        self.highlighted = min(highlighted or 0, len(self.items) - 1)

    def summary(self) -> str:
        items = getattr(self, "items", [])
        return f"{sum(1 for _, s in items if s)}/{len(items)}"

    def sentence_at(self, index: int | None) -> str | None:
        items = getattr(self, "items", [])
        if index is None or not 0 <= index < len(items):
            return None
        return items[index][1]


def _competency(framework, comp_id: str):
    try:
        return framework.competency(comp_id)
    except Exception:
        return None


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def gauge_text(analysis: Analysis | None, rules, ecq: str) -> str:
    """``1.1/1 pp !, RD 2.3/2 ! | 4.3 min of 2-4 !``: this story against its share of the ECQ's
    pages, every story of its ECQ against the ECQ's pages, and minutes told aloud. ``!`` marks
    what is over: the story when the coach says it is too long, the others against the rules."""
    if analysis is None:
        return "length: ..."
    story = f"{analysis.pages:.1f}"
    budget = getattr(rules, "pages_per_ecq", 0) or 0
    per_story = budget / max(1, getattr(rules, "target_stories_per_ecq", 1) or 1) if budget else 0
    too_long = any(f.code == "too-long" for f in analysis.findings)
    if per_story:
        story += f"/{per_story:g}"
    story += " pp" + (" !" if too_long else "")
    if budget:
        over = " !" if analysis.ecq_pages > budget + 1e-9 else ""
        story += f", {ecq or 'ECQ'} {analysis.ecq_pages:.1f}/{budget:g}{over}"
    lo = getattr(rules, "spoken_minutes_min", 0) or 0
    hi = getattr(rules, "spoken_minutes_max", 0) or 0
    minutes = f"{analysis.minutes:.1f} min"
    if hi:
        minutes += f" of {lo:g}-{hi:g}" + (" !" if analysis.minutes > hi + 1e-9 else "")
    return f"{story} | {minutes}"


class LengthGauge(Static):
    """Pages and spoken minutes against the framework's budget (``!`` when over)."""

    def show(self, analysis: Analysis | None, rules, ecq: str) -> None:
        self.update(Content(gauge_text(analysis, rules, ecq)))


__all__ = [
    "Analysis",
    "analyse_story",
    "finding_label",
    "FindingsList",
    "CompetencyChecklist",
    "LengthGauge",
    "gauge_text",
]
