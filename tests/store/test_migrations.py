"""Forward migrations. Version 1 is the first released layout, so MIGRATIONS is empty; this
proves the machinery every future migration will use (a test per real migration goes here)."""

from __future__ import annotations

import json

import pytest

import ecqtui.core.bank as bank_module
import ecqtui.store as store_module
from ecqtui.core.models import Achievement
from ecqtui.store import Store


def test_there_are_no_migrations_before_the_first_released_layout():
    assert store_module.SCHEMA_VERSION == 1 and store_module.MIGRATIONS == {}


@pytest.fixture
def version_2(monkeypatch):
    """A pretend next layout: achievements gain a 'tags' list."""

    def add_tags(tables: dict) -> dict:
        for doc in tables.get("achievements", {}).values():
            doc.setdefault("tags", [])
        return tables

    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(bank_module, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(store_module.MIGRATIONS, 1, add_tags)


def test_opening_an_older_file_migrates_it_once_and_backs_up_the_old_version_first(tmp_db, monkeypatch, version_2):
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 1)
    monkeypatch.setattr(bank_module, "SCHEMA_VERSION", 1)
    with Store.open(tmp_db) as store:
        store.save(Achievement(title="Stood up the intake unit"))
    old_bytes = tmp_db.read_bytes()
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(bank_module, "SCHEMA_VERSION", 2)

    with Store.open(tmp_db) as store:
        assert store.report.migrated_from == 1
        assert [a.title for a in store.achievements()] == ["Stood up the intake unit"]
    data = json.loads(tmp_db.read_text(encoding="utf-8"))
    assert next(iter(data["meta"].values()))["schema_version"] == 2
    assert all(doc["tags"] == [] for doc in data["achievements"].values())
    assert any(b.read_bytes() == old_bytes for b in Store.open(tmp_db, read_only=True).backups())

    with Store.open(tmp_db) as store:                       # already current: nothing to do
        assert store.report.migrated_from is None
