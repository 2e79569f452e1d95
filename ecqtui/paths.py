"""Where things live: the user's data file and the resources shipped with the package."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "ecq-tui"
DATA_FILE_NAME = "ecq.json"
#: Environment variable that names the data file (the --db option wins over it).
DB_ENV = "ECQ_TUI_DB"

_PACKAGE_DIR = Path(__file__).resolve().parent


def default_data_file() -> Path:
    """The data file used when neither --db nor ECQ_TUI_DB says otherwise."""
    # platformdirs is imported here, not at module level: --version must stay fast.
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / DATA_FILE_NAME


def data_file(cli_value: str | None = None) -> Path:
    """The data file chosen by --db, then ECQ_TUI_DB, then the default location."""
    chosen = cli_value or os.environ.get(DB_ENV) or None
    if chosen:
        return Path(chosen).expanduser().absolute()
    return default_data_file()


def resource(name: str) -> Path:
    """A folder shipped with ecq-tui (``styles`` or ``sample_data``).

    Installed from a wheel they sit inside the package; in a source checkout they are
    top-level folders beside it.
    """
    for base in (_PACKAGE_DIR, _PACKAGE_DIR.parent):
        candidate = base / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"ecq-tui is missing its {name!r} folder; reinstall the package")


def demo_file() -> Path:
    return resource("sample_data") / "demo.json"
