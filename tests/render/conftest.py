"""Fixtures for rendering: brief contexts from the example store, and a project
folder whose store is a copy of it, so CLI runs ingest and extract nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefgen.cli import app

runner = CliRunner()


def invoke(project: Path, *args: str):
    return runner.invoke(
        app, ["--config", str(project / "config.yaml"), *args], catch_exceptions=False
    )


@pytest.fixture(scope="session")
def example_version(example_store) -> str:
    """The pipeline version the example store was extracted with. Asking
    `pipeline_version` again later could give another one when extraction rules
    change on disk while the tests run."""
    row = example_store.db.execute(
        "SELECT pipeline FROM extractions ORDER BY extracted_at DESC LIMIT 1"
    ).fetchone()
    return row[0]


@pytest.fixture(scope="session")
def brief_data(config, example_store, example_version):
    """A fresh BriefData each call: citation numbers are handed out while building."""
    from briefgen.analysis import analyse
    from briefgen.briefs import BriefData

    def make(cfg=None, extra_articles=()):
        articles = [*example_store.articles(), *extra_articles]
        return BriefData(
            analyse(cfg or config, articles, example_store.facts(example_version), example_version)
        )

    return make


@pytest.fixture(scope="session")
def make_weekly(config, brief_data, example_store):
    from briefgen.briefs import build_context
    from briefgen.periods import choose_period

    def make(brief="weekly", cfg=None, extra_articles=()):
        data = brief_data(cfg, extra_articles)
        period = choose_period(list(data.articles.values()), None, None, None)
        return build_context(
            cfg or config, brief, data, period=period, newest_ingest=example_store.newest_ingest()
        )

    return make


@pytest.fixture(scope="session")
def make_actor(config, brief_data):
    from briefgen.briefs import build_context

    def make(actor="IS-K", cfg=None):
        return build_context(cfg or config, "actor", brief_data(cfg), actor=actor)

    return make


@pytest.fixture()
def stored_project(project: Path, example_store) -> Path:
    """The example project with its store already filled: `brief` renders at once."""
    target = project / "out" / "briefgen.sqlite"
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(target) as copy:
        example_store.db.backup(copy)
    return project


def set_in_config(project: Path, old: str, new: str) -> None:
    path = project / "config.yaml"
    text = path.read_text()
    assert old in text, f"{old!r} not in config.yaml"
    path.write_text(text.replace(old, new, 1))


@pytest.fixture()
def user_templates(stored_project: Path) -> Path:
    """A templates_dir of the user's own, named in the project's config."""
    folder = stored_project / "my-templates"
    (folder / "sections").mkdir(parents=True)
    set_in_config(stored_project, "templates_dir: null", "templates_dir: my-templates")
    return folder


# Test modules are imported with --import-mode=importlib and cannot import this
# file, so the helpers reach them as fixtures.


@pytest.fixture()
def cli():
    return invoke


@pytest.fixture()
def edit_config():
    return set_in_config
