"""Screen-reader (line) mode: the whole walk-through typed line by line."""

from __future__ import annotations

import re

from plain_helpers import TODAY, demo_db, empty_db, run_lines  # noqa: F401  (fixtures)

from ecqtui.core.models import Achievement, Story
from ecqtui.core.self_eval import READINESS_QUESTIONS
from ecqtui.store import Store

TITLE = "Stood up the [bold]fraud[/bold] task force \U0001F680"


def walkthrough() -> list:
    lines: list = ["self_eval", "unanswered"]
    for i, _ in enumerate(READINESS_QUESTIONS):
        lines += ["not_yet" if i == 4 else "yes", ""]          # answer, optional example skipped
    lines += [""] * 6                                          # three reflections, three career stages
    lines += ["done", "", "not_yet"]                           # ask others; plan keeps the ticked; decision
    lines += ["brainstorm", "add", TITLE, "I led 40 staff across 4 regions.", ".", "2022", "no", "2024",
              "35", "$2.5M", "4 regions", "Recovered $12M", "Cut case time 30%", ".", ".",
              "delete", "1", "",                               # Enter at the confirmation keeps it
              "done"]
    lines += ["map", "1", "", "1 2", "done"]
    lines += ["rebalance"]                                     # nothing to move: no question asked
    lines += ["write", "1", "all",
              "Fraud rings crossed 4 regions and no office owned the problem.", ".",
              "I had 35 investigators and a $2.5M budget.", ".",
              "I built a joint task force and negotiated data sharing with 4 regional offices.", ".",
              "We recovered $12M and cut case time 30%.", ".",
              "done", "done"]
    lines += ["outline", "outline", "screen", "no", "yes"]
    lines += ["quit"]
    return lines


def test_whole_walkthrough_in_line_mode_saves_everything_and_writes_no_escape_byte(empty_db):
    code, out, keyboard = run_lines(empty_db, walkthrough())
    assert code == 0, out[-3000:]
    assert keyboard.lines == []                                # every typed line was used
    assert "\x1b" not in out and "\x9b" not in out
    # Every question says where the user is.
    assert "Step 1 of 6, Self-evaluation, question 5 of 10, Hard decisions." in out
    assert "Step 2 of 6, Brainstorm, achievement 1 of 1." in out
    assert "Step 5 of 6, Write CCAR, " in out and "part 3 of 4, Action." in out
    assert "Kept." in out
    with Store.open(empty_db, read_only=True) as store:
        se = store.self_evaluation()
        assert se.decision == "not_yet" and se.decision_date == TODAY.isoformat()
        assert se.answers["hard_decisions"].answer == "not_yet"
        assert se.development_plan, "a 'not yet' answer proposes development actions"
        [a] = store.achievements()
        assert a.title == TITLE                                # markup and emoji kept literally
        assert (a.start_year, a.end_year, a.people, a.budget, a.organizations) == (2022, 2024, 35, 2.5e6, 4)
        assert a.results == ["Recovered $12M", "Cut case time 30%"]
        [story] = store.stories()
        assert story.achievement_id == a.id and story.ecq and len(story.competencies) == 2
        assert story.action.startswith("I built a joint task force")
        assert story.result == "We recovered $12M and cut case time 30%."
        assert story.status == "drafting"
        assert store.profile().last_step == "outline"
    # The coach spoke after the Result part ('We' hides the actor) and the outline was shown.
    assert "not-first-person" in out
    assert TITLE in out.split("Step 6 of 6, Outline")[-1]


def test_every_question_line_is_preceded_by_where_the_user_is(demo_db):
    code, out, _ = run_lines(demo_db, ["brainstorm", "add", "Closed 14 OIG findings", ".", "", "", "", "", "", "",
                                       ".", ".", "done", "quit"])
    assert code == 0
    blocks = [b for b in out.split("\n\n") if b.strip()]
    asked = [b for b in blocks if re.search(r"(Type a number|Type yes or no|^> |\n> )", b)]
    assert asked, out
    for block in asked:
        assert block.lstrip().startswith(("Step ", "Profile", "Framework switch")), block


