"""What Write CCAR looks like at 80x24 with the demo profile (pytest-textual-snapshot).

Regenerate with ``--snapshot-update`` only after looking at the report.
"""

from __future__ import annotations

import time

import pytest

from ecqtui.tui.app import make_app
from ecqtui.tui.screens.write import ANALYSIS_DELAY

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def _utc(monkeypatch):
    """Revision times are shown in local time: pin it."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def opening(story_id: str | None, *keys: str):
    async def run_before(pilot) -> None:
        await pilot.pause()
        pilot.app.open_step("write", story_id=story_id)
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
        await pilot.pause(ANALYSIS_DELAY + 0.1)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run_before


def test_picker(snap_compare, demo_store):
    assert snap_compare(make_app(demo_store), terminal_size=SIZE, run_before=opening(None))


def test_picker_no_color(snap_compare, demo_store, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(make_app(demo_store), terminal_size=SIZE, run_before=opening(None))


def test_editor_action_with_findings(snap_compare, demo_store):
    # s04: drafting, Results Driven, two competencies; Action is where the coach has most to say.
    assert snap_compare(make_app(demo_store), terminal_size=SIZE, run_before=opening("s04", "f4"))


def test_editor_checklist(snap_compare, demo_store):
    assert snap_compare(make_app(demo_store), terminal_size=SIZE, run_before=opening("s04", "f4", "ctrl+l"))


def test_editor_history(snap_compare, demo_store):
    # s02's Challenge has an earlier version in the demo profile.
    assert snap_compare(make_app(demo_store), terminal_size=SIZE, run_before=opening("s02", "ctrl+r"))


def test_editor_no_color(snap_compare, demo_store, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(make_app(demo_store), terminal_size=SIZE, run_before=opening("s04", "f4", "escape"))
