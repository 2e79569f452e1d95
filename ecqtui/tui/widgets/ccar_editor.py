"""The text box for one CCAR part, and the guard against split arrow keys on slow links.

Over a jittery SSH link an arrow key (``ESC [ B``) can arrive in pieces: the ESC is reported
on its own as the Escape key and the ``[B`` that follows is typed as text
(docs: ../shared/research/reliability.md C6). :class:`StrayEscapeFilter` remembers the last
Escape; a ``[`` followed by ``A``-``D`` within :attr:`StrayEscapeFilter.window` seconds of it
is recognised as the rest of an arrow key and never reaches the text.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Callable

from textual import events
from textual.widgets import TextArea

from ecqtui.core.guidance import PART_GUIDANCE, PART_LABELS  # shared with plain mode
from ecqtui.core.models import CCAR_PARTS
from ecqtui.core.text import sanitize

if TYPE_CHECKING:
    from textual.timer import Timer


#: The final bytes of the four arrow keys (CSI A..D) and the key they stand for.
ARROW_FINALS = {"A": "up", "B": "down", "C": "right", "D": "left"}


class StrayEscapeFilter:
    """Recognises the ``[`` + ``A``-``D`` left over when an arrow key's ESC arrived alone.

    ``note_escape()`` is called when Escape is pressed. For ``window`` seconds after that, a ``[``
    is held back; if ``A``-``D`` follows, both are swallowed and ``on_arrow(direction)`` runs; if
    anything else follows, or nothing within ``hold`` seconds, the ``[`` is given back through
    ``on_release`` so a bracket the user really typed is never lost.
    """

    window = 0.5
    hold = 0.3

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._escape_at: float | None = None
        self._held_at: float | None = None
        self._held_timer: Timer | None = None
        self._release: Callable[[], None] | None = None
        #: How many stray sequences were swallowed (for tests and curiosity).
        self.swallowed = 0

    def note_escape(self) -> None:
        self._escape_at = self.clock()
        self._held_at = None

    def holding(self) -> bool:
        return self._held_at is not None

    def feed(self, key: events.Key, *, release: Callable[[], None], set_timer, on_arrow: Callable[[str], None]) -> bool:
        """True when ``key`` is (part of) a stray sequence and must not be typed."""
        now = self.clock()
        if self._held_at is not None:
            self._stop_timer()
            held_release, self._held_at, self._release = self._release, None, None
            if key.character in ARROW_FINALS and now - self._escape_at_or(now) <= self.window + self.hold:
                self._escape_at = None
                self.swallowed += 1
                on_arrow(ARROW_FINALS[key.character])
                return True
            if held_release is not None:
                held_release()  # a real "[": give it back before this key
            return False
        if (
            key.character == "["
            and self._escape_at is not None
            and now - self._escape_at <= self.window
        ):
            self._held_at = now
            self._release = release
            self._held_timer = set_timer(self.hold, self._timeout)
            return True
        return False

    def _escape_at_or(self, default: float) -> float:
        return self._escape_at if self._escape_at is not None else default

    def _timeout(self) -> None:
        self._held_timer = None
        if self._held_at is None:
            return
        release, self._held_at, self._release = self._release, None, None
        if release is not None:
            release()

    def _stop_timer(self) -> None:
        if self._held_timer is not None:
            self._held_timer.stop()
            self._held_timer = None


class PartEditor(TextArea):
    """A TextArea for one CCAR part: soft-wrapped prose, sanitized pastes, stray-escape guard."""

    def __init__(self, part: str, text: str = "", **kwargs) -> None:
        if part not in CCAR_PARTS:
            raise ValueError(f"unknown CCAR part {part!r}")
        super().__init__(text, soft_wrap=True, tab_behavior="focus", show_line_numbers=False, **kwargs)
        self.part = part

    def _stray_filter(self) -> StrayEscapeFilter | None:
        return getattr(self.screen, "stray_filter", None)

    async def _on_key(self, event: events.Key) -> None:
        guard = self._stray_filter()
        if guard is not None and not self.read_only:
            swallowed = guard.feed(
                event,
                release=lambda: self.insert_text_at_cursor("["),
                set_timer=self.set_timer,
                on_arrow=self.move_by_arrow,
            )
            if swallowed:
                event.stop()
                event.prevent_default()  # TextArea's own handler (next in the MRO) must not type it
        # Otherwise Textual goes on to TextArea._on_key, which types the key.

    def insert_text_at_cursor(self, text: str) -> None:
        start, end = self.selection
        self._replace_via_keyboard(text, start, end)

    def move_by_arrow(self, direction: str) -> None:
        """Do what the arrow key whose ESC went astray would have done."""
        action = getattr(self, f"action_cursor_{direction}", None)
        if action is not None:
            action()

    async def _on_paste(self, event: events.Paste) -> None:
        # A paste can carry terminal escapes (an OSC title, colours) that the TextArea would show
        # raw and the terminal would obey; keep only what a person can read (reliability.md F3).
        clean = sanitize(event.text)
        if clean != event.text:
            event.stop()
            event.prevent_default()
            if self.read_only:
                return
            if result := self._replace_via_keyboard(clean, *self.selection):
                self.move_cursor(result.end_location)
                self.focus()
        # A clean paste goes on to TextArea._on_paste (Textual calls each class's handler in turn).


__all__ = ["PART_LABELS", "PART_GUIDANCE", "ARROW_FINALS", "StrayEscapeFilter", "PartEditor"]
