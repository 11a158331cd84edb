"""The Jinja environment: user templates first, built-ins last, built-ins by prefix.

A user's `sections/topic.html.j2` replaces the built-in one; it can also start
with `{% extends "builtin:sections/topic.html.j2" %}` and change one block.
Article text is untrusted: autoescape is always on, and undefined variables
fail loudly with the template's name and line.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path

import jinja2

from briefgen import errors
from briefgen.builtin import builtin_dir, cache_dir
from briefgen.config import Config
from briefgen.errors import TemplateError
from briefgen.render.accessible import chart_alt

SUFFIX = ".html.j2"


@dataclass(frozen=True)
class SearchPath:
    templates: list[Path]
    styles: list[Path]


def search_path(config: Config) -> SearchPath:
    templates = [config.path(config.templates_dir)] if config.templates_dir else []
    styles = [config.path(config.styles_dir)] if config.styles_dir else []
    return SearchPath(templates + [builtin_dir("templates")], styles + [builtin_dir("styles")])


def make_environment(paths: SearchPath) -> jinja2.Environment:
    user_and_builtin = jinja2.FileSystemLoader([str(p) for p in paths.templates])
    builtin = jinja2.FileSystemLoader(str(paths.templates[-1]))
    loader = jinja2.ChoiceLoader(
        [
            jinja2.PrefixLoader({"builtin": builtin}, delimiter=":"),
            user_and_builtin,
        ]
    )
    env = jinja2.Environment(
        loader=loader,
        bytecode_cache=_bytecode_cache(),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["thousands"] = lambda n: f"{n:,}" if isinstance(n, int) else n
    env.filters["percent"] = lambda part, whole: 0 if not whole else round(100 * part / whole)
    env.filters["by_figure"] = by_figure
    env.filters["citation_runs"] = citation_runs
    env.globals["chart_alt"] = chart_alt
    return env


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept in the user's cache folder, keyed by each template's
    source, so a re-render does not compile them again (a sixth of a warm HTML brief)."""
    folder = cache_dir() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a read-only home: compile each time
    return jinja2.FileSystemBytecodeCache(str(folder))


def by_figure(rows: list[dict]) -> list[dict]:
    """Sources' figures grouped by what they state, oldest first: "115 [1]; 137 [4][5]".

    Jinja's `groupby` sorts by the figure's text, which would lose the order in
    which the toll was revised.
    """
    groups: dict[str, dict] = {}
    for row in rows:
        group = groups.setdefault(row["text"], {"text": row["text"], "sources": [], "days": []})
        if row["source"] not in group["sources"]:
            group["sources"].append(row["source"])
        day = row.get("day") or row.get("published") or "undated"
        if day not in group["days"]:
            group["days"].append(day)
    return list(groups.values())


def citation_runs(numbers: list[int]) -> list[tuple[int, ...]]:
    """Source numbers with three or more in a row shortened to their ends:
    [3, 4, 5, 6, 9] -> [(3, 6), (9,)], printed "[3]–[6][9]".

    Each end stays a link to its own source and the ones between follow it in the
    list of sources; the PDF lays out each link as a box of its own, and an event's
    sources are often numbered in a row.
    """
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    out: list[tuple[int, ...]] = []
    for run in runs:
        out.extend([(run[0], run[-1])] if len(run) >= 3 else [(n,) for n in run])
    return out


def section_template(env: jinja2.Environment, name: str, paths: SearchPath) -> str:
    """The template file of a section, or a clear error naming the folders searched."""
    candidate = f"sections/{name}{SUFFIX}"
    try:
        env.get_template(candidate)
    except jinja2.TemplateNotFound:
        folders = ", ".join(str(p / "sections") for p in paths.templates)
        raise TemplateError(f"no template {candidate!r} (searched {folders})") from None
    except jinja2.TemplateSyntaxError as exc:
        raise template_error(exc) from None
    return candidate


def render(env: jinja2.Environment, name: str, context: dict) -> str:
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise template_error(exc) from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template {exc.name!r} not found") from None
    except (jinja2.UndefinedError, TypeError, ValueError, KeyError, AttributeError) as exc:
        raise template_error(exc) from None


def template_error(exc: Exception) -> TemplateError:
    """Name the template file and line where rendering failed."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = exc.filename or exc.name or "template"
        return TemplateError(f"{where}:{exc.lineno}: template syntax error: {exc.message}")
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(SUFFIX)]
    if frames:
        frame = frames[-1]
        return TemplateError(f"{frame.filename}:{frame.lineno}: {type(exc).__name__}: {exc}")
    return TemplateError(f"template error: {type(exc).__name__}: {exc}")


def list_templates(paths: SearchPath) -> list[tuple[str, Path, list[Path]]]:
    """Every template name, the file that wins, and the files it hides."""
    found: dict[str, list[Path]] = {}
    for folder in paths.templates:
        if not folder.is_dir():
            continue
        for file in sorted(folder.rglob(f"*{SUFFIX}")):
            found.setdefault(file.relative_to(folder).as_posix(), []).append(file)
    return [(name, files[0], files[1:]) for name, files in sorted(found.items())]


def copy_builtin(config: Config, name: str, dest: Path | None) -> Path:
    """Copy a built-in template (`sections/topic.html.j2`, or without the suffix) into
    DEST or the configured templates_dir, to start editing it; never overwrites."""
    import shutil

    folder = builtin_dir("templates")
    source = folder / name
    if not source.is_file() and (folder / f"{name}{SUFFIX}").is_file():
        source, name = folder / f"{name}{SUFFIX}", f"{name}{SUFFIX}"
    # "../../etc/passwd" names no template.
    if not source.resolve().is_relative_to(folder.resolve()) or not source.is_file():
        raise errors.no_builtin_template(name)
    target_folder = dest or (config.path(config.templates_dir) if config.templates_dir else None)
    if target_folder is None:
        raise errors.no_template_destination()
    target = target_folder / name
    if target.exists():
        raise errors.target_exists(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target
