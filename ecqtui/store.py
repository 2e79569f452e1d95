"""The user's profile on disk: TinyDB behind a repository API that never loses words.

Front ends call :class:`Store` methods and never touch TinyDB. What the store promises:

* every change is written at once, atomically (see :mod:`ecqtui.safefile`), so a crash,
  kill -9 or full disk leaves the last saved state or the one before it;
* one writer per file: an exclusive lock held for the session (a second window is told who
  holds it and may open read-only);
* a file that is corrupt, truncated, empty while backups exist, or from a newer ecq-tui is
  never written to; the error names the file and its backups, and ``ecq-tui doctor`` helps;
* the last five good copies are kept in a ``<name>.backups`` folder beside the file;
* files are 0600 and folders 0700 whatever the umask.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import socket
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

try:  # orjson encodes a large profile ~10x faster than json; the format is identical.
    import orjson as _orjson
except ImportError:  # pragma: no cover - exotic platforms without an orjson wheel
    _orjson = None

from tinydb import Query, TinyDB
from tinydb.storages import Storage

from ecqtui.core.bank import SCHEMA_VERSION, Bank, BankError
from ecqtui.core.models import (
    RECORD_KINDS,
    Achievement,
    ModelError,
    Profile,
    Recollection,
    Record,
    Revision,
    SelfEvaluation,
    Story,
    now_iso,
)
from ecqtui.safefile import (
    atomic_write,
    ensure_private_dir,
    ensure_private_file,
    sweep_temp_files,
)

#: How many good copies of the data file are kept.
BACKUPS_KEPT = 5
#: Typing saves often; an earlier text is kept as a revision at most this often per field.
REVISION_INTERVAL = timedelta(minutes=5)
#: Revisions kept per field of a record (oldest dropped first).
REVISIONS_PER_FIELD = 30

#: Forward migrations of the raw tables: MIGRATIONS[n] turns version n into n + 1.
#: Version 1 is the first released layout, so there are none yet; each one added here
#: must come with a test that opens a file of the old version.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}

SINGLETON_TABLES = ("meta", "profile", "self_evaluation")
RECORD_TABLES = tuple(RECORD_KINDS) + ("revisions",)
ALL_TABLES = SINGLETON_TABLES + RECORD_TABLES

R = TypeVar("R", bound=Record)


# --- errors --------------------------------------------------------------------------------


class StoreError(Exception):
    """Something about the data file that the user must hear about, in plain words."""


class CorruptFileError(StoreError):
    def __init__(self, path: Path, reason: str, backups: list[Path]):
        self.path, self.reason, self.backups = path, reason, backups
        lines = [f"The data file {path} cannot be read: {reason}.", "It has not been changed."]
        if backups:
            lines.append(f"Good copies are kept in {backups[0].parent} (newest: {backups[0].name}).")
            lines.append("Run 'ecq-tui doctor --restore' to put the newest good copy back.")
        else:
            lines.append("No backup copies were found. Keep the file; 'ecq-tui doctor' explains more.")
        super().__init__("\n".join(lines))


class NewerSchemaError(StoreError):
    def __init__(self, path: Path, version: int):
        self.path, self.version = path, version
        super().__init__(
            f"The data file {path} was written by a newer ecq-tui (data version {version}; "
            f"this one understands up to {SCHEMA_VERSION}). It has not been changed. "
            "Upgrade ecq-tui to open it."
        )


class LockedError(StoreError):
    def __init__(self, path: Path, holder: dict):
        self.path, self.holder = path, holder
        who = describe_holder(holder)
        super().__init__(
            f"The data file {path} is open in another ecq-tui ({who}). "
            "Close that one first, or open this one read-only (--read-only)."
        )


class ReadOnlyError(StoreError):
    def __init__(self, path: Path):
        super().__init__(f"{path} is open read-only: nothing can be changed in this window.")


class SaveError(StoreError):
    """A write failed (disk full, permissions); the file on disk still holds the last save."""

    def __init__(self, path: Path, error: OSError):
        self.path, self.error = path, error
        reason = error.strerror or str(error)
        super().__init__(
            f"Not saved: {reason} while writing {path}. The file still holds your last saved "
            "work; free some space or fix the problem and the next change will save everything."
        )


def describe_holder(holder: dict) -> str:
    host = holder.get("host") or "unknown host"
    pid = holder.get("pid") or "?"
    since = holder.get("since") or "an unknown time"
    return f"host {host}, process {pid}, since {since}"


def encode_json(data: Any) -> bytes:
    if _orjson is not None:
        return _orjson.dumps(data)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode_json(raw: bytes) -> Any:
    """Parse UTF-8 JSON; raises UnicodeDecodeError or json.JSONDecodeError like json.loads."""
    text = raw.decode("utf-8")  # strict: orjson would report bad UTF-8 less clearly
    if _orjson is not None:
        try:
            return _orjson.loads(text)
        except _orjson.JSONDecodeError:
            pass  # let json produce its message with line and column
    return json.loads(text)


# --- storage ---------------------------------------------------------------------------------


class AtomicJSONStorage(Storage):
    """A TinyDB storage that replaces the whole file atomically on each write.

    TinyDB reads the entire database before every operation. The store holds the file's
    lock, so nobody else changes it, and the last state read or written is kept in memory
    instead of re-parsing the file each time. A failed write drops that copy, so memory
    never runs ahead of disk.
    """

    def __init__(self, path: str | Path, initial: dict | None = None, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self._data: dict | None = initial
        self._batch_depth = 0
        self._dirty = False

    def read(self) -> dict | None:
        if self._data is None:
            self._data = decode_json(self.path.read_bytes())
        return self._data

    def write(self, data: dict) -> None:
        if self.read_only:
            raise ReadOnlyError(self.path)
        self._data = data
        if self._batch_depth:
            self._dirty = True
            return
        self._flush()

    def _flush(self) -> None:
        try:
            atomic_write(self.path, encode_json(self._data))
        except OSError as exc:
            self._data = None  # re-read what is really on disk next time
            raise SaveError(self.path, exc) from exc
        except (TypeError, ValueError) as exc:  # a value JSON cannot hold (orjson: ints beyond 64 bits)
            self._data = None
            raise SaveError(self.path, OSError(errno.EINVAL, f"a value cannot be stored ({exc})")) from exc
        except BaseException:
            self._data = None  # memory must never run ahead of disk
            raise
        finally:
            self._dirty = False

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group several TinyDB operations into one atomic file write."""
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._batch_depth -= 1
            if self._batch_depth == 0:
                self._data, self._dirty = None, False  # drop the half-applied change
            raise
        self._batch_depth -= 1
        if self._batch_depth == 0 and self._dirty:
            self._flush()

    def close(self) -> None:
        pass


