"""Plain mode benchmark: time from launch to the first question, in a real pty.

Run: python tests/bench/plain_bench.py

Medians against a baseline measured in the same run (the interpreter starting and printing a
line in the same kind of pty), because this machine is shared. Target: the first prompt within
300 ms, without importing Textual.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parents[2]


def first_prompt_ms(args: list[str], expect: str, env: dict[str, str], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        child = pexpect.spawn(sys.executable, args, env=env, dimensions=(24, 80), timeout=20, encoding="utf-8")
        child.expect(expect)
        samples.append(time.perf_counter() - started)
        child.terminate(force=True)
        child.close()
    return statistics.median(samples) * 1000


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="ecq-plain-bench-"))
    db = folder / "demo.json"
    env = dict(os.environ, PYTHONPATH=str(ROOT), HOME=str(folder))
    subprocess.run([sys.executable, "-m", "ecqtui", "--db", str(db), "import", str(ROOT / "sample_data" / "demo.json")],
                   env=env, check=True, capture_output=True)
    base = first_prompt_ms(["-c", "print('ready')"], "ready", env, 11)
    line = first_prompt_ms(["-m", "ecqtui", "--db", str(db), "plain", "--screen-reader"], "press Enter for",
                           dict(env, TERM="xterm-256color"), 11)
    dumb = first_prompt_ms(["-m", "ecqtui", "--db", str(db), "plain"], "press Enter for", dict(env, TERM="dumb"), 11)
    menu = first_prompt_ms(["-m", "ecqtui", "--db", str(db), "plain"], "Which step", dict(env, TERM="xterm-256color"), 11)
    probe = subprocess.run([sys.executable, "-c", "import sys, ecqtui.commands.plain, ecqtui.plain.flow, "
                            "ecqtui.plain.io; print(json.dumps('textual' in sys.modules))".replace("import sys", "import sys, json")],
                           env=env, capture_output=True, text=True, check=True)
    print(f"{'what (demo profile, 17 achievements)':<46} {'p50 ms':>8} {'baseline ms':>12} {'ratio':>6}")
    for label, ms in (("plain --screen-reader: first question", line), ("plain, TERM=dumb: first question", dumb),
                      ("plain (questionary menu): first question", menu)):
        print(f"{label:<46} {ms:>8.0f} {base:>12.0f} {ms / base:>6.1f}")
    print(f"Textual imported by plain mode: {json.loads(probe.stdout)}")


if __name__ == "__main__":
    main()
