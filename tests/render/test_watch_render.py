"""`briefgen brief NAME --watch`: a change of a template, a style or the config
renders again, prints the output paths, and runs no extraction."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from briefgen.render.watch import is_relevant, watch


def test_only_templates_styles_and_the_config_count(tmp_path):
    templates, styles, config = tmp_path / "t", tmp_path / "s", tmp_path / "config.yaml"
    folders = [templates, styles]
    assert is_relevant(templates / "sections" / "topic.html.j2", folders, config)
    assert is_relevant(styles / "brief.css", folders, config)
    assert is_relevant(config, folders, config)
    assert not is_relevant(tmp_path / "out" / "weekly.pdf", folders, config)
    assert not is_relevant(tmp_path / "out" / "briefgen.sqlite", folders, config)
    assert not is_relevant(templates / ".topic.html.j2.swp", folders, config)
    assert not is_relevant(styles / "brief.css~", folders, config)


def wait_for(condition, seconds: float = 60.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_watch_renders_on_template_style_and_config_changes_without_extracting(
    stored_project: Path, user_templates: Path, monkeypatch
):
    from briefgen import cli
    from briefgen.config import load
    from briefgen.extract import pipeline_version
    from briefgen.render import BriefRequest

    def no_extraction(*args, **kwargs):
        raise AssertionError("--watch must not run extraction")

    monkeypatch.setattr("briefgen.extract.extract", no_extraction)
    config_path = stored_project / "config.yaml"
    monkeypatch.setattr(cli.run.state, "store_path", None)
    request = BriefRequest("weekly", formats=["html"], out_dir=stored_project / "out")
    printed: list[str] = []
    problems: list[str] = []
    stop = threading.Event()
    watcher = threading.Thread(
        target=watch,
        args=(
            config_path,
            lambda: load(config_path),
            lambda config: cli.run.render_once(config, request, pipeline_version(config)),
        ),
        kwargs={"say": printed.append, "warn": problems.append, "stop_event": stop},
        daemon=True,
    )
    watcher.start()
    try:
        assert wait_for(lambda: any(p.startswith("watching") for p in problems))
        time.sleep(0.5)  # let the file watcher settle before the first change
        html = stored_project / "out" / "weekly-2024-03-18.html"

        (user_templates / "sections" / "quotes.html.j2").write_text("<p>Quotes, edited</p>\n")
        assert wait_for(lambda: len(printed) >= 1), problems
        assert printed[0] == str(html)
        assert "Quotes, edited" in html.read_text()

        (user_templates / "sections" / "quotes.html.j2").write_text("<p>{{ section.nope }}</p>\n")
        assert wait_for(lambda: any("quotes.html.j2:1:" in p for p in problems)), problems

        config_path.write_text(
            config_path.read_text().replace(
                "title: IS-K Weekly Security Brief", "title: Edited Weekly", 1
            )
        )
        (user_templates / "sections" / "quotes.html.j2").write_text("<p>Quotes, fixed</p>\n")
        assert wait_for(
            lambda: "Edited Weekly" in html.read_text() and "Quotes, fixed" in html.read_text()
        )
        assert all(p == str(html) for p in printed)
    finally:
        stop.set()
        watcher.join(timeout=10)
    assert not watcher.is_alive()


@pytest.mark.parametrize("brief", ["weekly"])
def test_cli_keeps_watching_after_a_template_error(
    brief, stored_project, user_templates, cli, monkeypatch
):
    """A broken template at start is reported, and the watch begins anyway."""
    calls = []
    monkeypatch.setattr("briefgen.cli.run.watch_and_render", lambda args: calls.append(args))
    (user_templates / "sections" / "quotes.html.j2").write_text("{{ nope.nope }}\n")
    result = cli(stored_project, "brief", brief, "--format", "html", "--watch")
    assert result.exit_code == 0, result.output
    assert "quotes.html.j2:1:" in result.output and calls
