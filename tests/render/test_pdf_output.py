"""The PDF as a reader gets it: bookmarks, running header and footer, contents with
page numbers, metadata, internal citation links, page size, tables across pages.
Checked by extracted text and structure, never by bytes."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen.render.output import render_brief

A4 = (595, 842)
LETTER = (612, 792)


def pages_text(pdf: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(pdf).pages]


def size(page) -> tuple[int, int]:
    return round(float(page.mediabox.width)), round(float(page.mediabox.height))


@pytest.fixture(scope="module")
def weekly_pdf(config, make_weekly, tmp_path_factory):
    [pdf] = render_brief(
        config, make_weekly(), ["pdf"], tmp_path_factory.mktemp("pdf"), "weekly-test"
    )
    return pdf


@pytest.fixture(scope="module")
def actor_pdf(config, make_actor, tmp_path_factory):
    [pdf] = render_brief(
        config, make_actor(), ["pdf"], tmp_path_factory.mktemp("pdf"), "actor-IS-K"
    )
    return pdf


@pytest.mark.parametrize("brief", ["weekly", "actor"])
def test_one_bookmark_per_section_and_nothing_else(brief, config, weekly_pdf, actor_pdf):
    reader = PdfReader(weekly_pdf if brief == "weekly" else actor_pdf)
    titles = [item.title for item in reader.outline]  # a flat outline: no nested lists
    assert titles == [section.title for section in config.briefs[brief].sections]


@pytest.mark.parametrize("brief", ["weekly", "actor"])
def test_every_page_has_page_n_of_m_and_the_marking_twice(brief, config, weekly_pdf, actor_pdf):
    pages = pages_text(weekly_pdf if brief == "weekly" else actor_pdf)
    marking = config.briefs[brief].marking
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert page.count(marking) >= 2, f"page {number}: marking in the header and the footer"


def test_running_header_carries_the_brief_title(weekly_pdf, config):
    for page in pages_text(weekly_pdf):
        assert config.briefs["weekly"].title in page


def test_contents_lists_sections_with_their_page_numbers(weekly_pdf, config):
    pages = pages_text(weekly_pdf)
    reader = PdfReader(weekly_pdf)
    for section in config.briefs["weekly"].sections:
        match = re.search(rf"{re.escape(section.title)} *(?:\. *)+(\d+)", pages[0])
        assert match, f"{section.title} not in the contents"
        bookmark = next(item for item in reader.outline if item.title == section.title)
        assert int(match.group(1)) == reader.get_destination_page_number(bookmark) + 1


def test_metadata_title_author_and_date(weekly_pdf, config):
    meta = PdfReader(weekly_pdf).metadata
    assert meta.title.startswith(config.briefs["weekly"].title)
    assert meta.author == config.output.author
    assert meta["/CreationDate"].startswith(f"D:{dt.date.today():%Y%m%d}")


def test_citations_are_internal_links(weekly_pdf):
    links = [
        annotation.get_object()
        for page in PdfReader(weekly_pdf).pages
        for annotation in page.get("/Annots") or []
        if annotation.get_object().get("/Subtype") == "/Link"
    ]
    assert links
    for link in links:
        action = link.get("/A")
        assert "/Dest" in link or (action is not None and action.get("/S") == "/GoTo"), link
        assert action is None or "/URI" not in action


def test_a4_by_default(weekly_pdf):
    assert all(size(page) == A4 for page in PdfReader(weekly_pdf).pages)


def test_letter_by_config_and_long_tables_repeat_their_header(config, make_weekly, tmp_path):
    """One render for two checks: a Letter-sized brief of a timeline far longer than a page."""
    letter = config.model_copy(deep=True)
    letter.briefs["weekly"].page_size = "Letter"
    letter.briefs["weekly"].sections = [
        s for s in letter.briefs["weekly"].sections if s.id == "timeline"
    ]
    context = make_weekly(cfg=letter)
    timeline = context["sections"][0]
    assert timeline["events"]
    timeline["events"] = (timeline["events"] * 60)[:90]
    [pdf] = render_brief(letter, context, ["pdf"], tmp_path, "letter")
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 3
    assert all(size(page) == LETTER for page in reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        body = page.extract_text()
        if number > 1 or "Timeline of events" in body:
            assert "Perpetrator" in body and "Wounded" in body, f"page {number}: no header row"
