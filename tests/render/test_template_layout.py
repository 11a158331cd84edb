"""Editing the layout: user templates first, built-ins by prefix, `templates list`
and `templates copy`, and template errors that name the file and the line."""

from __future__ import annotations

from pathlib import Path

from briefgen.builtin import builtin_dir


def test_user_template_replaces_the_builtin_and_changes_the_output(
    stored_project, user_templates, cli
):
    (user_templates / "sections" / "key_points.html.j2").write_text(
        '<p class="mine">{{ section.events | length }} key events, my way</p>\n'
    )
    result = cli(stored_project, "brief", "weekly", "--format", "html")
    assert result.exit_code == 0, result.output
    html = (stored_project / "out" / "weekly-2024-03-18.html").read_text()
    assert '<p class="mine">' in html and "key events, my way" in html
    assert "Ranked by severity" not in html  # the built-in key points are gone
    assert "Claims of responsibility" in html  # the other built-in sections stay


def test_user_template_can_extend_the_builtin_and_change_one_block(
    stored_project, user_templates, cli
):
    (user_templates / "sections" / "topic.html.j2").write_text(
        '{% extends "builtin:sections/topic.html.j2" %}\n'
        '{% block statements %}<p class="mine">Reporting left out on purpose.</p>{% endblock %}\n'
    )
    result = cli(stored_project, "brief", "weekly", "--format", "html")
    assert result.exit_code == 0, result.output
    html = (stored_project / "out" / "weekly-2024-03-18.html").read_text()
    assert html.count("Reporting left out on purpose.") == 3  # once per topic section
    assert "<h3>Reporting</h3>" not in html
    assert "Claims of responsibility." in html  # the blocks not overridden still render


def test_user_style_is_added_and_a_user_brief_css_replaces_the_builtin(
    stored_project, cli, edit_config
):
    styles = stored_project / "my-styles"
    styles.mkdir()
    (styles / "extra.css").write_text("h2 { color: #123456; }\n")
    edit_config(stored_project, "styles_dir: null", "styles_dir: my-styles")
    result = cli(stored_project, "brief", "weekly", "--format", "html")
    assert result.exit_code == 0, result.output
    html = (stored_project / "out" / "weekly-2024-03-18.html").read_text()
    assert "#123456" in html and "--accent: #7a1f1f" in html
    (styles / "brief.css").write_text("body { font-size: 13pt; }\n")
    cli(stored_project, "brief", "weekly", "--format", "html")
    html = (stored_project / "out" / "weekly-2024-03-18.html").read_text()
    assert "font-size: 13pt" in html and "--accent: #7a1f1f" not in html


def test_templates_list_shows_every_template_and_its_folder(stored_project, user_templates, cli):
    mine = user_templates / "sections" / "quotes.html.j2"
    mine.write_text("<p>quotes</p>\n")
    result = cli(stored_project, "templates", "list")
    assert result.exit_code == 0, result.output
    rows = dict(line.split("\t", 1) for line in result.stdout.splitlines())
    builtin = builtin_dir("templates")
    expected = {p.relative_to(builtin).as_posix() for p in builtin.rglob("*.html.j2")}
    assert set(rows) == expected
    assert rows["sections/quotes.html.j2"].startswith(str(mine))
    assert f"overrides {builtin / 'sections' / 'quotes.html.j2'}" in rows["sections/quotes.html.j2"]
    assert rows["brief.html.j2"] == str(builtin / "brief.html.j2")


def test_templates_copy_to_dest_and_to_templates_dir(stored_project, user_templates, cli, tmp_path):
    dest = tmp_path / "elsewhere"
    result = cli(stored_project, "templates", "copy", "sections/topic.html.j2", str(dest))
    assert result.exit_code == 0, result.output
    copied = dest / "sections" / "topic.html.j2"
    assert (
        copied.read_text() == (builtin_dir("templates") / "sections" / "topic.html.j2").read_text()
    )
    assert result.stdout.strip() == str(copied)
    # Without DEST it goes to templates_dir; a second copy does not overwrite.
    result = cli(stored_project, "templates", "copy", "sections/timeline")
    assert result.exit_code == 0, result.output
    assert (user_templates / "sections" / "timeline.html.j2").is_file()
    result = cli(stored_project, "templates", "copy", "sections/timeline")
    assert result.exit_code == 2 and "exists already" in result.output
    result = cli(stored_project, "templates", "copy", "sections/nope.html.j2")
    assert result.exit_code == 2 and "no built-in template" in result.output


def _line_of(path: Path, needle: str) -> int:
    return next(
        i for i, line in enumerate(path.read_text().splitlines(), start=1) if needle in line
    )


def test_template_syntax_error_names_file_and_line_and_exits_2(stored_project, user_templates, cli):
    broken = user_templates / "sections" / "quotes.html.j2"
    broken.write_text("<p>Quotes</p>\n\n{% for q in section.facts %}\n<p>{{ q.sentence }}</p>\n")
    result = cli(stored_project, "brief", "weekly", "--format", "html")
    assert result.exit_code == 2
    assert f"{broken}:" in result.output and "syntax error" in result.output
    assert "Traceback" not in result.output


def test_template_undefined_variable_names_file_and_line_and_exits_2(
    stored_project, user_templates, cli
):
    broken = user_templates / "sections" / "method.html.j2"
    broken.write_text(
        "<p>Method</p>\n<p>{{ section.extractor }}</p>\n<p>{{ section.no_such_thing }}</p>\n"
    )
    result = cli(stored_project, "brief", "weekly", "--format", "html")
    assert result.exit_code == 2
    assert f"{broken}:{_line_of(broken, 'no_such_thing')}:" in result.output
    assert "no_such_thing" in result.output and "Traceback" not in result.output


def test_error_in_a_builtin_extended_by_the_user_names_the_user_file(
    stored_project, user_templates, cli
):
    broken = user_templates / "sections" / "topic.html.j2"
    broken.write_text(
        '{% extends "builtin:sections/topic.html.j2" %}\n{% block quotes %}\n{{ nope.nope }}\n{% endblock %}\n'
    )
    result = cli(stored_project, "brief", "weekly", "--format", "html")
    assert result.exit_code == 2
    assert f"{broken}:3:" in result.output
