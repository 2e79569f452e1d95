"""The coach's findings on a CCAR draft: what a QRB reader or a consultant would mark.

Each finding has a stable ``code`` (the CLI, the screens and tests rely on them), a
severity, a message in plain words and the character span it is about within its part.
Checks favour precision: a finding the user cannot act on teaches them to ignore the coach.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable

from ecqtui.core.coach.length import estimate_length
from ecqtui.core.coach.textutil import FIGURE, YEAR, CueIndex, sentences, tokens
from ecqtui.core.frameworks import Framework, load_framework
from ecqtui.core.models import CCAR_PARTS, Achievement, Story

SEVERITIES = ("error", "warning", "info")
CHECK_CODES = (
    "missing-part", "no-metric", "no-result", "vague", "passive-voice", "not-past-tense",
    "not-first-person", "i-overuse", "too-old", "ongoing-no-progress", "not-executive",
    "resume-style", "too-long", "competency-unaddressed", "acronym-undefined", "named-person",
)
#: Text longer than this is checked only in part (a pasted book must not stall typing).
MAX_CHARS = 200_000


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str
    #: "challenge", "context", "action" or "result"; None for the story as a whole.
    part: str | None = None
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity, "message": self.message,
                "part": self.part, "start": self.start, "end": self.end}


# --- word lists (the project's own, from domain.md section 4) --------------------------------

_VAGUE = re.compile(
    r"\b(various|numerous|several|many|significant(?:ly)?|substantial(?:ly)?|greatly|successfully|"
    r"effectively|efficiently|robust|world[- ]class|best[- ]in[- ]class|leveraged|synergy|synergies|"
    r"key stakeholders|various stakeholders|worked with|involved in|was tasked with|helped to|"
    r"tried to|very|really|etc\.?)(?![\w-])",
    re.IGNORECASE,
)
_BE = r"(?:am|is|are|was|were|be|been|being)"
_PARTICIPLE = (
    r"(?:\w{3,}ed|built|done|made|given|taken|held|brought|sent|written|chosen|known|seen|shown|"
    r"won|paid|sold|told|found|kept|spent|led|set|put|cut|run|begun|drawn|grown|met)"
)
_PASSIVE = re.compile(rf"\b{_BE}\s+(?:\w+ly\s+)?{_PARTICIPLE}\b", re.IGNORECASE)
_NOT_PASSIVE_AFTER = re.compile(r"^\s+(?:to|that|for the first time)\b", re.IGNORECASE)
_PRESENT_I = re.compile(
    r"\bI\s+(?:will|am|lead|manage|oversee|direct|ensure|develop|work|serve|coordinate|supervise|"
    r"plan|create|make|build|drive|run|handle|provide|maintain|establish|implement|track)\b"
)
_WE = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
_TEAM_ACTS = re.compile(r"\b(?:the|my|our)\s+(?:team|staff|office|group|division)\s+(\w+ed)\b", re.IGNORECASE)
_NOT_EXECUTIVE = re.compile(
    r"\b(?:completed (?:a |an |the |my )?[\w\s-]{0,40}?(?:certificat\w*|degree|course|training|program)|"
    r"earned (?:a |an |my )?[\w\s-]{0,30}?(?:certificat\w*|degree|credential)|graduated|"
    r"PMP cert\w*|I believe|my (?:leadership )?philosophy|my leadership style|I always|"
    r"responsible for|duties included|day[- ]to[- ]day|oversaw daily|coordinated meetings|"
    r"prepared briefings|assisted|participated in|served as a member)\b",
    re.IGNORECASE,
)
_BULLET_LINE = re.compile(r"^[ \t]*(?:[-*•·▪‣◦]|\d{1,2}[.)])[ \t]+\S", re.MULTILINE)
_RESULT_WORDS = re.compile(
    r"\b(?:reduc\w*|cut|sav\w*|increas\w*|improv\w*|rais\w*|lower\w*|grew|grow\w*|achiev\w*|"
    r"result\w*|led to|enabl\w*|deliver\w*|complet\w*|eliminat\w*|won|adopt\w*|approv\w*|signed|"
    r"closed|restor\w*|avoid\w*|doubl\w*|tripl\w*|expand\w*|launch\w*|recogni\w*|award\w*|now|"
    # Outcomes told as movement: "the backlog fell 38%", "wait times dropped", "errors down 41%".
    r"fell|fall\w*|dropp\w*|drop|declin\w*|decreas\w*|shrank|shrunk|halved|rose|risen|climb\w*|"
    r"(?:down|up)\s+(?:by\s+|to\s+)?\$?\d+|fewer|faster|shorter|higher)\b",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"\b([A-Z][A-Z&]{1,5})(?:s|\d{0,4})\b")
_DEFINED = re.compile(r"\(([A-Z][A-Za-z&]{1,6})s?\)")
#: Capitals that need no spelling out.
ACRONYM_ALLOWLIST = frozenset({"I", "US", "USA", "OK", "AM", "PM", "TV", "ID", "FY", "CCAR", "II", "III", "IV"})
_TITLE_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Secretary|Senator|Representative|Rep|Congressman|Congresswoman|Judge|"
    r"Admiral|General|Colonel|Commissioner|Administrator|Director)\.?\s+"
    r"(?!Of\b|For\b|General\b|Office\b)([A-Z][a-z]{2,}(?:[-'][A-Z][a-z]+)?)\b"
)
_WITH_NAME = re.compile(r"\b(?:with|told|asked|persuaded|convinced)\s+([A-Z][a-z]{2,})\s+([A-Z][a-z]{2,})\b")
_NOT_NAMES = frozenset("""January February March April May June July August September October November
December Monday Tuesday Wednesday Thursday Friday Congress Senate House Treasury Defense State Justice
Labor Commerce Energy Interior Agriculture Education Health Homeland Veterans Federal National Regional
General Deputy Assistant Chief Office Division Branch Bureau Program Service Center Agency Department
Secretary Director Council Board Committee Team The This That""".split())
_HEADING = re.compile(r"^[ \t]*(?:#{1,6}[ \t]*)?\**(challenge|context|action|actions|result|results)\**[ \t]*:?[ \t]*$",
                      re.IGNORECASE | re.MULTILINE)


def _framework(framework: Framework | str) -> Framework:
    return load_framework(framework) if isinstance(framework, str) else framework


# --- single-part checks ------------------------------------------------------------------------


def _vague(text: str, part: str | None) -> Iterable[Finding]:
    for m in _VAGUE.finditer(text):
        word = m.group(1)
        if word.lower().startswith("significant"):
            # "significantly" is fine when the sentence gives the number.
            line_start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            line_end = min((i for i in (text.find(".", m.end()), text.find("\n", m.end())) if i != -1),
                           default=len(text))
            if FIGURE.search(text[line_start:line_end]):
                continue
        yield Finding("vague", "warning",
                      f"'{word}' is vague: say exactly what, how many or how much.", part, m.start(), m.end())


def _passive(text: str, part: str | None) -> Iterable[Finding]:
    for m in _PASSIVE.finditer(text):
        if _NOT_PASSIVE_AFTER.match(text[m.end():m.end() + 30]):
            continue
        yield Finding("passive-voice", "warning",
                      f"Passive voice ('{m.group()}'): say who did it, ideally 'I ...'.", part, m.start(), m.end())


def _tense(text: str, part: str | None) -> Iterable[Finding]:
    for m in _PRESENT_I.finditer(text):
        yield Finding("not-past-tense", "warning",
                      f"'{m.group()}' is not past tense: tell what you did, as a finished story.",
                      part, m.start(), m.end())


def _first_person(text: str, part: str | None) -> Iterable[Finding]:
    for m in _WE.finditer(text):
        yield Finding("not-first-person", "warning",
                      f"'{m.group()}' hides who acted: the board reads for what you did ('I').",
                      part, m.start(), m.end())
    for m in _TEAM_ACTS.finditer(text):
        yield Finding("not-first-person", "warning",
                      f"'{m.group()}': what did you do to make that happen?", part, m.start(), m.end())


def _i_overuse(text: str, part: str | None) -> Iterable[Finding]:
    sents = sentences(text)
    if len(sents) < 5:
        return
    starting_i = [s for s in sents if re.match(r"I\b", s[2])]
    if len(starting_i) / len(sents) > 0.6:
        first = starting_i[0]
        yield Finding("i-overuse", "info",
                      f"{len(starting_i)} of {len(sents)} sentences start with 'I': vary the openings "
                      "(a reason, a time, a result) so the actions stand out.", part, first[0], first[1])


def _not_executive(text: str, part: str | None) -> Iterable[Finding]:
    for m in _NOT_EXECUTIVE.finditer(text):
        yield Finding("not-executive", "warning",
                      f"'{m.group()}' reads as a duty, training or belief, not executive leadership: "
                      "show a decision or change you led.", part, m.start(), m.end())


def _resume_style(text: str, part: str | None) -> Iterable[Finding]:
    bullets = list(_BULLET_LINE.finditer(text))
    if len(bullets) >= 2:
        yield Finding("resume-style", "warning",
                      f"{len(bullets)} bullet lines: an ECQ story is prose. Turn the list into sentences "
                      "that say why and how.", part, bullets[0].start(), bullets[-1].end())


def _named_people(text: str, part: str | None) -> Iterable[Finding]:
    for m in _TITLE_NAME.finditer(text):
        if m.group(1) in _NOT_NAMES:
            continue
        yield Finding("named-person", "warning",
                      f"'{m.group()}' names a person: use a role instead ('the Deputy Secretary').",
                      part, m.start(), m.end())
    for m in _WITH_NAME.finditer(text):
        first, last = m.group(1), m.group(2)
        if first in _NOT_NAMES or last in _NOT_NAMES:
            continue
        yield Finding("named-person", "warning",
                      f"'{first} {last}' looks like a person's name: use a role instead.",
                      part, m.start(1), m.end(2))


def _no_metric(text: str, part: str | None) -> Iterable[Finding]:
    if text.strip() and not FIGURE.search(text):
        yield Finding("no-metric", "warning",
                      "No figure: put a number on the result (money, %, people, time, count).",
                      part, 0, len(text))


def _no_result(text: str, part: str | None) -> Iterable[Finding]:
    if text.strip() and not _RESULT_WORDS.search(text):
        yield Finding("no-result", "error" if part == "result" else "warning",
                      "No outcome is stated: say what changed because of what you did.", part, 0, len(text))


PART_CHECKS = {
    "challenge": (_vague, _passive, _not_executive, _named_people, _resume_style),
    "context": (_vague, _passive, _not_executive, _named_people, _resume_style),
    "action": (_vague, _passive, _tense, _first_person, _i_overuse, _not_executive, _named_people,
               _resume_style),
    "result": (_vague, _passive, _tense, _first_person, _named_people, _resume_style, _no_metric, _no_result),
}


def _acronyms(parts: list[tuple[str | None, str]]) -> Iterable[Finding]:
    """Flag the first use of each acronym not spelled out before it, across the parts in order."""
    defined: set[str] = set()
    reported: set[str] = set()
    for part, text in parts:
        definitions = {m.start(): m.group(1) for m in _DEFINED.finditer(text)}
        def_positions = sorted(definitions)
        for m in _ACRONYM.finditer(text):
            name = m.group(1)
            for pos in def_positions:
                if pos <= m.start():
                    defined.add(definitions[pos])
            if name in defined or name in ACRONYM_ALLOWLIST or name in reported:
                continue
            # "(GAO)" right here is the definition itself.
            if text[max(0, m.start() - 1):m.start()] == "(":
                defined.add(name)
                continue
            reported.add(name)
            yield Finding("acronym-undefined", "warning",
                          f"'{name}' is not spelled out: write the full name the first time, then "
                          f"'({name})' (each ECQ must stand alone).",
                          part, m.start(), m.start() + len(name))


# --- whole-story checks ---------------------------------------------------------------------------


def _this_year(year_end: int | None) -> int:
    return year_end or date.today().year


def _too_old_years(latest: int | None, framework: Framework, year_end: int | None, part: str | None,
                   span: tuple[int, int] = (0, 0)) -> Iterable[Finding]:
    if latest is None:
        return
    limit = framework.rules.recency_years
    age = _this_year(year_end) - latest
    if age > limit:
        yield Finding("too-old", "error",
                      f"This ended in {latest}, {age} years ago: boards expect stories from the last "
                      f"{limit} years (ideally {framework.rules.recency_preferred_years}).", part, *span)


def _too_long(text: str, framework: Framework) -> Iterable[Finding]:
    rules = framework.rules
    est = estimate_length(text)
    if rules.pages_per_ecq > 0:
        per_story = rules.pages_per_ecq / max(1, rules.target_stories_per_ecq)
        if est.pages > rules.pages_per_ecq:
            yield Finding("too-long", "error",
                          f"About {est.pages:.1f} pages: more than the {rules.pages_per_ecq:g} pages one ECQ may take.")
        elif est.pages > per_story * 1.15:
            yield Finding("too-long", "warning",
                          f"About {est.pages:.1f} pages: with {rules.target_stories_per_ecq} stories per ECQ, "
                          f"aim for about {per_story:g} page each.")
    if rules.chars_per_ecq and est.characters > rules.chars_per_ecq:
        yield Finding("too-long", "error",
                      f"{est.characters:,} characters: over the {rules.chars_per_ecq:,} allowed per ECQ.")
    if rules.pages_per_ecq == 0 and est.spoken_minutes > rules.spoken_minutes_max:
        yield Finding("too-long", "warning",
                      f"About {est.spoken_minutes:.1f} minutes aloud: an interview answer should take "
                      f"{rules.spoken_minutes_min:g}-{rules.spoken_minutes_max:g} minutes.")


def evidence(story: Story, framework: Framework | str) -> dict[str, str | None]:
    """For each competency the story claims, the Action sentence that best shows it (or None).

    A sentence shows a competency when the user is the actor ("I ...", or no other actor: not
    "we", not a passive) and it carries one of the competency's cue words.
    """
    fw = _framework(framework)
    action = story.action[:MAX_CHARS]
    # A sentence where someone else acts ("we", or a passive "was built") does not show what
    # the user did. Each remaining sentence is tokenised once for every claimed competency.
    sents = [(s[2], tokens(s[2])) for s in sentences(action)
             if not _WE.search(s[2]) and not any(_passive(s[2], None))]
    out: dict[str, str | None] = {}
    for comp_id in story.competencies:
        try:
            comp = fw.competency(comp_id)
        except KeyError:
            out[comp_id] = None
            continue
        index = _comp_index(fw.id, comp.id, comp.cues)
        best, best_hits = None, 0
        for sentence, sentence_tokens in sents:
            hits = len({c.phrase for c, _, _ in index.find(sentence_tokens)})
            if hits > best_hits:
                best, best_hits = sentence, hits
        out[comp_id] = best
    return out


_COMP_INDEXES: dict[tuple[str, str], CueIndex] = {}


def _comp_index(framework_id: str, comp_id: str, cues: tuple[str, ...]) -> CueIndex:
    key = (framework_id, comp_id)
    if key not in _COMP_INDEXES:
        _COMP_INDEXES[key] = CueIndex(cues)
    return _COMP_INDEXES[key]


# --- public entry points --------------------------------------------------------------------------


def _check_parts(parts: list[tuple[str | None, str]], framework: Framework) -> list[Finding]:
    findings: list[Finding] = []
    for part, text in parts:
        checks = PART_CHECKS.get(part or "", PART_CHECKS["action"] + (_no_metric, _no_result))
        for check in checks:
            findings.extend(check(text, part))
    findings.extend(_acronyms(parts))
    return findings


def check_story(story: Story, framework: Framework | str, *, achievement: Achievement | None = None,
                year_end: int | None = None) -> list[Finding]:
    """Findings for a story's four CCAR parts, in part order."""
    fw = _framework(framework)
    findings: list[Finding] = []
    parts = [(p, getattr(story, p)[:MAX_CHARS]) for p in CCAR_PARTS]
    for part, text in parts:
        if not text.strip():
            findings.append(Finding("missing-part", "error", f"The {part.title()} is not written yet.", part, 0, 0))
    findings.extend(_check_parts([(p, t) for p, t in parts if t.strip()], fw))
    if achievement is not None:
        findings.extend(f for f in check_achievement(achievement, fw, year_end=year_end)
                        if f.code in ("too-old", "ongoing-no-progress"))
    findings.extend(_too_long(story.text, fw))
    for comp_id, sentence in evidence(story, fw).items():
        if sentence is None and story.action.strip():
            try:
                name = fw.competency(comp_id).name
            except KeyError:
                name = comp_id
            findings.append(Finding("competency-unaddressed", "warning",
                                    f"No action sentence shows {name}: add one thing you did that "
                                    "demonstrates it, or drop the claim.", "action", 0, 0))
    return _ordered(findings)


