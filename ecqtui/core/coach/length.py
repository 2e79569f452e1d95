"""How long a story is on paper and aloud."""

from __future__ import annotations

from dataclasses import dataclass

from ecqtui.core.coach.textutil import word_count

#: Words on a page of 12-point Times New Roman, single-spaced, 1-inch margins, with paragraph
#: breaks: about 500 (a full page of unbroken text holds ~550-600; stories have paragraphs).
WORDS_PER_PAGE = 500
#: A calm interview pace.
WORDS_PER_MINUTE = 140


@dataclass(frozen=True)
class LengthEstimate:
    words: int
    characters: int
    pages: float
    spoken_minutes: float

    def describe(self) -> str:
        return f"{self.words} words, about {self.pages:.1f} pages, {self.spoken_minutes:.1f} minutes aloud"


def estimate_length(text: str) -> LengthEstimate:
    words = word_count(text or "")
    return LengthEstimate(
        words=words,
        characters=len(text or ""),
        pages=round(words / WORDS_PER_PAGE, 2),
        spoken_minutes=round(words / WORDS_PER_MINUTE, 2),
    )
