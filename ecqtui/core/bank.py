"""A whole profile in memory: the unit of export, import, demo data and every pure computation.

The store hands out a :class:`Bank` snapshot; the coach and the outline work on it and never
touch the store. ``Bank.to_dict`` is exactly the JSON that ``ecq-tui export --json`` writes and
``ecq-tui import`` reads, and the format of ``sample_data/demo.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ecqtui.core.models import (
    Achievement,
    ModelError,
    Profile,
    Recollection,
    Revision,
    SelfEvaluation,
    Story,
    now_iso,
)

#: The version of the stored and exported data layout. Bump it with a migration in store.py.
SCHEMA_VERSION = 1
#: Marks a file as ours, so importing some other JSON file fails with a clear reason.
EXPORT_FORMAT = "ecq-tui"


class BankError(ValueError):
    """The data cannot be taken in; the message names the record and the reason."""


@dataclass
class Bank:
    profile: Profile = field(default_factory=Profile)
    self_evaluation: SelfEvaluation = field(default_factory=SelfEvaluation)
    achievements: list[Achievement] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    recollections: list[Recollection] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)

    # --- lookups used by the coach, the outline and the screens ---------------------------

    def achievement(self, achievement_id: str) -> Achievement | None:
        return next((a for a in self.achievements if a.id == achievement_id), None)

    def story(self, story_id: str) -> Story | None:
        return next((s for s in self.stories if s.id == story_id), None)

    def story_title(self, story_id: str) -> str:
        """How a story is named to the user: its achievement's title (stories have no title of their own)."""
        story = self.story(story_id)
        if story is None:
            return story_id
        achievement = self.achievement(story.achievement_id)
        return (achievement.title if achievement else "") or "(untitled achievement)"

    def stories_for(self, achievement_id: str) -> list[Story]:
        return [s for s in self.stories if s.achievement_id == achievement_id]

    def stories_by_ecq(self) -> dict[str, list[Story]]:
        grouped: dict[str, list[Story]] = {}
        for story in self.stories:
            grouped.setdefault(story.ecq, []).append(story)
        return grouped

    # --- export format ---------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": EXPORT_FORMAT,
            "schema_version": SCHEMA_VERSION,
            "exported": now_iso(),
            "profile": self.profile.to_dict(),
            "self_evaluation": self.self_evaluation.to_dict(),
            "achievements": [a.to_dict() for a in self.achievements],
            "stories": [s.to_dict() for s in self.stories],
            "recollections": [r.to_dict() for r in self.recollections],
            "revisions": [r.to_dict() for r in self.revisions],
        }

    @classmethod
    def from_dict(cls, data: Any) -> Bank:
        """Validate and load an export. Raises BankError naming the first problem found."""
        if not isinstance(data, dict):
            raise BankError("the file does not hold an ecq-tui export (its top level is not an object)")
        if data.get("format") != EXPORT_FORMAT:
            raise BankError("the file is not an ecq-tui export (no \"format\": \"ecq-tui\" marker)")
        version = data.get("schema_version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise BankError("the export has no valid schema_version")
        if version > SCHEMA_VERSION:
            raise BankError(
                f"the export was written by a newer ecq-tui (data version {version}; "
                f"this one reads up to {SCHEMA_VERSION}); upgrade ecq-tui to read it"
            )
        bank = cls(
            profile=_load(Profile, data.get("profile", {}), "profile"),
            self_evaluation=_load(SelfEvaluation, data.get("self_evaluation", {}), "self_evaluation"),
            achievements=_load_list(Achievement, data, "achievements"),
            stories=_load_list(Story, data, "stories"),
            recollections=_load_list(Recollection, data, "recollections"),
            revisions=_load_list(Revision, data, "revisions"),
        )
        bank.check_links()
        return bank

    def check_links(self) -> None:
        """Ids are unique per kind and every story points at an achievement that exists."""
        for kind in ("achievements", "stories", "recollections"):
            seen: set[str] = set()
            for record in getattr(self, kind):
                if record.id in seen:
                    raise BankError(f"{kind}: the id {record.id!r} is used twice")
                seen.add(record.id)
        achievement_ids = {a.id for a in self.achievements}
        for story in self.stories:
            if story.achievement_id not in achievement_ids:
                raise BankError(
                    f"stories: story {story.id!r} tells achievement {story.achievement_id!r}, "
                    "which is not in the file"
                )


def _load(cls, value: Any, where: str):
    try:
        return cls.from_dict(value)
    except ModelError as exc:
        raise BankError(f"{where}: {exc}") from None


def _load_list(cls, data: dict, key: str) -> list:
    items = data.get(key, [])
    if not isinstance(items, list):
        raise BankError(f"{key}: must be a list")
    return [_load(cls, item, f"{key}[{i}]") for i, item in enumerate(items)]
