"""Write CCAR: one story in Challenge, Context, Action and Result, with the coach beside it.

* With no story id the screen first shows a picker: the stories grouped by ECQ with their
  status; Enter opens one (Ctrl+O comes back to it).
* Four text boxes, one shown at a time (F2-F5, Ctrl+Up/Down), each with guidance. Every
  keystroke is saved through the app's autosaver (debounced); leaving a part, the story or
  the screen flushes first, and the first save of each visit to a part keeps the text it
  replaces as a revision, so the history holds one version per editing session.
* The coach's findings, the competency checklist and the length gauge are computed in a
  thread worker 0.4 s after the last key, never on the typing path.
* Escape in a text box saves and steps out to the panel (a second Escape goes back); a
  ``[A``-``[D`` arriving just after it is the rest of a split arrow key and is not typed.
"""

from __future__ import annotations

import time
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, Vertical
from textual.css.query import NoMatches
from textual.content import Content
from textual.widgets import ContentSwitcher, Footer, Header, OptionList, Static, TextArea
from textual.widgets.option_list import Option
from textual.widgets.text_area import Selection
from textual.worker import get_current_worker

from ecqtui import paths
from ecqtui.core.models import CCAR_PARTS, STORY_STATUSES, Achievement, Story
from ecqtui.tui.screens.base import StepScreen
from ecqtui.tui.widgets.ccar_editor import PART_GUIDANCE, PART_LABELS, PartEditor, StrayEscapeFilter
from ecqtui.tui.widgets.ccar_findings import (
    Analysis,
    CompetencyChecklist,
    FindingsList,
    LengthGauge,
    analyse_story,
)
from ecqtui.tui.widgets.ccar_history import HistoryPanel
from ecqtui.tui.widgets.dialogs import PickScreen

#: A symbol per story status, so the state reads without colour.
STATUS_SYMBOLS = {"idea": "[ ]", "outlined": "[-]", "drafting": "[~]", "done": "[x]"}
STATUS_MEANING = {
    "idea": "an achievement chosen for this ECQ, nothing written yet",
    "outlined": "the parts are sketched",
    "drafting": "being written",
    "done": "ready for review",
}
#: Seconds after the last key before the coach looks at the draft.
ANALYSIS_DELAY = 0.4
PANELS = ("findings", "checklist", "history")
PANEL_LABELS = {"findings": "Findings", "checklist": "Competencies", "history": "History"}
#: Actions that only make sense with a story open.
EDITOR_ACTIONS = {"part", "next_part", "previous_part", "status", "panel", "stories"}


#: Seconds after Enter in the story picker during which typed letters are kept for the story's text.
TYPE_AHEAD_WINDOW = 0.5


