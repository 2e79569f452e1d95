"""The domain records of a profile: plain dataclasses, no I/O, no UI.

Every record converts to and from a JSON-ready dict (``to_dict`` / ``from_dict``).
``from_dict`` is strict about types and lenient about missing optional keys, so an
export written by an older version still loads; unknown keys are dropped.
Text fields are always passed through :func:`ecqtui.core.text.sanitize` on the way in,
so terminal control sequences never reach the store, the screen or an export.
"""

from __future__ import annotations

import math
import re
import uuid
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime, timezone
from typing import Any, ClassVar

from ecqtui.core.text import sanitize

#: Answers to a readiness question.
READINESS_ANSWERS = ("yes", "not_yet", "unsure")
#: Where a story stands in the writing work.
STORY_STATUSES = ("idea", "outlined", "drafting", "done")
#: The four parts of a CCAR story, in order.
CCAR_PARTS = ("challenge", "context", "action", "result")
#: Levels at which a person can have led (self-evaluation "career stages").
CAREER_STAGES = ("personal", "team", "organizational")
#: The commit decision at the end of the self-evaluation.
DECISIONS = ("commit", "not_yet")


class ModelError(ValueError):
    """A record's data is not of the expected shape; the message says which field."""


def new_id() -> str:
    """A short random id that stays stable through export and import."""
    return uuid.uuid4().hex[:12]


