"""The ECQ frameworks as data: content checks, the validating loader, the crosswalk."""

from __future__ import annotations

import copy
import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

import ecqtui.core.frameworks as fw_module
from ecqtui.core.frameworks import (
    DEFAULT_FRAMEWORK,
    FRAMEWORK_IDS,
    FrameworkError,
    load_crosswalk,
    load_framework,
    parse_crosswalk,
    parse_framework,
)

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

REPO = Path(__file__).resolve().parents[2]
DATA_DIR = Path(fw_module.__file__).parent

# Official names (domain.md 1.3, 1.4 and 2.2), in file order.
CLASSIC = {
    "LC": ("Leading Change", [
        "Creativity and Innovation", "External Awareness", "Flexibility", "Resilience",
        "Strategic Thinking", "Vision",
    ]),
    "LP": ("Leading People", [
        "Conflict Management", "Leveraging Diversity", "Developing Others", "Team Building",
    ]),
    "RD": ("Results Driven", [
        "Accountability", "Customer Service", "Decisiveness", "Entrepreneurship",
        "Problem Solving", "Technical Credibility",
    ]),
    "BA": ("Business Acumen", [
        "Financial Management", "Human Capital Management", "Technology Management",
    ]),
    "BC": ("Building Coalitions", [
        "Partnering", "Political Savvy", "Influencing/Negotiating",
    ]),
}
CLASSIC_FUNDAMENTALS = {
    "Interpersonal Skills", "Oral Communication", "Integrity/Honesty",
    "Written Communication", "Continual Learning", "Public Service Motivation",
}
NEW_2025 = {
    "ROL": ("Commitment to the Rule of Law and the Principles of the American Founding", [
        ("knowledge_of_government", "Knowledge of the American System of Government"),
        ("rule_of_law", "Commitment to the Rule of Law"),
        ("civic_mindedness", "Civic-Mindedness"),
    ]),
    "DE": ("Driving Efficiency", [
        ("fiscal_responsibility", "Fiscal Responsibility"),
        ("managing_resources", "Managing Resources"),
        ("leveraging_technology", "Leveraging Technology"),
    ]),
    "MC": ("Merit and Competence", [
        ("technical_skill", "Technical Skill"),
        ("problem_solving", "Problem Solving"),
        ("agility_resilience", "Agility and Resilience"),
    ]),
    "LP": ("Leading People", [
        ("accountability", "Accountability"),
        ("developing_others", "Developing Others"),
        ("executive_judgment", "Executive Judgment"),
    ]),
    "AR": ("Achieving Results", [
        ("operational_mindset", "Operational Mindset"),
        ("innovation", "Innovation"),
        ("strategic_thinking", "Strategic Thinking"),
    ]),
}


def raw(name: str) -> dict:
    """A fresh parsed copy of one of the package's TOML files."""
    return tomllib.loads((DATA_DIR / name).read_text(encoding="utf-8"))


#: Pristine parsed copies; tests deep-copy them before breaking them.
GOOD_CLASSIC = raw("classic.toml")
GOOD_2025 = raw("2025.toml")
GOOD_CROSSWALK = raw("crosswalk.toml")


def all_competencies(framework):
    return framework.competencies + framework.fundamentals


# --- loading and structure -------------------------------------------------------------


def test_framework_ids_and_default():
    assert FRAMEWORK_IDS == ("classic", "2025")
    assert DEFAULT_FRAMEWORK == "classic"
    for fid in FRAMEWORK_IDS:
        framework = load_framework(fid)
        assert framework.id == fid
        assert framework.name and framework.summary and framework.in_force


def test_load_is_cached_and_records_are_frozen():
    framework = load_framework("classic")
    assert load_framework("classic") is framework
    assert load_crosswalk() is load_crosswalk()
    with pytest.raises(dataclasses.FrozenInstanceError):
        framework.name = "changed"  # type: ignore[misc]
    assert isinstance(framework.ecqs, tuple)
    assert isinstance(framework.ecqs[0].competencies[0].cues, tuple)


