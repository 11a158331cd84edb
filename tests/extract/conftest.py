"""Run one text through the pipeline and keep the data of one kind of fact."""

import pytest


@pytest.fixture(scope="session")
def facts_of(nlp):
    def run(kind: str, text: str, published: str | None = "2024-03-25"):
        doc = nlp.make_doc(text)
        doc._.published = published
        return [f["data"] for f in nlp(doc)._.facts if f["kind"] == kind]

    return run
