#!/usr/bin/env python3
"""Build the demo final's 纠错 (error-correction) round: document images, process videos and the question bank.

What it writes (paths are relative to the repository root):

* ``question_sets/banks/media/ws01.png`` … ``ws06.png``: six flawed enforcement documents (行政处罚决定书 ×2,
  当场行政处罚决定书, 现场检查笔录, 查封、扣押决定书, 责令改正通知书). Each is A4 at 150 dpi (1240×1754).
* ``question_sets/banks/media/lc01.mp4`` … ``lc04.mp4``: four storyboard videos of enforcement processes (现场检查,
  当场处罚, 查封扣押, 听证告知). They are 960×540, 10 fps, H.264, yuv420p, and run 30–40 s each.
* ``question_sets/banks/correction.questions.yaml``: the bank for pool ``纠错``. It holds ten items in bank order
  WS01, LC01, WS02, LC02, …, WS05, WS06. Each item lists its planted errors: ``text``, ``fix`` (citing the
  article) and either ``box: [x, y, w, h]`` (fractions of the image) or ``at`` (seconds into the video).

The planted errors come from the same data that draws the pictures, so a box or a time cannot drift from its
media. While a document is laid out, each planted error marks the text it lives in, and the script measures that
text's box on the page. In a video, each planted error is attached to the line of dialogue that commits it, and
its time is the moment that line appears. After writing, the script checks that every box lies inside [0, 1],
every time lies inside its video, every video has the expected frame count, and every character is in the bundled
font.

All names, units, places, case numbers and dates are invented (江岚市青禾区 is fictional). The legal provisions
cited are real: 《行政处罚法》(2021), 《行政强制法》, 《行政复议法》(2023), 《行政诉讼法》, 《食品安全法》,
《大气污染防治法》 and 《消防法》.

Usage::

    python tools/make_correction_media.py                    # write media and bank
    python tools/make_correction_media.py --overlay DIR      # also write debug pictures (boxes, error frames)
    python tools/make_correction_media.py --only ws01 lc02   # rebuild some media; the bank is always rewritten

Requires Pillow, PyYAML and imageio-ffmpeg (which ships an ffmpeg binary). fontTools is optional and only
enables the glyph-coverage check. Output is deterministic: the encoder runs single-threaded in bitexact mode.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT_REGULAR = ROOT / "assets" / "fonts" / "NotoSansSC-Subset.otf"
FONT_BOLD = ROOT / "assets" / "fonts" / "NotoSansSC-Subset-Bold.otf"
BANK_DIR = ROOT / "question_sets" / "banks"
MEDIA_DIR = BANK_DIR / "media"
BANK_FILE = BANK_DIR / "correction.questions.yaml"
POOL = "纠错"

USED_CHARS: set[str] = set()  # every character drawn, checked against the font at the end


@cache
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_BOLD if bold else FONT_REGULAR), size)


def text_at(draw: ImageDraw.ImageDraw, xy, text: str, fnt, fill, **kw) -> None:
    """Draw text and remember its characters for the coverage check."""
    USED_CHARS.update(text)
    draw.text(xy, text, font=fnt, fill=fill, **kw)


# --------------------------------------------------------------------------------------------------------------
# Text layout shared by documents and videos
# --------------------------------------------------------------------------------------------------------------

NO_LINE_START = set("，。、；：？！）》」』”’%·…—,.;:?!)]")
NO_LINE_END = set("（《「『“‘([")


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "./-_%¥*") or ch in "³²¥"


def layout(text: str, fnt, width: float, first_indent: float = 0.0) -> list[list[tuple[int, float, float]]]:
    """Break ``text`` into lines no wider than ``width``; each line is a list of (char index, x, advance).

    A closing punctuation mark that would start a line hangs at the end of the previous one (as in Chinese
    typesetting), an opening mark never ends a line, and a run of Latin letters and digits (a number, a unit,
    a case number) is not split.
    """
    lines: list[list[tuple[int, float, float]]] = [[]]
    x = first_indent
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\n":
            lines.append([])
            x = 0.0
            i += 1
            continue
        j = i
        while j < len(text) - 1 and text[j] in NO_LINE_END:  # an opening mark stays with what follows
            j += 1
        if _is_word_char(text[j]):
            while j < len(text) and _is_word_char(text[j]):
                j += 1
            if j < len(text) and text[j] in "年月日时分号":  # keep "3月", "13日" together
                j += 1
        else:
            j += 1
        advances = [fnt.getlength(c) for c in text[i:j]]
        w = sum(advances)
        if x + w > width + 0.5 and lines[-1] and ch not in NO_LINE_START and w <= width:
            lines.append([])
            x = 0.0
        for k, a in enumerate(advances):
            if x + a > width + 0.5 and lines[-1] and j - i > 1 and w > width:  # an over-long run must split
                lines.append([])
                x = 0.0
            lines[-1].append((i + k, x, a))
            x += a
        i = j
    return lines


# --------------------------------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------------------------------

PAGE_W, PAGE_H = 1240, 1754  # A4 at 150 dpi
PRINT = (24, 24, 24)  # printed text
INK = (28, 44, 120)  # filled-in or handwritten entries
RED = (206, 32, 38)
GREY = (110, 110, 110)
BODY = 27  # ≈ 四号 at 150 dpi
LEAD = 50
BOX_PAD = 10  # pixels added around a measured error region


class Page:
    """An A4 page with a cursor, and the regions of the planted errors measured while laying it out."""

    def __init__(self, left: int = 125, right: int = PAGE_W - 125, top: int = 120) -> None:
        self.img = Image.new("RGBA", (PAGE_W, PAGE_H), (255, 255, 253, 255))
        self.draw = ImageDraw.Draw(self.img)
        self.left, self.right = left, right
        self.y = top
        self.para_gap = 0  # extra space after every paragraph
        self.regions: dict[str, list[tuple[float, float, float, float]]] = {}

    # regions ----------------------------------------------------------------------------------------------
    def mark(self, key: str, box: tuple[float, float, float, float]) -> None:
        self.regions.setdefault(key, []).append(box)

    def box(self, key: str) -> list[float]:
        """The union of everything marked ``key``, padded, as [x, y, w, h] fractions of the page."""
        if key not in self.regions:
            raise KeyError(f"no region marked {key!r}")
        rects = self.regions[key]
        x0 = max(0.0, min(r[0] for r in rects) - BOX_PAD)
        y0 = max(0.0, min(r[1] for r in rects) - BOX_PAD)
        x1 = min(float(PAGE_W), max(r[2] for r in rects) + BOX_PAD)
        y1 = min(float(PAGE_H), max(r[3] for r in rects) + BOX_PAD)
        return [round(x0 / PAGE_W, 3), round(y0 / PAGE_H, 3), round((x1 - x0) / PAGE_W, 3),
                round((y1 - y0) / PAGE_H, 3)]

    # text -------------------------------------------------------------------------------------------------
    def centered(self, text: str, size: int, bold: bool = True, spacing: int = 0, gap: int = 16,
                 color=PRINT, mark: str | None = None) -> None:
        fnt = font(size, bold)
        widths = [fnt.getlength(c) for c in text]
        total = sum(widths) + spacing * (len(text) - 1)
        x = (PAGE_W - total) / 2
        x_start = x
        for c, w in zip(text, widths, strict=True):
            text_at(self.draw, (x, self.y), c, fnt, color)
            x += w + spacing
        if mark:
            self.mark(mark, (x_start, self.y - 0.1 * size, x_start + total, self.y + 1.35 * size))
        self.y += int(size * 1.35) + gap

    def right_line(self, text: str, size: int = 25, color=PRINT, right: int | None = None, gap: int = 12,
                   mark: str | None = None, bold: bool = False) -> tuple[float, float]:
        """Right-aligned text; returns its (left x, centre y)."""
        fnt = font(size, bold)
        w = fnt.getlength(text)
        x = (right or self.right) - w
        text_at(self.draw, (x, self.y), text, fnt, color)
        if mark:
            self.mark(mark, (x, self.y - 0.1 * size, x + w, self.y + 1.35 * size))
        centre = (x, self.y + 0.65 * size)
        self.y += int(size * 1.35) + gap
        return centre

    def para(self, text: str, *, size: int = BODY, bold: bool = False, indent: int = 2, color=PRINT,
             marks: dict[str, str | bool] | None = None, left: float | None = None, right: float | None = None,
             lead: int | None = None, ruled: bool = False, hanging: str = "", hanging_color=PRINT,
             after: int = 0) -> None:
        """A paragraph, first line indented ``indent`` characters, or a label ``hanging`` in front of it.

        ``marks`` maps an error key to a substring of ``text`` (its first occurrence) or to True (the whole
        paragraph); the substring's box is recorded under that key.
        """
        fnt = font(size, bold)
        lead = lead or (LEAD if size == BODY else int(size * 1.75))
        x0 = self.left if left is None else left
        x1 = self.right if right is None else right
        hang_w = 0.0
        if hanging:
            hfnt = font(size, True)
            hang_w = hfnt.getlength(hanging)
            text_at(self.draw, (x0, self.y), hanging, hfnt, hanging_color)
        lines = layout(text, fnt, x1 - x0 - hang_w, first_indent=indent * size if not hanging else 0)
        line_tops = []
        for line in lines:
            line_tops.append(self.y)
            for i, x, _w in line:
                text_at(self.draw, (x0 + hang_w + x, self.y), text[i], fnt, color)
            if ruled:
                yy = self.y + size * 1.45
                self.draw.line([(x0, yy), (x1, yy)], fill=(170, 170, 170), width=1)
            self.y += lead
        self.y += after + self.para_gap
        for key, sub in (marks or {}).items():
            if sub is True:
                start, end = 0, len(text)
            else:
                start = text.index(sub)
                end = start + len(sub)
            for top, line in zip(line_tops, lines, strict=True):
                xs = [(x0 + hang_w + x, x0 + hang_w + x + w) for i, x, w in line if start <= i < end]
                if xs:
                    self.mark(key, (min(a for a, _ in xs), top - 0.1 * size, max(b for _, b in xs),
                                    top + 1.35 * size))

    def gap(self, px: int) -> None:
        self.y += px

    def rule(self, color=RED, width: int = 3, gap: int = 18) -> None:
        self.draw.line([(self.left, self.y), (self.right, self.y)], fill=color, width=width)
        self.y += gap

    def small_note(self, text: str, y: int | None = None) -> None:
        fnt = font(20)
        w = fnt.getlength(text)
        text_at(self.draw, ((PAGE_W - w) / 2, y or PAGE_H - 90), text, fnt, GREY)

    def check_fits(self, name: str) -> None:
        if self.y > PAGE_H - 110:  # the footnote sits at PAGE_H - 90
            raise SystemExit(f"{name}: content overflows the page (y={self.y})")

    # blocks -----------------------------------------------------------------------------------------------
    def form(self, rows: list[tuple[str, str, dict]], label_w: int = 190, size: int = 25, pad: int = 14,
             fill_color=INK) -> list[tuple[int, int]]:
        """A ruled form: a grey label cell and a content cell per row. rows: (label, content, marks).

        Returns the (top, bottom) of each row.
        """
        x0, x1 = self.left, self.right
        top = self.y
        lfnt = font(size, True)
        lead = int(size * 1.7)
        spans = []
        for label, content, marks in rows:
            row_top = self.y
            self.y = row_top + pad
            self.para(content, size=size, indent=0, color=fill_color, marks=marks, left=x0 + label_w + pad,
                      right=x1 - pad, lead=lead)
            row_bottom = max(self.y - lead + int(size * 1.4) + pad, row_top + 2 * pad + int(size * 1.4))
            self.draw.rectangle([x0, row_top, x0 + label_w, row_bottom], fill=(238, 238, 234))
            llines = layout(label, lfnt, label_w - 2 * pad)
            lh = len(llines) * int(size * 1.4)
            ly = row_top + (row_bottom - row_top - lh) / 2
            for line in llines:
                for i, x, _w in line:
                    text_at(self.draw, (x0 + pad + x, ly), label[i], lfnt, PRINT)
                ly += int(size * 1.4)
            self.draw.line([(x0, row_bottom), (x1, row_bottom)], fill=PRINT, width=2)
            spans.append((row_top, row_bottom))
            self.y = row_bottom
        self.draw.rectangle([x0, top, x1, self.y], outline=PRINT, width=3)
        self.draw.line([(x0 + label_w, top), (x0 + label_w, self.y)], fill=PRINT, width=2)
        self.y += 20
        return spans

    def table(self, header: list[str], rows: list[list[str]], widths: list[int], size: int = 24,
              row_marks: dict[int, str] | None = None) -> None:
        """A simple bordered table; ``row_marks`` maps a row index to an error key covering the whole row."""
        x = self.left
        xs = [x]
        for w in widths:
            x += w
            xs.append(x)
        rh = int(size * 2.0)
        top = self.y
        bfnt, fnt = font(size, True), font(size)
        for r, cells in enumerate([header] + rows):
            y = top + r * rh
            if r == 0:
                self.draw.rectangle([xs[0], y, xs[-1], y + rh], fill=(238, 238, 234))
            for c, cell in enumerate(cells):
                f = bfnt if r == 0 else fnt
                w = f.getlength(cell)
                cx = xs[c] + (xs[c + 1] - xs[c] - w) / 2
                text_at(self.draw, (cx, y + (rh - size * 1.3) / 2), cell, f, PRINT if r == 0 else INK)
            self.draw.line([(xs[0], y + rh), (xs[-1], y + rh)], fill=PRINT, width=2)
            if r > 0 and row_marks and (r - 1) in row_marks:
                self.mark(row_marks[r - 1], (xs[0], y, xs[-1], y + rh))
        bottom = top + (len(rows) + 1) * rh
        self.draw.rectangle([xs[0], top, xs[-1], bottom], outline=PRINT, width=3)
        for xx in xs[1:-1]:
            self.draw.line([(xx, top), (xx, bottom)], fill=PRINT, width=2)
        self.y = bottom + 22

    def signature(self, org: str, date: str, *, seal: str | None, mark: str | None = None,
                  date_mark: str | None = None, right: int | None = None, extra_gap: int = 30) -> None:
        """The issuing authority and date at bottom right, with an optional red seal over them.

        ``mark`` records the whole block (where a seal must be), ``date_mark`` only the date line.
        """
        right = right or self.right - 40
        self.gap(extra_gap)
        top = self.y
        fnt = font(BODY)
        org_w = fnt.getlength(org)
        date_w = fnt.getlength(date)
        block_w = max(org_w, date_w)
        bx = right - block_w
        text_at(self.draw, (bx + (block_w - org_w) / 2, self.y), org, fnt, PRINT)
        self.y += LEAD
        dx = bx + (block_w - date_w) / 2
        text_at(self.draw, (dx, self.y), date, fnt, PRINT)
        if date_mark:
            self.mark(date_mark, (dx, self.y - 3, dx + date_w, self.y + 1.35 * BODY))
        self.y += LEAD
        cx, cy = bx + block_w / 2, top + LEAD * 0.9
        if seal:
            draw_seal(self.img, cx, cy, 118, seal)
        if mark:  # the block where the seal belongs
            self.mark(mark, (bx - 20, top - 30, bx + block_w + 20, self.y + 10))

    def handwriting(self, x: float, y: float, text: str, size: int = 30) -> tuple[float, float, float, float]:
        """A 'signed' name in ink, slightly tilted; returns its box."""
        fnt = font(size, True)
        w = int(fnt.getlength(text)) + 20
        tile = Image.new("RGBA", (w, int(size * 1.6)), (0, 0, 0, 0))
        ImageDraw.Draw(tile).text((10, 2), text, font=fnt, fill=INK + (235,))
        USED_CHARS.update(text)
        tile = tile.rotate(4, resample=Image.BICUBIC, expand=True)
        self.img.alpha_composite(tile, (int(x), int(y - 6)))
        return (x, y - 6, x + tile.width, y - 6 + tile.height)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.img.convert("RGB").save(path, optimize=True)


def draw_seal(img: Image.Image, cx: float, cy: float, r: int, text: str) -> None:
    """A round red official seal: ring, five-pointed star and the authority's name along the upper arc."""
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    colour = RED + (205,)
    d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=colour, width=7)
    star_r = r * 0.27
    pts = []
    for k in range(10):
        ang = -math.pi / 2 + k * math.pi / 5
        rad = star_r if k % 2 == 0 else star_r * 0.4
        pts.append((cx + rad * math.cos(ang), cy + rad * math.sin(ang)))
    d.polygon(pts, fill=colour)
    size = int(r * 0.25) if len(text) <= 14 else int(r * 0.2)
    fnt = font(size, True)
    span = min(250.0, 19.0 * len(text) + 20) if len(text) <= 14 else min(300.0, 16.5 * len(text))
    step = span / max(1, len(text) - 1)
    start = -90 - span / 2
    radius = r - size * 0.95
    for k, ch in enumerate(text):
        theta = start + k * step
        tile = Image.new("RGBA", (size * 2, size * 2), (0, 0, 0, 0))
        ImageDraw.Draw(tile).text((size, size), ch, font=fnt, fill=colour, anchor="mm")
        USED_CHARS.add(ch)
        tile = tile.rotate(-(theta + 90), resample=Image.BICUBIC)
        px = cx + radius * math.cos(math.radians(theta)) - size
        py = cy + radius * math.sin(math.radians(theta)) - size
        layer.alpha_composite(tile, (int(px), int(py)))
    # uneven ink: a deterministic sprinkle of lighter specks
    rng = random.Random(len(text) * 7919 + int(cx))
    px_access = layer.load()
    for _ in range(900):
        x = int(cx + rng.uniform(-r, r))
        y = int(cy + rng.uniform(-r, r))
        if 0 <= x < layer.width and 0 <= y < layer.height:
            rr, gg, bb, aa = px_access[x, y]
            if aa:
                px_access[x, y] = (rr, gg, bb, int(aa * 0.35))
    img.alpha_composite(layer)