def test_a_wrong_choice_is_explained_and_asked_again(demo_db):
    code, out, _ = run_lines(demo_db, ["banana", "42", "quit"])
    assert code == 0
    assert "'banana' is not one of the choices" in out and "'42' is not one of the choices" in out


def test_invalid_year_and_money_are_refused_with_the_reason_and_nothing_bad_is_saved(empty_db):
    code, out, _ = run_lines(empty_db, ["brainstorm", "add", "Budget reform", ".", "1850", "2021", "no",
                                        "2019", "2022", "", "lots", "$3M", "", ".", ".", "done", "quit"])
    assert code == 0, out[-2000:]
    assert "Give a year between 1950" in out
    assert "The end cannot come before the start (2021)." in out
    assert "cannot read 'lots' as an amount" in out.lower() or "Cannot read 'lots'" in out
    with Store.open(empty_db, read_only=True) as store:
        [a] = store.all(Achievement)
        assert (a.start_year, a.end_year, a.budget) == (2021, 2022, 3e6)


def test_edit_keeps_what_is_not_retyped_and_dash_clears_a_field(demo_db):
    with Store.open(demo_db, read_only=True) as store:
        before = store.achievements()[3]
    lines = ["brainstorm", "edit", "4", "", ".", "", "", "", "-", "", "", ".", ".", "done", "quit"]
    code, out, _ = run_lines(demo_db, lines)
    assert code == 0, out[-2000:]
    with Store.open(demo_db, read_only=True) as store:
        after = store.get(Achievement, before.id)
    assert after.title == before.title and after.summary == before.summary and after.results == before.results
    assert after.people is None and before.people is not None


def test_delete_needs_an_explicit_yes_and_takes_the_stories_with_it(demo_db):
    with Store.open(demo_db, read_only=True) as store:
        mapped = next(a for a in store.achievements() if store.bank().stories_for(a.id))
        number = [a.id for a in store.achievements()].index(mapped.id) + 1
    code, out, _ = run_lines(demo_db, ["brainstorm", "delete", str(number), "yes", "done", "quit"])
    assert code == 0
    with Store.open(demo_db, read_only=True) as store:
        assert store.get(Achievement, mapped.id) is None
        assert not [s for s in store.all(Story) if s.achievement_id == mapped.id]


def test_rebalance_accepts_a_move_records_the_new_lens_and_keeps_the_old_one(demo_db):
    with Store.open(demo_db, read_only=True) as store:
        rd_before = [s.id for s in store.stories() if s.ecq == "RD"]
    lines = ["rebalance", "1", "yes", "", "Told as a coalition across 3 agencies.", ".", "done", "quit"]
    code, out, keyboard = run_lines(demo_db, lines)
    assert code == 0 and not keyboard.lines, out[-2000:]
    assert "Questions for the retelling:" in out
    with Store.open(demo_db, read_only=True) as store:
        moved = [s for s in store.stories() if s.id in rd_before and s.ecq != "RD"]
        assert len(moved) == 1
        [story] = moved
        assert story.lens_history[-1].from_ecq == "RD" and story.lens_history[-1].to_ecq == story.ecq
        assert story.reframe == "Told as a coalition across 3 agencies."
        assert story.competencies


def test_map_shows_the_coachs_evidence_and_coverage(demo_db):
    code, out, _ = run_lines(demo_db, ["map", "coverage", "done", "quit"])
    assert code == 0
    assert "Building Coalitions (BC): 0 of 2 stories" in out and "[ ] Partnering" in out
    assert "Gaps:" in out


def test_name_and_framework_switch_from_the_menu(demo_db):
    code, out, _ = run_lines(demo_db, ["name", "Dana Q. Whitfield", "framework", "yes", "quit"])
    assert code == 0, out[-2000:]
    assert "becomes" in out                          # the crosswalk's relabels were shown first
    with Store.open(demo_db, read_only=True) as store:
        assert store.profile().name == "Dana Q. Whitfield"
        assert store.profile().framework == "2025"


