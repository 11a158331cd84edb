"""`briefgen init DIR`: a project of one's own whose briefs cite only its own articles."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from briefgen.cli import app
from briefgen.config import load

runner = CliRunner()

OWN = {
    "one.md": (
        "Checkpoint bombing in Jalalabad",
        "Own Desk",
        "2024-03-20",
        "A suicide bomber killed four soldiers at a checkpoint in the eastern Afghan city "
        "of Jalalabad on Wednesday, officials said. IS-K claimed the bombing.",
    ),
    "two.md": (
        "Arrests after the Jalalabad bombing",
        "Second Own Desk",
        "2024-03-22",
        "A suicide bomber killed four soldiers at a checkpoint in Jalalabad on Wednesday, "
        "and police arrested three men suspected of helping him.",
    ),
}


def run(*args):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_init_writes_a_project_and_never_overwrites(tmp_path):
    folder = tmp_path / "proj"
    first = run("init", str(folder))
    assert first.exit_code == 0, first.output
    for name in ("config.yaml", "corrections.yaml", "README.md"):
        assert (folder / name).is_file()
    assert (folder / "judgments").is_dir() and (folder / "articles").is_dir()
    config = load(folder / "config.yaml")
    assert config.corpus == ["articles"] and config.store.startswith("out/")
    assert config.sources == {} and config.output.author is None
    assert "briefgen brief weekly" in (folder / "README.md").read_text()
    (folder / "config.yaml").write_text((folder / "config.yaml").read_text() + "# mine\n")
    again = run("init", str(folder))
    assert again.exit_code == 0 and "kept" in again.stderr
    assert (folder / "config.yaml").read_text().endswith("# mine\n")


def test_a_brief_of_ones_own_cites_only_ones_own_articles(tmp_path):
    folder, mine = tmp_path / "proj", tmp_path / "my-articles"
    mine.mkdir()
    for name, (title, outlet, day, text) in OWN.items():
        (mine / name).write_text(
            f"---\ntitle: {title}\nsource: {outlet}\npublished: {day}\n---\n{text}\n"
        )
    assert run("init", str(folder)).exit_code == 0
    config = str(folder / "config.yaml")
    assert run("--config", config, "ingest", str(mine)).exit_code == 0
    brief = run("--config", config, "brief", "weekly", "--format", "html")
    assert brief.exit_code == 0, brief.output
    html = next((folder / "out").glob("weekly-*.html")).read_text(encoding="utf-8")
    cited = set(re.findall(r'<li id="src-\d+"[^>]*>\d+\. “([^<]*?)”\. ', html))
    assert cited == {title for title, *_ in OWN.values()}