def doc_header(page: Page, org: str, title: str, number: str | None) -> None:
    page.centered(org, 40, bold=True, color=RED, gap=6)
    page.centered(title, 50, bold=True, spacing=10, gap=8)
    if number:
        page.right_line(number, size=25, gap=4)
    page.rule()


# The six documents. Each builder lays out a page and marks the region of every planted error by key.

def build_ws01() -> Page:
    p = Page()
    doc_header(p, "江岚市青禾区综合行政执法局", "行政处罚决定书", "青综执罚决〔2025〕第0136号")
    p.para("青禾区老街坊烧烤店（个体工商户）", hanging="当事人：", indent=0)
    p.para("刘某某　　统一社会信用代码：92990105MA7D3KXQ2H", hanging="经营者：", indent=0)
    p.para("江岚市青禾区望江路188号", hanging="经营场所：", indent=0, after=8)
    p.para("2025年3月12日，本局执法人员在巡查中发现，当事人经营烧烤餐饮未安装油烟净化设施，油烟直接向外排放。"
           "经江岚市环境监测中心站采样监测（报告编号：JL-HJ-2025-0318），其油烟排放浓度为4.6mg/m³，超过"
           "《饮食业油烟排放标准》规定的2.0mg/m³限值。本局于次日依法立案调查。")
    p.para("上述事实有现场检查笔录、询问笔录、监测报告、现场照片及视频资料等证据证实。")
    p.para("2025年3月28日，本局向当事人送达了《行政处罚事先告知书》，告知其拟作出行政处罚的事实、理由、依据及"
           "依法享有的陈述、申辩、要求听证的权利。当事人在法定期限内未提出陈述、申辩，也未要求听证。")
    p.para("本局认为，当事人的上述行为违反了《中华人民共和国大气污染防治法》的有关规定。依据《中华人民共和国"
           "大气污染防治法》第一百一十八条第一款的规定，本局决定对当事人作出如下行政处罚：",
           marks={"basis": "违反了《中华人民共和国大气污染防治法》的有关规定"})
    p.para("一、责令立即改正违法行为；")
    p.para("二、罚款人民币叁仟元整（¥3000.00）。", marks={"amount": "罚款人民币叁仟元整（¥3000.00）"})
    p.para("当事人应当自收到本决定书之日起十五日内，持本决定书到江岚农村商业银行各营业网点或者通过“江岚非税"
           "缴费”电子支付系统缴纳罚款。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。")
    p.para("如不服本处罚决定，可在收到本决定书之日起三十日内向江岚市青禾区人民政府申请行政复议，也可以在三个月"
           "内直接向江岚市青禾区人民法院提起行政诉讼。",
           marks={"review": "三十日内", "suit": "三个月内"})
    # Served on Friday 28 March 2025, the five working days for a hearing request (《行政处罚法》第六十四条、第八十五条)
    # ran past the Qingming holiday (4–6 April) to Monday 7 April: the decision is dated after that.
    p.signature("江岚市青禾区综合行政执法局", "2025年4月10日", seal=None, mark="seal", extra_gap=60)
    p.small_note("（本文书一式两份，一份送达当事人，一份归档）")
    p.check_fits("ws01")
    return p


