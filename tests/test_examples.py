"""examples/ holds exactly what tools/province makes, so that the generator and its phrases stay honest."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tools/ is run from the checkout; the wheel has only xianjin
from tools.province import main  # noqa: E402


def test_the_shipped_examples_are_what_the_generator_makes(tmp_path, capsys):
    assert main(["--out", str(tmp_path)]) == 0
    shipped = ROOT / "examples"
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == sorted(p.name for p in shipped.glob("[0-9][0-9]-*.yaml"))
    stale = [name for name in made if (tmp_path / name).read_bytes() != (shipped / name).read_bytes()]
    assert not stale, (f"examples/ differ from the generator's output: {stale}; if the change is meant, "
                       "run `.venv/bin/python -m tools.province --out examples/` and commit the examples")
