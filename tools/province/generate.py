"""Generate fictional but realistic nomination files for the 12 recommending units.

冀创组〔2012〕18号 asks each 推荐单位 for 群众满意窗口, 行业服务标兵 and 优质服务品牌
(quota in 附件1, forms in 附件2). This writes one YAML file per unit in the submission
format that `xianjin validate` checks, deterministically from a seed. Every person, every
deed and every number is invented; place names and the names of public bodies are real
Hebei ones so that the files read like genuine 2012 submissions.

With scale=1 every list is exactly right (quota + alternates, the top of the brand range)
and the 12 files validate clean together: window/brand names and (姓名, 出生年月) are unique
across the province although each unit is generated on its own (names carry the unit's
place; people are spread over the units by a stable hash).

From the repository root, with xianjin installed (scripts/setup.sh):

    .venv/bin/python -m tools.province --out examples/
    .venv/bin/python -m tools.province --out /tmp/big --units 省直机关 --scale 10

From Python (benchmarks, tests), with the repository root on sys.path:

    from tools.province import UNITS, make_unit
    text = make_unit("石家庄", seed=2012, scale=1)

What the campaign decides (units, quotas, alternates, brand ranges, area codes, 填报单位,
the sector list, the deadline) comes from xianjin's own campaign file through
`load_campaign`; which fields are multi-line comes from xianjin's models. The words -
places, names, each sector's units and business, the sentence pools - are data in
phrases.yaml next to this file. The YAML is written by hand so that it stays human-friendly:
literal blocks, unescaped Chinese, no anchors or tags; PyYAML is asked which plain scalars a
loader would read as non-strings, so they get quoted.
"""

from __future__ import annotations

import argparse
import random
import re
import zlib
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

import yaml
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from xianjin.campaign import ALTERNATE, CATEGORIES, FORMAL
from xianjin.models import BLOCK_FIELDS
from xianjin.text import non_whitespace_length as ns
from xianjin.validate import load_campaign  # lengths as the validator counts 字数

HEADER_COMMENT = "# 虚构示例数据（由 tools/province 生成），人名、单位和事迹均为虚构，仅供演示和测试。"
PHRASES_FILE = Path(__file__).with_name("phrases.yaml")

CAMPAIGN = load_campaign()
UNITS = [u.名称 for u in CAMPAIGN.推荐单位]
PROVINCE = "省直机关"        # the one unit that is not a city: its nominees come from all of them
# Plans walk the sectors in the campaign's order, so reordering that list changes the examples.
SECTOR_ORDER = CAMPAIGN.行业
WINDOWS, EXEMPLARS, BRANDS = CATEGORIES


def _phrases() -> SimpleNamespace:
    data = yaml.safe_load(PHRASES_FILE.read_text(encoding="utf-8"))
    sectors = data["sectors"]
    if set(sectors) != set(SECTOR_ORDER):
        raise ValueError(f"{PHRASES_FILE.name} 的 sectors 与活动文件的行业表不一致："
                         f"{'、'.join(sorted(set(sectors) ^ set(SECTOR_ORDER)))}")
    cities = set(UNITS) - {PROVINCE}
    if not cities <= set(data["cities"]):
        raise ValueError(f"{PHRASES_FILE.name} 的 cities 缺少：{'、'.join(sorted(cities - set(data['cities'])))}")
    # Each highway office has the same four windows and three posts at every city it passes.
    transport = sectors["交通运输"]
    for road, passes in data["highways"].items():
        transport["pwin"].append(f"河北省高速公路{road}管理处=>" + "/".join(
            f"{c}{k}" for c in passes for k in ("收费站", "北收费站", "南收费站", "服务区")))
        transport["pper"].append(f"河北省高速公路{road}管理处=>" + "/".join(
            f"{k}{c}收费站{r}" for c in passes for k, r in (("♀", "收费班长"), ("", "站长"), ("♀", "收费员"))))
    return SimpleNamespace(**data)


P = _phrases()
ALL_COUNTIES = [c for info in P.cities.values() for c in info["cty"]]


# Written as `|` blocks even when one line long, as a clerk would: what the forms print as paragraphs.
BLOCK_KEYS = BLOCK_FIELDS


def _l(text: str) -> list[str]:
    return [t for t in text.split("、") if t]


CN_DIGITS = "零一二三四五六七八九"