# --- the lock ----------------------------------------------------------------------------------

#: Lock files this process holds -> what it wrote in them. Never open a held lock file to
#: read it: closing any descriptor of a file drops all of this process's POSIX locks on it.
_HELD_IN_THIS_PROCESS: dict[Path, dict] = {}


class SessionLock:
    """An exclusive lock on ``<data file>.lock`` for as long as the store is open.

    POSIX ``lockf`` works over NFS where ``flock`` does not, and the kernel drops it when
    the process dies, so a crashed session never leaves a stale lock. Where the file system
    offers no locks (ENOLCK) we fall back to the owner recorded in the file, taking it over
    when that process is gone.
    """

    def __init__(self, data_path: Path):
        self.path = data_path.with_name(data_path.name + ".lock")
        self._fd: int | None = None
        self.fallback = False

    def acquire(self) -> None:
        key = self.path.resolve()
        if key in _HELD_IN_THIS_PROCESS:  # lockf cannot see our own process's locks
            raise LockedError(self.path.with_suffix(""), dict(_HELD_IN_THIS_PROCESS[key]))
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
        try:
            os.fchmod(fd, 0o600)
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno in (errno.EACCES, errno.EAGAIN):
                    raise LockedError(self._data_path(), read_holder(self.path) or {}) from None
                if exc.errno != errno.ENOLCK:
                    raise
                holder = read_holder(self.path)
                if holder and _holder_alive(holder):
                    raise LockedError(self._data_path(), holder) from None
                self.fallback = True
            info = {"host": socket.gethostname(), "pid": os.getpid(), "since": now_iso()}
            os.ftruncate(fd, 0)
            os.pwrite(fd, json.dumps(info).encode(), 0)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        _HELD_IN_THIS_PROCESS[key] = info

    def _data_path(self) -> Path:
        return self.path.with_name(self.path.name[: -len(".lock")])

    def release(self) -> None:
        if self._fd is None:
            return
        _HELD_IN_THIS_PROCESS.pop(self.path.resolve(), None)
        try:
            os.ftruncate(self._fd, 0)
        except OSError:
            pass
        os.close(self._fd)  # closing drops the lockf lock
        self._fd = None


