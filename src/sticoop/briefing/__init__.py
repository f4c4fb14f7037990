"""The briefing pack: one document, built from live data, that an official takes on a visit or into a session —
purpose and logistics, objectives and points to make, the last session and what became of its conclusions,
open commitments, agreements, projects, people to meet, previous visits, recent press and upcoming dates.

``service.build_briefing`` reads (one data structure, :class:`~sticoop.briefing.schemas.Briefing`);
``layout`` turns it into localised sections; ``render`` writes them as HTML (Jinja2), PDF (WeasyPrint, from
that HTML) or DOCX (python-docx); ``service.store_pack`` keeps each generated file as a document with what it
was built from (``models.BriefingPack``)."""
