"""The wheel a user installs works from any folder: styles and demo data ship inside it.

Builds the wheel, installs it (with its dependencies, as a user would) into a brand-new
virtual environment, then runs the installed `ecq-tui` from an unrelated folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    (built,) = out.glob("ecq_tui-*.whl")
    return built


def test_wheel_carries_styles_demo_and_frameworks(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "ecqtui/sample_data/demo.json" in names
    assert "ecqtui/styles/app.tcss" in names
    assert "ecqtui/core/frameworks/classic.toml" in names
    assert "ecqtui/core/frameworks/2025.toml" in names
    assert not any(n.startswith("tests/") for n in names)


def test_installed_command_runs_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run(pip + [str(wheel)], check=True, capture_output=True, text=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ECQ_TUI_DB")}
    env["HOME"] = str(tmp_path / "home")
    exe = str(venv / "bin" / "ecq-tui")

    version = subprocess.run([exe, "--version"], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("ecq-tui ")

    export = subprocess.run([exe, "--demo", "export", "--json", "-"], cwd=elsewhere, env=env,
                            capture_output=True, text=True)
    assert export.returncode == 0, export.stderr
    data = json.loads(export.stdout)
    assert data["format"] == "ecq-tui" and len(data["achievements"]) >= 15

    # The default data file lands in the user's data folder, private.
    db = subprocess.run([exe, "doctor"], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert "Data file:" in db.stdout
    assert str(tmp_path / "home") in db.stdout