def read_holder(lock_path: Path) -> dict | None:
    try:
        data = json.loads(lock_path.read_text(encoding="utf-8") or "null")
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def lock_holder(data_path: Path) -> dict | None:
    """Who holds the lock on ``data_path`` right now, or None when it is free."""
    lock_path = data_path.with_name(data_path.name + ".lock")
    if not lock_path.exists():
        return None
    held = _HELD_IN_THIS_PROCESS.get(lock_path.resolve())
    if held is not None:  # ours: opening the file here would drop our own lock
        return dict(held)
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EAGAIN):
            return read_holder(lock_path) or {}
        return None
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def _holder_alive(holder: dict) -> bool:
    if holder.get("host") != socket.gethostname():
        return True  # we cannot tell; be safe
    pid = holder.get("pid")
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# --- reading and checking a data file -------------------------------------------------------


def backup_dir(data_path: Path) -> Path:
    return data_path.with_name(data_path.name + ".backups")


def _sweep_backup_temps(data_path: Path) -> int:
    """Remove temp files a kill during a backup left in the backups folder."""
    folder = backup_dir(data_path)
    if not folder.is_dir():
        return 0
    removed = 0
    for entry in folder.iterdir():
        if entry.name.startswith(f".{data_path.stem}-") and entry.name.endswith(".tmp") and entry.is_file():
            with contextlib.suppress(OSError):
                entry.unlink()
                removed += 1
    return removed


def list_backups(data_path: Path) -> list[Path]:
    """Backup copies of ``data_path``, newest first."""
    folder = backup_dir(data_path)
    if not folder.is_dir():
        return []
    return sorted(
        (p for p in folder.iterdir() if p.suffix == ".json" and p.is_file() and not p.is_symlink()),
        key=lambda p: p.name,
        reverse=True,
    )


def check_tables(data: Any) -> int:
    """Validate raw tables read from disk; return their schema version.

    Raises ValueError with a reason a person can act on.
    """
    if not isinstance(data, dict):
        raise ValueError(f"its top level is {type(data).__name__}, not an object")
    meta = data.get("meta")
    if not isinstance(meta, dict) or not meta:
        raise ValueError("it is not an ecq-tui data file (no 'meta' table)")
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise ValueError(f"the table {name!r} is damaged")
    version = next(iter(meta.values())).get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ValueError("it has no valid schema_version")
    return version


