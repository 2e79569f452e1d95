"""The coach as the screens use it, imported lazily.

The coach is a separate package of the pure core; a screen that asks it something gets a
plain answer, or an empty one (and a note) if the coach cannot answer, so a coach problem
never takes a screen down with it.
"""

from __future__ import annotations

from typing import Any

#: Symbol per finding severity, so a warning is visible without colour.
SEVERITY_SYMBOLS = {"error": "x", "warning": "!", "info": "i"}


def coach() -> Any | None:
    try:
        import ecqtui.core.coach as coach_module
    except ImportError:
        return None
    return coach_module


def achievement_findings(achievement, framework) -> list:
    c = coach()
    if c is None:
        return []
    try:
        return list(c.check_achievement(achievement, framework))
    except Exception:  # the coach must never crash the brainstorm list
        return []


def finding_line(finding) -> str:
    return f"{SEVERITY_SYMBOLS.get(finding.severity, '!')} {finding.message}"
