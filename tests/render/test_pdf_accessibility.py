"""Tagged PDF/UA-1 and PDF/A-3b briefs, read back with pypdf: the structure tree and
what it says (headings in page order, lists, tables with header cells, links, figures
with their numbers), the catalog flags, and metadata that agrees between the
document information and XMP."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import lxml.html
import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from briefgen.config import load
from briefgen.errors import ConfigError
from briefgen.render.accessible import chart_alt, keywords, pdf_options
from briefgen.render.output import render_brief, render_html

TAGGED = ["pdf/ua-1", "pdf/a-3b"]
VARIANTS = [*TAGGED, "none"]
DC = "http://purl.org/dc/elements/1.1/"
PDF_NS = "http://ns.adobe.com/pdf/1.3/"
XMP_NS = "http://ns.adobe.com/xap/1.0/"
PDFUAID = "http://www.aiim.org/pdfua/ns/id/"


class StructTree:
    """The structure tree of a PDF, each element with the text of its marked content."""

    def __init__(self, path: Path):
        self.reader = PdfReader(path)
        self.catalog = self.reader.trailer["/Root"]
        self.pages = {page.indirect_reference.idnum: i for i, page in enumerate(self.reader.pages)}
        self.marked = self._marked_text()

    def _marked_text(self) -> dict[tuple[int, int], str]:
        """Text shown inside each marked-content sequence, by (page, MCID)."""
        found: dict[tuple[int, int], str] = {}
        for number, page in enumerate(self.reader.pages):
            stack: list[int | None] = []

            def before(op, args, cm, tm, stack=stack):
                if op == b"BDC":
                    props = args[1] if len(args) > 1 else None
                    stack.append(props.get("/MCID") if isinstance(props, dict) else None)
                elif op == b"BMC":
                    stack.append(None)
                elif op == b"EMC" and stack:
                    stack.pop()

            def text(t, cm, tm, font, size, stack=stack, number=number):
                mcid = next((m for m in reversed(stack) if m is not None), None)
                if mcid is not None:
                    key = (number, int(mcid))
                    found[key] = found.get(key, "") + t

            page.extract_text(visitor_operand_before=before, visitor_text=text)
        return found

    @staticmethod
    def kids(element: DictionaryObject) -> list:
        kids = element.get("/K", [])
        kids = kids if isinstance(kids, list) else [kids]
        return [k.get_object() if isinstance(k, IndirectObject) else k for k in kids]

    def elements(self, element=None):
        """Every structure element, depth first: the tree's reading order."""
        element = element if element is not None else self.catalog["/StructTreeRoot"]
        for kid in self.kids(element):
            if isinstance(kid, DictionaryObject) and kid.get("/Type") == "/StructElem":
                yield kid
                yield from self.elements(kid)

    def text(self, element: DictionaryObject) -> str:
        parts = []
        for kid in self.kids(element):
            if isinstance(kid, int):
                parts.append(
                    self.marked.get((self.pages[element.raw_get("/Pg").idnum], int(kid)), "")
                )
            elif isinstance(kid, DictionaryObject) and kid.get("/Type") == "/StructElem":
                parts.append(self.text(kid))
        return " ".join(" ".join(parts).split())

    def of_type(self, *tags: str) -> list[DictionaryObject]:
        return [e for e in self.elements() if e["/S"] in tags]


@pytest.fixture(scope="module")
def weekly_context(make_weekly):
    return make_weekly()


