"""Fixtures for the full-screen app's tests (Pilot and snapshots).

* ``demo_store``: a Store opened on a private tmp copy of ``sample_data/demo.json``
  (imported through ``Bank.from_dict`` + ``store.replace_all``, exactly like ``--demo``).
* ``empty_store``: a Store on a fresh, empty profile (classic framework).
* ``demo_app`` / ``empty_app``: ``make_app(store)`` on those stores.
* ``reopen(store)``: close the store and open its file again, to assert on what reached disk.
* Autouse: no cursor blink, no animations, a fixed theme, and HOME/XDG dirs inside tmp_path,
  so the machine running the tests stays out of them and snapshots are stable.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ecqtui import paths
from ecqtui.core.bank import Bank
from ecqtui.store import Store


def load_demo_bank() -> Bank:
    return Bank.from_dict(json.loads(paths.demo_file().read_text(encoding="utf-8")))


def open_demo_store(folder: Path) -> Store:
    store = Store.open(folder / "demo.json")
    store.replace_all(load_demo_bank())
    return store


@pytest.fixture(autouse=True)
def _quiet_terminal(monkeypatch, tmp_path):
    """Keep the test machine's config, theme and animations out of the tests."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("ECQ_TUI_DB", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    # A coach failure is absorbed for users; in tests it must fail the test (see _coach.survive).
    monkeypatch.setenv("ECQ_TUI_STRICT", "1")
    # Blinking cursors make snapshots flaky.
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "cursor_blink", False, raising=False)
    monkeypatch.setattr(TextArea, "cursor_blink", False, raising=False)
    # The Input's blink timer toggles visibility even when cursor_blink is set on an instance later.
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None, raising=False)


@pytest.fixture
def demo_store(tmp_path):
    store = open_demo_store(tmp_path)
    yield store
    store.close()


@pytest.fixture
def empty_store(tmp_path):
    store = Store.open(tmp_path / "empty.json", framework="classic")
    yield store
    store.close()


def _make(store):
    from ecqtui.tui.app import make_app

    return make_app(store)


@pytest.fixture
def demo_app(demo_store):
    return _make(demo_store)


@pytest.fixture
def empty_app(empty_store):
    return _make(empty_store)


@pytest.fixture
def reopen():
    """``reopen(store) -> Bank``: close the store and read its file afresh."""
    opened: list[Store] = []

    def _reopen(store: Store) -> Bank:
        store.close()
        again = Store.open(store.path)
        opened.append(again)
        return again.bank()

    yield _reopen
    for store in opened:
        store.close()
