"""The ECQ frameworks as data: the classic ECQs, the 2025 ECQs and a crosswalk between them.

The content lives in TOML files next to this module (``classic.toml``, ``2025.toml``,
``crosswalk.toml``); this module reads them, checks them strictly and returns frozen
dataclasses. Pure Python: no UI imports, no I/O beyond reading the package's own files.

Validation is loud on purpose. The files are hand-edited, and the coach, the mapper and the
front ends all rely on their shape, so any problem (a missing or misspelled key, a blank
field, a duplicate or dangling id, inconsistent rules) raises :class:`FrameworkError` naming
the file and the offending id instead of surfacing later as a wrong suggestion.

Cue strings are lower case unless an acronym; a trailing ``*`` means "prefix match"
("negotiat*" matches "negotiated"). A cue holding a capital letter is an acronym and is
meant to be matched case-sensitively, so "IT" or "CR" does not match the words "it" or "cr".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

#: The framework ids, each with a ``<id>.toml`` file in this package.
FRAMEWORK_IDS = ("classic", "2025")
#: The framework a new profile uses unless told otherwise.
DEFAULT_FRAMEWORK = "classic"
#: How strongly a classic competency carries over to its 2025 counterpart(s).
STRENGTHS = ("direct", "partial", "none")

_ECQ_ID = re.compile(r"[A-Z]{2,4}")
_COMPETENCY_ID = re.compile(r"[a-z][a-z0-9_]*")
# A capitalized ordinary word ("Congress"): cues must be lower case unless an acronym.
_CAPITALIZED_WORD = re.compile(r"[A-Z][a-z]+")
_MAX_CUE_LENGTH = 60


class FrameworkError(ValueError):
    """A framework or crosswalk file is malformed; the message names the file and the problem."""


# --- records ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Competency:
    """One competency (classic) or sub-competency (2025), or a classic fundamental."""

    id: str
    name: str
    gist: str
    #: Reflective first-person questions that prompt a specific past action.
    questions: tuple[str, ...]
    cues: tuple[str, ...]
    #: The id of the ECQ this competency belongs to; None for a fundamental competency.
    ecq: str | None


@dataclass(frozen=True)
class Reframe:
    """How to retell a story through an ECQ's lens, part by part."""

    challenge: str
    action: str
    result: str


@dataclass(frozen=True)
class ECQ:
    id: str
    name: str
    gist: str
    cues: tuple[str, ...]
    #: Brainstorm prompts that jog memory through this ECQ's lens.
    prompts: tuple[str, ...]
    reframe: Reframe
    competencies: tuple[Competency, ...]


@dataclass(frozen=True)
class Rules:
    """Story counts, lengths and recency for a framework. 0 means "no such limit"."""

    target_stories_per_ecq: int
    min_stories_per_ecq: int
    max_stories_per_ecq: int
    distinct_stories_total: int
    pages_per_ecq: float
    pages_total: float
    resume_pages: float
    chars_per_ecq: int
    recency_years: int
    recency_preferred_years: int
    spoken_minutes_min: float
    spoken_minutes_max: float
    #: Plain-English statements of the rules, each saying how sure we are.
    notes: tuple[str, ...]


_INT_RULES = (
    "target_stories_per_ecq",
    "min_stories_per_ecq",
    "max_stories_per_ecq",
    "distinct_stories_total",
    "chars_per_ecq",
    "recency_years",
    "recency_preferred_years",
)
_FLOAT_RULES = (
    "pages_per_ecq",
    "pages_total",
    "resume_pages",
    "spoken_minutes_min",
    "spoken_minutes_max",
)