def build_ws02() -> Page:
    p = Page()
    doc_header(p, "江岚市青禾区市场监督管理局", "行政处罚决定书", "青市监处罚〔2025〕58号")
    p.para("江岚市惠万家超市有限公司", hanging="当事人：", indent=0)
    p.para("91990105MA6H2XK83Q", hanging="统一社会信用代码：", indent=0)
    p.para("陈某某　　住所：江岚市青禾区新华北路36号", hanging="法定代表人：", indent=0, after=8)
    p.para("2025年5月9日，本局执法人员对当事人经营场所进行监督检查，发现其冷藏柜内陈列销售的“鲜时光”风味酸奶"
           "（200g/盒）12盒、散装全麦面包8袋均已超过保质期。本局于同日立案调查。经查，上述食品货值金额合计人民币"
           "186元；当事人此前已售出同批次超过保质期的酸奶6盒，违法所得人民币36元。")
    p.para("以上事实有现场检查笔录、询问笔录、现场照片、进货票据及销售记录等证据证实。")
    p.para("本局认为，本案事实清楚、证据确凿，为提高办案效率，本局依法直接作出处罚决定。",
           marks={"notice": "本局认为，本案事实清楚、证据确凿，为提高办案效率，本局依法直接作出处罚决定。"})
    p.para("当事人经营超过保质期的食品的行为，违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定。"
           "依据《中华人民共和国食品安全法》第一百二十四条第一款第（五）项的规定，本局决定：")
    p.para("一、没收超过保质期的酸奶12盒、全麦面包8袋；")
    p.para("二、没收违法所得人民币叁拾陆元；")
    p.para("三、罚款人民币伍万元。")
    p.para("当事人应当自收到本决定书之日起十五日内，将罚款交至本局财务科。到期不缴纳罚款的，每日按罚款数额的百分"
           "之五加处罚款。",
           marks={"collect": "将罚款交至本局财务科", "surcharge": "每日按罚款数额的百分之五加处罚款"})
    p.para("当事人如不服本决定，可以在收到本决定书之日起六十日内向江岚市市场监督管理局申请行政复议，或者在六个月内"
           "向江岚市青禾区人民法院提起行政诉讼。",
           marks={"organ": "向江岚市市场监督管理局申请行政复议"})
    p.signature("江岚市青禾区市场监督管理局", "　　　　年　　月　　日", seal="江岚市青禾区市场监督管理局",
                date_mark="date", extra_gap=50)
    p.small_note("（本文书一式两份，一份送达当事人，一份归档）")
    p.check_fits("ws02")
    return p


def build_ws03() -> Page:
    p = Page(top=130)
    doc_header(p, "江岚市青禾区综合行政执法局", "当场行政处罚决定书", "编号：青综执当〔2025〕第000217号")
    p.gap(6)
    rows = [
        ("当事人", "张某某　　性别：男　　身份证号码：36990119780512****", {}),
        ("住址", "江岚市青禾区锦绣小区7栋2单元301室", {}),
        ("违法时间、地点", "2025年10月26日16时20分，江岚市青禾区锦绣小区中心绿地", {}),
        ("违法事实", ("当事人在人口集中的锦绣小区绿地内露天焚烧落叶，产生烟尘污染，周边居民投诉。执法人员现场查看"
                      "并拍照取证，事实清楚，当事人对违法事实无异议。"), {}),
        ("处罚依据及内容", ("当事人的行为违反了《中华人民共和国大气污染防治法》第七十七条的规定。依据该法第一百一十九"
                            "条第一款的规定，责令当事人立即停止焚烧、清理现场，并处罚款人民币伍佰元整。"),
         {"limit": "并处罚款人民币伍佰元整"}),
        ("履行方式", "罚款已由执法人员当场收缴，出具本局自制收款收据（No.0000583）。",
         {"cash": "罚款已由执法人员当场收缴，出具本局自制收款收据（No.0000583）"}),
        ("救济途径和期限", ("如不服本决定，可以自收到本决定书之日起六十日内向江岚市青禾区人民政府申请行政复议，也可以"
                            "在六个月内直接向江岚市青禾区人民法院提起行政诉讼。"),
         {"remedy": "也可以在六个月内直接向江岚市青禾区人民法院提起行政诉讼"}),
        ("执法人员", "　　　　　　　　　　　　执法证号：JL-ZF-2024-0266", {}),
        ("当事人签收", "　　　　　　　　　　　　2025年10月26日", {}),
    ]
    spans = p.form(rows, label_w=222, size=26)
    # signatures written into the form: the officer row and the receipt row are the last two
    (officer_top, officer_bottom), (receipt_top, _receipt_bottom) = spans[-2], spans[-1]
    p.handwriting(p.left + 215, officer_top + 10, "李航")
    p.mark("officers", (p.left, officer_top, p.right, officer_bottom))
    p.handwriting(p.left + 215, receipt_top + 10, "张某某")
    p.signature("江岚市青禾区综合行政执法局", "2025年10月26日", seal="江岚市青禾区综合行政执法局", extra_gap=40)
    p.small_note("本决定书应当场交付当事人；执法人员应当将当场作出的行政处罚决定报所属行政机关备案。")
    p.check_fits("ws03")
    return p


def build_ws04() -> Page:
    p = Page()
    doc_header(p, "江岚市青禾区市场监督管理局", "现场检查笔录", None)
    ink = {"color": INK, "hanging_color": PRINT, "indent": 0, "ruled": True, "lead": 60}
    p.para("2025年4月8日9时30分至2025年4月8日10时15分", hanging="检查时间：", **ink)
    p.para("江岚市青禾区望江路66号“好味道”快餐店（含后厨）", hanging="检查地点：", **ink)
    p.para("江岚市青禾区好味道快餐店", hanging="被检查人：", **ink)
    p.para("赵某某　　联系电话：139****5186", hanging="负 责 人：", **ink)
    p.para("周敏　　执法证号：JL-SJ-2025-0417", hanging="检查人员：", marks={"one": True}, **ink)
    p.para("周敏", hanging="记 录 人：", **ink)
    p.para("我们是江岚市青禾区市场监督管理局的执法人员，现依法对你单位进行现场检查，请予以配合，如实提供有关"
           "情况。", hanging="告知事项：", marks={"notify": True}, **ink)
    p.para("当事人：清楚了，配合检查。", **ink)
    p.para("", hanging="检查情况：", **ink)
    p.para("1. 当事人持有营业执照和食品经营许可证，许可证在有效期内。", **ink)
    p.para("2. 后厨冷冻柜内存放冷冻鸡腿肉5袋（每袋2kg），外包装无标签，当事人无法提供进货票据。", **ink)
    p.para("3. 现场有2名厨师正在从事接触直接入口食品的工作，不能出示有效的健康证明。", **ink)
    p.para("4. 执法人员当场责令当事人停业整顿七日。", marks={"closure": True}, **ink)
    p.para("5. 执法人员对上述冷冻鸡腿肉抽取样品2袋送检，样品费用及检验费用由当事人承担。",
           marks={"fees": True}, **ink)
    p.para("6. 执法人员对后厨现场拍摄照片6张。", **ink)
    p.para("以上笔录经被检查人核对，与事实相符。", **ink)
    p.gap(50)
    y = p.y
    text_at(p.draw, (p.left, y), "被检查人签名：", font(BODY, True), PRINT)
    p.handwriting(p.left + 200, y - 4, "赵某某")
    text_at(p.draw, (p.left + 560, y), "2025年4月8日", font(BODY), INK)
    y += 70
    text_at(p.draw, (p.left, y), "检查人员签名：", font(BODY, True), PRINT)
    p.handwriting(p.left + 200, y - 4, "周敏")
    text_at(p.draw, (p.left + 560, y), "2025年4月8日", font(BODY), INK)
    p.y = y + 60
    p.small_note("第 1 页　共 1 页")
    p.check_fits("ws04")
    return p


