"""Server-side SVG of the dashboards' charts and world map: the same picture with or without JavaScript, in a page
or a PDF. Accessible: the figure is a ``role="group"`` named by its ``<title>``; every mark with records behind it
(a bar segment, a country with a figure) is an ``<a href>`` to their list that the keyboard reaches with Tab and
opens with Enter, named (``aria-label``, and a ``<title>`` tooltip) by the mark's title and value in the page's
language, with a visible focus outline (the SVG's own ``<style>``, so downloads keep it); a table twin sits beside it
on the page. (``role="img"`` would hide the links from assistive technology: an image's children are presentational.)
"""

from __future__ import annotations

from decimal import Decimal

from markupsafe import Markup, escape

from sticoop.core.i18n import Formatter
from sticoop.dashboard.charts import Chart
from sticoop.dashboard.worldmap import WorldMap, geometry

#: one colour per series position (completion: not started → complete reads light to dark green)
SERIES_COLOURS = {
    "not_started": "#d9d9d9", "limited": "#c7e9c0", "substantial": "#74c476", "complete": "#238b45",
    "count": "#3b6ea5", "project": "#3b6ea5", "visit": "#3b6ea5", "event": "#e6883c",
    "follow_up": "#9ecae1", "mou_signed": "#4292c6", "contract_signed": "#08519c",
}
#: sequential classes of the map, lightest first (ColorBrewer Blues)
MAP_CLASSES = ("#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
NO_DATA = "#f0f0f0"
WIDTH, LABEL_W, ROW_H, LEGEND_H = 640, 210, 22, 26
#: the focused mark is outlined in black, thick enough to see on the darkest fill (WCAG 2.4.7 Focus Visible)
FOCUS_STYLE = ("<style>.chart a:focus{outline:none}.chart a:focus>rect{stroke:#000;stroke-width:3px}"
               ".worldmap a:focus{outline:none}.worldmap a:focus>path{stroke:#000;stroke-width:2px}</style>")


def mark(url: str, name: str, shape: str, **data: str) -> str:
    """One keyboard-reachable mark: ``<a href>`` around ``shape`` (an SVG element without its closing tag, e.g.
    ``<rect …>`` and its tag name after it), named ``name`` (the mark's title and value, already translated) by
    ``aria-label`` and a ``<title>`` tooltip; ``data`` become ``data-*`` attributes of the link."""
    tag = shape[1:shape.index(" ")]
    extra = "".join(f' data-{k}="{escape(v)}"' for k, v in data.items())
    label = escape(name)
    return f'<a href="{escape(url)}" aria-label="{label}"{extra}>{shape}<title>{label}</title></{tag}></a>'


def _row_label(chart: Chart, key: str, label: str, translate_label: object) -> str:
    if chart.label_group and callable(translate_label):
        return str(translate_label(chart.label_group, key))
    return label


def chart_svg(chart: Chart, fmt: Formatter, label: object = None) -> Markup:
    """Horizontal stacked bars, one per row, scaled to the largest row total; ``label(group, code)`` translates
    row codes when the chart has a ``label_group``. Width 640 px, 22 px a row."""
    _ = fmt._
    top = max((r.total for r in chart.rows), default=0) or 1
    bar_w = WIDTH - LABEL_W - 60
    height = LEGEND_H + ROW_H * max(len(chart.rows), 1) + 4
    title = escape(_(chart.title))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="group" viewBox="0 0 {WIDTH} {height}" '
             f'aria-labelledby="svg-{chart.key}"><title id="svg-{chart.key}">{title}</title>{FOCUS_STYLE}']
    x = 0
    for series in chart.series:
        name = escape(_(chart.series_labels.get(series, series)))
        parts.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{SERIES_COLOURS.get(series, "#888")}"/>'
                     f'<text x="{x + 16}" y="16" font-size="12">{name}</text>')
        x += 24 + 7 * len(str(name))
    for i, row in enumerate(chart.rows):
        y = LEGEND_H + i * ROW_H
        full = _row_label(chart, row.key, row.label, label)
        text = escape(full)
        short = escape(full if len(full) <= 30 else full[:29] + "…")
        parts.append(f'<text x="{LABEL_W - 6}" y="{y + 15}" font-size="12" text-anchor="end">{short}'
                     f'<title>{text}</title></text>')
        left = float(LABEL_W)
        for cell in row.cells:
            if not cell.value:
                continue
            w = bar_w * cell.value / top
            series = _(chart.series_labels.get(cell.series, cell.series))
            named = f"{full} — {series}{fmt.colon} {fmt.number(cell.value)}"
            shape = (f'<rect x="{left:.1f}" y="{y + 3}" width="{w:.1f}" height="{ROW_H - 6}" '
                     f'fill="{SERIES_COLOURS.get(cell.series, "#888")}">')
            parts.append(mark(cell.url, named, shape) if cell.url else f"{shape}<title>{escape(named)}</title></rect>")
            left += w
        parts.append(f'<text x="{left + 4:.1f}" y="{y + 15}" font-size="12">{escape(fmt.number(row.total))}</text>')
    if not chart.rows:
        parts.append(f'<text x="{LABEL_W}" y="{LEGEND_H + 15}" font-size="12">{escape(_("No records yet."))}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _classes(values: list[Decimal]) -> list[Decimal]:
    """Upper bounds of up to five classes (quantiles of the figures), ascending."""
    ordered = sorted(set(values))
    if not ordered:
        return []
    n = min(len(MAP_CLASSES), len(ordered))
    return [ordered[min(len(ordered) - 1, round((i + 1) * len(ordered) / n) - 1)] for i in range(n)]


def _fill(value: Decimal | None, bounds: list[Decimal]) -> str:
    if value is None:
        return NO_DATA
    for i, bound in enumerate(bounds):
        if value <= bound:
            return MAP_CLASSES[i + len(MAP_CLASSES) - len(bounds)]
    return MAP_CLASSES[-1]


def map_svg(world: WorldMap, fmt: Formatter, measure_name: str) -> Markup:
    """The choropleth: every country a path (Natural Earth 1:110m, projected at build time), filled by its figure's
    class; a country with a figure is an ``<a>`` (``data-code`` = ISO alpha-3) to the records behind it."""
    shapes = geometry()
    figures = {c.code: c for c in world.countries}
    bounds = _classes([c.value for c in world.countries])
    title = escape(fmt._(measure_name))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="worldmap" role="group" '
             f'viewBox="0 0 {shapes["width"]} {shapes["height"]}" aria-labelledby="svg-map-title">'
             f'<title id="svg-map-title">{title}</title>{FOCUS_STYLE}'
             f'<path d="{shapes["sphere"]}" fill="#f7fbff" stroke="#ccc"/>']
    for country in shapes["countries"]:
        code = country["code"]
        figure = figures.get(code) if code else None
        name = fmt.country(code) if code else country["name"]
        if figure is None:
            parts.append(f'<path d="{country["d"]}" fill="{NO_DATA}" stroke="#fff" stroke-width="0.5">'
                         f'<title>{escape(name)}</title></path>')
            continue
        shown = fmt.money(figure.value, world.currency) if world.currency else fmt.number(figure.value)
        parts.append(mark(figure.url, f"{name}{fmt.colon} {shown}", f'<path d="{country["d"]}" '
                          f'fill="{_fill(figure.value, bounds)}" stroke="#fff" stroke-width="0.5">', code=code))
    parts.append("</svg>")
    return Markup("".join(parts))
