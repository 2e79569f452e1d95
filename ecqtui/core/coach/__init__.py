"""The coach: suggestions, checks, coverage, rebalancing and framework switches. Pure logic."""

from ecqtui.core.coach.checks import (
    CHECK_CODES,
    SEVERITIES,
    Finding,
    check_achievement,
    check_story,
    check_text,
    evidence,
)
from ecqtui.core.coach.coverage import Coverage, coverage
from ecqtui.core.coach.length import LengthEstimate, estimate_length
from ecqtui.core.coach.rebalance import Move, apply_move, propose_moves
from ecqtui.core.coach.suggest import (
    CompetencyScore,
    EcqScore,
    Suggestion,
    suggest,
    suggest_for_achievement,
    suggest_for_story,
)
from ecqtui.core.coach.switch import SwitchPlan, apply_switch, plan_switch

__all__ = [
    "CHECK_CODES", "SEVERITIES", "CompetencyScore", "Coverage", "EcqScore", "Finding", "LengthEstimate",
    "Move", "Suggestion", "SwitchPlan", "apply_move", "apply_switch", "check_achievement", "check_story",
    "check_text", "coverage", "estimate_length", "evidence", "plan_switch", "propose_moves", "suggest",
    "suggest_for_achievement", "suggest_for_story",
]
