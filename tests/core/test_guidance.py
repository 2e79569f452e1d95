"""Guidance shared by the full-screen app and plain mode."""

from __future__ import annotations


def test_each_ccar_guidance_fits_the_two_lines_the_write_screen_gives_it():
    import textwrap

    from ecqtui.core.guidance import PART_GUIDANCE, PART_LABELS

    for part, text in PART_GUIDANCE.items():
        assert len(textwrap.wrap(f"{PART_LABELS[part]}: {text}", 78)) <= 2, part


def test_memory_prompts_cover_every_ecq_then_each_recent_year_with_its_count():
    from ecqtui.core.frameworks import load_framework
    from ecqtui.core.guidance import memory_prompts
    from ecqtui.core.models import Achievement

    fw = load_framework("classic")
    prompts = memory_prompts(fw, [Achievement(title="x", start_year=2024, ongoing=True)], 2026)
    assert {p.key.split(":")[1] for p in prompts if p.key.startswith("ecq:")} == set(fw.ecq_ids)
    years = [p for p in prompts if p.key.startswith("year:")]
    assert [p.start_year for p in years][:3] == [2026, 2025, 2024] and len(years) == fw.rules.recency_years
    assert "(1 listed)" in years[0].label and "(0 listed)" in years[3].label

