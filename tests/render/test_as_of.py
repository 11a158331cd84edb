"""`briefgen brief --as-of` on the example corpus: a past week's brief shows the figures
known by its end; the Kerman toll revised weeks later shows only when asked for."""

from __future__ import annotations

import lxml.html


def brief_text(project, cli, out, *options: str) -> str:
    result = cli(
        project,
        "brief",
        "weekly",
        "--week",
        "2024-W01",
        "--format",
        "html",
        "--out",
        str(out),
        *options,
    )
    assert result.exit_code == 0, result.output
    [written] = out.glob("weekly-*.html")
    body = lxml.html.fromstring(written.read_text(encoding="utf-8")).xpath("//body")[0]
    return " ".join(" ".join(body.itertext()).split())  # "<dt>…</dt><dd>…" read spaced


def test_a_past_week_shows_no_figure_published_after_its_cut_off(stored_project, cli, tmp_path):
    # The first week of January, as it read on 7 January: the first toll only.
    text = brief_text(stored_project, cli, tmp_path / "default")
    assert "Data cut-off 2024-01-07 (the period's end" in text
    assert "at least 103" in text and "about 90" not in text

    # Everything now known, said on the cover: the later revision is shown.
    text = brief_text(stored_project, cli, tmp_path / "latest", "--as-of", "latest")
    assert "--as-of latest: every article in the store" in text
    assert "about 90" in text


def test_a_bad_as_of_is_a_usage_error(stored_project, cli):
    result = cli(stored_project, "brief", "weekly", "--as-of", "last week")
    assert result.exit_code == 2 and "--as-of 'last week'" in result.output