def test_write_history_restores_an_earlier_version(demo_db):
    with Store.open(demo_db, read_only=True) as store:
        order = ["LC", "LP", "RD", "BA", "BC"]
        ordered = [s for e in order for s in store.stories() if s.ecq == e]
        story = next(s for s in ordered if s.result)
        number = ordered.index(story) + 1
    lines = ["write", str(number), "result", "I replaced the result.", ".",
             "history", "1", "yes", "done", "done", "quit"]
    code, out, keyboard = run_lines(demo_db, lines)
    assert code == 0 and not keyboard.lines, out[-2000:]
    assert "Restored." in out
    with Store.open(demo_db, read_only=True) as store:
        assert store.get(Story, story.id).result == story.result
        kept = [r.text for r in store.revisions("stories", story.id, "result")]
        assert "I replaced the result." in kept


def test_an_achievement_told_through_every_ecq_offers_no_sixth_story(empty_db):
    lines = ["brainstorm", "add", "Stood up the task force", ".", "2022", "no", "2024", "", "", "", ".", ".", "done",
             "map"]
    for n, ecq in enumerate(["LC", "LP", "RD", "BA", "BC"]):
        lines += ["1"] + (["new"] if n else []) + [ecq, "0"]
    lines += ["1", "1", "", "", "done", "quit"]   # change the LC story; its lens is the only one free
    code, out, keyboard = run_lines(empty_db, lines)
    assert code == 0 and not keyboard.lines, out[-2500:]
    assert out.rsplit("This achievement already has a story.", 1)[1].count("Add another story") == 0
    with Store.open(empty_db, read_only=True) as store:
        assert sorted(s.ecq for s in store.stories()) == ["BA", "BC", "LC", "LP", "RD"]


def test_a_story_with_no_ecq_of_the_framework_is_still_listed_in_write(demo_db):
    with Store.open(demo_db) as store:
        story = store.stories()[0]
        story.ecq = ""
        store.save(story)
    code, out, _ = run_lines(demo_db, ["write", "done", "quit"])
    assert code == 0
    assert "No ECQ of this framework (map it again)" in out


def test_read_only_plain_mode_says_not_saved_and_carries_on(demo_db):
    holder = Store.open(demo_db)            # another window has the file
    try:
        out_lines = []
        import io as _io

        from plain_helpers import Keyboard

        from ecqtui.plain.flow import PlainFlow
        from ecqtui.plain.io import LineIO
        out = _io.StringIO()
        with Store.open(demo_db, read_only=True) as store:
            code = PlainFlow(store, LineIO(Keyboard(["name", "New Name", "outline", "resume", "screen", "no", "no",
                                                     "quit"]), out), today=TODAY).run()
        out_lines = out.getvalue()
    finally:
        holder.close()
    assert code == 0
    assert "open read-only" in out_lines and "Not saved:" in out_lines
    assert "Resume bullets by ECQ" in out_lines          # the outline still printed


def test_memory_prompts_have_a_way_back(empty_db):
    code, out, keyboard = run_lines(empty_db, ["brainstorm", "prompts", "back", "done", "quit"])
    assert code == 0 and not keyboard.lines
    with Store.open(empty_db, read_only=True) as store:
        assert store.achievements() == []


def test_a_two_line_recollection_stays_on_one_numbered_line(empty_db):
    lines = ["self_eval", "others", "add", "Pat", "colleague", "You got nine states to sign.", "It was hard.", ".",
             "done", "", "later", "quit"]
    code, out, keyboard = run_lines(empty_db, lines)
    assert code == 0 and not keyboard.lines, out[-2000:]
    assert "2. Make an achievement of: Pat: You got nine states to sign. It was hard." in out


def test_enter_at_the_budget_keeps_the_exact_amount_not_its_rounded_display(demo_db):
    with Store.open(demo_db) as store:
        a = store.achievements()[3]
        a.budget = 4_234_567.0
        store.save(a)
    lines = ["brainstorm", "edit", "4", "", ".", "", "", "", "", "", "", ".", ".", "done", "quit"]
    code, out, keyboard = run_lines(demo_db, lines)
    assert code == 0 and not keyboard.lines, out[-1500:]
    with Store.open(demo_db, read_only=True) as store:
        assert store.get(Achievement, a.id).budget == 4_234_567.0