def build_ws05() -> Page:
    p = Page()
    doc_header(p, "江岚市青禾区市场监督管理局", "查封、扣押决定书", "青市监强制〔2025〕12号")
    p.para_gap = 12
    p.para("青禾区鑫盛冻品经营部（经营者：王某某）", hanging="当事人：", indent=0)
    p.para("江岚市青禾区城东农贸市场冷库区B-12号", hanging="地址：", indent=0, after=8)
    p.para("经查，你（单位）涉嫌经营超过保质期的冷冻肉品，违反了《中华人民共和国食品安全法》第三十四条第（十）项"
           "的规定。为防止证据损毁、避免危害发生，经本局负责人批准，依据《中华人民共和国食品安全法》第一百一十条"
           "第（四）项的规定，本局决定对你（单位）的下列财物实施扣押：")
    p.table(["序号", "财物名称", "规格", "数量", "存放地点"],
            [["1", "冷冻牛腩（超过保质期）", "10kg/箱", "30箱", "B-12号冷库"],
             ["2", "冷冻鸡翅中（超过保质期）", "5kg/箱", "20箱", "B-12号冷库"],
             ["3", "双门家用冰箱（当事人住所内）", "218升", "1台", "当事人住所"]],
            widths=[80, 400, 150, 110, 250], row_marks={2: "fridge"})
    p.para("（扣押财物清单一式二份，由当事人和本局分别保存。）", indent=0, size=24)
    p.para("扣押期限为六十日，自2025年7月2日至2025年8月30日。", marks={"period": "扣押期限为六十日"})
    p.para("扣押期间，上述财物存放于江岚市冷链物流中心，所产生的保管费用由你（单位）承担。",
           marks={"storage": "所产生的保管费用由你（单位）承担"})
    p.para("如不服本决定，可以在收到本决定书之日起十五日内申请行政复议。", marks={"remedy": True})
    p.signature("江岚市青禾区市场监督管理局", "2025年7月2日", seal="江岚市青禾区市场监督管理局", extra_gap=90)
    p.gap(90)
    top = p.y
    p.para("当事人签收：", indent=0, size=25)
    p.handwriting(p.left + 170, top - 4, "王某某")
    text_at(p.draw, (p.left + 420, top), "2025年7月2日", font(25), INK)
    p.small_note("（本文书一式两份，一份交当事人，一份归档）")
    p.check_fits("ws05")
    return p


def build_ws06() -> Page:
    p = Page()
    doc_header(p, "江岚市青禾区市场监督管理局", "责令改正通知书", "青市监责改〔2025〕第073号")
    p.gap(20)
    p.para_gap = 18
    p.para("江岚市青禾区好味道快餐店：", indent=0, after=6)
    p.para("经查，你单位安排2名未取得健康证明的人员从事接触直接入口食品的工作，违反了《中华人民共和国食品卫生法》"
           "第二十六条的规定。", marks={"law": "《中华人民共和国食品卫生法》第二十六条"})
    p.para("依据《中华人民共和国食品安全法》第一百二十六条第一款第（六）项的规定，现责令你单位尽快改正上述违法行为："
           "停止安排上述人员从事接触直接入口食品的工作，组织从业人员进行健康检查，取得健康证明后方可上岗。",
           marks={"deadline": "尽快改正"})
    p.para("逾期不改正的，本局将依法对你单位处以十万元罚款，并吊销你单位营业执照。", marks={"threat": True})
    p.para("请你单位在改正完成后三日内将改正情况书面报告本局。")
    p.gap(16)
    p.para("承办人：周敏、李航　　联系电话：0799-8616****", indent=0)
    p.signature("江岚市青禾区市场监督管理局食品安全科", "2025年4月9日",
                seal="江岚市青禾区市场监督管理局食品安全科", mark="organ", extra_gap=110)
    p.gap(120)
    top = p.y
    p.para("当事人签收：", indent=0, size=25)
    p.handwriting(p.left + 170, top - 4, "赵某某")
    text_at(p.draw, (p.left + 420, top), "2025年4月9日", font(25), INK)
    p.small_note("（本文书一式两份，一份送达当事人，一份归档）")
    p.check_fits("ws06")
    return p


@dataclass
class DocError:
    key: str
    text: str
    fix: str


@dataclass
class DocItem:
    id: str
    build: object
    stem: str
    answer: str
    basis: str
    errors: list[DocError]


DOCUMENTS = [
    DocItem("WS01", build_ws01, "请指出下列行政处罚决定书中的错误，并说明正确做法和依据。",
            "未写明违反的具体条款；罚款低于法定下限；复议期限应为六十日；诉讼期限应为六个月；未加盖印章。",
            "《中华人民共和国行政处罚法》第三十二条、第五十九条；《中华人民共和国行政复议法》第二十条；"
            "《中华人民共和国行政诉讼法》第四十六条；《中华人民共和国大气污染防治法》第八十一条、第一百一十八条",
            [DocError("basis", "只写违反《大气污染防治法》“有关规定”，未写明违反的具体条款",
                      "应写明违反《中华人民共和国大气污染防治法》第八十一条第一款；行政处罚决定书应载明违法事实和"
                      "处罚依据（《行政处罚法》第五十九条第一款）"),
             DocError("amount", "罚款叁仟元低于法定最低限额，且未说明减轻处罚的理由",
                      "《大气污染防治法》第一百一十八条第一款规定处五千元以上五万元以下罚款；没有《行政处罚法》"
                      "第三十二条规定的法定减轻情节，罚款不得低于五千元"),
             DocError("review", "申请行政复议的期限写成三十日",
                      "应为自知道或者应当知道该行政行为之日起六十日内（《行政复议法》第二十条第一款）"),
             DocError("suit", "提起行政诉讼的期限写成三个月",
                      "直接起诉的期限为六个月（《行政诉讼法》第四十六条第一款）"),
             DocError("seal", "落款处未加盖行政机关印章",
                      "行政处罚决定书必须盖有作出行政处罚决定的行政机关的印章（《行政处罚法》第五十九条第二款）")]),
    DocItem("WS02", build_ws02, "请指出下列行政处罚决定书中的错误，并说明正确做法和依据。",
            "未事先告知陈述申辩听证权利；执法机关自行收缴罚款；加处罚款比例错误；复议机关错误；缺少决定日期。",
            "《中华人民共和国行政处罚法》第四十四条、第五十九条、第六十二条、第六十七条、第七十二条；"
            "《中华人民共和国行政复议法》第二十四条",
            [DocError("notice", "作出处罚决定前未告知拟处罚内容及陈述、申辩、要求听证等权利",
                      "作出决定前应告知拟作出的处罚内容及事实、理由、依据和陈述、申辩、要求听证等权利；未告知的不得"
                      "作出处罚决定（《行政处罚法》第四十四条、第六十二条）"),
             DocError("collect", "要求当事人将罚款交至本局财务科",
                      "作出罚款决定的机关应当与收缴罚款的机构分离，当事人应到指定银行或者通过电子支付系统缴纳"
                      "（《行政处罚法》第六十七条）"),
             DocError("surcharge", "加处罚款比例写成每日百分之五",
                      "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额"
                      "（《行政处罚法》第七十二条第一款第（一）项）"),
             DocError("organ", "行政复议机关写成上一级市场监督管理局",
                      "对区市场监督管理局的行政行为不服，应向本级人民政府即江岚市青禾区人民政府申请行政复议"
                      "（《行政复议法》第二十四条第一款第（一）项）"),
             DocError("date", "落款未写明作出决定的日期",
                      "行政处罚决定书应当载明作出决定的日期（《行政处罚法》第五十九条第一款第（六）项）")]),
    DocItem("WS03", build_ws03, "请指出下列当场行政处罚决定书中的错误，并说明正确做法和依据。",
            "罚款超出当场处罚限额；违规当场收缴并使用自制收据；当场处罚应复议前置；只有一名执法人员。",
            "《中华人民共和国行政处罚法》第四十二条、第五十一条、第五十二条、第六十八条、第七十条；"
            "《中华人民共和国行政复议法》第二十三条",
            [DocError("limit", "对公民罚款伍佰元，却适用当场处罚（简易程序）",
                      "当场处罚限于对公民处二百元以下、对法人或者其他组织处三千元以下罚款或者警告（《行政处罚法》"
                      "第五十一条）；本案应适用普通程序"),
             DocError("cash", "当场收缴伍佰元罚款，并出具自制收据",
                      "当场收缴限于依法给予一百元以下罚款或者不当场收缴事后难以执行的情形（《行政处罚法》第六十八条），"
                      "并必须出具财政部门统一制发的专用票据（第七十条）"),
             DocError("remedy", "告知当事人可以直接向人民法院提起行政诉讼",
                      "对当场作出的行政处罚决定不服的，应当先申请行政复议，对复议决定不服再提起行政诉讼；行政机关应当"
                      "告知先申请行政复议（《行政复议法》第二十三条）"),
             DocError("officers", "只有一名执法人员签名",
                      "执法人员不得少于两人，当场处罚决定书由执法人员签名或者盖章（《行政处罚法》第四十二条、"
                      "第五十二条）")]),
    DocItem("WS04", build_ws04, "请指出下列现场检查笔录中的错误，并说明正确做法和依据。",
            "检查人员只有一人；未出示证件、未告知回避权；当场责令停业整顿；向当事人收取样品费和检验费。",
            "《中华人民共和国行政处罚法》第九条、第四十二条、第四十三条、第五十五条、第六十三条；"
            "《中华人民共和国食品安全法》第八十七条",
            [DocError("one", "检查人员只有一人",
                      "执法人员不得少于两人（《行政处罚法》第四十二条第一款）"),
             DocError("notify", "告知事项中未出示执法证件，也未告知当事人申请回避的权利",
                      "检查时应当主动出示执法证件（《行政处罚法》第五十五条第一款），并告知当事人有申请回避的权利"
                      "（第四十三条第二款）"),
             DocError("closure", "检查中当场责令当事人停业整顿七日",
                      "责令停产停业属于行政处罚（《行政处罚法》第九条第（四）项），应依法调查、告知听证权利后作出"
                      "（第六十三条第一款第（四）项），不能在检查时当场决定"),
             DocError("fees", "抽样的样品费用和检验费用由当事人承担",
                      "抽样检验应当购买抽取的样品，不得向食品生产经营者收取检验费和其他费用（《食品安全法》"
                      "第八十七条）")]),
    DocItem("WS05", build_ws05, "请指出下列查封、扣押决定书中的错误，并说明正确做法和依据。",
            "扣押与违法无关的生活用品；扣押期限超过三十日；保管费由当事人承担；救济途径和期限错误、不全。",
            "《中华人民共和国行政强制法》第二十三条、第二十四条、第二十五条、第二十六条；"
            "《中华人民共和国行政复议法》第二十条；《中华人民共和国行政诉讼法》第四十六条",
            [DocError("fridge", "扣押当事人住所内的家用冰箱",
                      "查封、扣押限于涉案的场所、设施或者财物，不得查封、扣押与违法行为无关的财物和公民个人及其所扶养"
                      "家属的生活必需品（《行政强制法》第二十三条第一款）"),
             DocError("period", "扣押期限定为六十日",
                      "查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批准可以延长，但延长期限不得超过"
                      "三十日（《行政强制法》第二十五条第一款）"),
             DocError("storage", "扣押期间的保管费用由当事人承担",
                      "因查封、扣押发生的保管费用由行政机关承担（《行政强制法》第二十六条第三款）"),
             DocError("remedy", "复议期限写成十五日，未写明复议机关，也未告知行政诉讼的途径和期限",
                      "决定书应载明申请行政复议或者提起行政诉讼的途径和期限（《行政强制法》第二十四条第二款第（四）项）："
                      "六十日内向江岚市青禾区人民政府申请行政复议（《行政复议法》第二十条、第二十四条），或者六个月内"
                      "提起行政诉讼（《行政诉讼法》第四十六条）")]),
    DocItem("WS06", build_ws06, "请指出下列责令改正通知书中的错误，并说明正确做法和依据。",
            "引用已废止的食品卫生法；改正期限不明确；告知的法律后果超出法定幅度；以内设机构名义落款盖章。",
            "《中华人民共和国食品安全法》第四十五条、第一百二十六条；《中华人民共和国行政处罚法》第十七条、第二十八条",
            [DocError("law", "引用已经废止的《中华人民共和国食品卫生法》",
                      "《食品卫生法》已于2009年6月1日《食品安全法》施行时废止；应引用《中华人民共和国食品安全法》"
                      "第四十五条第二款"),
             DocError("deadline", "改正期限写成“尽快”，不明确",
                      "应责令立即改正或者写明具体的改正期限（《行政处罚法》第二十八条第一款）"),
             DocError("threat", "告知逾期不改正将罚款十万元并吊销营业执照，超出法定种类和幅度",
                      "拒不改正的，依《食品安全法》第一百二十六条第一款处五千元以上五万元以下罚款；情节严重的，责令"
                      "停产停业，直至吊销许可证"),
             DocError("organ", "以内设机构“食品安全科”名义落款并加盖科室印章",
                      "内设机构不具有行政执法主体资格，应以江岚市青禾区市场监督管理局的名义作出并加盖局印章"
                      "（《行政处罚法》第十七条）")]),
]


