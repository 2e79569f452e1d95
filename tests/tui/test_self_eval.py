"""Self-evaluation: answers, examples, fit, recollections, career stages and the decision reach the store."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, OptionList, TabbedContent, TextArea

from ecqtui.core.self_eval import READINESS_QUESTIONS
from ecqtui.tui.app import make_app
from ecqtui.tui.screens.self_eval import SelfEvalScreen


async def open_self_eval(pilot):
    await pilot.pause()
    await pilot.press("1")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SelfEvalScreen)
    return pilot.app.screen


async def test_answer_questions_with_examples_and_decide(empty_store, reopen):
    app = make_app(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_self_eval(pilot)
        questions = screen.query_one("#questions", OptionList)
        assert questions.highlighted == 0
        await pilot.press("1")  # Yes to question 1, moves to question 2
        await pilot.press("n")  # Not yet to question 2
        await pilot.press("u")  # Unsure to question 3
        assert questions.highlighted == 3
        await pilot.press("up")
        await pilot.press("tab")  # to the example of question 3
        assert isinstance(app.focused, Input)
        await pilot.press(*"Hosted the 2023 partner summit")
        await pilot.press("enter")
        for _ in range(7):
            await pilot.press("y")
        await pilot.pause()
        screen.query_one(TabbedContent).active = "summary"
        await pilot.pause()
        screen.query_one("#summary-scroll").focus()
        await pilot.press("p")  # copy suggested actions into the plan
        await pilot.press("l")  # decide: not yet
        await pilot.pause()
    bank = reopen(empty_store)
    se = bank.self_evaluation
    ids = [q.id for q in READINESS_QUESTIONS]
    assert se.answers[ids[0]].answer == "yes"
    assert se.answers[ids[1]].answer == "not_yet"
    assert se.answers[ids[2]].answer == "unsure"
    assert se.answers[ids[2]].example == "Hosted the 2023 partner summit"
    assert all(se.answers[i].answer == "yes" for i in ids[3:])
    assert se.decision == "not_yet" and se.decision_date == date.today().isoformat()
    assert se.development_plan and all(line.strip() for line in se.development_plan)


async def test_commit_decision_and_edit_plan(demo_store, reopen):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_self_eval(pilot)
        screen.query_one(TabbedContent).active = "summary"
        await pilot.pause()
        screen.query_one("#summary-scroll").focus()
        await pilot.press("c")
        plan = screen.query_one("#plan", TextArea)
        plan.focus()
        plan.move_cursor(plan.document.end)
        await pilot.press("enter", *"Shadow the deputy at two hearings")
        await pilot.pause()
        await pilot.press("escape")  # Escape saves the plan, never discards it
        await pilot.pause()
    se = reopen(demo_store).self_evaluation
    assert se.decision == "commit" and se.decision_date == date.today().isoformat()
    assert se.development_plan[-1] == "Shadow the deputy at two hearings"


async def test_fit_and_career_stages_are_saved_as_typed(empty_store, reopen):
    app = make_app(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_self_eval(pilot)
        screen.query_one(TabbedContent).active = "fit"
        await pilot.pause()
        screen.query_one("#fit-pressure", TextArea).focus()
        await pilot.press(*"Long days are fine")
        screen.query_one(TabbedContent).active = "stages"
        await pilot.pause()
        screen.query_one("#stage-team", TextArea).focus()
        await pilot.press(*"Led the intake team")
        await pilot.pause(0.8)  # past the debounce: saved without leaving
        se = empty_store.self_evaluation()
        assert se.fit["pressure"] == "Long days are fine"
        assert se.career_stages["team"] == "Led the intake team"
        await pilot.press("ctrl+q")


async def test_recollection_becomes_an_achievement_in_one_key(empty_store, reopen):
    app = make_app(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_self_eval(pilot)
        screen.query_one(TabbedContent).active = "others"
        await pilot.pause()
        screen.query_one("#rec-who", Input).focus()
        await pilot.press(*"Maria", "tab", *"former deputy", "tab", *"Ran the 2020 surge cell when nobody else would", "enter")
        await pilot.pause()
        recs = empty_store.recollections()
        assert [(r.who, r.relation) for r in recs] == [("Maria", "former deputy")]
        screen.query_one("#recollections", OptionList).focus()
        screen.query_one("#recollections", OptionList).highlighted = 0
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("ctrl+q")
    bank = reopen(empty_store)
    [achievement] = bank.achievements
    [rec] = bank.recollections
    assert achievement.recollection_id == rec.id and rec.achievement_id == achievement.id
    assert achievement.title.startswith("Ran the 2020 surge cell")


async def test_escape_keeps_a_half_typed_recollection(empty_store, reopen):
    app = make_app(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_self_eval(pilot)
        screen.query_one(TabbedContent).active = "others"
        await pilot.pause()
        screen.query_one("#rec-text", Input).focus()
        await pilot.press(*"She remembers the audit")
        await pilot.press("escape")
        await pilot.pause()
    assert [r.text for r in reopen(empty_store).recollections] == ["She remembers the audit"]


async def test_escape_right_after_typing_an_example_keeps_it(demo_store, reopen):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_self_eval(pilot)
        screen.query_one("#questions", OptionList).highlighted = 3
        await pilot.press("tab")
        example = screen.query_one("#example", Input)
        example.value = ""
        await pilot.press(*"Chaired the FY24 budget debate")
        assert app.autosaver.pending
        await pilot.press("escape")  # inside the debounce window
        await pilot.pause()
    qid = READINESS_QUESTIONS[3].id
    assert reopen(demo_store).self_evaluation.answers[qid].example == "Chaired the FY24 budget debate"


async def test_ctrl_q_keeps_a_half_typed_recollection(empty_store, reopen):
    app = make_app(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_self_eval(pilot)
        screen.query_one(TabbedContent).active = "others"
        await pilot.pause()
        screen.query_one("#rec-who", Input).value = "Grace"
        screen.query_one("#rec-text", Input).focus()
        await pilot.press(*"The nine-state MOU")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert [(r.who, r.text) for r in reopen(empty_store).recollections] == [("Grace", "The nine-state MOU")]


async def test_typing_into_a_filled_example_adds_to_it_instead_of_replacing_it(demo_store, reopen):
    qid = next(q for q, a in demo_store.self_evaluation().answers.items() if a.example)
    before = demo_store.self_evaluation().answers[qid].example
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_self_eval(pilot)
        from ecqtui.core.self_eval import READINESS_QUESTIONS

        questions = screen.query_one("#questions", OptionList)
        questions.highlighted = [q.id for q in READINESS_QUESTIONS].index(qid)
        await pilot.pause()
        screen.query_one("#example", Input).focus()
        await pilot.pause()
        await pilot.press(*" Z")  # no Home/End first: a user just types
        await pilot.press("escape")
        await pilot.pause()
    assert reopen(demo_store).self_evaluation.answers[qid].example == before + " Z"
