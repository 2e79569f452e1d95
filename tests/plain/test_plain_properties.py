"""Property tests: whatever a file or a keyboard sends, plain mode answers with a value or a clear error."""

from __future__ import annotations

import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from ecqtui.plain.io import AnswerError, Choice, LineIO, ScriptIO, load_answers

CHOICES = [Choice("yes", "Yes"), Choice("not_yet", "Not yet"), Choice("LC", "LC Leading Change")]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_load_answers_returns_pairs_or_refuses_with_a_reason(tmp_path_factory, value):
    path = tmp_path_factory.mktemp("answers") / "a.json"
    path.write_text(json.dumps(value), encoding="utf-8")
    try:
        answers = load_answers(path)
    except AnswerError as exc:
        assert str(exc)
        return
    assert all(key is None or isinstance(key, str) for key, _ in answers)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_script_answers_of_any_shape_give_a_value_or_an_answer_error(value):
    for ask in (lambda s: s.choose("k", "Q", CHOICES), lambda s: s.text("k", "Q"), lambda s: s.lines("k", "Q"),
                lambda s: s.confirm("k", "Q"), lambda s: s.checkbox("k", "Q", CHOICES)):
        script = ScriptIO([("k", value)], stdout=io.StringIO())
        try:
            result = ask(script)
        except AnswerError:
            continue
        if isinstance(result, str):
            assert "\x1b" not in result
        assert "\x1b" not in script.stdout.getvalue()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(), min_size=1, max_size=6))
def test_typed_lines_never_store_control_sequences_and_choices_always_resolve(lines):
    typed = "".join(line.replace("\n", " ").replace("\r", " ") + "\n" for line in lines) + "1\n.\n"
    out = io.StringIO()
    line_io = LineIO(io.StringIO(typed), out)
    text = line_io.text("k", "Q")
    assert "\x1b" not in text and "\x9b" not in text
    rest = LineIO(io.StringIO("1\n"), out)
    assert rest.choose("k", "Q", CHOICES) == "yes"
    assert "\x1b" not in out.getvalue()
