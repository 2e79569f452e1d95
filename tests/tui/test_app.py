"""The app shell: Home, help, the palette, quitting, signals and read-only."""

from __future__ import annotations

import os
import signal

from textual.widgets import OptionList

from ecqtui.core.models import Achievement
from ecqtui.store import Store
from ecqtui.tui.app import make_app
from ecqtui.tui.screens.home import HomeScreen
from ecqtui.tui.widgets.dialogs import HelpScreen


def visible_text(app) -> str:
    """Every line the screen shows, as plain text (what a person would read)."""
    lines = app.screen._compositor.render_update(full=True)
    from io import StringIO

    from rich.console import Console

    out = StringIO()
    Console(file=out, width=app.size.width, color_system=None, force_terminal=False, legacy_windows=False).print(lines)
    return out.getvalue()


async def test_home_lists_the_six_steps_and_resumes(demo_store):
    demo_store.set_last_step("rebalance")
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = visible_text(app)
        for name in ("Self-evaluation", "Brainstorm", "Map to ECQs", "Rebalance", "Write CCAR", "Outline"):
            assert name in text
        assert "[x]" in text and "[~]" in text  # state by symbol, not colour alone
        steps = app.screen.query_one("#home-steps", OptionList)
        assert steps.highlighted == 3  # Rebalance, where the user left off
        assert "Dana Whitfield" in app.sub_title


async def test_enter_opens_the_step_and_records_it(demo_store, reopen):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        steps = app.screen.query_one("#home-steps", OptionList)
        steps.highlighted = 1
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "BrainstormScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert reopen(demo_store).profile.last_step == "brainstorm"


async def test_help_opens_for_the_current_screen(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(demo_app.screen, HelpScreen)
        text = visible_text(demo_app)
        assert "Help: Brainstorm" in text and "Delete" in text
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(demo_app.screen, HelpScreen)


async def test_palette_offers_steps_and_no_screenshot(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [c.title for c in demo_app.get_system_commands(demo_app.screen)]
        assert titles and not any("screenshot" in t.lower() for t in titles)
        from ecqtui.tui.commands import StepCommands

        provider = StepCommands(demo_app.screen)
        found = [hit.text async for hit in provider.discover()]
        assert "Jump to step: Write CCAR" in found and "Export outline" in found and "Switch framework" in found
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Jump to step: Rebal")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert type(demo_app.screen).__name__ == "RebalanceScreen"


async def test_ctrl_q_flushes_a_pending_debounced_change(demo_store, reopen):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2", "a")
        await pilot.pause()
        await pilot.press(*"Typed just before quitting")
        assert app.autosaver.pending  # still inside the debounce window
        await pilot.press("ctrl+q")
        await pilot.pause()
    titles = [a.title for a in reopen(demo_store).achievements]
    assert "Typed just before quitting" in titles


async def test_sighup_flushes_and_exits(demo_store, reopen):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2", "a")
        await pilot.pause()
        await pilot.press(*"Saved on hangup")
        assert app.autosaver.pending
        os.kill(os.getpid(), signal.SIGHUP)
        await pilot.pause(0.2)
        assert app._exit or not app.is_running  # the handler asked the app to exit
    assert "Saved on hangup" in [a.title for a in reopen(demo_store).achievements]


async def test_escape_in_a_form_keeps_the_typed_text(demo_store, reopen):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2", "a")
        await pilot.pause()
        await pilot.press(*"Half a thought")
        await pilot.press("escape")  # closes the form
        await pilot.pause()
        await pilot.press("escape")  # back to Home
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert "Half a thought" in [a.title for a in reopen(demo_store).achievements]


async def test_read_only_shows_and_refuses_changes(demo_store, tmp_path):
    path = demo_store.path
    demo_store.close()
    store = Store.open(path, read_only=True)
    try:
        before = len(store.achievements())
        before_eval = store.self_evaluation().to_dict()
        app = make_app(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert "read-only" in app.sub_title
            assert "read-only" in visible_text(app)
            await pilot.press("2", "a")
            await pilot.pause()
            assert type(app.screen).__name__ == "BrainstormScreen"  # no form opened
            await pilot.press("escape", "1")
            await pilot.pause()
            from textual.widgets import Input, TextArea

            assert all(area.read_only for area in app.screen.query(TextArea))
            assert all(field.disabled for field in app.screen.query(Input))
            await pilot.press("y")  # answering is refused, not saved
            await pilot.pause()
            await pilot.press("ctrl+q")
        assert len(store.achievements()) == before
        assert store.self_evaluation().to_dict() == before_eval
    finally:
        store.close()


async def test_high_contrast_theme_is_offered(demo_store):
    app = make_app(demo_store, theme="ecq-high-contrast")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "ecq-high-contrast"


async def test_small_terminals_do_not_crash(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=(40, 12)) as pilot:
        for key in ("1", "escape", "2", "escape", "3", "escape", "4", "escape", "6", "escape"):
            await pilot.press(key)
            await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


def test_achievement_kind_is_what_the_store_expects():
    assert Achievement().ongoing is False


async def test_set_your_name_from_home(empty_store, reopen):
    app = make_app(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "n sets your name" in visible_text(app)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Pat [Lee]")
        await pilot.press("escape")  # Esc keeps what was typed
        await pilot.pause()
        assert "Pat [Lee]" in app.sub_title
    assert reopen(empty_store).profile.name == "Pat [Lee]"
