"""One writer per data file: a second writer is refused at once with who holds the file,
readers still work, a crashed holder never leaves a stale lock."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import cli_env
from ecqtui.core.bank import Bank
from ecqtui.core.models import Achievement, Profile, Recollection, SelfEvaluation, Story
from ecqtui.store import LockedError, ReadOnlyError, Store, StoreError, diagnose, lock_holder

HELPERS = Path(__file__).resolve().parent / "helpers"


def snapshot(db: Path) -> dict[str, bytes]:
    """The bytes of the data file and of every backup, to prove nothing was written."""
    files = {db.name: db.read_bytes()}
    backups = db.with_name(db.name + ".backups")
    if backups.is_dir():
        files.update({p.name: p.read_bytes() for p in backups.iterdir()})
    return files


def start_holder(db: Path, tmp_path: Path, *extra: str) -> tuple[subprocess.Popen, dict]:
    proc = subprocess.Popen(
        [sys.executable, str(HELPERS / "hold_store.py"), str(db), *extra],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=cli_env(tmp_path), cwd=tmp_path,
    )
    line = proc.stdout.readline()
    if not line:
        proc.kill()
        raise AssertionError(f"holder did not start: {proc.communicate()[1].decode()}")
    info = json.loads(line)
    lock_file = db.with_name(db.name + ".lock")
    info["lock"] = json.loads(lock_file.read_text(encoding="utf-8")) if "--read-only" not in extra else None
    return proc, info


@pytest.fixture
def seeded_db(tmp_db: Path) -> Path:
    with Store.open(tmp_db) as store:
        store.save_profile(Profile(name="Holder"))
        store.save(Achievement(id="a1", title="Held achievement"))
        store.save(Story(id="s1", achievement_id="a1", action="Held story"))
    return tmp_db


@pytest.fixture
def holder(seeded_db: Path, tmp_path: Path):
    proc, info = start_holder(seeded_db, tmp_path)
    yield proc, info
    if proc.poll() is None:
        proc.stdin.close()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    proc.stdout.close()
    proc.stderr.close()


@pytest.fixture
def export_file(tmp_path: Path) -> Path:
    path = tmp_path / "import-me.json"
    bank = Bank(achievements=[Achievement(id="x1", title="From an export")])
    path.write_text(json.dumps(bank.to_dict()), encoding="utf-8")
    return path


@pytest.mark.slow
def test_second_writer_is_refused_at_once_naming_the_holder(holder, seeded_db, export_file, run_cli):
    proc, info = holder
    assert info["lock"]["pid"] == proc.pid
    before = snapshot(seeded_db)

    started = time.monotonic()
    result = run_cli("--db", seeded_db, "import", export_file, "--force")
    elapsed = time.monotonic() - started

    assert result.returncode == 1
    assert elapsed < 1.0, f"refusal took {elapsed:.2f}s"
    assert "Traceback" not in result.stderr
    assert f"host {socket.gethostname()}" in result.stderr
    assert f"process {proc.pid}" in result.stderr
    assert f"since {info['lock']['since']}" in result.stderr
    assert str(seeded_db) in result.stderr
    assert snapshot(seeded_db) == before
    assert proc.poll() is None  # A is untouched and still running


@pytest.mark.slow
def test_reader_succeeds_while_the_file_is_held(holder, seeded_db, run_cli):
    before = snapshot(seeded_db)
    result = run_cli("--db", seeded_db, "export", "--json", "-")
    assert result.returncode == 0, result.stderr
    exported = Bank.from_dict(json.loads(result.stdout))
    assert [s.action for s in exported.stories] == ["Held story"]
    doctor = run_cli("--db", seeded_db, "doctor")
    assert doctor.returncode == 0
    assert f"held by host {socket.gethostname()}, process {holder[0].pid}" in doctor.stdout
    assert snapshot(seeded_db) == before


def test_in_process_open_against_a_holder_raises_locked_error(holder, seeded_db):
    proc, info = holder
    before = snapshot(seeded_db)
    with pytest.raises(LockedError) as caught:
        Store.open(seeded_db)
    assert caught.value.holder == info["lock"]
    assert lock_holder(seeded_db) == info["lock"]
    with pytest.raises(StoreError):  # doctor --restore must not go around the lock either
        from ecqtui.store import restore_newest_backup

        restore_newest_backup(seeded_db)
    assert snapshot(seeded_db) == before


@pytest.mark.slow
def test_a_killed_holder_leaves_no_stale_lock(holder, seeded_db, export_file, run_cli):
    proc, info = holder
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    # The lock file still names the dead process, but the kernel has dropped its lock.
    assert json.loads(seeded_db.with_name(seeded_db.name + ".lock").read_text())["pid"] == proc.pid
    assert lock_holder(seeded_db) is None
    result = run_cli("--db", seeded_db, "import", export_file, "--force")
    assert result.returncode == 0, result.stderr
    with Store.open(seeded_db) as store:
        assert [a.id for a in store.achievements()] == ["x1"]


def test_a_closed_holder_releases_the_lock(seeded_db, tmp_path):
    proc, _ = start_holder(seeded_db, tmp_path)
    proc.stdin.close()
    assert proc.wait(timeout=10) == 0
    proc.stdout.close(), proc.stderr.close()
    assert lock_holder(seeded_db) is None
    with Store.open(seeded_db) as store:
        store.save(Achievement(id="a2", title="after"))


def test_same_process_double_open_is_refused_and_the_first_keeps_its_lock(seeded_db, tmp_path, export_file, run_cli):
    with Store.open(seeded_db) as first:
        with pytest.raises(LockedError) as caught:
            Store.open(seeded_db)
        assert caught.value.holder["pid"] == os.getpid()
        diagnose(seeded_db)  # looking at the lock from the same process must not drop it
        # POSIX locks vanish when *any* descriptor of the file is closed by the process:
        # the refusal above must not have opened and closed the lock file.
        result = run_cli("--db", seeded_db, "import", export_file, "--force")
        assert result.returncode == 1, "another process could take the lock of an open store"
        assert f"process {os.getpid()}" in result.stderr
        first.save(Achievement(id="a2", title="still mine"))
    with Store.open(seeded_db) as again:  # and it is free after the close
        assert again.get(Achievement, "a2").title == "still mine"


def test_read_only_open_works_while_locked_and_refuses_every_write(holder, seeded_db):
    before = snapshot(seeded_db)
    with Store.open(seeded_db, read_only=True) as reader:
        assert reader.read_only
        assert reader.get(Story, "s1").action == "Held story"
        story = reader.get(Story, "s1")
        story.action = "sneaky"
        writes = [
            lambda: reader.save(story),
            lambda: reader.save(Achievement(title="new")),
            lambda: reader.delete(Achievement, "a1"),
            lambda: reader.save_profile(Profile(name="x")),
            lambda: reader.save_self_evaluation(SelfEvaluation(decision="commit")),
            lambda: reader.replace_all(Bank()),
            lambda: reader.save(Recollection(text="x")),
        ]
        for write in writes:
            with pytest.raises(ReadOnlyError):
                write()
        assert reader.get(Story, "s1").action == "Held story"
    assert snapshot(seeded_db) == before


def test_read_only_open_without_any_holder_changes_nothing(seeded_db):
    before = snapshot(seeded_db)
    with Store.open(seeded_db, read_only=True) as reader:
        with pytest.raises(ReadOnlyError):
            reader.save(Achievement(title="x"))
        # a reader takes no lock: a writer can open alongside it
        with Store.open(seeded_db) as writer:
            writer.save(Achievement(id="w1", title="writer"))
    assert seeded_db.read_bytes() != before[seeded_db.name]


def test_read_only_open_of_a_missing_file_is_refused(tmp_db):
    with pytest.raises(StoreError):
        Store.open(tmp_db, read_only=True)
    assert not tmp_db.exists()


def test_import_with_read_only_flag_is_refused(seeded_db, export_file, run_cli):
    before = snapshot(seeded_db)
    result = run_cli("--db", seeded_db, "--read-only", "import", export_file, "--force")
    assert result.returncode == 2
    assert "read-only" in result.stderr
    assert snapshot(seeded_db) == before
