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
    for story in bank.stories:
        targets = crosswalk.map_ecq(story.ecq, reverse=reverse) if story.ecq else ()
        new_ecq = targets[0] if targets else None
        comps: list[str] = []
        for comp in story.competencies:
            for mapped in crosswalk.map_competency(comp, reverse=reverse):
                if mapped not in comps:
                    comps.append(mapped)
        if new_ecq:
            target_fw = load_framework(to_framework)
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


def apply_switch(bank: Bank, plan: SwitchPlan) -> Bank:
    """A new bank on the target framework, stories relabelled, each change kept in its history."""
    switched = Bank.from_dict(bank.to_dict())
    switched.profile.framework = plan.to_framework
    relabel = {sid: (new, comps) for sid, _, new, comps in plan.relabels}
    for story in switched.stories:
        if story.id not in relabel:
            continue
        new_ecq, comps = relabel[story.id]
        story.lens_history.append(LensChange(from_ecq=story.ecq, to_ecq=new_ecq or "", reason="framework switch"))
        story.ecq = new_ecq or ""
        story.competencies = comps
    return switched
