"""Coach benchmark: suggestion quality on the labelled set, and speed.

Run: python tests/bench/coach_bench.py

Quality: top-1 (the labelled best ECQ is ranked first), top-2 (it is in the first two) and
"acceptable" (the first is the labelled best or second), on the tune part and on the
held-back part separately. Only the held-back figures say how well the coach generalises;
the cues were never tuned on those items.
Speed: medians over repeats, against a baseline pass over the same texts (lower-casing and
splitting them) measured in the same run, because this machine is shared and noisy.
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from timing import median_ms  # noqa: E402  (tests/bench/timing.py)
from ecqtui.core.coach import check_story, suggest  # noqa: E402
from ecqtui.core.models import Story  # noqa: E402

LABELLED = ROOT / "tests" / "data" / "labelled_achievements.jsonl"


def quality() -> None:
    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line.strip()]
    print(f"{'split':<8} {'n':>4} {'top-1':>7} {'top-2':>7} {'acceptable':>11}")
    for split in ("tune", "heldout"):
        items = [r for r in rows if r["split"] == split]
        top1 = top2 = ok = 0
        confusion: collections.Counter = collections.Counter()
        for r in items:
            ranking = [e.ecq for e in suggest(r["text"], "classic").ranking]
            top1 += ranking[0] == r["best"]
            top2 += r["best"] in ranking[:2]
            ok += ranking[0] in (r["best"], r.get("second"))
            if ranking[0] != r["best"]:
                confusion[(r["best"], ranking[0])] += 1
        n = len(items)
        print(f"{split:<8} {n:>4} {top1 / n:>7.0%} {top2 / n:>7.0%} {ok / n:>11.0%}")
        if split == "heldout":
            print("  held-out confusions (labelled -> predicted):",
                  ", ".join(f"{a}->{b} x{c}" for (a, b), c in confusion.most_common(6)))


def speed(repeat: int = 7) -> None:
    rows = [json.loads(line)["text"] for line in LABELLED.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = (rows * (1000 // len(rows) + 1))[:1000]
    suggest("warm up")
    base = median_ms(lambda: [t.lower().split() for t in texts], repeat)
    ours = median_ms(lambda: [suggest(t) for t in texts], repeat)
    paragraph = ("I set quarterly targets for each of the four regional teams, held every lead accountable, "
                 "and negotiated with the union on schedules; the backlog fell 38% in nine months. ")
    story = Story(achievement_id="a", ecq="RD", competencies=["accountability", "decisiveness"],
                  challenge=paragraph * 3, context=paragraph * 3, action=paragraph * 12, result=paragraph * 3)
    words = len(story.text.split())
    check_base = median_ms(lambda: story.text.lower().split(), repeat * 3)
    check = median_ms(lambda: check_story(story, "classic"), repeat * 3)
    print(f"\n{'what':<40} {'p50 ms':>9} {'baseline ms':>12} {'ratio':>7}")
    print(f"{'suggest, 1,000 achievements':<40} {ours:>9.1f} {base:>12.2f} {ours / base:>7.0f}")
    print(f"{f'check_story, {words}-word story (~2 pages)':<40} {check:>9.2f} {check_base:>12.3f} {check / check_base:>7.0f}")


if __name__ == "__main__":
    quality()
    speed()
