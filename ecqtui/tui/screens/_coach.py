"""The coach as the screens use it, imported lazily.

The coach is a separate package of the pure core; a screen that asks it something gets a
plain answer, or an empty one (and a note) if the coach cannot answer, so a coach problem
never takes a screen down with it.
"""

from __future__ import annotations

import importlib
import os
from typing import Any

#: Symbol per finding severity, so a warning is visible without colour.
SEVERITY_SYMBOLS = {"error": "x", "warning": "!", "info": "i"}


#: What the screens call (docs/core-api.md); a coach without all of them is treated as absent.
API = ("suggest_for_achievement", "check_achievement", "coverage", "propose_moves", "apply_move",
       "plan_switch", "apply_switch")


def survive(exc: BaseException) -> None:
    """A coach or outline failure: the screen carries on for the user, but tests must see it.

    With ECQ_TUI_STRICT=1 (set by the test suite) the error is raised again, so a broken coach
    fails the tests instead of quietly showing less.
    """
    if os.environ.get("ECQ_TUI_STRICT"):
        raise exc


def coach() -> Any | None:
    try:
        coach_module = importlib.import_module("ecqtui.core.coach")
    except Exception:  # ImportError, or a half-installed coach failing at import
        return None
    if not all(hasattr(coach_module, name) for name in API):
        return None
    return coach_module


def achievement_findings(achievement, framework) -> list:
    c = coach()
    if c is None:
        return []
    try:
        return list(c.check_achievement(achievement, framework))
    except Exception as exc:  # the coach must never crash the brainstorm list
        survive(exc)
        return []


def finding_line(finding) -> str:
    return f"{SEVERITY_SYMBOLS.get(finding.severity, '!')} {finding.message}"


def worst_symbol(findings) -> str:
    """The symbol of the most serious finding, or a space when there are none."""
    for severity in ("error", "warning", "info"):
        if any(f.severity == severity for f in findings):
            return SEVERITY_SYMBOLS[severity]
    return " "
