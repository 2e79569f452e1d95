"""What each screen looks like at 80x24 with the demo profile (pytest-textual-snapshot).

Regenerate with ``--snapshot-update`` only after looking at the report: the SVGs are the
record of what a person over SSH sees.
"""

from __future__ import annotations

from datetime import date

import pytest

from ecqtui.tui.app import make_app

SIZE = (80, 24)




class FixedDate(date):
    """Counts such as "14 from the last 10 years" depend on today; snapshots must not."""

    @classmethod
    def today(cls):
        return cls(2026, 11, 24)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    import ecqtui.core.progress
    import ecqtui.tui.screens.brainstorm

    monkeypatch.setattr(ecqtui.core.progress, "date", FixedDate)
    monkeypatch.setattr(ecqtui.tui.screens.brainstorm, "date", FixedDate)


@pytest.fixture
def app(demo_store):
    return make_app(demo_store)


def test_home(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE)


def test_home_no_color(snap_compare, demo_store, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(make_app(demo_store), terminal_size=SIZE)


def test_home_high_contrast(snap_compare, demo_store):
    assert snap_compare(make_app(demo_store, theme="ecq-high-contrast"), terminal_size=SIZE)


def test_help(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["f1"])


def test_self_eval_readiness(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["1"])


def test_self_eval_fit(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["1", "ctrl+n"])


def test_self_eval_ask_others(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["1", "ctrl+n", "ctrl+n"])


def test_self_eval_stages(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["1", "ctrl+n", "ctrl+n", "ctrl+n"])


def test_self_eval_summary(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["1", "ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n"])


def test_brainstorm(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["2"])


def test_brainstorm_form(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["2", "e"])


def test_brainstorm_delete_confirmation(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["2", "down", "d"])


def test_map(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["3"])


def test_map_coverage(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["3", "v"])


def test_rebalance(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["4"])


def test_outline(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["6"])


def test_outline_export_dialog(snap_compare, app, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", "/home/user")  # the default path is shown; keep it fixed
    assert snap_compare(app, terminal_size=SIZE, press=["6", "x"])


def test_framework_switch(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["f"])


def test_brainstorm_prompts(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["2", "p"])


def test_set_name_dialog(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["n"])


def test_map_lens_choice(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["3", "down", "l"])


def test_map_competencies(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["3", "c"])


def test_rebalance_retell(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["4", "enter", "y"])
