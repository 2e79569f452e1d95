"""Domain model behaviour."""

from __future__ import annotations


def test_changing_a_story_lens_keeps_the_old_one_and_resets_competencies():
    from ecqtui.core.models import Story

    story = Story(achievement_id="a", ecq="RD", competencies=["accountability"])
    story.change_lens("LC")
    assert (story.ecq, story.competencies) == ("LC", [])
    assert (story.lens_history[-1].from_ecq, story.lens_history[-1].to_ecq) == ("RD", "LC")
    story.change_lens("LC")                       # the same lens again changes nothing
    assert len(story.lens_history) == 1


def test_a_story_is_named_by_its_achievement():
    from ecqtui.core.bank import Bank
    from ecqtui.core.models import Achievement, Story

    bank = Bank(achievements=[Achievement(id="a1", title="Budget turnaround"), Achievement(id="a2")],
                stories=[Story(id="s1", achievement_id="a1", ecq="BA"), Story(id="s2", achievement_id="a2")])
    assert bank.story_title("s1") == "Budget turnaround"
    assert bank.story_title("s2") == "(untitled achievement)"
    assert bank.story_title("missing") == "missing"