@pytest.fixture(scope="module")
def pdfs(config, weekly_context, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("variants")
    return {
        variant: render_brief(
            config, weekly_context, ["pdf"], out / variant.replace("/", "-"), "weekly", variant
        )[0]
        for variant in VARIANTS
    }


@pytest.fixture(scope="module")
def trees(pdfs) -> dict[str, StructTree]:
    return {variant: StructTree(pdfs[variant]) for variant in TAGGED}


@pytest.mark.parametrize("variant", TAGGED)
def test_tagged_variants_are_marked_with_a_language_and_a_structure_tree(variant, trees):
    catalog = trees[variant].catalog
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"]  # a pypdf BooleanObject, not True
    assert catalog["/Lang"] == "en"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"]


def test_the_untagged_variant_claims_no_structure_and_no_standard(pdfs):
    reader = PdfReader(pdfs["none"])
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" not in catalog and "/MarkInfo" not in catalog
    assert reader.xmp_metadata is None


@pytest.mark.parametrize("variant", TAGGED)
def test_headings_follow_the_page_in_reading_order(variant, trees, config, weekly_context):
    tree = trees[variant]
    headings = [(e["/S"], tree.text(e)) for e in tree.of_type("/H1", "/H2")]
    sections = [section.title for section in config.briefs["weekly"].sections]
    assert headings == [("/H1", weekly_context["brief"]["title"]), ("/H2", "Contents")] + [
        ("/H2", title) for title in sections
    ]
    # The pages of the tree's content never go back: reading order follows the page.
    pages = [tree.pages[e.raw_get("/Pg").idnum] for e in tree.elements() if "/Pg" in e]
    assert pages == sorted(pages) and pages[-1] == len(tree.reader.pages) - 1


@pytest.mark.parametrize("variant", TAGGED)
def test_lists_links_and_tables_with_header_cells_are_tagged(variant, trees):
    tree = trees[variant]
    assert len(tree.of_type("/L")) >= 4 and tree.of_type("/LI") and tree.of_type("/Lbl")
    links = tree.of_type("/Link")
    # Contents entries and citations: each link holds its annotation.
    assert len(links) > 20
    assert all(
        any(isinstance(k, DictionaryObject) and k.get("/Type") == "/OBJR" for k in tree.kids(link))
        for link in links
    )
    timeline = next(t for t in tree.of_type("/Table") if "Perpetrator" in tree.text(t))
    headers = [e for e in tree.elements(timeline) if e["/S"] == "/TH"]
    assert [tree.text(h) for h in headers] == [
        "Date",
        "Event",
        "Place",
        "Perpetrator",
        "Claim",
        "Killed",
        "Wounded",
        "Sources",
    ]
    ids = {str(h["/ID"]) for h in headers}
    cells = [e for e in tree.elements(timeline) if e["/S"] == "/TD"]
    assert cells and all(
        {str(i) for i in c["/A"]["/Headers"]} <= ids and c["/A"]["/Headers"] for c in cells
    )


@pytest.mark.parametrize("variant", TAGGED)
def test_every_figure_has_alternative_text_stating_its_numbers(variant, trees, weekly_context):
    figures = trees[variant].of_type("/Figure")
    charts = next(s for s in weekly_context["sections"] if s["template"] == "charts")
    shown = [charts[key] for key in ("series", "killed_by_country") if charts.get(key)]
    assert len(figures) == len(shown) == 2
    for figure, series in zip(figures, shown, strict=False):
        alt = str(figure["/Alt"])
        for item in series:
            assert f"{item['label']} {item['value']:,}" in alt


def xmp_values(reader: PdfReader) -> dict[str, str]:
    """Each XMP property of the document, by namespace and name, attributes included."""
    values: dict[str, str] = {}
    for node in reader.xmp_metadata.rdf_root.getElementsByTagNameNS("*", "*"):
        for i in range(node.attributes.length):
            attribute = node.attributes.item(i)
            values[f"{attribute.namespaceURI}{attribute.localName}"] = attribute.value
        text = "".join(c.data for c in node.childNodes if c.nodeType == c.TEXT_NODE).strip()
        if text:
            key = f"{node.namespaceURI}{node.localName}"
            if node.localName == "li":  # dc:title/rdf:Alt/rdf:li: named by the property
                key = f"{node.parentNode.parentNode.namespaceURI}{node.parentNode.parentNode.localName}"
            values[key] = text
    return values


@pytest.mark.parametrize("variant", VARIANTS)
def test_metadata_is_complete_and_the_same_in_info_and_xmp(variant, pdfs, config, weekly_context):
    reader = PdfReader(pdfs[variant])
    info = reader.metadata
    brief = config.briefs["weekly"]
    expected = {
        "/Title": f"{brief.title} — {weekly_context['period']['label']}",
        "/Author": config.output.author,
        "/Subject": brief.marking,
        "/Keywords": ", ".join(keywords(config, "weekly")),
    }
    assert {key: info[key] for key in expected} == expected
    assert (
        expected["/Keywords"]
        == "IS-K and the Taliban, IS-K external attacks and plots, Counterterrorism"
    )
    issued = dt.date.fromisoformat(weekly_context["issued"])
    assert info["/CreationDate"].startswith(f"D:{issued:%Y%m%d}")
    if variant == "none":
        return
    xmp = xmp_values(reader)
    assert xmp[f"{DC}title"] == expected["/Title"]
    assert xmp[f"{DC}creator"] == expected["/Author"]
    assert xmp[f"{DC}description"] == expected["/Subject"]
    assert xmp[f"{PDF_NS}Keywords"] == expected["/Keywords"]
    assert xmp[f"{XMP_NS}CreateDate"] == issued.isoformat()
    assert xmp[f"{XMP_NS}CreatorTool"] == info["/Creator"]
    assert xmp[f"{PDF_NS}Producer"] == info["/Producer"]


def test_pdf_a_identifies_itself_with_an_output_intent_and_a_file_identifier(pdfs):
    reader = PdfReader(pdfs["pdf/a-3b"])
    assert (reader.xmp_metadata.pdfaid_part, reader.xmp_metadata.pdfaid_conformance) == ("3", "B")
    [intent] = reader.trailer["/Root"]["/OutputIntents"]
    assert intent["/S"] == "/GTS_PDFA1" and "sRGB" in intent["/OutputConditionIdentifier"]
    assert reader.trailer["/ID"]


def test_pdf_ua_identifies_itself(pdfs):
    reader = PdfReader(pdfs["pdf/ua-1"])
    assert xmp_values(reader)[f"{PDFUAID}part"] == "1"
    assert reader.xmp_metadata.pdfaid_part is None


def test_the_variant_comes_from_the_config_unless_given(config, weekly_context, tmp_path):
    [pdf] = render_brief(config, weekly_context, ["pdf"], tmp_path, "weekly")
    assert config.output.pdf_variant == "pdf/ua-1"
    assert xmp_values(PdfReader(pdf))[f"{PDFUAID}part"] == "1"


def test_brief_takes_pdf_variant_on_the_command_line(stored_project, cli):
    result = cli(stored_project, "brief", "weekly", "--format", "pdf", "--pdf-variant", "pdf/a-3b")
    assert result.exit_code == 0, result.output
    [pdf] = (stored_project / "out").glob("weekly-*.pdf")
    assert PdfReader(pdf).xmp_metadata.pdfaid_part == "3"


@pytest.mark.parametrize(
    ("written", "read"),
    [("pdf/a-3b", "pdf/a-3b"), ("PDF/UA-1", "pdf/ua-1"), ("none", "none"), ("null", "none")],
)
def test_config_accepts_the_three_variants(written, read, project, edit_config):
    edit_config(project, "pdf_variant: pdf/ua-1", f"pdf_variant: {written}")
    assert load(project / "config.yaml").output.pdf_variant == read


def test_config_refuses_an_unknown_variant_with_its_line(project, edit_config):
    edit_config(project, "pdf_variant: pdf/ua-1", "pdf_variant: pdf/x-4")
    with pytest.raises(ConfigError) as caught:
        load(project / "config.yaml")
    assert any("output.pdf_variant" in p and "pdf/ua-1" in p for p in caught.value.problems)


def test_pdf_options_ask_for_tags_in_both_standards():
    assert pdf_options("pdf/a-3b") == {"pdf_variant": "pdf/a-3b", "pdf_tags": True}
    assert pdf_options("none") == {}
    with pytest.raises(ValueError, match="pdf/x-4"):
        pdf_options("pdf/x-4")


def test_chart_alternative_states_every_bar():
    series = [{"label": "Harbour district", "value": 1250}, {"label": "Old town", "value": 0}]
    assert chart_alt("Arrests by district", series, " people") == (
        "Arrests by district: Harbour district 1,250 people; Old town 0 people."
    )
    assert chart_alt("Arrests by district", []) == "Arrests by district: nothing to chart."


def test_keywords_are_the_topics_the_brief_selects_once_each(config):
    weekly = config.briefs["weekly"].model_copy(deep=True)
    weekly.sections[0].select.topics = ["counterterrorism"]  # already selected further down
    cfg = config.model_copy(update={"briefs": {**config.briefs, "weekly": weekly}})
    cfg.topics = {
        **config.topics,
        "counterterrorism": config.topics["counterterrorism"].model_copy(
            update={"title": "Raids, arrests"}
        ),
    }
    assert keywords(cfg, "weekly") == [
        "Raids arrests",
        "IS-K and the Taliban",
        "IS-K external attacks and plots",
    ]
    assert keywords(config, "actor", "IS-K") == ["IS-K"]


@pytest.mark.parametrize("brief", ["weekly", "actor"])
def test_html_charts_tables_and_language_for_screen_readers(brief, config, make_weekly, make_actor):
    context = make_weekly() if brief == "weekly" else make_actor()
    tree = lxml.html.fromstring(render_html(config, context))
    assert tree.get("lang") == "en"
    charts = tree.xpath("//figure[@class='chart']/svg")
    assert charts
    for svg in charts:
        assert svg.get("role") == "img"
        label = svg.get("aria-label")
        assert svg.findtext("title") == label and svg.findtext("desc")
        values = [t.text for t in svg.xpath("text")][1::2]  # label, value, label, value...
        assert values and all(f" {value}" in label for value in values)
    headers = tree.xpath("//th")
    assert headers and all(
        th.get("scope") in ("col", "row") and th.text_content().strip() for th in headers
    )
    if brief == "weekly":
        meta = tree.xpath("//meta[@name='keywords']/@content")
        assert meta == [", ".join(keywords(config, "weekly"))]
