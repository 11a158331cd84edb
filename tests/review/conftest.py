"""A copy of the extracted example store per test, and articles written for these tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefgen.store import Store

# An article of our own, about an event no example article reports.
NEW_ARTICLE = """---
title: Suicide bombing at a police post in Herat
source: Test Desk
published: 2024-03-24
---
HERAT, 24 March 2024 - A suicide bomber killed two police officers and wounded five at a
checkpoint in the western Afghan city of Herat on Sunday, provincial officials said.
IS-K claimed the attack.
"""


@pytest.fixture()
def store_copy(example_store, tmp_path: Path):
    path = tmp_path / "copy.sqlite"
    with sqlite3.connect(path) as copy:
        example_store.db.backup(copy)
    store = Store(path)
    yield store
    store.close()
