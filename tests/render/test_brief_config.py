"""Briefs are declared in config.yaml: a wrong template, topic or actor in a
section is a config error with its line, reported by the CLI with exit code 2."""

from __future__ import annotations

import pytest

from briefgen.config import load
from briefgen.errors import ConfigError


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


@pytest.fixture()
def broken(project):
    path = project / "config.yaml"
    text = path.read_text()
    text = text.replace(
        "template: quotes\n        select: {kinds: [quote], limit: 8}",
        "template: quotez\n        select: {kinds: [quote], limit: 8}",
        1,
    )
    text = text.replace(
        "select: {topics: [isk_vs_taliban], limit: 12}",
        "select: {topics: [isk_vs_taliban], actors: [ISIS-KK], limit: 12}",
        1,
    )
    path.write_text(text)
    return path


def test_unknown_section_template_and_actor_are_reported_with_their_lines(broken):
    text = broken.read_text()
    with pytest.raises(ConfigError) as caught:
        load(broken)
    problems = caught.value.problems
    template = [p for p in problems if "quotez" in p]
    assert template and template[0].startswith(
        f"{broken}:{line_of(text, 'template: quotez')}: briefs.weekly.sections[8].template:"
    )
    assert "unknown template 'sections/quotez.html.j2'" in template[0]
    actor = [p for p in problems if "ISIS-KK" in p]
    assert actor and actor[0].startswith(
        f"{broken}:{line_of(text, 'ISIS-KK')}: briefs.weekly.sections[3].select.actors:"
    )
    assert "unknown actor 'ISIS-KK'" in actor[0]


def test_cli_reports_every_config_problem_and_exits_2(broken, cli):
    result = cli(broken.parent, "brief", "weekly")
    assert result.exit_code == 2
    assert "quotez" in result.output and "ISIS-KK" in result.output
    assert "Traceback" not in result.output


def test_a_brief_and_its_sections_are_yaml_alone(project, cli, example_store):
    """A new brief with a user-chosen order and a generic section renders without code."""
    import sqlite3

    path = project / "config.yaml"
    text = path.read_text().replace(
        "\noutput:\n",
        """
  short:
    title: Two-section brief
    kind: period
    marking: "TLP:AMBER"
    page_size: Letter
    sections:
      - id: all-facts
        title: Everything on the Taliban
        template: facts
        select: {actors: [Taliban], kinds: [event, quote], limit: 4}
      - id: sources
        title: Sources
        template: sources

output:
""",
        1,
    )
    path.write_text(text)
    (project / "out").mkdir()
    with sqlite3.connect(project / "out" / "briefgen.sqlite") as copy:
        example_store.db.backup(copy)
    result = cli(project, "brief", "short", "--format", "html")
    assert result.exit_code == 0, result.output
    html = (project / "out" / "short-2024-03-18.html").read_text()
    assert "TLP:AMBER" in html and "Everything on the Taliban" in html
    assert "size: Letter" in html
