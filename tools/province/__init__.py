"""The example generator: fictional nomination files for the 12 units (see generate.py)."""

from tools.province.generate import UNITS, file_name, main, make_unit

__all__ = ["UNITS", "file_name", "main", "make_unit"]
