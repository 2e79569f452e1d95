"""Ctrl+C and end of input: nothing half-answered is stored; everything answered before is."""

from __future__ import annotations

from plain_helpers import CTRL_C, demo_db, empty_db, run_lines  # noqa: F401  (fixtures)

from ecqtui.core.models import Achievement, Story
from ecqtui.store import Store


def test_ctrl_c_in_a_text_returns_to_the_menu_without_saving_that_answer(empty_db):
    lines = ["brainstorm", "add", "Regional fraud task force", "I led the first joint", CTRL_C,
             "quit"]
    code, out, keyboard = run_lines(empty_db, lines)
    assert code == 0 and keyboard.lines == []
    assert "The answer you were typing was not saved" in out
    assert out.rstrip().endswith("Goodbye. Everything you answered is saved.")
    with Store.open(empty_db, read_only=True) as store:
        [a] = store.achievements()
        assert a.title == "Regional fraud task force"      # the answer before Ctrl+C was kept
        assert a.summary == ""                             # the half-typed summary was not


def test_ctrl_c_in_a_ccar_part_keeps_the_old_text(demo_db):
    with Store.open(demo_db, read_only=True) as store:
        story = next(s for s in store.stories() if s.challenge)
    fw_order = ["LC", "LP", "RD", "BA", "BC"]
    with Store.open(demo_db, read_only=True) as store:
        ordered = [s.id for e in fw_order for s in store.stories() if s.ecq == e]
    number = ordered.index(story.id) + 1
    code, out, _ = run_lines(demo_db, ["write", str(number), "challenge", "A brand new challenge that",
                                       "goes on for two lines", CTRL_C, "quit"])
    assert code == 0
    with Store.open(demo_db, read_only=True) as store:
        assert store.get(Story, story.id).challenge == story.challenge


def test_second_ctrl_c_leaves_with_the_saved_message(empty_db):
    code, out, _ = run_lines(empty_db, ["brainstorm", "add", "Title kept", CTRL_C, CTRL_C])
    assert code == 130
    assert "Leaving plain mode. Everything up to your last answer is saved." in out
    with Store.open(empty_db, read_only=True) as store:
        assert [a.title for a in store.achievements()] == ["Title kept"]


def test_end_of_input_in_a_several_line_answer_keeps_the_lines_typed_then_stops(empty_db):
    # Ctrl+D is how Unix ends a text: the summary typed so far is the answer; the session then ends.
    code, out, _ = run_lines(empty_db, ["brainstorm", "add", "Budget turnaround", "Cut $4M of", "overhead"])
    assert code == "EOF"
    with Store.open(empty_db, read_only=True) as store:
        [a] = store.all(Achievement)
        assert a.title == "Budget turnaround" and a.summary == "Cut $4M of\noverhead"
        assert a.start_year is None


def test_a_paste_starting_with_a_blank_line_stays_in_its_own_part(demo_db):
    with Store.open(demo_db, read_only=True) as store:
        order = ["LC", "LP", "RD", "BA", "BC"]
        ordered = [s for e in order for s in store.stories() if s.ecq == e]
        story = ordered[0]
    code, out, _ = run_lines(demo_db, ["write", "1", "challenge", "", "The data center was closing.", "",
                                       ".", "done", "done", "quit"])
    assert code == 0, out[-1500:]
    with Store.open(demo_db, read_only=True) as store:
        after = store.get(Story, story.id)
    assert after.challenge == "The data center was closing."
    assert after.context == story.context


def test_ctrl_c_at_a_delete_confirmation_deletes_nothing(demo_db):
    with Store.open(demo_db, read_only=True) as store:
        count = len(store.achievements())
    code, _, _ = run_lines(demo_db, ["brainstorm", "delete", "1", CTRL_C, "quit"])
    assert code == 0
    with Store.open(demo_db, read_only=True) as store:
        assert len(store.achievements()) == count
