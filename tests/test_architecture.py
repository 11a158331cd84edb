"""The package's import graph, read with `ast`: no cycles, and no module imports a
stage above its own (config -> ingest -> extract -> analysis -> briefs -> render)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "briefgen"

# Lower numbers are lower layers. The base layer is shared vocabulary that every
# stage may use; a stage may import its own layer and any layer below it.
LAYERS = {
    "briefgen.errors": 0,
    "briefgen.models": 1,
    "briefgen.builtin": 1,
    "briefgen.dates": 2,
    "briefgen.places": 2,
    "briefgen.geo": 2,
    "briefgen.actors": 2,
    "briefgen.periods": 2,
    "briefgen.tradecraft": 2,
    "briefgen.config": 3,
    "briefgen.store": 3,
    "briefgen.project": 3,
    "briefgen.ingest": 4,
    "briefgen.extract": 5,
    "briefgen.analysis": 6,
    "briefgen.review": 6,
    "briefgen.briefs": 7,
    "briefgen.render": 8,
    "briefgen.evaluate": 9,
    "briefgen.console": 9,
    "briefgen.serve": 9,
    "briefgen.cli": 10,
    "briefgen.__main__": 11,
}
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every briefgen module a file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("briefgen")}
        elif (
            isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("briefgen")
        ):
            found.add(node.module)
            # `from briefgen import analysis` imports the module briefgen.analysis.
            found |= {
                f"{node.module}.{a.name}"
                for a in node.names
                if (PACKAGE.parent / node.module.replace(".", "/") / a.name).exists()
                or (PACKAGE.parent / (node.module.replace(".", "/") + f"/{a.name}.py")).exists()
            }
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py") if "_builtin" not in p.parts}
    return {
        name: {m for m in imports(path) if m in modules and m != name}
        for name, path in modules.items()
    }


def layer(module: str) -> int:
    if module == "briefgen":
        return 0  # the package itself holds only its version
    for prefix in sorted(LAYERS, key=len, reverse=True):
        if module == prefix or module.startswith(prefix + "."):
            return LAYERS[prefix]
    raise AssertionError(f"{module} is in no layer: add it to LAYERS in this test")


def test_every_module_has_a_layer():
    for module in graph():
        layer(module)


def test_no_module_imports_a_layer_above_its_own():
    upward = [
        f"{a} ({layer(a)}) imports {b} ({layer(b)})"
        for a, targets in graph().items()
        if a != "briefgen"
        for b in targets
        if layer(b) > layer(a)
    ]
    assert not upward, "\n".join(upward)


def test_no_import_cycles():
    edges = graph()
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges.get(node, ())):
            # A package's __init__ re-exporting its own modules is not a cycle.
            if node.startswith(target + ".") or target.startswith(node + "."):
                continue
            if state.get(target) == 1:
                cycles.append(" -> ".join(path[path.index(target) :] + [target]))
            elif target not in state:
                visit(target, path + [target])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    assert not cycles, "\n".join(cycles)


def test_the_base_layer_and_the_read_path_import_no_spacy():
    heavy = ("spacy", "weasyprint", "jinja2")
    for path in PACKAGE.rglob("*.py"):
        name = module_name(path)
        if layer(name) <= 4 or name.startswith(("briefgen.analysis", "briefgen.briefs")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = (
                    [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else ([node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
                )
                assert not any(n.split(".")[0] in heavy for n in names), f"{name} imports {names}"


def test_modules_stay_small():
    long = [
        f"{p.relative_to(PACKAGE.parent)}: {n}"
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    ]
    assert not long, f"modules over {MAX_LINES} lines: {long}"
