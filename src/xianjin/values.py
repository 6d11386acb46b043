"""The typed values of the forms — 年月, dates, telephone numbers, names — read from the text a clerk typed.

Pure functions, no campaign and no pydantic: each returns the normalised value or
raises ValueError with the Chinese reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from xianjin.text import PRIVATE_USE, squeeze

_MONTH_FORMS = (
    re.compile(r"(\d{4})\s*[.\-/]\s*(\d{1,2})"),
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月?"),
)
_DATE_FORMS = (
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"(\d{4})[./](\d{1,2})[./](\d{1,2})"),
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?"),
)
_FULLWIDTH = str.maketrans("０１２３４５６７８９－．／（）", "0123456789-./()")


def parse_month(text: str) -> tuple[int, int]:
    """`1978.05`, `1978-05`, `1978年5月` → (1978, 5)."""
    t = text.strip().translate(_FULLWIDTH)
    for form in _MONTH_FORMS:
        m = form.fullmatch(t)
        if m:
            year, month = int(m.group(1)), int(m.group(2))
            if not 1 <= month <= 12:
                raise ValueError(f"月份“{month}”不存在")
            return year, month
    raise ValueError("不是“年.月”的写法")


def format_month(year: int, month: int) -> str:
    return f"{year:04d}.{month:02d}"


def age_on(year: int, month: int, day: date) -> int:
    """Full years at `day` of someone born in that month (the birthday counted from the 1st)."""
    return day.year - year - (1 if day.month < month else 0)


def parse_date(text: str) -> date:
    t = text.strip().translate(_FULLWIDTH)
    for form in _DATE_FORMS:
        m = form.fullmatch(t)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            try:
                return date(y, mo, d)
            except ValueError:
                raise ValueError(f"{y}年{mo}月{d}日不存在") from None
    raise ValueError("不是日期的写法")


@dataclass(frozen=True)
class Phone:
    area: str  # "" for a mobile number
    number: str
    extension: str = ""

    def __str__(self) -> str:
        main = f"{self.area}-{self.number}" if self.area else self.number
        return f"{main}转{self.extension}" if self.extension else main

    @property
    def is_mobile(self) -> bool:
        return not self.area


_DASHES = "-－—–‐―"
_PHONE = re.compile(rf"\(?(0\d{{2,3}})\)?\s*[{_DASHES}]?\s*(\d{{7,8}})(?:\s*(?:转|[{_DASHES}])\s*(\d{{1,6}}))?")
_MOBILE = re.compile(r"1[3-9]\d{9}")


def parse_phone(text: str) -> Phone:
    """`0311-86688001`, `(0311)86688001` → Phone('0311', '86688001'); a mobile number is kept as is."""
    t = text.strip().translate(_FULLWIDTH).replace(" ", "")
    m = _PHONE.fullmatch(t)
    if m:
        return Phone(m.group(1), m.group(2), m.group(3) or "")
    digits = re.sub(f"[{_DASHES}]", "", t)
    if _MOBILE.fullmatch(digits):
        return Phone("", digits)
    raise ValueError("应写成“区号-号码”：区号是 0 加 2–3 位数字，号码 7–8 位")


# Every block of CJK Unified Ideographs (the URO and Extensions A–I) and both blocks of
# compatibility ideographs, and 〇. BabelStone Han prints the rare ones; the render checks
# each character against the installed fonts. Private-use characters (造字) are let through
# here only so that XJ114 tells the one true reason.
IDEOGRAPHS = ("\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002a6df"
              "\U0002a700-\U0002ee5f\U0002f800-\U0002fa1f\U00030000-\U000323af")
_NAME_CHARS = re.compile(f"[{IDEOGRAPHS}{PRIVATE_USE}·]+")
_IDEOGRAPH = re.compile(f"[{IDEOGRAPHS}]")
# Middle dots that keyboards and word processors type instead of U+00B7 in minority names.
_DOTS = str.maketrans({c: "·" for c in "•・‧･∙."})


def normalise_name(text: str) -> str:
    """Remove the spaces used to pad two-character names (`张　三`); unify the middle dot."""
    name = squeeze(text)
    if _IDEOGRAPH.search(name):
        name = name.translate(_DOTS)
    if not _NAME_CHARS.fullmatch(name):
        raise ValueError("姓名只能由汉字组成（少数民族姓名可用“·”分隔），不能有数字或字母")
    if name.startswith("·") or name.endswith("·") or "··" in name:
        raise ValueError("“·”只能用在姓名中间")
    return name