def test_unknown_framework_id_lists_the_valid_ones():
    with pytest.raises(FrameworkError) as info:
        load_framework("2030")
    message = str(info.value)
    assert "2030" in message and "classic" in message and "2025" in message


def test_classic_ecqs_competencies_and_fundamentals():
    framework = load_framework("classic")
    assert framework.ecq_ids == ("LC", "LP", "RD", "BA", "BC")
    for ecq in framework.ecqs:
        name, comp_names = CLASSIC[ecq.id]
        assert ecq.name == name
        assert [c.name for c in ecq.competencies] == comp_names
        assert all(c.ecq == ecq.id for c in ecq.competencies)
    assert [len(e.competencies) for e in framework.ecqs] == [6, 4, 6, 3, 3]
    assert len(framework.competencies) == 22
    assert {c.name for c in framework.fundamentals} == CLASSIC_FUNDAMENTALS
    assert all(c.ecq is None for c in framework.fundamentals)
    ids = [c.id for c in all_competencies(framework)]
    assert len(ids) == len(set(ids)) == 28


def test_2025_ecqs_and_sub_competencies():
    framework = load_framework("2025")
    assert framework.ecq_ids == ("ROL", "DE", "MC", "LP", "AR")
    for ecq in framework.ecqs:
        name, comps = NEW_2025[ecq.id]
        assert ecq.name == name
        assert [(c.id, c.name) for c in ecq.competencies] == comps
    assert len(framework.competencies) == 15
    assert framework.fundamentals == ()


@pytest.mark.parametrize("fid", FRAMEWORK_IDS)
def test_every_competency_has_questions_and_cues(fid):
    for comp in all_competencies(load_framework(fid)):
        assert 2 <= len(comp.questions) <= 3, comp.id
        assert all(q.endswith("?") for q in comp.questions), comp.id
        assert 8 <= len(comp.cues) <= 25, (comp.id, len(comp.cues))
        assert comp.gist.strip(), comp.id


@pytest.mark.parametrize("fid", FRAMEWORK_IDS)
def test_every_ecq_has_cues_prompts_and_reframe(fid):
    for ecq in load_framework(fid).ecqs:
        assert 15 <= len(ecq.cues) <= 80, (ecq.id, len(ecq.cues))
        assert 3 <= len(ecq.prompts) <= 5, ecq.id
        assert all(p.endswith("?") for p in ecq.prompts), ecq.id
        assert ecq.reframe.challenge and ecq.reframe.action and ecq.reframe.result, ecq.id
        assert ecq.gist.strip()


@pytest.mark.parametrize(
    "fid, cue, ecq_id",
    [
        # Terse manager text such as "Led 40-FTE reorg of OIG audit followup; closed 27 GAO
        # recs; cut backlog 38%; MOU w/ DHS" must find cues in the ECQs it speaks to.
        ("classic", "reorg*", "LC"),
        ("classic", "FTE*", "BA"),
        ("classic", "GAO", "RD"),
        ("classic", "OIG", "RD"),
        ("classic", "recs", "RD"),
        ("classic", "backlog", "RD"),
        ("classic", "MOU", "BC"),
        ("classic", "negotiat*", "BC"),
        ("classic", "FEVS", "LP"),
        ("classic", "continuing resolution", "BA"),
        ("classic", "ATO", "BA"),
        ("2025", "GAO", "ROL"),
        ("2025", "FTE*", "DE"),
        ("2025", "reorg*", "LP"),
        ("2025", "backlog", "AR"),
        ("2025", "PIP", "LP"),
        ("2025", "root cause", "MC"),
    ],
)
def test_common_federal_shorthand_is_cued(fid, cue, ecq_id):
    ecq = load_framework(fid).ecq(ecq_id)
    cues = set(ecq.cues).union(*(c.cues for c in ecq.competencies))
    assert cue in cues


