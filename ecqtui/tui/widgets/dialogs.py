"""Small modal dialogs: help, yes/no confirmation, and picking one item from a list."""

from __future__ import annotations

from typing import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option


def key_label(key: str) -> str:
    names = {"question_mark": "?", "escape": "Esc", "enter": "Enter", "delete": "Del", "space": "Space",
             "ctrl+q": "Ctrl+Q", "ctrl+s": "Ctrl+S", "f1": "F1", "ctrl+right": "Ctrl+Right", "ctrl+left": "Ctrl+Left"}
    return "/".join(names.get(k.strip(), k.strip()) for k in key.split(","))


class HelpScreen(ModalScreen[None]):
    """Keys and guidance for the screen the user was on."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close"),
    ]

    def __init__(self, title: str, guidance: str, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.help_title = title
        self.guidance = guidance
        self.keys = keys

    @classmethod
    def for_screen(cls, screen: Screen) -> HelpScreen:
        keys: list[tuple[str, str]] = []
        seen: dict[str, int] = {}
        # The bindings active where the user is (focused widget, screen, app), as the footer sees them.
        for key, active in screen.active_bindings.items():
            description = active.binding.description
            if not description or not active.binding.show:
                continue
            label = key_label(active.binding.key_display or key)
            if description in seen:
                index = seen[description]
                if label not in keys[index][0].split("/"):
                    keys[index] = (f"{keys[index][0]}/{label}", description)
                continue
            seen[description] = len(keys)
            keys.append((label, description))
        keys.append(("Ctrl+P", "Command palette: jump to a step, export, switch framework, theme"))
        title = getattr(screen, "TITLE_TEXT", "") or type(screen).__name__.replace("Screen", "")
        guidance = getattr(screen, "HELP", "") or "Use the keys below; Escape goes back and keeps what you typed."
        return cls(title, guidance, keys)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box", classes="dialog"):
            yield Static(Content(f"Help: {self.help_title}"), classes="dialog-title")
            with VerticalScroll(id="help-body"):
                yield Static(Content(self.guidance), id="help-guidance")
                lines = "\n".join(f"{k:>14}  {d}" for k, d in self.keys)
                yield Static(Content(lines), id="help-keys")
            yield Static(Content("Esc closes this help."), classes="dialog-hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()  # arrows scroll long guidance

    async def action_dismiss(self, result=None) -> None:  # type: ignore[override]
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question whose default (Enter, Escape) is No."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Static(Content(self.question), classes="dialog-title")
            if self.detail:
                yield Static(Content(self.detail), classes="dialog-detail")
            options = OptionList(
                Option(Content("No, keep it as it is"), id="no"),
                Option(Content("Yes"), id="yes"),
                id="confirm-options",
            )
            yield options
            yield Static(Content("y = yes, n or Esc = no"), classes="dialog-hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class PickScreen(ModalScreen[str | None]):
    """Choose one item from a list; Escape chooses nothing."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="pick.cancel")]

    def __init__(self, title: str, items: Iterable[tuple[str, str]], *, detail: str = "", highlight: str | None = None) -> None:
        super().__init__()
        self.pick_title = title
        self.items = list(items)
        self.detail = detail
        self.highlight_id = highlight

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog pick"):
            yield Static(Content(self.pick_title), classes="dialog-title")
            if self.detail:
                yield Static(Content(self.detail), classes="dialog-detail")
            yield OptionList(*[Option(Content(label), id=key) for key, label in self.items], id="pick-options")
            yield Static(Content("Enter chooses, Esc cancels"), classes="dialog-hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self.highlight_id is not None:
            try:
                options.highlighted = options.get_option_index(self.highlight_id)
            except Exception:
                options.highlighted = 0
        elif self.items:
            options.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class TextPrompt(ModalScreen[str | None]):
    """One line of text. Enter and Esc both keep what was typed (Esc never discards text)."""

    BINDINGS = [Binding("escape", "keep", "Save and close", id="prompt.keep")]

    def __init__(self, title: str, value: str = "", *, keep=None) -> None:
        super().__init__()
        self.prompt_title = title
        self.value = value
        #: Saves the typed text when the app quits or hangs up with the prompt still open.
        self.keep = keep

    def compose(self) -> ComposeResult:
        from textual.widgets import Input

        with Vertical(classes="dialog", id="text-prompt"):
            yield Static(Content(self.prompt_title), classes="dialog-title")
            yield Input(self.value, id="prompt-input", compact=True, select_on_focus=False)
            yield Static(Content("Enter or Esc saves."), classes="dialog-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#prompt-input").focus()

    def on_input_submitted(self, event) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_keep(self) -> None:
        from textual.widgets import Input

        self.dismiss(self.query_one("#prompt-input", Input).value)

    def leave_drafts(self) -> None:
        from textual.widgets import Input

        if self.keep is not None:
            self.keep(self.query_one("#prompt-input", Input).value)


__all__ = ["HelpScreen", "ConfirmScreen", "PickScreen", "TextPrompt", "Footer"]
