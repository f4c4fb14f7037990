"""The briefing data laid out for reading, in the user's language: titled sections of facts, paragraphs,
tables and lists, all text already translated and dates and money written by the locale formatter
(``core.i18n.Formatter``). The HTML template and the DOCX writer both draw exactly these sections, so the PDF
(printed from the HTML) and the DOCX say the same thing.

Confidential rows are taken out of the main sections and laid out again, with the same headings, under
"Background — not for disclosure" at the end.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sticoop.briefing.schemas import (
    AgreementBrief,
    Briefing,
    CommitmentBrief,
    PressBrief,
    ProjectBrief,
    UpcomingDate,
    VisitBrief,
)
from sticoop.core.i18n import Formatter, labelled
from sticoop.dashboard.charts import Chart
from sticoop.dashboard.svg import chart_svg
from sticoop.web.labels import N_, label

R = TypeVar("R")


@dataclass
class Block:
    """One piece of a section: ``facts`` (label: value pairs), ``text`` (paragraphs), ``table`` (headers and
    rows; ``marked`` rows are shown emphasised, e.g. overdue), ``bullets`` or ``note`` (a muted line)."""

    kind: str
    facts: list[tuple[str, str]] = field(default_factory=list)
    text: str = ""
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    marked: list[bool] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    #: column widths of a table, in percent of the page width (fixed: laying out is then one pass)
    widths: list[int] = field(default_factory=list)
    #: a ``chart``: its title, its SVG drawing (HTML and PDF) and, in ``headers``/``rows``, its table twin (DOCX)
    svg: str = ""


@dataclass
class Section:
    key: str
    heading: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Pack:
    """A briefing pack laid out: title, the facts under it, the sections, and the background (may be empty)."""

    locale: str
    title: str
    subtitle: str
    facts: list[tuple[str, str]]
    sections: list[Section]
    background: list[Section]
    background_heading: str
    banner: str | None
    footer: str


#: section headings, in the order a ministry brief uses
HEADINGS = {
    "visit": N_("Purpose and logistics of the visit"),
    "objectives": N_("Objectives and points to make"),
    "session": N_("Last session and what became of its conclusions"),
    "commitments": N_("Open and overdue commitments"),
    "agreements": N_("Agreements"),
    "projects": N_("Projects and funding"),
    "people": N_("People to meet"),
    "visits": N_("Previous visits"),
    "press": N_("Recent press"),
    "upcoming": N_("Upcoming dates"),
    "charts": N_("The partnership in charts"),
}
BACKGROUND = N_("Background — not for disclosure")
#: what an upcoming date is, by kind
UPCOMING_KIND = {"session": N_("Session"), "visit": N_("Visit"), "event": N_("Event"), "project": N_("Project start"),
                 "commitment": N_("Commitment due"), "agreement_expiry": N_("Agreement expires"),
                 "anniversary": N_("Anniversary of relations")}
PEOPLE_WHY = {"met": N_("At an organisation to meet"), "delegate": N_("Delegate at the last session")}


def lay_out(briefing: Briefing, fmt: Formatter) -> Pack:
    """The pack in ``fmt``'s language. Raises nothing; empty lists read "None recorded"."""
    _ = fmt._
    b = briefing
    open_part, secret_part = _split(b)
    sections = _sections(b, open_part, fmt, main=True)
    background = [s for s in _sections(b, secret_part, fmt, main=False) if s.blocks]
    p = b.partnership
    facts = [(_("Countries"), ", ".join(fmt.country(c) for c in p.country_codes)),
             (_("As of"), fmt.date(b.as_of, "long"))]
    if p.relations_established:
        facts.append((_("Diplomatic relations established"), fmt.date(p.relations_established, "long")))
    if p.anniversary_years and p.anniversary_date:
        facts.append((_("Next round anniversary"), _("%(years)s years of diplomatic relations")
                      % {"years": p.anniversary_years} + f" — {fmt.date(p.anniversary_date, 'long')}"))
    confidential_pack = p.confidential or (b.visit is not None and b.visit.confidential)
    return Pack(
        locale=b.locale, title=_("Briefing pack") + f" — {p.name}",
        subtitle=(_("Visit") + f": {fmt.country(b.visit.from_country_code)} → {fmt.country(b.visit.to_country_code)}"
                  if b.visit else _("Partnership")),
        facts=facts, sections=sections, background=background, background_heading=_(BACKGROUND),
        banner=_("Confidential — not for disclosure") if confidential_pack or background else None,
        footer=_("Prepared for %(user)s from the records in sticoop as of %(date)s.")
        % {"user": b.prepared_for, "date": fmt.date(b.as_of, "long")},
    )


