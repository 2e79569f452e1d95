"""What several commands share: finding and opening the data file, demo copies."""

from __future__ import annotations

import argparse
import atexit
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ecqtui import paths
from ecqtui.errors import CommandError

if TYPE_CHECKING:
    from ecqtui.store import Store


def data_path(args: argparse.Namespace) -> Path:
    """The data file the command works on; with --demo a fresh private copy of the demo."""
    if getattr(args, "demo", False):
        if getattr(args, "db", None):
            raise CommandError("ecq-tui: --demo and --db cannot be used together", 2)
        return make_demo_copy()
    return paths.data_file(getattr(args, "db", None))


def make_demo_copy() -> Path:
    """Import the shipped demo profile into a throw-away 0700 folder; the original stays untouched."""
    import json

    from ecqtui.core.bank import Bank
    from ecqtui.store import Store

    folder = Path(tempfile.mkdtemp(prefix="ecq-tui-demo-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    target = folder / "demo.json"
    bank = Bank.from_dict(json.loads(paths.demo_file().read_text(encoding="utf-8")))
    with Store.open(target) as store:
        store.replace_all(bank)
    return target


@contextmanager
def opened_store(args: argparse.Namespace, *, read_only: bool | None = None) -> Iterator[Store]:
    """Open the chosen data file, turning every store problem into a clear message."""
    from ecqtui.store import Store, StoreError

    if read_only is None:
        read_only = bool(getattr(args, "read_only", False))
    path = data_path(args)
    try:
        store = Store.open(path, read_only=read_only, framework=getattr(args, "framework", None))
    except StoreError as exc:
        raise CommandError(f"ecq-tui: {exc}", 1) from None
    try:
        yield store
    except StoreError as exc:
        raise CommandError(f"ecq-tui: {exc}", 1) from None
    finally:
        store.close()


def say(message: str) -> None:
    print(message, file=sys.stderr)
