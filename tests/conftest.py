"""Shared fixtures for the whole test suite (keep this small).

* ``tmp_db``: the path of a fresh, not yet existing data file inside ``tmp_path``.
* ``run_cli(*args, env=None, input=None, **kw)``: run ``python -m ecqtui ARGS`` in a
  subprocess with cwd=tmp_path and the repository on PYTHONPATH; returns the
  CompletedProcess with text output. ``env`` adds variables (a value of None removes one).
  HOME and XDG_DATA_HOME point into tmp_path and ECQ_TUI_DB is removed, so a test can never
  touch the real user's data file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]


def cli_env(tmp_path: Path, extra: dict[str, str | None] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("ECQ_TUI_DB", None)
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env["HOME"] = str(home)
    env["XDG_DATA_HOME"] = str(home / ".local" / "share")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    for key, value in (extra or {}).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


@pytest.fixture
def tmp_db(tmp_path: Path) -> Path:
    return tmp_path / "ecq.json"


@pytest.fixture
def run_cli(tmp_path: Path):
    def run(*args, env: dict[str, str | None] | None = None, input=None, timeout: float = 60, **kwargs):
        kwargs.setdefault("encoding", "utf-8")
        return subprocess.run(
            [sys.executable, "-m", "ecqtui", *map(str, args)],
            cwd=tmp_path,
            env=cli_env(tmp_path, env),
            input=input,
            capture_output=True,
            timeout=timeout,
            **kwargs,
        )

    return run
