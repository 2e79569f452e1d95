"""Write CCAR: what typing, Escape, restoring, status and hostile text leave in the store.

Every test drives the real app at 80x24 on a tmp copy of the demo profile and asserts on the
store (and, where it matters, on the file reopened from disk).
"""

from __future__ import annotations

import re
import time
from types import SimpleNamespace

import pytest
from textual import events
from textual.widgets import OptionList
from textual.widgets.text_area import Selection

from ecqtui.core.models import Story
from ecqtui.tui.app import make_app
from ecqtui.tui.autosave import SAVE_DELAY
from ecqtui.tui.screens import write as write_module
from ecqtui.tui.screens.home import HomeScreen
from ecqtui.tui.screens.write import ANALYSIS_DELAY, WriteScreen
from ecqtui.tui.widgets.ccar_editor import PartEditor
from ecqtui.tui.widgets.ccar_findings import MAX_SHOWN, CompetencyChecklist, FindingsList
from ecqtui.tui.widgets.ccar_history import HistoryPanel
from ecqtui.tui.widgets.dialogs import PickScreen

SIZE = (80, 24)
PART_KEYS = {"challenge": "f2", "context": "f3", "action": "f4", "result": "f5"}


async def open_write(pilot, story_id: str | None = None) -> WriteScreen:
    await pilot.pause()
    pilot.app.open_step("write", story_id=story_id)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, WriteScreen)
    return screen


async def settle(pilot) -> None:
    """Wait for the coach: the pause after typing, then its worker."""
    await pilot.pause(ANALYSIS_DELAY + 0.1)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def stored(store, story_id: str) -> Story:
    story = store.get(Story, story_id)
    assert story is not None
    return story


async def test_typing_is_saved_after_the_pause(demo_store, reopen):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_write(pilot, "s05")
        before = stored(demo_store, "s05")
        for part, key in PART_KEYS.items():
            await pilot.press(key)
            assert screen.focused is screen.editor(part)
            await pilot.press("ctrl+end", *" Go.")
            assert getattr(stored(demo_store, "s05"), part) == getattr(before, part)  # debounced: not on every key
            await pilot.pause(SAVE_DELAY + 0.2)
            assert getattr(stored(demo_store, "s05"), part) == getattr(before, part) + " Go."
    story = reopen(demo_store).story("s05")
    assert [getattr(story, p) for p in PART_KEYS] == [getattr(before, p) + " Go." for p in PART_KEYS]


async def test_each_part_is_saved_when_leaving_it(demo_store, reopen):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_write(pilot, "s05")
        challenge = stored(demo_store, "s05").challenge
        typed = {}
        for part, key in PART_KEYS.items():
            await pilot.press(key, "ctrl+end", *f" {part[:3]}")
            typed[part] = f" {part[:3]}"
        await pilot.press("f2")  # leaving Result saves it at once
        story = stored(demo_store, "s05")
        assert story.challenge == challenge + typed["challenge"]
        for part in ("context", "action", "result"):
            assert getattr(story, part) == typed[part]
    story = reopen(demo_store).story("s05")
    assert story.result == " res"


async def test_escape_saves_at_once_and_never_discards(demo_store, reopen):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_write(pilot, "s05")
        await pilot.press("f4", *"I decided.", "escape")
        assert stored(demo_store, "s05").action == "I decided."  # no pause: saved by Escape
        assert screen.focused is not screen.editor("action")  # stepped out of the text
        assert isinstance(app.screen, WriteScreen)
        await pilot.press("escape")  # the second Escape goes back
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert reopen(demo_store).story("s05").action == "I decided."


async def test_switching_story_and_quitting_flush_first(demo_store, reopen):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_write(pilot)
        picker = screen.query_one("#story-picker", OptionList)
        picker.highlighted = picker.get_option_index("s08")
        await pilot.press("enter")
        assert screen.story_id == "s08"
        await pilot.press("f4", *"I chose.", "ctrl+o")  # back to the picker at once
        assert stored(demo_store, "s08").action == "I chose."
        assert screen.mode == "picker"
        picker.highlighted = picker.get_option_index("s05")
        await pilot.press("enter", "f5", *"Done in 9 days.")
        await pilot.press("ctrl+q")
    bank = reopen(demo_store)
    assert bank.story("s05").result == "Done in 9 days."


