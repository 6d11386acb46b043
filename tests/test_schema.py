"""The JSON Schema for editors: up to date, and agreeing with xianjin value by value (checked by check-jsonschema).

Agreement runs both ways over the examples, the broken example and single-field mutations:
what xianjin accepts the schema accepts, and what xianjin refuses field by field the
schema refuses too. check-jsonschema reads YAML as an editor does (YAML 1.2: an unquoted
1978.05 is a number there), so these are the values a clerk sees underlined or not.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import build_unit, problems_of
from xianjin.cli import cli
from xianjin.schema import schema_text
from xianjin.validate import load_campaign

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "schemas" / "submission.schema.json"
EXAMPLES = sorted((ROOT / "examples").glob("[0-9][0-9]-*.yaml"))
BROKEN = ROOT / "examples" / "broken" / "09-衡水-有错误.yaml"

H = ()
W1 = ("群众满意窗口", "推荐对象", 0)
M1 = ("行业服务标兵", "推荐对象", 0)
B1 = ("优质服务品牌", "推荐对象", 0)

# (path, value as typed): xianjin accepts every one of these (warnings at most).
ACCEPTED = [
    (M1 + ("出生年月",), "1978.05"), (M1 + ("出生年月",), "1978.10"), (M1 + ("出生年月",), "1978.5"),
    (M1 + ("出生年月",), '"1978-05"'), (M1 + ("出生年月",), "1978年5月"), (M1 + ("出生年月",), "1978 年 5 月"),
    (M1 + ("出生年月",), "１９７８．０５"), (M1 + ("出生年月",), "1941.09"), (M1 + ("出生年月",), "1994.08"),
    (M1 + ("出生年月",), "1950.12"), (M1 + ("出生年月",), "'1966.1'"),
    (W1 + ("单位电话",), "031883491271"), (W1 + ("单位电话",), "(0318)6547414"), (W1 + ("单位电话",), "0318 6547 414"),
    (W1 + ("单位电话",), "０３１８－６５４７４１４"), (W1 + ("单位电话",), "0318-6547414转8001"),
    (W1 + ("单位电话",), "0318-6547414-8001"), (W1 + ("单位电话",), "13912345678"), (W1 + ("单位电话",), "（0318）6547414"),
    (H + ("联系电话",), "0318—86688001"),
    (M1 + ("性别",), "'男 '"), (M1 + ("性别",), "女"), (M1 + ("民族",), "汉 族"), (M1 + ("民族",), "回族"),
    (M1 + ("学历",), "本科"), (M1 + ("学历",), "大专"), (M1 + ("学历",), "硕士研究生"), (M1 + ("政治面貌",), "群众"),
    (H + ("填报单位",), "' 中共衡水市委创先争优活动领导小组 '"), (H + ("推荐单位",), "衡 水"),
    (M1 + ("姓名",), "张　三"), (M1 + ("姓名",), "艾力·买买提"), (M1 + ("姓名",), "艾力•买买提"), (M1 + ("姓名",), "𠮷祥"),
    (H + ("联系人",), "李 金亮"),
    (H + ("报送日期",), "2012年8月15日"), (H + ("报送日期",), '"2012.08.15"'), (H + ("报送日期",), "2012-8-15"),
    (H + ("报送日期",), '"2012/8/1"'), (H + ("报送日期",), "２０１２－０８－１５"),
    (W1 + ("所属单位",), "12345"), (B1 + ("曾受表彰情况",), "无"), (H + ("公示情况",), ""),
]

# (path, value as typed): xianjin refuses each with an error on that field, and so must the schema.
REFUSED = [
    (M1 + ("出生年月",), "1978.13"), (M1 + ("出生年月",), '"1978.13"'), (M1 + ("出生年月",), "1978年13月"),
    (M1 + ("出生年月",), "1930.05"), (M1 + ("出生年月",), "2000.01"), (M1 + ("出生年月",), "1941.08"),
    (M1 + ("出生年月",), "1994.09"), (M1 + ("出生年月",), "1978.00"), (M1 + ("出生年月",), "七八年"),
    (M1 + ("出生年月",), "'1978.5.1'"),
    (W1 + ("单位电话",), "0318-21567"), (W1 + ("单位电话",), "12345"), (W1 + ("单位电话",), "0318-abcdefg"),
    (W1 + ("单位电话",), "318-6547414"), (H + ("联系电话",), "电话"),
    (M1 + ("性别",), "女性"), (M1 + ("性别",), "M"), (M1 + ("民族",), "汉"), (M1 + ("学历",), "博士后"),
    (M1 + ("政治面貌",), "党员"), (M1 + ("政治面貌",), "共产党"),
    (H + ("报送日期",), '"2012-02-30"'), (H + ("报送日期",), '"2012-13-01"'), (H + ("报送日期",), "昨天"),
    (H + ("报送日期",), '"2012-04-31"'),
    (M1 + ("姓名",), "张3"), (M1 + ("姓名",), "Zhang"), (M1 + ("姓名",), "·张三"), (H + ("联系人",), "王 li"),
    (H + ("推荐单位",), "北京"), (H + ("推荐单位",), "衡水市"),
    (W1 + ("所属单位",), ""), (W1 + ("所属单位",), "''"), (W1 + ("所属单位",), "'  '"), (B1 + ("曾受表彰情况",), "~"),
    (H + ("填报单位",), "null"),
]


def check_jsonschema(*files: Path, output: str = "text") -> subprocess.CompletedProcess:
    exe = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    assert exe, "check-jsonschema is a test dependency (pip install -e '.[test]')"
    return subprocess.run([exe, "--schemafile", str(COMMITTED), "--output-format", output, *map(str, files)],
                          capture_output=True, text=True)


def schema_errors(files: list[Path]) -> dict[str, list[str]]:
    """file → the JSON paths check-jsonschema refuses (parse errors count as refusals)."""
    done = check_jsonschema(*files, output="json")
    result = json.loads(done.stdout)
    out: dict[str, list[str]] = {str(f): [] for f in files}
    for e in result["errors"]:
        out[e["filename"]].append(e["path"])
    for e in result["parse_errors"]:
        out[e["filename"]].append("(parse error)")
    return out


def json_path(field: str) -> str:
    """行业服务标兵.推荐对象[3].出生年月 → $['行业服务标兵']['推荐对象'][2]['出生年月']"""
    import re

    out = "$"
    for name, index in re.findall(r"([^.\[\]]+)(?:\[(\d+)\])?", field):
        out += f"['{name}']" + (f"[{int(index) - 1}]" if index else "")
    return out


def test_committed_schema_is_up_to_date():
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(load_campaign()), (
        "schemas/ is stale: run `xianjin schema` and commit the result")


def test_schema_command_writes_the_file(tmp_path):
    result = CliRunner().invoke(cli, ["schema", "-o", str(tmp_path / "s")])
    assert result.exit_code == 0
    written = json.loads((tmp_path / "s" / "submission.schema.json").read_text(encoding="utf-8"))
    exemplar = written["$defs"]["Exemplar"]["properties"]

    def completion(prop):  # what an editor offers: the enum among the alternatives
        return next(o["enum"] for o in prop["else"]["anyOf"] if "enum" in o)

    assert completion(exemplar["性别"]) == ["男", "女"]
    assert "汉族" in completion(exemplar["民族"]) and len(completion(exemplar["民族"])) == 56
    assert "大学本科" in completion(exemplar["学历"]) and "本科" in completion(exemplar["学历"])
    assert completion(exemplar["政治面貌"])[0] == "中共党员"
    assert exemplar["出生年月"]["description"] == "如 1978.05"
    assert completion(written["properties"]["推荐单位"])[-1] == "省直机关"


@pytest.mark.slow
def test_examples_pass_and_the_broken_example_fails_where_xianjin_says(tmp_path):
    assert len(EXAMPLES) == 12
    errors = schema_errors([*EXAMPLES, BROKEN])
    assert all(errors[str(f)] == [] for f in EXAMPLES), errors
    # Every field xianjin refuses in the broken example (not the quotas: a schema cannot count).
    fields = {json_path(p.field) for p in problems_of(BROKEN.read_bytes(), str(BROKEN))
              if p.is_error and p.code.startswith("XJ2")}
    refused = set(errors[str(BROKEN)])
    # A missing or unknown key is refused by its mapping (required, additionalProperties).
    assert {f if f in refused else f.rsplit("[", 1)[0] for f in fields} <= refused
    assert len(fields) == 7


@pytest.mark.slow
def test_single_field_mutations_agree_both_ways(tmp_path):
    doc = build_unit("衡水")
    cases = [(path, value, True) for path, value in ACCEPTED] + [(path, value, False) for path, value in REFUSED]
    files = []
    for i, (path, value, _) in enumerate(cases):
        f = tmp_path / f"{i:03d}.yaml"
        f.write_text(doc.set(path, value), encoding="utf-8")
        files.append(f)
    schema = schema_errors(files)
    disagree = []
    for f, (path, value, accepted) in zip(files, cases):
        xianjin_errors = [p for p in problems_of(f.read_bytes(), str(f)) if p.is_error]
        assert (not xianjin_errors) == accepted, (path, value, [(p.code, p.message) for p in xianjin_errors])
        if bool(schema[str(f)]) == accepted:
            disagree.append((path[-1], value, "xianjin " + ("accepts" if accepted else "refuses"), schema[str(f)]))
    assert not disagree, disagree


@pytest.mark.slow
def test_an_unknown_key_fails_both(tmp_path):
    doc = build_unit("衡水")
    bad = tmp_path / "bad.yaml"
    bad.write_text(doc.replace_line(M1 + ("出生年月",), '      出生日期: "1978.05"'), encoding="utf-8")
    done = check_jsonschema(bad)
    assert done.returncode == 1 and "出生日期" in done.stdout
    xianjin = CliRunner().invoke(cli, ["validate", str(bad)])
    assert xianjin.exit_code == 1 and "是不是“出生年月”" in xianjin.output


@pytest.mark.slow
def test_an_untouched_starter_file_has_one_schema_error_per_empty_nominee_as_xianjin(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    CliRunner().invoke(cli, ["init", "衡水"])
    errors = schema_errors([tmp_path / "衡水.yaml"])[str(tmp_path / "衡水.yaml")]
    xianjin = [p for p in problems_of((tmp_path / "衡水.yaml").read_bytes()) if p.is_error]
    assert len(errors) == len(xianjin) == 3 + 30
    assert sorted(errors) == sorted(json_path(p.field) for p in xianjin)


@pytest.mark.parametrize("unit", ["衡水", "省直机关"])
def test_starter_file_points_at_the_schema(tmp_path, monkeypatch, unit):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "units").mkdir()
    CliRunner().invoke(cli, ["init", unit, "-o", f"units/{unit}.yaml"])
    first = (tmp_path / "units" / f"{unit}.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/submission.schema.json"