class WriteScreen(StepScreen):
    STEP_ID = "write"
    TITLE_TEXT = "Write CCAR"
    CSS_PATH = str(paths.resource("styles") / "write.tcss")
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-short"), (36, "-tall")]
    HELP = (
        "Write one story in four parts. Challenge: the problem or goal, large and not solvable alone. "
        "Context: who was involved, the constraints, your role, the timeframe and the size of the "
        "organization. Action: what you personally did ('I', not 'we'), usually the longest part, with an "
        "action for each competency you claim. Result: what changed, with numbers. "
        "F2-F5 (or Ctrl+Up/Ctrl+Down) switch parts. Every key is saved within a second. The coach's "
        "findings (x error, ! warning, i info) update when you pause; Ctrl+F goes to them and Enter on one "
        "moves the cursor to its words. Ctrl+L shows which competencies an action sentence shows ([x]). "
        "Ctrl+R lists earlier versions of this part; Enter restores one and keeps the text it replaces. "
        "Ctrl+T sets the story's status, Ctrl+O picks another story. The gauge shows pages (this story, "
        "and all stories of this ECQ against the page budget) and minutes told aloud; ! means over. "
        "Escape in the text saves and steps out to the panel; Escape again goes back."
    )

    BINDINGS = [
        Binding("f2", "part('challenge')", "Part", key_display="F2-F5", id="write.part", tooltip="Challenge, Context, Action, Result"),
        Binding("f3", "part('context')", "Context", show=False, id="write.part.context"),
        Binding("f4", "part('action')", "Action", show=False, id="write.part.action"),
        Binding("f5", "part('result')", "Result", show=False, id="write.part.result"),
        Binding("ctrl+down", "next_part", "Next part", show=False, id="write.next_part"),
        Binding("ctrl+up", "previous_part", "Previous part", show=False, id="write.previous_part"),
        Binding("ctrl+t", "status", "Status", key_display="^T", id="write.status", tooltip="idea, outlined, drafting, done"),
        Binding("ctrl+o", "stories", "Stories", key_display="^O", id="write.stories", tooltip="Pick another story"),
        Binding("ctrl+f", "panel('findings')", "Findings", key_display="^F", id="write.findings", tooltip="The coach's findings (also on the panel's tab line)"),
        # Shown on the panel's tab line: the footer has no room for them at 80 columns.
        Binding("ctrl+l", "panel('checklist')", "Competencies", key_display="^L", show=False, id="write.checklist"),
        Binding("ctrl+r", "panel('history')", "History", key_display="^R", show=False, id="write.history"),
    ]

    def __init__(self, story_id: str | None = None) -> None:
        super().__init__()
        self.initial_story_id = story_id
        self.story_id: str | None = None
        self.story: Story | None = None
        self.achievement: Achievement | None = None
        self.part = "challenge"
        self.panel = "findings"
        self.mode = "picker"
        self.stray_filter = StrayEscapeFilter()
        #: How many times the coach was asked (the worker), for the responsiveness test.
        self.analysis_runs = 0
        self._known: dict[str, str] = {}
        self._fresh: set[str] = set()
        self._analysis: Analysis | None = None
        self._analysis_timer = None
        self._other_texts: list[str] = []
        self._escaped_from: PartEditor | None = None
        self._framework = None
        self._picker_stories: dict[str, Story] = {}
        self._type_ahead: list[str] = []  # letters typed just after Enter, before the story opened
        self._entered_at = 0.0

    # --- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with ContentSwitcher(initial="picker-view", id="write-views"):
            with Vertical(id="picker-view"):
                yield Static(Content("Enter opens a story.  [x] done  [~] drafting  [-] outlined  [ ] idea"), id="picker-hint", classes="hint")
                yield OptionList(id="story-picker")
                yield Static(Content(""), id="picker-detail", classes="detail")
            with Vertical(id="editor-view"):
                yield Static(Content(""), id="story-title")
                with Horizontal(id="part-row"):
                    yield Static(Content(""), id="part-bar")
                    yield LengthGauge(Content(""), id="gauge")
                yield Static(Content(""), id="guidance", classes="hint")
                with Container(id="work"):
                    with ContentSwitcher(initial="edit-challenge", id="parts"):
                        for part in CCAR_PARTS:
                            yield PartEditor(part, id=f"edit-{part}")
                    with Vertical(id="panel"):
                        yield Static(Content(""), id="panel-tabs")
                        with Vertical(id="sec-findings", classes="panel-section -active"):
                            yield Static(Content("Findings"), classes="panel-heading")
                            yield FindingsList(id="findings")
                        with Vertical(id="sec-checklist", classes="panel-section"):
                            yield Static(Content("Competencies"), classes="panel-heading")
                            yield CompetencyChecklist(id="checklist")
                        with Vertical(id="sec-history", classes="panel-section"):
                            yield Static(Content("History"), classes="panel-heading")
                            yield HistoryPanel(id="history")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self._framework = self.framework()
        if self.initial_story_id is not None and self.store.get(Story, self.initial_story_id) is not None:
            self.open_story(self.initial_story_id)
        else:
            if self.initial_story_id is not None:
                self.notify("That story no longer exists; choose another.", severity="warning", markup=False)
            self.show_picker()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in EDITOR_ACTIONS and self.mode != "editor":
            return False  # hidden from the footer while the picker shows
        return True

    # --- the picker --------------------------------------------------------------------------

    def show_picker(self, select: str | None = None) -> None:
        self.ecq_app.autosaver.flush()
        self.mode = "picker"
        self.query_one("#write-views", ContentSwitcher).current = "picker-view"
        framework = self._framework or self.framework()
        picker = self.query_one("#story-picker", OptionList)
        picker.clear_options()
        stories = self.store.stories()
        self._picker_stories = {s.id: s for s in stories}
        titles = {a.id: a.title for a in self.store.achievements()}
        known = [e.id for e in framework.ecqs]
        groups = [(f"{e.name} ({e.id})", [s for s in stories if s.ecq == e.id]) for e in framework.ecqs]
        strays = [s for s in stories if s.ecq not in known]
        if strays:
            groups.append(("Not under an ECQ of this framework", strays))
        first = None
        for heading, members in groups:
            count = f"{len(members)} stor{'y' if len(members) == 1 else 'ies'}" if members else "no stories yet"
            picker.add_option(Option(Content.styled(f"{heading}: {count}", "bold"), disabled=True))
            for s in members:
                title = titles.get(s.achievement_id) or "(untitled achievement)"
                picker.add_option(Option(Content(f"  {STATUS_SYMBOLS.get(s.status, '[?]')} {s.status:<8}  {title}"), id=s.id))
                first = first or s.id
        if not stories:
            picker.add_option(Option(Content("No stories yet. Map an achievement to an ECQ first (step 3, Map to ECQs)."), disabled=True))
        target = select or self.story_id or first
        if target is not None:
            try:
                picker.highlighted = picker.get_option_index(target)
            except Exception:
                pass
        self.refresh_bindings()
        picker.focus()
        self._picker_detail()

    @on(OptionList.OptionHighlighted, "#story-picker")
    def _picker_detail(self) -> None:
        picker = self.query_one("#story-picker", OptionList)
        detail = self.query_one("#picker-detail", Static)
        index = picker.highlighted
        story = None
        if index is not None and index < picker.option_count:
            option_id = picker.get_option_at_index(index).id
            story = self._picker_stories.get(option_id) if option_id else None
        if story is None:
            detail.update(Content(""))
            return
        framework = self._framework or self.framework()
        names = []
        for comp_id in story.competencies:
            try:
                names.append(framework.competency(comp_id).name)
            except Exception:
                names.append(comp_id)
        words = len(story.text.split())
        lines = [
            f"{story.ecq} | {STATUS_MEANING.get(story.status, story.status)} | {words} words",
            "Competencies: " + (", ".join(names) if names else "none chosen yet"),
            "Challenge: " + (" ".join(story.challenge.split()[:14]) + " ..." if story.challenge.strip() else "(not written)"),
        ]
        detail.update(Content("\n".join(lines)))

    @on(OptionList.OptionSelected, "#story-picker")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.open_story(event.option.id)

    # --- opening a story ---------------------------------------------------------------------

    def open_story(self, story_id: str) -> None:
        """Show ``story_id`` in the editor (saving anything pending for the story before)."""
        self.ecq_app.autosaver.flush()
        story = self.store.get(Story, story_id)
        if story is None:
            self.notify("That story no longer exists.", severity="warning", markup=False)
            self.show_picker()
            return
        self.story_id, self.story = story.id, story
        self.achievement = self.store.get(Achievement, story.achievement_id)
        self._framework = self.framework()
        self._other_texts = [s.text for s in self.store.stories() if s.ecq == story.ecq and s.id != story.id]
        self._known = {p: getattr(story, p) for p in CCAR_PARTS}
        self._fresh = set(CCAR_PARTS)
        self._analysis = None
        for part in CCAR_PARTS:
            area = self.editor(part)
            area.load_text(self._known[part])
            area.move_cursor(area.document.end)
            area.scroll_home(animate=False)
        self.mode = "editor"
        self.query_one("#write-views", ContentSwitcher).current = "editor-view"
        start = next((p for p in CCAR_PARTS if not self._known[p].strip()), "challenge")
        self.part = ""  # nothing to leave yet
        self.set_part(start)
        if self._type_ahead and time.monotonic() - self._entered_at < 2 * TYPE_AHEAD_WINDOW:
            self.editor(start).insert("".join(self._type_ahead))
        self._type_ahead.clear()
        self._refresh_title()
        self.query_one(FindingsList).show(None)
        self._show_panel_tabs()
        self.refresh_bindings()
        self._start_analysis()

    def editor(self, part: str | None = None) -> PartEditor:
        return self.query_one(f"#edit-{part or self.part}", PartEditor)

    def _refresh_title(self) -> None:
        if self.story is None:
            return
        title = (self.achievement.title if self.achievement else "") or "(untitled achievement)"
        status = self.story.status
        self.query_one("#story-title", Static).update(
            Content(f"{self.story.ecq} | {STATUS_SYMBOLS.get(status, '[?]')} {status} | {title}")
        )

    # --- parts -------------------------------------------------------------------------------

    def set_part(self, part: str, *, focus: bool = True) -> None:
        if part not in CCAR_PARTS:
            return
        if self.part and self.part != part:
            self._leave_part()
        self.part = part
        self.query_one("#parts", ContentSwitcher).current = f"edit-{part}"
        self.query_one("#guidance", Static).update(Content(f"{PART_LABELS[part]}: {PART_GUIDANCE[part]}"))
        bar = "".join(f"[{PART_LABELS[p]}]" if p == part else f" {PART_LABELS[p]} " for p in CCAR_PARTS)
        self.query_one("#part-bar", Static).update(Content(bar))
        self._refresh_history()
        self._border_titles()
        if self._analysis is not None:
            self.query_one(FindingsList).show(self._analysis, part)  # this part's findings first
        if focus:
            self.editor(part).focus()

    def _leave_part(self) -> None:
        """Leaving a part ends its editing session: save now; the next visit keeps a new version."""
        self.ecq_app.autosaver.flush()
        if self.part:
            self._fresh.add(self.part)

    def action_part(self, part: str) -> None:
        self.set_part(part)

    def action_next_part(self) -> None:
        self.set_part(CCAR_PARTS[(CCAR_PARTS.index(self.part) + 1) % len(CCAR_PARTS)])

    def action_previous_part(self) -> None:
        self.set_part(CCAR_PARTS[(CCAR_PARTS.index(self.part) - 1) % len(CCAR_PARTS)])

    def _border_titles(self) -> None:
        words = self._analysis.words if self._analysis is not None else {}
        for part in CCAR_PARTS:
            count = words.get(part, len(self._known.get(part, "").split()))
            self.editor(part).border_title = Content(f"{PART_LABELS[part]}: {count} words")

    # --- typing and saving -------------------------------------------------------------------

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        area = event.text_area
        if not isinstance(area, PartEditor) or self.story_id is None:
            return
        text = area.text
        part = area.part
        if text == self._known.get(part):
            return  # loading a story, or a change that undid itself
        self._known[part] = text
        story_id = self.story_id
        self.schedule(f"story:{story_id}:{part}", lambda: self._save_part(story_id, part, text))
        self._schedule_analysis()

    def _save_part(self, story_id: str, part: str, text: str) -> None:
        story = self.store.get(Story, story_id)
        if story is None or getattr(story, part) == text:
            return
        setattr(story, part, text)
        if story.status == "idea" and text.strip():
            story.status = "drafting"  # words on the page: no longer just an idea
        current = story_id == self.story_id
        # The first save of a visit to a part keeps the text it replaces: one version per session.
        self.store.save(story, checkpoint=current and part in self._fresh)
        if current:
            self._fresh.discard(part)
            if self.story is not None and self.story.status != story.status:
                self.story.status = story.status
                try:
                    self._refresh_title()
                except NoMatches:
                    pass
            if part == self.part:
                try:
                    self._refresh_history()
                except NoMatches:
                    pass  # saved while the screen is being taken down

    def leave_drafts(self) -> None:
        self.ecq_app.autosaver.flush()

    # --- the coach ---------------------------------------------------------------------------

    def _schedule_analysis(self) -> None:
        if self._analysis_timer is not None:
            self._analysis_timer.stop()
        self._analysis_timer = self.set_timer(ANALYSIS_DELAY, self._start_analysis, name="ccar coach")

    def _snapshot(self) -> Story | None:
        if self.story is None:
            return None
        story = Story.from_dict(self.story.to_dict())
        for part in CCAR_PARTS:
            setattr(story, part, self._known.get(part, ""))
        return story

    def _start_analysis(self) -> None:
        self._analysis_timer = None
        story = self._snapshot()
        if story is None:
            return
        self._analyse(story, self._framework, self.achievement, list(self._other_texts))

    @work(thread=True, exclusive=True, group="ccar-coach", exit_on_error=False)
    def _analyse(self, story: Story, framework, achievement, others: list[str]) -> None:
        self.analysis_runs += 1
        result = analyse_story(story, framework, achievement=achievement, other_texts=others)
        if get_current_worker().is_cancelled:
            return
        try:
            self.app.call_from_thread(self._show_analysis, result)
        except RuntimeError:
            pass  # the app is closing

    def _show_analysis(self, result: Analysis) -> None:
        if not self.is_mounted or result.story_id != self.story_id or self.story is None:
            return
        self._analysis = result
        self.query_one(FindingsList).show(result, self.part)
        self.query_one(CompetencyChecklist).show(self.story.competencies, self._framework, result)
        rules = getattr(self._framework, "rules", None)
        self.query_one(LengthGauge).show(result, rules, self.story.ecq)
        self._border_titles()
        self._show_panel_tabs()

    @property
    def analysis(self) -> Analysis | None:
        return self._analysis

    # --- the panel: findings, checklist, history ---------------------------------------------

    def _show_panel_tabs(self) -> None:
        findings = len(self._analysis.findings) if self._analysis is not None else 0
        checklist = self.query_one(CompetencyChecklist)
        counts = {
            "findings": f"{findings}",
            "checklist": checklist.summary() if getattr(checklist, "items", None) else "-",
            "history": f"{len(self.query_one(HistoryPanel).revisions)}",
        }
        keys = {"findings": "^F", "checklist": "^L", "history": "^R"}
        tabs = []
        for name in PANELS:
            label = f"{keys[name]} {PANEL_LABELS[name]} {counts[name]}"
            tabs.append(f"[{label}]" if name == self.panel else f" {label} ")
            # Wide terminals show every section under its own heading instead of the tab line.
            heading = self.query_one(f"#sec-{name} .panel-heading", Static)
            heading.update(Content(f"{PANEL_LABELS[name]} {counts[name]} ({keys[name]})"))
        self.query_one("#panel-tabs", Static).update(Content(" ".join(tabs)))

    def action_panel(self, name: str) -> None:
        if name not in PANELS:
            return
        self.panel = name
        for section in PANELS:
            self.query_one(f"#sec-{section}").set_class(section == name, "-active")
        self._show_panel_tabs()
        self._panel_widget(name).focus()

    def _panel_widget(self, name: str) -> OptionList:
        if name == "findings":
            return self.query_one(FindingsList)
        if name == "checklist":
            return self.query_one(CompetencyChecklist)
        return self.query_one(HistoryPanel).options

    @on(OptionList.OptionSelected, "#findings")
    def _finding_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        finding = self.query_one(FindingsList).finding_at(event.option_index)
        if finding is None or finding.part not in CCAR_PARTS:
            return  # about the whole story (too old, too long): nowhere to move to
        self.set_part(finding.part)
        self.select_span(finding.part, finding.start, finding.end)

    @on(OptionList.OptionSelected, "#checklist")
    def _competency_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        sentence = self.query_one(CompetencyChecklist).sentence_at(event.option_index)
        self.set_part("action")
        if sentence:
            start = self._known.get("action", "").find(sentence)
            if start >= 0:
                self.select_span("action", start, start + len(sentence))

    def select_span(self, part: str, start: int, end: int) -> None:
        """Select characters ``start:end`` of ``part`` (clamped to its text) and focus it."""
        area = self.editor(part)
        length = len(area.text)
        start = max(0, min(int(start), length))
        end = max(start, min(int(end), length))
        document = area.document
        area.selection = Selection(document.get_location_from_index(start), document.get_location_from_index(end))
        area.focus()
        area.scroll_cursor_visible(center=True)

    def _refresh_history(self) -> None:
        if self.story_id is None:
            return
        revisions = self.store.revisions("stories", self.story_id, self.part)
        self.query_one(HistoryPanel).show(revisions, PART_LABELS[self.part])
        self._show_panel_tabs()

    @on(HistoryPanel.Restore)
    def _restore(self, event: HistoryPanel.Restore) -> None:
        event.stop()
        if not self.writable() or self.story_id is None:
            return
        revision = event.revision
        self.ecq_app.autosaver.flush()  # what was just typed is part of the text being replaced
        restored = self.attempt(lambda: self.store.restore_revision(revision))
        if restored is None:
            return
        part = revision.field
        text = getattr(restored, part)
        self._known[part] = text
        self._fresh.add(part)
        area = self.editor(part)
        area.load_text(text)
        area.move_cursor(area.document.end)
        self.story = self.store.get(Story, self.story_id) or self.story
        self.set_part(part, focus=False)
        self._refresh_history()
        self._start_analysis()
        self.notify(
            f"Restored the {PART_LABELS[part]} of {revision.at[:16].replace('T', ' ')} UTC; the text it replaced is in the history.",
            markup=False,
        )

    # --- status, stories, Escape -------------------------------------------------------------

    def action_status(self) -> None:
        if self.story is None or not self.writable():
            return
        items = [(s, f"{STATUS_SYMBOLS[s]} {s}: {STATUS_MEANING[s]}") for s in STORY_STATUSES]
        self.app.push_screen(PickScreen("Story status", items, highlight=self.story.status), self._set_status)

    def _set_status(self, status: str | None) -> None:
        if status is None or status not in STORY_STATUSES or self.story_id is None:
            return
        self.ecq_app.autosaver.flush()
        story = self.store.get(Story, self.story_id)
        if story is None:
            return
        story.status = status
        saved = self.attempt(lambda: self.store.save(story))
        if saved is not None and self.story is not None:
            self.story.status = saved.status
            self._refresh_title()

    def action_stories(self) -> None:
        self._leave_part()
        self.show_picker(select=self.story_id)

    def action_back(self) -> None:
        focused = self.focused
        if self.mode == "editor" and isinstance(focused, PartEditor):
            # Step out of the text (saved first); a second Escape goes back. A lone ESC that was
            # really the start of an arrow key is undone by on_key below.
            self.ecq_app.autosaver.flush()
            self.stray_filter.note_escape()
            self._escaped_from = focused
            self._panel_widget(self.panel).focus()
            return
        if self.mode == "editor" and self.initial_story_id is None:
            self._leave_part()
            self.show_picker(select=self.story_id)
            return
        super().action_back()

    def on_screen_resume(self) -> None:
        # A dialog closed by Escape hands the focus back to the text: a split arrow key's tail
        # arriving now must not be typed either.
        self.stray_filter.note_escape()
        # The framework may have been switched from the palette: relabel what is on screen.
        current = self.framework()
        if self._framework is not None and getattr(current, "id", None) != getattr(self._framework, "id", None):
            self._framework = current
            if self.mode == "editor" and self.story_id and self.store.get(Story, self.story_id) is not None:
                self.open_story(self.story_id)
            else:
                self.show_picker()

    def on_key(self, event) -> None:
        """Outside the text box: ``[`` + ``A``-``D`` just after Escape was an arrow key cut in two."""
        if self.mode == "picker":
            # Letters that arrive with the Enter that opens a story (a fast typist, a slow link)
            # reach the picker before the story opens: keep them for its text.
            if event.key == "enter" and isinstance(self.focused, OptionList):
                self._entered_at = time.monotonic()
            elif event.is_printable and event.character and time.monotonic() - self._entered_at < TYPE_AHEAD_WINDOW:
                self._type_ahead.append(event.character)
                event.stop()
            return
        if self.mode != "editor" or isinstance(self.focused, PartEditor):
            return

        def undo_escape(direction: str) -> None:
            area = self._escaped_from or self.editor()
            area.focus()
            area.move_by_arrow(direction)

        if self.stray_filter.feed(event, release=lambda: None, set_timer=self.set_timer, on_arrow=undo_escape):
            event.stop()
            event.prevent_default()
            return



__all__ = ["WriteScreen", "STATUS_SYMBOLS", "ANALYSIS_DELAY"]
