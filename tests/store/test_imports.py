"""The import boundary: the core, the store and the command line never pull in the
full-screen stack (Textual, Rich) or the prompt stack (questionary), so scripts and
SSH sessions start fast and `ecq-tui --version` works without a terminal."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import cli_env
from ecqtui.core.models import Achievement
from ecqtui.store import Store

UI_PACKAGES = ("textual", "rich", "questionary", "prompt_toolkit")

CHECK = textwrap.dedent("""
    import json, sys
    import ecqtui.core.models, ecqtui.core.bank, ecqtui.core.self_eval, ecqtui.store, ecqtui.cli
    ecqtui.cli.build_parser()
    print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in %r)))
""" % (UI_PACKAGES,))


def test_core_store_and_parser_import_no_ui_packages(tmp_path):
    result = subprocess.run([sys.executable, "-c", CHECK], env=cli_env(tmp_path), cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def imported_modules(stderr: str) -> set[str]:
    """Top-level names of the modules `-X importtime` reports."""
    names = set()
    for line in stderr.splitlines():
        match = re.match(r"import time:\s+\d+\s+\|\s+\d+\s+\|\s+(\S+)", line.rstrip())
        if match:
            names.add(match.group(1).split(".")[0])
    return names


@pytest.fixture
def data_file(tmp_db):
    with Store.open(tmp_db) as store:
        store.save(Achievement(title="x"))
    return tmp_db


@pytest.mark.parametrize("args", [
    ["--version"],
    ["--help"],
    ["export", "--json", "-"],
    ["doctor"],
    ["export", "--help"],
    ["outline", "--format", "json"],
    ["outline", "--view", "interview"],
    ["suggest", "--json", "I led a reorganization of 300 staff"],
    ["plain", "--help"],
], ids=lambda a: " ".join(a))
def test_commands_never_import_the_ui_stack(args, data_file, tmp_path):
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "ecqtui", "--db", str(data_file), *args],
                            env=cli_env(tmp_path), cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    modules = imported_modules(result.stderr)
    assert "ecqtui" in modules  # the importtime report is really there
    assert not modules & set(UI_PACKAGES), sorted(modules & set(UI_PACKAGES))