def test_lookups():
    framework = load_framework("classic")
    assert framework.ecq("BA").name == "Business Acumen"
    assert framework.competency("financial_management").ecq == "BA"
    assert framework.ecq_of("financial_management").id == "BA"
    assert framework.competency("oral_communication").name == "Oral Communication"
    assert framework.ecq_of("oral_communication") is None
    with pytest.raises(KeyError, match="ZZ"):
        framework.ecq("ZZ")
    with pytest.raises(KeyError, match="no_such_thing"):
        framework.competency("no_such_thing")
    with pytest.raises(KeyError, match="no_such_thing"):
        framework.ecq_of("no_such_thing")


# --- rules -----------------------------------------------------------------------------


def test_classic_rules():
    rules = load_framework("classic").rules
    assert rules.pages_per_ecq == 2.0
    assert rules.pages_total == 10.0
    assert rules.recency_years == 10
    assert rules.recency_preferred_years == 7
    assert (rules.min_stories_per_ecq, rules.target_stories_per_ecq, rules.max_stories_per_ecq) == (1, 2, 2)
    assert rules.distinct_stories_total == 10
    assert rules.chars_per_ecq == 0
    assert rules.notes and all(isinstance(n, str) and n for n in rules.notes)


def test_2025_rules_have_no_narrative_pages():
    rules = load_framework("2025").rules
    assert rules.pages_per_ecq == 0
    assert rules.pages_total == 0
    assert rules.resume_pages == 2.0
    assert rules.max_stories_per_ecq == 3
    assert (rules.spoken_minutes_min, rules.spoken_minutes_max) == (2.0, 4.0)
    assert rules.notes


# --- crosswalk -------------------------------------------------------------------------


def test_crosswalk_covers_every_classic_competency_and_ecq():
    walk = load_crosswalk()
    classic = load_framework("classic")
    new = load_framework("2025")
    assert (walk.from_framework, walk.to_framework) == ("classic", "2025")
    assert walk.note
    assert [link.from_id for link in walk.ecqs] == list(classic.ecq_ids)
    assert {link.from_id for link in walk.competencies} == {c.id for c in all_competencies(classic)}
    assert len(walk.competencies) == 28
    new_ids = {c.id for c in new.competencies}
    for link in walk.competencies:
        assert set(link.to_ids) <= new_ids
        assert link.strength in ("direct", "partial", "none")
        assert (link.strength == "none") == (link.to_ids == ())
        assert link.note


def test_crosswalk_mappings():
    walk = load_crosswalk()
    assert walk.map_ecq("BC") == ()
    assert "Building Coalitions" in next(link.note for link in walk.ecqs if link.from_id == "BC")
    assert walk.map_ecq("BA") == ("DE",)
    assert walk.map_competency("financial_management") == ("fiscal_responsibility",)
    assert walk.map_competency("partnering") == ()
    assert walk.map_competency("fiscal_responsibility", reverse=True) == ("financial_management",)
    assert set(walk.map_competency("agility_resilience", reverse=True)) == {"flexibility", "resilience"}
    assert walk.map_competency("operational_mindset", reverse=True) == ()
    assert set(walk.map_ecq("LP", reverse=True)) == {"LP", "RD"}
    assert walk.map_ecq("ROL", reverse=True) == ()
    with pytest.raises(KeyError, match="XX"):
        walk.map_ecq("XX")
    with pytest.raises(KeyError, match="fiscal_responsibility"):
        walk.map_competency("fiscal_responsibility")  # a 2025 id, not a classic one
    with pytest.raises(KeyError, match="nonesuch"):
        walk.map_competency("nonesuch", reverse=True)


# --- validation of bad framework data --------------------------------------------------


def _comp(data, ecq_index, comp_index):
    return data["ecqs"][ecq_index]["competencies"][comp_index]


