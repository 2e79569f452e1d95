"""Debounced saving for the full-screen app: typed text reaches the disk within a second.

Screens call :meth:`Autosaver.schedule` on every change with a key (say ``"story:ab12:action"``)
and a function that saves the current value. Repeated changes to the same key within
``delay`` seconds are saved once. :meth:`flush` saves everything pending at once: the app
calls it when a screen closes, on Escape, on quit and on SIGHUP/SIGTERM, so leaving never
loses what was typed.

Saves run on the event loop: a save takes a few milliseconds even for a 500-story profile
(see tests/bench/store_bench.py), far below what a person notices.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

#: Seconds between the last keystroke and the save (the standard is "at most 1 s").
SAVE_DELAY = 0.6


class Autosaver:
    def __init__(self, app: App, delay: float = SAVE_DELAY) -> None:
        self.app = app
        self.delay = delay
        self._pending: dict[str, Callable[[], object]] = {}
        self._timers: dict[str, Timer] = {}
        #: The last save error, shown by the app until a save succeeds again.
        self.last_error: Exception | None = None

    @property
    def pending(self) -> bool:
        return bool(self._pending)

    def schedule(self, key: str, save: Callable[[], object]) -> None:
        """Save with ``save()`` after ``delay`` seconds unless ``key`` changes again first."""
        self._pending[key] = save
        timer = self._timers.pop(key, None)
        if timer is not None:
            timer.stop()
        self._timers[key] = self.app.set_timer(self.delay, lambda: self._run(key), name=f"autosave {key}")

    def _run(self, key: str) -> None:
        self._timers.pop(key, None)
        save = self._pending.pop(key, None)
        if save is not None:
            self._call(key, save)

    def _call(self, key: str, save: Callable[[], object]) -> None:
        # Imported here so this module stays importable without the store's dependencies.
        from ecqtui.store import StoreError

        try:
            save()
        except StoreError as exc:
            # Keep it pending: the next change or flush tries again, and the user is told.
            self._pending.setdefault(key, save)
            if self.last_error is None or str(self.last_error) != str(exc):
                self.app.notify(str(exc), title="Not saved", severity="error", timeout=10, markup=False)
            self.last_error = exc
        else:
            if self.last_error is not None:
                self.app.notify("Saved again: everything is on disk.", markup=False)
            self.last_error = None

    def flush(self) -> bool:
        """Save everything pending now; True when nothing is left unsaved."""
        for timer in self._timers.values():
            timer.stop()
        self._timers.clear()
        pending, self._pending = self._pending, {}
        for key, save in pending.items():
            self._call(key, save)
        return not self._pending
