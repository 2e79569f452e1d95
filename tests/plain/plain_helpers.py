"""Drive plain mode without a terminal: typed lines (and Ctrl+C) fed to the line back end.

Not a conftest: a second conftest module would shadow tests/conftest.py for `from conftest import`.
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from ecqtui.core.bank import Bank
from ecqtui.plain.flow import PlainFlow
from ecqtui.plain.io import LineIO
from ecqtui.store import Store

REPO = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 24)
CTRL_C = object()  # in a list of typed lines: the user presses Ctrl+C here


class Keyboard(io.TextIOBase):
    """stdin for LineIO: each readline() is the next typed line; CTRL_C raises; the end is EOF."""

    def __init__(self, lines: list) -> None:
        self.lines = list(lines)

    def readline(self, size: int = -1) -> str:
        if not self.lines:
            return ""
        item = self.lines.pop(0)
        if item is CTRL_C:
            raise KeyboardInterrupt
        return item + "\n"


def run_lines(path: Path, lines: list) -> tuple[object, str, Keyboard]:
    """Run a plain session on ``path`` with ``lines`` typed; return (exit code or 'EOF', output, keyboard)."""
    out = io.StringIO()
    keyboard = Keyboard(lines)
    with Store.open(path) as store:
        try:
            code = PlainFlow(store, LineIO(keyboard, out), today=TODAY).run()
        except EOFError:
            code = "EOF"
    return code, out.getvalue(), keyboard


@pytest.fixture
def demo_db(tmp_path) -> Path:
    path = tmp_path / "demo.json"
    bank = Bank.from_dict(json.loads((REPO / "sample_data" / "demo.json").read_text(encoding="utf-8")))
    with Store.open(path) as store:
        store.replace_all(bank)
    return path


@pytest.fixture
def empty_db(tmp_path) -> Path:
    return tmp_path / "new.json"