def _set_rule(key, value):
    def breaker(d):
        d["rules"][key] = value
    return breaker


BAD_FRAMEWORKS = [
    ("missing top-level name", lambda d: d.pop("name"), ["'name'"]),
    ("blank summary", lambda d: d.update(summary="   "), ["'summary'"]),
    ("unknown top-level key", lambda d: d.update(ruels={}), ["ruels"]),
    ("rules missing", lambda d: d.pop("rules"), ["'rules'"]),
    ("ecqs not an array", lambda d: d.update(ecqs="LC"), ["'ecqs'"]),
    ("no ECQs", lambda d: d.update(ecqs=[]), ["'ecqs'"]),
    ("blank ECQ gist", lambda d: d["ecqs"][0].update(gist=""), ["'LC'", "'gist'"]),
    ("ECQ cues not a list", lambda d: d["ecqs"][1].update(cues="team"), ["'LP'", "'cues'"]),
    ("ECQ name wrong type", lambda d: d["ecqs"][2].update(name=7), ["'RD'", "'name'"]),
    ("bad ECQ id", lambda d: d["ecqs"][2].update(id="rd"), ["'rd'"]),
    ("duplicate ECQ id", lambda d: d["ecqs"][1].update(id="LC"), ["'LC'", "duplicate"]),
    ("unknown ECQ key", lambda d: d["ecqs"][3].update(cue=["x"]), ["'BA'", "'cue'"]),
    ("ECQ without prompts", lambda d: d["ecqs"][3].update(prompts=[]), ["'BA'", "'prompts'"]),
    ("ECQ with no competencies", lambda d: d["ecqs"][4].update(competencies=[]), ["'BC'", "competency"]),
    ("missing reframe", lambda d: d["ecqs"][0].pop("reframe"), ["'LC'", "'reframe'"]),
    ("unknown reframe key", lambda d: d["ecqs"][0]["reframe"].update(context="x"), ["'LC'", "'context'"]),
    ("blank reframe part", lambda d: d["ecqs"][0]["reframe"].update(result=""), ["'LC'", "'result'"]),
    ("competency not a table", lambda d: d["ecqs"][0]["competencies"].insert(0, "vision"), ["'LC'", "competencies[1]"]),
    ("duplicate competency id across ECQs",
     lambda d: _comp(d, 2, 0).update(id="vision"), ["'vision'", "duplicate"]),
    ("competency listed in two ECQs",
     lambda d: d["ecqs"][2]["competencies"].append(copy.deepcopy(_comp(d, 0, 0))),
     ["'creativity_innovation'", "'LC'", "'RD'"]),
    ("competency listed twice in one ECQ",
     lambda d: d["ecqs"][1]["competencies"].append(copy.deepcopy(_comp(d, 1, 0))),
     ["'conflict_management'", "twice"]),
    ("fundamental reuses an ECQ competency id",
     lambda d: d["fundamentals"][0].update(id="vision"), ["'vision'", "fundamentals"]),
    ("duplicate fundamental", lambda d: d["fundamentals"].append(copy.deepcopy(d["fundamentals"][1])),
     ["'oral_communication'"]),
    ("competency id not snake_case", lambda d: _comp(d, 0, 5).update(id="Vision"), ["'Vision'"]),
    ("one question only", lambda d: _comp(d, 0, 5).update(questions=["What did I do?"]), ["'vision'", "'questions'"]),
    ("question without question mark",
     lambda d: _comp(d, 1, 2).update(questions=["Whom did I coach?", "Tell me about it."]),
     ["'developing_others'", "Tell me about it."]),
    ("no cues", lambda d: _comp(d, 4, 0).update(cues=[]), ["'partnering'", "'cues'"]),
    ("blank cue", lambda d: _comp(d, 4, 0)["cues"].append(" "), ["'partnering'"]),
    ("capitalized cue", lambda d: _comp(d, 4, 1)["cues"].append("Congress"), ["'political_savvy'", "Congress"]),
    ("star inside cue", lambda d: _comp(d, 4, 2)["cues"].append("neg*tiate"), ["'influencing_negotiating'", "neg*tiate"]),
    ("duplicate cue", lambda d: _comp(d, 3, 0)["cues"].append("budget*"), ["'financial_management'", "budget*"]),
    ("unknown competency key (typo)", lambda d: _comp(d, 2, 0).update(queston="?"), ["'accountability'", "queston"]),
    ("fundamental missing gist", lambda d: d["fundamentals"][2].pop("gist"), ["'integrity_honesty'", "'gist'"]),
    ("unknown rule key", _set_rule("page_per_ecq", 2.0), ["page_per_ecq"]),
    ("negative rule", _set_rule("recency_years", -1), ["recency_years"]),
    ("rule as text", _set_rule("pages_total", "10"), ["pages_total"]),
    ("rule as boolean", _set_rule("target_stories_per_ecq", True), ["target_stories_per_ecq"]),
    ("float where int needed", _set_rule("distinct_stories_total", 10.0), ["distinct_stories_total"]),
    ("min stories above max", _set_rule("min_stories_per_ecq", 3), ["min_stories_per_ecq"]),
    ("target above max", _set_rule("target_stories_per_ecq", 5), ["target_stories_per_ecq"]),
    ("impossible story total", _set_rule("distinct_stories_total", 20), ["distinct_stories_total"]),
    ("pages per ECQ exceed total", _set_rule("pages_per_ecq", 3.0), ["pages_per_ecq"]),
    ("preferred recency above recency", _set_rule("recency_preferred_years", 12), ["recency_preferred_years"]),
    ("spoken minutes reversed", _set_rule("spoken_minutes_min", 5.0), ["spoken_minutes_min"]),
    ("notes not a list", _set_rule("notes", "short"), ["'notes'"]),
]