# --------------------------------------------------------------------------------------------------------------
# Process videos
# --------------------------------------------------------------------------------------------------------------

VW, VH = 960, 540
FPS = 10
NAVY = (20, 45, 90)
ACCENT = (230, 160, 40)


@dataclass
class Line:
    t: float  # seconds after the scene starts
    who: str
    text: str
    err: str | None = None  # key of the planted error this line commits


@dataclass
class Person:
    name: str
    role: str  # officer | chief | owner | citizen | staff
    side: str = "left"
    holding: str | None = None  # card | recorder | papers


@dataclass
class Scene:
    dur: float
    place: str  # title | end | shop | kitchen | mall | warehouse | lobby | meeting | office
    caption: str
    people: list[Person] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    sign: str = ""
    title: str = ""
    subtitle: str = ""
    err: str | None = None  # a planted error visible from the scene's start (e.g. one officer only)
    err_t: float = 0.5


@dataclass
class VideoError:
    key: str
    text: str
    fix: str


@dataclass
class VideoItem:
    id: str
    name: str  # e.g. 情景一　日常监督检查
    stem: str
    answer: str
    basis: str
    scenes: list[Scene]
    errors: list[VideoError]


def vgrad(img: Image.Image, box, top, bottom) -> None:
    x0, y0, x1, y1 = box
    d = ImageDraw.Draw(img)
    for y in range(y0, y1):
        f = (y - y0) / max(1, y1 - y0 - 1)
        d.line([(x0, y), (x1, y)], fill=tuple(int(a + (b - a) * f) for a, b in zip(top, bottom, strict=True)))


def draw_place(img: Image.Image, scene: Scene) -> None:
    """The set. Speech bubbles use the upper part (y < 290), so what matters sits lower down or at the sides."""
    d = ImageDraw.Draw(img)
    place = scene.place
    if place in ("title", "end"):
        vgrad(img, (0, 40, VW, 440), (24, 58, 110), (12, 28, 60))
        return
    if place in ("shop", "warehouse", "lobby"):
        vgrad(img, (0, 40, VW, 300), (170, 205, 235), (222, 234, 244))
        d.rectangle([0, 300, VW, 380], fill=(206, 210, 204))  # ground behind the building line
        d.rectangle([0, 380, VW, 440], fill=(150, 150, 145))  # pavement
        d.line([(0, 380), (VW, 380)], fill=(110, 110, 105), width=3)
        wall = (196, 170, 140) if place == "shop" else (175, 182, 190)
        d.rectangle([120, 150, 840, 380], fill=wall)
        d.rectangle([120, 150, 840, 150 + 6], fill=(120, 120, 120))
        d.rectangle([250, 292, 710, 336], fill=(150, 40, 35) if place == "shop" else (60, 80, 110))
        if scene.sign:
            fnt = font(28, True)
            w = fnt.getlength(scene.sign)
            text_at(d, ((VW - w) / 2, 296), scene.sign, fnt, (255, 240, 200))
        if place == "shop":
            d.rectangle([410, 340, 550, 380], fill=(90, 60, 40))  # door
            d.rectangle([150, 200, 330, 280], fill=(200, 225, 240))  # windows
            d.rectangle([630, 200, 810, 280], fill=(200, 225, 240))
        elif place == "warehouse":
            d.rectangle([360, 340, 600, 380], fill=(120, 130, 140))  # roller door
            for y in range(344, 380, 9):
                d.line([(360, y), (600, y)], fill=(95, 105, 115), width=2)
            text_at(d, (456, 344), "冷库", font(22, True), (240, 244, 250))
        else:
            d.rectangle([400, 340, 560, 380], fill=(200, 225, 240))  # glass entrance
            d.line([(480, 340), (480, 380)], fill=(120, 140, 160), width=3)
        return
    if place == "kitchen":
        d.rectangle([0, 40, VW, 440], fill=(232, 236, 232))
        for x in range(0, VW, 40):
            d.line([(x, 40), (x, 330)], fill=(212, 218, 214))
        for y in range(40, 330, 40):
            d.line([(0, y), (VW, y)], fill=(212, 218, 214))
        d.rectangle([0, 330, VW, 440], fill=(190, 180, 165))
        d.rectangle([360, 262, 600, 400], fill=(245, 248, 250), outline=(150, 160, 170), width=3)  # freezer
        text_at(d, (438, 268), "冷冻柜", font(24, True), (60, 80, 110))
        for i in range(3):
            d.rectangle([385 + i * 72, 306, 445 + i * 72, 388], fill=(235, 210, 190), outline=(180, 150, 130))
        return
    if place == "mall":
        d.rectangle([0, 40, VW, 440], fill=(236, 232, 222))
        d.rectangle([0, 380, VW, 440], fill=(205, 198, 185))
        d.rectangle([400, 250, 560, 286], fill=(30, 150, 70))
        text_at(d, (432, 253), "安全出口", font(24, True), (255, 255, 255))
        d.rectangle([390, 290, 570, 400], fill=(120, 130, 120))  # exit door
        for x, y in [(392, 340), (462, 340), (427, 292), (497, 292), (392, 292)]:
            d.rectangle([x, y, x + 70, y + 56], fill=(196, 150, 96), outline=(150, 110, 70), width=2)
        return
    if place in ("meeting", "office"):
        d.rectangle([0, 40, VW, 440], fill=(226, 230, 236))
        d.rectangle([0, 380, VW, 440], fill=(180, 170, 160))
        if place == "office":
            d.rectangle([370, 230, 590, 300], fill=(240, 240, 240), outline=(150, 150, 150), width=3)
            text_at(d, (412, 248), "局长办公室", font(26, True), (60, 60, 80))
        else:
            d.rectangle([370, 230, 590, 300], fill=(240, 240, 240), outline=(150, 150, 150), width=3)
            text_at(d, (438, 248), "会议室", font(26, True), (60, 60, 80))
        d.rectangle([300, 340, 660, 368], fill=(120, 85, 60))  # table
        return
    raise ValueError(place)


ROLE_COLOURS = {
    "officer": ((28, 48, 92), (35, 35, 45)),
    "chief": ((50, 50, 58), (35, 35, 45)),
    "owner": ((235, 235, 235), (60, 60, 70)),
    "citizen": ((170, 60, 50), (50, 50, 70)),
    "staff": ((70, 120, 90), (50, 50, 60)),
}