@dataclass(frozen=True)
class Framework:
    id: str
    name: str
    summary: str
    in_force: str
    rules: Rules
    ecqs: tuple[ECQ, ...]
    #: Cross-cutting competencies that belong to no ECQ (classic only).
    fundamentals: tuple[Competency, ...]

    def ecq(self, ecq_id: str) -> ECQ:
        for ecq in self.ecqs:
            if ecq.id == ecq_id:
                return ecq
        raise KeyError(
            f"framework {self.id!r} has no ECQ {ecq_id!r} (known: {', '.join(self.ecq_ids)})"
        )

    def competency(self, comp_id: str) -> Competency:
        """The ECQ competency or fundamental competency with this id."""
        for comp in self.competencies + self.fundamentals:
            if comp.id == comp_id:
                return comp
        raise KeyError(f"framework {self.id!r} has no competency {comp_id!r}")

    def ecq_of(self, comp_id: str) -> ECQ | None:
        """The ECQ a competency belongs to; None for a fundamental competency."""
        comp = self.competency(comp_id)
        return None if comp.ecq is None else self.ecq(comp.ecq)

    @property
    def ecq_ids(self) -> tuple[str, ...]:
        return tuple(ecq.id for ecq in self.ecqs)

    @property
    def competencies(self) -> tuple[Competency, ...]:
        """Every ECQ competency in file order; fundamentals are not included."""
        return tuple(comp for ecq in self.ecqs for comp in ecq.competencies)


@dataclass(frozen=True)
class CompetencyLink:
    from_id: str
    #: Empty when the competency has no home in the target framework.
    to_ids: tuple[str, ...]
    #: One of STRENGTHS.
    strength: str
    note: str


@dataclass(frozen=True)
class EcqLink:
    from_id: str
    to_ids: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class Crosswalk:
    """Where material from one framework's ECQs and competencies goes in another's."""

    from_framework: str
    to_framework: str
    note: str
    ecqs: tuple[EcqLink, ...]
    competencies: tuple[CompetencyLink, ...]
    # The target framework's ids, so a reverse lookup of a misspelled id raises instead of
    # quietly returning (). Empty (no check) when a Crosswalk is built by hand.
    _to_ecq_ids: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    _to_competency_ids: frozenset[str] = field(default=frozenset(), repr=False, compare=False)

    def map_ecq(self, ecq_id: str, *, reverse: bool = False) -> tuple[str, ...]:
        """The target ECQ ids for a source ECQ; with ``reverse``, the source ids for a target."""
        return _map(self.ecqs, ecq_id, reverse, "ECQ", self, self._to_ecq_ids)

    def map_competency(self, comp_id: str, *, reverse: bool = False) -> tuple[str, ...]:
        """The target competency ids for a source competency; with ``reverse``, the sources."""
        return _map(self.competencies, comp_id, reverse, "competency", self, self._to_competency_ids)


def _map(
    links: tuple[EcqLink, ...] | tuple[CompetencyLink, ...],
    item_id: str,
    reverse: bool,
    kind: str,
    walk: Crosswalk,
    known: frozenset[str],
) -> tuple[str, ...]:
    if not reverse:
        for link in links:
            if link.from_id == item_id:
                return link.to_ids
        raise KeyError(f"the crosswalk has no {walk.from_framework} {kind} {item_id!r}")
    found = tuple(link.from_id for link in links if item_id in link.to_ids)
    if not found and known and item_id not in known:
        raise KeyError(f"framework {walk.to_framework!r} has no {kind} {item_id!r}")
    return found


# --- loading ---------------------------------------------------------------------------


def _read_toml(filename: str) -> dict[str, Any]:
    try:
        raw = resources.files(__name__).joinpath(filename).read_bytes()
    except OSError as exc:
        raise FrameworkError(f"{filename}: cannot read the file: {exc}") from exc
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise FrameworkError(f"{filename}: not valid TOML: {exc}") from exc


@functools.cache
def load_framework(framework_id: str) -> Framework:
    """The framework with this id (one of FRAMEWORK_IDS), read from the package and checked."""
    if framework_id not in FRAMEWORK_IDS:
        raise FrameworkError(
            f"unknown framework {framework_id!r}; choose one of: {', '.join(FRAMEWORK_IDS)}"
        )
    source = f"{framework_id}.toml"
    framework = parse_framework(_read_toml(source), source)
    if framework.id != framework_id:
        raise FrameworkError(f"{source}: 'id' is {framework.id!r}, expected {framework_id!r}")
    return framework


@functools.cache
def load_crosswalk() -> Crosswalk:
    """The classic -> 2025 crosswalk, checked against both frameworks."""
    frameworks = {fid: load_framework(fid) for fid in FRAMEWORK_IDS}
    return parse_crosswalk(_read_toml("crosswalk.toml"), "crosswalk.toml", frameworks)


