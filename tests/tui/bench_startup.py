"""Time to first paint and peak memory of ecq-tui against a minimal Textual app, in one run.

Run: PYTHONPATH=. python tests/tui/bench_startup.py [runs]
Prints medians. Both apps start in a real pty at 80x24; "first paint" is the moment a known
line appears on the pyte screen. Peak memory is VmHWM read from /proc just before quitting.
The 500-achievement case copies the demo and adds generated achievements.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pexpect
import pyte

ROOT = Path(__file__).resolve().parents[2]

MINIMAL = textwrap.dedent(
    """
    from textual.app import App
    from textual.widgets import Footer, Header, Input, OptionList

    class Minimal(App):
        def compose(self):
            yield Header()
            yield OptionList(*[f"Option {i}" for i in range(20)])
            yield Input(placeholder="type")
            yield Footer()

    Minimal().run()
    """
)


def first_paint(argv: list[str], needle: str, env: dict) -> tuple[float, int]:
    screen = pyte.Screen(80, 24)
    stream = pyte.ByteStream(screen)
    started = time.perf_counter()
    child = pexpect.spawn(argv[0], argv[1:], env=env, dimensions=(24, 80), cwd=str(ROOT))
    elapsed = None
    while elapsed is None:
        try:
            stream.feed(child.read_nonblocking(65536, timeout=10))
        except pexpect.EOF:
            raise RuntimeError(f"{argv} exited before painting")
        if needle in "\n".join(screen.display):
            elapsed = time.perf_counter() - started
    time.sleep(0.3)
    peak = 0
    try:
        for line in Path(f"/proc/{child.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peak = int(line.split()[1])
    except OSError:
        pass
    child.send("\x11")  # Ctrl+Q
    child.expect(pexpect.EOF, timeout=10)
    child.close()
    return elapsed, peak


def big_profile(folder: Path, n: int) -> Path:
    sys.path.insert(0, str(ROOT))
    import json

    from ecqtui import paths
    from ecqtui.core.bank import Bank
    from ecqtui.core.models import Achievement
    from ecqtui.store import Store

    bank = Bank.from_dict(json.loads(paths.demo_file().read_text(encoding="utf-8")))
    for i in range(n - len(bank.achievements)):
        bank.achievements.append(Achievement(title=f"Generated achievement {i}", summary="Led a team. " * 20,
                                             start_year=2016 + i % 9, end_year=2017 + i % 9, results=["cut cost 10%"]))
    path = folder / "big.json"
    with Store.open(path) as store:
        store.replace_all(bank)
    return path


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    env = dict(os.environ, TERM="xterm-256color", PYTHONPATH=str(ROOT))
    tmp = Path(tempfile.mkdtemp())
    minimal = tmp / "minimal.py"
    minimal.write_text(MINIMAL)
    big = big_profile(tmp, 500)
    cases = {
        "minimal Textual app": ([sys.executable, str(minimal)], "Option 19"),
        "ecq-tui --demo": ([sys.executable, "-m", "ecqtui", "--demo"], "Write CCAR"),
        "ecq-tui, 500 achievements": ([sys.executable, "-m", "ecqtui", "--db", str(big)], "Write CCAR"),
    }
    results: dict[str, list[tuple[float, int]]] = {name: [] for name in cases}
    for _ in range(runs):  # interleaved, so load on the box affects every case alike
        for name, (argv, needle) in cases.items():
            results[name].append(first_paint(argv, needle, env))
    base_t = statistics.median(t for t, _ in results["minimal Textual app"])
    base_m = statistics.median(m for _, m in results["minimal Textual app"])
    print(f"{'case':<28} {'first paint (median)':>21} {'ratio':>6} {'peak RSS':>10} {'ratio':>6}")
    for name, values in results.items():
        t = statistics.median(v for v, _ in values)
        m = statistics.median(v for _, v in values)
        print(f"{name:<28} {t * 1000:>18.0f} ms {t / base_t:>6.2f} {m / 1024:>7.1f} MB {m / base_m if base_m else 0:>6.2f}")


if __name__ == "__main__":
    main()
