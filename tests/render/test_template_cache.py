"""Compiled templates are kept in the user's cache folder, and a changed template is
never served from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.builtin import builtin_dir
from briefgen.render.environment import SearchPath, make_environment


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "briefgen" / "templates"


def _paths(folder: Path) -> SearchPath:
    return SearchPath([folder, builtin_dir("templates")], [builtin_dir("styles")])


def test_a_compiled_template_is_kept_and_read_back(tmp_path: Path, cache_home: Path) -> None:
    own = tmp_path / "own"
    own.mkdir()
    (own / "note.html.j2").write_text("<p>{{ who }} filed at {{ hour }}</p>", encoding="utf-8")
    first = make_environment(_paths(own)).get_template("note.html.j2")
    assert first.render(who="Desk", hour=9) == "<p>Desk filed at 9</p>"
    assert len(list(cache_home.glob("*.cache"))) == 1
    again = make_environment(_paths(own)).get_template("note.html.j2")
    assert again.render(who="Desk", hour=10) == "<p>Desk filed at 10</p>"
    assert len(list(cache_home.glob("*.cache"))) == 1


def test_an_edited_template_renders_its_new_text(tmp_path: Path, cache_home: Path) -> None:
    own = tmp_path / "own"
    own.mkdir()
    template = own / "note.html.j2"
    template.write_text("<p>old wording</p>", encoding="utf-8")
    assert make_environment(_paths(own)).get_template("note.html.j2").render() == (
        "<p>old wording</p>"
    )
    template.write_text("<p>new wording</p>", encoding="utf-8")
    assert make_environment(_paths(own)).get_template("note.html.j2").render() == (
        "<p>new wording</p>"
    )


def test_no_cache_folder_still_renders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # the cache folder cannot be made
    own = tmp_path / "own"
    own.mkdir()
    (own / "note.html.j2").write_text("<p>{{ n }} reports</p>", encoding="utf-8")
    assert make_environment(_paths(own)).get_template("note.html.j2").render(n=3) == (
        "<p>3 reports</p>"
    )
