"""The story outline: build a format-neutral tree for a view, then render it in a format."""

from ecqtui.core.outline.model import FORMATS, VIEWS, Block, Outline, Section, build_outline, key_figures
from ecqtui.core.outline.render import md_escape, render

__all__ = ["FORMATS", "VIEWS", "Block", "Outline", "Section", "build_outline", "key_figures", "md_escape", "render"]
