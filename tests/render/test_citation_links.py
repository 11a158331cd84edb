"""Citations as the reader follows them: three or more sources in a row print as
their two ends, each still a link; in the PDF every citation link lands on the page
of the source it names; a long run of citations still breaks across lines; the
sources annex numbers its entries in the text."""

from __future__ import annotations

import re

import lxml.html
import pytest
from pypdf import PdfReader

from briefgen.render.environment import citation_runs, make_environment, search_path
from briefgen.render.output import render_brief


@pytest.mark.parametrize(
    ("numbers", "runs"),
    [
        ([], []),
        ([7], [(7,)]),
        ([3, 4], [(3,), (4,)]),  # two in a row stay two
        ([3, 4, 5, 6, 9], [(3, 6), (9,)]),
        ([2, 10, 11, 12, 14, 15], [(2,), (10, 12), (14,), (15,)]),
        ([5, 4, 3], [(5,), (4,), (3,)]),  # only rising runs: the order given is kept
    ],
)
def test_citation_runs(numbers, runs):
    assert citation_runs(numbers) == runs


def cite_html(config, numbers: list[int]) -> str:
    env = make_environment(search_path(config))
    macros = env.get_template("macros.html.j2").make_module({})
    return str(macros.cite(numbers))


def test_a_run_prints_its_ends_each_a_link_to_its_own_source(config):
    links = lxml.html.fragment_fromstring(cite_html(config, [3, 4, 5, 6, 9]), create_parent="p")
    anchors = links.xpath("//a[@class='cite']")
    assert [a.get("href") for a in anchors] == ["#src-3", "#src-6", "#src-9"]
    assert links.text_content() == "[3]–[6][9]"


def test_citations_in_the_pdf_land_on_the_page_of_their_source(config, make_weekly, tmp_path):
    [pdf] = render_brief(config, make_weekly(), ["pdf"], tmp_path, "weekly-links")
    reader = PdfReader(pdf)
    texts = [page.extract_text() for page in reader.pages]
    cited = set()
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            dest = str(link.get("/Dest", ""))
            if dest.startswith("src-"):
                cited.add(dest)
    assert len(cited) >= 3
    for name in cited:
        number = name[len("src-") :]
        target = reader.get_destination_page_number(reader.named_destinations[name])
        # The entry opens with its number written in the text: "4. Title. Outlet ..."
        assert re.search(rf"(^|\n){number}\. \S", texts[target]), (name, target)


def test_a_long_run_of_citations_breaks_across_lines(config, tmp_path):
    import weasyprint

    css = (search_path(config).styles[-1] / "brief.css").read_text(encoding="utf-8")
    run = cite_html(config, list(range(1, 60, 2)))  # 30 citations, no two in a row
    html = f"<style>{css} @page {{ size: 70mm 200mm; margin: 5mm }}</style><p>Sources {run}</p>"
    text = weasyprint.HTML(string=html).write_pdf()
    path = tmp_path / "run.pdf"
    path.write_bytes(text)
    lines = [line for line in PdfReader(path).pages[0].extract_text().splitlines() if line]
    assert len(lines) >= 3
    assert all(re.fullmatch(r"(Sources )?(\[\d+\])+", line.strip()) for line in lines), lines
