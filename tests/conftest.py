"""Fixtures over tests/helpers.py."""

from __future__ import annotations

import pytest

from helpers import CAMPAIGN, Doc, build_unit


@pytest.fixture(scope="session")
def campaign():
    return CAMPAIGN


@pytest.fixture(scope="session")
def hengshui() -> Doc:
    """衡水: 12 + 2 windows, 12 + 2 exemplars, 2 brands — valid, no warnings."""
    return build_unit("衡水")


@pytest.fixture(scope="session")
def shengzhi() -> Doc:
    """省直机关: 40 + 2, 40 + 2, 6 brands."""
    return build_unit("省直机关")


@pytest.fixture
def write(tmp_path):
    """write("name.yaml", text_or_bytes) → the path (str)."""

    def _write(name: str, content: str | bytes) -> str:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
        return str(p)

    return _write


@pytest.fixture
def runner():
    from click.testing import CliRunner

    return CliRunner()
