"""Shared fixtures: the repository's config and example corpus, the shared seed
articles beside the checkout, and one extracted store reused by many tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    folder = SHARED / "corpus" / "seeds"
    assert folder.is_dir(), f"the shared seed articles are expected at {folder}"
    return folder


@pytest.fixture(scope="session")
def gold_file() -> Path:
    path = SHARED / "eval" / "seeds.gold.yaml"
    assert path.is_file(), f"the shared gold file is expected at {path}"
    return path


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
    from briefgen.extract.pipeline import extract
    from briefgen.ingest.corpus import ingest_paths
    from briefgen.store import Store

    path = tmp_path_factory.mktemp("store") / "examples.sqlite"
    store = Store(path)
    ingest_paths([ROOT / "examples" / "corpus"], store)
    extract(config, store)
    yield store
    store.close()


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory, config, seeds_dir):
    from briefgen.extract.pipeline import extract
    from briefgen.ingest.corpus import ingest_paths
    from briefgen.store import Store

    store = Store(tmp_path_factory.mktemp("seeds") / "seeds.sqlite")
    ingest_paths([seeds_dir], store)
    extract(config, store)
    yield store
    store.close()


@pytest.fixture(scope="session")
def nlp(config):
    from briefgen.extract.pipeline import build_nlp

    return build_nlp(config)