# --- field checks ----------------------------------------------------------------------


class _Checker:
    """Field checks that raise FrameworkError naming the source file and the location."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, problem: str) -> FrameworkError:
        return FrameworkError(f"{self.source}: {where}: {problem}")

    def table(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"must be a table, not {type(value).__name__}")
        return value

    def keys(
        self, data: dict[str, Any], where: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> None:
        unknown = sorted(set(data) - set(required) - set(optional))
        if unknown:
            raise self.fail(where, f"unknown key {unknown[0]!r} (allowed: {', '.join(required + optional)})")
        missing = [key for key in required if key not in data]
        if missing:
            raise self.fail(where, f"missing required key {missing[0]!r}")

    def text(self, data: dict[str, Any], key: str, where: str) -> str:
        value = data.get(key)
        if not isinstance(value, str):
            raise self.fail(where, f"{key!r} must be text, not {type(value).__name__}")
        if not value.strip():
            raise self.fail(where, f"{key!r} must not be blank")
        if value != value.strip():
            raise self.fail(where, f"{key!r} has leading or trailing spaces")
        return value

    def text_list(self, data: dict[str, Any], key: str, where: str, min_len: int = 0) -> tuple[str, ...]:
        value = data.get(key)
        if not isinstance(value, list):
            raise self.fail(where, f"{key!r} must be a list of text, not {type(value).__name__}")
        items = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(where, f"{key!r} item {i + 1} must be non-blank text, not {item!r}")
            if item != item.strip():
                raise self.fail(where, f"{key!r} item {i + 1} has leading or trailing spaces")
            items.append(item)
        if len(items) < min_len:
            raise self.fail(where, f"{key!r} needs at least {min_len} item(s), has {len(items)}")
        if len(set(items)) != len(items):
            dup = next(item for item in items if items.count(item) > 1)
            raise self.fail(where, f"{key!r} lists {dup!r} twice")
        return tuple(items)

    def questions(self, data: dict[str, Any], key: str, where: str, min_len: int) -> tuple[str, ...]:
        items = self.text_list(data, key, where, min_len)
        for item in items:
            if not item.endswith("?"):
                raise self.fail(where, f"{key!r} item {item!r} must end with '?'")
        return items

    def cues(self, data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
        items = self.text_list(data, key, where, min_len=1)
        seen: set[str] = set()
        for cue in items:
            body = cue[:-1] if cue.endswith("*") else cue
            if not body.strip() or "*" in body:
                raise self.fail(where, f"cue {cue!r}: '*' may only end a cue, after some text")
            if body != body.strip() or "  " in body or len(cue) > _MAX_CUE_LENGTH:
                raise self.fail(where, f"cue {cue!r} must be a word or short phrase with single spaces")
            for word in body.split(" "):
                if _CAPITALIZED_WORD.fullmatch(re.sub(r"[^A-Za-z]", "", word)):
                    raise self.fail(where, f"cue {cue!r} must be lower case unless an acronym")
            if cue.lower() in seen:
                raise self.fail(where, f"cue {cue!r} is listed twice")
            seen.add(cue.lower())
        return items

    def integer(self, data: dict[str, Any], key: str, where: str) -> int:
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(where, f"{key!r} must be a whole number, not {value!r}")
        if value < 0:
            raise self.fail(where, f"{key!r} must not be negative, not {value}")
        return value

    def number(self, data: dict[str, Any], key: str, where: str) -> float:
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            raise self.fail(where, f"{key!r} must be a number, not {value!r}")
        if value < 0 or value == float("inf"):
            raise self.fail(where, f"{key!r} must be a finite, non-negative number, not {value}")
        return float(value)

    def table_list(self, data: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
        value = data.get(key)
        if not isinstance(value, list):
            raise self.fail(where, f"{key!r} must be an array of tables, not {type(value).__name__}")
        prefix = "" if where == "top level" else f"{where} "
        return [self.table(item, f"{prefix}{key}[{i + 1}]") for i, item in enumerate(value)]

    def item_id(self, data: dict[str, Any], where: str, pattern: re.Pattern[str], shape: str) -> str:
        value = self.text(data, "id", where)
        if not pattern.fullmatch(value):
            raise self.fail(where, f"id {value!r} must be {shape}")
        return value


# --- frameworks ------------------------------------------------------------------------

_FRAMEWORK_KEYS = ("id", "name", "summary", "in_force", "rules", "ecqs")
_ECQ_KEYS = ("id", "name", "gist", "cues", "prompts", "reframe", "competencies")
_COMPETENCY_KEYS = ("id", "name", "gist", "questions", "cues")
_REFRAME_KEYS = ("challenge", "action", "result")
_RULE_KEYS = _INT_RULES + _FLOAT_RULES + ("notes",)


def parse_framework(data: dict, source: str) -> Framework:
    """Check a framework's parsed TOML and build the :class:`Framework`.

    ``source`` names the file in error messages. Raises :class:`FrameworkError`.
    """
    check = _Checker(source)
    check.table(data, "top level")
    check.keys(data, "top level", _FRAMEWORK_KEYS, ("fundamentals",))
    framework_id = check.text(data, "id", "top level")
    name = check.text(data, "name", "top level")
    summary = check.text(data, "summary", "top level")
    in_force = check.text(data, "in_force", "top level")

    ecq_tables = check.table_list(data, "ecqs", "top level")
    if not ecq_tables:
        raise check.fail("top level", "'ecqs' must list at least one ECQ")
    ecqs: list[ECQ] = []
    owner: dict[str, str] = {}  # competency id -> "ECQ 'LC'" or "fundamentals"
    for i, table in enumerate(ecq_tables):
        ecq = _parse_ecq(check, table, i)
        if any(seen.id == ecq.id for seen in ecqs):
            raise check.fail(f"ECQ {ecq.id!r}", "duplicate ECQ id")
        for comp in ecq.competencies:
            _claim(check, owner, comp.id, f"ECQ {ecq.id!r}")
        ecqs.append(ecq)

    fundamentals: list[Competency] = []
    if "fundamentals" in data:
        for i, table in enumerate(check.table_list(data, "fundamentals", "top level")):
            comp = _parse_competency(check, table, f"fundamentals[{i + 1}]", None)
            _claim(check, owner, comp.id, "fundamentals")
            fundamentals.append(comp)

    rules = _parse_rules(check, check.table(data["rules"], "[rules]"), len(ecqs))
    return Framework(
        id=framework_id,
        name=name,
        summary=summary,
        in_force=in_force,
        rules=rules,
        ecqs=tuple(ecqs),
        fundamentals=tuple(fundamentals),
    )


def _claim(check: _Checker, owner: dict[str, str], comp_id: str, place: str) -> None:
    if comp_id in owner:
        where = owner[comp_id]
        detail = "listed twice in " + place if where == place else f"listed in both {where} and {place}"
        raise check.fail(f"competency {comp_id!r}", f"duplicate competency id: {detail}")
    owner[comp_id] = place


def _parse_ecq(check: _Checker, table: dict[str, Any], index: int) -> ECQ:
    where = f"ecqs[{index + 1}]"
    if isinstance(table.get("id"), str) and table["id"].strip():
        where = f"ECQ {table['id']!r}"
    check.keys(table, where, _ECQ_KEYS)
    ecq_id = check.item_id(table, where, _ECQ_ID, "2 to 4 capital letters, such as 'LC'")
    reframe_table = check.table(table["reframe"], f"{where} reframe")
    check.keys(reframe_table, f"{where} reframe", _REFRAME_KEYS)
    reframe = Reframe(*(check.text(reframe_table, key, f"{where} reframe") for key in _REFRAME_KEYS))
    comp_tables = check.table_list(table, "competencies", where)
    if not comp_tables:
        raise check.fail(where, "an ECQ needs at least one competency")
    competencies = tuple(
        _parse_competency(check, comp, f"{where} competencies[{i + 1}]", ecq_id)
        for i, comp in enumerate(comp_tables)
    )
    return ECQ(
        id=ecq_id,
        name=check.text(table, "name", where),
        gist=check.text(table, "gist", where),
        cues=check.cues(table, "cues", where),
        prompts=check.questions(table, "prompts", where, min_len=1),
        reframe=reframe,
        competencies=competencies,
    )


def _parse_competency(check: _Checker, table: dict[str, Any], where: str, ecq_id: str | None) -> Competency:
    if isinstance(table.get("id"), str) and table["id"].strip():
        owner = f"ECQ {ecq_id!r} competency" if ecq_id else "fundamental competency"
        where = f"{owner} {table['id']!r}"
    check.keys(table, where, _COMPETENCY_KEYS)
    return Competency(
        id=check.item_id(table, where, _COMPETENCY_ID, "snake_case, such as 'strategic_thinking'"),
        name=check.text(table, "name", where),
        gist=check.text(table, "gist", where),
        questions=check.questions(table, "questions", where, min_len=2),
        cues=check.cues(table, "cues", where),
        ecq=ecq_id,
    )


def _parse_rules(check: _Checker, table: dict[str, Any], ecq_count: int) -> Rules:
    where = "[rules]"
    check.keys(table, where, _RULE_KEYS)
    values: dict[str, Any] = {key: check.integer(table, key, where) for key in _INT_RULES}
    values.update({key: check.number(table, key, where) for key in _FLOAT_RULES})
    values["notes"] = check.text_list(table, "notes", where)
    rules = Rules(**values)

    def bad(problem: str) -> FrameworkError:
        return check.fail(where, problem)

    if rules.max_stories_per_ecq < 1:
        raise bad("'max_stories_per_ecq' must be at least 1")
    if not rules.min_stories_per_ecq <= rules.target_stories_per_ecq <= rules.max_stories_per_ecq:
        raise bad(
            "story counts are inconsistent: need min_stories_per_ecq <= target_stories_per_ecq"
            f" <= max_stories_per_ecq, got {rules.min_stories_per_ecq}, "
            f"{rules.target_stories_per_ecq}, {rules.max_stories_per_ecq}"
        )
    lo, hi = rules.min_stories_per_ecq * ecq_count, rules.max_stories_per_ecq * ecq_count
    if not lo <= rules.distinct_stories_total <= hi:
        raise bad(
            f"'distinct_stories_total' is {rules.distinct_stories_total}, but {ecq_count} ECQs"
            f" with {rules.min_stories_per_ecq}-{rules.max_stories_per_ecq} stories each allow {lo}-{hi}"
        )
    if rules.pages_per_ecq and not rules.pages_total:
        raise bad("'pages_per_ecq' is set but 'pages_total' is 0")
    if rules.pages_total and rules.pages_per_ecq * ecq_count > rules.pages_total:
        raise bad(
            f"'pages_per_ecq' {rules.pages_per_ecq} x {ecq_count} ECQs exceeds"
            f" 'pages_total' {rules.pages_total}"
        )
    if rules.recency_preferred_years > rules.recency_years:
        raise bad("'recency_preferred_years' must not exceed 'recency_years'")
    if rules.spoken_minutes_min > rules.spoken_minutes_max:
        raise bad("'spoken_minutes_min' must not exceed 'spoken_minutes_max'")
    return rules


# --- crosswalk -------------------------------------------------------------------------

_CROSSWALK_KEYS = ("from", "to", "note", "ecqs", "competencies")
_ECQ_LINK_KEYS = ("from", "to", "note")
_COMPETENCY_LINK_KEYS = ("from", "to", "strength", "note")


def parse_crosswalk(data: dict, source: str, frameworks: dict[str, Framework]) -> Crosswalk:
    """Check a crosswalk's parsed TOML against the frameworks it links; build the Crosswalk.

    ``frameworks`` maps framework id -> Framework and must hold both ends of the crosswalk.
    Every ECQ and competency (fundamentals included) of the source framework must be mapped.
    """
    check = _Checker(source)
    check.table(data, "top level")
    check.keys(data, "top level", _CROSSWALK_KEYS)
    ends = []
    for key in ("from", "to"):
        fid = check.text(data, key, "top level")
        if fid not in frameworks:
            raise check.fail("top level", f"{key!r} names unknown framework {fid!r}")
        ends.append(frameworks[fid])
    src, dst = ends
    note = check.text(data, "note", "top level")

    dst_ecqs = frozenset(dst.ecq_ids)
    ecq_links = []
    for i, table in enumerate(check.table_list(data, "ecqs", "top level")):
        where = _link_where(table, "ecqs", i)
        check.keys(table, where, _ECQ_LINK_KEYS)
        from_id, to_ids = _link_ends(check, table, where, set(src.ecq_ids), dst_ecqs, src, dst, "ECQ")
        ecq_links.append(EcqLink(from_id, to_ids, check.text(table, "note", where)))
    _check_coverage(check, [link.from_id for link in ecq_links], src.ecq_ids, src, "ECQ")

    src_comps = tuple(c.id for c in src.competencies + src.fundamentals)
    dst_comps = frozenset(c.id for c in dst.competencies + dst.fundamentals)
    comp_links = []
    for i, table in enumerate(check.table_list(data, "competencies", "top level")):
        where = _link_where(table, "competencies", i)
        check.keys(table, where, _COMPETENCY_LINK_KEYS)
        from_id, to_ids = _link_ends(check, table, where, set(src_comps), dst_comps, src, dst, "competency")
        strength = table.get("strength")
        if strength not in STRENGTHS:
            raise check.fail(where, f"'strength' must be one of {', '.join(STRENGTHS)}, not {strength!r}")
        if (strength == "none") != (not to_ids):
            raise check.fail(where, "'strength' must be 'none' exactly when 'to' is empty")
        comp_links.append(CompetencyLink(from_id, to_ids, strength, check.text(table, "note", where)))
    _check_coverage(check, [link.from_id for link in comp_links], src_comps, src, "competency")

    return Crosswalk(
        from_framework=src.id,
        to_framework=dst.id,
        note=note,
        ecqs=tuple(ecq_links),
        competencies=tuple(comp_links),
        _to_ecq_ids=dst_ecqs,
        _to_competency_ids=dst_comps,
    )


def _link_where(table: Any, key: str, index: int) -> str:
    if isinstance(table, dict) and isinstance(table.get("from"), str):
        return f"{key} entry from {table['from']!r}"
    return f"{key}[{index + 1}]"


def _link_ends(
    check: _Checker,
    table: dict[str, Any],
    where: str,
    src_ids: set[str],
    dst_ids: frozenset[str],
    src: Framework,
    dst: Framework,
    kind: str,
) -> tuple[str, tuple[str, ...]]:
    from_id = check.text(table, "from", where)
    if from_id not in src_ids:
        raise check.fail(where, f"framework {src.id!r} has no {kind} {from_id!r}")
    to_ids = table.get("to")
    if not isinstance(to_ids, list):
        raise check.fail(where, f"'to' must be a list of ids, not {type(to_ids).__name__}")
    for to_id in to_ids:
        if not isinstance(to_id, str) or to_id not in dst_ids:
            raise check.fail(where, f"framework {dst.id!r} has no {kind} {to_id!r}")
    if len(set(to_ids)) != len(to_ids):
        raise check.fail(where, "'to' lists an id twice")
    return from_id, tuple(to_ids)


def _check_coverage(
    check: _Checker, mapped: list[str], expected: tuple[str, ...], src: Framework, kind: str
) -> None:
    seen: set[str] = set()
    for item_id in mapped:
        if item_id in seen:
            raise check.fail(f"{kind} {item_id!r}", "mapped more than once")
        seen.add(item_id)
    missing = [item_id for item_id in expected if item_id not in seen]
    if missing:
        raise check.fail(
            f"{kind} {missing[0]!r}", f"{src.id} {kind} missing from the crosswalk"
            + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else "")
        )


__all__ = [
    "DEFAULT_FRAMEWORK",
    "ECQ",
    "FRAMEWORK_IDS",
    "STRENGTHS",
    "Competency",
    "CompetencyLink",
    "Crosswalk",
    "EcqLink",
    "Framework",
    "FrameworkError",
    "Reframe",
    "Rules",
    "load_crosswalk",
    "load_framework",
    "parse_crosswalk",
    "parse_framework",
]