@pytest.mark.parametrize("label, breaker, expected", BAD_FRAMEWORKS, ids=[c[0] for c in BAD_FRAMEWORKS])
def test_bad_framework_data_is_refused(label, breaker, expected):
    data = copy.deepcopy(GOOD_CLASSIC)
    breaker(data)
    with pytest.raises(FrameworkError) as info:
        parse_framework(data, "broken-classic.toml")
    message = str(info.value)
    assert "broken-classic.toml" in message
    for part in expected:
        assert part in message, (label, message)


@pytest.mark.parametrize("name, data", [("classic.toml", GOOD_CLASSIC), ("2025.toml", GOOD_2025)])
def test_good_data_parses_and_matches_the_loaded_framework(name, data):
    parsed = parse_framework(copy.deepcopy(data), name)
    assert parsed == load_framework(parsed.id)


def test_parsing_does_not_modify_its_input():
    data = copy.deepcopy(GOOD_CLASSIC)
    parse_framework(data, "classic.toml")
    assert data == GOOD_CLASSIC


def test_2025_duplicate_id_reported():
    data = copy.deepcopy(GOOD_2025)
    data["ecqs"][4]["competencies"][2]["id"] = "problem_solving"  # AR strategic_thinking -> MC's id
    with pytest.raises(FrameworkError, match="problem_solving.*'MC'.*'AR'"):
        parse_framework(data, "2025.toml")


# --- validation of bad crosswalk data --------------------------------------------------


def _link(d, kind, from_id):
    return next(link for link in d[kind] if link["from"] == from_id)


def _drop(kind, from_id):
    def breaker(d):
        d[kind] = [link for link in d[kind] if link["from"] != from_id]
    return breaker