def now_iso() -> str:
    """The current UTC time, to the second, as ISO 8601 text."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def today_iso() -> str:
    return date.today().isoformat()


# --- field checkers used by from_dict -------------------------------------------------


def _text(data: dict, key: str, default: str = "") -> str:
    value = data.get(key, default)
    if value is None:
        return default
    if not isinstance(value, str):
        raise ModelError(f"{key!r} must be text, not {type(value).__name__}")
    return sanitize(value)


def _opt_int(data: dict, key: str, lo: int | None = None, hi: int | None = None) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ModelError(f"{key!r} must be a whole number or null, not {value!r}")
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        raise ModelError(f"{key!r} must be between {lo} and {hi}, not {value}")
    return value


#: Upper bounds for scope figures: far above any real program, low enough to store exactly.
MAX_COUNT = 100_000_000
MAX_DOLLARS = 1e15


def _opt_number(data: dict, key: str, hi: float = MAX_DOLLARS) -> float | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ModelError(f"{key!r} must be a number or null, not {value!r}")
    if not 0 <= value <= hi:
        raise ModelError(f"{key!r} must be between 0 and {hi:,.0f}")
    return value


def _bool(data: dict, key: str, default: bool = False) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise ModelError(f"{key!r} must be true or false, not {value!r}")
    return value


def _text_list(data: dict, key: str) -> list[str]:
    value = data.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ModelError(f"{key!r} must be a list of text")
    return [sanitize(v) for v in value]


def _choice(data: dict, key: str, choices: tuple[str, ...], default: str | None) -> str | None:
    value = data.get(key, default)
    if value is None:
        return default
    if value not in choices:
        raise ModelError(f"{key!r} must be one of {', '.join(choices)}, not {value!r}")
    return value


#: Ids and other machine names: letters, digits, "_", "-" and ".", so they never carry markup
#: or terminal codes into a file, a screen or an export.
_ID = re.compile(r"[A-Za-z0-9_.-]{1,64}")


def _id(data: dict, key: str = "id", *, optional: bool = False) -> str | None:
    value = data.get(key)
    if value is None:
        return None if optional else new_id()
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise ModelError(f"{key!r} must be an id of 1-64 letters, digits, '_', '-' or '.', not {value!r}")
    return value


class Record:
    """Shared conversion for the record dataclasses."""

    #: The fields whose earlier values are kept in the revision history when they change.
    TEXT_FIELDS: ClassVar[tuple[str, ...]] = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))  # type: ignore[arg-type]


@dataclass
class Profile(Record):
    """Who the bank belongs to and which ECQ framework it is written for."""

    name: str = ""
    framework: str = "classic"
    created: str = field(default_factory=now_iso)
    #: The step the user was last on, so the app can resume there.
    last_step: str = ""

    TEXT_FIELDS: ClassVar[tuple[str, ...]] = ("name",)

    @classmethod
    def from_dict(cls, data: dict) -> Profile:
        _need_dict(data, "profile")
        framework = data.get("framework", "classic")
        if not isinstance(framework, str) or not _ID.fullmatch(framework):
            raise ModelError("'framework' must be a framework id such as 'classic' or '2025'")
        return cls(
            name=_text(data, "name"),
            framework=framework,
            created=_text(data, "created") or now_iso(),
            last_step=_text(data, "last_step"),
        )


@dataclass
class ReadinessAnswer(Record):
    """One readiness question answered: yes / not yet / unsure, with an example."""

    answer: str | None = None
    example: str = ""

    @classmethod
    def from_dict(cls, data: dict) -> ReadinessAnswer:
        _need_dict(data, "readiness answer")
        return cls(
            answer=_choice(data, "answer", READINESS_ANSWERS, None),
            example=_text(data, "example"),
        )


@dataclass
class SelfEvaluation(Record):
    """The work before committing: readiness, fit, career stages and the decision."""

    #: question id -> answer (question ids are defined by the self-evaluation module).
    answers: dict[str, ReadinessAnswer] = field(default_factory=dict)
    #: fit topic ("pressure", "responsibility", "collaboration") -> reflection text.
    fit: dict[str, str] = field(default_factory=dict)
    #: career stage (CAREER_STAGES) -> an example of leading at that level.
    career_stages: dict[str, str] = field(default_factory=dict)
    decision: str | None = None
    decision_date: str = ""
    development_plan: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["answers"] = {k: v.to_dict() for k, v in self.answers.items()}
        return data

    @classmethod
    def from_dict(cls, data: dict) -> SelfEvaluation:
        _need_dict(data, "self-evaluation")
        answers = data.get("answers") or {}
        _need_dict(answers, "self-evaluation answers")
        stages = _text_map(data, "career_stages")
        unknown = set(stages) - set(CAREER_STAGES)
        if unknown:
            raise ModelError(f"unknown career stage {sorted(unknown)[0]!r}")
        return cls(
            answers={_key(k, "answers"): ReadinessAnswer.from_dict(v) for k, v in answers.items()},
            fit=_text_map(data, "fit"),
            career_stages=stages,
            decision=_choice(data, "decision", DECISIONS, None),
            decision_date=_text(data, "decision_date"),
            development_plan=_text_list(data, "development_plan"),
        )


@dataclass
class Achievement(Record):
    """Something the user led, as brainstormed: the raw material for stories."""

    id: str = field(default_factory=new_id)
    title: str = ""
    summary: str = ""
    start_year: int | None = None
    #: None while the achievement is ongoing.
    end_year: int | None = None
    ongoing: bool = False
    #: Scope figures: how many people, how much money (US dollars), how many organizations.
    people: int | None = None
    budget: float | None = None
    organizations: int | None = None
    #: Result figures as the user wrote them ("cut backlog 38%", "$2.1M saved").
    results: list[str] = field(default_factory=list)
    notes: str = ""
    #: The colleague recollection this achievement came from, if any.
    recollection_id: str | None = None
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)

    TEXT_FIELDS: ClassVar[tuple[str, ...]] = ("title", "summary", "notes")

    @classmethod
    def from_dict(cls, data: dict) -> Achievement:
        _need_dict(data, "achievement")
        start = _opt_int(data, "start_year", 1950, 2100)
        end = _opt_int(data, "end_year", 1950, 2100)
        if start is not None and end is not None and end < start:
            raise ModelError(f"'end_year' {end} is before 'start_year' {start}")
        rec = _id(data, "recollection_id", optional=True)
        return cls(
            id=_id(data),
            title=_text(data, "title"),
            summary=_text(data, "summary"),
            start_year=start,
            end_year=end,
            ongoing=_bool(data, "ongoing"),
            people=_opt_int(data, "people", 0, MAX_COUNT),
            budget=_opt_number(data, "budget"),
            organizations=_opt_int(data, "organizations", 0, MAX_COUNT),
            results=_text_list(data, "results"),
            notes=_text(data, "notes"),
            recollection_id=rec,
            created=_text(data, "created") or now_iso(),
            updated=_text(data, "updated") or now_iso(),
        )

    @property
    def period(self) -> str:
        """'2019-2022', '2021-present', '2018' or '' for display."""
        if self.start_year is None and self.end_year is None:
            return "ongoing" if self.ongoing else ""
        if self.ongoing:
            return f"{self.start_year or '?'}-present"
        if self.start_year and self.end_year and self.start_year != self.end_year:
            return f"{self.start_year}-{self.end_year}"
        return str(self.end_year or self.start_year)


@dataclass
class LensChange(Record):
    """A story moved from one ECQ lens to another (kept so a move can be undone)."""

    from_ecq: str = ""
    to_ecq: str = ""
    at: str = field(default_factory=now_iso)
    reason: str = ""
    #: For a framework switch: the framework and competencies the story had before, so that
    #: switching back restores them exactly instead of guessing through the crosswalk.
    from_framework: str = ""
    from_competencies: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict) -> LensChange:
        _need_dict(data, "lens change")
        return cls(
            from_ecq=_name(data, "from_ecq"),
            to_ecq=_name(data, "to_ecq"),
            at=_text(data, "at") or now_iso(),
            reason=_text(data, "reason"),
            from_framework=_name(data, "from_framework"),
            from_competencies=_names(data, "from_competencies"),
        )


@dataclass
class Story(Record):
    """One achievement told through one ECQ lens, in CCAR form."""

    id: str = field(default_factory=new_id)
    achievement_id: str = ""
    #: The ECQ id in the profile's framework ("LC", "RD", ...).
    ecq: str = ""
    competencies: list[str] = field(default_factory=list)
    challenge: str = ""
    context: str = ""
    action: str = ""
    result: str = ""
    status: str = "idea"
    #: The angle chosen when the story was retold through another lens.
    reframe: str = ""
    lens_history: list[LensChange] = field(default_factory=list)
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)

    TEXT_FIELDS: ClassVar[tuple[str, ...]] = CCAR_PARTS + ("reframe",)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["lens_history"] = [c.to_dict() for c in self.lens_history]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Story:
        _need_dict(data, "story")
        history = data.get("lens_history") or []
        if not isinstance(history, list):
            raise ModelError("'lens_history' must be a list")
        if data.get("achievement_id") is None:
            raise ModelError("a story needs the 'achievement_id' it tells")
        achievement_id = _id(data, "achievement_id")
        return cls(
            id=_id(data),
            achievement_id=achievement_id,
            ecq=_name(data, "ecq"),
            competencies=_names(data, "competencies"),
            challenge=_text(data, "challenge"),
            context=_text(data, "context"),
            action=_text(data, "action"),
            result=_text(data, "result"),
            status=_choice(data, "status", STORY_STATUSES, "idea") or "idea",
            reframe=_text(data, "reframe"),
            lens_history=[LensChange.from_dict(c) for c in history],
            created=_text(data, "created") or now_iso(),
            updated=_text(data, "updated") or now_iso(),
        )

    def change_lens(self, ecq: str, reason: str = "chosen in Map to ECQs") -> None:
        """Tell the story through ``ecq``; the old lens is kept in its history, competencies reset."""
        if ecq == self.ecq:
            return
        self.lens_history.append(LensChange(from_ecq=self.ecq, to_ecq=ecq, reason=reason))
        self.ecq = ecq
        self.competencies = []

    @property
    def text(self) -> str:
        """The whole story as one text, parts separated by blank lines."""
        return "\n\n".join(p for p in (self.challenge, self.context, self.action, self.result) if p)


@dataclass
class Recollection(Record):
    """What a colleague, mentor or family member remembers the user leading."""

    id: str = field(default_factory=new_id)
    who: str = ""
    relation: str = ""
    text: str = ""
    #: Set once the recollection has been turned into an achievement.
    achievement_id: str | None = None
    created: str = field(default_factory=now_iso)

    TEXT_FIELDS: ClassVar[tuple[str, ...]] = ("text",)

    @classmethod
    def from_dict(cls, data: dict) -> Recollection:
        _need_dict(data, "recollection")
        ach = _id(data, "achievement_id", optional=True)
        return cls(
            id=_id(data),
            who=_text(data, "who"),
            relation=_text(data, "relation"),
            text=_text(data, "text"),
            achievement_id=ach,
            created=_text(data, "created") or now_iso(),
        )


@dataclass
class Revision(Record):
    """An earlier value of one text field of one record."""

    kind: str = ""
    record_id: str = ""
    # `at` comes before `field` because the attribute name hides dataclasses.field below it.
    at: str = field(default_factory=now_iso)
    field: str = ""
    text: str = ""

    @classmethod
    def from_dict(cls, data: dict) -> Revision:
        _need_dict(data, "revision")
        return cls(
            kind=_name(data, "kind"),
            record_id=_name(data, "record_id"),
            field=_name(data, "field"),
            text=_text(data, "text"),
            at=_text(data, "at") or now_iso(),
        )


def _need_dict(data: Any, what: str) -> None:
    if not isinstance(data, dict):
        raise ModelError(f"a {what} must be an object, not {type(data).__name__}")


def _text_map(data: dict, key: str) -> dict[str, str]:
    value = data.get(key) or {}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise ModelError(f"{key!r} must map names to text")
    return {_key(k, key): sanitize(v) for k, v in value.items()}


def _name(data: dict, key: str) -> str:
    """An optional machine name (ECQ id, field name): "" or an id."""
    value = data.get(key)
    if value in (None, ""):
        return ""
    return _id(data, key) or ""


def _names(data: dict, key: str) -> list[str]:
    value = data.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        raise ModelError(f"{key!r} must be a list of ids")
    return [_key(v, key) for v in value]


def _key(name: str, where: str) -> str:
    """Keys of stored maps are machine names (question ids, topics), never free text."""
    if not isinstance(name, str) or not _ID.fullmatch(name):
        raise ModelError(f"{where!r} has a key that is not a name: {name!r}")
    return name


#: Record kinds as stored: table name -> class.
RECORD_KINDS: dict[str, type[Record]] = {
    "achievements": Achievement,
    "stories": Story,
    "recollections": Recollection,
}
