"""The JSON Schema for editors: up to date, and in agreement with xianjin on structure."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from xianjin.cli import cli
from xianjin.schema import schema_text
from xianjin.validate import load_campaign

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "schemas" / "submission.schema.json"
EXAMPLES = sorted((ROOT / "examples").glob("[0-9][0-9]-*.yaml"))


def check_jsonschema(*files: Path) -> subprocess.CompletedProcess:
    exe = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    assert exe, "check-jsonschema is a test dependency (pip install -e '.[test]')"
    return subprocess.run([exe, "--schemafile", str(COMMITTED), *map(str, files)],
                          capture_output=True, text=True)


def test_committed_schema_is_up_to_date():
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(load_campaign()), (
        "schemas/ is stale: run `xianjin schema` and commit the result")


def test_schema_command_writes_the_file(tmp_path):
    result = CliRunner().invoke(cli, ["schema", "-o", str(tmp_path / "s")])
    assert result.exit_code == 0
    written = json.loads((tmp_path / "s" / "submission.schema.json").read_text(encoding="utf-8"))
    exemplar = written["$defs"]["Exemplar"]
    assert exemplar["properties"]["性别"]["enum"] == ["男", "女"]
    assert "汉族" in exemplar["properties"]["民族"]["enum"] and len(exemplar["properties"]["民族"]["enum"]) == 56
    assert "大学本科" in exemplar["properties"]["学历"]["enum"] and "本科" in exemplar["properties"]["学历"]["enum"]
    assert exemplar["properties"]["政治面貌"]["enum"][0] == "中共党员"
    assert exemplar["properties"]["出生年月"]["description"] == "如 1978.05"
    assert written["properties"]["推荐单位"]["enum"][-1] == "省直机关"


@pytest.mark.slow
def test_examples_pass_the_independent_validator():
    assert len(EXAMPLES) == 12
    done = check_jsonschema(*EXAMPLES)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
def test_broken_file_fails_the_independent_validator_too(tmp_path):
    bad = tmp_path / "bad.yaml"
    text = EXAMPLES[8].read_text(encoding="utf-8").replace("出生年月:", "出生日期:", 1)
    bad.write_text(text, encoding="utf-8")
    done = check_jsonschema(bad)
    assert done.returncode == 1
    assert "出生日期" in done.stdout
    xianjin = CliRunner().invoke(cli, ["validate", str(bad)])
    assert xianjin.exit_code == 1 and "是不是“出生年月”" in xianjin.output


@pytest.mark.parametrize("unit", ["衡水", "省直机关"])
def test_starter_file_points_at_the_schema(tmp_path, monkeypatch, unit):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "units").mkdir()
    CliRunner().invoke(cli, ["init", unit, "-o", f"units/{unit}.yaml"])
    first = (tmp_path / "units" / f"{unit}.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/submission.schema.json"
