"""Switch framework: what re-labelling the bank means, then do it only if the user says yes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from ecqtui.core.frameworks import FRAMEWORK_IDS, load_framework
from ecqtui.store import StoreError
from ecqtui.tui.screens._coach import coach


class FrameworkSwitchScreen(ModalScreen[bool]):
    """Shows the coach's switch plan (relabels, stories to retell); y applies it, n or Esc keeps things."""

    BINDINGS = [
        Binding("y", "apply", "Switch", id="switch.apply"),
        Binding("n,escape", "cancel", "Keep current", id="switch.cancel"),
    ]

    def compose(self) -> ComposeResult:
        store = self.app.store  # type: ignore[attr-defined]
        bank = store.bank()
        current = bank.profile.framework
        self.target = next((f for f in FRAMEWORK_IDS if f != current), current)
        self.plan = None
        lines: list[str] = []
        c = coach()
        old_fw, new_fw = load_framework(current), load_framework(self.target)
        if c is None:
            lines.append("The coach is not available, so the switch cannot be planned.")
        else:
            self.plan = c.plan_switch(bank, self.target)
            lines.append(f"{len(self.plan.relabels)} stories are re-labelled through the crosswalk:")
            for story_id, old_ecq, new_ecq, _comps in self.plan.relabels:
                lines.append(f"  {old_ecq} -> {new_ecq or '?'}  {_title(bank, story_id)}")
            if self.plan.needs_retelling:
                lines.append("")
                lines.append(f"! {len(self.plan.needs_retelling)} need retelling for the new ECQs:")
                for story_id in self.plan.needs_retelling:
                    story = bank.story(story_id)
                    lines.append(f"  ! {story.ecq if story else ''}  {_title(bank, story_id)}")
            lines.append("")
            lines.append("A copy of the current profile is kept in the backups before switching.")
        with Vertical(classes="dialog", id="switch-box"):
            yield Static(Content(f"Switch from {old_fw.name} to {new_fw.name}?"), classes="dialog-title")
            with VerticalScroll(id="switch-plan"):
                yield Static(Content("\n".join(lines)))
            yield Static(Content("y switches, n or Esc keeps the current framework."), classes="dialog-hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#switch-plan").focus()  # Up/Down/PageDown scroll a long plan

    def action_apply(self) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        if self.plan is None:
            self.dismiss(False)
            return
        if store.read_only:
            self.notify("This profile is open read-only; nothing can be changed.", severity="warning", markup=False)
            return
        self.app.autosaver.flush()  # type: ignore[attr-defined]
        try:
            new_bank = coach().apply_switch(store.bank(), self.plan)
            store.replace_all(new_bank)
        except StoreError as exc:
            self.notify(str(exc), title="Not switched", severity="error", markup=False)
            return
        self.app.refresh_header()  # type: ignore[attr-defined]
        self.notify(f"Now using {load_framework(self.target).name}.", markup=False)
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


def _title(bank, story_id: str) -> str:
    story = bank.story(story_id)
    a = bank.achievement(story.achievement_id) if story else None
    return a.title if a else story_id
