"""`briefgen check` and the key judgments section on the example project."""

from __future__ import annotations


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
