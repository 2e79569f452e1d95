"""Full-screen app benchmark: first paint, keystroke-to-screen in the CCAR editor, peak memory.

Run: python tests/bench/tui_bench.py [--rounds N] [--keys N]   (about 1.5 minutes; needs pexpect, pyte)

Everything runs in real ptys at 80x24 (pexpect), the output fed to a pyte screen, and is
compared with baselines measured in the same run, interleaved, because this machine is shared
and noisy: the ratios are what to watch, the absolute medians are for the note.

* First paint: wall time from spawning a fresh `python -m ecqtui --demo` (so imports, the demo
  copy and opening the store all count) until the home screen's step list is on the pty's
  screen; the same for a generated profile of 500 achievements and 500 stories. Baseline: a
  minimal Textual app (Header, a 20-item OptionList, Input, Footer; at 24 rows the list fills
  the screen and the Input sits below it) until its options and footer show.
  Each app is quit with Ctrl+Q right after its first paint.
  Targets: ratio <= 1.3 (demo) and <= 1.6 (500 achievements).
* Peak memory: VmHWM of each of those processes, read by a wrapper at interpreter exit.
  Target: <= 1.5x the minimal app.
* Keystroke-to-screen: in the Write CCAR editor (Home, 5, Enter on the first story, F4, Ctrl+End)
  on the 500-achievement profile, the time from writing one character to the pty until a
  complete frame (the terminal answers Textual's synchronized-output query, so frames arrive
  between ?2026h and ?2026l) has moved the cursor. Typed like a person: a short gap between
  keys and a pause every ten keys, long enough for the coach (0.4 s) and the autosave (0.6 s)
  to run, so their cost lands on the keys that follow. Baseline: the same keys into a plain
  TextArea holding the same text in a minimal app. Target: p95 <= 50 ms.

The script checks that each app really opened (its screen text) and, for the typing, that the
typed text reached the store (ecq-tui) or the TextArea (baseline). No assertions on time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pexpect
import pyte

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from ecqtui.core.bank import Bank  # noqa: E402
from ecqtui.core.frameworks import load_framework  # noqa: E402
from ecqtui.core.models import Achievement, Story  # noqa: E402
from ecqtui.store import Store  # noqa: E402

SIZE = (24, 80)  # rows, columns
SYNC_START, SYNC_END = b"\x1b[?2026h", b"\x1b[?2026l"
SYNC_QUERY, SYNC_REPLY = b"\x1b[?2026$p", "\x1b[?2026;2$y"  # DECRQM / DECRPM: supported, reset
CTRL_Q, F4, CTRL_END = "\x11", "\x1bOS", "\x1b[1;5F"
#: What the typist types: a CCAR-like sentence, no brackets (the stray-escape guard holds "[").
SENTENCE = " I cut the review backlog from 900 to 120 cases in six months by triaging every file daily."
#: Seconds between keys, and the pauses (cycled) after every PAUSE_EVERY keys.
KEY_GAP, PAUSE_EVERY, PAUSES = 0.06, 10, (0.45, 0.7, 1.0)

#: Runs the command after it, then writes the process's VmHWM (kB) to argv[1] at exit.
PEAK_WRAPPER = textwrap.dedent(
    """
    import atexit, runpy, sys
    out = sys.argv[1]
    def _peak():
        with open("/proc/self/status") as status, open(out, "w") as handle:
            handle.write(next(l for l in status if l.startswith("VmHWM:")).split()[1])
    atexit.register(_peak)
    if sys.argv[2] == "-m":
        sys.argv = [sys.argv[3], *sys.argv[4:]]
        runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
    else:
        sys.argv = sys.argv[2:]
        runpy.run_path(sys.argv[0], run_name="__main__")
    """
)

MINIMAL_APP = textwrap.dedent(
    """
    from textual.app import App
    from textual.widgets import Footer, Header, Input, OptionList

    class Minimal(App):
        def compose(self):
            yield Header()
            yield OptionList(*[f"Option {i}" for i in range(20)])
            yield Input(placeholder="type here")
            yield Footer()

    Minimal().run()
    """
)

#: A TextArea configured like ecq-tui's PartEditor, holding argv[1]'s text; argv[2] gets the text on Ctrl+Q.
TEXTAREA_APP = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from textual.app import App
    from textual.widgets import Footer, Header, TextArea

    class Baseline(App):
        TITLE = "TextArea baseline"

        def compose(self):
            yield Header()
            yield TextArea(Path(sys.argv[1]).read_text(encoding="utf-8"), soft_wrap=True,
                           tab_behavior="focus", show_line_numbers=False)
            yield Footer()

        def on_mount(self):
            area = self.query_one(TextArea)
            area.focus()
            area.move_cursor(area.document.end)

        async def action_quit(self):
            Path(sys.argv[2]).write_text(self.query_one(TextArea).text, encoding="utf-8")
            self.exit()

    Baseline().run()
    """
)