def check_achievement(achievement: Achievement, framework: Framework | str, *,
                      year_end: int | None = None) -> list[Finding]:
    """The brainstorm warnings: too old, ongoing without a progress figure, not executive."""
    fw = _framework(framework)
    findings: list[Finding] = []
    if not achievement.ongoing:
        latest = achievement.end_year or achievement.start_year
        findings.extend(_too_old_years(latest, fw, year_end, None))
    elif not any(FIGURE.search(t) for t in achievement.results):
        findings.append(Finding("ongoing-no-progress", "warning",
                                "Ongoing with no progress figure: add what has changed so far "
                                "(a number), or the story has no result yet.", None, 0, 0))
    text = "\n".join(p for p in (achievement.title, achievement.summary) if p)
    findings.extend(_not_executive(text, None))
    return _ordered(findings)


def split_ccar(text: str) -> list[tuple[str | None, str, int]]:
    """Split text with Challenge/Context/Action/Result headings into (part, text, offset).

    Text without headings is one part, ``None``.
    """
    heads = list(_HEADING.finditer(text))
    if not heads:
        return [(None, text, 0)]
    out = []
    for i, m in enumerate(heads):
        name = m.group(1).lower().rstrip("s") if m.group(1).lower() in ("actions", "results") else m.group(1).lower()
        start = m.end() + 1 if m.end() < len(text) and text[m.end()] == "\n" else m.end()
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        out.append((name, text[start:end], start))
    return out


