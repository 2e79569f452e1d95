"""The step screens. ``step_screen`` builds one by step id, importing it only when needed."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen


def step_screen(app: App, step_id: str, **kwargs) -> Screen | None:
    """The screen for ``step_id`` (ids in ``ecqtui.core.progress.STEPS``), or None with a notice."""
    if step_id == "self_eval":
        from ecqtui.tui.screens.self_eval import SelfEvalScreen

        return SelfEvalScreen()
    if step_id == "brainstorm":
        from ecqtui.tui.screens.brainstorm import BrainstormScreen

        return BrainstormScreen()
    if step_id == "map":
        from ecqtui.tui.screens.map import MapScreen

        return MapScreen()
    if step_id == "rebalance":
        from ecqtui.tui.screens.rebalance import RebalanceScreen

        return RebalanceScreen()
    if step_id == "write":
        try:  # built by another module; deferred so Home starts without it
            from ecqtui.tui.screens.write import WriteScreen
        except ImportError:
            app.notify("The Write CCAR step is not available in this build.", severity="warning", markup=False)
            return None
        return WriteScreen(story_id=kwargs.get("story_id"))
    if step_id == "outline":
        from ecqtui.tui.screens.outline import OutlineScreen

        return OutlineScreen(export=bool(kwargs.get("export")))
    app.notify(f"Unknown step {step_id!r}.", severity="error", markup=False)
    return None
