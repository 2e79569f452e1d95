"""Store basics: every record type survives save -> close -> reopen and export -> import,
revision history keeps earlier words, deletes cascade, backups rotate."""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta

import pytest

import ecqtui.store as store_mod
from ecqtui.core.bank import Bank
from ecqtui.core.models import Achievement, Recollection, Story
from ecqtui.store import BACKUPS_KEPT, REVISIONS_PER_FIELD, Store, StoreError, list_backups

from sample_records import (  # noqa: E402  (a plain module beside the tests)
    OLD,
    full_achievement,
    full_bank,
    full_profile,
    full_recollection,
    full_revision,
    full_self_evaluation,
    full_story,
)


def assert_no_default_fields(record) -> None:
    """Every field of the fixture differs from its default, so a dropped field would show."""
    blank = type(record)()
    for f in dataclasses.fields(record):
        if f.name in ("created", "updated", "at", "id"):
            continue
        if isinstance(record, Achievement) and f.name == "ongoing":
            continue  # covered by the second achievement of full_bank (ongoing=True)
        assert getattr(record, f.name) != getattr(blank, f.name), f"fixture leaves {type(record).__name__}.{f.name} at its default"


@pytest.mark.parametrize(
    "record",
    [full_profile(), full_self_evaluation(), full_achievement(), full_story(), full_recollection(), full_revision(),
     full_self_evaluation().answers["communication"], full_story().lens_history[0]],
    ids=lambda r: type(r).__name__,
)
def test_fixtures_set_every_field(record):
    assert_no_default_fields(record)


def test_every_record_type_survives_close_and_reopen(tmp_db):
    with Store.open(tmp_db) as store:
        profile = store.save_profile(full_profile())
        evaluation = store.save_self_evaluation(full_self_evaluation())
        recollection = store.save(full_recollection())
        achievement = store.save(full_achievement())
        story = store.save(full_story())
        changed = store.get(Story, "sto1")
        changed.action = "I rebuilt intake from scratch."
        changed = store.save(changed)
        [revision] = store.revisions("stories", "sto1", "action")

    with Store.open(tmp_db) as store:
        assert store.profile() == profile
        assert store.self_evaluation() == evaluation
        assert store.get(Achievement, "ach1") == achievement
        assert store.get(Recollection, "rec1") == recollection
        assert store.get(Story, "sto1") == changed
        assert store.get(Story, "sto1").lens_history == story.lens_history
        assert store.revisions("stories", "sto1", "action") == [revision]
        assert revision.text == "I reorganized intake."
    assert story.action == "I reorganized intake."
    # Everything given (apart from the save time stamp) is what was stored.
    assert dataclasses.replace(achievement, updated=OLD) == full_achievement()
    assert dataclasses.replace(story, updated=OLD) == full_story()
    assert profile == full_profile() and evaluation == full_self_evaluation()


def test_bank_to_dict_from_dict_round_trip():
    bank = full_bank()
    data = json.loads(json.dumps(bank.to_dict()))
    assert data["format"] == "ecq-tui" and data["schema_version"] == 1
    assert Bank.from_dict(data) == bank


def test_replace_all_round_trips_through_the_file(tmp_db):
    bank = full_bank()
    with Store.open(tmp_db) as store:
        store.replace_all(bank)
        assert store.bank() == bank
    with Store.open(tmp_db, read_only=True) as store:
        assert store.bank() == bank
        assert store.achievements() == bank.achievements  # creation order kept
        assert store.revisions("stories", "sto1") == bank.revisions