def read_tables(path: Path) -> tuple[dict | None, int]:
    """Parse and check ``path``: (tables, schema version), or (None, 0) for an empty file.

    Raises ValueError describing the damage.
    """
    raw = path.read_bytes()
    if not raw.strip():
        return None, 0
    try:
        data = decode_json(raw)
    except UnicodeDecodeError as exc:
        raise ValueError(f"it is not UTF-8 text (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"it is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    return data, check_tables(data)


def tables_to_bank(tables: dict) -> Bank:
    """Build a Bank from raw tables, validating every record (raises BankError)."""

    def single(name: str) -> dict:
        docs = tables.get(name) or {}
        return next(iter(docs.values())) if docs else {}

    def many(name: str) -> list[dict]:
        docs = tables.get(name) or {}
        return [docs[k] for k in sorted(docs, key=_doc_key)]

    export = {
        "format": "ecq-tui",
        "schema_version": SCHEMA_VERSION,
        "profile": single("profile"),
        "self_evaluation": single("self_evaluation"),
        **{name: many(name) for name in RECORD_TABLES},
    }
    return Bank.from_dict(export)


def _doc_key(key: str) -> tuple[int, str]:
    return (int(key), "") if key.isdigit() else (1 << 62, key)


def bank_to_tables(bank: Bank) -> dict:
    export = bank.to_dict()

    def numbered(items: list) -> dict:
        return {str(i): item for i, item in enumerate(items, start=1)}

    return {
        "meta": {"1": {"schema_version": SCHEMA_VERSION, "created": now_iso()}},
        "profile": {"1": export["profile"]},
        "self_evaluation": {"1": export["self_evaluation"]},
        **{name: numbered(export[name]) for name in RECORD_TABLES},
    }


def migrate(tables: dict, version: int) -> dict:
    """Bring raw tables from ``version`` up to SCHEMA_VERSION, one step at a time."""
    while version < SCHEMA_VERSION:
        tables = MIGRATIONS[version](tables)
        version += 1
        next(iter(tables["meta"].values()))["schema_version"] = version
    return tables


# --- the repository ------------------------------------------------------------------------------


@dataclass
class OpenReport:
    """What happened while opening, for the front end to mention once."""

    created: bool = False
    migrated_from: int | None = None
    swept_temp_files: int = 0
    backed_up: bool = False


class Store:
    """The one way the app reads and changes a profile.

    Open with :meth:`Store.open` (use it as a context manager). Read methods return fresh
    copies of records; change them and pass them back to :meth:`save`.
    """

    def __init__(self, path: Path, db: TinyDB, storage: AtomicJSONStorage, lock: SessionLock | None):
        self.path = path
        self._db = db
        self._storage = storage
        self._lock = lock
        self.read_only = lock is None
        self.report = OpenReport()
        self._closed = False

    # --- opening and closing ----------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, framework: str | None = None) -> Store:
        """Open (or create) the data file at ``path``.

        Raises CorruptFileError, NewerSchemaError, LockedError or StoreError with a message
        for the user; the file is never modified when opening fails.
        """
        path = Path(path).expanduser().absolute()
        if path.is_dir():
            raise StoreError(f"{path} is a folder; give the path of a data file (for example {path / 'ecq.json'}).")
        if read_only and not path.exists():
            raise StoreError(f"There is no data file at {path} to open read-only.")
        if not read_only:
            try:
                ensure_private_dir(path.parent)
            except OSError as exc:
                raise StoreError(f"Cannot create the folder {path.parent}: {exc.strerror}.") from None
        lock = None if read_only else SessionLock(path)
        if lock:
            try:
                lock.acquire()
            except OSError as exc:
                raise StoreError(f"Cannot lock {path}: {exc.strerror}.") from None
        try:
            return cls._open_locked(path, lock, framework)
        except BaseException:
            if lock:
                lock.release()
            raise

    @classmethod
    def _open_locked(cls, path: Path, lock: SessionLock | None, framework: str | None) -> Store:
        report = OpenReport()
        if lock:
            report.swept_temp_files = len(sweep_temp_files(path)) + _sweep_backup_temps(path)
        tables: dict | None = None
        version = 0
        if path.exists():
            if path.is_symlink() and lock:
                raise StoreError(f"{path} is a symbolic link; give the real file's path.")
            try:
                tables, version = read_tables(path)
            except ValueError as exc:
                raise CorruptFileError(path, str(exc), list_backups(path)) from None
            except OSError as exc:
                raise StoreError(f"Cannot read {path}: {exc.strerror}.") from None
            if tables is None and list_backups(path):
                raise CorruptFileError(path, "it is empty, although backups of it exist", list_backups(path))
            if version > SCHEMA_VERSION:
                raise NewerSchemaError(path, version)
            if tables is not None:
                try:
                    tables_to_bank(migrate(json.loads(json.dumps(tables)), version))
                except (BankError, ModelError, KeyError) as exc:
                    raise CorruptFileError(path, f"a record is damaged ({exc})", list_backups(path)) from None
        storage = AtomicJSONStorage(path, read_only=lock is None)
        store = cls(path, None, storage, lock)  # type: ignore[arg-type]
        store.report = report
        if tables is None:
            if lock is None:
                raise StoreError(f"{path} is empty; there is nothing to open read-only.")
            profile = Profile(framework=framework or "classic")
            storage._data = bank_to_tables(Bank(profile=profile))
            storage.write(storage._data)
            report.created = True
        else:
            storage._data = tables
            if lock:
                ensure_private_file(path)
                try:
                    report.backed_up = store._backup_if_changed()
                except OSError as exc:
                    raise SaveError(backup_dir(path), exc) from None
                if version < SCHEMA_VERSION:
                    storage.write(migrate(tables, version))
                    report.migrated_from = version
        store._db = TinyDB(storage=lambda: storage)  # type: ignore[arg-type]
        return store

    def close(self) -> None:
        """Back up the session's work and release the lock. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        try:
            if self._lock and self.path.exists():
                with contextlib.suppress(OSError, StoreError):
                    self._backup_if_changed()
        finally:
            if self._lock:
                self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- backups --------------------------------------------------------------------------------

    def _backup_if_changed(self) -> bool:
        """Copy the current file into the backups folder unless the newest copy is the same."""
        current = self.path.read_bytes()
        backups = list_backups(self.path)
        if backups and backups[0].read_bytes() == current:
            return False
        folder = backup_dir(self.path)
        ensure_private_dir(folder)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        atomic_write(folder / f"{self.path.stem}-{stamp}.json", current)
        for old in list_backups(self.path)[BACKUPS_KEPT:]:
            with contextlib.suppress(OSError):
                old.unlink()
        return True

    def backups(self) -> list[Path]:
        return list_backups(self.path)

    # --- reading ------------------------------------------------------------------------------------

    def _table(self, name: str):
        return self._db.table(name, cache_size=0)

    def _single(self, name: str) -> dict:
        docs = self._table(name).all()
        return dict(docs[0]) if docs else {}

    def bank(self) -> Bank:
        """A snapshot of the whole profile, for the coach, the outline and exports."""
        return tables_to_bank(self._storage.read() or {})

    def profile(self) -> Profile:
        return Profile.from_dict(self._single("profile"))

    def self_evaluation(self) -> SelfEvaluation:
        return SelfEvaluation.from_dict(self._single("self_evaluation"))

    def all(self, kind: type[R]) -> list[R]:
        """Every record of one kind, in the order they were created."""
        return [kind.from_dict(dict(doc)) for doc in self._table(_table_of(kind)).all()]  # type: ignore[attr-defined]

    def get(self, kind: type[R], record_id: str) -> R | None:
        doc = self._table(_table_of(kind)).get(Query().id == record_id)
        return kind.from_dict(dict(doc)) if doc else None  # type: ignore[attr-defined]

    def achievements(self) -> list[Achievement]:
        return self.all(Achievement)

    def stories(self) -> list[Story]:
        return self.all(Story)

    def recollections(self) -> list[Recollection]:
        return self.all(Recollection)

    def revisions(self, kind: str, record_id: str, field: str | None = None) -> list[Revision]:
        """Earlier texts of a record's fields, newest first."""
        q = Query()
        cond = (q.kind == kind) & (q.record_id == record_id)
        if field:
            cond &= q.field == field
        found = [Revision.from_dict(dict(d)) for d in self._table("revisions").search(cond)]
        found.sort(key=lambda r: r.at)  # stable: revisions of the same second stay in saving order
        return found[::-1]

    # --- changing ---------------------------------------------------------------------------------

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError(self.path)
        if self._closed:
            raise StoreError("the store is closed")

    def save_profile(self, profile: Profile) -> Profile:
        self._check_writable()
        clean = Profile.from_dict(profile.to_dict())
        with self._storage.batch():
            old = self.profile()
            self._keep_revisions("profile", "profile", old, clean, force=False)
            self._replace_single("profile", clean.to_dict())
        return clean

    def save_self_evaluation(self, evaluation: SelfEvaluation) -> SelfEvaluation:
        self._check_writable()
        clean = SelfEvaluation.from_dict(evaluation.to_dict())
        self._replace_single("self_evaluation", clean.to_dict())
        return clean

    def _replace_single(self, name: str, doc: dict) -> None:
        table = self._table(name)
        with self._storage.batch():
            table.truncate()
            table.insert(doc)

    def save(self, record: R, *, checkpoint: bool = False) -> R:
        """Insert or update a record; return the stored (sanitized) copy.

        Earlier values of its text fields go to the revision history, at most once per
        REVISION_INTERVAL per field unless ``checkpoint`` asks for one now.
        """
        self._check_writable()
        kind = type(record)
        table_name = _table_of(kind)
        data = record.to_dict()
        data["updated"] = now_iso()
        clean = kind.from_dict(data)  # type: ignore[attr-defined]
        table = self._table(table_name)
        with self._storage.batch():
            old = self.get(kind, clean.id)  # type: ignore[attr-defined]
            if old is not None:
                self._keep_revisions(table_name, clean.id, old, clean, force=checkpoint)  # type: ignore[attr-defined]
            if isinstance(clean, Story) and not self.get(Achievement, clean.achievement_id):
                raise StoreError(f"story {clean.id} tells an achievement that does not exist")
            table.upsert(clean.to_dict(), Query().id == clean.id)  # type: ignore[attr-defined]
        return clean

    def delete(self, kind: type[Record], record_id: str) -> int:
        """Delete a record (an achievement takes its stories with it); return how many went."""
        self._check_writable()
        q = Query()
        with self._storage.batch():
            removed = len(self._table(_table_of(kind)).remove(q.id == record_id))
            self._table("revisions").remove(q.record_id == record_id)
            if kind is Achievement:
                for story in [s for s in self.stories() if s.achievement_id == record_id]:
                    removed += self.delete(Story, story.id)
                for rec in self.recollections():
                    if rec.achievement_id == record_id:
                        rec.achievement_id = None
                        self._table("recollections").upsert(rec.to_dict(), q.id == rec.id)
        return removed

    def restore_revision(self, revision: Revision) -> Record:
        """Put an earlier text back; the text it replaces is kept as a revision."""
        self._check_writable()
        kind = RECORD_KINDS.get(revision.kind)
        if kind is None:
            raise StoreError(f"cannot restore a revision of {revision.kind!r}")
        record = self.get(kind, revision.record_id)
        if record is None:
            raise StoreError("the record of that revision no longer exists")
        setattr(record, revision.field, revision.text)
        return self.save(record, checkpoint=True)

    def _keep_revisions(self, kind: str, record_id: str, old: Record, new: Record, *, force: bool) -> None:
        table = self._table("revisions")
        for name in type(new).TEXT_FIELDS:
            before, after = getattr(old, name), getattr(new, name)
            if before == after or not before.strip():
                continue
            history = self.revisions(kind, record_id, name)
            if history and not force and _age(history[0].at) < REVISION_INTERVAL:
                continue
            table.insert(Revision(kind=kind, record_id=record_id, field=name, text=before).to_dict())
            # Drop the oldest by document id: several revisions can share one time stamp.
            q = Query()
            docs = table.search((q.kind == kind) & (q.record_id == record_id) & (q.field == name))
            docs.sort(key=lambda d: (str(d.get("at", "")), d.doc_id))
            if len(docs) > REVISIONS_PER_FIELD:
                table.remove(doc_ids=[d.doc_id for d in docs[: len(docs) - REVISIONS_PER_FIELD]])

    def replace_all(self, bank: Bank) -> None:
        """Replace the whole profile (import). The previous state is backed up first."""
        self._check_writable()
        bank = Bank.from_dict(bank.to_dict())
        try:
            self._backup_if_changed()
        except OSError as exc:
            raise SaveError(backup_dir(self.path), exc) from exc
        self._storage.write(bank_to_tables(bank))
        # TinyDB's tables cache the next document id; the new tables are numbered afresh.
        storage = self._storage
        self._db = TinyDB(storage=lambda: storage)  # type: ignore[arg-type]

    def set_last_step(self, step: str) -> None:
        profile = self.profile()
        if profile.last_step != step:
            profile.last_step = step
            self.save_profile(profile)


def _table_of(kind: type[Record]) -> str:
    for name, cls in RECORD_KINDS.items():
        if cls is kind:
            return name
    raise TypeError(f"{kind.__name__} is not a stored record kind")


def _age(iso: str) -> timedelta:
    try:
        then = datetime.fromisoformat(iso)
    except ValueError:
        return timedelta.max
    if then.tzinfo is None:
        then = then.replace(tzinfo=timezone.utc)
    return datetime.now(timezone.utc) - then


# --- doctor -----------------------------------------------------------------------------------------


@dataclass
class Diagnosis:
    path: Path
    state: str  # "ok", "missing", "empty", "corrupt", "newer", "unreadable"
    detail: str
    counts: dict[str, int]
    holder: dict | None
    backups: list[tuple[Path, str]]  # (path, "ok" or the reason it is bad)
    temp_files: list[Path]

    @property
    def healthy(self) -> bool:
        return self.state in ("ok", "missing")

    def lines(self) -> list[str]:
        out = [f"Data file: {self.path}", f"  state: {self.state}: {self.detail}"]
        if self.counts:
            out.append("  holds: " + ", ".join(f"{n} {k}" for k, n in self.counts.items()))
        with contextlib.suppress(OSError):
            mode = self.path.stat().st_mode & 0o777
            out.append(f"  permissions: {mode:o}" + ("" if mode & 0o077 == 0 else " (others can read it; ecq-tui will tighten it to 600)"))
        out.append("Lock: " + ("free" if self.holder is None else f"held by {describe_holder(self.holder)}"))
        out.append(f"Backups ({len(self.backups)} kept in {backup_dir(self.path)}):")
        for path, verdict in self.backups or []:
            out.append(f"  {path.name}: {verdict}")
        if not self.backups:
            out.append("  none yet (a copy is made each time ecq-tui opens or closes the file)")
        if self.temp_files:
            out.append(f"Leftover temporary files from an interrupted save: {len(self.temp_files)} (removed on next open)")
        if self.state in ("corrupt", "empty") and any(v == "ok" for _, v in self.backups):
            out.append("Run 'ecq-tui doctor --restore' to put the newest good copy back; the damaged file is kept aside.")
        return out


def _verdict(path: Path) -> str:
    try:
        tables, version = read_tables(path)
    except (ValueError, OSError) as exc:
        return f"damaged ({exc})"
    if tables is None:
        return "empty"
    if version > SCHEMA_VERSION:
        return f"from a newer ecq-tui (data version {version})"
    try:
        tables_to_bank(migrate(tables, version))
    except (BankError, ModelError, KeyError) as exc:
        return f"damaged ({exc})"
    return "ok"


def diagnose(path: Path) -> Diagnosis:
    """Describe the data file, its lock and its backups without changing anything."""
    path = Path(path).expanduser().absolute()
    counts: dict[str, int] = {}
    if not path.exists():
        state, detail = "missing", "no data file yet; it is created when ecq-tui first opens"
    else:
        try:
            tables, version = read_tables(path)
        except ValueError as exc:
            state, detail = "corrupt", str(exc)
        except OSError as exc:
            state, detail = "unreadable", exc.strerror or str(exc)
        else:
            if tables is None:
                state, detail = "empty", "the file is empty"
            elif version > SCHEMA_VERSION:
                state, detail = "newer", f"written by a newer ecq-tui (data version {version})"
            else:
                verdict = _verdict(path)
                if verdict == "ok":
                    state, detail = "ok", f"valid, data version {version}, {path.stat().st_size:,} bytes"
                    counts = {name: len(tables.get(name) or {}) for name in ("achievements", "stories", "recollections")}
                else:
                    state, detail = "corrupt", verdict
    prefix = f".{path.name}."
    temps = [p for p in path.parent.glob(prefix + "*.tmp")] if path.parent.is_dir() else []
    return Diagnosis(
        path=path,
        state=state,
        detail=detail,
        counts=counts,
        holder=lock_holder(path),
        backups=[(b, _verdict(b)) for b in list_backups(path)],
        temp_files=temps,
    )


def restore_newest_backup(path: Path) -> str:
    """Put the newest good backup in place of the data file; the old file is moved aside.

    Returns a sentence saying what was done. Raises StoreError when it cannot.
    """
    path = Path(path).expanduser().absolute()
    lock = SessionLock(path)
    lock.acquire()
    try:
        good = next((b for b in list_backups(path) if _verdict(b) == "ok"), None)
        if good is None:
            raise StoreError(f"No good backup of {path} was found; nothing was changed.")
        moved = ""
        if path.exists():
            stamp = time.strftime("%Y%m%dT%H%M%S")
            aside = path.with_name(f"{path.name}.replaced-{stamp}")
            n = 1
            while aside.exists() or aside.is_symlink():  # never overwrite an earlier one
                n += 1
                aside = path.with_name(f"{path.name}.replaced-{stamp}-{n}")
            os.replace(path, aside)
            moved = f" The file it replaced was kept as {aside}."
        atomic_write(path, good.read_bytes())
        return f"Restored {path} from {good.name}.{moved}"
    finally:
        lock.release()