def draw_person(img: Image.Image, x: int, person: Person) -> None:
    d = ImageDraw.Draw(img)
    body, legs = ROLE_COLOURS[person.role]
    feet = 404
    d.rectangle([x - 20, feet - 54, x - 4, feet], fill=legs)
    d.rectangle([x + 4, feet - 54, x + 20, feet], fill=legs)
    d.rounded_rectangle([x - 34, feet - 128, x + 34, feet - 48], radius=16, fill=body)
    if person.role == "owner":  # apron
        d.rectangle([x - 22, feet - 100, x + 22, feet - 52], fill=(250, 250, 250), outline=(200, 200, 200))
    head_y = feet - 152
    d.ellipse([x - 24, head_y - 24, x + 24, head_y + 24], fill=(240, 205, 170))
    if person.role == "officer":
        d.rectangle([x - 27, head_y - 30, x + 27, head_y - 12], fill=(20, 36, 72))
        d.rectangle([x - 32, head_y - 14, x + 32, head_y - 9], fill=(16, 28, 60))
        d.ellipse([x - 6, head_y - 27, x + 6, head_y - 15], fill=(230, 190, 60))
        d.ellipse([x - 26, feet - 118, x - 16, feet - 108], fill=(230, 190, 60))  # badge
    if person.holding == "card":
        d.rectangle([x + 30, feet - 120, x + 80, feet - 88], fill=(30, 90, 170), outline=(240, 240, 240), width=2)
        text_at(d, (x + 34, feet - 116), "执法证", font(14, True), (255, 255, 255))
    elif person.holding == "papers":
        d.rectangle([x + 28, feet - 108, x + 62, feet - 64], fill=(250, 250, 250), outline=(120, 120, 120))
    elif person.holding == "recorder":
        d.rectangle([x + 6, feet - 120, x + 24, feet - 98], fill=(20, 20, 20))
        d.ellipse([x + 11, feet - 114, x + 19, feet - 106], fill=(220, 30, 30))
    fnt = font(18, True)
    w = fnt.getlength(person.name)
    d.rounded_rectangle([x - w / 2 - 8, feet + 2, x + w / 2 + 8, feet + 28], radius=6, fill=(255, 255, 255))
    text_at(d, (x - w / 2, feet + 4), person.name, fnt, (30, 30, 30))


def person_x(scene: Scene) -> dict[str, int]:
    lefts = [p for p in scene.people if p.side == "left"]
    rights = [p for p in scene.people if p.side == "right"]
    xs: dict[str, int] = {}
    for k, p in enumerate(lefts):
        xs[p.name] = 160 + k * 110
    for k, p in enumerate(rights):
        xs[p.name] = 800 - k * 110
    return xs


BUBBLE_FONT = 20
BUBBLE_WIDTH = 560


def draw_bubbles(img: Image.Image, scene: Scene, visible: int) -> None:
    xs = person_x(scene)
    sides = {p.name: p.side for p in scene.people}
    d = ImageDraw.Draw(img)
    fnt, bfnt = font(BUBBLE_FONT), font(BUBBLE_FONT, True)
    y = 48
    for line in scene.lines[:visible]:
        label = f"{line.who}："
        lw = bfnt.getlength(label)
        lines = layout(line.text, fnt, BUBBLE_WIDTH - 28 - lw)
        bw = min(BUBBLE_WIDTH, 28 + lw + max(sum(w for _, _, w in ln) for ln in lines))
        bh = 14 + len(lines) * 26
        side = sides.get(line.who, "left")
        bx = 30 if side == "left" else VW - 30 - bw
        d.rounded_rectangle([bx, y, bx + bw, y + bh], radius=14, fill=(255, 255, 255), outline=(60, 70, 90),
                            width=2)
        sx = xs.get(line.who, bx + 40)
        tail_x = min(max(sx, bx + 30), bx + bw - 30)
        d.polygon([(tail_x - 10, y + bh - 1), (tail_x + 10, y + bh - 1), (tail_x, y + bh + 14)],
                  fill=(255, 255, 255), outline=(60, 70, 90))
        d.line([(tail_x - 9, y + bh - 1), (tail_x + 9, y + bh - 1)], fill=(255, 255, 255), width=3)
        text_at(d, (bx + 14, y + 6), label, bfnt, (170, 40, 30) if side == "left" else (20, 80, 150))
        for k, ln in enumerate(lines):
            for i, x, _w in ln:
                text_at(d, (bx + 14 + lw + x, y + 6 + k * 26), line.text[i], fnt, (25, 25, 25))
        y += bh + 10
    if y > 240:
        raise SystemExit(f"speech bubbles overflow in scene {scene.caption!r}")


def render_base(item: VideoItem, idx: int, visible: int) -> Image.Image:
    scene = item.scenes[idx]
    img = Image.new("RGB", (VW, VH), (0, 0, 0))
    draw_place(img, scene)
    d = ImageDraw.Draw(img)
    if scene.place in ("title", "end"):
        fnt = font(46, True)
        w = fnt.getlength(scene.title)
        text_at(d, ((VW - w) / 2, 180), scene.title, fnt, (255, 255, 255))
        if scene.subtitle:
            sf = font(24)
            for k, sub in enumerate(scene.subtitle.split("\n")):
                w = sf.getlength(sub)
                text_at(d, ((VW - w) / 2, 262 + k * 38), sub, sf, (210, 222, 240))
    xs = person_x(scene)
    for p in scene.people:
        draw_person(img, xs[p.name], p)
    draw_bubbles(img, scene, visible)
    # top bar
    d.rectangle([0, 0, VW, 40], fill=NAVY)
    text_at(d, (16, 6), f"流程纠错 · {item.name}", font(21, True), (255, 255, 255))
    tag = f"镜头 {idx + 1} / {len(item.scenes)}"
    tf = font(19)
    text_at(d, (VW - 16 - tf.getlength(tag), 8), tag, tf, (200, 215, 235))
    # caption band
    d.rectangle([0, 440, VW, 492], fill=(16, 20, 28))
    cf = font(23)
    w = cf.getlength(scene.caption)
    if w > VW - 40:
        raise SystemExit(f"caption too long: {scene.caption!r}")
    text_at(d, ((VW - w) / 2, 450), scene.caption, cf, (250, 250, 250))
    d.rectangle([0, 492, VW, VH], fill=(30, 34, 44))
    return img


def draw_progress(img: Image.Image, t: float, total: float, bounds: list[float]) -> None:
    d = ImageDraw.Draw(img)
    whole = round(total)
    stamp = f"{int(t) // 60:02d}:{int(t) % 60:02d} / {whole // 60:02d}:{whole % 60:02d}"
    text_at(d, (16, 503), stamp, font(20), (230, 230, 230))
    x0, x1, y = 170, VW - 24, 516
    d.rounded_rectangle([x0, y - 4, x1, y + 4], radius=4, fill=(80, 86, 100))
    xf = x0 + (x1 - x0) * min(1.0, t / total)
    d.rounded_rectangle([x0, y - 4, max(x0 + 8, xf), y + 4], radius=4, fill=ACCENT)
    for b in bounds[1:-1]:
        bx = x0 + (x1 - x0) * b / total
        d.line([(bx, y - 8), (bx, y + 8)], fill=(200, 205, 215), width=2)
    d.ellipse([xf - 7, y - 7, xf + 7, y + 7], fill=(255, 255, 255))


def scene_bounds(item: VideoItem) -> list[float]:
    bounds = [0.0]
    for s in item.scenes:
        bounds.append(round(bounds[-1] + s.dur, 3))
    return bounds


def error_times(item: VideoItem) -> dict[str, float]:
    """The second at which each planted error appears: the start of its line, or of its scene."""
    bounds = scene_bounds(item)
    times: dict[str, float] = {}
    for start, scene in zip(bounds[:-1], item.scenes, strict=True):
        if scene.err:
            times[scene.err] = round(start + scene.err_t, 1)
        for line in scene.lines:
            if line.t >= scene.dur:
                raise SystemExit(f"{item.id}: line {line.text!r} starts after its scene ends")
            if line.err:
                times[line.err] = round(start + line.t, 1)
    return times


def frames(item: VideoItem):
    """Yield (time, RGB image) for every frame of the video."""
    bounds = scene_bounds(item)
    total = bounds[-1]
    n = round(total * FPS)
    cache: dict[tuple[int, int], Image.Image] = {}
    for f in range(n):
        t = f / FPS
        idx = max(i for i in range(len(item.scenes)) if bounds[i] <= t + 1e-9)
        local = t - bounds[idx]
        visible = sum(1 for ln in item.scenes[idx].lines if ln.t <= local + 1e-9)
        key = (idx, visible)
        if key not in cache:
            cache[key] = render_base(item, idx, visible)
        img = cache[key].copy()
        draw_progress(img, t, total, bounds)
        yield t, img


def write_video(item: VideoItem, path: Path) -> None:
    import imageio_ffmpeg

    path.parent.mkdir(parents=True, exist_ok=True)
    writer = imageio_ffmpeg.write_frames(
        str(path), (VW, VH), fps=FPS, codec="libx264", pix_fmt_in="rgb24", pix_fmt_out="yuv420p",
        quality=None, macro_block_size=1, ffmpeg_log_level="error",
        output_params=["-crf", "24", "-preset", "medium", "-tune", "stillimage", "-g", "20", "-threads", "1",
                       "-movflags", "+faststart", "-fflags", "+bitexact", "-flags:v", "+bitexact",
                       "-map_metadata", "-1"])
    writer.send(None)
    for _t, img in frames(item):
        writer.send(img.tobytes())
    writer.close()


def officer(name: str, holding: str | None = None) -> Person:
    return Person(name, "officer", "left", holding)


