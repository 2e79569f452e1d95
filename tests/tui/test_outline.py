"""Outline: preview, views and export to a private file."""

from __future__ import annotations

import stat

from textual.widgets import Input, OptionList

from ecqtui.tui.app import make_app
from ecqtui.tui.screens.outline import ExportScreen, OutlineScreen
from ecqtui.tui.widgets.dialogs import ConfirmScreen
from tests.tui.test_app import visible_text


async def export(pilot, fmt_index: int, path) -> None:
    app = pilot.app
    await pilot.press("x")
    await pilot.pause()
    assert isinstance(app.screen, ExportScreen)
    formats = app.screen.query_one("#export-formats", OptionList)
    formats.highlighted = fmt_index
    await pilot.press("enter")  # to the file name
    path_input = app.screen.query_one("#export-path", Input)
    assert app.focused is path_input
    path_input.value = str(path)  # typing a long tmp path key by key only slows the test
    await pilot.press("enter")
    await pilot.pause(0.3)


async def test_preview_and_views(demo_store):
    title = demo_store.achievements()[0].title
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        assert isinstance(app.screen, OutlineScreen)
        first = str(app.screen.query_one("#outline-text").render())
        assert first.strip() and "not available" not in first
        await pilot.press("v")
        await pilot.pause()
        assert app.screen.view == "narrative"
        assert "Narrative" in visible_text(app)
        del title


async def test_export_writes_a_private_file_and_asks_before_replacing(demo_store, tmp_path):
    target = tmp_path / "out" / "ecq.md"
    target.parent.mkdir()
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        await export(pilot, 1, target)  # Markdown
        assert target.exists()
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        first = target.read_bytes()
        assert first.strip()
        target.write_bytes(b"keep me")
        await export(pilot, 1, target)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert target.read_bytes() == b"keep me"
        await export(pilot, 1, target)
        await pilot.press("y")
        await pilot.pause(0.3)
        assert target.read_bytes() == first


async def test_export_docx(demo_store, tmp_path):
    target = tmp_path / "ecq.docx"
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        await export(pilot, 3, target)
    assert target.read_bytes()[:2] == b"PK"  # a zip: Word's format
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


async def test_palette_export_opens_the_dialog(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        demo_app.action_export_outline()
        await pilot.pause(0.3)
        assert isinstance(demo_app.screen, ExportScreen)
