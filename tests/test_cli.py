"""The CLI end to end through Typer's runner, on a copy of the example project."""

import json

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from briefgen.cli import app

runner = CliRunner()


def invoke(project, *args):
    return runner.invoke(
        app, ["--config", str(project / "config.yaml"), *args], catch_exceptions=False
    )


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, root):
    import shutil

    project = tmp_path_factory.mktemp("project")
    shutil.copy(root / "config.yaml", project / "config.yaml")
    shutil.copytree(root / "examples", project / "examples")
    result = invoke(project, "brief", "weekly")
    return project, result


def test_help_lists_the_commands():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("ingest", "extract", "brief", "facts", "eval", "templates"):
        assert command in result.output


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("briefgen ")


def test_weekly_brief_writes_pdf_and_html_and_prints_paths(rendered):
    project, result = rendered
    assert result.exit_code == 0, result.output
    pdf = project / "out" / "weekly-2024-03-18.pdf"
    html = project / "out" / "weekly-2024-03-18.html"
    assert str(pdf) in result.stdout and str(html) in result.stdout
    assert "2024-W12" in result.output  # says which week it chose
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    for title in (
        "Key points",
        "IS-K and the Taliban",
        "IS-K external attacks and plots",
        "Counterterrorism",
        "Sources",
    ):
        assert title in text


def test_second_ingest_adds_nothing(rendered):
    project, _ = rendered
    result = invoke(project, "ingest")
    assert result.exit_code == 0
    assert "0 new" in result.stdout and "already stored" in result.stdout


def test_facts_json_follows_the_scoring_contract(rendered):
    project, _ = rendered
    result = invoke(project, "facts", "--format", "json")
    assert result.exit_code == 0
    facts = json.loads(result.stdout)
    events = [f for f in facts if f["kind"] == "event"]
    assert events, "the example corpus states events"
    for fact in events:
        assert {"kind", "article", "published", "topics", "event", "evidence"} <= set(fact)
        assert {
            "type",
            "date",
            "location",
            "country",
            "perpetrator",
            "claimed_by",
            "attack_type",
            "killed",
            "wounded",
        } <= set(fact["event"])
    assert any(f["article"] == "wire-0001" for f in facts)  # JSON Lines rows are named by id


def test_facts_filters_and_csv(rendered):
    project, _ = rendered
    result = invoke(project, "facts", "--topic", "external_attacks", "--format", "csv")
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("kind,article")
    assert len(lines) > 1 and all(
        "external_attacks" in line for line in lines[1:] if line.count(",") > 3
    )


def test_unknown_brief_is_a_usage_error(rendered):
    project, _ = rendered
    result = invoke(project, "brief", "monthly")
    assert result.exit_code == 2
    assert "unknown brief 'monthly'" in result.output
    assert "Traceback" not in result.output


def test_topics_explain_names_the_rule_behind_each_topic(rendered):
    project, _ = rendered
    result = invoke(project, "topics", "explain", "008-germany-arrests-afghans-stockholm-plot.md")
    assert result.exit_code == 0, result.output
    first, *rest = result.stdout.splitlines()
    assert first.startswith(
        "008-germany-arrests-afghans-stockholm-plot.md: topics counterterrorism, external_attacks"
    )
    assert "      counterterrorism: arrests, raids, strikes and trials" in rest
    assert any(line.startswith("      external_attacks: ") for line in rest)
    missing = invoke(project, "topics", "explain", "no-such-article")
    assert missing.exit_code == 2 and "no article 'no-such-article'" in missing.output
