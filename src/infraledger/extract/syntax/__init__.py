"""Deal frames read from grammatical structure: a trained dependency parser (``pipeline``), frames as
data (``framedata``, ``frames/*.toml``) and the engine that reads a sentence's parse with them (``engine``)."""

from .framedata import FrameSpec, frames

__all__ = ["FrameSpec", "frames"]
