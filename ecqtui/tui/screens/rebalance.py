"""Rebalance: stories per ECQ against the target, the coach's proposed moves, and retelling."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Header, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from ecqtui import paths
from ecqtui.core.models import Story
from ecqtui.tui.screens._coach import coach, survive
from ecqtui.tui.screens.base import StepScreen
from ecqtui.tui.widgets.dialogs import ConfirmScreen


class MoveList(OptionList):
    BINDINGS = [
        Binding("a", "screen.accept", "Accept move", id="rebalance.accept"),
        Binding("w", "screen.write", "Write story", id="rebalance.write"),
    ]


class RebalanceScreen(StepScreen):
    STEP_ID = "rebalance"
    TITLE_TEXT = "Rebalance"
    CSS_PATH = str(paths.resource("styles") / "rebalance.tcss")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # With nothing proposed, the footer must not offer to accept or write a move.
        if action in ("accept", "write"):
            return bool(getattr(self, "_moves", None))
        return super().check_action(action, parameters)
    HELP = (
        "Every ECQ needs its own stories. The table counts stories per ECQ against the framework's target "
        "([x] on target, [!] short, [+] more than needed). The coach proposes moving a story from a crowded "
        "ECQ to a thin one, and says why. Enter or a accepts the highlighted move (you are asked first); "
        "you then see the questions for retelling it through the new lens and can write the angle you "
        "will take, which is saved with the story. The old lens is kept in the story's history."
    )

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="rebalance-body"):
            yield DataTable(id="ecq-counts", cursor_type="none", show_cursor=False)
            yield Static(Content("Proposed moves:"), classes="section-title")
            yield MoveList(id="moves")
            yield Static(Content(""), id="move-why", classes="detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        table = self.query_one("#ecq-counts", DataTable)
        table.add_columns("", "ECQ", "Stories", "Target")
        self.refresh_all()
        self.query_one(MoveList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_all()

    def refresh_all(self) -> None:
        bank = self.store.bank()
        framework = self.framework()
        rules = framework.rules
        by_ecq = bank.stories_by_ecq()
        table = self.query_one("#ecq-counts", DataTable)
        table.clear()
        for ecq in framework.ecqs:
            n = len(by_ecq.get(ecq.id, []))
            mark = "[!]" if n < rules.target_stories_per_ecq else "[+]" if rules.max_stories_per_ecq and n > rules.max_stories_per_ecq else "[x]"
            table.add_row(Text(mark), Text(f"{ecq.id}  {ecq.name}"), Text(str(n)), Text(str(rules.target_stories_per_ecq)))
        c = coach()
        self._moves = []
        if c is not None:
            try:
                self._moves = list(c.propose_moves(bank, framework))
            except Exception as exc:  # never let the coach take the screen down
                survive(exc)
                self.notify(f"The coach could not propose moves: {exc}", severity="warning", markup=False)
        options = self.query_one(MoveList)
        keep = options.highlighted
        options.clear_options()
        for i, move in enumerate(self._moves):
            title = bank.story_title(move.story_id)
            options.add_option(Option(Content(f"{move.from_ecq:>4} -> {move.to_ecq:<4} {title}"), id=str(i)))
        if not self._moves:
            short = [e.id for e in framework.ecqs if len(by_ecq.get(e.id, [])) < rules.target_stories_per_ecq]
            if c is None:
                message = "The coach is not available."
            elif short:
                message = (f"Nothing to move: no ECQ has more stories than it needs. "
                           f"Add or map stories for {', '.join(short)} (Brainstorm, Map).")
            else:
                message = "Balanced: every ECQ has the stories it needs."
            options.add_option(Option(Content(message), disabled=True, id="none"))
        elif keep is not None:
            options.highlighted = min(keep, len(self._moves) - 1)
        else:
            options.highlighted = 0
        self._show_why()
        options.refresh_bindings()

    def _move(self):
        options = self.query_one(MoveList)
        if options.highlighted is None or not self._moves or options.highlighted >= len(self._moves):
            return None
        return self._moves[options.highlighted]

    @on(OptionList.OptionHighlighted, "#moves")
    def _show_why(self) -> None:
        move = self._move()
        self.query_one("#move-why", Static).update(Content(move.why if move else ""))

    @on(OptionList.OptionSelected, "#moves")
    def _selected(self) -> None:
        self.action_accept()

    @work(exclusive=True)
    async def action_accept(self) -> None:
        move = self._move()
        if move is None or not self.writable():
            return
        story = self.store.get(Story, move.story_id)
        if story is None:
            self.refresh_all()
            return
        framework = self.framework()
        target = framework.ecq(move.to_ecq).name
        title = self.store.bank().story_title(move.story_id)
        if not await self.app.push_screen_wait(
            ConfirmScreen(f"Retell this story as {target}?", f"{title}\n{move.why}")
        ):
            return
        c = coach()
        moved = c.apply_move(story, move)
        saved = self.attempt(lambda: self.store.save(moved))
        if saved is None:
            return
        self.refresh_all()
        await self.app.push_screen_wait(RetellScreen(saved.id, move, target))
        self.refresh_all()

    def action_write(self) -> None:
        move = self._move()
        if move is not None:
            self.app.open_step("write", story_id=move.story_id, over_current=True)  # type: ignore[attr-defined]


class RetellScreen(ModalScreen[None]):
    """After a move: the retelling questions for the new lens and the angle, saved to story.reframe."""

    BINDINGS = [Binding("escape,ctrl+s", "close", "Save and close", id="retell.close")]

    def __init__(self, story_id: str, move, target_name: str) -> None:
        super().__init__()
        self.story_id = story_id
        self.move = move
        self.target_name = target_name

    def compose(self) -> ComposeResult:
        move = self.move
        store = self.app.store  # type: ignore[attr-defined]
        story = store.get(Story, self.story_id)
        lines = []
        if move.new_challenge:
            lines.append(f"New challenge: {move.new_challenge}")
        if move.foreground:
            lines.append(f"Bring forward: {move.foreground}")
        if move.lead_result:
            lines.append(f"Lead with: {move.lead_result}")
        framework = _framework(store)
        for comp_id, questions in move.questions.items():
            try:
                name = framework.competency(comp_id).name
            except KeyError:
                name = comp_id
            lines.append(f"{name}:")
            lines.extend(f"  - {q}" for q in questions)
        with Vertical(classes="dialog", id="retell-box"):
            yield Static(Content(f"Retell as {self.target_name}"), classes="dialog-title")
            with VerticalScroll(id="retell-questions"):
                yield Static(Content("\n".join(lines) or "Think about what this story shows about the new ECQ."))
            yield Static(Content("The angle you will take (saved as you type):"), classes="dialog-hint")
            area = TextArea(story.reframe if story else "", id="reframe", compact=True)
            area.soft_wrap = True
            yield area
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#reframe", TextArea).focus()

    @on(TextArea.Changed, "#reframe")
    def _changed(self, event: TextArea.Changed) -> None:
        text = event.text_area.text
        store = self.app.store  # type: ignore[attr-defined]
        if store.read_only:
            return

        def save() -> None:
            story = store.get(Story, self.story_id)
            if story is not None:
                story.reframe = text
                store.save(story)

        self.app.autosaver.schedule(f"story:{self.story_id}:reframe", save)  # type: ignore[attr-defined]

    def action_close(self) -> None:
        self.app.autosaver.flush()  # type: ignore[attr-defined]
        self.dismiss(None)


def _framework(store):
    from ecqtui.core.frameworks import load_framework

    return load_framework(store.profile().framework)


__all__ = ["RebalanceScreen", "RetellScreen", "ConfirmScreen"]