def test_records_can_be_added_after_replace_all_in_the_same_session(tmp_db):
    """An import inside a running session must not break later saves (TinyDB caches ids)."""
    with Store.open(tmp_db) as store:
        store.save(full_achievement(id="old1"))  # TinyDB now expects the next id to be 2...
        store.replace_all(full_bank())  # ...but the import fills ids 1 and 2
        added = store.save(full_achievement(id="new1", title="Added after import"))
        story = store.get(Story, "sto1")
        story.action = "Changed after import"
        store.save(story, checkpoint=True)
    with Store.open(tmp_db, read_only=True) as store:
        assert [a.id for a in store.achievements()] == ["ach1", "ach2", "new1"]
        assert store.get(Achievement, "new1") == added
        assert store.get(Story, "sto1").action == "Changed after import"
        assert {r.text for r in store.revisions("stories", "sto1", "action")} == {"I fixed intake.", "I reorganized intake."}


def test_new_file_gets_the_requested_framework(tmp_db):
    with Store.open(tmp_db, framework="2025") as store:
        assert store.report.created
        assert store.profile().framework == "2025"
    with Store.open(tmp_db, framework="classic") as store:  # an existing profile keeps its own
        assert not store.report.created
        assert store.profile().framework == "2025"


# --- revision history ---------------------------------------------------------------------


def _change(store: Store, text: str, **kw) -> Story:
    story = store.get(Story, "sto1")
    story.action = text
    return store.save(story, **kw)


@pytest.fixture
def story_store(tmp_db):
    with Store.open(tmp_db) as store:
        store.save(full_achievement(recollection_id=None))
        store.save(full_story())
        yield store


def test_changing_text_keeps_the_earlier_text_once_per_interval(story_store):
    _change(story_store, "second")
    _change(story_store, "third")
    assert [r.text for r in story_store.revisions("stories", "sto1", "action")] == ["I reorganized intake."]
    _change(story_store, "fourth", checkpoint=True)
    assert [r.text for r in story_store.revisions("stories", "sto1", "action")] == ["third", "I reorganized intake."]
    assert story_store.revisions("stories", "sto1", "result") == []  # untouched fields have none


def test_every_change_is_kept_when_the_interval_is_zero(story_store, monkeypatch):
    monkeypatch.setattr(store_mod, "REVISION_INTERVAL", timedelta(0))
    for text in ("v1", "v2", "v3"):
        _change(story_store, text)
    texts = [r.text for r in story_store.revisions("stories", "sto1", "action")]
    assert texts == ["v2", "v1", "I reorganized intake."]  # newest first, even within one second


def test_history_is_capped_per_field_and_keeps_the_newest(story_store, monkeypatch):
    monkeypatch.setattr(store_mod, "REVISION_INTERVAL", timedelta(0))
    total = REVISIONS_PER_FIELD + 6
    for i in range(total):
        _change(story_store, f"v{i}")
    texts = [r.text for r in story_store.revisions("stories", "sto1", "action")]
    expected = [f"v{i}" for i in range(total - 2, -1, -1)] + ["I reorganized intake."]
    assert texts == expected[:REVISIONS_PER_FIELD]


def test_blank_earlier_text_is_not_kept(story_store, monkeypatch):
    monkeypatch.setattr(store_mod, "REVISION_INTERVAL", timedelta(0))
    story = story_store.get(Story, "sto1")
    assert story.reframe
    for text in ("", "   ", "new angle"):
        story.reframe = text
        story = story_store.save(story)
    assert [r.text for r in story_store.revisions("stories", "sto1", "reframe")] == ["Told as change leadership"]


def test_restore_revision_puts_old_text_back_and_keeps_the_replaced_one(story_store, tmp_db, monkeypatch):
    monkeypatch.setattr(store_mod, "REVISION_INTERVAL", timedelta(0))
    _change(story_store, "draft two")
    _change(story_store, "draft three")
    oldest = story_store.revisions("stories", "sto1", "action")[-1]
    assert oldest.text == "I reorganized intake."
    restored = story_store.restore_revision(oldest)
    assert restored.action == "I reorganized intake."
    assert story_store.get(Story, "sto1").action == "I reorganized intake."
    texts = [r.text for r in story_store.revisions("stories", "sto1", "action")]
    assert texts[0] == "draft three" and "draft two" in texts
    story_store.close()
    with Store.open(tmp_db, read_only=True) as again:
        assert again.get(Story, "sto1").action == "I reorganized intake."
        assert "draft three" in [r.text for r in again.revisions("stories", "sto1", "action")]


