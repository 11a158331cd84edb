"""Shared fixtures: the repository's config and example corpus, the shared
articles beside the checkout, and one extracted store reused by many tests.

The shared folder (`../shared`: real articles and their gold, which may not be
copied into the project) is not part of a clone. Tests that need it skip, naming
the folder, when it is absent; with BRIEFGEN_REQUIRE_SHARED=1 (as CI sets it) a
missing folder fails them instead, so CI always runs them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefgen.store import Store

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path inside ../shared; skips the test when it is missing (fails under CI)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"needs {path} (the shared articles and gold beside the checkout)"
        if os.environ.get("BRIEFGEN_REQUIRE_SHARED") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture()
def fresh_store() -> Iterator[Store]:
    """An empty in-memory store."""
    with Store(":memory:") as store:
        yield store


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return shared_path("corpus", "seeds")


@pytest.fixture(scope="session")
def gold_file() -> Path:
    return shared_path("eval", "seeds.gold.yaml")


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    return shared_path("corpus", "dev")


@pytest.fixture(scope="session")
def dev_gold() -> Path:
    return shared_path("eval", "dev.gold.yaml")


@pytest.fixture(scope="session")
def config():
    from briefgen.config import load

    return load(ROOT / "config.yaml")


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A copy of config.yaml and the example corpus in a temporary folder."""
    shutil.copy(ROOT / "config.yaml", tmp_path / "config.yaml")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    return tmp_path


@pytest.fixture(scope="session")
def example_store(tmp_path_factory, config):
    """The example corpus, ingested and extracted once for the session."""
    from briefgen.extract import extract
    from briefgen.ingest import ingest_paths

    path = tmp_path_factory.mktemp("store") / "examples.sqlite"
    store = Store(path)
    ingest_paths([ROOT / "examples" / "corpus"], store)
    extract(config, store)
    yield store
    store.close()


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory, config, seeds_dir):
    from briefgen.extract import extract
    from briefgen.ingest import ingest_paths

    store = Store(tmp_path_factory.mktemp("seeds") / "seeds.sqlite")
    ingest_paths([seeds_dir], store)
    extract(config, store)
    yield store
    store.close()


@pytest.fixture(scope="session")
def nlp(config):
    from briefgen.extract.pipeline import build_nlp

    return build_nlp(config)


def text_article(text: str, published: str = "2024-03-22"):
    """An article of plain text as ingest would store it, for tests that add it directly."""
    import datetime as dt

    from briefgen.ingest.corpus import content_key
    from briefgen.models import Article

    return Article(
        id=content_key(text),
        origin="long.txt",
        title="Long",
        text=text,
        source=None,
        url=None,
        published=dt.date.fromisoformat(published),
        date_note="",
        path="long.txt",
        format="text",
        ingested_at=f"{published}T00:00:00+00:00",
    )
