"""Brainstorm: fast capture of achievements, memory-jogging prompts and the coach's warnings."""

from __future__ import annotations

from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ecqtui import paths
from ecqtui.core.figures import format_amount
from ecqtui.core.guidance import memory_prompts
from ecqtui.core.models import Achievement
from ecqtui.tui.screens._coach import achievement_findings, finding_line, worst_symbol
from ecqtui.tui.screens.base import StepScreen
from ecqtui.tui.widgets.achievement_form import AchievementForm
from ecqtui.tui.widgets.dialogs import ConfirmScreen, PickScreen


def scope_line(a: Achievement) -> str:
    parts = []
    if a.people is not None:
        parts.append(f"{a.people:,} people")
    if a.budget is not None:
        parts.append(format_amount(a.budget))
    if a.organizations is not None:
        parts.append(f"{a.organizations} organization{'s' * (a.organizations != 1)}")
    return ", ".join(parts)


class AchievementList(OptionList):
    BINDINGS = [
        Binding("a", "screen.add", "Add", id="brainstorm.add", tooltip="Add an achievement"),
        Binding("e", "screen.edit", "Edit", id="brainstorm.edit"),
        Binding("d,delete", "screen.delete", "Delete", id="brainstorm.delete"),
        Binding("p", "screen.prompts", "Prompts", id="brainstorm.prompts", tooltip="Questions that jog memory"),
    ]


class BrainstormScreen(StepScreen):
    STEP_ID = "brainstorm"
    TITLE_TEXT = "Brainstorm"
    CSS_PATH = str(paths.resource("styles") / "brainstorm.tcss")
    HELP = (
        "List what you led in the last ten years (the last five to seven count most); aim for about ten "
        "distinct achievements, enough for one or two stories per ECQ. "
        "a adds one, Enter or e edits the highlighted one, d deletes it (you are asked first; No is the default). "
        "p offers prompts by ECQ lens and year by year to jog your memory. The form takes years, scope "
        "(people, budget such as $4.2M or 850k, organizations), result figures and notes, and saves as you type. "
        "A ! marks the coach's warnings: too old, ongoing without a progress figure, or not executive in scope."
    )

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="brainstorm-body"):
            yield Static(Content(""), id="brainstorm-count", classes="hint")
            yield AchievementList(id="achievements")
            yield Static(Content(""), id="achievement-detail", classes="detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_list()
        self.query_one("#achievements", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_list()

    def _achievements(self) -> list[Achievement]:
        # Newest first: recent work is what the ECQs ask about.
        items = self.store.achievements()
        return sorted(items, key=lambda a: (a.ongoing, a.end_year or a.start_year or 0), reverse=True)

    def refresh_list(self, select: str | None = None) -> None:
        framework = self.framework()
        options = self.query_one("#achievements", OptionList)
        keep = options.highlighted
        current = None
        if keep is not None and keep < options.option_count:
            current = options.get_option_at_index(keep).id
        options.clear_options()
        achievements = self._achievements()
        self._findings = {}
        for a in achievements:
            findings = achievement_findings(a, framework)
            self._findings[a.id] = findings
            mark = worst_symbol(findings)
            options.add_option(Option(Content(f"{mark} {a.period:>12}  {a.title or '(untitled)'}"), id=a.id))
        if not achievements:
            options.add_option(Option(Content("Nothing yet. Press a to add what you led, or p for prompts."), disabled=True, id="empty"))
        target = select or current
        ids = [a.id for a in achievements]
        if target in ids:
            options.highlighted = ids.index(target)
        elif achievements:
            options.highlighted = min(keep or 0, len(achievements) - 1)
        this_year = date.today().year
        recent = sum(1 for a in achievements if a.ongoing or (a.end_year or a.start_year or 0) >= this_year - framework.rules.recency_years)
        warned = sum(1 for f in self._findings.values() if f)
        self.query_one("#brainstorm-count", Static).update(Content(
            f"{len(achievements)} achievements, {recent} from the last {framework.rules.recency_years} years"
            + (f", {warned} with the coach's warnings (x or !)" if warned else "")
        ))
        self._show_detail()

    def _highlighted(self) -> Achievement | None:
        options = self.query_one("#achievements", OptionList)
        if options.highlighted is None or options.highlighted >= options.option_count:
            return None
        option = options.get_option_at_index(options.highlighted)
        if option.id in (None, "empty"):
            return None
        return self.store.get(Achievement, option.id)

    @on(OptionList.OptionHighlighted, "#achievements")
    def _show_detail(self) -> None:
        a = self._highlighted()
        detail = self.query_one("#achievement-detail", Static)
        if a is None:
            detail.update(Content(""))
            return
        lines = [a.title or "(untitled)"]
        scope = scope_line(a)
        lines.append(f"{a.period or 'no years'}" + (f" | {scope}" if scope else " | no scope figures yet"))
        if a.results:
            lines.append("Results: " + "; ".join(a.results))
        # One line per kind of warning: the panel is short at 80x24 and repeats would push others out.
        seen: set[str] = set()
        for finding in getattr(self, "_findings", {}).get(a.id, []):
            if finding.code not in seen:
                seen.add(finding.code)
                lines.append(finding_line(finding))
        detail.update(Content("\n".join(lines)))

    @on(OptionList.OptionSelected, "#achievements")
    def _selected(self) -> None:
        self.action_edit()

    def _open_form(self, achievement: Achievement | None, prompt: str = "", new: bool | None = None) -> None:
        if not self.writable():
            return

        def done(saved_id: str | None) -> None:
            self.refresh_list(select=saved_id)

        self.app.push_screen(AchievementForm(achievement, prompt=prompt, new=new), done)

    def action_add(self) -> None:
        self._open_form(None)

    def action_edit(self) -> None:
        a = self._highlighted()
        if a is not None:
            self._open_form(a)

    @work
    async def action_delete(self) -> None:
        a = self._highlighted()
        if a is None or not self.writable():
            return
        stories = len(self.store.bank().stories_for(a.id))
        detail = f"Its {stories} stor{'ies' if stories != 1 else 'y'} will be deleted with it." if stories else ""
        if await self.app.push_screen_wait(ConfirmScreen(f"Delete this achievement? {a.title}", detail)):
            if self.attempt(lambda: self.store.delete(Achievement, a.id)) is not None:
                self.notify("Deleted.", markup=False)
            self.refresh_list()

    @work
    async def action_prompts(self) -> None:
        found = memory_prompts(self.framework(), self.store.achievements(), date.today().year)
        items = [(p.key, p.label) for p in found]
        by_key = {p.key: p for p in found}
        chosen = await self.app.push_screen_wait(
            PickScreen("Prompts to jog your memory", items, detail="Choose one to start an achievement with it in view.")
        )
        if chosen is None:
            return
        prompt = by_key[chosen]
        start = prompt.start_year
        self._open_form(Achievement(start_year=start) if start else None, prompt=prompt.question, new=True)
