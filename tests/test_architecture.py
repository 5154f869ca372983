"""The structure ARCHITECTURE.md describes, kept: the core never imports MkDocs, a lower
layer never imports a higher one, and every folder of the core holds 3 to 8 modules."""

from __future__ import annotations

import ast
from pathlib import Path

import advocacy

PACKAGE = Path(advocacy.__file__).parent
CORE = PACKAGE / "core"

# Lowest first, as in ARCHITECTURE.md: a module may import its own layer and those below.
LAYERS = (
    ("i18n",),
    ("model",),
    ("cache",),
    ("reading",),
    ("media",),
    ("rendering",),
    ("checking",),
    ("publishing",),
    ("review", "writing", "importing"),
)
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module ``path`` imports (absolute), with the line, including imports inside
    functions (a lazy import is still a dependency)."""
    out = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            out.append((node.lineno, node.module))
    return out


def _core_modules() -> list[Path]:
    return sorted(CORE.rglob("*.py"))


def _folder(path: Path) -> str:
    return path.relative_to(CORE).parts[0]


def test_the_core_never_imports_mkdocs_or_the_adapters() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}:{line} imports {name}"
        for path in _core_modules()
        for line, name in _imports(path)
        if name.split(".")[0] in ("mkdocs", "material", "jinja2")
        or name.startswith(("advocacy.mkdocs_plugin", "advocacy.cli"))
    ]
    assert offenders == []


def test_no_layer_imports_a_higher_one() -> None:
    offenders = []
    for path in _core_modules():
        if path.parent == CORE:
            continue
        own = RANK[_folder(path)]
        for line, name in _imports(path):
            parts = name.split(".")
            if parts[:2] != ["advocacy", "core"] or len(parts) < 3:
                continue
            if RANK[parts[2]] > own:
                offenders.append(f"{path.relative_to(PACKAGE)}:{line} imports {name}")
    assert offenders == []


def test_every_core_folder_is_a_known_layer_of_three_to_eight_modules() -> None:
    folders = sorted(
        p for p in CORE.iterdir() if p.is_dir() and p.name != "__pycache__" and any(p.glob("*.py"))
    )
    assert {f.name for f in folders} == set(RANK)
    for folder in [
        *folders,
        *(
            p
            for f in folders
            for p in f.rglob("*")
            if p.is_dir() and p.name != "__pycache__" and any(p.glob("*.py"))
        ),
    ]:
        modules = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
        assert 3 <= len(modules) <= 8 or folder.name in ("i18n",), (folder, len(modules))


def test_no_module_is_over_four_hundred_lines() -> None:
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text("utf-8").splitlines())) > 420
    }
    assert long == {}
