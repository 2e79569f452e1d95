"""Navigation into the Write CCAR step (built in screens/write.py) from Home, the palette and Map."""

from __future__ import annotations

import sys
import types

import pytest
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import OptionList, Static

from ecqtui.tui.app import make_app
from ecqtui.tui.screens.home import HomeScreen


class FakeWriteScreen(Screen):
    """Stands in for the real WriteScreen so the wiring is tested on its own."""

    def __init__(self, story_id: str | None = None) -> None:
        super().__init__()
        self.story_id = story_id

    def compose(self) -> ComposeResult:
        yield Static("fake write")


@pytest.fixture
def fake_write(monkeypatch):
    module = types.ModuleType("ecqtui.tui.screens.write")
    module.WriteScreen = FakeWriteScreen
    monkeypatch.setitem(sys.modules, "ecqtui.tui.screens.write", module)
    return module


async def test_home_opens_write(demo_app, fake_write):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        assert isinstance(demo_app.screen, FakeWriteScreen)
        assert demo_app.screen.story_id is None
        await pilot.press("escape")  # the fake has no Back key; the app-level stack is what matters
        demo_app.pop_screen()
        await pilot.pause()
        assert isinstance(demo_app.screen, HomeScreen)


async def test_map_writes_the_highlighted_story(demo_store, fake_write):
    bank = demo_store.bank()
    story = next(s for s in bank.stories if len(bank.stories_for(s.achievement_id)) == 1)
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        options = app.screen.query_one("#map-achievements", OptionList)
        options.highlighted = options.get_option_index(story.achievement_id)
        await pilot.press("w")
        await pilot.pause(0.3)
        assert isinstance(app.screen, FakeWriteScreen)
        assert app.screen.story_id == story.id
        # Write sits above Map, so Escape returns to Map; a later jump to any step clears both.
        assert [type(s).__name__ for s in app.screen_stack[1:]] == ["HomeScreen", "MapScreen", "FakeWriteScreen"]
        app.open_step("brainstorm")
        await pilot.pause()
        assert [type(s).__name__ for s in app.screen_stack[1:]] == ["HomeScreen", "BrainstormScreen"]


async def test_palette_jump_replaces_the_current_step(demo_app, fake_write):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        demo_app.open_step("write")
        await pilot.pause()
        assert isinstance(demo_app.screen, FakeWriteScreen)
        assert [type(s).__name__ for s in demo_app.screen_stack[1:]] == ["HomeScreen", "FakeWriteScreen"]


async def test_without_the_write_module_home_says_so(demo_app, monkeypatch):
    monkeypatch.setitem(sys.modules, "ecqtui.tui.screens.write", None)  # import fails
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        assert isinstance(demo_app.screen, HomeScreen)


async def test_jumping_away_keeps_a_half_typed_recollection(empty_store, reopen, fake_write):
    from textual.widgets import Input, TabbedContent

    app = make_app(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        app.screen.query_one(TabbedContent).active = "others"
        await pilot.pause()
        app.screen.query_one("#rec-text", Input).focus()
        await pilot.press(*"Unfinished thought")
        app.open_step("brainstorm")
        await pilot.pause()
    assert [r.text for r in reopen(empty_store).recollections] == ["Unfinished thought"]
