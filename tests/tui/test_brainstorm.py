"""Brainstorm: add, edit and delete achievements; what the store holds afterwards."""

from __future__ import annotations

from textual.widgets import Checkbox, Input, OptionList, TextArea

from ecqtui.core.models import Achievement
from ecqtui.tui.app import make_app
from ecqtui.tui.screens.brainstorm import BrainstormScreen
from ecqtui.tui.widgets.achievement_form import AchievementForm
from ecqtui.tui.widgets.dialogs import ConfirmScreen


async def open_brainstorm(pilot) -> BrainstormScreen:
    await pilot.pause()
    await pilot.press("2")
    await pilot.pause()
    assert isinstance(pilot.app.screen, BrainstormScreen)
    return pilot.app.screen


async def test_add_an_achievement_with_scope_and_figures(empty_store, reopen):
    app = make_app(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_brainstorm(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, AchievementForm)
        await pilot.press(*"Stood up the intake unit", "enter")  # Enter moves to the next field
        await pilot.press(*"2021", "enter", *"2023", "enter")
        await pilot.press("tab")  # past "ongoing"
        await pilot.press(*"1,200", "enter", *"$4.2M", "enter", *"3", "enter")
        form.query_one("#f-results", TextArea).focus()
        await pilot.press(*"Backlog down 38%")
        await pilot.press("escape")
        await pilot.pause()
        options = app.screen.query_one("#achievements", OptionList)
        assert options.option_count == 1
    [a] = reopen(empty_store).achievements
    assert (a.title, a.start_year, a.end_year, a.ongoing) == ("Stood up the intake unit", 2021, 2023, False)
    assert (a.people, a.budget, a.organizations) == (1200, 4_200_000, 3)
    assert a.results == ["Backlog down 38%"]


async def test_budget_forms_and_bad_values(empty_store, reopen):
    app = make_app(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_brainstorm(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-title", Input).value = "Grants reform"
        form.query_one("#f-budget", Input).value = "850k"
        form.query_one("#f-start", Input).value = "last year"
        form.query_one("#f-ongoing", Checkbox).value = True
        await pilot.pause()
        errors = str(form.query_one("#form-errors").render())
        assert "not a year" in errors
        await pilot.press("escape", "escape")
        await pilot.pause()
    [a] = reopen(empty_store).achievements
    assert a.budget == 850_000 and a.start_year is None and a.ongoing
    assert "From as typed: last year" in a.notes


async def test_edit_keeps_the_exact_budget(demo_store, reopen):
    target = next(a for a in demo_store.achievements() if a.budget)
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_brainstorm(pilot)
        options = screen.query_one("#achievements", OptionList)
        options.highlighted = options.get_option_index(target.id)
        await pilot.press("e")
        await pilot.pause()
        title = app.screen.query_one("#f-title", Input)
        title.focus()
        title.value = ""
        await pilot.press(*"Renamed achievement")
        await pilot.press("escape")
        await pilot.pause()
    again = reopen(demo_store).achievement(target.id)
    assert again.title == "Renamed achievement"
    assert again.budget == target.budget and again.results == target.results


async def test_delete_needs_confirmation_and_no_keeps_it(demo_store, reopen):
    victim = demo_store.achievements()[0]
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_brainstorm(pilot)
        options = screen.query_one("#achievements", OptionList)
        options.highlighted = options.get_option_index(victim.id)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # the default answer is No
        await pilot.pause()
        assert demo_store.get(Achievement, victim.id) is not None
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert demo_store.get(Achievement, victim.id) is not None
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    bank = reopen(demo_store)
    assert bank.achievement(victim.id) is None
    assert not bank.stories_for(victim.id)


async def test_prompts_start_an_achievement_for_a_year(empty_store, reopen):
    app = make_app(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_brainstorm(pilot)
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("end", "enter")  # the oldest year prompt
        await pilot.pause()
        assert isinstance(app.screen, AchievementForm)
        assert app.screen.prompt.startswith("What did you lead or change in")
        await pilot.press(*"Year prompt idea")
        await pilot.press("escape")
        await pilot.pause()
    [a] = reopen(empty_store).achievements
    assert a.title == "Year prompt idea" and a.start_year is not None


async def test_escape_with_an_unreadable_figure_warns_then_keeps_the_text_in_the_notes(empty_store, reopen):
    app = make_app(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_brainstorm(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-title", Input).value = "Grants reform"
        form.query_one("#f-budget", Input).value = "about 4 million"
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is form                      # the first Esc explains and stays
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BrainstormScreen)
    [a] = reopen(empty_store).achievements
    assert a.budget is None
    assert "Budget as typed: about 4 million" in a.notes


async def test_a_prompt_by_year_opens_a_new_achievement_form(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_brainstorm(pilot)
        await screen.run_action("prompts")
        await pilot.pause()
        await pilot.press("end", "enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, AchievementForm) and form.is_new
        assert "New achievement" in str(form.query_one(".dialog-title").render())


async def test_the_detail_shows_each_kind_of_warning_once(demo_store):
    repeated = next(a for a in demo_store.achievements() if a.title.startswith("Day-to-day"))
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_brainstorm(pilot)
        options = screen.query_one("#achievements", OptionList)
        options.highlighted = options.get_option_index(repeated.id)
        await pilot.pause()
        detail = str(screen.query_one("#achievement-detail").render())
    assert detail.count("reads as a duty") == 1          # three not-executive findings, one line
    assert "Ongoing with no progress figure" in detail   # and the other kind still shows