async def test_picker_groups_by_ecq_with_status_symbols(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_write(pilot)
        assert screen.mode == "picker"
        picker = screen.query_one("#story-picker", OptionList)
        lines = [str(picker.get_option_at_index(i).prompt) for i in range(picker.option_count)]
        assert lines[0].startswith("Leading Change (LC)")
        rd = lines.index(next(line for line in lines if line.startswith("Results Driven (RD)")))
        assert "5 stories" in lines[rd]
        assert any("[x] done" in line and "Improper payments" in line for line in lines[rd:])
        assert any("[ ] idea" in line for line in lines)
        assert picker.get_option_at_index(0).disabled  # headings are not stories
        await pilot.press("enter")
        assert screen.mode == "editor" and screen.story_id == "s02"  # first story, under LC
        await pilot.press("escape", "escape")  # out of the text, then back to the picker
        await pilot.pause()
        assert screen.mode == "picker" and app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_status_change_is_saved(demo_store, reopen):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_write(pilot, "s05")
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        await pilot.press("down", "down", "enter")  # idea -> outlined -> drafting
        await pilot.pause()
        assert app.screen is screen
        assert stored(demo_store, "s05").status == "drafting"
        assert "[~] drafting" in str(screen.query_one("#story-title").render())
    assert reopen(demo_store).story("s05").status == "drafting"


async def test_restore_puts_the_old_text_back_and_keeps_the_replaced_one(demo_store, reopen):
    original = stored(demo_store, "s04").action
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_write(pilot, "s04")
        await pilot.press("f4", "ctrl+end", *" Then I left.")
        await pilot.press("f3", "f4")  # leave Action and come back: one editing session ended
        edited = original + " Then I left."
        assert stored(demo_store, "s04").action == edited
        history = screen.query_one(HistoryPanel)
        assert history.revisions and history.revisions[0].text == original  # kept when the session began
        await pilot.press("ctrl+r")
        assert screen.focused is history.options
        await pilot.press("enter")  # the newest earlier version
        await pilot.pause()
        assert stored(demo_store, "s04").action == original
        assert screen.editor("action").text == original
        texts = [r.text for r in demo_store.revisions("stories", "s04", "action")]
        assert texts[0] == edited  # the replaced text is itself a revision
        assert [r.text for r in history.revisions][0] == edited  # and the list shows it
        # Typing after the restore goes on from the restored text.
        await pilot.press("f4", "ctrl+end", *" Again.", "escape")
        assert stored(demo_store, "s04").action == original + " Again."
    assert reopen(demo_store).story("s04").action == original + " Again."


async def test_stray_arrow_tail_after_escape_is_not_typed(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_write(pilot, "s05")
        # Generous timing so a loaded test machine does not matter; the timing itself is below.
        screen.stray_filter.window = screen.stray_filter.hold = 5.0
        await pilot.press("f4", *"I led.", "enter", *"I won.")
        area = screen.editor("action")
        assert area.cursor_location == (1, 6)
        # ESC [ A split by a slow link: Escape arrives alone, then "[A".
        await pilot.press("escape", "left_square_bracket", "A")
        assert area.text == "I led.\nI won."
        assert screen.focused is area  # the spurious Escape is undone...
        assert area.cursor_location[0] == 0  # ...and the arrow does what it meant
        assert screen.stray_filter.swallowed == 1
        # A dialog closed by Escape gives the focus back to the text: same guard.
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("escape", "left_square_bracket", "B")
        await pilot.pause()
        assert area.text == "I led.\nI won."
        # A real "[" is still typed, even just after Escape, and so is "[A" later on.
        await pilot.press("escape", "f4", "left_square_bracket", "x")
        screen.stray_filter.window = screen.stray_filter.hold = 0.05
        time.sleep(0.06)
        await pilot.press("left_square_bracket", "A")
        await pilot.press("escape")
        assert stored(demo_store, "s05").action.count("[") == 2
        assert "[x" in area.text and "[A" in area.text


async def test_hostile_text_is_saved_intact_and_nothing_crashes(demo_store, reopen):
    hostile = ["[bold]", "[/", "[@click=app.quit]x[/]", "\x1b]0;PWNED\x07", "🚀 ", "漢字 "]
    big = ("I set the target. [b]x[/b] " * 4000)[:100_000]
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_write(pilot, "s05")
        await pilot.press("f4")
        area = screen.editor("action")
        for text in hostile[:2]:
            await pilot.press(*text)  # typed key by key
        for text in hostile[2:]:
            app.post_message(events.Paste(text))  # pasted, as the driver sends it (it can carry escapes)
            await pilot.pause()
        await pilot.press("f5")
        app.post_message(events.Paste(big))
        await pilot.pause()
        await settle(pilot)
        await pilot.press("escape")
        assert app.is_running and app.screen is screen  # the click action did not run
        expected = "[bold][/[@click=app.quit]x[/]🚀 漢字 "
        assert stored(demo_store, "s05").action == expected
        assert "\x1b" not in screen.editor("action").text  # the paste was cleaned before display
        assert stored(demo_store, "s05").result == big
        assert screen.analysis is not None and screen.analysis.texts["result"] == big  # the coach read it
        assert screen.query_one(FindingsList).option_count <= MAX_SHOWN + 1  # a capped list, not thousands
        await pilot.press("f4")
        await settle(pilot)
        assert "[bold]" in screen.editor("action").text
    story = reopen(demo_store).story("s05")
    assert story.action == expected and story.result == big


async def test_the_coach_runs_after_a_pause_not_on_every_key(demo_store, monkeypatch):
    calls = []
    real = write_module.analyse_story

    def counting(*args, **kwargs):
        calls.append(args[0].action)
        return real(*args, **kwargs)

    monkeypatch.setattr(write_module, "analyse_story", counting)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_write(pilot, "s05")
        await settle(pilot)
        assert len(calls) == 1  # once when the story opens
        await pilot.press("f4")
        for char in "I led a change.":
            await pilot.press(char)
            await pilot.pause(0.02)  # a fast typist
        assert len(calls) == 1, "the coach ran while the user was typing"
        await settle(pilot)
        assert len(calls) == 2  # once, after the pause
        assert screen.analysis is not None and "a change." in screen.analysis.texts["action"]


# --- the coach's findings and the competency checklist (need ecqtui.core.coach) -------------------


@pytest.fixture
def coach():
    module = pytest.importorskip("ecqtui.core.coach")
    if not all(hasattr(module, name) for name in ("check_story", "evidence", "estimate_length")):
        pytest.skip("the coach's checks have not landed")
    return module


def codes(screen: WriteScreen) -> list[str]:
    return [f.code for f in screen.query_one(FindingsList).findings]


async def test_findings_appear_for_a_weak_draft_and_go_when_fixed(demo_store, coach):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_write(pilot, "s05")
        await pilot.press("f4", *"We reorganized the branch and we cut the backlog.")
        await settle(pilot)
        assert "not-first-person" in codes(screen)
        labels = [str(o.prompt) for o in screen.query_one(FindingsList)._options]
        line = next(label for label in labels if "not-first-person" in label)
        assert line.split()[0] in ("x", "!", "i") and "(Action)" in line
        # Enter on the finding moves the cursor to its words in Action.
        finding = next(f for f in screen.query_one(FindingsList).findings if f.code == "not-first-person")
        await pilot.press("ctrl+f")
        findings = screen.query_one(FindingsList)
        findings.highlighted = findings.findings.index(finding)
        await pilot.press("enter")
        area = screen.editor("action")
        assert screen.focused is area
        doc = area.document
        assert area.selection.start == doc.get_location_from_index(finding.start)
        assert area.selection.end == doc.get_location_from_index(finding.end)
        # Fix it: the finding goes.
        await pilot.press("ctrl+a", "shift+end", "delete", *"I reorganized the branch and I cut the backlog by 40%.")
        await settle(pilot)
        assert screen.editor("action").text.startswith("I reorganized")
        assert "not-first-person" not in codes(screen)


async def test_checklist_ticks_when_an_action_shows_the_competency(demo_store, coach):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_write(pilot, "s05")  # competency: accountability
        await settle(pilot)
        checklist = screen.query_one(CompetencyChecklist)
        assert str(checklist.get_option_at_index(0).prompt).startswith("[ ] Accountability")
        sentence = "I set quarterly performance targets for each branch and held every manager accountable for them."
        await pilot.press("f4", *sentence)
        await settle(pilot)
        first = str(checklist.get_option_at_index(0).prompt)
        assert first.startswith("[x] Accountability") and "quarterly performance targets" in first
        assert "1/1" in str(screen.query_one("#panel-tabs").render())


# --- the panel with a stand-in coach (the screen's side of findings, checklist and gauge) --------


class FakeCoach:
    """Flags 'we' in Action (quoting it) and a Result without a number; evidence = 'target' sentences."""

    calls = 0

    @staticmethod
    def estimate_length(text):
        words = len(text.split())
        return SimpleNamespace(words=words, characters=len(text), pages=words / 500, spoken_minutes=words / 140)

    @classmethod
    def check_story(cls, story, framework, *, achievement=None, year_end=None):
        cls.calls += 1
        found = [
            SimpleNamespace(code="not-first-person", severity="warning", part="action", start=m.start(), end=m.end(),
                            message=f"Say what you did: 'I', not {story.action[max(0, m.start() - 12):m.end() + 12]!r}")
            for m in re.finditer(r"\bwe\b", story.action, re.IGNORECASE)
        ]
        if story.result.strip() and not re.search(r"\d", story.result):
            found.append(SimpleNamespace(code="no-metric", severity="error", part="result", start=0,
                                         end=len(story.result), message="Put a number on the result."))
        return found

    @staticmethod
    def evidence(story, framework):
        sentences = [s.strip() + "." for s in story.action.split(".") if "target" in s]
        return {comp: (sentences[0] if sentences else None) for comp in story.competencies}


@pytest.fixture
def fake_coach(monkeypatch):
    from ecqtui.tui.widgets import ccar_findings

    FakeCoach.calls = 0
    monkeypatch.setattr(ccar_findings, "coach", lambda: FakeCoach)
    return FakeCoach


async def test_findings_show_code_symbol_and_message_and_jump_to_the_words(demo_store, fake_coach):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_write(pilot, "s05")
        await pilot.press("f4", *"So we")
        screen.editor("action").insert(" [@click=app.quit]won[/] and we cut it.")
        await pilot.press("f5", *"Better")
        await settle(pilot)
        findings = screen.query_one(FindingsList)
        labels = [str(findings.get_option_at_index(i).prompt) for i in range(findings.option_count)]
        assert labels[0] == "x no-metric (Result): Put a number on the result."  # the part being written first
        assert labels[1].startswith("! not-first-person (Action): Say what you did: 'I', not 'So we [@click=app'")
        assert len(labels) == 3 and "]won[/] and we" in labels[2]  # user text shown literally
        assert "[^F Findings 3]" in str(screen.query_one("#panel-tabs").render())
        await pilot.press("f4")  # errors stay on top; then Action's own findings
        assert [f.code for f in findings.findings] == ["no-metric", "not-first-person", "not-first-person"]
        await pilot.press("ctrl+f", "down", "down", "enter")  # the second 'we'
        area = screen.editor("action")
        assert screen.part == "action" and screen.focused is area
        start = area.text.index("and we") + 4
        assert area.selection == Selection((0, start), (0, start + 2))
        assert area.selected_text == "we"
        # Fixing the words makes the findings go.
        area.replace("I", (0, start), (0, start + 2))
        area.replace("I", (0, 3), (0, 5))
        await pilot.press("f5", "ctrl+end", *" 40%")
        await settle(pilot)
        assert findings.findings == []
        assert app.is_running


async def test_checklist_and_gauge_follow_the_draft(demo_store, fake_coach):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_write(pilot, "s05")  # competency: accountability, under RD
        await settle(pilot)
        checklist = screen.query_one(CompetencyChecklist)
        assert str(checklist.get_option_at_index(0).prompt) == "[ ] Accountability: no action sentence shows it yet"
        gauge = str(screen.query_one("#gauge").render())
        assert "/1 pp, RD " in gauge and "/2 | " in gauge and "min of 2-4" in gauge
        await pilot.press("f4", *"I set")
        screen.editor("action").insert(" targets for each branch. Then I left.")
        await settle(pilot)
        assert str(checklist.get_option_at_index(0).prompt) == '[x] Accountability: \u201cI set targets for each branch.\u201d'
        await pilot.press("ctrl+l", "enter")  # Enter on the competency selects its sentence
        area = screen.editor("action")
        assert area.selected_text == "I set targets for each branch."
        # A long story goes over the spoken-minutes budget: the gauge says so with "!".
        area.insert(" I decided." * 400)
        await settle(pilot)
        assert str(screen.query_one("#gauge").render()).endswith("!")


async def test_a_failing_coach_never_takes_the_editor_down(demo_store, monkeypatch):
    from ecqtui.tui.widgets import ccar_findings

    monkeypatch.delenv("ECQ_TUI_STRICT")  # this test is about what users get when the coach fails

    class Broken(FakeCoach):
        @classmethod
        def check_story(cls, *args, **kwargs):
            raise ValueError("boom")

    monkeypatch.setattr(ccar_findings, "coach", lambda: Broken)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_write(pilot, "s05")
        await pilot.press("f4", *"I led.")
        await settle(pilot)
        findings = screen.query_one(FindingsList)
        assert "could not check this draft (ValueError)" in str(findings.get_option_at_index(0).prompt)
        await pilot.press("escape")
        assert stored(demo_store, "s05").action == "I led."


async def test_history_keeps_one_version_per_editing_session(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_write(pilot, "s05")
        await pilot.press("f4", *"A.", "f5")  # session 1 (Action was empty: nothing to keep)
        await pilot.press("f4", *" B.")
        await pilot.pause(SAVE_DELAY + 0.2)
        await pilot.press(*" C.", "f5")  # session 2: saved twice, one version kept
        await pilot.press("f4", *" D.", "escape")  # session 3, within minutes of the last
        texts = [r.text for r in demo_store.revisions("stories", "s05", "action")]
        assert texts == ["A. B. C.", "A."]
        assert stored(demo_store, "s05").action == "A. B. C. D."
        assert [r.text for r in screen.query_one(HistoryPanel).revisions] == texts


async def test_read_only_profile_shows_the_story_and_changes_nothing(demo_store):
    from ecqtui.store import Store

    path = demo_store.path
    before = path.read_bytes()
    demo_store.close()
    store = Store.open(path, read_only=True)
    try:
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_write(pilot, "s04")
            area = screen.editor("challenge")
            text = area.text
            assert text and area.read_only
            await pilot.press(*"xyz", "ctrl+t")
            await pilot.pause()
            assert app.screen is screen and area.text == text  # no typing, no status dialog
            await pilot.press("escape", "escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
    finally:
        store.close()
    assert path.read_bytes() == before


async def test_writing_in_an_idea_makes_it_a_draft(empty_store, reopen):
    from ecqtui.core.models import Achievement as _Achievement, Story as _Story

    a = empty_store.save(_Achievement(title="Budget turnaround"))
    story = empty_store.save(_Story(achievement_id=a.id, ecq="BA"))
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_write(pilot, story.id)
        await pilot.press(*"I closed a $4M gap.")
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
    assert reopen(empty_store).story(story.id).status == "drafting"


async def test_the_story_list_relabels_after_a_framework_switch_made_elsewhere(demo_store):
    from ecqtui.core.coach import apply_switch, plan_switch
    from ecqtui.tui.widgets.dialogs import HelpScreen
    from tests.tui.test_app import visible_text

    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_write(pilot)
        assert "Results Driven (RD)" in visible_text(app)
        bank = demo_store.bank()
        demo_store.replace_all(apply_switch(bank, plan_switch(bank, "2025")))  # as the palette's switch does
        app.push_screen(HelpScreen.for_screen(screen))
        await pilot.pause()
        app.pop_screen()
        await pilot.pause()
        text = visible_text(app)
    assert "Merit and Competence (MC)" in text and "Results Driven (RD)" not in text
