"""Words, sentences and cue matching: the small text machinery the coach is built on.

Everything here is linear in the length of the text (no backtracking regexes), so a 1 MB
paste is checked as fast as it can be read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

# A word: letters/digits with inner apostrophes or ampersands ("Lean", "FY24", "O'Neil", "R&D").
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’&][A-Za-z0-9]+)*")
# A sentence ends at . ! ? followed by space, or at a line break (bullets, headings).
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+")
# Figures: digits, money, percentages, and the number words people use for results.
FIGURE = re.compile(
    r"\$\s?\d|\d|\b(?:percent|half|doubled|tripled|twice|dozens?|hundreds|thousands|millions|billions)\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


@dataclass(frozen=True)
class Token:
    text: str
    lower: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    return [Token(m.group(), m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]


def sentences(text: str) -> list[tuple[int, int, str]]:
    """(start, end, sentence) for each non-blank sentence or line of ``text``."""
    out = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        _add_sentence(out, text, start, m.start())
        start = m.end()
    _add_sentence(out, text, start, len(text))
    return out


def _add_sentence(out: list, text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        out.append((start + lead, start + lead + len(stripped), stripped))


def has_figure(text: str) -> bool:
    return FIGURE.search(text) is not None


def word_count(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


# --- cue matching --------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """A cue phrase as written in the framework data, ready to match tokens."""

    phrase: str
    words: tuple[str, ...]
    acronym: bool
    prefix: bool


def parse_cue(phrase: str) -> Cue:
    prefix = phrase.endswith("*")
    body = phrase[:-1] if prefix else phrase
    acronym = any(c.isupper() for c in body)
    words = tuple(t.group() if acronym else t.group().lower() for t in _WORD.finditer(body))
    return Cue(phrase, words, acronym, prefix)


def _word_matches(cue_word: str, token: Token, *, acronym: bool, prefix: bool) -> bool:
    if acronym:
        # "MOU" matches "MOU" and "MOUs"; never the lower-case word.
        return token.text == cue_word or token.text == cue_word + "s"
    if prefix:
        return token.lower.startswith(cue_word)
    word = token.lower
    if word == cue_word:
        return True
    # Light inflection so "budget" finds "budgets" and "negotiate" finds "negotiated".
    for suffix in ("s", "es", "ed", "d", "ing"):
        if word == cue_word + suffix:
            return True
    if cue_word.endswith("e") and word == cue_word[:-1] + "ing":
        return True
    # "plan" finds "planned"/"planning"; a plural cue ("procedures") finds the singular.
    if word in (cue_word + cue_word[-1:] + "ed", cue_word + cue_word[-1:] + "ing"):
        return True
    if len(cue_word) > 4 and cue_word.endswith("s") and not cue_word.endswith("ss"):
        if word == cue_word[:-1] or (cue_word.endswith("es") and word == cue_word[:-2]):
            return True
    if cue_word.endswith("y") and word in (cue_word[:-1] + "ies", cue_word[:-1] + "ied"):
        return True
    return False


class CueIndex:
    """Finds which of many cues occur in a text, by token, in one pass."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.cues: dict[str, Cue] = {}
        self._by_first: dict[str, list[Cue]] = {}
        # Single-word prefix cues ("negotiat*"), indexed by their first three letters.
        self._prefix_single: dict[str, list[Cue]] = {}
        for phrase in phrases:
            if phrase in self.cues:
                continue
            cue = parse_cue(phrase)
            if not cue.words:
                continue
            self.cues[phrase] = cue
            if cue.prefix and len(cue.words) == 1:
                self._prefix_single.setdefault(cue.words[0][:3].lower(), []).append(cue)
            else:
                self._by_first.setdefault(cue.words[0], []).append(cue)

    def find(self, toks: list[Token]) -> Iterator[tuple[Cue, int, int]]:
        """Yield (cue, start char, end char) for every cue occurrence in ``toks``."""
        toks = [_without_possessive(t) if "s" in t.lower[-1:] and len(t.text) > 3 else t for t in toks]
        by_first = self._by_first
        for i, tok in enumerate(toks):
            candidates = by_first.get(tok.lower, [])
            if tok.text != tok.lower and tok.text in by_first:
                candidates = candidates + by_first[tok.text]
            for key in _inflection_roots(tok.lower):
                if key in by_first:
                    candidates = candidates + by_first[key]
            if tok.text.endswith("s") and tok.text[:-1] in by_first:  # "MOUs"
                candidates = candidates + by_first[tok.text[:-1]]
            for key in _plural_keys(tok.lower):  # plural cue, singular word
                if key in by_first:
                    candidates = candidates + by_first[key]
            for cue in candidates:
                n = len(cue.words)
                if i + n > len(toks):
                    continue
                last_prefix = cue.prefix
                ok = all(
                    _word_matches(cue.words[k], toks[i + k], acronym=cue.acronym,
                                  prefix=last_prefix and k == n - 1)
                    for k in range(n)
                )
                if ok:
                    yield cue, tok.start, toks[i + n - 1].end
            for cue in self._prefix_single.get(tok.lower[:3], ()):
                word = cue.words[0]
                if (tok.text if cue.acronym else tok.lower).startswith(word):
                    yield cue, tok.start, tok.end


def _without_possessive(tok: Token) -> Token:
    """"CIO's" matches like "CIO" (the span shrinks to the bare word)."""
    if len(tok.text) > 3 and tok.lower.endswith(("'s", "\u2019s")):
        return Token(tok.text[:-2], tok.lower[:-2], tok.start, tok.end - 2)
    return tok


@lru_cache(maxsize=65536)
def _inflection_roots(word: str) -> tuple[str, ...]:
    """Base forms a cue's first word might have, for the index lookup."""
    roots = []
    for suffix in ("s", "es", "ed", "d", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            roots.append(word[: -len(suffix)])
    if word.endswith("ing"):
        roots.append(word[:-3] + "e")
    if word.endswith(("ies", "ied")):
        roots.append(word[:-3] + "y")
    for suffix in ("ed", "ing"):  # "planned" -> "plan"
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
            roots.append(stem[:-1])
    return tuple(roots)


@lru_cache(maxsize=65536)
def _plural_keys(word: str) -> tuple[str, ...]:
    """Plural forms a cue's first word might have when the text uses the singular."""
    if len(word) < 4 or word.endswith("s"):
        return ()
    return (word + "s", word + "es")
