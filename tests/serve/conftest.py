"""A project of the example corpus with its extracted store, for the review desk:
in-process (Starlette's test client) and as a real `briefgen serve` process."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
# Debian's Chromium; BRIEFGEN_CHROMIUM names another build of it.
CHROMIUM = Path(os.environ.get("BRIEFGEN_CHROMIUM", "/usr/bin/chromium"))


@pytest.fixture()
def desk_project(tmp_path: Path, example_store) -> Path:
    """config.yaml, the example corpus and a copy of its extracted store."""
    shutil.copy(ROOT / "config.yaml", tmp_path / "config.yaml")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    (tmp_path / "out").mkdir()
    with sqlite3.connect(tmp_path / "out" / "briefgen.sqlite") as copy:
        example_store.db.backup(copy)
    return tmp_path


def make_desk(project: Path, week: str | None = None):
    from briefgen.config import load
    from briefgen.extract import pipeline_version
    from briefgen.serve import Desk

    config = load(project / "config.yaml")
    return Desk(config, config.path(config.store), pipeline_version(config), "weekly", week)


@pytest.fixture()
def desk(desk_project: Path):
    made = make_desk(desk_project)
    yield made
    made.close()


@pytest.fixture()
def client(desk):
    from starlette.testclient import TestClient

    from briefgen.serve import create_app

    with TestClient(create_app(desk), base_url="http://127.0.0.1") as test_client:
        yield test_client


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf-token" content="([^"]+)"', html)
    assert found, "the page carries no CSRF token"
    return found.group(1)


def run_cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from briefgen.cli import main; main()", *args],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture()
def served(desk_project: Path) -> Iterator[tuple[str, Path]]:
    """`briefgen serve --port 0` in the project: its address and the project."""
    process = subprocess.Popen(
        [sys.executable, "-c", "from briefgen.cli import main; main()", "serve", "--port", "0"],
        cwd=desk_project,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    address, seen = None, []
    deadline = time.monotonic() + 180
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line)
        found = re.search(r"briefgen desk: (http://\S+)", line)
        if found:
            address = found.group(1)
            break
    try:
        assert address, "briefgen serve printed no address:\n" + "".join(seen)
        yield address.rstrip("/"), desk_project
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture()
def browser():
    """Headless Chromium of the system, driven by Playwright (never a downloaded one).
    Skipped when either is missing, except under CI, which installs both."""
    missing = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = "Playwright for Python is not installed (pip install playwright)"
    if missing is None and not CHROMIUM.exists():
        missing = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    if missing:
        if os.environ.get("BRIEFGEN_REQUIRE_SHARED") == "1":
            pytest.fail(f"browser tests need it under CI: {missing}")
        pytest.skip(f"browser tests skipped: {missing}")
    args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ]
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)
        yield launched
        launched.close()
