"""Write a laid-out pack (``layout.Pack``) as HTML (Jinja2), PDF (WeasyPrint, from that HTML) or DOCX
(python-docx), and :func:`generate`: build, write and store a pack in one call — the function a route or a
background job calls.

Output is deterministic: the same records, day, user and language give the same bytes (the DOCX's dates
and zip timestamps are fixed), so a pack asked for twice is stored once.
"""

from __future__ import annotations

import functools
import io
import zipfile
from datetime import UTC, date, datetime, time
from typing import Any

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt, RGBColor
from docx.text.paragraph import Paragraph
from sqlalchemy.orm import Session as DbSession

from sticoop.briefing.fonts import FONT_STACK, LATIN, docx_fonts, script_lang
from sticoop.briefing.layout import Block, Pack, Section, lay_out
from sticoop.briefing.models import BriefingPack
from sticoop.briefing.schemas import Briefing
from sticoop.briefing.service import BAD_FORMAT, FORMATS, build_briefing, store_pack
from sticoop.core.errors import Unavailable, ValidationFailed
from sticoop.core.i18n import Formatter
from sticoop.core.labels import N_
from sticoop.core.principal import Principal
from sticoop.web.render import environment


def html_of(pack: Pack) -> str:
    """The pack as one self-contained HTML page (styles inline, no script, no external resource)."""
    return environment.get_template("briefing/pack.html").render(
        pack=pack, font_stack=FONT_STACK, script_lang=script_lang)


@functools.cache
def _font_config() -> Any:
    """WeasyPrint's font configuration, made once per process: fontconfig's font list is read once, and
    the fonts a pack used stay loaded for the next pack."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()

#: the refusal of a PDF on a machine without Pango (a message code, translated where a job shows it)
NO_PANGO = N_("PDF briefing packs need the Pango library (Debian: apt-get install libpango-1.0-0 "
              "libpangoft2-1.0-0); the HTML and DOCX packs work without it")


def pdf_of(html: str) -> bytes:
    """The HTML printed to PDF by WeasyPrint (fonts through fontconfig: see ``briefing/fonts.py``; one font
    configuration per process). Raises Unavailable (503) when the Pango library WeasyPrint needs is missing."""
    try:
        from weasyprint import HTML
    except OSError as exc:  # WeasyPrint loads Pango at import time
        raise Unavailable(NO_PANGO, params={}) from exc
    return bytes(HTML(string=html).write_pdf(font_config=_font_config()))


def docx_of(pack: Pack, as_of: date) -> bytes:
    """The pack as a Word document: the same sections, facts, paragraphs, tables and lists as the HTML."""
    doc = new_docx()
    _default_fonts(doc)
    created = datetime.combine(as_of, time(12), tzinfo=UTC)
    doc.core_properties.title = pack.title
    doc.core_properties.language = pack.locale
    doc.core_properties.created = doc.core_properties.modified = created
    doc.core_properties.author = doc.core_properties.last_modified_by = "sticoop"
    doc.core_properties.revision = 1
    _run(doc.add_heading(level=0), pack.title)
    _run(doc.add_paragraph(), pack.subtitle, italic=True)
    if pack.banner:
        _run(doc.add_paragraph(), pack.banner, bold=True, colour=RGBColor(0xAA, 0, 0))
    _facts(doc, pack.facts)
    for section in pack.sections:
        _section(doc, section, 1)
    if pack.background:
        _run(doc.add_heading(level=1), pack.background_heading, colour=RGBColor(0xAA, 0, 0))
        for section in pack.background:
            _section(doc, section, 2)
    _run(doc.add_paragraph(), pack.footer, italic=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _default_fonts(doc: DocxDocument) -> None:
    """Noto Sans for Latin, and named families for East Asian and complex scripts, as the document default."""
    r_fonts = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(
        qn("w:rFonts"))
    for attribute in list(r_fonts.attrib):
        if attribute.endswith("Theme"):
            del r_fonts.attrib[attribute]
    for attribute, family in (("ascii", LATIN), ("hAnsi", LATIN), ("eastAsia", "Noto Sans CJK SC"),
                              ("cs", LATIN)):
        r_fonts.set(qn(f"w:{attribute}"), family)


def _run(paragraph: Paragraph, text: str, bold: bool = False, italic: bool = False,
         colour: RGBColor | None = None) -> None:
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    if colour is not None:
        run.font.color.rgb = colour
    extra = docx_fonts(text)
    if extra:
        r_pr = run._r.get_or_add_rPr()
        r_fonts = r_pr.find(qn("w:rFonts"))
        if r_fonts is None:
            r_fonts = OxmlElement("w:rFonts")
            r_pr.insert(0, r_fonts)
        for attribute, value in extra.items():
            r_fonts.set(qn(f"w:{attribute}"), value)


def _facts(doc: DocxDocument, facts: list[tuple[str, str]]) -> None:
    for key, value in facts:
        paragraph = doc.add_paragraph()
        _run(paragraph, f"{key}: ", bold=True)
        _run(paragraph, value)


def _section(doc: DocxDocument, section: Section, level: int) -> None:
    _run(doc.add_heading(level=level), section.heading)
    for block in section.blocks:
        _block(doc, block)


def _block(doc: DocxDocument, block: Block) -> None:
    if block.kind == "facts":
        _facts(doc, block.facts)
    elif block.kind == "text":
        for line in block.text.splitlines() or [""]:
            _run(doc.add_paragraph(), line)
    elif block.kind == "note":
        _run(doc.add_paragraph(), block.text, italic=True)
    elif block.kind == "bullets":
        for item in block.items:
            _run(doc.add_paragraph(style="List Bullet"), item)
    elif block.kind == "table":
        _table(doc, block)
    elif block.kind == "chart":  # python-docx takes no SVG: the same SVG as a PNG, its table twin below
        _run(doc.add_paragraph(), block.text, bold=True)
        png = chart_png(block.svg)
        if png is not None:
            page_width = doc.sections[0].page_width or Emu(7772400)
            doc.add_picture(io.BytesIO(png), width=Emu(int(page_width * 0.8)))
        _table(doc, block)


#: the PNG of a chart is drawn at this many pixels a side's SVG unit (sharp when printed at 80 % of a page)
PNG_SCALE = 2


def chart_png(svg: str) -> bytes | None:
    """A chart's SVG (``dashboard/svg.py``, the drawing HTML and PDF packs show) rendered offline to PNG by
    CairoSVG (libcairo 2, fonts through fontconfig), ``PNG_SCALE`` pixels per SVG unit, the same bytes for the
    same SVG; None when there is no SVG or CairoSVG or libcairo is missing (Debian: ``libcairo2``), and the
    DOCX then has the chart's table twin alone."""
    if not svg:
        return None
    try:
        import cairosvg
    except (ImportError, OSError):  # cairocffi loads libcairo at import time
        return None
    return bytes(cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=PNG_SCALE))