def test_restore_revision_of_a_profile_name(tmp_db):
    with Store.open(tmp_db) as store:
        store.save_profile(full_profile())
        renamed = full_profile()
        renamed.name = "Someone Else"
        store.save_profile(renamed)
        [rev] = store.revisions("profile", "profile", "name")
        assert rev.text == "Zoë O’Brien-Łukasz"


def test_deleting_an_achievement_deletes_its_stories_and_their_history(tmp_db, monkeypatch):
    monkeypatch.setattr(store_mod, "REVISION_INTERVAL", timedelta(0))
    with Store.open(tmp_db) as store:
        store.save(full_recollection())
        store.save(full_achievement())
        store.save(full_achievement(id="keep", title="Other"))
        store.save(full_story())
        store.save(full_story(id="sto2"))
        store.save(full_story(id="sto3", achievement_id="keep"))
        _change(store, "changed")
        assert store.revisions("stories", "sto1")
        assert store.delete(Achievement, "ach1") == 3
        assert [s.id for s in store.stories()] == ["sto3"]
        assert store.revisions("stories", "sto1") == []
        assert store.get(Recollection, "rec1").achievement_id is None  # the recollection stays
    with Store.open(tmp_db, read_only=True) as store:
        assert [a.id for a in store.achievements()] == ["keep"]
        assert [s.id for s in store.stories()] == ["sto3"]
        assert store.get(Recollection, "rec1").text == "You calmed the room."


def test_a_story_of_a_missing_achievement_is_refused_and_nothing_changes(tmp_db):
    with Store.open(tmp_db) as store:
        store.save(full_achievement(recollection_id=None))
        before = tmp_db.read_bytes()
        with pytest.raises(StoreError):
            store.save(full_story(achievement_id="nope"))
        assert tmp_db.read_bytes() == before
        assert store.stories() == []
        store.save(full_story())  # and the store still works
        assert len(store.stories()) == 1


# --- backups --------------------------------------------------------------------------------


def test_backups_only_when_changed_at_most_five_newest_first(tmp_db):
    with Store.open(tmp_db) as store:
        assert store.report.created
        assert list_backups(tmp_db) == []  # a brand-new file has nothing to back up yet
    assert len(list_backups(tmp_db)) == 1  # the close copies the session's work
    assert list_backups(tmp_db)[0].read_bytes() == tmp_db.read_bytes()

    for _ in range(2):  # opening and closing without a change adds nothing
        with Store.open(tmp_db) as store:
            assert not store.report.backed_up
    assert len(list_backups(tmp_db)) == 1

    states = [tmp_db.read_bytes()]
    for i in range(BACKUPS_KEPT + 2):
        with Store.open(tmp_db) as store:
            store.save(full_achievement(id=f"a{i}", recollection_id=None))
        states.append(tmp_db.read_bytes())
    backups = list_backups(tmp_db)
    assert len(backups) == 5 == BACKUPS_KEPT
    assert [b.read_bytes() for b in backups] == states[::-1][:5]  # newest first


def test_a_change_made_by_hand_between_sessions_is_backed_up_on_open(tmp_db):
    with Store.open(tmp_db) as store:
        store.save(full_achievement(recollection_id=None))
    data = json.loads(tmp_db.read_text(encoding="utf-8"))
    data["achievements"]["1"]["title"] = "edited in a text editor"
    tmp_db.write_text(json.dumps(data), encoding="utf-8")
    edited = tmp_db.read_bytes()
    with Store.open(tmp_db) as store:
        assert store.report.backed_up
        assert list_backups(tmp_db)[0].read_bytes() == edited
        assert store.get(Achievement, "ach1").title == "edited in a text editor"
