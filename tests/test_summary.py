"""xianjin summary: the provincial office's morning table."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from xianjin.cli import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def invoke(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_summary_of_the_examples_has_twelve_units_and_correct_totals():
    result = invoke("summary", str(EXAMPLES))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["推荐单位", "窗口名额", "窗口推荐", "窗口递补", "标兵名额", "标兵推荐", "标兵递补",
                                "品牌幅度", "品牌推荐", "错误", "警告", "报送日期", "文件"]
    hengshui = next(ln for ln in lines if ln.startswith("衡水")).split()
    assert hengshui[1:10] == ["12", "12", "2", "12", "12", "2", "1–2", "2", "0"]
    total = lines[-1].split()
    assert total[:9] == ["合计", "200", "200", "24", "200", "200", "24", "28", "0"]
    assert total[-2:] == ["已报送", "12/12"]


def test_summary_lists_units_not_yet_submitted(tmp_path):
    one = tmp_path / "09-衡水.yaml"
    one.write_text((EXAMPLES / "09-衡水.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    data = json.loads(invoke("summary", str(tmp_path), "--format", "json").output)
    assert [u["推荐单位"] for u in data["units"]][:3] == ["石家庄", "承德", "张家口"]
    assert data["units"][0]["文件"] == "未报送" and data["units"][0]["窗口推荐"] is None
    assert data["units"][8]["窗口推荐"] == 12
    assert data["total"]["窗口推荐"] == 12 and data["total"]["文件"] == "已报送 1/12"


def test_summary_csv_opens_in_excel_and_markdown_is_a_table(tmp_path):
    out = tmp_path / "汇总.csv"
    assert invoke("summary", str(EXAMPLES), "--format", "csv", "-o", str(out)).exit_code == 0
    raw = out.read_text(encoding="utf-8")
    assert raw.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(raw.lstrip("\ufeff"))))
    assert len(rows) == 1 + 12 + 1 and rows[-1][0] == "合计"
    md = invoke("summary", str(EXAMPLES), "--format", "markdown").output.splitlines()
    assert md[0].startswith("| 推荐单位 |") and md[1].startswith("|---|") and len(md) == 15