class Term:
    """A child process in a pty, its output kept on a pyte screen, complete frames counted."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.screen = pyte.Screen(SIZE[1], SIZE[0])
        self.stream = pyte.ByteStream(self.screen)
        self.pending = b""
        self.head = b""
        self.frames = 0
        self.argv = argv
        self.started = time.perf_counter()
        self.child = pexpect.spawn(argv[0], argv[1:], env=env, dimensions=SIZE, cwd=str(ROOT))
        self.child.delaybeforesend = None  # pexpect sleeps 50 ms before every send by default

    def text(self) -> str:
        return "\n".join(self.screen.display)

    @property
    def cursor(self) -> tuple[int, int]:
        return self.screen.cursor.x, self.screen.cursor.y

    def _feed(self, chunk: bytes) -> None:
        if SYNC_QUERY not in self.head and len(self.head) < 65536:
            self.head += chunk
            if SYNC_QUERY in self.head:
                self.child.send(SYNC_REPLY)  # answer like a terminal with synchronized output
        self.pending += chunk
        # Feed the screen whole frames only (or output outside any frame), so its cursor is
        # never caught in the middle of one.
        while True:
            end = self.pending.find(SYNC_END)
            if end >= 0:
                cut = end + len(SYNC_END)
                self.stream.feed(self.pending[:cut])
                self.pending = self.pending[cut:]
                self.frames += 1
                continue
            start = self.pending.find(SYNC_START)
            if start < 0:
                escape = self.pending.rfind(b"\x1b")
                start = escape if escape >= 0 and len(self.pending) - escape < len(SYNC_START) else len(self.pending)
            self.stream.feed(self.pending[:start])
            self.pending = self.pending[start:]
            return

    def wait_for(self, done, what: str, timeout: float = 20.0) -> float:
        """Read output until ``done()``; the perf_counter time it became true."""
        deadline = time.perf_counter() + timeout
        while not done():
            left = deadline - time.perf_counter()
            if left <= 0:
                self.fail(f"timed out waiting for {what}")
            try:
                self._feed(self.child.read_nonblocking(65536, timeout=min(left, 1.0)))
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                self.fail(f"exited while waiting for {what}")
        return time.perf_counter()

    def wait_text(self, needle: str, timeout: float = 20.0) -> float:
        return self.wait_for(lambda: needle in self.text(), repr(needle), timeout)

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def quit(self) -> None:
        self.child.send(CTRL_Q)
        try:
            while True:
                self._feed(self.child.read_nonblocking(65536, timeout=15))
        except pexpect.EOF:
            pass
        except pexpect.TIMEOUT:
            self.fail("did not exit after Ctrl+Q")
        status = self.child.wait()  # the pty closes a moment before the process is gone
        self.child.close()
        if status != 0:
            self.fail(f"exit status {status}")

    def fail(self, why: str):
        if self.child.isalive():
            self.child.terminate(force=True)
        name = " ".join(a if len(a) < 60 else "<wrapper>" for a in self.argv[1:])
        raise RuntimeError(f"{name}: {why}. Screen:\n{self.text()}")


# --- profiles ----------------------------------------------------------------------------------


def demo_bank() -> Bank:
    return Bank.from_dict(json.loads((ROOT / "sample_data" / "demo.json").read_text(encoding="utf-8")))


def big_profile(path: Path, achievements: int = 500, stories: int = 500) -> Path:
    """The demo profile plus generated achievements and stories (drafted CCAR text) up to the counts."""
    bank = demo_bank()
    template = next(s for s in bank.stories if s.status == "done")
    extra = [Achievement(id=f"gen-a{i}", title=f"Generated achievement {i}", summary="Led a team of 40. " * 8,
                         start_year=2016 + i % 9, end_year=2017 + i % 9, people=40, budget=4.2e6,
                         results=[f"backlog -{i % 50}%"]) for i in range(achievements - len(bank.achievements))]
    bank.achievements.extend(extra)
    for i in range(stories - len(bank.stories)):
        bank.stories.append(Story(id=f"gen-s{i}", achievement_id=extra[i % len(extra)].id,
                                  ecq=("LC", "LP", "RD", "BA", "BC")[i % 5], status=("drafting", "done")[i % 2],
                                  competencies=list(template.competencies), challenge=template.challenge,
                                  context=template.context, action=template.action, result=template.result))
    with Store.open(path) as store:
        store.replace_all(bank)
    return path


# --- measurements ------------------------------------------------------------------------------


def first_paint(command: list[str], needles: list[str], env: dict[str, str], folder: Path) -> tuple[float, int]:
    """(seconds from spawn to all needles on screen, peak RSS in kB) of one fresh process."""
    peak_file = folder / "peak.txt"
    peak_file.unlink(missing_ok=True)
    term = Term([sys.executable, "-c", PEAK_WRAPPER, str(peak_file), *command], env)
    painted = term.wait_for(lambda: all(n in term.text() for n in needles), " and ".join(map(repr, needles)))
    term.quit()
    return painted - term.started, int(peak_file.read_text())


def type_keys(term: Term, text: str) -> list[float]:
    """Type ``text`` key by key; per key, seconds until a complete frame has moved the cursor."""
    samples = []
    for n, char in enumerate(text, start=1):
        before, frames = term.cursor, term.frames
        started = time.perf_counter()
        term.send(char)
        shown = term.wait_for(lambda: term.frames > frames and term.cursor != before, f"key {n} ({char!r}) on screen", 5)
        samples.append(shown - started)
        time.sleep(PAUSES[(n // PAUSE_EVERY) % len(PAUSES)] if n % PAUSE_EVERY == 0 else KEY_GAP)
    return samples


def keystrokes_ecq(profile: Path, env: dict[str, str], text: str) -> list[float]:
    term = Term([sys.executable, "-m", "ecqtui", "--db", str(profile)], env)
    term.wait_text("Write CCAR")
    term.send("5")
    term.wait_text("Enter opens a story")
    story_id = first_story_in_picker(profile)
    term.send("\r")
    term.wait_text("Challenge: ")  # the editor, on the Challenge part
    # A person's pause. Without it, a key sent within ~20 ms of the editor's first frame is at
    # times lost (seen with F4 and with letters), so it would not measure typing at all.
    time.sleep(0.5)
    term.send(F4)
    term.wait_text("[Action]")
    term.send(CTRL_END)
    time.sleep(0.5)  # let the coach's first look at the story finish
    samples = type_keys(term, text)
    term.quit()
    with Store.open(profile, read_only=True) as store:
        action = store.get(Story, story_id).action
    if not action.endswith(text):
        raise RuntimeError(f"ecq-tui: the typed text did not reach story {story_id}: ...{action[-120:]!r}")
    return samples


def keystrokes_baseline(script: Path, start_text: str, env: dict[str, str], folder: Path, text: str) -> list[float]:
    source, result = folder / "textarea-in.txt", folder / "textarea-out.txt"
    source.write_text(start_text, encoding="utf-8")
    result.unlink(missing_ok=True)
    term = Term([sys.executable, str(script), str(source), str(result)], env)
    term.wait_text("TextArea baseline")
    time.sleep(0.5)
    samples = type_keys(term, text)
    term.quit()
    if result.read_text(encoding="utf-8") != start_text + text:
        raise RuntimeError("baseline: the typed text did not reach the TextArea")
    return samples


def first_story_in_picker(profile: Path) -> str:
    """The story Enter opens in the picker: the first one under the framework's first ECQ."""
    with Store.open(profile, read_only=True) as store:
        first_ecq = load_framework(store.profile().framework).ecqs[0].id
        return next(s.id for s in store.stories() if s.ecq == first_ecq)


def pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9, help="first-paint launches per app (interleaved)")
    parser.add_argument("--keys", type=int, default=100, help="keystrokes per typing session (two per app)")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="ecq-tui-bench-"))
    try:
        home = folder / "home"
        home.mkdir()
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "ECQ_TUI_DB", "ECQ_TUI_THEME")}
        env.update(PYTHONPATH=str(ROOT), TERM="xterm-256color", HOME=str(home),
                   XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local" / "share"))
        minimal = folder / "minimal_app.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        textarea = folder / "textarea_app.py"
        textarea.write_text(TEXTAREA_APP, encoding="utf-8")
        big = big_profile(folder / "big.json")

        cases = {
            "minimal": ([str(minimal)], ["Option 0", "palette"]),
            # Home's step list with the profile's counts, and the footer: the whole first screen.
            "demo": (["-m", "ecqtui", "--demo"], ["Write CCAR", f"{len(demo_bank().achievements)} achievements", "palette"]),
            "big": (["-m", "ecqtui", "--db", str(big)], ["Write CCAR", "500 achievements", "palette"]),
        }
        paint: dict[str, list[float]] = {name: [] for name in cases}
        peak: dict[str, list[int]] = {name: [] for name in cases}
        for _ in range(args.rounds):  # interleaved, so load on the machine hits every case alike
            for name, (command, needles) in cases.items():
                seconds, kb = first_paint(command, needles, env, folder)
                paint[name].append(seconds)
                peak[name].append(kb)

        text = (SENTENCE * (args.keys // len(SENTENCE) + 1))[: args.keys]
        with Store.open(big, read_only=True) as store:
            start_text = store.get(Story, first_story_in_picker(big)).action
        ecq_keys: list[float] = []
        base_keys: list[float] = []
        for session in range(2):
            copy = folder / f"typing-{session}.json"
            shutil.copyfile(big, copy)
            ecq_keys += keystrokes_ecq(copy, env, text)
            base_keys += keystrokes_baseline(textarea, start_text, env, folder, text)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    med = {name: statistics.median(values) * 1000 for name, values in paint.items()}
    mem = {name: statistics.median(values) / 1024 for name, values in peak.items()}
    rows = [
        ("first paint, ecq-tui --demo", f"{med['demo']:.0f}", "", f"{med['minimal']:.0f}", med["demo"] / med["minimal"], "<= 1.3"),
        ("first paint, 500 achievements", f"{med['big']:.0f}", "", f"{med['minimal']:.0f}", med["big"] / med["minimal"], "<= 1.6"),
        ("keystroke-to-screen, CCAR editor, 500 ach.", f"{pct(ecq_keys, .5):.1f}", f"{pct(ecq_keys, .95):.1f}",
         f"{pct(base_keys, .5):.1f} / {pct(base_keys, .95):.1f}", pct(ecq_keys, .95) / pct(base_keys, .95), "p95 <= 50 ms"),
        ("peak RSS MB, ecq-tui --demo", f"{mem['demo']:.1f}", "", f"{mem['minimal']:.1f}", mem["demo"] / mem["minimal"], "<= 1.5"),
        ("peak RSS MB, 500 achievements", f"{mem['big']:.1f}", "", f"{mem['minimal']:.1f}", mem["big"] / mem["minimal"], "<= 1.5"),
    ]
    print(f"{'what (80x24 pty; times in ms)':<43} {'p50':>7} {'p95':>6} {'baseline':>13} {'ratio':>6}  target")
    for what, p50, p95, base, ratio, target in rows:
        print(f"{what:<43} {p50:>7} {p95:>6} {base:>13} {ratio:>6.2f}  {target}")
    print(f"first paint and memory: medians of {args.rounds} launches each; baseline: minimal Textual app "
          f"(Header, 20-item OptionList, Input, Footer).")
    print(f"keystrokes: {len(ecq_keys)} per app; baseline p50 / p95: the same keys into a plain TextArea; "
          f"ratio: p95 / baseline p95; slowest ecq-tui key {max(ecq_keys) * 1000:.1f} ms.")


if __name__ == "__main__":
    main()
