"""Career data is private: every file we write is 0600 and every folder we create 0700,
whatever the umask."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from ecqtui.core.models import Achievement
from ecqtui.safefile import atomic_write, write_new_file
from ecqtui.store import Store, backup_dir, list_backups


def mode(path: Path) -> str:
    return oct(stat.S_IMODE(os.lstat(path).st_mode))


@pytest.fixture(params=[0o022, 0o002], ids=["umask022", "umask002"])
def umask(request):
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def test_store_files_and_folders_are_private(umask, tmp_path):
    db = tmp_path / "fresh" / "ecq.json"
    with Store.open(db) as store:
        store.save(Achievement(title="private"))
        assert mode(db.parent) == "0o700"
        assert mode(db) == "0o600"
        assert mode(db.with_name("ecq.json.lock")) == "0o600"
    with Store.open(db) as store:  # a second session: backups on close
        store.save(Achievement(title="more"))
    assert mode(backup_dir(db)) == "0o700"
    assert len(list_backups(db)) == 2
    assert {mode(b) for b in list_backups(db)} == {"0o600"}
    assert mode(db) == "0o600"


def test_loose_existing_files_are_tightened_on_open(umask, tmp_db):
    with Store.open(tmp_db) as store:
        store.save(Achievement(title="x"))
    os.chmod(tmp_db, 0o644)
    lock = tmp_db.with_name(tmp_db.name + ".lock")
    os.chmod(lock, 0o644)
    with Store.open(tmp_db):
        assert mode(tmp_db) == "0o600"
        assert mode(lock) == "0o600"


def test_atomic_and_export_writes_are_private(umask, tmp_path):
    target = tmp_path / "data.json"
    atomic_write(target, b"{}")
    assert mode(target) == "0o600"
    os.chmod(target, 0o644)
    atomic_write(target, b"{} ")  # replacing a loose file leaves a private one
    assert mode(target) == "0o600"
    export = tmp_path / "export.json"
    write_new_file(export, b"{}")
    assert mode(export) == "0o600"


def test_cli_creates_private_files_under_a_loose_umask(umask, tmp_path, run_cli):
    db = tmp_path / "new" / "deeper" / "ecq.json"
    incoming = tmp_path / "in.json"
    incoming.write_text(json.dumps({"format": "ecq-tui", "schema_version": 1,
                                    "achievements": [{"id": "a1", "title": "t"}]}), encoding="utf-8")
    result = run_cli("--db", db, "import", incoming, umask=umask)
    assert result.returncode == 0, result.stderr
    for folder in (db.parent, db.parent.parent):  # every folder ecq-tui created
        assert mode(folder) == "0o700", folder
    assert mode(db) == "0o600"
    assert mode(db.with_name("ecq.json.lock")) == "0o600"
    assert mode(backup_dir(db)) == "0o700"
    assert {mode(b) for b in list_backups(db)} == {"0o600"}
    export = tmp_path / "out.json"
    result = run_cli("--db", db, "export", "--json", export, umask=umask)
    assert result.returncode == 0, result.stderr
    assert mode(export) == "0o600"
    assert "readable only by you" in result.stderr
