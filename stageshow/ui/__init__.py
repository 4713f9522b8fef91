"""The two windows (console and stage): the only package that imports Qt."""
