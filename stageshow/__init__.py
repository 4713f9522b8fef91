"""StageShow: runs the stage final of a knowledge competition."""

__version__ = "0.1.0"