@dataclass
class Part:
    """The rows of each list that go in one part of the pack (main or background)."""

    session: bool
    followup: list[CommitmentBrief]
    commitments: list[CommitmentBrief]
    agreements: list[AgreementBrief]
    projects: list[ProjectBrief]
    visits: list[VisitBrief]
    press: list[PressBrief]
    upcoming: list[UpcomingDate]


def _split(b: Briefing) -> tuple[Part, Part]:
    def part(secret: bool) -> Part:
        def pick(rows: Sequence[R]) -> list[R]:
            return [r for r in rows if bool(getattr(r, "confidential", False)) is secret]
        return Part(session=b.last_session is not None and b.last_session.confidential is secret,
                    followup=pick(b.conclusions_followup), commitments=pick(b.open_commitments),
                    agreements=pick(b.agreements), projects=pick(b.projects), visits=pick(b.previous_visits),
                    press=pick(b.press), upcoming=pick(b.upcoming))
    return part(False), part(True)


def _sections(b: Briefing, part: Part, fmt: Formatter, main: bool) -> list[Section]:
    _ = fmt._
    sections: list[Section] = []

    def add(key: str, blocks: list[Block]) -> None:
        if main or blocks:
            sections.append(Section(key, _(HEADINGS[key]), blocks or [Block("note", text=_("None recorded."))]))

    if main and b.visit is not None:
        add("visit", _visit_blocks(b.visit, fmt))
        add("objectives", [Block("text", text=b.visit.objectives)] if b.visit.objectives else [
            Block("note", text=_("None recorded yet: add them on the visit's page."))])
    add("session", _session_blocks(b, part, fmt))
    summary = _summary(b, fmt) if main else {}
    add("commitments", summary.get("commitments", []) + _table(part.commitments, fmt, _commitment_table)
        + _omitted(b, "open_commitments", fmt, main))
    add("agreements", _table(part.agreements, fmt, _agreement_table) + _omitted(b, "agreements", fmt, main))
    add("projects", summary.get("projects", []) + _table(part.projects, fmt, _project_table)
        + _omitted(b, "projects", fmt, main))
    if main:
        add("people", _people_blocks(b, fmt) + _omitted(b, "people", fmt, main))
    add("visits", _table(part.visits, fmt, _visits_table))
    add("press", [Block("bullets", items=[_press_line(x, fmt) for x in part.press])] if part.press else [])
    add("upcoming", _table(part.upcoming, fmt, _upcoming_table))
    if main and b.charts:
        add("charts", [_chart_block(chart, fmt) for chart in b.charts])
    return sections


def _chart_block(chart: Chart, fmt: Formatter) -> Block:
    """A chart as its SVG (``dashboard/svg.py``, the dashboard's drawing) and its table twin: rows × series."""
    _ = fmt._

    def name(group: str, code: str) -> str:
        return label(_, group, code, fmt.pgettext)

    rows = [[name(chart.label_group, row.key) if chart.label_group else row.label,
             *[fmt.number(cell.value) for cell in row.cells]] for row in chart.rows]
    return Block("chart", text=_(chart.title), svg=str(chart_svg(chart, fmt, name)),
                 headers=[_(chart.row_title), *[_(chart.series_labels[s]) for s in chart.series]],
                 rows=rows or [[_("No records yet.")] + [""] * len(chart.series)], marked=[False] * max(len(rows), 1))


