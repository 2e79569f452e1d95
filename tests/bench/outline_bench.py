"""Outline benchmark: `ecq-tui --demo outline` end to end, and build+render at 500 stories.

Run: python tests/bench/outline_bench.py

Medians against baselines measured in the same run (`python -c pass` for the command;
a plain json.dumps of the same bank for build+render), because this machine is shared.
Target: the demo outline under 0.5 s including interpreter start, without importing Textual.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from timing import median_ms  # noqa: E402  (tests/bench/timing.py)
from ecqtui.core.bank import Bank  # noqa: E402
from ecqtui.core.models import Achievement, Story  # noqa: E402
from ecqtui.core.outline import build_outline, render  # noqa: E402


def big_bank(n: int) -> Bank:
    demo = Bank.from_dict(json.loads((ROOT / "sample_data" / "demo.json").read_text(encoding="utf-8")))
    template = next(s for s in demo.stories if s.status == "done")
    achievements, stories = [], []
    for i in range(n):
        achievements.append(Achievement(id=f"a{i}", title=f"Achievement {i}", start_year=2020, end_year=2022,
                                        people=40, budget=4.2e6, results=[f"backlog -{i % 50}%"]))
        stories.append(Story(id=f"s{i}", achievement_id=f"a{i}", ecq=("LC", "LP", "RD", "BA", "BC")[i % 5],
                             competencies=list(template.competencies), challenge=template.challenge,
                             context=template.context, action=template.action, result=template.result))
    return Bank(achievements=achievements, stories=stories)


def main() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    run = lambda cmd: subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)  # noqa: E731
    base = median_ms(lambda: run([sys.executable, "-c", "pass"]), 9)
    demo = median_ms(lambda: run([sys.executable, "-m", "ecqtui", "--demo", "outline"]), 9)
    docx = median_ms(lambda: run([sys.executable, "-m", "ecqtui", "--demo", "outline", "--format", "json"]), 5)
    print(f"{'what':<44} {'p50 ms':>8} {'baseline ms':>12} {'ratio':>6}")
    print(f"{'ecq-tui --demo outline (text, whole process)':<44} {demo:>8.0f} {base:>12.0f} {demo / base:>6.1f}")
    print(f"{'ecq-tui --demo outline --format json':<44} {docx:>8.0f} {base:>12.0f} {docx / base:>6.1f}")
    bank = big_bank(500)
    today = date(2026, 11, 24)
    dump = median_ms(lambda: json.dumps(bank.to_dict()), 5)
    for fmt in ("text", "html", "docx"):
        ms = median_ms(lambda: render(build_outline(bank, today=today), fmt), 3)
        print(f"{f'build+render {fmt}, 500 stories':<44} {ms:>8.0f} {dump:>12.1f} {ms / dump:>6.0f}")


if __name__ == "__main__":
    main()
