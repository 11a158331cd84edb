"""Domain errors and the catalogue of their messages.

The library raises these; the CLI turns each into one line on stderr and an exit
code. Every message says what to do next, and lives here once, so the same
mistake reads the same wherever it is made.
"""

from __future__ import annotations

from collections.abc import Iterable


class BriefgenError(Exception):
    """An error the user can act on. `exit_code` is what the CLI exits with."""

    exit_code = 1


class UsageError(BriefgenError):
    """Wrong options, unknown names: exit code 2."""

    exit_code = 2


class ConfigError(UsageError):
    """One or more problems in config.yaml, each as `file:LINE: key.path: message`."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class TemplateError(UsageError):
    """A template that cannot be loaded or rendered, with its name and line."""


class StoreBusyError(BriefgenError):
    """Another briefgen process holds the store."""


class StoreError(UsageError):
    """The store cannot be opened or written: a wrong --store path, a folder that is
    not writable, a file that is no SQLite store, a full disk. Exit code 2."""


class UnknownActor(UsageError):
    def __init__(self, name: str, closest: list[str], known: list[str]):
        hint = f"closest: {', '.join(closest)}" if closest else f"known: {', '.join(known)}"
        super().__init__(f"unknown actor {name!r}; {hint}")


def _known(names: Iterable[str]) -> str:
    return ", ".join(names)


# -- the catalogue: messages that name the fix ----------------------------------


def unknown_brief(name: str, known: Iterable[str]) -> UsageError:
    return UsageError(
        f"unknown brief {name!r} (known: {_known(known)}); declare it under briefs in config.yaml"
    )


def unknown_topic(name: str, known: Iterable[str]) -> UsageError:
    return UsageError(f"unknown topic {name!r} (known: {_known(known)})")


def actor_brief_needs_subject(name: str) -> UsageError:
    return UsageError(f"brief {name!r} is about one actor: briefgen brief {name} NAME")


def week_and_dates() -> UsageError:
    return UsageError("give either --week or --since/--until, not both")


def bad_day(option: str, value: str) -> UsageError:
    return UsageError(f"{option} {value!r}: expected a date such as 2024-03-18")


def bad_as_of(value: str) -> UsageError:
    return UsageError(
        f"--as-of {value!r}: expected a date such as 2024-03-24, or latest for every article"
    )


def bad_week(value: str) -> UsageError:
    return UsageError(f"--week {value!r}: expected an ISO week such as 2024-W12")


def since_after_until(since: object, until: object) -> UsageError:
    return UsageError(f"--since {since} is after --until {until}")


def no_dated_articles() -> UsageError:
    return UsageError(
        "no dated articles in the store; pass --since and --until, or ingest dated articles"
    )


def no_articles(store: object) -> UsageError:
    return UsageError(
        f"{store}: no articles in the store; run 'briefgen ingest PATH' first (or check corpus in config.yaml)"
    )


def bad_format(value: str, known: Iterable[str]) -> UsageError:
    return UsageError(f"--format {value!r}: expected {' or '.join(known)}")


def no_builtin_template(name: str) -> UsageError:
    return UsageError(f"no built-in template {name!r}; see 'briefgen templates list'")


def no_template_destination() -> UsageError:
    return UsageError("no destination: pass DEST or set templates_dir in config.yaml")


def target_exists(target: object) -> UsageError:
    return UsageError(f"{target} exists already; remove it first or choose another DEST")


def pipeline_missing(name: str) -> UsageError:
    return UsageError(
        f"spaCy pipeline {name!r} is not installed; install the package "
        "(python -m pip install .) or change nlp.pipeline in config.yaml"
    )


def no_gold_file(path: object) -> UsageError:
    return UsageError(f"{path}: no such gold file")


def bad_gold_file(path: object) -> UsageError:
    return UsageError(f"{path}: not a gold file of schema briefgen-gold/1")


def no_corpus_folder(path: object) -> UsageError:
    return UsageError(f"--corpus {path}: no such folder")