def _summary(b: Briefing, fmt: Formatter) -> dict[str, list[Block]]:
    """The counts over the whole partnership above the (limited) lists of commitments and projects."""
    _ = fmt._
    figures = b.figures
    blocks: dict[str, list[Block]] = {}
    if figures.get("open_commitments"):
        blocks["commitments"] = [Block("facts", facts=[
            (_("Open commitments"), fmt.number(figures["open_commitments"])),
            (_("Overdue"), fmt.number(figures.get("overdue_commitments", 0)))])]
    if figures.get("projects"):
        facts = [(_("Projects"), fmt.number(figures["projects"]))]
        if b.budgets:
            facts.append((_("Total budget"), ", ".join(fmt.money(v, c) for c, v in b.budgets.items())))
        blocks["projects"] = [Block("facts", facts=facts)]
    return blocks


def _omitted(b: Briefing, name: str, fmt: Formatter, main: bool = True) -> list[Block]:
    """Under a list cut short: how many rows are not printed and where the complete list is."""
    count = b.omitted.get(name)
    if not count or not main:
        return []
    text = fmt.ngettext("%(num)d more row is not printed here (the most pressing come first).",
                        "%(num)d more rows are not printed here (the most pressing come first).", count) \
        % {"num": count}
    link = b.complete_lists.get(name)
    if link:
        text += " " + fmt._("The complete list: %(link)s") % {"link": link}
    return [Block("note", text=text)]


def _dates(start: Any, end: Any, fmt: Formatter) -> str:
    if start and end and end != start:
        return f"{fmt.date(start)} – {fmt.date(end)}"
    return fmt.date(start) if start else fmt._("Undated")


def _visit_blocks(v: VisitBrief, fmt: Formatter) -> list[Block]:
    _ = fmt._
    facts = [(_("From country"), fmt.country(v.from_country_code)), (_("To country"), fmt.country(v.to_country_code)),
             (_("Dates"), _dates(v.start_date, v.end_date, fmt))]
    if v.members:
        facts.append((_("Delegation members"), ", ".join(v.members)))
    if v.organizations_met:
        facts.append((_("Organisations met"), ", ".join(v.organizations_met)))
    blocks = [Block("facts", facts=facts)]
    if v.purpose:
        blocks.append(Block("text", text=v.purpose))
    return blocks


def _session_blocks(b: Briefing, part: Part, fmt: Formatter) -> list[Block]:
    _ = fmt._
    blocks: list[Block] = []
    s = b.last_session
    if s is not None and part.session:
        place = ", ".join(x for x in (s.city or "", fmt.country(s.country_code)) if x)
        blocks.append(Block("facts", facts=[
            (_("Committee"), s.committee), (_("Session"), _("Session %(number)s") % {"number": s.number}),
            (_("Dates"), _dates(s.start_date, s.end_date, fmt)), (_("Place"), place)]))
        if s.conclusions:
            blocks.append(Block("text", text=s.conclusions))
    if part.followup:
        blocks += _table(part.followup, fmt, _commitment_table)
        blocks += _omitted(b, "conclusions_followup", fmt)
    return blocks


TableRows = tuple[list[str], list[list[str]], list[bool]]
#: column widths (percent) of each table, by the function that builds it
WIDTHS = {"_commitment_table": [36, 11, 15, 14, 24], "_agreement_table": [42, 16, 14, 14, 14],
          "_project_table": [38, 12, 18, 14, 18], "_visits_table": [22, 26, 52], "_upcoming_table": [16, 20, 64]}


