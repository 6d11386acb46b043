"""How fast `xianjin validate` is: a full synthetic province, and files up to 10× too large.

    .venv/bin/python benchmarks/bench_validate.py

Targets (issue 2): the full province (12 units, every quota filled) validates in under
0.5 s of wall time on a 2-core machine *including interpreter start-up*, and time grows
linearly with the size of a file. The figures are printed, not asserted: timing belongs
here, not in the unit tests.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tools/ is run from the checkout, not installed

from tools.province import UNITS, make_unit  # noqa: E402

RUNS = 7
# As on a user's machine, where Python caches compiled modules; some sandboxes switch that off.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(args: list[str]) -> tuple[float, float]:
    """Median and best wall time of `python -m xianjin ARGS`, start-up included."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "xianjin", *args], capture_output=True, env=ENV)
        times.append(time.perf_counter() - start)
        if done.returncode == 2:
            sys.exit(f"xianjin validate failed ({done.returncode}):\n{done.stdout.decode()[-2000:]}")
    return statistics.median(times), min(times)


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        province = Path(tmp, "province")
        province.mkdir()
        size = 0
        for n, unit in enumerate(UNITS, 1):
            text = make_unit(unit)
            path = province / f"{n:02d}-{unit}.yaml"
            path.write_text(text, encoding="utf-8")
            size += path.stat().st_size
        empty = Path(tmp, "empty")
        empty.mkdir()
        median, best = wall(["validate", str(province)])
        start_only, _ = wall(["validate", str(empty)])
        print(f"全省 12 个单位（{size / 1e6:.2f} MB）：中位 {median:.3f} s，最快 {best:.3f} s"
              f"（含解释器启动和导入；空文件夹为 {start_only:.3f} s）；目标 < 0.5 s")

        print("单个文件随规模增长（省直机关，scale = 推荐对象数量的倍数；进程内计时，不含启动）：")
        from xianjin.validate import load_campaign, validate_paths

        campaign = load_campaign()
        base = None
        for scale in (1, 2, 5, 10):
            path = Path(tmp, f"scale{scale}.yaml")
            path.write_text(make_unit("省直机关", scale=scale), encoding="utf-8")
            work = min(_timed(lambda: validate_paths([str(path)], campaign)) for _ in range(3))
            median, _ = wall(["validate", str(path)])
            base = base or work
            mb = path.stat().st_size / 1e6
            print(f"  scale {scale:>2}: {mb:6.2f} MB  检查 {work:.3f} s（{work / mb:.3f} s/MB，为 scale 1 的 "
                  f"{work / base:.1f} 倍）；命令行含启动 {median:.3f} s")

        probe = ("import sys; from click.testing import CliRunner; from xianjin.cli import cli; "
                 f"CliRunner().invoke(cli, ['validate', {str(province)!r}]); "
                 "print('weasyprint' in sys.modules)")
        loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout.strip()
        print(f"validate 是否加载了 WeasyPrint：{'是（不应如此）' if loaded == 'True' else '否'}")


if __name__ == "__main__":
    main()
