"""A damaged data file is refused, never written over (nor are its backups), and doctor
can put the newest good copy back while keeping the damaged one aside."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ecqtui.core.bank import SCHEMA_VERSION
from ecqtui.core.models import Achievement, Story
from ecqtui.store import (
    CorruptFileError,
    NewerSchemaError,
    Store,
    StoreError,
    backup_dir,
    diagnose,
    list_backups,
    lock_holder,
    restore_newest_backup,
)


def good_file(db: Path) -> bytes:
    """A data file with three backups; returns the good file's bytes."""
    for i in range(3):
        with Store.open(db) as store:
            store.save(Achievement(id=f"a{i}", title=f"Achievement {i}"))
            if i == 0:
                store.save(Story(id="s1", achievement_id="a0", action="The story’s words — keep them"))
    assert len(list_backups(db)) == 3
    return db.read_bytes()


def edit(raw: bytes, change) -> bytes:
    data = json.loads(raw)
    change(data)
    return json.dumps(data).encode()


def _newer(d):
    d["meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1


def _wrong_type(d):
    d["achievements"]["1"]["start_year"] = "2020"


def _story_without_achievement(d):
    d["stories"]["1"]["achievement_id"] = "gone"


def _no_version(d):
    d["meta"]["1"].pop("schema_version")


DAMAGE = {
    "empty": lambda raw: b"",
    "whitespace only": lambda raw: b"  \n",
    "nul bytes": lambda raw: b"\x00" * 4096,
    "truncated": lambda raw: raw[: len(raw) // 2],
    "trailing garbage": lambda raw: raw + b'ents":{}}',
    "top level list": lambda raw: b"[1, 2, 3]",
    "table not an object": lambda raw: edit(raw, lambda d: d.__setitem__("stories", [])),
    "document not an object": lambda raw: edit(raw, lambda d: d["stories"].__setitem__("1", "text")),
    "missing meta": lambda raw: edit(raw, lambda d: d.pop("meta")),
    "no schema version": lambda raw: edit(raw, _no_version),
    "newer schema": lambda raw: edit(raw, _newer),
    "invalid utf-8": lambda raw: raw.replace("’".encode(), b"\xff\xfe"),
    "wrong field type": lambda raw: edit(raw, _wrong_type),
    "dangling story": lambda raw: edit(raw, _story_without_achievement),
}
EXPECTED_STATE = {"empty": "empty", "whitespace only": "empty", "newer schema": "newer"}


def snapshot(db: Path) -> dict[str, bytes]:
    files = {p.name: p.read_bytes() for p in db.parent.iterdir() if p.is_file() and not p.name.endswith(".lock")}
    folder = backup_dir(db)
    if folder.is_dir():
        files.update({f"backups/{p.name}": p.read_bytes() for p in folder.iterdir()})
    return files


@pytest.fixture(params=sorted(DAMAGE))
def damaged(request, tmp_db) -> tuple[str, Path, bytes]:
    good = good_file(tmp_db)
    bad = DAMAGE[request.param](good)
    assert bad != good
    tmp_db.write_bytes(bad)
    return request.param, tmp_db, good


@pytest.mark.parametrize("read_only", [False, True], ids=["writer", "reader"])
def test_damaged_file_is_refused_and_left_untouched(damaged, read_only):
    name, db, _ = damaged
    before = snapshot(db)
    expected = NewerSchemaError if name == "newer schema" else CorruptFileError
    with pytest.raises(expected) as caught:
        Store.open(db, read_only=read_only)
    message = str(caught.value)
    assert str(db) in message and "has not been changed" in message
    if expected is CorruptFileError:
        assert caught.value.backups == list_backups(db)
        assert "doctor --restore" in message
    assert snapshot(db) == before  # no byte of the file or of any backup changed
    assert lock_holder(db) is None  # the failed open let go of the lock


def test_doctor_reports_the_damage(damaged):
    name, db, _ = damaged
    before = snapshot(db)
    report = diagnose(db)
    assert report.state == EXPECTED_STATE.get(name, "corrupt")
    assert not report.healthy
    assert [verdict for _, verdict in report.backups] == ["ok"] * 3
    assert snapshot(db) == before


def test_cli_refuses_damaged_file_without_a_traceback(damaged, run_cli, tmp_path):
    name, db, _ = damaged
    before = snapshot(db)
    export = run_cli("--db", db, "export", "--json", "-")
    assert export.returncode == 1
    assert export.stdout == ""
    assert str(db) in export.stderr
    assert "Traceback" not in export.stderr
    incoming = tmp_path / "incoming.json"
    incoming.write_text(json.dumps({"format": "ecq-tui", "schema_version": 1}), encoding="utf-8")
    imported = run_cli("--db", db, "import", incoming, "--force")
    assert imported.returncode == 1 and "Traceback" not in imported.stderr
    doctor = run_cli("--db", db, "doctor")
    assert doctor.returncode == 1
    assert f"state: {EXPECTED_STATE.get(name, 'corrupt')}" in doctor.stdout
    assert "Traceback" not in doctor.stderr
    snapshot_after = snapshot(db)
    snapshot_after.pop(incoming.name, None), before.pop(incoming.name, None)
    assert snapshot_after == before


def test_doctor_restore_puts_back_the_newest_good_backup_and_keeps_the_damaged_file(damaged, run_cli):
    name, db, good = damaged
    bad = db.read_bytes()
    result = run_cli("--db", db, "doctor", "--restore")
    assert result.returncode == 0, result.stderr
    assert db.read_bytes() == good
    kept = [p for p in db.parent.iterdir() if p.name.startswith(db.name + ".replaced-")]
    assert [p.read_bytes() for p in kept] == [bad]
    assert oct(kept[0].stat().st_mode & 0o777) == "0o600"
    with Store.open(db) as store:
        assert store.get(Story, "s1").action == "The story’s words — keep them"
    assert run_cli("--db", db, "doctor").returncode == 0


def test_restore_skips_a_damaged_newest_backup(tmp_db):
    good = good_file(tmp_db)
    folder = backup_dir(tmp_db)
    newest_bad = folder / "ecq-99991231T235959999999Z.json"
    newest_bad.write_bytes(b'{"meta": ')
    assert list_backups(tmp_db)[0] == newest_bad
    tmp_db.write_bytes(b"garbage")
    message = restore_newest_backup(tmp_db)
    assert tmp_db.read_bytes() == good
    assert list_backups(tmp_db)[1].name in message
    assert newest_bad.read_bytes() == b'{"meta": '  # damaged backups are left as they are


def test_restoring_twice_keeps_every_replaced_file(tmp_db):
    good = good_file(tmp_db)
    tmp_db.write_bytes(b"first damage")
    restore_newest_backup(tmp_db)
    restore_newest_backup(tmp_db)  # e.g. run twice by mistake, within the same second
    kept = sorted(p.read_bytes() for p in tmp_db.parent.iterdir() if ".replaced-" in p.name)
    assert kept == sorted([b"first damage", good])
    assert tmp_db.read_bytes() == good


def test_restore_without_a_good_backup_changes_nothing(tmp_db, run_cli):
    tmp_db.write_bytes(b"{broken")
    before = snapshot(tmp_db)
    with pytest.raises(StoreError):
        restore_newest_backup(tmp_db)
    result = run_cli("--db", tmp_db, "doctor", "--restore")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert snapshot(tmp_db) == before


def test_empty_file_without_backups_is_treated_as_new(tmp_db):
    tmp_db.write_bytes(b"")
    with Store.open(tmp_db) as store:
        assert store.report.created
        store.save(Achievement(id="a1", title="first words"))
    with Store.open(tmp_db, read_only=True) as store:
        assert store.get(Achievement, "a1").title == "first words"


def test_empty_file_cannot_be_opened_read_only(tmp_db, run_cli):
    tmp_db.write_bytes(b"")
    with pytest.raises(StoreError):
        Store.open(tmp_db, read_only=True)
    result = run_cli("--db", tmp_db, "export", "--json", "-")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert tmp_db.read_bytes() == b""


def test_a_folder_in_place_of_the_data_file_is_refused(tmp_path, run_cli):
    folder = tmp_path / "ecq.json"
    folder.mkdir()
    with pytest.raises(StoreError):
        Store.open(folder)
    result = run_cli("--db", folder, "export", "--json", "-")
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_doctor_on_a_healthy_file(tmp_db, run_cli):
    good_file(tmp_db)
    before = snapshot(tmp_db)
    result = run_cli("--db", tmp_db, "doctor")
    assert result.returncode == 0
    assert "state: ok" in result.stdout and "3 achievements, 1 stories" in result.stdout
    assert "Lock: free" in result.stdout
    assert snapshot(tmp_db) == before