def check_text(text: str, framework: Framework | str, *, year_end: int | None = None,
               ecq: str | None = None, competencies: Iterable[str] = ()) -> list[Finding]:
    """Findings for free text: prose, or a story under Challenge/Context/Action/Result headings."""
    fw = _framework(framework)
    text = (text or "")[:MAX_CHARS]
    pieces = split_ccar(text)
    findings: list[Finding] = []
    if pieces[0][0] is not None:
        present = {p for p, t, _ in pieces if t.strip()}
        for part in CCAR_PARTS:
            if part not in present:
                findings.append(Finding("missing-part", "error", f"There is no {part.title()} section.", part))
        story = Story(achievement_id="text", ecq=ecq or "", competencies=list(competencies),
                      **{p: t for p, t, _ in pieces if p in CCAR_PARTS})
        findings.extend(_check_parts([(p, t) for p, t, _ in pieces if t.strip()], fw))
        if story.action.strip():
            for comp_id, sentence in evidence(story, fw).items():
                if sentence is None:
                    findings.append(Finding("competency-unaddressed", "warning",
                                            f"No action sentence shows {comp_id}.", "action"))
    elif text.strip():
        findings.extend(_check_parts([(None, text)], fw))
    years = [int(y) for y in YEAR.findall(text)]
    if years:
        latest = max(years)
        findings.extend(_too_old_years(latest, fw, year_end, None))
    findings.extend(_too_long(text, fw))
    return _ordered(findings)


def _ordered(findings: list[Finding]) -> list[Finding]:
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    order = {p: i for i, p in enumerate(CCAR_PARTS)}
    return sorted(findings, key=lambda f: (order.get(f.part or "", -1), f.start, rank[f.severity], f.code))


def errors(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "error"]


def offsets(text: str) -> dict[str | None, int]:
    """Where each part starts in ``text`` (for turning part spans into file line/column)."""
    return {part: offset for part, _, offset in split_ccar(text)}
