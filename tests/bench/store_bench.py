"""Store benchmark: medians of one save at 100, 500 and 2,000 stories, and start-up cost.

Run: python tests/bench/store_bench.py [--repeat N]

Timings are compared with baselines measured in the same run (a raw json.dumps + write of
the same data; `python -c pass`), because this machine is shared and noisy: the ratios are
what to watch, the absolute medians are for the note.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from ecqtui.core.models import Achievement, Story  # noqa: E402
from ecqtui.store import Store  # noqa: E402

PARAGRAPH = (
    "I led a 40-person team through a reorganization of the audit follow-up office, closing 27 "
    "GAO recommendations and cutting the case backlog by 38 percent in nine months. "
)


def make_store(folder: Path, stories: int) -> Store:
    store = Store.open(folder / f"bench-{stories}.json")
    achievement = store.save(Achievement(title="Reorganized audit follow-up", start_year=2021, end_year=2023))
    for i in range(stories):
        # About 2 KB per story, like a drafted CCAR story.
        store.save(Story(achievement_id=achievement.id, ecq="RD", challenge=PARAGRAPH * 3,
                         context=PARAGRAPH * 2, action=PARAGRAPH * 5, result=f"{i} " + PARAGRAPH))
    return store


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def bench_saves(repeat: int) -> None:
    print(f"{'stories':>8} {'file MB':>8} {'save p50 ms':>12} {'stock TinyDB p50':>16} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (100, 500, 2000):
            store = make_store(Path(tmp), n)
            story = store.stories()[n // 2]
            saves, raw = [], []
            for i in range(repeat):
                story.result = f"edit {i}: " + PARAGRAPH
                t0 = time.perf_counter()
                store.save(story)
                saves.append(time.perf_counter() - t0)
                # Baseline: what stock TinyDB JSONStorage does per write for the same data
                # (json.dumps, write in place, flush, fsync; no rename, not crash-safe).
                data = store._storage.read()
                t0 = time.perf_counter()
                with open(Path(tmp, "stock.json"), "w", encoding="utf-8") as handle:
                    handle.write(json.dumps(data))
                    handle.flush()
                    os.fsync(handle.fileno())
                raw.append(time.perf_counter() - t0)
            size = store.path.stat().st_size / 1e6
            store.close()
            s, b = median_ms(saves), median_ms(raw)
            print(f"{n:>8} {size:>8.2f} {s:>12.2f} {b:>16.2f} {s / b:>6.2f}")


def bench_startup(repeat: int) -> None:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "ecq-tui --version": [sys.executable, "-m", "ecqtui", "--version"],
        "ecq-tui --help": [sys.executable, "-m", "ecqtui", "--help"],
    }
    results = {}
    for name, cmd in commands.items():
        samples = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)
            samples.append(time.perf_counter() - t0)
        results[name] = median_ms(samples)
    base = results["python -c pass"]
    print(f"\n{'command':<20} {'p50 ms':>8} {'x python -c pass':>17}")
    for name, ms in results.items():
        print(f"{name:<20} {ms:>8.1f} {ms / base:>17.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=25)
    args = parser.parse_args()
    bench_saves(args.repeat)
    bench_startup(max(5, args.repeat // 2))
