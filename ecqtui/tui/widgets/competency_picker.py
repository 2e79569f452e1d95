"""Pick a story's competencies from its ECQ (SelectionList); Esc and Enter both keep the choice."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, SelectionList, Static
from textual.widgets.selection_list import Selection

from ecqtui.tui.widgets.ticks import TickList


class CompetencyPicker(ModalScreen[list[str] | None]):
    """Dismisses with the chosen competency ids (in framework order)."""

    BINDINGS = [
        Binding("escape,ctrl+s", "done", "Keep choice", id="competencies.done"),
        Binding("enter", "done", "Keep choice", id="competencies.enter", show=False, priority=True),
    ]

    def __init__(self, title: str, choices: list[tuple[str, str]], selected: list[str]) -> None:
        super().__init__()
        self.pick_title = title
        self.choices = choices
        self.selected = set(selected)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog pick", id="competency-picker"):
            yield Static(Content(self.pick_title), classes="dialog-title")
            yield TickList(
                *[Selection(self._prompt(label, comp_id in self.selected), comp_id, comp_id in self.selected)
                  for comp_id, label in self.choices],
                id="competency-list",
            )
            yield Static(Content("Space ticks or unticks; Enter or Esc keeps the choice."), classes="dialog-hint")
        yield Footer(compact=True)

    @staticmethod
    def _prompt(label: str, ticked: bool) -> Content:
        # The tick box draws its state in colour only; [x] / [ ] says it in text too.
        return Content(f"{'[x]' if ticked else '[ ]'} {label}")

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        selections = self.query_one(SelectionList)
        chosen = set(selections.selected)
        for index, (comp_id, label) in enumerate(self.choices):
            selections.replace_option_prompt_at_index(index, self._prompt(label, comp_id in chosen))

    def action_done(self) -> None:
        chosen = set(self.query_one(SelectionList).selected)
        self.dismiss([comp_id for comp_id, _ in self.choices if comp_id in chosen])