BAD_CROSSWALKS = [
    ("unknown from framework", lambda d: d.update({"from": "1997"}), ["1997"]),
    ("unknown to framework", lambda d: d.update(to="2030"), ["2030"]),
    ("unknown top-level key", lambda d: d.update(notes="x"), ["'notes'"]),
    ("blank note", lambda d: d.update(note=""), ["'note'"]),
    ("unknown classic ECQ", lambda d: _link(d, "ecqs", "BC").update({"from": "XX"}), ["'XX'"]),
    ("classic ECQ id on the 2025 side", lambda d: _link(d, "ecqs", "LC").update(to=["LC", "AR"]), ["'LC'", "'2025'"]),
    ("missing classic ECQ", _drop("ecqs", "BC"), ["'BC'", "missing"]),
    ("ECQ mapped twice", lambda d: d["ecqs"].append(copy.deepcopy(d["ecqs"][0])), ["'LC'", "more than once"]),
    ("unknown classic competency",
     lambda d: _link(d, "competencies", "vision").update({"from": "visoin"}), ["'visoin'"]),
    ("unknown 2025 competency",
     lambda d: _link(d, "competencies", "creativity_innovation").update(to=["innovashun"]), ["'innovashun'"]),
    ("ECQ id where a competency id belongs",
     lambda d: _link(d, "competencies", "vision").update(to=["AR"]), ["'AR'"]),
    ("to is not a list",
     lambda d: _link(d, "competencies", "resilience").update(to="agility_resilience"), ["'resilience'", "'to'"]),
    ("strength not allowed",
     lambda d: _link(d, "competencies", "financial_management").update(strength="strong"),
     ["'financial_management'", "strong"]),
    ("strength none with a target",
     lambda d: _link(d, "competencies", "decisiveness").update(strength="none"), ["'decisiveness'", "none"]),
    ("empty target without strength none",
     lambda d: _link(d, "competencies", "partnering").update(strength="partial"), ["'partnering'"]),
    ("typo key in a link",
     lambda d: _link(d, "competencies", "vision").update(strenght="direct"), ["'vision'", "strenght"]),
    ("missing classic competency", _drop("competencies", "vision"), ["'vision'", "missing"]),
    ("missing fundamental", _drop("competencies", "oral_communication"), ["'oral_communication'", "missing"]),
    ("competency mapped twice",
     lambda d: d["competencies"].append(copy.deepcopy(_link(d, "competencies", "resilience"))),
     ["'resilience'", "more than once"]),
]


@pytest.mark.parametrize("label, breaker, expected", BAD_CROSSWALKS, ids=[c[0] for c in BAD_CROSSWALKS])
def test_bad_crosswalk_data_is_refused(label, breaker, expected):
    data = copy.deepcopy(GOOD_CROSSWALK)
    breaker(data)
    frameworks = {fid: load_framework(fid) for fid in FRAMEWORK_IDS}
    with pytest.raises(FrameworkError) as info:
        parse_crosswalk(data, "broken-crosswalk.toml", frameworks)
    message = str(info.value)
    assert "broken-crosswalk.toml" in message
    for part in expected:
        assert part in message, (label, message)


def test_good_crosswalk_parses_and_matches_the_loaded_one():
    frameworks = {fid: load_framework(fid) for fid in FRAMEWORK_IDS}
    assert parse_crosswalk(copy.deepcopy(GOOD_CROSSWALK), "crosswalk.toml", frameworks) == load_crosswalk()


# --- packaging and purity --------------------------------------------------------------


def test_data_files_sit_in_the_package():
    for name in ("classic.toml", "2025.toml", "crosswalk.toml"):
        assert (DATA_DIR / name).is_file()
    assert DATA_DIR == REPO / "ecqtui" / "core" / "frameworks"


def test_loader_imports_no_ui_library():
    code = (
        "import sys\n"
        "import ecqtui.core.frameworks as f\n"
        "f.load_framework('classic'); f.load_framework('2025'); f.load_crosswalk()\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'questionary'))\n"
        "print('UI:' + ','.join(bad))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=str(REPO), timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "UI:"