def _table(doc: DocxDocument, block: Block) -> None:
    table = doc.add_table(rows=1 + len(block.rows), cols=len(block.headers))
    table.style = "Table Grid"
    page_width = doc.sections[0].page_width or Emu(7772400)  # the default template's Letter width
    for column, width in zip(table.columns, block.widths, strict=False):
        column.width = Emu(int(page_width * 0.8 * width / 100))
    rows = table.rows
    for i, header in enumerate(block.headers):
        _run(rows[0].cells[i].paragraphs[0], header, bold=True)
    for r, (row, marked) in enumerate(zip(block.rows, block.marked, strict=True), start=1):
        cells = rows[r].cells
        for i, text in enumerate(row):
            paragraph = cells[i].paragraphs[0]
            _run(paragraph, text, bold=marked and i == 0)
            paragraph.paragraph_format.space_after = Pt(0)


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with every entry dated 1980-01-01, so equal content gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def write(briefing: Briefing, fmt: str) -> bytes:
    """The pack's file in ``fmt`` (pdf, docx or html), in the briefing's language."""
    if fmt not in FORMATS:
        raise ValidationFailed(BAD_FORMAT, field="format", params={"formats": ", ".join(FORMATS)})
    pack = lay_out(briefing, Formatter(briefing.locale))
    if fmt == "docx":
        return docx_of(pack, briefing.as_of)
    html = html_of(pack)
    return pdf_of(html) if fmt == "pdf" else html.encode("utf-8")


def generate(db: DbSession, principal: Principal | None, partnership_id: int, fmt: str,
             visit_id: int | None = None, as_of: date | None = None, locale: str = "en") -> BriefingPack:
    """Build the pack (``service.build_briefing``), write it in ``fmt`` and store it as a document with its
    provenance (``service.store_pack``), in ``db``'s transaction (the caller commits). Errors as
    ``build_briefing``; 422 for an unknown format."""
    if fmt not in FORMATS:
        raise ValidationFailed(BAD_FORMAT, field="format", params={"formats": ", ".join(FORMATS)})
    briefing = build_briefing(db, principal, partnership_id, visit_id, as_of, locale)
    return store_pack(db, briefing, write(briefing, fmt), fmt, visit_id, principal)
