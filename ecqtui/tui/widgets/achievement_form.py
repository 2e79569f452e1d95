"""The achievement form: every field of a brainstormed achievement, saved as it is typed."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Footer, Input, Label, Static, TextArea

from ecqtui.core.figures import FigureError, exact_amount, parse_amount, parse_count, parse_year
from ecqtui.core.models import Achievement
from ecqtui.tui.widgets.ticks import TickBox


class AchievementForm(ModalScreen[str | None]):
    """Add or edit one achievement. Esc or Ctrl+S saves and closes; nothing typed is dropped.

    Dismisses with the achievement id when something was saved, else None.
    """

    BINDINGS = [
        Binding("escape", "close", "Save and close", id="form.close"),
        Binding("ctrl+s", "close", "Save and close", id="form.save", show=False),
    ]

    def __init__(self, achievement: Achievement | None = None, *, prompt: str = "", new: bool | None = None) -> None:
        super().__init__()
        #: A prompt by year starts a new achievement with its year filled in: still new.
        self.is_new = achievement is None if new is None else new
        #: The record being edited; its id is fixed so every autosave updates the same one.
        self.achievement = achievement or Achievement()
        self.prompt = prompt
        self.saved = False

    def compose(self) -> ComposeResult:
        a = self.achievement
        with Vertical(classes="dialog form", id="achievement-form"):
            title = "New achievement" if self.is_new else "Edit achievement"
            yield Static(Content(title), classes="dialog-title")
            if self.prompt:
                yield Static(Content(self.prompt), classes="dialog-detail form-prompt")
            with VerticalScroll(id="form-fields"):
                yield self._row("Title", Input(a.title, placeholder="What you led, in a few words", id="f-title", compact=True, select_on_focus=False))
                with Horizontal(classes="form-row"):
                    yield Label("Years", classes="form-label")
                    yield Input(str(a.start_year or ""), placeholder="from", id="f-start", compact=True, select_on_focus=False, classes="short")
                    yield Input(str(a.end_year or ""), placeholder="to", id="f-end", compact=True, select_on_focus=False, classes="short")
                    yield TickBox("ongoing", a.ongoing, id="f-ongoing", compact=True)
                yield self._row("People", Input(str(a.people) if a.people is not None else "", placeholder="led or affected, e.g. 142", id="f-people", compact=True, select_on_focus=False))
                yield self._row("Budget", Input(exact_amount(a.budget), placeholder="e.g. $4.2M, 850k", id="f-budget", compact=True, select_on_focus=False))
                yield self._row("Orgs", Input(str(a.organizations) if a.organizations is not None else "", placeholder="how many, e.g. 3", id="f-orgs", compact=True, select_on_focus=False))
                yield Label("Results, one per line (figures: %, $, days, people)", classes="form-caption")
                results = TextArea("\n".join(a.results), id="f-results", classes="form-area", compact=True)
                results.soft_wrap = True
                yield results
                yield Label("Summary: the situation and what you did", classes="form-caption")
                summary = TextArea(a.summary, id="f-summary", classes="form-area", compact=True)
                summary.soft_wrap = True
                yield summary
                yield Label("Notes", classes="form-caption")
                notes = TextArea(a.notes, id="f-notes", classes="form-area", compact=True)
                notes.soft_wrap = True
                yield notes
            yield Static(Content(""), id="form-errors", classes="warning-line")
            yield Static(Content("Saved as you type. Esc saves and closes. Tab moves between fields."), classes="dialog-hint")
        yield Footer(compact=True)

    @staticmethod
    def _row(label: str, widget) -> Horizontal:
        return Horizontal(Label(label, classes="form-label"), widget, classes="form-row")

    def on_mount(self) -> None:
        self.query_one("#f-title", Input).focus()
        # Changes posted while the fields were being filled in are not the user's typing.
        self.call_after_refresh(setattr, self, "_ready", True)

    _ready = False

    # --- building the record from the fields --------------------------------------------------

    def build(self) -> tuple[Achievement, list[str]]:
        """The achievement as the fields describe it, and the problems with any field."""
        a = Achievement.from_dict(self.achievement.to_dict())
        errors: list[str] = []
        #: (field label, text as typed) for fields that could not be read.
        self.unread: list[tuple[str, str]] = []

        def value(widget_id: str) -> str:
            return self.query_one(widget_id, Input).value

        a.title = value("#f-title")
        for attr, widget_id, parse, label in (
            ("start_year", "#f-start", parse_year, "From"),
            ("end_year", "#f-end", parse_year, "To"),
            ("people", "#f-people", parse_count, "People"),
            ("budget", "#f-budget", parse_amount, "Budget"),
            ("organizations", "#f-orgs", parse_count, "Orgs"),
        ):
            try:
                setattr(a, attr, parse(value(widget_id)))
            except FigureError as exc:
                errors.append(str(exc))
                self.unread.append((label, value(widget_id)))
        a.ongoing = self.query_one("#f-ongoing", Checkbox).value
        if a.ongoing:
            a.end_year = None
        if a.start_year and a.end_year and a.end_year < a.start_year:
            errors.append(f"the end year {a.end_year} is before the start year {a.start_year}")
            a.end_year = self.achievement.end_year if (self.achievement.end_year or 0) >= a.start_year else None
        a.results = [line.strip() for line in self.query_one("#f-results", TextArea).text.splitlines() if line.strip()]
        a.summary = self.query_one("#f-summary", TextArea).text
        a.notes = self.query_one("#f-notes", TextArea).text
        return a, errors

    def _has_content(self, a: Achievement) -> bool:
        return bool(a.title.strip() or a.summary.strip() or a.notes.strip() or a.results)

    #: The record as last built from the fields; saved if the form is gone when the save runs.
    _latest: Achievement | None = None

    def save_now(self) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        if store.read_only:
            return
        try:
            a, _errors = self.build()
        except NoMatches:  # the app is closing and the fields are already unmounted
            if self._latest is None:
                return
            a = self._latest
        if not self._has_content(a) and self.is_new:
            return
        if self.is_new and not a.title.strip():
            a.title = "Untitled achievement"
        store.save(a)
        self.achievement = a
        self.saved = True

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Checkbox.Changed)
    def _changed(self) -> None:
        if not self._ready:
            return
        self._latest, errors = self.build()
        self.query_one("#form-errors", Static).update(Content("\n".join(f"! {e}" for e in errors)))
        if self.app.store.read_only:  # type: ignore[attr-defined]
            return
        self.app.autosaver.schedule(f"achievement:{self.achievement.id}", self.save_now)  # type: ignore[attr-defined]

    @on(Input.Submitted)
    def _next_field(self) -> None:
        self.focus_next()

    _warned_unread = False

    def action_close(self) -> None:
        """Esc saves and closes; a field that cannot be read is never silently dropped.

        The first Esc explains and stays; a second one keeps the unread text in the notes.
        """
        _a, errors = self.build()
        if self.unread and not self.app.store.read_only:  # type: ignore[attr-defined]
            if not self._warned_unread:
                self._warned_unread = True
                self.notify("Some fields cannot be read (see the ! lines). Fix them, or press Esc again "
                            "to close and keep what you typed in the notes.", severity="warning", markup=False)
                return
            self.keep_unread_in_notes()
        self.leave_drafts()
        self.dismiss(self.achievement.id if self.saved else None)

    _unread_kept = False

    def keep_unread_in_notes(self) -> None:
        if self._unread_kept:
            return
        self._unread_kept = True
        notes = self.query_one("#f-notes", TextArea)
        kept = "\n".join(f"{label} as typed: {text}" for label, text in self.unread)
        notes.text = f"{notes.text.rstrip()}\n{kept}".lstrip("\n")

    def leave_drafts(self) -> None:
        """Quit, hang-up or close: everything in the form reaches the store now."""
        self.build()
        if self.unread:
            self.keep_unread_in_notes()
        self.app.autosaver.flush()  # type: ignore[attr-defined]
        if self._ready and not self.app.store.read_only:  # type: ignore[attr-defined]
            self.save_now()
