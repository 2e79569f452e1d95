"""A stand-in for ``ecqtui.core.coach`` and ``ecqtui.core.outline`` built from docs/core-api.md.

Used only while the real modules have not landed, so the screens' wiring (what they call, what
they store) is tested now; the same tests run against the real modules once they exist.
Its judgements are deliberately simple: the tests assert on the store, not on the coach.
"""
import copy, sys, types
from dataclasses import dataclass, field, replace

from ecqtui.core.frameworks import load_framework, load_crosswalk
from ecqtui.core.models import LensChange

@dataclass
class CompetencyScore:
    id: str; name: str; score: float; cues: tuple

@dataclass
class EcqScore:
    ecq: str; name: str; score: float; competencies: tuple; cues: tuple

@dataclass
class Suggestion:
    text: str; framework: str; ranking: tuple
    @property
    def best(self): return self.ranking[0]

def _fw(f): return load_framework(f) if isinstance(f, str) else f

def suggest_for_achievement(a, framework):
    fw = _fw(framework)
    ranking = []
    for i, e in enumerate(fw.ecqs):
        s = ((sum(map(ord, a.title)) * (i + 7)) % 100) / 100  # stable across runs
        ranking.append(EcqScore(e.id, e.name, s, tuple(CompetencyScore(c.id, c.name, 0.5, ("led", "built")) for c in e.competencies[:2]), ("led", "cut")))
    ranking.sort(key=lambda r: -r.score)
    return Suggestion(a.title, fw.id, tuple(ranking))

@dataclass
class Finding:
    code: str; severity: str; message: str; part: object = None; start: int = 0; end: int = 0

def check_achievement(a, framework, *, year_end=None):
    out = []
    if a.end_year and a.end_year < 2016:
        out.append(Finding("too-old", "warning", "Ended more than 10 years ago: use something more recent."))
    return out

@dataclass
class Coverage:
    framework: str; matrix: dict; counts: dict; target_per_ecq: int; distinct_stories: int; distinct_target: int
    fundamentals: dict; gaps: list; duplicate_primary: list; similar_stories: list

def coverage(bank, framework):
    fw = _fw(framework)
    matrix = {e.id: {c.id: [s.id for s in bank.stories if s.ecq == e.id and c.id in s.competencies] for c in e.competencies} for e in fw.ecqs}
    counts = {e.id: sum(1 for s in bank.stories if s.ecq == e.id) for e in fw.ecqs}
    gaps = [c for e in matrix for c, ids in matrix[e].items() if not ids]
    return Coverage(fw.id, matrix, counts, fw.rules.target_stories_per_ecq, len({s.achievement_id for s in bank.stories}), fw.rules.distinct_stories_total, {c.id: [] for c in fw.fundamentals}, gaps, [], [])

@dataclass
class Move:
    story_id: str; from_ecq: str; to_ecq: str; score: float; why: str; cues: tuple; competencies: tuple
    new_challenge: str; foreground: str; lead_result: str; questions: dict

def propose_moves(bank, framework):
    fw = _fw(framework)
    counts = {e.id: sum(1 for s in bank.stories if s.ecq == e.id) for e in fw.ecqs}
    thin = [e for e, n in counts.items() if n < fw.rules.target_stories_per_ecq]
    moves = []
    for s in bank.stories:
        if counts.get(s.ecq, 0) > fw.rules.target_stories_per_ecq and thin:
            to = thin[len(moves) % len(thin)]
            comp = fw.ecq(to).competencies[0]
            moves.append(Move(s.id, s.ecq, to, 0.4, f"{s.ecq} has {counts[s.ecq]} stories; {to} needs more.", ("partners",), (comp.id,), "How you won partners", "the partners", "the agreement", {comp.id: ("Who did you bring together?",)}))
    return moves

def apply_move(story, move, *, competencies=None, reframe=""):
    new = copy.deepcopy(story)
    new.lens_history.append(LensChange(from_ecq=story.ecq, to_ecq=move.to_ecq, reason=move.why))
    new.ecq = move.to_ecq
    new.competencies = list(competencies or move.competencies)
    if reframe: new.reframe = reframe
    return new

@dataclass
class SwitchPlan:
    to_framework: str; relabels: list; needs_retelling: list

def plan_switch(bank, to):
    cw = load_crosswalk()
    rel, need = [], []
    for s in bank.stories:
        targets = cw.map_ecq(s.ecq)
        rel.append((s.id, s.ecq, targets[0] if targets else None, []))
        if not targets or s.ecq == "BC": need.append(s.id)
    return SwitchPlan(to, rel, need)

def apply_switch(bank, plan):
    b = copy.deepcopy(bank)
    b.profile.framework = plan.to_framework
    for sid, old, new, comps in plan.relabels:
        st = b.story(sid)
        if new: st.ecq = new
        st.competencies = list(comps)
    return b

coach = types.ModuleType("ecqtui.core.coach")
for _name in ("suggest_for_achievement", "check_achievement", "coverage", "propose_moves", "apply_move", "plan_switch", "apply_switch",
              "CompetencyScore", "EcqScore", "Suggestion", "Finding", "Coverage", "Move", "SwitchPlan"):
    setattr(coach, _name, globals()[_name])

outline = types.ModuleType("ecqtui.core.outline")
VIEWS = ("outline", "narrative", "resume", "interview")
def build_outline(bank, *, view="outline", ecq=None, with_checks=False, include_self_eval=False, today=None):
    return (bank, view)
def render(o, fmt):
    bank, view = o
    text = f"{view.upper()}\n" + "\n".join(f"{s.ecq}: {bank.achievement(s.achievement_id).title}\n  {s.challenge}" for s in bank.stories)
    if fmt == "docx": return b"PK\x03\x04" + text.encode()
    return text
outline.VIEWS = VIEWS; outline.build_outline = build_outline; outline.render = render


def install(monkeypatch) -> None:
    """Put the stand-ins in sys.modules for one test, where the real modules are missing."""
    for name, module, api in (("ecqtui.core.coach", coach, COACH_API), ("ecqtui.core.outline", outline, OUTLINE_API)):
        if not real(name, api):
            import ecqtui.core

            monkeypatch.setitem(sys.modules, name, module)
            monkeypatch.setattr(ecqtui.core, name.rsplit(".", 1)[1], module, raising=False)


COACH_API = ("suggest_for_achievement", "check_achievement", "coverage", "propose_moves", "apply_move",
             "plan_switch", "apply_switch")
OUTLINE_API = ("build_outline", "render")


def real(name: str, api) -> bool:
    """True when the real module is importable and offers the whole API the screens use."""
    import importlib

    try:
        module = importlib.import_module(name)
    except Exception:
        return False
    return all(hasattr(module, attr) for attr in api)
