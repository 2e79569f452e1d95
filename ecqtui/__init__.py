"""ecq-tui: write Senior Executive Service Executive Core Qualifications in a terminal."""

__version__ = "0.1.0"
