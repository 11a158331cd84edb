"""`briefgen check` and the key judgments section on the example project."""

from __future__ import annotations

import re

from pypdf import PdfReader


def test_a_clean_file_exits_0_and_renders_with_citations_and_legend(stored_project, cli, tmp_path):
    check = cli(stored_project, "check", "weekly", "--week", "2024-W12")
    assert check.exit_code == 0, check.output
    brief = cli(stored_project, "brief", "weekly", "--format", "html", "--out", str(tmp_path))
    assert brief.exit_code == 0
    html = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    judgments = html.split('<ol class="judgments">')[1].split("</ol>")[0]
    assert judgments.count("<li>") == 3
    assert 'href="#src-1"' in judgments and "[E:" not in judgments
    assert "Estimative language" in html and "roughly even chance" in html and "45–55%" in html


def test_a_flagged_paragraph_exits_1_naming_file_and_line(stored_project, cli, tmp_path):
    path = stored_project / "examples" / "judgments" / "weekly-2024-03-18.md"
    path.write_text(path.read_text() + "\nThe group might regroup quickly.\n", encoding="utf-8")
    check = cli(stored_project, "check")
    assert check.exit_code == 1
    lines = len(path.read_text().splitlines())
    assert (
        f'examples/judgments/weekly-2024-03-18.md:{lines}: "might" is not on the estimative'
        in check.stdout
    )
    brief = cli(stored_project, "brief", "weekly", "--format", "html", "--out", str(tmp_path))
    assert brief.exit_code == 0  # it still renders
    assert f"weekly-2024-03-18.md:{lines}: unsourced judgment" in brief.stderr


def test_a_long_list_of_judgments_starts_under_its_heading_in_the_pdf(
    stored_project, cli, tmp_path
):
    # Longer than what is left of the first page: the list breaks across pages with
    # the scale beside its start, instead of leaving the heading alone on a page.
    path = stored_project / "examples" / "judgments" / "weekly-2024-03-18.md"
    first = next(line for line in path.read_text().splitlines() if line.startswith("- "))
    path.write_text(path.read_text() + f"\n{first}\n" * 12, encoding="utf-8")
    brief = cli(stored_project, "brief", "weekly", "--format", "pdf", "--out", str(tmp_path))
    assert brief.exit_code == 0, brief.output
    pages = [page.extract_text() for page in PdfReader(next(tmp_path.glob("*.pdf"))).pages]
    [heading] = [i for i, text in enumerate(pages) if re.search(r"^Key judgments$", text, re.M)]
    assert "IS-K very likely retains" in pages[heading]
    assert "Estimative language" in pages[heading]
