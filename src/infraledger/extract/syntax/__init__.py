"""Deal frames read from grammatical structure: a trained dependency parser and frames as data."""

from .engine import syntax_drafts
from .framedata import FrameSpec, frames

__all__ = ["FrameSpec", "frames", "syntax_drafts"]
