"""Outline: a preview of the whole set of stories and an export to a file."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ecqtui import paths
from ecqtui.tui.screens._coach import survive
from ecqtui.tui.screens.base import StepScreen
from ecqtui.tui.widgets.dialogs import ConfirmScreen

VIEW_NAMES = {
    "outline": "Outline",
    "narrative": "Narrative",
    "resume": "Resume",
    "interview": "Interview notes",
}
EXPORT_FORMATS = (("text", "txt", "Plain text"), ("markdown", "md", "Markdown"), ("html", "html", "HTML"), ("docx", "docx", "Word (.docx)"))


def outline_module():
    import importlib

    try:
        outline = importlib.import_module("ecqtui.core.outline")
    except Exception:  # ImportError, or a half-installed module failing at import
        return None
    if not (hasattr(outline, "build_outline") and hasattr(outline, "render")):
        return None
    return outline


class OutlineScreen(StepScreen):
    STEP_ID = "outline"
    TITLE_TEXT = "Outline"
    CSS_PATH = str(paths.resource("styles") / "outline.tcss")
    HELP = (
        "The preview shows the current view as it will print. The outline gives each CCAR part as short "
        "bullets (its first sentences, long ones cut with ...); the narrative has your full text. v switches "
        "between the outline, the narrative, a resume view and interview notes. x exports the current view: choose the format (text, Markdown, "
        "HTML or Word) and the file name; an existing file is only replaced if you say yes. Exports are "
        "private to you (mode 600). Up, Down, Page Up and Page Down scroll."
    )
    BINDINGS = StepScreen.BINDINGS + [
        Binding("v", "next_view", "View", id="outline.view", tooltip="Outline, narrative, resume, interview"),
        Binding("x", "export", "Export", id="outline.export", tooltip="Write this view to a file"),
    ]

    def __init__(self, *, export: bool = False) -> None:
        super().__init__()
        self.view = "outline"
        self.export_on_open = export

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="outline-body"):
            yield Static(Content(""), id="outline-view", classes="hint")
            with VerticalScroll(id="outline-scroll"):
                yield Static(Content(""), id="outline-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.render_preview()
        self.call_after_refresh(self.render_preview)  # again at the panel's laid-out width
        self.query_one("#outline-scroll").focus()

    def on_resize(self) -> None:
        self.render_preview()
        if self.export_on_open:
            self.call_after_refresh(self.action_export)

    def on_screen_resume(self) -> None:
        self.render_preview()

    def render_text(self, fmt: str = "text", view: str | None = None, width: int | None = None):
        outline = outline_module()
        if outline is None:
            return None
        built = outline.build_outline(self.store.bank(), view=view or self.view, today=getattr(self.app, "today", None))
        if fmt == "text" and width:
            return outline.render(built, fmt, width=width)
        return outline.render(built, fmt)

    def render_preview(self) -> None:
        self.query_one("#outline-view", Static).update(
            Content(f"View: {VIEW_NAMES[self.view]}   (v: next view, x: export)")
        )
        # Wrapped to the panel, not to 80 columns: text wrapped twice leaves single words on lines.
        panel = self.query_one("#outline-scroll", VerticalScroll)
        width = (panel.scrollable_content_region.width or self.app.size.width - 4) - 1
        try:
            text = self.render_text("text", width=width)
        except Exception as exc:  # a rendering problem must not lose the screen
            survive(exc)
            text = f"The outline could not be built: {exc}"
        if text is None:
            text = "The outline is not available in this build."
        self.query_one("#outline-text", Static).update(Content(text))

    def action_next_view(self) -> None:
        views = list(VIEW_NAMES)
        self.view = views[(views.index(self.view) + 1) % len(views)]
        self.render_preview()
        self.query_one("#outline-scroll", VerticalScroll).scroll_home(animate=False)

    @work(exclusive=True)
    async def action_export(self) -> None:
        from ecqtui.safefile import write_new_file

        choice = await self.app.push_screen_wait(ExportScreen(self.view))
        if choice is None:
            return
        fmt, path = choice
        try:
            data = self.render_text(fmt)
        except Exception as exc:
            survive(exc)
            self.notify(f"Could not build the {fmt} export: {exc}", severity="error", markup=False)
            return
        if data is None:
            self.notify("The outline is not available in this build.", severity="error", markup=False)
            return
        raw = data if isinstance(data, bytes) else data.encode("utf-8")
        try:
            write_new_file(path, raw)
        except FileExistsError:
            if path.is_symlink():
                self.notify(f"Not written: {path} is a symbolic link.", severity="error", markup=False)
                return
            if not await self.app.push_screen_wait(ConfirmScreen("Replace the existing file?", str(path))):
                self.notify("Not exported; the existing file is unchanged.", markup=False)
                return
            try:
                write_new_file(path, raw, overwrite=True)
            except OSError as exc:
                self.notify(f"Not written: {exc}", severity="error", markup=False)
                return
        except OSError as exc:
            self.notify(f"Not written: {exc.strerror or exc}", severity="error", markup=False)
            return
        self.notify(f"Exported to {path}", markup=False)


class ExportScreen(ModalScreen[tuple[str, Path] | None]):
    """Choose a format and a file; Enter in the file name exports, Esc cancels (nothing typed is lost)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, view: str) -> None:
        super().__init__()
        self.view = view
        self.fmt = "text"

    def _default_path(self, ext: str) -> str:
        # Esc keeps what was typed: the last file name is offered again next time.
        remembered = getattr(self.app, "last_export_path", None)
        if remembered:
            return remembered
        return str(Path.home() / f"ecq-{self.view}.{ext}")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export-box"):
            yield Static(Content(f"Export the {VIEW_NAMES[self.view].lower()}"), classes="dialog-title")
            yield OptionList(*[Option(Content(label), id=fmt) for fmt, _ext, label in EXPORT_FORMATS], id="export-formats")
            with Horizontal(id="export-path-row"):
                yield Label("File ", classes="form-label")
                yield Input(self._default_path("txt"), id="export-path", compact=True, select_on_focus=False)
            yield Static(Content("Up/Down picks the format, Enter moves to the file name; Enter there exports."), classes="dialog-hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        formats = self.query_one("#export-formats", OptionList)
        formats.highlighted = 0
        formats.focus()

    @on(OptionList.OptionHighlighted, "#export-formats")
    def _format(self, event: OptionList.OptionHighlighted) -> None:
        self.fmt = event.option.id or "text"
        ext = dict((f, e) for f, e, _ in EXPORT_FORMATS)[self.fmt]
        path_input = self.query_one("#export-path", Input)
        if not path_input.value.strip():
            path_input.value = str(Path.home() / f"ecq-{self.view}.{ext}")
        current = Path(path_input.value)
        if current.suffix.lstrip(".") in {e for _, e, _ in EXPORT_FORMATS}:
            path_input.value = str(current.with_suffix("." + ext))

    @on(OptionList.OptionSelected, "#export-formats")
    def _chosen(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(Input.Submitted, "#export-path")
    def _export(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            return
        self.app.last_export_path = value  # type: ignore[attr-defined]
        self.dismiss((self.fmt, Path(value).expanduser().absolute()))

    def action_cancel(self) -> None:
        self.app.last_export_path = self.query_one("#export-path", Input).value.strip() or None  # type: ignore[attr-defined]
        self.dismiss(None)
