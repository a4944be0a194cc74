"""Static inline SVG charts for the briefing, computed in Python (no JavaScript, no network).

Every function takes plain data (the small dataclasses below) and returns one ``<svg>`` element
as a string. Every chart has a ``<title>`` and a ``<desc>`` (referenced by ``aria-labelledby``),
axis labels in English with the Arabic name beside them, and every mark that stands for a number
(``class="mark"``) is wrapped in an ``<a href="#ev-...">`` pointing at the evidence entry behind
it, with its own ``<title>`` giving the number in words. A chart without data says so instead of
drawing empty axes.

The diverging scale runs from conflict (-1, red) through neutral (0, near white) to cooperation
(+1, blue); it follows ColorBrewer's RdBu, which stays readable for the common forms of colour
blindness. Cells with no data are grey and hatched.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape as _xml_escape

SVG_NS = "http://www.w3.org/2000/svg"

#: RdBu anchors: conflict (-1) ... cooperation (+1)
DIVERGING = ((-1.0, (178, 24, 43)), (-0.5, (239, 138, 98)), (0.0, (247, 247, 247)), (0.5, (103, 169, 207)),
             (1.0, (33, 102, 172)))
NO_DATA = "#e3e5e8"
INK = "#1f2933"
MUTED = "#5f6b7a"
GRID = "#d5dae1"
BAND = "#9db8d6"
LINE = "#1f4e79"
ACCENT = "#c0552b"   # conflicting figures
FONT = "'Noto Sans', 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif"
FONT_AR = "'Noto Naskh Arabic', 'Noto Sans Arabic', 'KacstOne', 'DejaVu Sans', sans-serif"

#: contact modes: (shape, colour) -- the Okabe-Ito palette, safe for colour-blind readers
MODE_STYLE = {
    "visit": ("circle", "#0072B2"),
    "phone": ("square", "#E69F00"),
    "multilateral": ("diamond", "#009E73"),
    "third-party": ("triangle", "#CC79A7"),
    "meeting": ("triangle-down", "#56B4E9"),
}
MODE_NAMES = {
    "visit": ("visit", "زيارة"), "phone": ("phone call", "اتصال هاتفي"),
    "multilateral": ("multilateral", "متعدد الأطراف"), "third-party": ("via a third party", "عبر طرف ثالث"),
    "meeting": ("meeting", "لقاء"),
}


def esc(text: object) -> str:
    """Text or attribute value escaped for XML/HTML."""
    return _xml_escape(str(text), {'"': "&quot;", "'": "&#39;"})


def diverging(value: float | None) -> str:
    """The colour of a balance in [-1, 1] (``NO_DATA`` grey for ``None``)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return NO_DATA
    v = max(-1.0, min(1.0, float(value)))
    for (x0, c0), (x1, c1) in zip(DIVERGING, DIVERGING[1:]):
        if v <= x1:
            t = (v - x0) / (x1 - x0)
            return "#%02x%02x%02x" % tuple(round(a + (b - a) * t) for a, b in zip(c0, c1))
    return "#%02x%02x%02x" % DIVERGING[-1][1]


def text_color(fill: str) -> str:
    """Dark or light text, whichever reads better on ``fill``."""
    if not fill.startswith("#") or len(fill) != 7:
        return INK
    r, g, b = (int(fill[i:i + 2], 16) / 255 for i in (1, 3, 5))
    lum = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#ffffff" if lum < 0.45 else INK


def fmt_balance(x: float | None) -> str:
    return "n/a" if x is None else f"{x:+.2f}"


def fmt_value(x: float) -> str:
    """A figure for display: 25000000000 -> 25,000,000,000; 2.5 -> 2.5."""
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def fmt_short(x: float) -> str:
    """A compact axis label: 25000000000 -> 25bn, 1500000 -> 1.5m."""
    a = abs(x)
    for div, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if a >= div:
            v = x / div
            return (f"{v:.0f}" if abs(v) >= 10 or float(v).is_integer() else f"{v:.1f}") + suffix
    return fmt_value(round(x, 2))


def nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    """Round tick values (steps of 1, 2, 2.5 or 5 times a power of ten) covering [lo, hi]."""
    if hi <= lo:
        hi = lo + (abs(lo) or 1.0)
    raw = (hi - lo) / max(1, n - 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.floor(lo / step) * step
    ticks = [start]
    while ticks[-1] < hi - 1e-9 * step:
        ticks.append(ticks[-1] + step)
    return [round(t, 10) for t in ticks]


def text_width(text: str, size: float) -> float:
    """A rough width of ``text`` at font ``size`` (no font metrics offline)."""
    return sum(size * (0.62 if c.isupper() or c.isdigit() else 0.5 if c.isascii() else 0.55) for c in text)


# -- building blocks ----------------------------------------------------------------------------
class Svg:
    """An SVG document under construction."""

    def __init__(self, chart_id: str, width: float, height: float, title: str, desc: str,
                 kind: str = "chart"):
        self.id = chart_id
        self.width = width
        self.height = height
        self.title = title
        self.desc = desc
        self.kind = kind
        self.defs: list[str] = []
        self.parts: list[str] = []

    def add(self, *parts: str) -> None:
        self.parts.extend(parts)

    def render(self) -> str:
        tid, did = f"{self.id}-title", f"{self.id}-desc"
        head = (f'<svg xmlns="{SVG_NS}" id="{esc(self.id)}" class="chart chart-{esc(self.kind)}" role="img" '
                f'viewBox="0 0 {self.width:g} {self.height:g}" width="{self.width:g}" height="{self.height:g}" '
                f'aria-labelledby="{esc(tid)} {esc(did)}" font-family="{esc(FONT)}" font-size="11" fill="{INK}">')
        out = [head, f'<title id="{esc(tid)}">{esc(self.title)}</title>', f'<desc id="{esc(did)}">{esc(self.desc)}</desc>']
        if self.defs:
            out.append("<defs>" + "".join(self.defs) + "</defs>")
        out.extend(self.parts)
        out.append("</svg>")
        return "".join(out)


def text(x: float, y: float, s: str, *, size: float = 11, anchor: str = "start", fill: str = INK,
         weight: str | None = None, cls: str | None = None, extra: str = "") -> str:
    attrs = f'x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" text-anchor="{anchor}" fill="{fill}"'
    if weight:
        attrs += f' font-weight="{weight}"'
    if cls:
        attrs += f' class="{cls}"'
    return f"<text {attrs}{extra}>{esc(s)}</text>"


def bilingual(x: float, y: float, en: str, ar: str | None, *, size: float = 11, anchor: str = "start",
              fill: str = INK, weight: str | None = None, rotate: float | None = None) -> str:
    """An English label with its Arabic name beside it (the Arabic run in its own RTL tspan)."""
    attrs = f'x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" text-anchor="{anchor}" fill="{fill}"'
    if weight:
        attrs += f' font-weight="{weight}"'
    if rotate is not None:
        attrs += f' transform="rotate({rotate:g} {x:.1f} {y:.1f})"'
    body = esc(en)
    if ar:
        body += (f' <tspan class="ar" lang="ar" direction="rtl" unicode-bidi="embed" '
                 f'font-family="{esc(FONT_AR)}">{esc(ar)}</tspan>')
    return f'<text class="label" {attrs}>{body}</text>'


def link(href: str | None, inner: str, label: str) -> str:
    """``inner`` wrapped in a link to the evidence (or in a plain group when there is none)."""
    if href:
        return f'<a href="{esc(href)}" aria-label="{esc(label)}">{inner}</a>'
    return f'<g aria-label="{esc(label)}">{inner}</g>'


def shape(kind: str, x: float, y: float, r: float, fill: str, *, cls: str = "mark", title: str = "",
          extra: str = "") -> str:
    t = f"<title>{esc(title)}</title>" if title else ""
    common = f'class="{cls}" fill="{fill}" stroke="#ffffff" stroke-width="1"{extra}'
    if kind == "square":
        return f'<rect {common} x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}">{t}</rect>'
    if kind == "diamond":
        pts = f"{x:.1f},{y - r * 1.25:.1f} {x + r * 1.25:.1f},{y:.1f} {x:.1f},{y + r * 1.25:.1f} {x - r * 1.25:.1f},{y:.1f}"
        return f'<polygon {common} points="{pts}">{t}</polygon>'
    if kind in ("triangle", "triangle-down"):
        s = -1 if kind == "triangle" else 1
        pts = f"{x:.1f},{y + s * r * 1.2:.1f} {x + r * 1.2:.1f},{y - s * r * 0.8:.1f} {x - r * 1.2:.1f},{y - s * r * 0.8:.1f}"
        return f'<polygon {common} points="{pts}">{t}</polygon>'
    return f'<circle {common} cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}">{t}</circle>'


def empty_chart(chart_id: str, title: str, message_en: str, message_ar: str, width: float = 560,
                height: float = 90, kind: str = "empty") -> str:
    """A chart frame that says there is nothing to draw."""
    svg = Svg(chart_id, width, height, title, f"{message_en} ({message_ar})", kind)
    svg.add(f'<rect x="0.5" y="0.5" width="{width - 1:g}" height="{height - 1:g}" fill="#f6f7f9" '
            f'stroke="{GRID}" rx="4"/>')
    svg.add(text(width / 2, height / 2 - 4, message_en, anchor="middle", fill=MUTED, size=12))
    svg.add(f'<text class="ar" lang="ar" direction="rtl" x="{width / 2:.1f}" y="{height / 2 + 16:.1f}" '
            f'font-size="13" text-anchor="middle" fill="{MUTED}" font-family="{esc(FONT_AR)}">{esc(message_ar)}</text>')
    return svg.render()


def _date_ordinal(date: str) -> int:
    """Days since 0001-01-01 of a ``YYYY[-MM[-DD]]`` date (month/year dates at their middle)."""
    if len(date) >= 10:
        return dt.date.fromisoformat(date[:10]).toordinal()
    if len(date) == 7:
        return dt.date(int(date[:4]), int(date[5:7]), 15).toordinal()
    return dt.date(int(date[:4]), 7, 1).toordinal()


def _time_ticks(d0: int, d1: int, max_ticks: int = 8) -> list[tuple[int, str]]:
    """Tick positions (ordinals) and labels for a time axis from ``d0`` to ``d1``."""
    a, b = dt.date.fromordinal(d0), dt.date.fromordinal(d1)
    span = d1 - d0
    ticks: list[tuple[int, str]] = []
    if span > 3 * 365:
        step = max(1, math.ceil((b.year - a.year + 1) / max_ticks))
        for y in range(a.year + (1 if (a.month, a.day) != (1, 1) else 0), b.year + 1, step):
            ticks.append((dt.date(y, 1, 1).toordinal(), str(y)))
    elif span > 60:
        months = (b.year - a.year) * 12 + b.month - a.month + 1
        step = max(1, math.ceil(months / max_ticks))
        y, m = a.year, a.month
        if a.day != 1:
            m += 1
        i = 0
        while True:
            y2, m2 = y + (m - 1) // 12, (m - 1) % 12 + 1
            d = dt.date(y2, m2, 1)
            if d > b:
                break
            if i % step == 0:
                ticks.append((d.toordinal(), d.strftime("%b %Y")))
            m += 1
            i += 1
    else:
        step = max(1, math.ceil((span + 1) / max_ticks))
        for o in range(d0, d1 + 1, step):
            ticks.append((o, dt.date.fromordinal(o).strftime("%d %b")))
    return ticks


# -- balance over time --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class BalancePoint:
    """The balance of one period with its interval; ``n`` interactions behind it."""

    period: str
    balance: float | None
    low: float
    high: float
    n: int
    href: str | None = None


def balance_chart(chart_id: str, title: str, periods: Sequence[str], points: Sequence[BalancePoint], *,
                  width: float = 560, height: float = 230, label_ar: str | None = None) -> str:
    """The balance per period (line and dots) with its uncertainty band (area from low to high)."""
    drawn = [p for p in points if p.balance is not None]
    if not drawn:
        return empty_chart(chart_id, title, "No weighted events in this dossier", "لا أحداث موزونة في هذا الملف",
                           width, kind="balance")
    periods = list(periods) or [p.period for p in points]
    left, right, top, bottom = 52, 78, 14, 46
    pw, ph = width - left - right, height - top - bottom
    n = len(periods)
    step = pw / n
    xs = {p: left + step * (i + 0.5) for i, p in enumerate(periods)}
    y = lambda v: top + (1 - (v + 1) / 2) * ph  # noqa: E731
    desc = (f"Balance of cooperation and conflict per period, from -1 (all conflict) to +1 (all cooperation), "
            f"with its 95% interval; {len(drawn)} periods with data.")
    svg = Svg(chart_id, width, height, title, desc, "balance")
    # grid and y axis
    for v, en, ar in ((1, "+1 cooperation", "تعاون"), (0.5, "+0.5", None), (0, "0", None), (-0.5, "-0.5", None),
                      (-1, "-1 conflict", "نزاع")):
        yy = y(v)
        dash = ' stroke-dasharray="4 3"' if v == 0 else ""
        svg.add(f'<line x1="{left}" x2="{width - right}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="{GRID if v else MUTED}" '
                f'stroke-width="1"{dash}/>')
        svg.add(text(left - 6, yy + 3.5, en.split()[0], anchor="end", fill=MUTED, size=10))
        if ar:  # the ends of the scale named on the right: cooperation at the top, conflict at the bottom
            word = en.split()[1]
            svg.add(text(width - right + 6, yy + (3.5 if v > 0 else -4), word, fill=MUTED, size=9.5))
            svg.add(f'<text class="ar" lang="ar" direction="rtl" x="{width - right + 6:.1f}" '
                    f'y="{yy + (16 if v > 0 else 8.5):.1f}" font-size="10" fill="{MUTED}" text-anchor="end" '
                    f'font-family="{esc(FONT_AR)}">{esc(ar)}</text>')
    # x axis labels, thinned to fit
    every = max(1, math.ceil(n / max(1, pw // 58)))
    for i, p in enumerate(periods):
        if i % every == 0 or i == n - 1 and n <= 3:
            svg.add(text(xs[p], height - bottom + 14, p, anchor="middle", fill=MUTED, size=10))
    svg.add(bilingual(left + pw / 2, height - 8, "Period", "الفترة", anchor="middle", fill=MUTED, size=10))
    # band and line over runs of consecutive periods with data
    order = {p: i for i, p in enumerate(periods)}
    runs: list[list[BalancePoint]] = []
    for p in sorted(drawn, key=lambda p: order.get(p.period, 0)):
        if runs and order.get(p.period, -9) == order.get(runs[-1][-1].period, -9) + 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    half = min(step * 0.3, 10)
    for run in runs:
        if len(run) == 1:
            p = run[0]
            svg.add(f'<rect class="band" x="{xs[p.period] - half:.1f}" y="{y(p.high):.1f}" width="{2 * half:.1f}" '
                    f'height="{max(1.0, y(p.low) - y(p.high)):.1f}" fill="{BAND}" fill-opacity="0.45"/>')
            continue
        upper = " ".join(f"{xs[p.period]:.1f},{y(p.high):.1f}" for p in run)
        lower = " ".join(f"{xs[p.period]:.1f},{y(p.low):.1f}" for p in reversed(run))
        svg.add(f'<polygon class="band" points="{upper} {lower}" fill="{BAND}" fill-opacity="0.45"/>')
        line = " ".join(f"{xs[p.period]:.1f},{y(p.balance):.1f}" for p in run)
        svg.add(f'<polyline points="{line}" fill="none" stroke="{LINE}" stroke-width="1.8"/>')
    for p in drawn:
        label = (f"{p.period}: balance {fmt_balance(p.balance)} (95% interval {fmt_balance(p.low)} to "
                 f"{fmt_balance(p.high)}), {p.n} interactions")
        dot = shape("circle", xs[p.period], y(p.balance), 4.2, diverging(p.balance), title=label,
                    extra=f' data-value="{p.balance:.4f}" data-n="{p.n}" stroke-opacity="1"')
        svg.add(link(p.href, dot.replace('stroke="#ffffff"', f'stroke="{LINE}"'), label))
    svg.add(bilingual(14, top + ph / 2, "Balance", label_ar or "الميزان", anchor="middle", fill=MUTED, size=10,
                      rotate=-90))
    return svg.render()


# -- dossier x period heat map ------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class HeatRow:
    key: str
    name_en: str
    name_ar: str | None = None


@dataclass(frozen=True, slots=True)
class HeatCell:
    balance: float | None
    n: int
    href: str | None = None


def heatmap(chart_id: str, title: str, rows: Sequence[HeatRow], periods: Sequence[str],
            cells: dict[tuple[str, str], HeatCell], *, width: float | None = None) -> str:
    """Dossiers (rows) by periods (columns): colour = balance, text = number of interactions."""
    filled = [(k, c) for k, c in cells.items() if c.n > 0]
    if not rows or not periods or not filled:
        return empty_chart(chart_id, title, "No events to map", "لا أحداث لعرضها", kind="heatmap")
    label_w = max(text_width(r.name_en, 11) + text_width(r.name_ar or "", 12) + 14 for r in rows)
    left = min(max(120.0, label_w + 8), 330.0)
    cell_w = max(22.0, min(56.0, (900 - left) / max(1, len(periods))))
    cell_h = 24.0
    top = 64.0
    legend_h = 58.0
    w = width or max(left + cell_w * len(periods) + 12, left + 420)
    h = top + cell_h * len(rows) + legend_h
    desc = (f"{len(rows)} dossiers by {len(periods)} periods; each cell's colour is the balance from conflict "
            f"(red) to cooperation (blue), grey where nothing was reported; the number is the interactions.")
    svg = Svg(chart_id, w, h, title, desc, "heatmap")
    svg.defs.append('<pattern id="%s-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
                    'patternTransform="rotate(45)"><rect width="6" height="6" fill="%s"/>'
                    '<line x1="0" y1="0" x2="0" y2="6" stroke="#cfd3d9" stroke-width="2"/></pattern>'
                    % (esc(chart_id), NO_DATA))
    rotate = cell_w < 48
    for j, p in enumerate(periods):
        x = left + cell_w * (j + 0.5)
        if rotate:
            svg.add(f'<text x="{x:.1f}" y="{top - 6:.1f}" font-size="10" fill="{MUTED}" text-anchor="start" '
                    f'transform="rotate(-50 {x:.1f} {top - 6:.1f})">{esc(p)}</text>')
        else:
            svg.add(text(x, top - 8, p, anchor="middle", fill=MUTED, size=10))
    for i, r in enumerate(rows):
        y0 = top + cell_h * i
        svg.add(bilingual(left - 8, y0 + cell_h / 2 + 4, r.name_en, r.name_ar, anchor="end", size=11,
                          weight="600" if r.key == "*" else None))
        for j, p in enumerate(periods):
            x0 = left + cell_w * j
            c = cells.get((r.key, p))
            if c is None or c.n == 0:
                svg.add(f'<rect class="empty" x="{x0 + 1:.1f}" y="{y0 + 1:.1f}" width="{cell_w - 2:.1f}" '
                        f'height="{cell_h - 2:.1f}" fill="url(#{esc(chart_id)}-hatch)"><title>{esc(r.name_en)}, '
                        f'{esc(p)}: no events</title></rect>')
                continue
            fill = diverging(c.balance)
            label = (f"{r.name_en}, {p}: {c.n} interactions, balance {fmt_balance(c.balance)}")
            rect = (f'<rect class="mark" x="{x0 + 1:.1f}" y="{y0 + 1:.1f}" width="{cell_w - 2:.1f}" '
                    f'height="{cell_h - 2:.1f}" fill="{fill}" data-n="{c.n}" '
                    f'data-value="{"" if c.balance is None else f"{c.balance:.4f}"}"><title>{esc(label)}</title></rect>')
            num = text(x0 + cell_w / 2, y0 + cell_h / 2 + 4, str(c.n), anchor="middle", size=10.5,
                       fill=text_color(fill), cls="count")
            svg.add(link(c.href, rect + num, label))
    # legend: gradient bar and a grey swatch
    ly = top + cell_h * len(rows) + 18
    lx = left
    bar_w = min(240.0, max(160.0, w - left - 150))
    svg.defs.append(f'<linearGradient id="{esc(chart_id)}-grad">' + "".join(
        f'<stop offset="{(v + 1) / 2:.2f}" stop-color="{diverging(v)}"/>' for v, _ in DIVERGING) + "</linearGradient>")
    svg.add(f'<rect x="{lx:.1f}" y="{ly:.1f}" width="{bar_w:.1f}" height="10" fill="url(#{esc(chart_id)}-grad)" '
            f'stroke="{GRID}"/>')
    svg.add(bilingual(lx, ly + 24, "-1 conflict", "نزاع", size=9.5, fill=MUTED))
    svg.add(text(lx + bar_w / 2, ly + 24, "0", anchor="middle", size=9.5, fill=MUTED))
    svg.add(bilingual(lx + bar_w, ly + 24, "+1 cooperation", "تعاون", size=9.5, fill=MUTED, anchor="end"))
    gx = lx + bar_w + 22
    svg.add(f'<rect x="{gx:.1f}" y="{ly:.1f}" width="18" height="10" fill="url(#{esc(chart_id)}-hatch)" stroke="{GRID}"/>')
    svg.add(bilingual(gx + 24, ly + 9, "no data", "لا بيانات", size=9.5, fill=MUTED))
    svg.add(bilingual(left - 8, top - 40, "Dossier", "الملف", anchor="end", size=10, fill=MUTED, weight="600"))
    return svg.render()


# -- leader-contact timeline --------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ContactPoint:
    date: str
    mode: str
    label: str
    href: str | None = None


def contact_timeline(chart_id: str, title: str, contacts: Sequence[ContactPoint], *, width: float = 900) -> str:
    """Leader contacts on a time axis, one lane per mode (shape and colour by mode), dates labelled."""
    dated = [c for c in contacts if c.date]
    if not dated:
        return empty_chart(chart_id, title, "No dated leader contacts", "لا اتصالات مؤرخة بين القادة", kind="timeline")
    modes = [m for m in MODE_STYLE if any(c.mode == m for c in dated)]
    modes += sorted({c.mode for c in dated} - set(modes))
    lane_h, top, left, right = 38.0, 74.0, 170.0, 40.0
    height = top + lane_h * len(modes) + 44
    ords = [_date_ordinal(c.date) for c in dated]
    d0, d1 = min(ords), max(ords)
    if d1 - d0 < 20:
        d0, d1 = d0 - 10, d1 + 10
    pad = (d1 - d0) * 0.03
    lo, hi = d0 - pad, d1 + pad
    pw = width - left - right
    x = lambda o: left + (o - lo) / (hi - lo) * pw  # noqa: E731
    desc = f"{len(dated)} dated leader contacts between {min(c.date for c in dated)} and {max(c.date for c in dated)}."
    svg = Svg(chart_id, width, height, title, desc, "timeline")
    lane_of = {m: i for i, m in enumerate(modes)}
    for m, i in lane_of.items():
        yy = top + lane_h * (i + 0.5)
        svg.add(f'<line x1="{left}" x2="{width - right}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="{GRID}"/>')
        kind, colour = MODE_STYLE.get(m, ("circle", MUTED))
        en, ar = MODE_NAMES.get(m, (m, None))
        svg.add(shape(kind, 12, yy, 5, colour, cls="key"))
        svg.add(bilingual(24, yy + 4, en, ar, size=11))
    axis_y = top + lane_h * len(modes) + 6
    svg.add(f'<line x1="{left}" x2="{width - right}" y1="{axis_y:.1f}" y2="{axis_y:.1f}" stroke="{MUTED}"/>')
    for o, lab in _time_ticks(round(lo), round(hi)):
        if lo <= o <= hi:
            svg.add(f'<line x1="{x(o):.1f}" x2="{x(o):.1f}" y1="{axis_y:.1f}" y2="{axis_y + 4:.1f}" stroke="{MUTED}"/>')
            svg.add(text(x(o), axis_y + 16, lab, anchor="middle", size=10, fill=MUTED))
    svg.add(bilingual(left + pw / 2, height - 6, "Date", "التاريخ", anchor="middle", size=10, fill=MUTED))
    # dots; several contacts on one day in one lane are stacked sideways
    seen: dict[tuple[str, int], int] = {}
    last_label_x: dict[int, float] = {}
    for c, o in sorted(zip(dated, ords), key=lambda t: t[1]):
        i = lane_of[c.mode]
        k = seen.get((c.mode, o), 0)
        seen[(c.mode, o)] = k + 1
        cx, cy = x(o) + k * 9, top + lane_h * (i + 0.5)
        kind, colour = MODE_STYLE.get(c.mode, ("circle", MUTED))
        svg.add(link(c.href, shape(kind, cx, cy, 5.5, colour, title=c.label, extra=f' data-date="{esc(c.date)}"'),
                     c.label))
        # labels above the first lane, rotated; skipped when they would overlap the previous one
        if cx - last_label_x.get(0, -1e9) >= 13:
            ly = top - 8
            svg.add(f'<text class="date" x="{cx:.1f}" y="{ly:.1f}" font-size="9.5" fill="{MUTED}" '
                    f'transform="rotate(-45 {cx:.1f} {ly:.1f})">{esc(c.date)}</text>')
            svg.add(f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{top - 4:.1f}" y2="{cy - 7:.1f}" stroke="{GRID}" '
                    f'stroke-dasharray="2 2"/>')
            last_label_x[0] = cx
    return svg.render()


# -- actor network ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class NetNode:
    code: str
    name_en: str
    name_ar: str | None
    n: int
    role: str = "third"   # "a", "b" or "third"
    href: str | None = None


@dataclass(frozen=True, slots=True)
class NetEdge:
    a: str
    b: str
    n: int
    coop_share: float | None   # share of cooperative interactions in [0, 1]
    href: str | None = None


def network(chart_id: str, title: str, nodes: Sequence[NetNode], edges: Sequence[NetEdge], *,
            width: float = 640, height: float = 520) -> str:
    """The dyad's actors on a circle (the dyad at the centre line), edges coloured by cooperative share."""
    if not nodes or not edges:
        return empty_chart(chart_id, title, "No interactions between actors", "لا تفاعلات بين الفاعلين",
                           kind="network")
    cx, cy = width / 2, height / 2 + 6
    pos: dict[str, tuple[float, float]] = {}
    dyad = [n for n in nodes if n.role in ("a", "b")]
    others = [n for n in nodes if n.role not in ("a", "b")]
    for i, nd in enumerate(dyad):
        pos[nd.code] = (cx + (-1 if i == 0 else 1) * min(90.0, width * 0.14), cy)
    rx, ry = width / 2 - 110, height / 2 - 62
    for i, nd in enumerate(others):
        ang = -math.pi / 2 + 2 * math.pi * i / max(1, len(others))
        pos[nd.code] = (cx + rx * math.cos(ang), cy + ry * math.sin(ang))
    nmax = max(n.n for n in nodes) or 1
    emax = max(e.n for e in edges) or 1
    radius = {nd.code: 6 + 16 * math.sqrt(nd.n / nmax) for nd in nodes}
    desc = (f"{len(nodes)} actors and {len(edges)} links; node size is the number of interactions, link colour "
            f"the share of cooperative interactions (blue) against conflictual ones (red).")
    svg = Svg(chart_id, width, height, title, desc, "network")
    for e in sorted(edges, key=lambda e: e.n):
        if e.a not in pos or e.b not in pos:
            continue
        (x1, y1), (x2, y2) = pos[e.a], pos[e.b]
        colour = diverging(None if e.coop_share is None else 2 * e.coop_share - 1)
        if e.coop_share is not None and abs(2 * e.coop_share - 1) < 0.25:
            colour = "#9aa5b1"  # near-neutral links would vanish on white
        sw = 1.2 + 6 * e.n / emax
        share = "n/a" if e.coop_share is None else f"{100 * e.coop_share:.0f}% cooperative"
        label = f"{e.a}–{e.b}: {e.n} interactions, {share}"
        line = (f'<line class="mark edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
                f'stroke-width="{sw:.1f}" stroke-linecap="round" data-n="{e.n}"><title>{esc(label)}</title></line>')
        svg.add(link(e.href, line, label))
    for nd in nodes:
        x0, y0 = pos[nd.code]
        r = radius[nd.code]
        fill = "#1f4e79" if nd.role in ("a", "b") else "#f1f3f5"
        stroke = "#ffffff" if nd.role in ("a", "b") else "#52606d"
        label = f"{nd.name_en} ({nd.code}): {nd.n} interactions"
        circ = (f'<circle class="mark node" cx="{x0:.1f}" cy="{y0:.1f}" r="{r:.1f}" fill="{fill}" stroke="{stroke}" '
                f'stroke-width="1.2" data-n="{nd.n}"><title>{esc(label)}</title></circle>')
        svg.add(link(nd.href, circ, label))
        if nd.role in ("a", "b"):
            ty = y0 - r - 8
        else:
            ty = y0 + (r + 14 if y0 >= cy else -r - 8)
        svg.add(bilingual(x0, ty, nd.name_en, nd.name_ar, anchor="middle", size=11,
                          weight="600" if nd.role in ("a", "b") else None))
    # legend
    ly = height - 16
    for i, (v, en, ar) in enumerate(((1.0, "cooperative", "تعاوني"), (0.0, "mixed", "مختلط"),
                                     (-1.0, "conflictual", "نزاعي"))):
        lx = 12 + i * 150
        colour = "#9aa5b1" if v == 0 else diverging(v)
        svg.add(f'<line x1="{lx}" x2="{lx + 22}" y1="{ly - 4}" y2="{ly - 4}" stroke="{colour}" stroke-width="4"/>')
        svg.add(bilingual(lx + 28, ly, en, ar, size=10, fill=MUTED))
    return svg.render()


# -- figures over time --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class FigureReport:
    value: float
    label: str
    href: str | None = None


@dataclass(frozen=True, slots=True)
class FigureDate:
    date: str
    reports: tuple[FigureReport, ...]
    conflict: bool = False


@dataclass(slots=True)
class FigureSeries:
    what: str
    unit: str | None
    name_ar: str | None = None
    dates: list[FigureDate] = field(default_factory=list)


def figures_chart(chart_id: str, title: str, series: FigureSeries, *, width: float = 560,
                  height: float = 230) -> str:
    """One measure over time: a point per report, conflicting reports of a date side by side (orange)."""
    dated = [d for d in series.dates if d.date and d.reports]
    if not dated:
        return empty_chart(chart_id, title, "No dated figures", "لا أرقام مؤرخة", width, kind="figures")
    left, right, top, bottom = 70, 20, 16, 46
    pw, ph = width - left - right, height - top - bottom
    ords = [_date_ordinal(d.date) for d in dated]
    d0, d1 = min(ords), max(ords)
    if d1 - d0 < 60:
        d0, d1 = d0 - 45, d1 + 45
    pad = (d1 - d0) * 0.06
    lo_x, hi_x = d0 - pad, d1 + pad
    vals = [r.value for d in dated for r in d.reports]
    ticks = nice_ticks(min(0.0, min(vals)), max(vals))
    lo_y, hi_y = ticks[0], ticks[-1]
    x = lambda o: left + (o - lo_x) / (hi_x - lo_x) * pw  # noqa: E731
    y = lambda v: top + (1 - (v - lo_y) / (hi_y - lo_y)) * ph  # noqa: E731
    n_conf = sum(1 for d in dated if d.conflict)
    desc = (f"{series.what} ({series.unit or 'no unit'}): {sum(len(d.reports) for d in dated)} reports at "
            f"{len(dated)} dates; {n_conf} dates where sources give conflicting values.")
    svg = Svg(chart_id, width, height, title, desc, "figures")
    for v in ticks:
        yy = y(v)
        svg.add(f'<line x1="{left}" x2="{width - right}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="{GRID}"/>')
        svg.add(text(left - 6, yy + 3.5, fmt_short(v), anchor="end", size=10, fill=MUTED))
    for o, lab in _time_ticks(round(lo_x), round(hi_x), 6):
        if lo_x <= o <= hi_x:
            svg.add(text(x(o), height - bottom + 14, lab, anchor="middle", size=10, fill=MUTED))
    svg.add(bilingual(left + pw / 2, height - 8, "Date the figure is about", "تاريخ الرقم", anchor="middle",
                      size=10, fill=MUTED))
    svg.add(bilingual(14, top + ph / 2, series.unit or "value", series.name_ar, anchor="middle", size=10,
                      fill=MUTED, rotate=-90))
    # median line
    meds = []
    for d, o in sorted(zip(dated, ords), key=lambda t: t[1]):
        v = sorted(r.value for r in d.reports)
        m = len(v) // 2
        meds.append((o, v[m] if len(v) % 2 else (v[m - 1] + v[m]) / 2))
    if len(meds) > 1:
        svg.add('<polyline points="%s" fill="none" stroke="%s" stroke-width="1.4" stroke-dasharray="5 3"/>'
                % (" ".join(f"{x(o):.1f},{y(v):.1f}" for o, v in meds), LINE))
    for d, o in zip(dated, ords):
        cx = x(o)
        reports = sorted(d.reports, key=lambda r: r.value)
        k = len(reports)
        if d.conflict:
            ys = [y(r.value) for r in reports]
            svg.add(f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{min(ys):.1f}" y2="{max(ys):.1f}" stroke="{ACCENT}" '
                    f'stroke-width="1" stroke-dasharray="2 2"/>')
        for i, r in enumerate(reports):
            off = (i - (k - 1) / 2) * 9 if d.conflict else 0
            kind, colour = ("diamond", ACCENT) if d.conflict else ("circle", LINE)
            label = f"{d.date}: {fmt_value(r.value)} {series.unit or ''} — {r.label}".strip()
            svg.add(link(r.href, shape(kind, cx + off, y(r.value), 4.5, colour, title=label,
                                       extra=f' data-value="{r.value:g}"'), label))
    return svg.render()
