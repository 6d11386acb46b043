"""The import contract of src/xianjin, read from the source with ast (README, 代码结构).

A module imports only from its own layer or below, and the imports form no cycle: both
counted over every import, the ones inside functions too, so that a lazy import can
never hide a cycle. Only cli/ imports click, only three render modules import WeasyPrint, only
the workbook modules openpyxl and only render/docx docxtpl, nothing imports cli/, and no
module (test or script either) imports another's private name.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"

# Each module's layer: the longest matching prefix wins. A new module must be placed here.
LAYERS = {
    "xianjin": 0, "xianjin.problems": 0, "xianjin.text": 0, "xianjin.values": 0, "xianjin.files": 0,
    "xianjin.stablezip": 0, "xianjin.gittree": 0, "xianjin.runtime": 0,
    "xianjin.campaign": 1, "xianjin.rules": 1,
    "xianjin.loader": 2, "xianjin.workbook": 2, "xianjin.models": 2, "xianjin.decisions": 2,
    "xianjin.model_errors": 3, "xianjin.result": 3, "xianjin.discover": 3, "xianjin.awards": 3, "xianjin.targets": 3,
    "xianjin.validate": 4,
    "xianjin.summary": 5, "xianjin.reporters": 5, "xianjin.starter": 5, "xianjin.schema": 5,
    "xianjin.xlsx": 5, "xianjin.convert": 5, "xianjin.fix": 5,
    "xianjin.render": 5,
    "xianjin.cli": 6,
    "xianjin.__main__": 7,
}
# Inside render/, each module imports only those before it: fonts ← commonfonts ← pdf ← pool ← run.
RENDER_ORDER = ["errors", "assets", "fonts", "commonfonts", "libraries", "fetcher", "fill", "pdf", "pool", "titles",
                "templating", "docx", "prose", "context", "awards", "glyphs", "cache", "lock", "doctor", "run"]
ONLY = {  # a third-party package → the only modules that may import it
    "click": ("xianjin.cli",),
    "weasyprint": ("xianjin.render.pdf", "xianjin.render.fetcher", "xianjin.render.doctor"),
    "openpyxl": ("xianjin.workbook", "xianjin.xlsx"),  # reading and writing workbooks
    "docxtpl": ("xianjin.render.docx",),
}


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    target: str  # what it imports: a module of ours, or a top-level package name
    line: int
    names: tuple[str, ...] = ()  # the names of a `from … import`

    def __str__(self) -> str:
        return f"{self.module} (line {self.line}) imports {self.target}"


def module_name(path: Path, base: Path) -> str:
    parts = list(path.relative_to(base).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def our_modules() -> dict[str, Path]:
    return {module_name(p, SRC): p for p in sorted((SRC / "xianjin").rglob("*.py"))}


def imports_of(path: Path, module: str, known: set[str]) -> list[Import]:
    """Every import statement anywhere in the file, resolved to one of our modules when it is one."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [Import(module, alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = tuple(alias.name for alias in node.names)
            submodules = [f"{node.module}.{n}" for n in names if f"{node.module}.{n}" in known]
            # `from xianjin.render import cache` imports the module cache, not the package.
            targets = submodules if len(submodules) == len(names) else [node.module, *submodules]
            found += [Import(module, t, node.lineno, names) for t in targets]
    return found


@pytest.fixture(scope="module")
def graph() -> list[Import]:
    modules = our_modules()
    return [imp for name, path in modules.items() for imp in imports_of(path, name, set(modules))]


def layer(module: str) -> int:
    prefixes = [p for p in LAYERS if module == p or module.startswith(p + ".")]
    assert prefixes, f"{module} has no layer: place it in LAYERS (tests/test_architecture.py) and the README"
    return LAYERS[max(prefixes, key=len)]


def ours(imp: Import) -> bool:
    return imp.target == "xianjin" or imp.target.startswith("xianjin.")


def test_every_module_has_a_layer():
    for module in our_modules():
        layer(module)
    for name in RENDER_ORDER:
        assert f"xianjin.render.{name}" in our_modules(), name
    assert {m for m in our_modules() if m.startswith("xianjin.render.")} == {
        f"xianjin.render.{name}" for name in RENDER_ORDER}, "place the new render module in RENDER_ORDER"


def test_no_module_imports_upwards(graph):
    upward = [f"{imp}: layer {layer(imp.module)} → {layer(imp.target)}"
              for imp in graph if ours(imp) and layer(imp.target) > layer(imp.module)]
    assert upward == []


def test_render_modules_import_only_earlier_ones(graph):
    rank = {f"xianjin.render.{name}": i for i, name in enumerate(RENDER_ORDER)}
    later = [str(imp) for imp in graph
             if imp.module in rank and imp.target in rank and rank[imp.target] >= rank[imp.module]]
    assert later == []


def packages_run_by(imp: Import) -> list[str]:
    """The packages whose __init__ an import runs first, seen from outside them:
    `from xianjin.rules.loading import …` in loader.py runs xianjin/rules/__init__.py too."""
    parts = imp.target.split(".")
    parents = [".".join(parts[:i]) for i in range(2, len(parts))]
    return [p for p in parents if not (imp.module == p or imp.module.startswith(p + "."))]


def test_imports_form_no_cycle(graph):
    edges: dict[str, set[str]] = {}
    for imp in graph:
        if ours(imp) and imp.target != imp.module:
            edges.setdefault(imp.module, set()).update([imp.target, *packages_run_by(imp)])
    state: dict[str, str] = {}
    stack: list[str] = []
    cycles: list[str] = []

    def visit(node: str) -> None:
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                cycles.append(" → ".join(stack[stack.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node)
    assert cycles == []


def test_nothing_imports_the_command_line(graph):
    assert [str(imp) for imp in graph if imp.target.startswith("xianjin.cli") and layer(imp.module) < 6] == []


@pytest.mark.parametrize("package", sorted(ONLY))
def test_only_some_modules_import(graph, package):
    allowed = ONLY[package]
    stray = [str(imp) for imp in graph if imp.target.split(".")[0] == package
             and not any(imp.module == a or imp.module.startswith(a + ".") for a in allowed)]
    assert stray == []


@pytest.mark.parametrize("folder", ["src", "tests", "scripts", "benchmarks", "tools"])
def test_no_private_name_is_imported_from_another_module(folder):
    private = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
            if isinstance(node, ast.ImportFrom) and node.module != "__future__":
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        private.append(f"{path.relative_to(ROOT)}:{node.lineno}: {alias.name} from {node.module}")
    assert private == []