VIDEOS = [
    VideoItem(
        "LC01", "情景一　日常监督检查",
        "观看视频，指出市场监管执法人员在现场检查中的错误做法，并说明依据。",
        "一人执法；拒绝出示执法证件；让当事人承担样品费和检验费；未当场制作笔录、让当事人在空白笔录上签字。",
        "《中华人民共和国行政处罚法》第四十二条、第五十五条；《中华人民共和国食品安全法》第八十七条",
        [
            Scene(3.5, "title", "", title="情景一：日常监督检查",
                  subtitle="地点：江岚市青禾区某快餐店\n人物：区市场监管局执法人员周某、快餐店负责人赵某"),
            Scene(6.0, "shop", "区市场监管局执法人员来到一家快餐店开展食品安全检查", sign="好味道快餐店",
                  people=[officer("周某"), Person("赵某", "owner", "right")],
                  lines=[Line(0.8, "周某", "老板在吗？我们来检查一下后厨。"),
                         Line(3.0, "赵某", "在的，您是哪位？")], err="alone", err_t=0.5),
            Scene(6.5, "shop", "检查开始前", sign="好味道快餐店",
                  people=[officer("周某"), Person("赵某", "owner", "right")],
                  lines=[Line(0.5, "赵某", "请问您是哪个单位的？能看一下您的执法证件吗？"),
                         Line(3.0, "周某", "区市场监管局的。证件就不用看了，配合检查就行。", err="card")]),
            Scene(7.0, "kitchen", "后厨检查：冷冻柜内发现无标签的冷冻鸡腿肉",
                  people=[officer("周某"), Person("赵某", "owner", "right")],
                  lines=[Line(0.5, "周某", "这几袋鸡腿肉没有标签，我抽两袋送去检验。"),
                         Line(3.2, "周某", "样品钱你们自己出，检验费也由你们承担。", err="fees")]),
            Scene(6.5, "kitchen", "检查结束",
                  people=[officer("周某", "papers"), Person("赵某", "owner", "right")],
                  lines=[Line(0.5, "周某", "笔录我回去再补，你先在这张空白笔录上签个字。", err="record"),
                         Line(3.5, "赵某", "好……签在哪儿？")]),
            Scene(3.0, "end", "", title="请指出视频中执法人员的错误做法"),
        ],
        [
            VideoError("alone", "只有一名执法人员进行检查",
                       "执法人员不得少于两人（《行政处罚法》第四十二条第一款）"),
            VideoError("card", "当事人要求查看证件，执法人员拒绝出示",
                       "执法人员调查或者检查时应当主动出示执法证件；不出示的，当事人有权拒绝接受检查"
                       "（《行政处罚法》第五十五条第一款）"),
            VideoError("fees", "要求当事人承担样品费和检验费",
                       "抽样检验应当购买抽取的样品，不得向食品生产经营者收取检验费和其他费用（《食品安全法》第八十七条）"),
            VideoError("record", "未当场制作检查笔录，让当事人在空白笔录上签字",
                       "检查应当制作笔录（《行政处罚法》第五十五条第二款），如实记录检查情况后交当事人核对签字，"
                       "不得让当事人在空白笔录上签字"),
        ]),
    VideoItem(
        "LC02", "情景二　当场处罚",
        "观看视频，指出消防监督检查人员在当场处罚中的错误做法，并说明依据。",
        "对单位当场罚款超过三千元；拒绝听取陈述申辩；当场收取现金且不出具票据；未当场交付处罚决定书。",
        "《中华人民共和国行政处罚法》第四十五条、第五十一条、第五十二条、第六十二条、第六十七条、第六十八条、第七十条；"
        "《中华人民共和国消防法》第二十八条、第六十条",
        [
            Scene(3.5, "title", "", title="情景二：消防监督检查与当场处罚",
                  subtitle="地点：江岚市青禾区某商场\n人物：区消防救援大队监督检查人员吴某、郑某，商场店长孙某"),
            Scene(5.5, "mall", "监督检查人员发现商场用货物堵塞安全出口",
                  people=[officer("吴某", "card"), officer("郑某"), Person("孙某", "staff", "right")],
                  lines=[Line(0.5, "吴某", "我们是区消防救援大队的监督检查人员，这是我们的证件。"),
                         Line(3.0, "孙某", "欢迎检查。")]),
            Scene(7.0, "mall", "监督检查人员责令改正并作出处罚",
                  people=[officer("吴某"), officer("郑某"), Person("孙某", "staff", "right")],
                  lines=[Line(0.5, "郑某", "你们用货物堵塞安全出口，违反了消防法第二十八条，请立即清理。"),
                         Line(3.5, "吴某", "依据消防法第六十条，对你们公司当场罚款五千元。", err="limit")]),
            Scene(5.5, "mall", "店长想要说明情况",
                  people=[officer("吴某"), officer("郑某"), Person("孙某", "staff", "right")],
                  lines=[Line(0.5, "孙某", "能不能听我说明一下情况？"),
                         Line(2.5, "吴某", "不用说了，处罚已经定了。", err="defence")]),
            Scene(5.0, "mall", "缴纳罚款",
                  people=[officer("吴某"), officer("郑某"), Person("孙某", "staff", "right")],
                  lines=[Line(0.5, "郑某", "罚款现在交现金给我们就行，收据以后再补。", err="cash")]),
            Scene(5.5, "mall", "监督检查人员准备离开",
                  people=[officer("吴某", "papers"), officer("郑某"), Person("孙某", "staff", "right")],
                  lines=[Line(0.5, "吴某", "处罚决定书我们带回去备案，就不给你了。", err="deliver"),
                         Line(3.0, "孙某", "好吧……")]),
            Scene(3.0, "end", "", title="请指出视频中执法人员的错误做法"),
        ],
        [
            VideoError("limit", "对公司当场罚款五千元",
                       "当场处罚限于对法人或者其他组织处三千元以下罚款或者警告（《行政处罚法》第五十一条），"
                       "本案应适用普通程序"),
            VideoError("defence", "拒绝听取当事人的陈述、申辩",
                       "行政机关必须充分听取当事人的陈述、申辩；拒绝听取的，不得作出处罚决定（《行政处罚法》"
                       "第四十五条、第六十二条）"),
            VideoError("cash", "当场收取现金罚款，且不出具票据",
                       "不符合当场收缴条件的，应由当事人到指定银行或者通过电子支付系统缴纳（《行政处罚法》第六十七条、"
                       "第六十八条）；当场收缴的，必须出具财政部门统一制发的专用票据（第七十条）"),
            VideoError("deliver", "未将当场处罚决定书交付当事人",
                       "当场处罚应当填写预定格式、编有号码的行政处罚决定书，并当场交付当事人（《行政处罚法》"
                       "第五十二条第一款）"),
        ]),
    VideoItem(
        "LC03", "情景三　查封、扣押",
        "观看视频，指出执法人员在实施扣押中的错误做法，并说明依据。",
        "未通知当事人到场也未邀请见证人；扣押与违法无关的财物；扣押期限超过三十日；未当场交付决定书和清单。",
        "《中华人民共和国行政强制法》第十八条、第二十三条、第二十四条、第二十五条",
        [
            Scene(3.5, "title", "", title="情景三：查封、扣押",
                  subtitle="地点：江岚市青禾区某冻品经营部冷库\n人物：区市场监管局执法人员周某、李某，经营者王某"),
            Scene(6.5, "warehouse", "执法人员来到涉嫌经营过期冻品的冷库", sign="鑫盛冻品经营部",
                  people=[officer("周某", "card"), officer("李某")],
                  lines=[Line(0.5, "周某", "经局负责人批准，我们依法对涉嫌超过保质期的冻品实施扣押。"),
                         Line(3.5, "李某", "老板不在，电话也打不通。")]),
            Scene(4.5, "warehouse", "当事人不在场", sign="鑫盛冻品经营部",
                  people=[officer("周某"), officer("李某")],
                  lines=[Line(0.5, "周某", "不用等了，也不用找见证人，直接搬。", err="absent")]),
            Scene(9.0, "warehouse", "经营者王某赶到现场", sign="鑫盛冻品经营部",
                  people=[officer("周某"), officer("李某"), Person("王某", "citizen", "right")],
                  lines=[Line(0.5, "王某", "我是老板，你们凭什么搬我的东西？"),
                         Line(2.5, "周某", "你涉嫌经营过期冻品，依法予以扣押。你有权陈述、申辩，"
                                           "不服可以申请复议或者起诉。"),
                         Line(6.0, "李某", "你家里那台冰箱和电动三轮车也一起拉走。", err="unrelated")]),
            Scene(5.0, "warehouse", "王某询问扣押期限", sign="鑫盛冻品经营部",
                  people=[officer("周某"), officer("李某"), Person("王某", "citizen", "right")],
                  lines=[Line(0.5, "王某", "要扣多久？"),
                         Line(2.0, "周某", "扣押期限六十日，到时候再说。", err="period")]),
            Scene(5.0, "warehouse", "执法人员装车离开", sign="鑫盛冻品经营部",
                  people=[officer("周某"), officer("李某"), Person("王某", "citizen", "right")],
                  lines=[Line(0.5, "周某", "扣押决定书和清单回头再补给你。", err="papers")]),
            Scene(3.0, "end", "", title="请指出视频中执法人员的错误做法"),
        ],
        [
            VideoError("absent", "未通知当事人到场，也未邀请见证人，就开始实施扣押",
                       "实施行政强制措施应当通知当事人到场；当事人不到场的，邀请见证人到场，由见证人和执法人员在现场笔录上"
                       "签名或者盖章（《行政强制法》第十八条第（四）项、第（九）项）"),
            VideoError("unrelated", "扣押与违法行为无关的家用冰箱和电动三轮车",
                       "查封、扣押限于涉案财物，不得查封、扣押与违法行为无关的财物和公民个人及其所扶养家属的生活必需品"
                       "（《行政强制法》第二十三条第一款）"),
            VideoError("period", "扣押期限定为六十日",
                       "查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批准可以延长，延长期限不得超过三十日"
                       "（《行政强制法》第二十五条第一款）"),
            VideoError("papers", "未当场交付扣押决定书和清单",
                       "应当制作并当场交付查封、扣押决定书和清单（《行政强制法》第二十四条第一款）"),
        ]),
    VideoItem(
        "LC04", "情景四　处罚告知与听证",
        "观看视频，指出执法人员在处罚告知、听证和审核环节的错误做法，并说明依据。",
        "送达告知书未作任何记录；听证申请期限告知错误；要求当事人承担听证费用；听证后未经法制审核即作出决定。",
        "《中华人民共和国行政处罚法》第四十七条、第五十八条、第六十三条、第六十四条",
        [
            Scene(3.5, "title", "", title="情景四：处罚告知与听证",
                  subtitle="地点：江岚市某食品公司、区市场监管局\n人物：执法人员周某、李某，公司代表钱某，局长"),
            Scene(6.0, "lobby", "执法人员到公司送达《行政处罚告知书》", sign="江岚某食品有限公司",
                  people=[officer("周某"), officer("李某", "papers")],
                  lines=[Line(0.5, "周某", "记录仪没电了，送达回证也不用带，放下告知书就走。", err="record"),
                         Line(3.2, "李某", "行，反正就是送个告知书，什么记录都不用做。")]),
            Scene(8.0, "meeting", "在公司会议室送达告知书",
                  people=[officer("周某", "papers"), officer("李某"), Person("钱某", "staff", "right")],
                  lines=[Line(0.5, "周某", "拟对你公司没收违法所得，并处罚款二十万元。"),
                         Line(2.8, "李某", "你公司有权陈述、申辩，也可以要求听证。"),
                         Line(5.2, "周某", "要听证的话，须在三日内书面提出。", err="days")]),
            Scene(5.5, "meeting", "公司代表询问听证事项",
                  people=[officer("周某"), officer("李某"), Person("钱某", "staff", "right")],
                  lines=[Line(0.5, "钱某", "申请听证要交费用吗？"),
                         Line(2.3, "李某", "听证的场地和组织费用由你公司承担。", err="cost")]),
            Scene(7.0, "office", "听证结束后，案件报局长审批",
                  people=[officer("周某", "papers"), Person("局长", "chief", "right")],
                  lines=[Line(0.5, "周某", "局长，这个案子的听证已经开完了。"),
                         Line(3.0, "局长", "法制审核就免了，直接签发处罚决定书。", err="review")]),
            Scene(3.0, "end", "", title="请指出视频中执法人员的错误做法"),
        ],
        [
            VideoError("record", "送达告知书时既不录音录像，也不制作送达回证等任何书面记录",
                       "应当以文字、音像等形式对行政处罚的启动、调查取证、审核、决定、送达、执行等进行全过程记录"
                       "（《行政处罚法》第四十七条）"),
            VideoError("days", "告知听证申请期限为三日",
                       "当事人要求听证的，应当在行政机关告知后五日内提出（《行政处罚法》第六十四条第（一）项）"),
            VideoError("cost", "告知听证费用由当事人承担",
                       "当事人不承担行政机关组织听证的费用（《行政处罚法》第六十三条第二款）"),
            VideoError("review", "经过听证的案件未经法制审核就作出处罚决定",
                       "直接关系当事人重大权益、经过听证程序的，决定前应当进行法制审核；未经法制审核或者审核未通过的，不得"
                       "作出决定（《行政处罚法》第五十八条第一款第（二）项）"),
        ]),
]


