"""The installed command in real terminals: no TTY, TERM=dumb, and a hangup mid-typing.

These run ``python -m ecqtui`` in a subprocess (the same entry point as ``ecq-tui``) and
read the raw bytes the terminal would receive.
"""

from __future__ import annotations

import io
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ecqtui.store import Store
from tests.conftest import cli_env

pexpect = pytest.importorskip("pexpect")
pyte = pytest.importorskip("pyte")


def test_no_tty_exits_2_with_the_plain_mode_message(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "ecqtui", "--db", str(tmp_path / "ecq.json")],
        stdin=subprocess.DEVNULL, capture_output=True, cwd=tmp_path,
        env=cli_env(tmp_path, {"TERM": "xterm-256color"}), timeout=10,
    )
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert "plain" in err and "terminal" in err
    assert b"\x1b" not in proc.stdout + proc.stderr
    assert "Traceback" not in err


def _dumb_terminal(tmp_path):
    child = pexpect.spawn(
        sys.executable, ["-m", "ecqtui", "--db", str(tmp_path / "ecq.json")],
        cwd=str(tmp_path), env=cli_env(tmp_path, {"TERM": "dumb"}), dimensions=(24, 80), timeout=10,
    )
    child.logfile_read = io.BytesIO()  # every byte the terminal received
    return child


def test_term_dumb_declining_plain_mode_exits_2_without_escape_bytes(tmp_path):
    child = _dumb_terminal(tmp_path)
    child.expect(b"Start plain mode")
    child.sendline(b"n")
    child.expect(pexpect.EOF)
    child.close()
    output = child.logfile_read.getvalue()
    assert child.exitstatus == 2
    assert b"TERM='dumb'" in output and b"ecq-tui plain" in output
    assert b"\x1b" not in output


def test_term_dumb_offers_plain_mode_and_enter_starts_it_in_line_mode(tmp_path):
    child = _dumb_terminal(tmp_path)
    child.expect(b"Start plain mode")
    child.sendline(b"")
    child.expect(b"Step menu.")
    child.expect(b"press Enter for 1: ")
    child.sendline(b"quit")
    child.expect(b"Goodbye")
    child.expect(pexpect.EOF)
    child.close()
    output = child.logfile_read.getvalue()
    assert b"Step 1 of 6: Self-evaluation" in output
    assert child.exitstatus == 0
    assert b"\x1b" not in output


class Terminal:
    """A pty running ecq-tui at 80x24, with a pyte screen fed by everything it prints."""

    def __init__(self, args: list[str], tmp_path: Path):
        self.raw = bytearray()
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)
        self.child = pexpect.spawn(
            sys.executable, ["-m", "ecqtui", *args], cwd=str(tmp_path),
            env=cli_env(tmp_path, {"TERM": "xterm-256color", "ESCDELAY": "25"}),
            dimensions=(24, 80), timeout=10,
        )

    def pump(self, seconds: float = 0.1) -> None:
        end = time.monotonic() + seconds
        while True:
            try:
                chunk = self.child.read_nonblocking(65536, timeout=0.05)
            except pexpect.TIMEOUT:
                chunk = b""
            except pexpect.EOF:
                return
            if chunk:
                self.raw += chunk
                self.stream.feed(chunk)
            if time.monotonic() >= end:
                return

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, needle: str, timeout: float = 10) -> None:
        end = time.monotonic() + timeout
        while needle not in self.text():
            if time.monotonic() > end:
                raise AssertionError(f"{needle!r} never appeared:\n{self.text()}")
            self.pump(0.1)

    def send(self, keys: str) -> None:
        self.child.send(keys)
        self.pump(0.3)

    def finish(self, timeout: float = 10) -> int:
        end = time.monotonic() + timeout
        while self.child.isalive() and time.monotonic() < end:
            self.pump(0.1)
        self.pump(0.2)
        self.child.close()
        return self.child.exitstatus if self.child.exitstatus is not None else -(self.child.signalstatus or 0)


def new_achievement_form(db: Path, tmp_path: Path) -> Terminal:
    """ecq-tui on a new profile, in Brainstorm with the new-achievement form open."""
    term = Terminal(["--db", str(db)], tmp_path)
    term.wait_for("Self-evaluation")
    term.send("2")
    term.wait_for("Nothing yet")
    term.send("a")
    term.wait_for("New achievement")
    return term


