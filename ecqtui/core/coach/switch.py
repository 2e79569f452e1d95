"""Switching a bank between the classic and 2025 frameworks through the crosswalk."""

from __future__ import annotations

from dataclasses import dataclass, field

from ecqtui.core.bank import Bank
from ecqtui.core.frameworks import load_crosswalk, load_framework
from ecqtui.core.models import LensChange


@dataclass
class SwitchPlan:
    to_framework: str
    #: (story id, old ECQ, new ECQ or None, new competency ids)
    relabels: list[tuple[str, str, str | None, list[str]]] = field(default_factory=list)
    #: Stories that need retelling: no home in the new framework, or more than one.
    needs_retelling: list[str] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)


def plan_switch(bank: Bank, to_framework: str) -> SwitchPlan:
    source = bank.profile.framework
    plan = SwitchPlan(to_framework=to_framework)
    if source == to_framework:
        return plan
    load_framework(to_framework)  # an unknown id fails here, loudly
    crosswalk = load_crosswalk()
    if (crosswalk.from_framework, crosswalk.to_framework) == (source, to_framework):
        reverse = False
    elif (crosswalk.from_framework, crosswalk.to_framework) == (to_framework, source):
        reverse = True
    else:
        raise ValueError(f"no crosswalk between {source} and {to_framework}")
    links = {link.from_id: link for link in crosswalk.ecqs}
    target_fw = load_framework(to_framework)
    for story in bank.stories:
        undo = _switch_to_undo(story, source, to_framework)
        if undo is not None:
            # Switching back: the story returns to the lens and competencies it had, exactly.
            own = {c.id for c in target_fw.competencies}
            plan.relabels.append((story.id, story.ecq, undo.from_ecq or None,
                                  [c for c in undo.from_competencies if c in own]))
            if not undo.from_ecq:
                plan.needs_retelling.append(story.id)
                plan.notes[story.id] = "It had no ECQ in this framework before: map it in Map to ECQs."
            continue
        targets = crosswalk.map_ecq(story.ecq, reverse=reverse) if story.ecq else ()
        new_ecq = targets[0] if targets else None
        comps: list[str] = []
        for comp in story.competencies:
            for mapped in crosswalk.map_competency(comp, reverse=reverse):
                if mapped not in comps:
                    comps.append(mapped)
        if new_ecq:
            own = {c.id for c in target_fw.ecq(new_ecq).competencies}
            comps = [c for c in comps if c in own]
        plan.relabels.append((story.id, story.ecq, new_ecq, comps))
        if new_ecq is None or len(targets) > 1:
            plan.needs_retelling.append(story.id)
            link = links.get(story.ecq) if not reverse else None
            plan.notes[story.id] = (link.note if link else "") or (
                "No home in the new framework: retell it through another ECQ." if new_ecq is None
                else f"Splits across {', '.join(targets)}: choose the lens its challenge fits."
            )
    return plan


SWITCH_REASON = "framework switch"


def _switch_to_undo(story, source: str, target: str) -> LensChange | None:
    """The switch that brought this story from ``target`` to ``source``, if nothing changed its lens since."""
    if not story.lens_history:
        return None
    last = story.lens_history[-1]
    if last.reason == SWITCH_REASON and last.from_framework == target and last.to_ecq == story.ecq:
        return last
    return None


def apply_switch(bank: Bank, plan: SwitchPlan) -> Bank:
    """A new bank on the target framework, stories relabelled, each change kept in its history."""
    switched = Bank.from_dict(bank.to_dict())
    source = switched.profile.framework
    switched.profile.framework = plan.to_framework
    relabel = {sid: (new, comps) for sid, _, new, comps in plan.relabels}
    for story in switched.stories:
        if story.id not in relabel:
            continue
        new_ecq, comps = relabel[story.id]
        story.lens_history.append(LensChange(from_ecq=story.ecq, to_ecq=new_ecq or "", reason=SWITCH_REASON,
                                             from_framework=source, from_competencies=list(story.competencies)))
        story.ecq = new_ecq or ""
        story.competencies = comps
    return switched
