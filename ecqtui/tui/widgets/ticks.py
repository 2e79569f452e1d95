"""Tick boxes that say their state by shape, not only by colour (NO_COLOR, 16 colours, screen readers).

Textual draws an "X" in every box and shows on/off by colour alone; these draw the X only when ticked.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets._toggle_button import ToggleButton


class TickBox(Checkbox):
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # read per render by ToggleButton
        return "X" if self.value else " "


class TickList(SelectionList[str]):
    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) > 1 and segments[1].text == ToggleButton.BUTTON_INNER and segments[1].style is not None:
            index = (segments[1].style.meta or {}).get("option")
            if index is not None and self.get_option_at_index(index).value not in self.selected:
                segments[1] = Segment(" " * len(ToggleButton.BUTTON_INNER), segments[1].style)
                return Strip(segments, strip.cell_length)
        return strip
