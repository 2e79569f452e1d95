"""How plain mode asks and tells: three interchangeable back ends behind one small interface.

* :class:`QuestionaryIO` - arrow-key menus and prompts (questionary / prompt_toolkit).
* :class:`LineIO` - pure lines in and out, numbered choices, not one escape byte: for screen
  readers, braille displays, TERM=dumb consoles and anything that records a transcript.
* :class:`ScriptIO` - answers read from an ``--answers`` file (docs/answers-format.md), the
  transcript written like :class:`LineIO`.

Every question has a stable ``key`` (``brainstorm.title``) so an answers file can say which
question each answer is for, and a ``where`` line ("Step 2 of 6, Brainstorm, achievement 3 of
14") that is spoken before it. Ctrl+C raises KeyboardInterrupt and end of input raises EOFError
from any back end; nothing is returned for an answer that was not completed.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence, TextIO

from ecqtui.core.text import sanitize

#: The line that ends a multi-line answer in line mode and in answers files' documentation.
END_OF_TEXT = "."
#: Typed alone, clears a field instead of keeping its current value.
CLEAR = "-"

Validator = Callable[[str], str | None]  # returns an error message, or None when the text is fine


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


class AnswerError(Exception):
    """An answers file that does not fit the questions asked (exit 2 with this message)."""


class PlainIO:
    """What every back end offers. ``where`` is set by the flow before each question."""

    where: str = ""

    def say(self, text: str = "") -> None:
        raise NotImplementedError

    def choose(self, key: str, prompt: str, choices: Sequence[Choice], default: str | None = None) -> str:
        raise NotImplementedError

    def text(self, key: str, prompt: str, default: str = "", validate: Validator | None = None) -> str:
        raise NotImplementedError

    def lines(self, key: str, prompt: str, default: str = "") -> str:
        """Several lines of text (a CCAR part, notes); the current text is kept when nothing is typed."""
        raise NotImplementedError

    def confirm(self, key: str, prompt: str, default: bool = False) -> bool:
        raise NotImplementedError

    def checkbox(self, key: str, prompt: str, choices: Sequence[Choice], selected: Sequence[str] = ()) -> list[str]:
        raise NotImplementedError


def _clean(text: str) -> str:
    # Nothing a user (or an answers file) typed may carry terminal control sequences into the store.
    return sanitize(text)


# --- line mode -----------------------------------------------------------------------------------


class LineIO(PlainIO):
    """Reads whole lines and writes plain text: no colours, no cursor movement, no escape bytes."""

    def __init__(self, stdin: TextIO | None = None, stdout: TextIO | None = None) -> None:
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self._ended = False

    def say(self, text: str = "") -> None:
        self.stdout.write(_printable(text) + "\n")
        self.stdout.flush()

    def _ask(self, prompt: str) -> str:
        if self._ended:
            raise EOFError
        self.stdout.write(_printable(prompt))
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            self._ended = True
            raise EOFError
        return line.rstrip("\r\n")

    def _where(self, prompt: str) -> None:
        self.say()
        if self.where:
            self.say(self.where + ".")
        self.say(prompt)

    def _list(self, choices: Sequence[Choice], default: str | None = None) -> None:
        for i, choice in enumerate(choices, 1):
            mark = " (default)" if choice.value == default else ""
            self.say(f"  {i}. {_one_line(choice.label)}{mark}")

    def choose(self, key: str, prompt: str, choices: Sequence[Choice], default: str | None = None) -> str:
        self._where(prompt)
        self._list(choices, default)
        hint = f"Type a number from 1 to {len(choices)}"
        default_index = next((i for i, c in enumerate(choices, 1) if c.value == default), None)
        if default_index:
            hint += f", or press Enter for {default_index}"
        while True:
            raw = self._ask(hint + ": ").strip()
            if not raw and default_index:
                return choices[default_index - 1].value
            found = _match_choice(raw, choices)
            if found is not None:
                return found
            self.say(f"'{raw}' is not one of the choices. {hint}.")

    def text(self, key: str, prompt: str, default: str = "", validate: Validator | None = None) -> str:
        self._where(prompt)
        if default:
            self.say(f"Now: {_one_line(default)}")
            self.say(f"Press Enter (or type a full stop) to keep it; type {CLEAR} alone to clear it.")
        while True:
            raw = self._ask("> ")
            value = default if raw.strip() in ("", END_OF_TEXT) else "" if raw.strip() == CLEAR else raw
            value = _clean(value).strip()
            problem = validate(value) if validate else None
            if problem is None:
                return value
            self.say(problem)

    def lines(self, key: str, prompt: str, default: str = "") -> str:
        self._where(prompt)
        if default:
            self.say("Now:")
            for line in default.splitlines():
                self.say("  | " + line)
            self.say(f"Type new text to replace it and end with a line holding only a full stop ({END_OF_TEXT}). "
                     f"A full stop at once keeps it; {CLEAR} alone clears it.")
        else:
            self.say(f"Type the text and end with a line holding only a full stop ({END_OF_TEXT}); "
                     "a full stop at once skips it.")
        collected: list[str] = []
        while True:
            try:
                line = self._ask("> ")
            except EOFError:
                if any(part.strip() for part in collected):
                    break  # Ctrl+D ends the text: what was typed is the answer
                raise
            if line.strip() == END_OF_TEXT:
                break
            if not collected and line.strip() == CLEAR:
                return ""
            collected.append(line)
        # Blank lines around the text (a paste often starts with one) are not part of it.
        text = _clean("\n".join(collected)).strip("\n")
        return text if text.strip() else default

    def confirm(self, key: str, prompt: str, default: bool = False) -> bool:
        self._where(prompt)
        hint = f"Type yes or no, or press Enter for {'yes' if default else 'no'}: "
        while True:
            raw = self._ask(hint).strip().lower()
            if not raw:
                return default
            if raw in ("y", "yes"):
                return True
            if raw in ("n", "no"):
                return False
            self.say("Please type yes or no.")

    def checkbox(self, key: str, prompt: str, choices: Sequence[Choice], selected: Sequence[str] = ()) -> list[str]:
        self._where(prompt)
        for i, choice in enumerate(choices, 1):
            self.say(f"  {i}. {'[x]' if choice.value in selected else '[ ]'} {_one_line(choice.label)}")
        hint = ("Type the numbers of every item to tick, separated by spaces (for example 1 3); "
                "they replace the ticks shown. Enter keeps the ticks shown; 0 unticks all: ")
        while True:
            raw = self._ask(hint).strip()
            if not raw:
                return [c.value for c in choices if c.value in selected]
            if raw == "0":
                return []
            picked = _parse_numbers(raw, len(choices))
            if picked is not None:
                return [choices[i - 1].value for i in sorted(picked)]
            self.say(f"Use numbers from 1 to {len(choices)}.")


def _printable(text: str) -> str:
    # User text was sanitized when saved; this also covers text read from an older or hand-edited file.
    return sanitize(text)


def _one_line(text: str) -> str:
    """A label or value on one line: a numbered list read aloud must not break in the middle."""
    return " ".join(text.split())


def _short(text: str, limit: int = 60) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 3] + "..."


def _match_choice(raw: str, choices: Sequence[Choice]) -> str | None:
    if raw.isdigit() and 1 <= int(raw) <= len(choices):
        return choices[int(raw) - 1].value
    lowered = raw.lower()
    if not lowered:
        return None
    for choice in choices:
        if lowered in (choice.value.lower(), choice.label.lower()):
            return choice.value
    starts = [c for c in choices if c.label.lower().startswith(lowered)]
    return starts[0].value if len(starts) == 1 else None


def _parse_numbers(raw: str, limit: int) -> set[int] | None:
    try:
        numbers = {int(part) for part in raw.replace(",", " ").split()}
    except ValueError:
        return None
    return numbers if numbers and all(1 <= n <= limit for n in numbers) else None


# --- answers file ----------------------------------------------------------------------------------


ANSWERS_FORMAT = "ecq-tui-answers"
ANSWERS_VERSION = 1


def load_answers(path: str | Path) -> list[tuple[str | None, Any]]:
    """Read an answers file: a JSON list of {"prompt": key, "answer": value} (or bare values)."""
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise AnswerError(f"cannot read the answers file {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise AnswerError(f"the answers file {path} is not UTF-8 text") from None
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise AnswerError(f"the answers file {path} is not valid JSON: {exc}") from None
    if isinstance(data, dict):
        if data.get("format") not in (None, ANSWERS_FORMAT):
            raise AnswerError(f"the answers file {path} says format {data.get('format')!r}; "
                              f"expected {ANSWERS_FORMAT!r}")
        if data.get("version", ANSWERS_VERSION) != ANSWERS_VERSION:
            raise AnswerError(f"the answers file {path} is version {data.get('version')!r}; "
                              f"this ecq-tui reads version {ANSWERS_VERSION}")
        data = data.get("answers")
    if not isinstance(data, list):
        raise AnswerError(f"the answers file {path} must hold a list of answers (see docs/answers-format.md)")
    out: list[tuple[str | None, Any]] = []
    for n, item in enumerate(data, 1):
        if isinstance(item, dict):
            if "answer" not in item:
                raise AnswerError(f"answer {n} in {path} has no \"answer\"")
            key = item.get("prompt")
            if key is not None and not isinstance(key, str):
                raise AnswerError(f"answer {n} in {path}: \"prompt\" must be a text")
            out.append((key, item["answer"]))
        else:
            out.append((None, item))
    return out


class ScriptIO(LineIO):
    """Takes each answer from an answers file, in order, and writes a plain transcript."""

    def __init__(self, answers: list[tuple[str | None, Any]], stdout: TextIO | None = None,
                 source: str = "the answers file") -> None:
        super().__init__(stdin=None, stdout=stdout)
        self.answers = answers
        self.position = 0
        self.source = source

    def _next(self, key: str, prompt: str, choices: Sequence[Choice] = ()) -> Any:
        self._where(prompt)
        self._list(choices)  # the transcript shows the numbers an answers file can use
        if self.position >= len(self.answers):
            raise EOFError(f"{self.source} ended at the question {key!r} ({self.where or prompt})")
        expected, value = self.answers[self.position]
        self.position += 1
        if expected is not None and expected != key:
            raise AnswerError(
                f"answer {self.position} in {self.source} is for {expected!r}, but the question asked is "
                f"{key!r} ({self.where or prompt})"
            )
        self.say(f"> {_short(json.dumps(value, ensure_ascii=False), 200)}")
        return value

    def _fail(self, key: str, message: str) -> AnswerError:
        return AnswerError(f"answer {self.position} in {self.source} ({key!r}): {message}")

    def choose(self, key: str, prompt: str, choices: Sequence[Choice], default: str | None = None) -> str:
        value = self._next(key, prompt, choices)
        found = _match_choice(str(value), choices) if isinstance(value, (str, int)) and not isinstance(value, bool) else None
        if found is None:
            allowed = ", ".join(repr(c.value) for c in choices)
            raise self._fail(key, f"{value!r} is not one of the choices: {allowed}")
        return found

    def text(self, key: str, prompt: str, default: str = "", validate: Validator | None = None) -> str:
        value = self._next(key, prompt)
        if value is None:
            return default
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise self._fail(key, "the answer must be a text (or null to keep the current value)")
        value = _clean(value).strip()
        problem = validate(value) if validate else None
        if problem:
            raise self._fail(key, problem)
        return value

    def lines(self, key: str, prompt: str, default: str = "") -> str:
        value = self._next(key, prompt)
        if value is None:
            return default
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = "\n".join(value)
        if not isinstance(value, str):
            raise self._fail(key, "the answer must be a text, a list of lines, or null to keep the current text")
        return _clean(value).strip("\n")

    def confirm(self, key: str, prompt: str, default: bool = False) -> bool:
        value = self._next(key, prompt)
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("yes", "y", "no", "n"):
            return value.strip().lower().startswith("y")
        raise self._fail(key, "the answer must be true or false")

    def checkbox(self, key: str, prompt: str, choices: Sequence[Choice], selected: Sequence[str] = ()) -> list[str]:
        value = self._next(key, prompt, choices)
        if value is None:
            return [c.value for c in choices if c.value in selected]
        if not isinstance(value, list):
            raise self._fail(key, "the answer must be a list of choices (or null to keep the ticked ones)")
        picked: list[str] = []
        for item in value:
            found = _match_choice(str(item), choices) if isinstance(item, (str, int)) else None
            if found is None:
                allowed = ", ".join(repr(c.value) for c in choices)
                raise self._fail(key, f"{item!r} is not one of the choices: {allowed}")
            if found not in picked:
                picked.append(found)
        return picked


# --- questionary ------------------------------------------------------------------------------------


class QuestionaryIO(PlainIO):
    """Arrow-key menus for sighted users on capable terminals.

    ``input``/``output`` are prompt_toolkit objects; tests pass a pipe input and a DummyOutput.
    Prompts use ``unsafe_ask`` so Ctrl+C raises KeyboardInterrupt instead of returning None,
    which would be indistinguishable from an answer.
    """

    def __init__(self, input: Any = None, output: Any = None, stdout: TextIO | None = None) -> None:
        import questionary  # deferred: only this back end needs prompt_toolkit

        self.q = questionary
        self.kwargs = {k: v for k, v in (("input", input), ("output", output)) if v is not None}
        self.stdout = stdout or sys.stdout

    def say(self, text: str = "") -> None:
        # Sighted users on a terminal: wrap at word boundaries (line mode never wraps: a braille
        # display or screen reader does its own).
        import shutil
        import textwrap

        width = max(40, shutil.get_terminal_size((80, 24)).columns - 1)
        lines = [textwrap.fill(line, width, subsequent_indent=" " * (len(line) - len(line.lstrip())))
                 if len(line) > width else line for line in _printable(text).split("\n")]
        self.stdout.write("\n".join(lines) + "\n")
        self.stdout.flush()

    def _header(self) -> None:
        if self.where:
            self.say(self.where)

    def choose(self, key: str, prompt: str, choices: Sequence[Choice], default: str | None = None) -> str:
        self._header()
        q_choices = [self.q.Choice(title=_printable(c.label), value=c.value) for c in choices]
        default_choice = next((c for c in q_choices if c.value == default), None)
        return self.q.select(_printable(prompt), choices=q_choices, default=default_choice,
                             use_shortcuts=len(choices) <= 36, **self.kwargs).unsafe_ask()

    def text(self, key: str, prompt: str, default: str = "", validate: Validator | None = None) -> str:
        self._header()

        def check(value: str) -> bool | str:
            problem = validate(_clean(value).strip()) if validate else None
            return problem or True

        value = self.q.text(_printable(prompt), default=default, validate=check, **self.kwargs).unsafe_ask()
        return _clean(value).strip()

    def lines(self, key: str, prompt: str, default: str = "") -> str:
        self._header()
        value = self.q.text(_printable(prompt), default=default, multiline=True,
                            instruction="(Esc then Enter to finish)", **self.kwargs).unsafe_ask()
        return _clean(value).strip("\n")

    def confirm(self, key: str, prompt: str, default: bool = False) -> bool:
        self._header()
        return bool(self.q.confirm(_printable(prompt), default=default, **self.kwargs).unsafe_ask())

    def checkbox(self, key: str, prompt: str, choices: Sequence[Choice], selected: Sequence[str] = ()) -> list[str]:
        self._header()
        q_choices = [self.q.Choice(title=_printable(c.label), value=c.value, checked=c.value in selected)
                     for c in choices]
        return list(self.q.checkbox(_printable(prompt), choices=q_choices, **self.kwargs).unsafe_ask())
