"""`briefgen brief actor NAME`: any alias resolves; an unknown name is a usage error
that names the closest known actors; the file is named by a slug of the canonical name."""

from __future__ import annotations

import pytest

from briefgen.actors import ActorIndex
from briefgen.errors import UsageError
from briefgen.render.output import slug


@pytest.mark.parametrize(
    "alias",
    [
        "ISKP",
        "IS-K",
        "ISIS-K",
        "Islamic State Khorasan Province",
        "islamic state khorasan province",
        "Wilayat Khurasan",
    ],
)
def test_any_alias_resolves_to_the_canonical_name(config, alias):
    assert ActorIndex.from_config(config.actors).require(alias) == "IS-K"


def test_unknown_actor_names_the_closest_known_ones(config):
    with pytest.raises(UsageError) as caught:
        ActorIndex.from_config(config.actors).require("ISKPP")
    assert caught.value.exit_code == 2
    assert "unknown actor 'ISKPP'" in str(caught.value) and "closest: IS-K" in str(caught.value)


def test_unknown_actor_through_the_cli_exits_2_without_traceback(stored_project, cli):
    result = cli(stored_project, "brief", "actor", "Talibann")
    assert result.exit_code == 2
    assert (
        "unknown actor 'Talibann'" in result.output
        and "Taliban" in result.output.split("closest:")[1]
    )
    assert "Traceback" not in result.output


def test_actor_brief_through_the_cli_is_named_by_the_canonical_slug(stored_project, cli):
    result = cli(stored_project, "brief", "actor", "ISKP", "--format", "html")
    assert result.exit_code == 0, result.output
    target = stored_project / "out" / "actor-is-k.html"
    assert result.stdout.strip().splitlines()[-1] == str(target)
    assert "Actor Brief: IS-K" in target.read_text()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("actor-IS-K", "actor-is-k"),
        ("actor-Türkiye", "actor-turkiye"),
        ("actor-../../etc", "actor-etc"),
        ("actor-Al Qaeda", "actor-al-qaeda"),
    ],
)
def test_file_names_are_safe_slugs(name, expected):
    assert slug(name) == expected
