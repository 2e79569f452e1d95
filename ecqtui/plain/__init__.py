"""Plain prompt mode: the guided walk-through without a full-screen terminal."""