def cn_num(n: int) -> str:
    """Chinese numeral for 0 < n < 100, as written in official prose (十五, 二十三)."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CN_DIGITS[ones]
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


# --- the tiny template language --------------------------------------------------------
# {key} value from ctx (a list: one element at random)   {key:3} three distinct, joined by 、
# {a|b|c} one of the literals   {#3-18} an integer   {~98.5-99.9} one decimal

_TOKEN = re.compile(r"\{([^{}]+)\}")


def fill(tpl: str, ctx: dict, rng: random.Random) -> str:
    def sub(m: re.Match) -> str:
        body = m.group(1)
        if "|" in body:
            return rng.choice(body.split("|"))
        head = body[0]
        if head == "#":
            a, b = body[1:].split("-")
            n = rng.randint(int(a), int(b))
            if m.string[m.end():m.end() + 1] in ("余", "多"):   # “790余人次”, never “791余人次”
                n = _round(n)
            return str(n)
        if head == "~":
            a, b = body[1:].split("-")
            return f"{rng.uniform(float(a), float(b)):.1f}"
        if ":" in body:
            key, k = body.split(":")
            items = ctx[key]
            return "、".join(rng.sample(items, min(int(k), len(items))))
        value = ctx[body]
        return rng.choice(value) if isinstance(value, list) else value

    for _ in range(6):
        new = _TOKEN.sub(sub, tpl)
        if new == tpl:
            break
        tpl = new
    return tpl


def _round(n: int) -> int:
    """A number fit to be followed by 余/多: 10, 20, …, 790, 1300, 12000."""
    for limit, step in ((100000, 10000), (10000, 1000), (1000, 100), (20, 10)):
        if n >= limit:
            return n - n % step
    return 10


def render(tpl: str, ctx: dict, rng: random.Random) -> str:
    """fill(), but a pool sentence is rendered once per nominee (主要事迹 quotes the material)."""
    memo = ctx.setdefault("_memo", {})
    if tpl not in memo:
        memo[tpl] = fill(tpl, ctx, rng)
    return memo[tpl]


ORD = ["一", "二", "三", "四", "五", "六", "七", "八"]


def _usable(items: list[str], party: bool | None) -> list[str]:
    out = []
    for t in items:
        if t.startswith("P:"):
            if party:
                out.append(t[2:])
        elif t.startswith("N:"):
            if party is False:
                out.append(t[2:])
        else:
            out.append(t)
    return out


def compose(rng: random.Random, ctx: dict, *, title: str, intro: str, sections: list[tuple],
            outro: list[str], lo: int, hi: int, cap: int, party: bool | None = None,
            enum_items: int = 5, enum_prob: float = 0.6, vary=None) -> str:
    """Assemble a 典型事迹材料: title, intro, numbered sections (一、二、…), closing paragraphs.

    sections: (heading, lead, pool) with pool a list of templates; "¶" marks a
    self-contained story paragraph, "P:"/"N:" sentences only for (non-)party members.
    Sentences are drawn without replacement, round robin over the sections, until the
    length (non-whitespace) reaches a random target in [lo, hi]; nothing is added past cap.
    """
    secs = []
    fixed = ns(title) + ns(intro) + sum(ns(p) for p in outro)
    for i, (head, lead, pool) in enumerate(sections):
        items = _usable(pool, party)
        rng.shuffle(items)
        heading = f"{ORD[i]}、{fill(head, ctx, rng)}"
        lead_text = fill(lead, ctx, rng) if lead else ""
        secs.append(dict(head=heading, lead=lead_text, items=items, body=[], stories=[],
                         enum=rng.random() < enum_prob))
        fixed += ns(heading) + ns(lead_text)
    total = fixed
    target = rng.randint(lo, hi)
    for limit in (enum_items, len(ORD)):          # enumerations may grow if the text is still short
        progress = True
        while total < target and progress:
            progress = False
            for s in secs:
                while s["items"]:
                    if not s["items"][-1].startswith("¶") and s["enum"] and len(s["body"]) >= limit:
                        break
                    tpl = s["items"].pop()
                    story = tpl.startswith("¶")
                    text = render(tpl.lstrip("¶"), ctx, rng)
                    if vary:
                        text = vary(text)
                    if story and s["stories"]:
                        continue                      # one story per section is enough
                    cost = ns(text) + (2 if s["enum"] and not story else 0)
                    if total + cost > cap:
                        continue
                    (s["stories"] if story else s["body"]).append(text)
                    total += cost
                    progress = True
                    break
                if total >= target:
                    break
        if total >= lo:
            break
    if total < lo:
        raise RuntimeError(f"material too short ({total} < {lo}): {title}")
    paras = [title, intro]
    for s in secs:
        paras.append(s["head"])
        body = s["body"]
        if s["enum"] and len(body) >= 2:
            if s["lead"]:
                paras.append(s["lead"])
            numbered = [f"{ORD[k]}是{t}" for k, t in enumerate(body)]
            paras.extend(_group(numbered, rng, 180))
        else:
            paras.extend(_group(([s["lead"]] if s["lead"] else []) + body, rng, 260))
        paras.extend(s["stories"])
    paras.extend(outro)
    return "\n".join(p for p in paras if p)


def _group(sentences: list[str], rng: random.Random, limit: int) -> list[str]:
    """Join sentences into paragraphs of about `limit` characters."""
    out, cur = [], ""
    for s in sentences:
        if cur and len(cur) + len(s) > limit + rng.randint(-40, 40):
            out.append(cur)
            cur = ""
        cur += s
    if cur:
        out.append(cur)
    return out


def fit(rng: random.Random, ctx: dict, parts: list[list[str]], lo: int, hi: int) -> str:
    """A short text (简介, 主要事迹): parts in order, each a list of alternatives; optional parts
    (those after the first two) are dropped from the end if the text is too long."""
    for _ in range(40):
        chosen = [fill(rng.choice(p), ctx, rng) for p in parts]
        for n in range(len(chosen), 1, -1):
            text = "".join(chosen[:n])
            if lo <= ns(text) <= hi:
                return text
    raise RuntimeError(f"cannot fit text into {lo}-{hi}: {ns(text)}")


def summary(rng: random.Random, ctx: dict, lead: str, pools: list[list[str]], result: str,
            lo: int, hi: int, party: bool | None = None) -> str:
    """主要事迹 on the form: a lead, “一是……二是……”, the results; lo..hi non-whitespace."""
    target = rng.randint(lo + 60, hi - 150)
    usable = [[t for t in _usable(p, party) if not t.startswith("¶")] for p in pools]
    for _ in range(30):
        head = fill(lead, ctx, rng)
        tail = fill(result, ctx, rng)
        items, used, total = [], set(), ns(head) + ns(tail)
        first = [rng.choice(p) for p in usable]
        rest = [t for p in usable for t in p]
        rng.shuffle(rest)
        for tpl in first + rest:
            if total >= target or len(items) >= 6:
                break
            if tpl in used:
                continue
            text = render(tpl, ctx, rng)
            if total + ns(text) + 2 > hi:
                continue
            used.add(tpl)
            items.append(text)
            total += ns(text) + 2
        if lo <= total <= hi and len(items) >= 3:
            numbered = [f"{ORD[k]}是{t}" for k, t in enumerate(items)]
            return "\n".join([head] + _group(numbered, rng, 200) + [tail])
    raise RuntimeError("cannot build 主要事迹")


# --- one unit -------------------------------------------------------------------------

P.senior_suffixes = ("支局长", "大队长", "中队长", "支队长", "护士长", "主任", "科长", "股长", "所长", "站长", "队长", "店长",
                   "行长", "局长", "馆长", "院长", "处长")
P.nations = {"default": [("汉族", 93), ("回族", 4), ("满族", 2), ("蒙古族", 1)],
           "承德": [("汉族", 58), ("满族", 28), ("蒙古族", 12), ("回族", 2)],
           "秦皇岛": [("汉族", 88), ("满族", 9), ("回族", 3)],
           "张家口": [("汉族", 90), ("蒙古族", 5), ("回族", 3), ("满族", 2)],
           "沧州": [("汉族", 89), ("回族", 9), ("满族", 2)],
           "廊坊": [("汉族", 91), ("回族", 7), ("满族", 2)]}
P.edu_words = {"研究生": "研究生", "大学本科": "大学本科", "大学专科": "大学专科", "中等专科": "中专", "高中": "高中"}


def _weighted(rng: random.Random, pairs: list[tuple[str, float]]) -> str:
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


def _spread(rng: random.Random, pairs: list[tuple[str, float]], n: int) -> list[str]:
    """n values in the proportions of `pairs` (largest remainder), in random order: a file of
    18 people from 承德 has its 5 满族 and 2 蒙古族, not whatever the dice say."""
    total = sum(w for _, w in pairs)
    exact = [(v, n * w / total) for v, w in pairs]
    counts = {v: int(x) for v, x in exact}
    for v, x in sorted(exact, key=lambda e: e[1] - int(e[1]), reverse=True)[: n - sum(counts.values())]:
        counts[v] += 1
    out = [v for v, c in counts.items() for _ in range(c)]
    rng.shuffle(out)
    return out


def _split_school(text: str) -> tuple[str, str]:
    """河北经贸大学税务专业 → (河北经贸大学, 税务专业)."""
    cut = max(text.rfind(k) + len(k) if text.rfind(k) >= 0 else -1 for k in ("大学", "学院", "学校"))
    if cut <= 0:
        return text, ""
    return text[:cut], text[cut:]


def _entry(text: str) -> tuple[str, list[str]]:
    unit, _, rest = text.partition("=>")
    return unit, rest.split("/")


def _unit_ref(unit: str) -> str:
    for end, ref in P.unit_refs:
        if unit.endswith(end):
            return ref
    return "该单位"


def _window_ref(short: str) -> str:
    for end in P.window_ref_ends:
        if short.endswith(end):
            return "该" + end
    return "该窗口"


def _track(sector: str, role: str) -> dict:
    """Schools and junior posts for a career ending in `role`."""
    d = P.sectors[sector]
    track = dict(ben=d.get("ben", P.default_ben), zk=d.get("zk", P.default_zk), zz=d.get("zz", P.default_zz),
                 junior=d.get("junior", P.default_junior))
    if sector == "卫生":
        if any(k in role for k in ("护", "助产", "导医")):
            track.update(P.nurse_track)
        else:
            track.update(ben=[b for b in track["ben"] if "护理" not in b], junior=P.doctor_junior)
    return track


def _cuts(rng: random.Random, s0: int, end: int, k: int) -> list[int]:
    """k month indexes between s0 and end splitting a career, segments a year or more if possible."""
    if k <= 0:
        return []
    for gap in (12, 6, 1):
        pool = range(s0 + gap, end - gap + 1)
        for _ in range(50):
            if len(pool) < k:
                break
            cuts = sorted(rng.sample(pool, k))
            if all(b - a >= gap for a, b in zip([s0] + cuts, cuts + [end])):
                return cuts
    return sorted(rng.sample(range(s0 + 1, end), k))


class UnitMaker:
    """Generation state for one unit file: its random stream and what it has already named."""

    def __init__(self, unit: str, seed: int, scale: int):
        if unit not in UNITS:
            raise ValueError(f"unknown unit {unit!r}; expected one of {'、'.join(UNITS)}")
        if scale < 1:
            raise ValueError("scale must be >= 1")
        self.unit, self.scale = unit, scale
        self.index = UNITS.index(unit)
        self.prov = unit == PROVINCE
        self.quota = CAMPAIGN.units[unit]
        # The stream keeps the script's old name: another string would be other examples.
        self.rng = random.Random(f"xianjin/make_province/{seed}/{unit}")
        self.code = self.quota.区号[0]
        self.titles: set[str] = set()
        self.people: set[tuple[str, str]] = set()
        self.phones: set[str] = set()
        self.exhausted: set[str] = set()           # sectors whose window names are all used up
        if self.prov:
            self.base = dict(cs="河北", area=PROVINCE, area_s="省", county=ALL_COUNTIES, paper="河北日报",
                             areax="省直机关工委")
        else:
            info = P.cities[unit]
            self.base = dict(cs=unit, city=unit + "市", area=unit + "市", area_s="市", county=info["cty"],
                             paper=info["paper"], areax=f"{unit}市委、市政府")
        self.base.update(village=P.villages, when=P.when, pain=P.pains, slogan2=P.slogan2, motto_p=P.motto_p,
                         method=P.methods, future=P.future, effect_note=P.effect_note, quote=P.quotes, banner=P.banners,
                         b_goal=P.b_goals, night=P.nights)

    # -- small helpers --
    def phone(self) -> str:
        rng = self.rng
        while True:
            if self.code == "0311":
                number = rng.choice("85678") + "".join(rng.choice("0123456789") for _ in range(7))
            else:
                number = rng.choice("2345678") + "".join(rng.choice("0123456789") for _ in range(6))
            text = f"{self.code}-{number}"
            if text not in self.phones:
                self.phones.add(text)
                return text

    def name(self, sex: str, nation: str = "汉族", born: int = 1970) -> str:
        rng = self.rng
        surnames = P.surnames_by_nation.get(nation) if rng.random() < 0.6 else None
        surname = rng.choice(surnames or P.surnames)
        two = rng.random() < (0.8 if born < 1972 else 0.5)     # 建国、秀英 … then 磊、婷
        if sex == "男":
            given = rng.choice(P.male2) if two else rng.choice(P.male1)
        else:
            given = rng.choice(P.female2) if two else rng.choice(P.female1)
        return surname + given

    def any_name(self) -> str:
        return self.name("男" if self.rng.random() < 0.7 else "女")

    def place(self, city: str | None = None) -> dict:
        """Where a unit is: a city (the unit's own, or any for 省直机关) and a county, district, town, street."""
        rng = self.rng
        cs = city or (rng.choice(list(P.cities)) if self.prov else self.unit)
        info = P.cities[cs]
        pcs = rng.choice(list(P.cities))
        return dict(city=cs + "市", cs=cs, cty=rng.choice(info["cty"]), dist=rng.choice(info["dist"]),
                    town=rng.choice(P.towns), street=rng.choice(P.streets), pcs=pcs, pcity=pcs + "市",
                    pcs2=rng.choice(list(P.cities)[1:]))

    def sector_ctx(self, sector: str) -> dict:
        d = P.sectors[sector]
        ctx = dict(self.base)
        ctx.update(sector=sector, obj=d["obj"], biz=d["biz"], meas=d["meas"], sys=d["sys"], worker=d["worker"],
                   line=d["line"], law=d["law"], need=d["need"], _memo={})
        # one nominee, one set of figures: the same yearly volume and satisfaction everywhere
        ctx.update(vol=fill(d["vol"], ctx, self.rng), pvol=fill(d["pvol"], ctx, self.rng),
                   sat=f"{self.rng.uniform(98.5, 99.9):.1f}")
        return ctx

    def entries(self, sector: str, kind: str) -> list[str]:
        d = P.sectors[sector]
        if self.prov:
            return list(d.get("pwin" if kind == "win" else "pper", []))
        extra = d.get("bycity" if kind == "win" else "perbycity", {}).get(self.unit, [])
        return list(d.get(kind, [])) + list(extra)

    def sector_plan(self, kind: str, n: int) -> list[str]:
        """n sectors, weighted, each used once before any is used again."""
        rng = self.rng
        avail = [s for s in SECTOR_ORDER if self.entries(s, kind)]
        out: list[str] = []
        while len(out) < n:
            keyed = sorted(avail, key=lambda s: -rng.random() ** (1.0 / P.sectors[s]["w"]))
            out.extend(keyed)
        return out[:n]

    def honors(self, pool: list[str], k: int, *, party=False, female=False, young=False) -> str:
        rng = self.rng
        ok = []
        for h in pool:
            tag, _, text = h.partition(":") if h[:2] in ("P:", "F:", "C:", "Y:") else ("", "", h)
            if (tag == "P" and not party) or (tag == "F" and not female) or (tag == "Y" and not young) \
                    or (tag == "C" and self.prov):
                continue
            ok.append(text)
        return "、".join(rng.sample(ok, k))

    def unique_title(self, make, fallback: bool = True) -> str | None:
        for _ in range(60):
            title = make()
            if title not in self.titles:
                self.titles.add(title)
                return title
        if not fallback:
            return None
        base, n = make(), 2
        while f"{base}（{n}号窗口）" in self.titles:
            n += 1
        self.titles.add(f"{base}（{n}号窗口）")
        return f"{base}（{n}号窗口）"

    # -- the three kinds --
    def window(self, sector: str) -> dict:
        """A window of `sector`; another sector if every name of this one is taken already."""
        rng = self.rng
        others = [s for s in SECTOR_ORDER if self.entries(s, "win") and s != sector and s not in self.exhausted]
        rng.shuffle(others)
        for sec in [sector] + others:
            if sec not in self.exhausted:
                made = self._window(sec, fallback=False)
                if made:
                    return made
                self.exhausted.add(sec)
        return self._window(sector, fallback=True)     # every name taken: “（2号窗口）”

    def _window(self, sector: str, fallback: bool) -> dict | None:
        rng = self.rng
        ctx = self.sector_ctx(sector)
        d = P.sectors[sector]
        picked = {}

        def make():
            unit_tpl, sufs = _entry(rng.choice(self.entries(sector, "win")))
            where = self.place()
            unit = fill(unit_tpl, where, rng)
            short, _, biz = fill(rng.choice(sufs), where, rng).partition("#")
            picked.update(unit=unit, short=short, biz=P.suffix_biz.get(biz, biz))
            return unit + short

        W = self.unique_title(make, fallback)
        if W is None:
            return None
        unit, short = picked["unit"], picked["short"]
        if picked.get("biz"):
            biz, _, need = picked["biz"].partition("|")
            ctx.update(biz=_l(biz), need=_l(need) if need else ["办理" + b for b in _l(biz)])
        if not W.startswith(unit + short):          # the numbered fallback
            short = W[len(unit):]
        N = rng.randint(8, 48)
        M = max(3, round(N * rng.uniform(0.4, 0.8)))
        who, ref = rng.choice(P.who_biz if sector in P.business_sectors else P.who)
        ctx.update(W=W, unit=unit, short=short, we=[short, _window_ref(short)], N=str(N), M=str(M),
                   Mp=str(round(100 * M / N)), K=str(rng.randint(6, 40)), leader=self.any_name(),
                   staff=self.any_name(), who=fill(who, ctx, rng), ref=ref, Y0=str(rng.randint(1995, 2009)),
                   est=P.w_est, edu_note=P.w_edu_note,
                   waction=P.w_actions, trouble=P.troubles_biz if sector in P.business_sectors else P.troubles)
        ctx["honors"] = self.honors(P.honors_team, rng.randint(2, 3))
        leader = ctx["leader"]
        conv = P.w_conv + d.get("extra", []) + P.w_stories
        intro = fill(rng.choice(P.w_intros), ctx, rng)
        title = fill(rng.choice(P.w_titles), ctx, rng) + rng.choice(["——记", "——"]) + W
        if not title.startswith(W) and "——记" not in title:
            title += "典型事迹材料"
        outro = [fill(P.w_outros[0], ctx, rng), fill(P.w_outro2, ctx, rng)]
        sections = [(rng.choice(P.w_heads[0]), rng.choice(P.w_leads[0]), P.w_party),
                    (rng.choice(P.w_heads[1]), rng.choice(P.w_leads[1]), P.w_norm),
                    (rng.choice(P.w_heads[2]), rng.choice(P.w_leads[2]), conv),
                    (rng.choice(P.w_heads[3]), rng.choice(P.w_leads[3]), P.w_team)]
        material = compose(rng, ctx, title=title, intro=intro, sections=sections, outro=outro,
                           lo=1880, hi=2100, cap=2150)
        brief = fit(rng, ctx, P.w_brief, 150, 300)
        deeds = summary(rng, ctx, P.w_deeds_lead, [P.w_party, P.w_norm, P.w_conv + d.get("extra", []), P.w_team],
                        P.w_deeds_result, 400, 900)
        return {"服务窗口名称": W, "所属单位": unit, "所属行业": sector, "党组织负责人": leader,
                "单位电话": self.phone(), "窗口情况简介": brief, "主要事迹": deeds, "典型事迹材料": material}

    def person(self, sector: str, nation: str = "汉族") -> dict:
        rng = self.rng
        d = P.sectors[sector]
        ctx = self.sector_ctx(sector)
        # the post
        unit_tpl, roles = _entry(rng.choice(self.entries(sector, "per")))
        where = self.place()
        unit = fill(unit_tpl, where, rng)
        role = fill(rng.choice(roles), where, rng)
        female_pref = "♀" in role
        male_pref = "♂" in role
        high_edu = "^" in role
        role = role.replace("♀", "").replace("♂", "").replace("^", "")
        senior = any(role.endswith(t) for t in P.senior_suffixes) or "经理" in role or "主任" in role
        if female_pref:
            sex = "女" if rng.random() < 0.75 else "男"
        elif male_pref:
            sex = "男" if rng.random() < 0.9 else "女"
        else:
            sex = "男" if rng.random() < 0.62 else "女"
        # birth, education, party: a consistent life
        for _ in range(1000):
            by = rng.randint(1960, 1982) if senior else rng.randint(1962, 1988)
            bm = rng.randint(1, 7 if by == 1988 else 12)
            if high_edu:
                edu = "研究生" if (by <= 1984 and rng.random() < 0.3) else "大学本科"
            else:
                professional = sector in ("教育", "卫生", "司法", "知识产权")   # teachers, nurses, lawyers
                edu = _weighted(rng, [("研究生", 5 if by <= 1984 else 0), ("大学本科", 45), ("大学专科", 30),
                                      ("中等专科", 0 if sector in ("司法", "知识产权") else 12),
                                      ("高中", 0 if professional else 8)])
            name = self.name(sex, nation, by)
            ym = f"{by}.{bm:02d}"
            key = (name, ym)
            # (姓名, 出生年月) must be unique across the province, but each unit is generated on its
            # own: a stable hash gives every unit its own share of the (姓名, 出生年月) space.
            if key in self.people or zlib.crc32(f"{name}|{ym}".encode()) % len(UNITS) != self.index:
                continue
            self.people.add(key)
            break
        else:  # pragma: no cover - practically unreachable
            raise RuntimeError("no unique name found")
        r = rng.random()
        if senior and r < 0.9:
            pol = "中共党员"
        elif by >= 1983 and r < 0.3:
            pol = "共青团员"
        elif edu in ("研究生", "大学本科") and r > 0.95:
            pol = "民盟盟员"
        elif r > 0.86:
            pol = "群众"
        else:
            pol = "中共党员"
        party = pol == "中共党员"
        resume, work_year = self.resume(sector, by, edu, unit, role)
        wy = 2012 - work_year
        if party:
            ry = min(2011, max(work_year, by + 20) + rng.randint(0, 6))
            pol_phrase = rng.choice(["中共党员，", f"{ry}年加入中国共产党，"])
        else:
            pol_phrase = "" if pol == "群众" else pol + "，"
        who, ref = rng.choice(P.who_biz if sector in P.business_sectors else P.who)
        he = "他" if sex == "男" else "她"
        ctx.update(name=name, he=he, sex=sex, unit=unit, role=role, wy=cn_num(wy), who=fill(who, ctx, rng), ref=ref,
                   trouble=P.troubles_biz if sector in P.business_sectors else P.troubles,
                   trouble2=P.troubles[:2] + P.troubles[3:4] + P.troubles[-1:], paction=P.p_actions,
                   pquote=[fill(q, ctx, rng) for q in P.p_quotes])
        ctx["motto_p"] = rng.choice(P.motto_p)             # one person, one motto
        ctx["p_effect"] = fill(rng.choice(P.p_effect), ctx, rng)
        ctx["honors"] = self.honors(P.honors_person, rng.randint(2, 3), party=party, female=sex == "女",
                                    young=by >= 1978)
        clinical = sector == "卫生"          # doctors and nurses do not fill in forms for anyone

        def prep(pool: list[str]) -> list[str]:
            return [t[2:] if t.startswith("W:") else t for t in pool if not (clinical and t.startswith("W:"))]

        study, innov, dedic = prep(P.p_study), prep(P.p_innov), prep(P.p_dedic)
        serve = prep(P.p_serve) + d.get("pextra", [])
        if clinical:
            serve += ["¶" + t for t in d["pstory"]]
        else:
            serve += P.p_stories + ["¶" + t for t in d.get("pstory", [])]
        ctx["pools"] = [study, serve, innov, dedic]
        edu_word = P.edu_words[edu]
        intro = fill(f"{name}，{sex}，{nation}，{by}年{bm}月出生，{edu_word}学历，{pol_phrase}现任{unit}{role}。"
                     "参加工作{wy}年来，{he}{p_effect}。", ctx, rng)
        title = fill(rng.choice(P.p_titles), ctx, rng) + f"——记{unit}{role}{name}"
        sections = [(rng.choice(P.p_heads[i]), rng.choice(P.p_leads[i]), pool)
                    for i, pool in enumerate(ctx["pools"])]
        outro = [fill(P.p_outro, ctx, rng)]
        material = compose(rng, ctx, title=title, intro=intro, sections=sections, outro=outro,
                           lo=1880, hi=2100, cap=2150, party=party, enum_prob=0.0,
                           vary=lambda t: _vary_subject(t, he, name, rng))
        deeds = person_summary(rng, ctx, party)
        return {"姓名": name, "性别": sex, "出生年月": ym, "民族": nation, "学历": edu, "政治面貌": pol,
                "工作单位及职务": unit + role, "所属行业": sector, "工作简历": resume, "主要事迹": deeds,
                "典型事迹材料": material}

    def resume(self, sector: str, by: int, edu: str, unit: str, role: str) -> tuple[str, int]:
        """3–5 lines `YYYY.MM—YYYY.MM 单位 职务`, the last one `—今`; and the year work began."""
        rng = self.rng
        track = _track(sector, role)
        lines = []
        gap = 1 if (by < 1986 and rng.random() < 0.15) else 0    # a year of 复读 or waiting for a post
        if edu in ("研究生", "大学本科"):
            school, major = _split_school(rng.choice(track["ben"]))
            y = by + 18 + gap
            lines.append((f"{y}.09", f"{y + 4}.07", school, f"{major}学习"))
            start = (y + 4, 7)
            if edu == "研究生":
                school2 = school if rng.random() < 0.6 else rng.choice(P.province_schools_ben)
                lines.append((f"{y + 4}.09", f"{y + 7}.07", school2, f"{major}硕士研究生学习"))
                start = (y + 7, 7)
        elif edu == "大学专科":
            school, major = _split_school(rng.choice(track["zk"]))
            y = by + 18 + gap
            lines.append((f"{y}.09", f"{y + 3}.07", school, f"{major}学习"))
            start = (y + 3, 7)
        elif edu == "中等专科":
            school, major = _split_school(rng.choice(track["zz"]))
            y = by + 15 + gap
            lines.append((f"{y}.09", f"{y + 3}.07", school, f"{major}学习" if major else "学习"))
            start = (y + 3, 7)
        else:
            start = (by + 18 + gap, rng.choice([3, 7, 9, 10, 12]))
        end = 2012 * 12 + 7                                   # 2012.08, as a month index
        s0 = start[0] * 12 + start[1] - 1
        want = rng.randint(3, 5) - len(lines)
        want = max(1, min(want, (end - s0) // 18 or 1))
        while len(lines) + want < 3:                          # short career: shorter segments
            want += 1
        if want < 2 and end - s0 >= 24 and len(lines) + 2 <= 5:   # nobody starts out in the post held now
            want = 2
        cuts = _cuts(rng, s0, end, want - 1)
        bounds = [s0] + cuts
        posts = self.career(sector, unit, role, want, track["junior"])
        if sector == "行政服务中心":     # the centres opened in the 2000s: before that, the government office
            posts = [(u.replace("行政服务中心", "人民政府办公室") if b < 2003 * 12 and i < len(posts) - 1 else u, t)
                     for i, ((u, t), b) in enumerate(zip(posts, bounds))]
        for i, b in enumerate(bounds):
            a = f"{b // 12}.{b % 12 + 1:02d}"
            z = "今" if i == len(bounds) - 1 else f"{bounds[i + 1] // 12}.{bounds[i + 1] % 12 + 1:02d}"
            lines.append((a, z, posts[i][0], posts[i][1]))
        text = "\n".join(f"{a}—{z} {u} {t}" for a, z, u, t in lines)
        return text, start[0]

    def career(self, sector: str, unit: str, role: str, n: int, junior: list[str]) -> list[tuple[str, str]]:
        """The n posts held, oldest first, ending with the current one: junior posts (the first
        ones perhaps in another unit of the same sector), maybe the deputy post, then the post."""
        rng = self.rng
        tail = [(unit, role)]
        for suf in sorted(P.senior_suffixes, key=len, reverse=True):
            if n > 1 and role.endswith(suf) and "副" not in role and not role.endswith(("值" + suf, "班主任")):
                tail.insert(0, (unit, role[: -len(suf)] + "副" + suf))
                break
        k = n - len(tail)
        if k <= 0:
            return tail[-n:]
        titles = [t for t in dict.fromkeys(junior) if not role.endswith(t)] or \
            [t for t in P.default_junior if not role.endswith(t)]
        m = min(k, len(titles))
        early = [(unit, titles[i]) for i in sorted(rng.sample(range(len(titles)), m))]
        # posts beyond the distinct junior titles, and now and then the first post, in other units
        moves = k - m + (1 if rng.random() < 0.35 else 0)
        for i in range(min(moves, k)):
            other = self.other_unit(sector, unit)
            if i < k - m:
                early.insert(0, (other, titles[0]))
            else:
                early[0] = (other, early[0][1])
        return early + tail

    def other_unit(self, sector: str, unit: str) -> str:
        """Another unit of the same sector (in the same city; any city for 省直机关)."""
        rng = self.rng
        templates = [e for e in P.sectors[sector].get("per", []) + P.sectors[sector].get("win", []) if "{" in e]
        for _ in range(10):
            if not templates:
                break
            tpl, _ = _entry(rng.choice(templates))
            other = fill(tpl, self.place(None if self.prov else self.unit), rng)
            if other != unit:
                return other
        return self.place()["city"] + "人民政府办公室"

    def brand(self, sector: str) -> dict:
        rng = self.rng
        d = P.sectors[sector]
        ctx = self.sector_ctx(sector)
        picked = {}

        def make():
            unit_tpl, _ = _entry(rng.choice(self.entries(sector, "win")))
            unit = fill(unit_tpl, self.place(), rng)
            core, suffix, motto = rng.choice(d["brands"]).split("/")
            bare = f"“{core}”{suffix}"
            picked.update(unit=unit, core=core, suffix=suffix, motto=motto)
            # A bare name (no unit in it) is only used when a stable hash gives it to this unit,
            # so that two units never pick the same one; otherwise the unit makes it unique.
            if zlib.crc32(bare.encode()) % len(UNITS) == self.index and rng.random() < 0.8:
                return bare
            return unit + bare

        bname = self.unique_title(make)
        unit = picked["unit"]
        ctx.update(core=picked["core"], bsuffix=picked["suffix"], motto=picked["motto"], unit=unit,
                   we=[_unit_ref(unit), unit], Y0=str(rng.randint(2005, 2011)), leader=self.any_name())
        ctx["b_mean"] = fill(rng.choice(P.b_mean), ctx, rng)
        ctx["honors"] = self.honors(P.honors_team, rng.randint(2, 3))
        leader = ctx["leader"]
        title = fill(rng.choice(P.b_titles), ctx, rng) + f"——{bname}典型事迹材料"
        intro = fill(P.b_intro, ctx, rng)
        sections = [(rng.choice(P.b_heads[0]), P.b_leads[0][0], P.b_define),
                    (rng.choice(P.b_heads[1]), P.b_leads[1][0], P.b_mech + P.w_norm[:6]),
                    (rng.choice(P.b_heads[2]), P.b_leads[2][0], P.b_feat + P.w_conv + d.get("extra", [])),
                    (rng.choice(P.b_heads[3]), P.b_leads[3][0], P.b_spread + P.w_team)]
        material = compose(rng, ctx, title=title, intro=intro, sections=sections,
                           outro=[fill(P.b_outro, ctx, rng)], lo=1880, hi=2100, cap=2150)
        brief = fit(rng, ctx, P.b_brief, 200, 400)
        r = rng.random()
        if r < 0.2:
            award = "无"
        elif r < 0.6:
            award = fill("{2010|2011}年被评为全省{sys}优质服务品牌", ctx, rng)
        else:
            y = rng.randint(2009, 2011)
            award = fill(f"{y}年被{{areax}}命名为“为民服务示范品牌”，{y + 1}年被评为全省{{sys}}文明服务示范窗口", ctx, rng)
        return {"服务品牌名称": bname, "所属单位": unit, "所属行业": sector, "党组织负责人": leader,
                "单位电话": self.phone(), "品牌简介": brief, "曾受表彰情况": award, "典型事迹材料": material}

    # -- the file --
    def build(self) -> dict:
        rng = self.rng
        qw = self.quota.群众满意窗口 * self.scale
        qp = self.quota.行业服务标兵 * self.scale
        alt = CAMPAIGN.递补名额 * self.scale
        nb = self.quota.优质服务品牌[1] * self.scale          # the top of the range
        wplan = self.sector_plan("win", qw + alt)
        windows = [self.window(s) for s in wplan]
        pplan = self.sector_plan("per", qp + alt)
        nations = _spread(rng, P.nations.get(self.unit, P.nations["default"]), len(pplan))
        people = [self.person(s, nation) for s, nation in zip(pplan, nations)]
        bavail = [s for s in SECTOR_ORDER if self.entries(s, "win") and P.sectors[s].get("brands")]
        bplan = []
        while len(bplan) < nb:
            bplan.extend(sorted(bavail, key=lambda s: -rng.random() ** (1.0 / P.sectors[s]["w"])))
        brands = [self.brand(s) for s in bplan[:nb]]
        # A week's publicity ending some days before the deadline, then the file is sent.
        deadline = CAMPAIGN.报送截止日期
        lead = rng.choice([11, 10])
        shown = deadline - timedelta(days=lead)
        span = _span(shown, shown + timedelta(days=6))
        filed = deadline - timedelta(days=rng.choice([4, 3]) if lead == 11 else 3)
        if self.prov:
            publicity = f"{span}在省直机关工委网站和推荐对象所在单位进行了公示，公示期间未收到异议。"
        else:
            publicity = (f"{span}在《{self.base['paper']}》和{self.unit}市委组织部网站对推荐对象进行了公示，"
                         "公示期间未收到异议。")
        counts = Counter(s for s in wplan[:qw] + pplan[:qp])
        top = [s for s, _ in counts.most_common(5)]
        report = self.report(span, qw, qp, alt, nb, top, len(counts))
        return {"推荐单位": self.unit, "填报单位": self.quota.填报单位, "报送日期": filed.isoformat(),
                "联系人": self.any_name(), "联系电话": self.phone(), "公示情况": publicity, "推荐情况报告": report,
                WINDOWS: {FORMAL: windows[:qw], ALTERNATE: windows[qw:]},
                EXEMPLARS: {FORMAL: people[:qp], ALTERNATE: people[qp:]},
                BRANDS: {FORMAL: brands}}

    def report(self, span: str, qw: int, qp: int, alt: int, nb: int, top: list[str], nsect: int) -> str:
        rng = self.rng
        if self.prov:
            org, office, scope = "省直机关创先争优活动领导小组", "省直机关创先争优活动领导小组办公室", "省直各部门、各单位"
        else:
            org, office, scope = "市委创先争优活动领导小组", "市委创先争优活动领导小组办公室", "各县（市、区）和市直各部门"
        paras = [
            "根据省委创先争优活动领导小组《关于做好推荐为民服务创先争优群众满意窗口、行业服务标兵和优质服务品牌工作的通知》"
            f"（{CAMPAIGN.文号}）要求，{org}高度重视，{rng.choice(['及时召开专题会议', '专门召开领导小组办公室会议'])}，"
            "对推荐工作作出安排部署，明确了推荐范围、基本条件和工作程序。",
            f"推荐工作坚持公开、公平、公正的原则，按照自下而上、上下结合的方式，在{scope}推荐的基础上，经{office}审核把关、"
            f"{rng.choice(['实地考察', '逐一考察'])}，广泛听取干部党员和群众意见，并征求了纪检监察等部门的意见。"
            f"{span}，对推荐对象进行了公示，公示期间未收到异议。",
            f"经{org}研究，确定推荐{qw}个窗口为全省为民服务创先争优群众满意窗口，另推荐递补对象{alt}个；推荐{qp}名同志为"
            f"全省为民服务创先争优行业服务标兵，另推荐递补对象{alt}名；推荐{nb}个品牌为全省为民服务创先争优优质服务品牌。"
            f"推荐对象涵盖{'、'.join(top)}等{nsect}个行业，均为在“为民服务创先争优”活动中涌现出来的先进典型，事迹突出，群众公认。",
            "现将推荐和审批表、排序表及典型事迹材料一并报上，请审定。",
        ]
        return "\n".join(paras)


def _span(first: date, last: date) -> str:
    """2012年8月9日至15日; the month and year again only where they change."""
    end = f"{last.day}日"
    if last.month != first.month or last.year != first.year:
        end = f"{last.month}月" + end
    if last.year != first.year:
        end = f"{last.year}年" + end
    return f"{first.year}年{first.month}月{first.day}日至{end}"


def _vary_subject(text: str, he: str, name: str, rng: random.Random) -> str:
    """Not every sentence about a person starts with 他/她: now and then the name instead."""
    if text.startswith(he) and rng.random() < 0.2:
        return name + text[1:]
    return text


def person_summary(rng: random.Random, ctx: dict, party: bool) -> str:
    """主要事迹 of a person: narrative paragraphs (no “一是”, the sentences have a subject)."""
    for _ in range(30):
        target = rng.randint(480, 760)
        head = fill("{name}同志参加工作{wy}年来，{p_effect}。", ctx, rng)
        tail = fill("先后荣获{honors}等荣誉称号。", ctx, rng)
        body, used, total = [], set(), ns(head) + ns(tail)
        pools = [[t for t in _usable(p, party) if not t.startswith("¶")] for p in ctx["pools"]]
        order = [rng.choice(p) for p in pools]
        rest = [t for p in pools for t in p]
        rng.shuffle(rest)
        for tpl in order + rest:
            if total >= target:
                break
            if tpl in used:
                continue
            text = _vary_subject(render(tpl, ctx, rng), ctx["he"], ctx["name"], rng)
            if total + ns(text) > 880:
                continue
            used.add(tpl)
            body.append(text)
            total += ns(text)
        if 400 <= total <= 900:
            return "\n".join([head + body[0]] + _group(body[1:], rng, 220) + [tail])
    raise RuntimeError("cannot build 主要事迹")


# --- YAML out -------------------------------------------------------------------------

_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")


def _plain_ok(text: str) -> bool:
    if not text or text != text.strip() or "\n" in text or text[0] in _INDICATORS:
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    # What would a YAML 1.1 loader make of it?
    return Resolver().resolve(ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str"


def _scalar(text: str) -> str:
    return text if _plain_ok(text) else "'" + text.replace("'", "''") + "'"


def _emit_map(out: list[str], data: dict, indent: int, first_prefix: str | None = None) -> None:
    pad = " " * indent
    for i, (key, value) in enumerate(data.items()):
        lead = first_prefix if (i == 0 and first_prefix is not None) else pad
        if isinstance(value, dict):
            out.append(f"{lead}{key}:")
            _emit_map(out, value, indent + 2)
        elif isinstance(value, list):
            out.append(f"{lead}{key}:")
            for item in value:
                _emit_map(out, item, indent + 4, " " * (indent + 2) + "- ")
                out.append("")
            if out[-1] == "":
                out.pop()
        elif key == "出生年月":
            out.append(f"{lead}{key}: '{value}'")
        elif key == "报送日期":
            out.append(f"{lead}{key}: {value}")
        elif "\n" in value or key in BLOCK_KEYS:
            out.append(f"{lead}{key}: |")
            out.extend(" " * (indent + 2) + line if line else "" for line in value.split("\n"))
        else:
            out.append(f"{lead}{key}: {_scalar(value)}")


def to_yaml(data: dict) -> str:
    out = [HEADER_COMMENT]
    head = {k: v for k, v in data.items() if k not in CATEGORIES}
    _emit_map(out, head, 0)
    for cat in CATEGORIES:
        out.append("")
        _emit_map(out, {cat: data[cat]}, 0)
    return "\n".join(out) + "\n"


# --- API ------------------------------------------------------------------------------

def make_unit(unit: str, *, seed: int = 2012, scale: int = 1) -> str:
    """The YAML text of a complete, valid nomination file for `unit` (one of UNITS).

    Deterministic for (unit, seed, scale). scale=1 gives exactly the quota of 附件1 plus the
    campaign's alternates for windows and exemplars, and the top of the unit's brand range
    (2, or 6 for 省直机关); scale=N multiplies every list.
    """
    return to_yaml(UnitMaker(unit, seed, scale).build())


def file_name(unit: str) -> str:
    return f"{UNITS.index(unit) + 1:02d}-{unit}.yaml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.province", description="生成虚构的推荐材料示例文件（每个推荐单位一个 YAML 文件）")
    parser.add_argument("--out", required=True, type=Path, help="输出目录，如 examples/")
    parser.add_argument("--units", nargs="+", choices=UNITS, default=UNITS, metavar="UNIT",
                        help="推荐单位（默认全部 12 个）：" + " ".join(UNITS))
    parser.add_argument("--seed", type=int, default=2012, help="随机种子（默认 2012）")
    parser.add_argument("--scale", type=int, default=1, help="每个名单的人数倍数（默认 1；基准测试可用 10）")
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale 必须 >= 1")
    args.out.mkdir(parents=True, exist_ok=True)
    for unit in [u for u in UNITS if u in args.units]:
        path = args.out / file_name(unit)
        path.write_text(make_unit(unit, seed=args.seed, scale=args.scale), encoding="utf-8")
        print(path)
    return 0
