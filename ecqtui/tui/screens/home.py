"""Home: the six steps with their state and counts; opens on the step the user left off at."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ecqtui import paths
from ecqtui.core.progress import STEPS, resume_step, step_statuses
from ecqtui.store import StoreError

#: One line per step saying what it is for, shown under the list.
STEP_PURPOSE = {
    "self_eval": "Ten readiness questions, whether the SES life fits, what others recall, and your decision.",
    "brainstorm": "List what you led in the last ten years (the last five to seven count most): scope, results, years.",
    "map": "Give each achievement an ECQ lens and competencies; the coverage matrix shows the gaps.",
    "rebalance": "Move surplus stories to thin ECQs and record the angle you will retell them from.",
    "write": "Write each story as Challenge, Context, Action, Result, with the coach reading along.",
    "outline": "Preview the whole set and export it as text, Markdown, HTML or Word.",
}


class HomeScreen(Screen):
    """The start page: where each step stands, and a way into it."""

    TITLE_TEXT = "Home"
    CSS_PATH = str(paths.resource("styles") / "home.tcss")
    HELP = (
        "Work through the six steps in order, or jump to any of them. Each line shows the step's state "
        "([x] done, [~] in progress, [ ] not started) and what it holds. The highlighted step is where you "
        "left off: Enter opens it, or press the step's number (1-6). Everything you change is saved as you go."
    )
    BINDINGS = [
        Binding("enter", "open", "Open step", id="home.open", show=True),
        Binding("f", "app.switch_framework", "Framework", id="home.framework", tooltip="Switch between classic and 2025 ECQs"),
        Binding("n", "name", "Your name", id="home.name", tooltip="The name shown on the outline"),
        Binding("question_mark", "app.help", "Help", id="home.help", show=False),
    ] + [Binding(str(i), f"open_number({i})", f"Open step {i}", show=False, id=f"home.step{i}") for i in range(1, 7)]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home-body"):
            yield Static(Content(""), id="home-greeting")
            yield OptionList(id="home-steps")
            yield Static(Content(""), id="home-purpose")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.refresh_steps(resume=True)

    def on_screen_resume(self) -> None:
        self.app.refresh_header()  # type: ignore[attr-defined]
        self.refresh_steps(resume=False)

    def refresh_steps(self, *, resume: bool) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        bank = store.bank()
        options = self.query_one("#home-steps", OptionList)
        current = options.highlighted
        options.clear_options()
        for number, status in enumerate(step_statuses(bank), start=1):
            text = Content.assemble(
                f"{number}. {status.symbol} ",
                (f"{status.name:<16}", "bold"),
                f" {status.state}\n        ",
                (status.summary, "dim"),
            )
            options.add_option(Option(text, id=status.id))
        name = bank.profile.name
        who = f", {name}" if name else ""
        if bank.achievements:
            # The list has the focus, so the footer cannot show how to open a step: say it here.
            greeting = f"Welcome back{who}. Enter or 1-6 opens a step."
        else:
            greeting = f"Welcome{who}. Start with the self-evaluation." + ("" if name else " (n sets your name.)")
            if bank.profile.framework == "classic":
                # New ECQs have been in force since 1 Oct 2025; say which set this profile uses.
                greeting += " Classic ECQs; f switches to the 2025 ECQs."
        self.query_one("#home-greeting", Static).update(Content(greeting))
        if resume or current is None:
            step = resume_step(bank)
            options.highlighted = [s for s, _ in STEPS].index(step)
        else:
            options.highlighted = current
        options.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        purpose = STEP_PURPOSE.get(event.option.id or "", "")
        self.query_one("#home-purpose", Static).update(Content(purpose))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.app.open_step(event.option.id)  # type: ignore[attr-defined]

    def action_open(self) -> None:
        options = self.query_one("#home-steps", OptionList)
        if options.highlighted is not None:
            self.app.open_step(STEPS[options.highlighted][0])  # type: ignore[attr-defined]

    def action_name(self) -> None:
        from ecqtui.tui.widgets.dialogs import TextPrompt

        store = self.app.store  # type: ignore[attr-defined]
        if store.read_only:
            self.notify("This profile is open read-only; nothing can be changed.", severity="warning", markup=False)
            return

        def save(name: str | None) -> None:
            if name is None:
                return
            profile = store.profile()
            profile.name = name.strip()
            try:
                store.save_profile(profile)
            except StoreError as exc:
                self.notify(str(exc), title="Not saved", severity="error", markup=False)
            self.app.refresh_header()  # type: ignore[attr-defined]
            self.refresh_steps(resume=False)

        def keep_on_quit(name: str) -> None:
            profile = store.profile()
            if profile.name != name.strip():
                profile.name = name.strip()
                store.save_profile(profile)

        prompt = TextPrompt("Your name, as it should appear on the outline", store.profile().name, keep=keep_on_quit)
        self.app.push_screen(prompt, save)

    def action_open_number(self, number: int) -> None:
        self.app.open_step(STEPS[number - 1][0])  # type: ignore[attr-defined]
