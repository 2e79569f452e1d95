"""User text hygiene shared by every front end, the store and every export.

User text is data: it may hold brackets, emoji or a pasted terminal escape. ``sanitize``
removes what a terminal would act on (control characters and escape sequences) and keeps
everything a person can read, so a story can be shown, saved and printed safely.
"""

from __future__ import annotations

import re

# ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC strings ended by
# BEL or ST, and two-character escapes. The 8-bit C1 forms are covered by the class below.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]?                         # CSI
  | \x1b[\]PX^_][^\x07\x1b]{0,8192}(?:\x07|\x1b\\)  # OSC, DCS, SOS, PM, APC strings
  | \x1b[ -/]*[0-~]?                                 # other escapes (ESC c, ESC ( B, ...)
    """,
    re.VERBOSE | re.DOTALL,
)
# 8-bit OSC/DCS/... strings (C1 0x9d etc.) up to their terminator. A string must end within
# a bounded length: an unterminated introducer (often a mis-decoded character) is removed
# on its own by _CONTROL, never taking the rest of the user's text with it.
_C1_STRING = re.compile(r"[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]{0,8192}(?:\x07|\x9c|\x1b\\)")
# Every remaining control character except tab and newline, and lone surrogates (from
# undecodable bytes), which cannot be written as UTF-8 at all.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def sanitize(text: str) -> str:
    """Return ``text`` without terminal control sequences; tabs and newlines are kept.

    Carriage returns become newlines (a Windows paste stays readable); everything else a
    terminal could act on (ESC sequences, other C0 and C1 controls, DEL) is removed, and
    so are lone surrogates, which no file can store as UTF-8.
    """
    if not text:
        return text
    if text.isprintable():  # fast path: the usual case has nothing to strip
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _C1_STRING.sub("", text)
    return _CONTROL.sub("", text)


def is_clean(text: str) -> bool:
    """True when ``text`` holds no control character other than tab and newline."""
    return _CONTROL.search(text) is None
