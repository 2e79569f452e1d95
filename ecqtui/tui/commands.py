"""The command palette's ecq-tui entries: jump to a step, export the outline, switch framework."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from ecqtui.core.progress import STEPS


class StepCommands(Provider):
    """Palette commands; the App carries out each one."""

    def _commands(self) -> list[tuple[str, str, object]]:
        app = self.app
        items: list[tuple[str, str, object]] = [
            (f"Jump to step: {name}", f"Open the {name} step", partial(app.open_step, step_id))
            for step_id, name in STEPS
        ]
        items.append(("Export outline", "Write the story outline to a file", app.action_export_outline))
        items.append(("Switch framework", "Re-label the bank for the classic or 2025 ECQs", app.action_switch_framework))
        return items

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)  # type: ignore[arg-type]
