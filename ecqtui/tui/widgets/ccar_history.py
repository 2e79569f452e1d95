"""Earlier versions of one CCAR part: newest first, with a preview; Enter restores one."""

from __future__ import annotations

from datetime import datetime
from typing import Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ecqtui.core.models import Revision


def when(at: str) -> str:
    """A revision's ISO time as local ``Nov 24 19:03`` (the raw text if it does not parse)."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at[:16]
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%b %d %H:%M")


def first_words(text: str, count: int = 8) -> str:
    words = text.split()
    if not words:
        return "(empty)"
    return " ".join(words[:count]) + (" ..." if len(words) > count else "")


class RevisionList(OptionList):
    pass


class HistoryPanel(Horizontal):
    """The revision list and a preview of the highlighted version."""

    class Restore(Message):
        """The user chose to put ``revision`` back."""

        def __init__(self, revision: Revision) -> None:
            super().__init__()
            self.revision = revision

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.revisions: list[Revision] = []

    def compose(self) -> ComposeResult:
        yield RevisionList(id="history-list")
        with VerticalScroll(id="history-preview-box"):
            yield Static(Content(""), id="history-preview")

    @property
    def options(self) -> RevisionList:
        return self.query_one(RevisionList)

    def show(self, revisions: Sequence[Revision], part_label: str) -> None:
        self.revisions = list(revisions)
        options = self.options
        options.clear_options()
        for index, revision in enumerate(self.revisions):
            options.add_option(Option(Content(f"{when(revision.at)}  {first_words(revision.text)}"), id=f"rev-{index}"))
        if not self.revisions:
            options.add_option(Option(Content(f"No earlier versions of {part_label} yet."), disabled=True))
        else:
            options.highlighted = 0
        self._preview(0 if self.revisions else None)

    def _preview(self, index: int | None) -> None:
        preview = self.query_one("#history-preview", Static)
        if index is None or not 0 <= index < len(self.revisions):
            preview.update(Content("An earlier version is kept each time you come back to a part and change it."))
            return
        revision = self.revisions[index]
        preview.update(Content(f"{when(revision.at)}, {len(revision.text.split())} words (Enter restores):\n{revision.text}"))

    @on(OptionList.OptionHighlighted, "#history-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._preview(event.option_index)

    @on(OptionList.OptionSelected, "#history-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.revisions):
            self.post_message(self.Restore(self.revisions[event.option_index]))


__all__ = ["HistoryPanel", "RevisionList", "when", "first_words"]
