"""The analyst's corrections end to end on the example project: correct, reject and
add with `briefgen correct`, rebuild the extraction, and find them in the brief
(HTML and PDF) and in `briefgen events --format json`."""

from __future__ import annotations

import json

from pypdf import PdfReader


def events_json(cli, project):
    result = cli(project, "events", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def pick(events, **wanted):
    return next(e for e in events if all(e[k] == v for k, v in wanted.items()))


def test_corrections_survive_a_rebuild_and_show_in_the_brief(stored_project, cli, tmp_path):
    events = events_json(cli, stored_project)
    moscow = pick(events, location="Moscow", type="attack")
    plot = pick(events, location="Stockholm")
    others = {e["id"] for e in events} - {moscow["id"], plot["id"]}

    fixed = cli(
        stored_project, "correct", moscow["id"], "killed=at least 140", "--by", "Test Analyst"
    )
    assert fixed.exit_code == 0, fixed.output
    assert cli(stored_project, "correct", plot["id"], "--reject", "test: not a plot").exit_code == 0
    added = cli(
        stored_project,
        "correct",
        "--add",
        "--article",
        "009-kandahar-bank-bombing.txt",
        "--evidence",
        "Doctors at Mirwais Regional Hospital said they had received dozens of patients",
        "type=attack",
        "date=2024-03-21",
        "location=Kandahar",
        "country=Afghanistan",
        "perpetrator=ISKP",
    )
    assert added.exit_code == 0, added.output
    added_id = added.stdout.split()[0]
    saved = (stored_project / "corrections.yaml").read_text()
    assert "from: '137'" in saved or 'from: "137"' in saved or "from: 137" in saved
    assert "to: at least 140" in saved and "by: Test Analyst" in saved

    assert cli(stored_project, "extract", "--rebuild").exit_code == 0
    after = events_json(cli, stored_project)
    assert others <= {e["id"] for e in after}  # the other events keep their ids
    moscow_now = pick(after, id=moscow["id"])
    assert moscow_now["corrected"]["killed"]["from"] == "137"
    assert moscow_now["corrected"]["killed"]["to"] == "at least 140"
    assert moscow_now["corrected"]["killed"]["by"] == "Test Analyst"
    assert pick(after, id=plot["id"])["rejected"] is True
    assert pick(after, id=added_id)["added"] is True

    out = tmp_path / "out"
    brief = cli(stored_project, "brief", "weekly", "--out", str(out), "--issued", "2024-03-25")
    assert brief.exit_code == 0, brief.output
    html = next(out.glob("*.html")).read_text(encoding="utf-8")
    assert 'at least 140<span class="corrected"' in html
    assert plot["id"] not in html
    assert added_id in html and "Added by the analyst" in html
    [item] = [li for li in html.split("<li>") if added_id in li and "Added by the analyst" in li][
        :1
    ]
    assert 'class="cite" href="#src-' in item  # cited to the article its evidence is in
    assert "3 corrections by the analyst are applied" in html
    text = "".join(p.extract_text() for p in PdfReader(next(out.glob("*.pdf"))).pages)
    assert "at least 140†" in text.replace(" ", "") or "atleast140†" in text.replace(" ", "")


def test_an_orphaned_correction_is_listed_and_warned_about(stored_project, cli, tmp_path):
    (stored_project / "corrections.yaml").write_text(
        "corrections:\n- {id: E-0123456789, field: killed, from: '3', to: '4', by: a, at: b}\n"
    )
    check = cli(stored_project, "corrections", "check")
    assert check.exit_code == 1
    assert (
        "orphan: E-0123456789" in check.stdout and "no event or quote has this id" in check.stdout
    )
    listed = cli(stored_project, "corrections", "list")
    assert "E-0123456789  killed: 3 -> 4" in listed.stdout
    brief = cli(stored_project, "brief", "weekly", "--format", "html", "--out", str(tmp_path))
    assert brief.exit_code == 0
    assert "warning: correction E-0123456789 (killed) not applied" in brief.stderr