# --------------------------------------------------------------------------------------------------------------
# Bank, checks and debug overlays
# --------------------------------------------------------------------------------------------------------------

def media_name(item_id: str, ext: str) -> str:
    return f"media/{item_id.lower()}.{ext}"


def doc_entry(item: DocItem, page: Page) -> dict:
    errors = []
    for e in item.errors:
        box = page.box(e.key)
        x, y, w, h = box
        if not (x >= 0 and y >= 0 and w > 0 and h > 0 and x + w <= 1 and y + h <= 1):
            raise SystemExit(f"{item.id}: box {box} for {e.key!r} is outside the image")
        errors.append({"text": e.text, "fix": e.fix, "box": box})
    keys = {e.key for e in item.errors}
    unused = set(page.regions) - keys
    if unused:
        raise SystemExit(f"{item.id}: marked regions without an error: {sorted(unused)}")
    return {"id": item.id, "pool": POOL, "type": "document", "stem": item.stem, "answer": item.answer,
            "basis": item.basis, "image": media_name(item.id, "png"), "errors": errors}


def video_entry(item: VideoItem) -> dict:
    times = error_times(item)
    total = scene_bounds(item)[-1]
    keys = [e.key for e in item.errors]
    if set(times) != set(keys):
        raise SystemExit(f"{item.id}: errors {sorted(keys)} but video marks {sorted(times)}")
    errors = []
    for e in item.errors:
        at = times[e.key]
        if not 0 <= at < total:
            raise SystemExit(f"{item.id}: {e.key!r} at {at}s is outside the video ({total}s)")
        errors.append({"text": e.text, "fix": e.fix, "at": at})
    errors.sort(key=lambda er: er["at"])
    if not 15 <= total <= 40:
        raise SystemExit(f"{item.id}: duration {total}s is outside 15–40 s")
    return {"id": item.id, "pool": POOL, "type": "process", "stem": item.stem, "answer": item.answer,
            "basis": item.basis, "video": media_name(item.id, "mp4"), "errors": errors}


BANK_HEADER = """\
# 纠错环节题库（演示决赛）：文书纠错（document）与流程纠错（process）。
# 本文件与 media/ 下的图片、视频均由 tools/make_correction_media.py 生成，请勿手工修改；
# 修改文书或视频内容后重新运行该脚本，错误区域（box）与时间点（at）会随之重新计算。
# 文书中的单位、人名、地址、案号和日期均为虚构。
"""


class BankDumper(yaml.SafeDumper):
    """Block style throughout, indented lists, and a box on one line: ``box: [0.1, 0.2, 0.3, 0.04]``."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


def _represent_list(dumper: yaml.SafeDumper, data: list):
    flow = bool(data) and all(isinstance(v, (int, float)) for v in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


BankDumper.add_representer(list, _represent_list)


def write_bank(entries: list[dict]) -> None:
    body = yaml.dump({"questions": entries}, Dumper=BankDumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=4096)
    BANK_FILE.parent.mkdir(parents=True, exist_ok=True)
    BANK_FILE.write_text(BANK_HEADER + body, encoding="utf-8")
    # the file must round-trip to exactly what we meant
    if yaml.safe_load(BANK_FILE.read_text(encoding="utf-8"))["questions"] != entries:
        raise SystemExit("bank does not round-trip through YAML")


def check_glyphs() -> None:
    try:
        from fontTools.ttLib import TTFont
    except ImportError:
        print("fontTools not installed: glyph coverage not checked")
        return
    for path in (FONT_REGULAR, FONT_BOLD):
        cmap = TTFont(str(path)).getBestCmap()
        missing = sorted(c for c in USED_CHARS if not c.isspace() and ord(c) not in cmap)
        if missing:
            raise SystemExit(f"{path.name} lacks glyphs for: {''.join(missing)}")


def overlay_document(item: DocItem, entry: dict, out_dir: Path) -> None:
    img = Image.open(BANK_DIR / entry["image"]).convert("RGB")
    d = ImageDraw.Draw(img)
    for n, e in enumerate(entry["errors"], 1):
        x, y, w, h = e["box"]
        box = [x * PAGE_W, y * PAGE_H, (x + w) * PAGE_W, (y + h) * PAGE_H]
        d.rectangle(box, outline=(255, 0, 160), width=4)
        d.rectangle([box[0], box[1] - 30, box[0] + 34, box[1]], fill=(255, 0, 160))
        text_at(d, (box[0] + 9, box[1] - 30), str(n), font(24, True), (255, 255, 255))
    img.save(out_dir / f"{item.id.lower()}-overlay.png")


def overlay_video(item: VideoItem, entry: dict, out_dir: Path) -> None:
    """A contact sheet: the frame at each planted error's time, with the error written under it."""
    wanted = {round(e["at"] * FPS): e for e in entry["errors"]}
    shots = []
    for t, img in frames(item):
        f = round(t * FPS)
        if f in wanted:
            shots.append((wanted[f], img.resize((480, 270))))
    sheet = Image.new("RGB", (960, 320 * ((len(shots) + 1) // 2)), (255, 255, 255))
    d = ImageDraw.Draw(sheet)
    for k, (e, shot) in enumerate(shots):
        x, y = (k % 2) * 480, (k // 2) * 320
        sheet.paste(shot, (x, y))
        text_at(d, (x + 6, y + 274), f"{e['at']}s {e['text']}"[:30], font(17), (160, 0, 80))
    sheet.save(out_dir / f"{item.id.lower()}-errors.png")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--overlay", type=Path, help="also write debug pictures into this folder")
    ap.add_argument("--only", nargs="*", default=None, help="item ids whose media to rebuild (default: all)")
    args = ap.parse_args(argv)
    only = {s.upper() for s in args.only} if args.only else None
    if args.overlay:
        args.overlay.mkdir(parents=True, exist_ok=True)

    doc_entries: list[dict] = []
    for item in DOCUMENTS:
        page = item.build()  # always laid out: the boxes come from the layout
        entry = doc_entry(item, page)
        if only is None or item.id in only:
            page.save(BANK_DIR / entry["image"])
            print(f"{item.id}: {entry['image']}  {len(entry['errors'])} errors")
        if args.overlay:
            overlay_document(item, entry, args.overlay)
        doc_entries.append(entry)

    video_entries: list[dict] = []
    for item in VIDEOS:
        entry = video_entry(item)
        if only is None or item.id in only:
            write_video(item, BANK_DIR / entry["video"])
            print(f"{item.id}: {entry['video']}  {scene_bounds(item)[-1]:.1f}s  {len(entry['errors'])} errors")
        if args.overlay:
            overlay_video(item, entry, args.overlay)
        video_entries.append(entry)

    # bank order: document, process, document, process, … then the remaining documents
    entries: list[dict] = []
    for k in range(max(len(doc_entries), len(video_entries))):
        entries += doc_entries[k:k + 1] + video_entries[k:k + 1]
    write_bank(entries)
    check_glyphs()
    print(f"bank: {BANK_FILE.relative_to(ROOT)}  {len(entries)} questions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
