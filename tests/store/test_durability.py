"""Durability: kill -9 at any moment and a full disk at any step never cost a saved word."""

from __future__ import annotations

import errno
import json
import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import ecqtui.safefile as safefile
from tests.conftest import cli_env
from ecqtui.core.bank import Bank
from ecqtui.core.models import Achievement, Story
from ecqtui.store import SaveError, Store, StoreError, list_backups

HELPERS = Path(__file__).resolve().parent / "helpers"
KILL_LOOPS = int(os.environ.get("ECQ_KILL_LOOPS", "200"))


def temp_files(db: Path) -> list[Path]:
    return sorted(p for p in db.parent.glob(f".{db.name}.*.tmp") if p.is_file())


# --- kill -9 loop ---------------------------------------------------------------------------


class LineReader:
    """Whole lines from a pipe, with a timeout so a wedged child fails the test instead of hanging it."""

    def __init__(self, fd: int):
        self.fd, self.buf = fd, b""

    def line(self, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError("the kill-loop helper stopped answering")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                chunk = os.read(self.fd, 65536)
                if not chunk:
                    raise AssertionError("the kill-loop helper died")
                self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return line.decode()


def make_decoys(folder: Path, name: str) -> dict[Path, bytes]:
    """Files the temp-file sweep must never touch: near misses of our temp-file names."""
    decoys = {
        folder / f".{name}.keep": b"prefix matches, suffix does not",
        folder / f"{name}.tmp": b"no leading dot",
        folder / ".other.json.abc123.tmp": b"another file's temp",
        folder / f".{name}x.abc.tmp": b"a longer name",
        folder / "notes.txt": b"the user's own notes",
    }
    for path, data in decoys.items():
        path.write_bytes(data)
    (folder / f".{name}.adir.tmp").mkdir()  # a folder with a temp-like name
    return decoys


@pytest.mark.slow
def test_kill9_loop_never_loses_an_acknowledged_save(tmp_path):
    folder = tmp_path / "data"
    db = folder / "ecq.json"
    with Store.open(db) as store:
        store.save(Achievement(id="a1", title="Kill loop"))
        store.save(Story(id="s1", achievement_id="a1", action="0"))
    decoys = make_decoys(folder, db.name)

    server = subprocess.Popen(
        [sys.executable, str(HELPERS / "kill_writer.py"), str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=cli_env(tmp_path), cwd=tmp_path,
    )
    reader = LineReader(server.stdout.fileno())
    rng = random.Random(os.environ.get("ECQ_KILL_SEED", "ecq"))
    stats = {"iterations_with_acks": 0, "in_flight_landed": 0, "orphans_swept": 0, "acks": 0}

    def send(line: str) -> None:
        server.stdin.write((line + "\n").encode())
        server.stdin.flush()

    base = 0
    try:
        for iteration in range(KILL_LOOPS):
            acks: list[int] = []

            def take(line: str) -> None:
                kind, _, value = line.partition(" ")
                if kind == "ack":
                    acks.append(int(value))
                elif kind == "error":
                    raise AssertionError(f"iteration {iteration}: writer failed: {value}")

            started = time.monotonic()
            send(f"spawn {base}")
            while not (line := reader.line()).startswith("pid "):
                take(line)
            pid = int(line.split()[1])
            time.sleep(max(0.0, rng.uniform(0.020, 0.300) - (time.monotonic() - started)))
            os.kill(pid, signal.SIGKILL)
            send(f"reap {pid}")
            while not (line := reader.line()).startswith(f"reaped {pid} "):
                take(line)
            assert os.WIFSIGNALED(int(line.split()[2])), f"iteration {iteration}: writer ended on its own"

            last = max(acks) if acks else base
            assert acks == list(range(base + 1, last + 1))  # one ack per save, in order
            raw = db.read_bytes()
            try:
                data = json.loads(raw)
            except ValueError as exc:
                raise AssertionError(f"iteration {iteration}: the data file is not valid JSON: {exc}") from None
            [story] = [doc for doc in data["stories"].values() if doc["id"] == "s1"]
            stored = int(story["action"])
            assert stored in (last, last + 1), f"iteration {iteration}: stored {stored}, last acknowledged {last}"

            stats["acks"] += len(acks)
            stats["iterations_with_acks"] += bool(acks)
            stats["in_flight_landed"] += stored == last + 1
            stats["orphans_swept"] += len(temp_files(db))
            with Store.open(db) as store:  # reopening sweeps orphans and reads every record
                assert store.get(Story, "s1").action == str(stored)
                assert temp_files(db) == [], f"iteration {iteration}: temp files left after reopening"
            for path, content in decoys.items():
                assert path.read_bytes() == content, f"iteration {iteration}: the sweep touched {path.name}"
            assert (folder / f".{db.name}.adir.tmp").is_dir()
            base = stored
    finally:
        if server.poll() is None:
            try:
                send("quit")
            except BrokenPipeError:
                pass
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        server.stdin.close()
        server.stdout.close()

    print(f"kill loop: {KILL_LOOPS} kills, {stats}")
    # The loop must really kill writers mid-save, not only during start-up.
    assert stats["iterations_with_acks"] >= KILL_LOOPS // 2, stats
    assert len(list_backups(db)) <= 5


# --- a full disk ---------------------------------------------------------------------------


class OsProxy:
    """The ``os`` module as ecqtui.safefile sees it, with one call replaced."""

    def __init__(self, **overrides):
        self.__dict__.update(overrides)

    def __getattr__(self, name):
        return getattr(os, name)


def enospc() -> OSError:
    return OSError(errno.ENOSPC, "No space left on device")


class HalfWrittenFile:
    """A file whose write puts half the bytes down and then finds the disk full."""

    def __init__(self, handle, hits: list):
        self.handle, self.hits = handle, hits

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()

    def write(self, data):
        self.hits.append("write")
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        raise enospc()

    def flush(self):
        self.handle.flush()

    def fileno(self):
        return self.handle.fileno()


def inject_enospc(monkeypatch, step: str) -> list:
    """Make ecqtui.safefile's ``step`` fail with ENOSPC; returns the list of hits."""
    hits: list = []
    if step == "write":
        def fdopen(fd, *args, **kwargs):
            return HalfWrittenFile(os.fdopen(fd, *args, **kwargs), hits)
        proxy = OsProxy(fdopen=fdopen)
    elif step == "fsync":
        def fsync(fd):
            hits.append("fsync")
            raise enospc()
        proxy = OsProxy(fsync=fsync)
    elif step == "replace":
        def replace(src, dst):
            hits.append("replace")
            raise enospc()
        proxy = OsProxy(replace=replace)
    else:
        raise ValueError(step)
    monkeypatch.setattr(safefile, "os", proxy)
    return hits


STEPS = ["write", "fsync", "replace"]


@pytest.fixture
def saved_store(tmp_db):
    with Store.open(tmp_db) as store:
        store.save(Achievement(id="a1", title="kept title"))
        store.save(Story(id="s1", achievement_id="a1", action="saved words"))
        yield store


@pytest.mark.parametrize("step", STEPS)
def test_full_disk_during_save_changes_nothing_and_the_store_keeps_working(saved_store, tmp_db, monkeypatch, step):
    before = tmp_db.read_bytes()
    hits = inject_enospc(monkeypatch, step)
    story = saved_store.get(Story, "s1")
    story.action = "words that did not fit"
    with pytest.raises(SaveError) as caught:
        saved_store.save(story)
    monkeypatch.undo()

    assert hits == [step]
    assert caught.value.error.errno == errno.ENOSPC
    assert str(caught.value).startswith("Not saved")
    assert tmp_db.read_bytes() == before
    assert temp_files(tmp_db) == []
    # Memory never runs ahead of disk: the failed change is gone, the saved one is there.
    assert saved_store.get(Story, "s1").action == "saved words"

    achievement = saved_store.get(Achievement, "a1")
    achievement.title = "a later change"
    saved_store.save(achievement)
    on_disk = json.loads(tmp_db.read_text(encoding="utf-8"))
    assert [d["title"] for d in on_disk["achievements"].values()] == ["a later change"]
    assert [d["action"] for d in on_disk["stories"].values()] == ["saved words"]
    assert "words that did not fit" not in tmp_db.read_text(encoding="utf-8")


@pytest.mark.parametrize("step", STEPS)
def test_full_disk_during_delete_and_profile_saves(saved_store, tmp_db, monkeypatch, step):
    before = tmp_db.read_bytes()
    inject_enospc(monkeypatch, step)
    with pytest.raises(SaveError):
        saved_store.delete(Achievement, "a1")
    profile = saved_store.profile()
    profile.name = "new name"
    with pytest.raises(SaveError):
        saved_store.save_profile(profile)
    monkeypatch.undo()
    assert tmp_db.read_bytes() == before
    assert temp_files(tmp_db) == []
    assert saved_store.get(Story, "s1").action == "saved words"
    assert saved_store.profile().name == ""


@pytest.mark.parametrize("step", STEPS)
def test_full_disk_during_import_changes_nothing(saved_store, tmp_db, monkeypatch, step):
    before = tmp_db.read_bytes()
    backups_before = [(p.name, p.read_bytes()) for p in list_backups(tmp_db)]
    inject_enospc(monkeypatch, step)
    with pytest.raises(SaveError):
        saved_store.replace_all(Bank(achievements=[Achievement(id="new", title="imported")]))
    monkeypatch.undo()
    assert tmp_db.read_bytes() == before
    assert temp_files(tmp_db) == []
    assert [a.id for a in saved_store.achievements()] == ["a1"]
    # only a completed backup copy may have been added
    backups_after = [(p.name, p.read_bytes()) for p in list_backups(tmp_db)]
    assert all(item in backups_after for item in backups_before) or len(backups_after) == 5


@pytest.mark.parametrize("step", STEPS)
def test_full_disk_while_opening_is_reported_and_changes_nothing(tmp_db, monkeypatch, step):
    with Store.open(tmp_db) as store:
        store.save(Achievement(id="a1", title="kept"))
    data = json.loads(tmp_db.read_text(encoding="utf-8"))
    data["achievements"]["1"]["title"] = "edited by hand, so opening makes a backup"
    tmp_db.write_text(json.dumps(data), encoding="utf-8")
    before = tmp_db.read_bytes()
    inject_enospc(monkeypatch, step)
    with pytest.raises(StoreError):  # a message for the user, not a raw OSError traceback
        Store.open(tmp_db)
    monkeypatch.undo()
    assert tmp_db.read_bytes() == before
    with Store.open(tmp_db) as store:  # the lock was released and the file still opens
        assert store.get(Achievement, "a1").title.startswith("edited by hand")


# --- memory never runs ahead of disk -----------------------------------------------------------


def test_a_lone_surrogate_does_not_wedge_the_store(tmp_db):
    """A lone surrogate (e.g. from a "\\ud83d" escape in an imported file) cannot be written as
    UTF-8; it is dropped and every later save still works."""
    with Store.open(tmp_db) as store:
        record = store.save(Achievement(id="a1", title="ok"))
        record.title = "half an emoji \ud83d here"
        record = store.save(record)
        assert record.title == "half an emoji  here"
        record.summary = "a later, ordinary change"
        store.save(record)
    assert json.loads(tmp_db.read_bytes().decode("utf-8"))
    with Store.open(tmp_db, read_only=True) as store:
        again = store.get(Achievement, "a1")
        assert (again.title, again.summary) == ("half an emoji  here", "a later, ordinary change")


def test_a_value_the_encoder_refuses_is_not_saved_and_the_store_keeps_working(saved_store, tmp_db, monkeypatch):
    """If the encoder refuses the data (orjson: ints beyond 64 bits, which the models now
    bound), the failed save must not linger in memory and make every later save fail too."""
    import ecqtui.store as store_module

    real = store_module.encode_json
    calls = []

    def refuse_once(data):
        calls.append(1)
        if len(calls) == 1:
            raise TypeError("Integer exceeds 64-bit range")
        return real(data)

    monkeypatch.setattr(store_module, "encode_json", refuse_once)
    before = tmp_db.read_bytes()
    achievement = saved_store.get(Achievement, "a1")
    achievement.people = 12
    with pytest.raises(SaveError):
        saved_store.save(achievement)
    assert tmp_db.read_bytes() == before
    assert saved_store.get(Achievement, "a1").people is None
    story = saved_store.get(Story, "s1")
    story.action = "saved after the failure"
    saved_store.save(story)
    assert "saved after the failure" in tmp_db.read_text(encoding="utf-8")


def test_an_unexpected_error_while_writing_drops_the_unsaved_change(saved_store, tmp_db, monkeypatch):
    before = tmp_db.read_bytes()

    def boom(*args, **kwargs):
        raise RuntimeError("unexpected")

    monkeypatch.setattr("ecqtui.store.atomic_write", boom)
    story = saved_store.get(Story, "s1")
    story.action = "never written"
    with pytest.raises(RuntimeError):
        saved_store.save(story)
    monkeypatch.undo()
    assert tmp_db.read_bytes() == before
    assert saved_store.get(Story, "s1").action == "saved words"
