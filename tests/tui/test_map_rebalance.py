"""Map to ECQs, Rebalance and the framework switch: what the store holds afterwards."""

from __future__ import annotations


import pytest
from textual.widgets import OptionList, SelectionList

from ecqtui.core.frameworks import load_framework
from ecqtui.core.models import Story
from ecqtui.tui.app import make_app
from ecqtui.tui.screens.map import CoverageScreen, MapScreen
from ecqtui.tui.screens.rebalance import RebalanceScreen, RetellScreen
from ecqtui.tui.widgets.competency_picker import CompetencyPicker
from ecqtui.tui.widgets.dialogs import ConfirmScreen, PickScreen
from tests.tui.test_app import visible_text



@pytest.fixture
def core():
    import ecqtui.core.coach

    return ecqtui.core.coach


async def open_step(pilot, key, screen_type):
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, screen_type)
    return pilot.app.screen


async def test_map_an_unmapped_achievement_with_the_coachs_pick(demo_store, reopen, core):
    coach = core
    bank = demo_store.bank()
    target = next(a for a in bank.achievements if not bank.stories_for(a.id))
    expected = coach.suggest_for_achievement(target, load_framework(bank.profile.framework)).best.ecq
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_step(pilot, "3", MapScreen)
        options = screen.query_one("#map-achievements", OptionList)
        options.highlighted = options.get_option_index(target.id)
        await pilot.pause()
        assert "Coach's ranking" in visible_text(app)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        await pilot.press("enter")  # the coach's pick is highlighted first
        await pilot.pause()
        assert isinstance(app.screen, CompetencyPicker)
        picker = app.screen.query_one(SelectionList)
        picker.deselect_all()
        picker.highlighted = 0
        await pilot.press("space")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)
    bank = reopen(demo_store)
    [story] = bank.stories_for(target.id)
    framework = load_framework(bank.profile.framework)
    assert story.ecq == expected and story.status == "idea"
    assert story.competencies == [framework.ecq(expected).competencies[0].id]


async def test_changing_the_lens_keeps_the_old_one_in_history(demo_store, reopen):
    story = demo_store.stories()[0]
    framework = load_framework(demo_store.profile().framework)
    other = next(e.id for e in framework.ecqs if e.id != story.ecq)
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_step(pilot, "3", MapScreen)
        options = screen.query_one("#map-achievements", OptionList)
        options.highlighted = options.get_option_index(story.achievement_id)
        await pilot.press("l")
        await pilot.pause()
        picks = app.screen.query_one(OptionList)
        picks.highlighted = picks.get_option_index(other)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")  # keep the (empty) competency choice
        await pilot.pause()
    again = reopen(demo_store).story(story.id)
    assert again.ecq == other
    assert [(c.from_ecq, c.to_ecq) for c in again.lens_history][-1] == (story.ecq, other)


async def test_coverage_matrix_marks_gaps(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await open_step(pilot, "3", MapScreen)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(demo_app.screen, CoverageScreen)
        text = visible_text(demo_app)
        assert "[ ]" in text and "[x]" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(demo_app.screen, MapScreen)


async def test_accepting_a_move_retells_the_story(demo_store, reopen, core):
    coach = core
    bank = demo_store.bank()
    moves = coach.propose_moves(bank, load_framework(bank.profile.framework))
    assert moves, "the demo profile has a surplus of RD stories to move"
    move = moves[0]
    history_before = len(bank.story(move.story_id).lens_history)
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_step(pilot, "4", RebalanceScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, RetellScreen)
        await pilot.press(*"Lead with the partners I won over")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RebalanceScreen)
    story = reopen(demo_store).story(move.story_id)
    assert story.ecq == move.to_ecq
    assert len(story.lens_history) == history_before + 1
    assert story.lens_history[-1].from_ecq == move.from_ecq
    assert story.reframe == "Lead with the partners I won over"


async def test_declining_a_move_changes_nothing(demo_store, reopen):
    before = {s.id: s.ecq for s in demo_store.stories()}
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_step(pilot, "4", RebalanceScreen)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # default: No
        await pilot.pause()
    assert {s.id: s.ecq for s in reopen(demo_store).stories} == before


async def test_framework_switch_relabels_the_bank(demo_store, reopen, core):
    coach = core
    plan = coach.plan_switch(demo_store.bank(), "2025")
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        text = visible_text(app)
        assert "Switch from" in text
        await pilot.press("y")
        await pilot.pause()
        assert "2025" in app.sub_title
    bank = reopen(demo_store)
    assert bank.profile.framework == "2025"
    relabelled = {story_id: new for story_id, _old, new, _comps in plan.relabels if new}
    for story_id, ecq in relabelled.items():
        assert bank.story(story_id).ecq == ecq


async def test_framework_switch_no_keeps_everything(demo_store, reopen):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
    assert reopen(demo_store).profile.framework == "classic"


def test_story_kind():
    assert Story(achievement_id="x").status == "idea"


async def test_write_from_map_comes_back_to_map_on_escape(demo_store):
    from ecqtui.tui.screens.write import WriteScreen

    mapped = next(a for a in demo_store.achievements() if demo_store.bank().stories_for(a.id)
                  and len(demo_store.bank().stories_for(a.id)) == 1)
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_step(pilot, "3", MapScreen)
        options = screen.query_one("#map-achievements", OptionList)
        options.highlighted = options.get_option_index(mapped.id)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WriteScreen)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)


async def test_rebalance_with_too_few_stories_says_what_to_do_not_balanced(empty_store):
    from ecqtui.core.models import Achievement

    a = empty_store.save(Achievement(title="Budget turnaround"))
    empty_store.save(Story(achievement_id=a.id, ecq="BA"))
    app = make_app(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_step(pilot, "4", RebalanceScreen)
        text = visible_text(app)
        offered = {b.binding.action for b in screen.active_bindings.values() if b.enabled}
    assert "screen.accept" not in offered and "screen.write" not in offered   # nothing to accept
    assert "balanced" not in text.lower()
    assert "Nothing to move" in text and "LC" in text
