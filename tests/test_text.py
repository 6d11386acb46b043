"""xianjin.text: spaces that do not count, quoting a clerk's value, the nearest right word."""

from __future__ import annotations

from xianjin import text


def test_non_whitespace_length():
    assert text.non_whitespace_length("一二 三\n四\t五　六") == 6
    assert text.non_whitespace_length("  \n ") == 0


def test_squeeze_drops_every_kind_of_space():
    assert text.squeeze(" 张\u3000三\u00a0\n") == "张三"


def test_quote_shortens_to_one_line():
    assert text.quote("一\n二") == "“一 二”"
    assert text.quote("一" * 25) == "“" + "一" * 20 + "…”"


def test_nearest_completes_a_start_of_two_characters_or_more():
    choices = ("中共党员", "中共预备党员", "无党派人士", "群众")
    assert text.nearest("中共", choices, cutoff=0.6) == "中共党员"
    assert text.nearest("无", choices, cutoff=0.6) is None  # one character says too little
    assert text.nearest("群 众", choices, cutoff=0.6) == "群众"


def test_nearest_within_finds_a_key_with_words_added():
    keys = ["服务窗口名称", "所属单位"]
    assert text.nearest("服务窗口名称全称", keys, cutoff=0.4, within=True) == "服务窗口名称"
    assert text.nearest("名称", keys, cutoff=0.4, within=True) == "服务窗口名称"
    assert text.nearest("名称", keys, cutoff=0.6) is None  # neither starts the other
    assert text.nearest("单位", keys, cutoff=0.4, within=True) == "所属单位"
