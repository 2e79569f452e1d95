"""User text is data: markup, escapes, emoji, CJK and huge pastes are shown literally and never crash."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, OptionList, TabbedContent, TextArea

from ecqtui.core.models import Achievement, ReadinessAnswer, Recollection, Story
from ecqtui.tui.app import make_app
from tests.tui.test_app import visible_text

MARKUP = ["[bold]", "[/", "[@click=app.quit]x[/]"]
ESCAPE = "\x1b]0;PWNED\x07"
WIDE = ["🚀👩🏽‍💼", "中文字符"]
HOSTILE = " ".join(MARKUP[:1] + [ESCAPE] + MARKUP[1:] + WIDE)
BIG = ("A 100 KB paste [/] with 中文 and 🚀. " * 3000)[:100_000]


def assert_literal(text: str) -> None:
    for needle in MARKUP:
        assert needle in text, f"{needle!r} not shown literally"
    assert "\x1b" not in text and "PWNED" not in text


def plant(store) -> Achievement:
    """Put the hostile text in every field the app shows."""
    profile = store.profile()
    profile.name = "[bold]Dana[/"
    store.save_profile(profile)
    a = store.save(Achievement(title=HOSTILE, summary=HOSTILE, notes=HOSTILE, results=[HOSTILE], start_year=2024, ongoing=True))
    store.save(Story(achievement_id=a.id, ecq="LC", reframe=HOSTILE, challenge=HOSTILE))
    store.save(Recollection(who=HOSTILE, relation="[/", text=HOSTILE))
    se = store.self_evaluation()
    se.answers["communication"] = ReadinessAnswer(answer="yes", example=HOSTILE)
    se.fit["pressure"] = HOSTILE
    se.career_stages["team"] = HOSTILE
    se.development_plan = [HOSTILE]
    store.save_self_evaluation(se)
    return a


async def test_hostile_records_show_literally_on_every_screen(empty_store):
    a = plant(empty_store)
    stored = empty_store.get(Achievement, a.id)
    assert "\x1b" not in stored.title and "[@click=app.quit]x[/]" in stored.title
    app = make_app(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = visible_text(app)
        assert "[bold]Dana[/" in home
        await pilot.press("1")
        await pilot.pause()
        tabs = app.screen.query_one(TabbedContent)
        app.screen.query_one("#questions", OptionList).highlighted = 0
        await pilot.pause()
        assert_literal(visible_text(app))  # the example of question 1
        for pane in ("fit", "others", "stages", "summary"):
            tabs.active = pane
            await pilot.pause()
            text = visible_text(app)
            assert "[bold]" in text and "[/" in text and "\x1b" not in text
        await pilot.press("escape", "2")
        await pilot.pause()
        assert_literal(visible_text(app))  # list and detail
        await pilot.press("e")
        await pilot.pause()
        assert_literal(visible_text(app))  # the form
        await pilot.press("escape", "escape", "3")
        await pilot.pause()
        assert_literal(visible_text(app))
        for key in ("4", "6"):
            await pilot.press("escape", key)
            await pilot.pause()
            assert "\x1b" not in visible_text(app)
        await pilot.press("f1")
        await pilot.pause()
        assert app.is_running  # no [@click=app.quit] ever ran
    assert empty_store.get(Achievement, a.id).title == stored.title  # shown, never rewritten


async def test_typed_and_pasted_hostile_text_is_saved_intact(empty_store, reopen):
    app = make_app(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2", "a")
        await pilot.pause()
        form = app.screen
        title = form.query_one("#f-title", Input)
        title.focus()
        app.post_message(events.Paste(HOSTILE))  # as the terminal delivers it: to the focused widget
        await pilot.pause()
        summary = form.query_one("#f-summary", TextArea)
        summary.focus()
        app.post_message(events.Paste(BIG))
        await pilot.pause()
        notes = form.query_one("#f-notes", TextArea)
        notes.focus()
        await pilot.press(*"[bold]typed[/")
        await pilot.pause()
        text = visible_text(app)
        assert "[bold]typed[/" in text and "\x1b" not in text
        await pilot.press("escape")
        await pilot.pause()
        listing = visible_text(app)
        assert "[@click=app.quit]x[/]" in listing
        # A recollection and a readiness example, typed in.
        await pilot.press("escape", "1")
        await pilot.pause()
        await pilot.press("tab")
        example = app.focused
        assert isinstance(example, Input)
        app.post_message(events.Paste(HOSTILE))
        await pilot.pause()
        app.screen.query_one(TabbedContent).active = "others"
        await pilot.pause()
        rec_text = app.screen.query_one("#rec-text", Input)
        rec_text.focus()
        app.post_message(events.Paste(BIG))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#recollections", OptionList).option_count == 1
        assert app.is_running
        await pilot.press("ctrl+q")
    bank = reopen(empty_store)
    [a] = bank.achievements
    assert a.title == HOSTILE.replace(ESCAPE, "")  # the escape sequence is stripped, the rest kept
    assert a.summary == BIG and len(a.summary) == 100_000
    assert a.notes == "[bold]typed[/"
    assert bank.self_evaluation.answers["communication"].example == HOSTILE.replace(ESCAPE, "")
    assert bank.recollections[0].text == BIG