def restored(raw: bytes) -> bool:
    """Every private mode the app switched on (alt screen, mouse) was switched off again."""
    for mode in (b"1049", b"1000", b"1003", b"1006"):
        on, off = raw.rfind(b"\x1b[?" + mode + b"h"), raw.rfind(b"\x1b[?" + mode + b"l")
        if on != -1 and off < on:
            return False
    return True


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_hangup_while_typing_keeps_the_text_and_restores_the_terminal(tmp_path, sig):
    if not Path("/dev/ptmx").exists():
        pytest.skip("no pseudo-terminals here")
    db = tmp_path / "ecq.json"
    term = new_achievement_form(db, tmp_path)
    term.send("Typed before the line dropped")
    term.pump(1.5)  # past the save delay
    term.child.kill(sig)
    status = term.finish()
    raw = bytes(term.raw)
    assert b"\x1b[?1049h" in raw, "the app never switched to the alternate screen"
    assert restored(raw), "the terminal was left in the alternate screen or mouse mode"
    assert status == 0, f"exit status {status}"
    with Store.open(db) as store:
        assert [a.title for a in store.achievements()] == ["Typed before the line dropped"]


def test_hangup_inside_the_debounce_still_saves(tmp_path):
    db = tmp_path / "ecq.json"
    term = new_achievement_form(db, tmp_path)
    term.child.send("Just typed")
    term.pump(0.15)  # well inside the 0.6 s debounce
    term.child.kill(signal.SIGHUP)
    term.finish()
    with Store.open(db) as store:
        assert [a.title for a in store.achievements()] == ["Just typed"]


def test_a_locked_file_is_offered_read_only(tmp_path):
    db = tmp_path / "ecq.json"
    holder = Store.open(db)  # this test process holds the lock, like a second SSH session
    try:
        term = Terminal(["--db", str(db)], tmp_path)
        term.child.expect("read-only instead", timeout=10)
        term.child.sendline("y")
        term.wait_for("read-only")
        term.send("\x11")  # Ctrl+Q
        assert term.finish() == 0
        assert restored(bytes(term.raw))
    finally:
        holder.close()


def test_a_locked_file_refused_opens_nothing(tmp_path):
    db = tmp_path / "ecq.json"
    holder = Store.open(db)
    try:
        term = Terminal(["--db", str(db)], tmp_path)
        term.child.expect("read-only instead", timeout=10)
        term.child.sendline("")  # the default is No
        assert term.finish() == 1
        assert b"\x1b[?1049h" not in bytes(term.raw)
    finally:
        holder.close()


def test_keys_arriving_in_one_read_with_ctrl_q_are_all_saved(tmp_path):
    """Over a slow link the last words and Ctrl+Q can arrive together; the words must not be lost."""
    db = tmp_path / "ecq.json"
    term = new_achievement_form(db, tmp_path)
    term.child.send("Rebuilt the monitoring branch END LAST\x11")  # one write: text then Ctrl+Q
    assert term.finish() == 0
    assert restored(bytes(term.raw))
    with Store.open(db) as store:
        assert [a.title for a in store.achievements()] == ["Rebuilt the monitoring branch END LAST"]


def test_ctrl_q_with_the_name_prompt_open_keeps_the_typed_name(tmp_path):
    db = tmp_path / "ecq.json"
    term = Terminal(["--db", str(db)], tmp_path)
    term.wait_for("Self-evaluation")
    term.send("n")
    term.wait_for("Your name")
    term.send("Jordan Rivera")
    term.send("\x11")
    assert term.finish() == 0
    with Store.open(db) as store:
        assert store.profile().name == "Jordan Rivera"


def test_typing_straight_after_enter_opens_a_story_goes_into_the_text(tmp_path):
    """A fast typist does not wait for the editor to take the focus; no letter may be lost."""
    from ecqtui.core.models import Achievement, Story

    db = tmp_path / "ecq.json"
    with Store.open(db) as store:
        a = store.save(Achievement(title="Budget turnaround"))
        story = store.save(Story(achievement_id=a.id, ecq="BA"))
    term = Terminal(["--db", str(db)], tmp_path)
    term.wait_for("Self-evaluation")
    term.send("5")
    term.wait_for("Budget turnaround")
    term.pump(0.5)  # the picker has settled (focus and highlight); the race under test is the next one
    term.child.send("\rI inherited a $4M shortfall")   # Enter and the first words in one write
    term.pump(1.0)
    term.send("\x11")
    assert term.finish() == 0
    with Store.open(db) as store:
        assert store.get(Story, story.id).challenge == "I inherited a $4M shortfall"
