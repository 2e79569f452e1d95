"""What every step screen shares: the store, saving with clear errors, help, and going back."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, ClassVar, TypeVar

from textual.binding import Binding
from textual.screen import Screen

from ecqtui.store import StoreError

if TYPE_CHECKING:
    from ecqtui.core.frameworks import Framework
    from ecqtui.store import Store
    from ecqtui.tui.app import EcqApp

T = TypeVar("T")


class StepScreen(Screen):
    """A step of the guided flow. Subclasses set STEP_ID, TITLE_TEXT and HELP."""

    STEP_ID: ClassVar[str] = ""
    #: A paragraph of guidance shown by ? / F1 above the screen's keys.
    HELP: ClassVar[str] = ""

    BINDINGS = [
        Binding("escape", "back", "Back", id="step.back", tooltip="Save and go back"),
        Binding("question_mark", "app.help", "Help", id="step.help", show=False),
    ]

    @property
    def ecq_app(self) -> EcqApp:
        return self.app  # type: ignore[return-value]

    @property
    def store(self) -> Store:
        return self.ecq_app.store

    def framework(self) -> Framework:
        from ecqtui.core.frameworks import load_framework

        return load_framework(self.store.profile().framework)

    def on_mount(self) -> None:
        if self.store.read_only:
            self._lock_fields()
        elif self.STEP_ID:
            self.attempt(lambda: self.store.set_last_step(self.STEP_ID))

    def _lock_fields(self) -> None:
        """Read-only profile: text boxes show their text but take no typing that could not be saved."""
        from textual.widgets import Input, TextArea

        for area in self.query(TextArea):
            area.read_only = True
        for field in self.query(Input):
            field.disabled = True

    def on_unmount(self) -> None:
        self.ecq_app.autosaver.flush()

    def leave_drafts(self) -> None:
        """Save anything typed but not yet stored (overridden by screens with forms)."""

    def action_back(self) -> None:
        """Escape: save everything typed, then go back. Never discards text."""
        self.leave_drafts()
        self.ecq_app.autosaver.flush()
        if len(self.app.screen_stack) > 1 and self.app.screen is self:
            self.app.pop_screen()

    def writable(self) -> bool:
        """False (with a notice) when the profile is open read-only."""
        if self.store.read_only:
            self.notify("This profile is open read-only; nothing can be changed.", severity="warning", markup=False)
            return False
        return True

    def attempt(self, action: Callable[[], T]) -> T | None:
        """Run a store call; a StoreError becomes a notice instead of a crash."""
        try:
            return action()
        except StoreError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=10, markup=False)
            return None

    def schedule(self, key: str, save: Callable[[], object]) -> None:
        if self.store.read_only:
            return
        self.ecq_app.autosaver.schedule(key, save)
