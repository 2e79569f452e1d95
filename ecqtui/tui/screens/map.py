"""Map to ECQs: the coach's ranked lens for each achievement, the user's choice, and coverage."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ecqtui import paths
from ecqtui.core.models import Achievement, Story
from ecqtui.tui.screens._coach import coach, survive
from ecqtui.tui.screens.base import StepScreen
from ecqtui.tui.widgets.competency_picker import CompetencyPicker
from ecqtui.tui.widgets.dialogs import PickScreen


class MapList(OptionList):
    BINDINGS = [
        Binding("l", "screen.lens", "Lens", id="map.lens", tooltip="Choose the ECQ lens"),
        Binding("c", "screen.competencies", "Competencies", id="map.competencies"),
        Binding("n", "screen.another", "Another lens", id="map.another", tooltip="Tell it through a second ECQ", show=False),
        Binding("v", "screen.coverage", "Coverage", id="map.coverage"),
        Binding("w", "screen.write", "Write", id="map.write", tooltip="Write this story (CCAR)"),
        Binding("f", "app.switch_framework", "Framework", id="map.framework", show=False),
    ]


class MapScreen(StepScreen):
    STEP_ID = "map"
    TITLE_TEXT = "Map to ECQs"
    CSS_PATH = str(paths.resource("styles") / "map.tcss")
    HELP = (
        "Each achievement becomes a story told through one ECQ lens. Below the list the coach ranks the ECQs "
        "for the highlighted achievement and shows the words that led it there. l (or Enter) chooses the lens, "
        "c the competencies the story shows, n tells the same achievement through a second lens, v opens the "
        "coverage matrix (ECQ by competency, gaps marked [ ]), w writes the story, f switches framework. "
        "The coach suggests; you decide."
    )

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="map-body"):
            yield Static(Content(""), id="map-count", classes="hint")
            yield MapList(id="map-achievements")
            yield Static(Content(""), id="map-suggestion", classes="detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_list()
        self.query_one(MapList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_list()

    def refresh_list(self, select: str | None = None) -> None:
        bank = self.store.bank()
        options = self.query_one(MapList)
        keep = options.highlighted
        options.clear_options()
        achievements = sorted(bank.achievements, key=lambda a: (a.ongoing, a.end_year or a.start_year or 0), reverse=True)
        for a in achievements:
            stories = bank.stories_for(a.id)
            lenses = ",".join(s.ecq for s in stories) or "--"
            mark = "[x]" if stories else "[ ]"
            options.add_option(Option(Content(f"{mark} {lenses:<7} {a.period:>12}  {a.title or '(untitled)'}"), id=a.id))
        if not achievements:
            options.add_option(Option(Content("No achievements yet: add them in Brainstorm first."), disabled=True, id="empty"))
        ids = [a.id for a in achievements]
        if select in ids:
            options.highlighted = ids.index(select)
        elif achievements:
            options.highlighted = min(keep or 0, len(achievements) - 1)
        mapped = sum(1 for a in achievements if bank.stories_for(a.id))
        line = f"{mapped} of {len(achievements)} achievements mapped; {len(bank.stories)} stories"
        c = coach()
        if c is not None and bank.stories:
            try:
                cov = c.coverage(bank, self.framework())
                warnings = len(cov.duplicate_primary) + len(cov.similar_stories)
                if warnings:
                    line += f"; ! {warnings} duplicate or look-alike warning{'s' * (warnings != 1)} (v)"
            except Exception as exc:
                survive(exc)
        self.query_one("#map-count", Static).update(Content(line))
        self._show_suggestion()

    def _achievement(self) -> Achievement | None:
        options = self.query_one(MapList)
        if options.highlighted is None or options.highlighted >= options.option_count:
            return None
        option_id = options.get_option_at_index(options.highlighted).id
        return None if option_id in (None, "empty") else self.store.get(Achievement, option_id)

    def _suggestion(self, achievement: Achievement):
        c = coach()
        if c is None:
            return None
        try:
            return c.suggest_for_achievement(achievement, self.framework())
        except Exception as exc:
            survive(exc)
            return None

    @on(OptionList.OptionHighlighted, "#map-achievements")
    def _show_suggestion(self) -> None:
        panel = self.query_one("#map-suggestion", Static)
        a = self._achievement()
        if a is None:
            panel.update(Content(""))
            return
        bank = self.store.bank()
        framework = self.framework()
        lines = []
        stories = bank.stories_for(a.id)
        for s in stories:
            comps = ", ".join(_comp_name(framework, c) for c in s.competencies) or "no competencies chosen"
            lines.append(f"Story: {s.ecq} ({s.status}): {comps}")
        suggestion = self._suggestion(a)
        if suggestion is None:
            lines.append("The coach has no suggestion yet.")
        else:
            lines.append("Coach's ranking:")
            for rank in suggestion.ranking[:3]:
                cues = ", ".join(rank.cues[:5]) or "no clear cues"
                lines.append(f"  {rank.ecq:<4} {rank.score:4.0%}  {rank.name}: {cues}")
            best = suggestion.best
            comps = [c for c in best.competencies if c.score > 0][:3]
            if comps:
                lines.append("  shows: " + "; ".join(f"{c.name} ({', '.join(c.cues[:2])})" for c in comps))
        panel.update(Content("\n".join(lines)))

    @on(OptionList.OptionSelected, "#map-achievements")
    def _selected(self) -> None:
        self.action_lens()

    def _primary_story(self, a: Achievement) -> Story | None:
        stories = self.store.bank().stories_for(a.id)
        return stories[0] if stories else None

    async def _choose_lens(self, a: Achievement, current: str | None) -> str | None:
        framework = self.framework()
        suggestion = self._suggestion(a)
        items: list[tuple[str, str]] = []
        if suggestion is not None:
            for i, rank in enumerate(suggestion.ranking):
                tag = "  (coach's pick)" if i == 0 else ""
                items.append((rank.ecq, f"{rank.ecq:<4} {rank.score:4.0%}  {rank.name}{tag}"))
        else:
            items = [(e.id, f"{e.id:<4} {e.name}") for e in framework.ecqs]
        return await self.app.push_screen_wait(
            PickScreen(f"ECQ lens for: {a.title}", items, highlight=current or (items[0][0] if items else None))
        )

    async def _choose_competencies(self, story: Story, a: Achievement) -> None:
        framework = self.framework()
        ecq = framework.ecq(story.ecq)
        cues: dict[str, tuple[str, ...]] = {}
        suggestion = self._suggestion(a)
        if suggestion is not None:
            for rank in suggestion.ranking:
                if rank.ecq == story.ecq:
                    cues = {c.id: c.cues for c in rank.competencies if c.score > 0}
        choices = [
            (c.id, f"{c.name}" + (f"  (coach: {', '.join(cues[c.id][:3])})" if c.id in cues else ""))
            for c in ecq.competencies
        ]
        selected = story.competencies or [c for c in cues][:2]
        chosen = await self.app.push_screen_wait(
            CompetencyPicker(f"{ecq.name}: competencies this story shows", choices, selected)
        )
        if chosen is not None:
            story.competencies = chosen
            self.attempt(lambda: self.store.save(story))

    @work(exclusive=True)
    async def action_lens(self) -> None:
        a = self._achievement()
        if a is None or not self.writable():
            return
        story = self._primary_story(a)
        chosen = await self._choose_lens(a, story.ecq if story else None)
        if chosen is None:
            return
        if story is None:
            story = Story(achievement_id=a.id, ecq=chosen, status="idea")
        else:
            story.change_lens(chosen)
        if self.attempt(lambda: self.store.save(story)) is None:
            return
        await self._choose_competencies(story, a)
        self.refresh_list(select=a.id)

    @work(exclusive=True)
    async def action_another(self) -> None:
        a = self._achievement()
        if a is None or not self.writable():
            return
        chosen = await self._choose_lens(a, None)
        if chosen is None:
            return
        if any(s.ecq == chosen for s in self.store.bank().stories_for(a.id)):
            self.notify("This achievement already has a story through that lens.", markup=False)
            return
        story = Story(achievement_id=a.id, ecq=chosen, status="idea")
        if self.attempt(lambda: self.store.save(story)) is None:
            return
        await self._choose_competencies(story, a)
        self.refresh_list(select=a.id)

    @work(exclusive=True)
    async def action_competencies(self) -> None:
        a = self._achievement()
        if a is None or not self.writable():
            return
        stories = self.store.bank().stories_for(a.id)
        if not stories:
            self.notify("Choose a lens first (l).", markup=False)
            return
        story = stories[0]
        if len(stories) > 1:
            which = await self.app.push_screen_wait(
                PickScreen("Which story?", [(s.id, f"{s.ecq}  {s.status}") for s in stories])
            )
            story = next((s for s in stories if s.id == which), None)
            if story is None:
                return
        await self._choose_competencies(story, a)
        self.refresh_list(select=a.id)

    @work(exclusive=True)
    async def action_write(self) -> None:
        a = self._achievement()
        if a is None:
            return
        stories = self.store.bank().stories_for(a.id)
        if not stories:
            self.notify("Choose a lens first (l); then the story can be written.", markup=False)
            return
        story_id = stories[0].id
        if len(stories) > 1:
            story_id = await self.app.push_screen_wait(
                PickScreen("Write which story?", [(s.id, f"{s.ecq}  {s.status}") for s in stories])
            )
            if story_id is None:
                return
        self.app.open_step("write", story_id=story_id, over_current=True)  # type: ignore[attr-defined]

    def action_coverage(self) -> None:
        self.app.push_screen(CoverageScreen())


def _comp_name(framework, comp_id: str) -> str:
    try:
        return framework.competency(comp_id).name
    except KeyError:
        return comp_id


class CoverageScreen(StepScreen):
    """ECQ x competency: how many stories show each competency; gaps at a glance."""

    TITLE_TEXT = "Coverage"
    HELP = (
        "Each row is a competency under its ECQ. [x] means at least one story shows it, [ ] is a gap. "
        "Below the table: stories used as the main example of two ECQs, and stories that look too alike. "
        "Esc goes back to Map to ECQs."
    )

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content(""), id="coverage-summary", classes="hint")
        yield DataTable(id="coverage-table", cursor_type="row", zebra_stripes=False)
        yield Static(Content(""), id="coverage-warnings", classes="warning-line")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        from rich.text import Text

        table = self.query_one(DataTable)
        table.add_columns("ECQ", "Competency", "Stories", "")
        c = coach()
        bank = self.store.bank()
        framework = self.framework()
        if c is None:
            self.query_one("#coverage-summary", Static).update(Content("The coach is not available; no coverage yet."))
            return
        cov = c.coverage(bank, framework)
        for ecq in framework.ecqs:
            count = cov.counts.get(ecq.id, 0)
            table.add_row(Text(ecq.id, style="bold"), Text(f"{ecq.name} ({count} stor{'ies' if count != 1 else 'y'}, target {cov.target_per_ecq})", style="bold"), Text(""), Text(""))
            for comp in ecq.competencies:
                ids = cov.matrix.get(ecq.id, {}).get(comp.id, [])
                mark = "[x]" if ids else "[ ]"
                table.add_row(Text(""), Text(comp.name), Text(str(len(ids))), Text(mark))
        for comp in framework.fundamentals:
            ids = cov.fundamentals.get(comp.id, [])
            table.add_row(Text("F"), Text(comp.name), Text(str(len(ids))), Text("[x]" if ids else "[ ]"))
        empty = sum(1 for row in cov.matrix.values() for ids in row.values() if not ids)
        self.query_one("#coverage-summary", Static).update(Content(
            f"{cov.distinct_stories} of {cov.distinct_target} distinct stories; "
            f"{empty} competenc{'ies' if empty != 1 else 'y'} without a story ([ ])"
        ))
        warnings = []
        for achievement_id, ecqs in cov.duplicate_primary:
            a = bank.achievement(achievement_id)
            warnings.append(f"! Same achievement as main story of {' and '.join(ecqs)}: {a.title if a else achievement_id}")
        for first, second, why in cov.similar_stories:
            warnings.append(f"! Stories look alike ({_story_label(bank, first)} / {_story_label(bank, second)}): {why}")
        self.query_one("#coverage-warnings", Static).update(Content("\n".join(warnings[:4])))
        table.focus()


def _story_label(bank, story_id: str) -> str:
    s = bank.story(story_id)
    return f"{s.ecq}: {bank.story_title(story_id)}" if s else story_id
