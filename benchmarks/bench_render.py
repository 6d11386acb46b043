#!/usr/bin/env python3
"""Render benchmark: pages, seconds and seconds per page for one unit, the full province and a warm re-render.

    .venv/bin/python benchmarks/bench_render.py            # the 12 units of tools/province
    .venv/bin/python benchmarks/bench_render.py --jobs 1
    .venv/bin/python benchmarks/bench_render.py --repeat 5   # median of 5 (a shared VM varies ±10%)

Targets (issue 3, on a 2-core machine): province (~3,300 pages) < 30 s, one unit < 4 s,
warm re-render of an unchanged province < 2 s; time linear in pages (compare ms/页 of one
unit with the province: a quadratic layout would make the bigger run dearer per page). Each figure is
measured through `xianjin render` as a user runs it (a fresh process, validation
included), so interpreter start-up and imports count, with byte-code caching on as on a
user's machine. The common-character fonts are built first if missing: that happens once
per machine (scripts/setup.sh does it), so it is reported apart.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tools/ is run from the checkout, not installed

from tools.province import UNITS, make_unit  # noqa: E402


def pages_in(folder: Path) -> int:
    from pypdf import PdfReader

    return sum(len(PdfReader(p).pages) for p in folder.rglob("*.pdf"))


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(args: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "xianjin", "render", *args], capture_output=True, text=True,
                          env=ENV)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"xianjin render 失败（{done.returncode}）：\n{done.stdout}{done.stderr}")
    return elapsed


def line(name: str, pages: int, runs: list[float]) -> None:
    seconds = statistics.median(runs)
    per = f"{seconds / pages * 1000:7.1f} ms/页" if pages else "       —"
    spread = f"  （{len(runs)} 次：{'、'.join(f'{r:.2f}' for r in runs)}）" if len(runs) > 1 else ""
    print(f"{name:<24}{pages:>6} 页 {seconds:8.2f} s  {per}{spread}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--unit", default="石家庄", help="单个单位的基准用哪个单位")
    parser.add_argument("--repeat", type=int, default=1, help="每项重复几次，报告中位数")
    args = parser.parse_args()
    jobs = ["--jobs", str(args.jobs)]
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in", Path(tmp) / "out"
        src.mkdir()
        for i, unit in enumerate(UNITS, 1):
            (src / f"{i:02d}-{unit}.yaml").write_text(
                make_unit(unit, seed=2012, scale=1), "utf-8")
        print(f"xianjin render，{args.jobs} 个进程，{os.cpu_count()} 个 CPU 核")
        # The common-character fonts are built once per user (scripts/setup.sh does it);
        # the figures below are for every later run.
        from xianjin.render import commonfonts

        start = time.perf_counter()
        built = [f for f in commonfonts.planned() if not f.path.is_file()]
        commonfonts.ensure()
        if built:
            print(f"（先生成了常用字字体，一次性 {time.perf_counter() - start:.1f} s，不计入下面的数字）")
        one = next(src.glob(f"*-{args.unit}.yaml"))
        times = [run([str(one), "--out", str(out / f"one{i}"), *jobs]) for i in range(args.repeat)]
        line(f"一个单位（{args.unit}）", pages_in(out / "one0"), times)
        times = [run([str(src), "--out", str(out / f"all{i}"), *jobs]) for i in range(args.repeat)]
        pages = pages_in(out / "all0")
        line("全省 12 个单位", pages, times)
        times = [run([str(src), "--out", str(out / "all0"), *jobs]) for _ in range(args.repeat)]
        line("全省，未改动再排（缓存）", 0, times)
        print(f"（全省 {pages} 页）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