def _table(rows: Sequence[R], fmt: Formatter, build: Callable[[Sequence[R], Formatter], TableRows]) -> list[Block]:
    if not rows:
        return []
    headers, cells, marked = build(rows, fmt)
    return [Block("table", headers=headers, rows=cells, marked=marked, widths=WIDTHS[build.__name__])]


def _commitment_table(rows: Sequence[CommitmentBrief], fmt: Formatter) -> TableRows:
    _ = fmt._
    headers = [_("Commitment"), _("Due"), _("Status"), _("Responsible"), _("Latest progress")]
    cells = []
    for c in rows:
        status = label(_, "commitment_status", c.status, fmt.pgettext)
        if c.overdue and c.status != "overdue":
            status += " · " + label(_, "commitment_status", "overdue", fmt.pgettext)
        status += " · " + label(_, "completion", c.completion, fmt.pgettext)
        progress = _("No progress reported")
        if c.last_update:
            progress = labelled(_, fmt.date(c.last_update), c.last_note or "")
        cells.append([c.text, fmt.date(c.due_date), status, ", ".join(c.responsible), progress])
    return headers, cells, [c.overdue for c in rows]


def _agreement_table(rows: Sequence[AgreementBrief], fmt: Formatter) -> TableRows:
    _ = fmt._
    headers = [_("Agreement"), _("Type"), _("Status"), _("Signed"), _("Expires")]
    cells = [[a.title, label(_, "agreement_kind", a.kind), label(_, "agreement_status", a.status, fmt.pgettext),
              fmt.date(a.signed_date),
              fmt.date(a.expiry_date) + (f" ({_('expires soon')})" if a.expires_soon else "")] for a in rows]
    return headers, cells, [a.expires_soon for a in rows]


def _project_table(rows: Sequence[ProjectBrief], fmt: Formatter) -> TableRows:
    _ = fmt._
    headers = [_("Project"), _("Status"), _("Dates"), _("Budget"), _("Funding")]
    cells = [[p.title, label(_, "project_status", p.status, fmt.pgettext), _dates(p.start_date, p.end_date, fmt),
              fmt.money(p.budget, p.currency), "; ".join(x for x in [p.programme or "", *p.funders] if x)]
             for p in rows]
    return headers, cells, [False] * len(rows)


def _people_blocks(b: Briefing, fmt: Formatter) -> list[Block]:
    _ = fmt._
    if not b.people:
        return []
    cells = [[p.name, p.position or "", p.organization or "", fmt.country(p.country_code), _(PEOPLE_WHY[p.why])]
             for p in b.people]
    return [Block("table", headers=[_("Name"), _("Position"), _("Organisation"), _("Country"), _("Why")],
                  rows=cells, marked=[False] * len(cells), widths=[24, 20, 26, 12, 18])]


def _visits_table(rows: Sequence[VisitBrief], fmt: Formatter) -> TableRows:
    _ = fmt._
    headers = [_("Dates"), _("Visit"), _("Purpose")]
    cells = [[_dates(v.start_date, v.end_date, fmt), f"{fmt.country(v.from_country_code)} → "
              f"{fmt.country(v.to_country_code)}", v.purpose or ""] for v in rows]
    return headers, cells, [False] * len(rows)


def _press_line(item: PressBrief, fmt: Formatter) -> str:
    when = fmt.date(item.published) if item.published else fmt._("Undated")
    return f"{when} — {item.title}" + (f" ({item.source_url})" if item.source_url else "")


def _upcoming_table(rows: Sequence[UpcomingDate], fmt: Formatter) -> TableRows:
    _ = fmt._
    headers = [_("Date"), _("What"), _("Title")]
    cells = []
    for u in rows:
        title = u.title
        if u.kind == "anniversary":
            title = _("%(years)s years of diplomatic relations") % {"years": u.title}
        cells.append([fmt.date(u.date), _(UPCOMING_KIND[u.kind]), title])
    return headers, cells, [False] * len(rows)
