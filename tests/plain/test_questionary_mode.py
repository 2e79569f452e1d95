"""The questionary back end driven through prompt_toolkit's pipe input and DummyOutput."""

from __future__ import annotations

import io

import pytest
from plain_helpers import TODAY, empty_db  # noqa: F401  (fixture)
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from ecqtui.plain.flow import PlainFlow
from ecqtui.plain.io import Choice, QuestionaryIO
from ecqtui.store import Store

DOWN, ENTER, ESC_ENTER, CTRL_C, SPACE = "\x1b[B", "\r", "\x1b\r", "\x03", " "


class FedIO(QuestionaryIO):
    """Sends the next chunk of keys just before each question, as a user would type them."""

    def __init__(self, pipe, chunks: list[str]) -> None:
        super().__init__(input=pipe, output=DummyOutput(), stdout=io.StringIO())
        self.pipe = pipe
        self.chunks = list(chunks)

    def _feed(self) -> None:
        self.pipe.send_text(self.chunks.pop(0))

    def choose(self, *a, **k):
        self._feed()
        return super().choose(*a, **k)

    def text(self, *a, **k):
        self._feed()
        return super().text(*a, **k)

    def lines(self, *a, **k):
        self._feed()
        return super().lines(*a, **k)

    def confirm(self, *a, **k):
        self._feed()
        return super().confirm(*a, **k)

    def checkbox(self, *a, **k):
        self._feed()
        return super().checkbox(*a, **k)


@pytest.fixture
def pipe():
    with create_pipe_input() as inp:
        yield inp


CHOICES = [Choice("yes", "Yes"), Choice("not_yet", "Not yet"), Choice("unsure", "Unsure")]


def test_select_moves_with_arrows_and_starts_on_the_default(pipe):
    qio = FedIO(pipe, [DOWN + ENTER, ENTER])
    assert qio.choose("k", "Ready?", CHOICES) == "not_yet"
    assert qio.choose("k", "Ready?", CHOICES, default="unsure") == "unsure"


def test_text_validation_refuses_then_accepts(pipe):
    qio = FedIO(pipe, [ENTER + "Budget reform" + ENTER])
    assert qio.text("k", "Title", validate=lambda t: None if t else "Please give a title.") == "Budget reform"


def test_multiline_text_ends_with_escape_enter_and_keeps_newlines(pipe):
    qio = FedIO(pipe, ["First line" + ENTER + "[bold]second[/bold]" + ESC_ENTER])
    assert qio.lines("k", "Action") == "First line\n[bold]second[/bold]"


def test_confirm_defaults_to_no_on_enter(pipe):
    qio = FedIO(pipe, [ENTER, "y"])
    assert qio.confirm("k", "Delete?", default=False) is False
    assert qio.confirm("k", "Delete?", default=False) is True


def test_checkbox_toggles_with_space(pipe):
    qio = FedIO(pipe, [SPACE + DOWN + DOWN + SPACE + ENTER])
    assert qio.checkbox("k", "Which?", CHOICES, selected=["not_yet"]) == ["yes", "not_yet", "unsure"]


def test_ctrl_c_raises_instead_of_answering(pipe):
    qio = FedIO(pipe, ["half typed" + CTRL_C])
    with pytest.raises(KeyboardInterrupt):
        qio.text("k", "Title")


def test_flow_adds_an_achievement_and_ctrl_c_at_the_menu_leaves(pipe, empty_db):
    keys = [
        DOWN + ENTER,                     # step menu: Self-evaluation is the default; Down = Brainstorm
        ENTER,                            # What next? Add an achievement (the default)
        "GMS cloud migration + ATO" + ENTER,
        "Moved 14 apps to FedRAMP cloud." + ESC_ENTER,
        "2021" + ENTER, "n",              # started 2021; not ongoing (confirm answers on the key)
        "2023" + ENTER, "40" + ENTER, "$6.1M" + ENTER, "3" + ENTER,
        "ATO in 9 months" + ESC_ENTER, ESC_ENTER,
        DOWN * 5 + ENTER,                 # Done with Brainstorm
        CTRL_C,                           # at the menu: leave
    ]
    with Store.open(empty_db) as store:
        qio = FedIO(pipe, keys)
        code = PlainFlow(store, qio, today=TODAY).run()
        [a] = store.achievements()
    assert code == 130 and not qio.chunks
    assert (a.title, a.start_year, a.end_year, a.people, a.budget, a.organizations) == (
        "GMS cloud migration + ATO", 2021, 2023, 40, 6.1e6, 3)
    assert a.results == ["ATO in 9 months"]
    assert "Everything up to your last answer is saved." in qio.stdout.getvalue()
