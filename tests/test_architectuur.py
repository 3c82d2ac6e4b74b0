"""The package's shape: no import cycles, and engines that import no UI (read from the source, not imported).

Imports inside functions count too: a late import hides a cycle from Python, not from a reader.
"""

from __future__ import annotations

import ast
import graphlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("reb_maps", "ui")

ENGINES = (
    "reb_maps.schaalsprong",
    "reb_maps.zoekgebieden.grid",
    "reb_maps.zoekgebieden.zones",
    "reb_maps.zoekgebieden.factoren",
    "reb_maps.zoekgebieden.gewichten",
    "reb_maps.zoekgebieden.profielen",
    "reb_maps.zoekgebieden.gevoeligheid",
    "reb_maps.zoekgebieden.export",
    "reb_maps.zoekgebieden.gebied",
    "reb_maps.zoekgebieden.toets",
    "reb_maps.werkruimte.opslag",
    "reb_maps.werkruimte.records",
    "reb_maps.werkruimte.gpkg",
    "reb_maps.werkruimte.adres",
)
STREAMLIT = ("streamlit", "streamlit_folium")
UI_MODULES = (
    "streamlit",
    "streamlit_folium",
    "folium",
    "branca",
    "reb_maps.kaart",
    "reb_maps.labels",
    "reb_maps.charts",
    "ui",
    "app_pages",
)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))}


MODULES = _modules()


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(name: str, path: Path) -> set[str]:
    """Every module this file imports, anywhere in it (outside `if TYPE_CHECKING:`).

    `from a import b` means module a.b when that is a module of ours, else module a (a name defined in a).
    """
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = {id(n) for top in ast.walk(tree) if _is_type_checking(top) for n in ast.walk(top)}
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against this module's package
                package = name.split(".") if is_package else name.split(".")[:-1]
                package = package[: len(package) - (node.level - 1)]
                base = ".".join([*package, base] if base else package)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full in MODULES else base)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _internal(name: str) -> set[str]:
    return {m for m in GRAPH[name] if m in MODULES and m != name}


def _parents(name: str) -> list[str]:
    """Packages whose __init__ runs before `name` does."""
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts)) if ".".join(parts[:i]) in MODULES]


def _closure(start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(_internal(name))
        todo.extend(_parents(name))
    return seen


def _is_ui(module: str) -> bool:
    return any(module == ui or module.startswith(f"{ui}.") for ui in UI_MODULES)


def test_the_walk_sees_the_package():
    assert {"reb_maps.kaart", "reb_maps.zoekgebieden.zones", "ui.zoekgebieden.kaartlagen"} <= set(MODULES)
    assert set(ENGINES) <= set(MODULES)
    # the walk resolves `from pkg import submodule` to the submodule
    assert "reb_maps.zoekgebieden.grid" in GRAPH["reb_maps.zoekgebieden.zones"]


def test_no_import_cycle():
    sorter = graphlib.TopologicalSorter({name: _internal(name) for name in MODULES})
    try:
        sorter.prepare()
    except graphlib.CycleError as exc:
        pytest.fail(f"import cycle: {' -> '.join(exc.args[1])}")


def test_a_cycle_would_be_found():
    sorter = graphlib.TopologicalSorter({"a": {"b"}, "b": {"a"}})
    with pytest.raises(graphlib.CycleError):
        sorter.prepare()


@pytest.mark.parametrize("engine", ENGINES)
def test_engine_imports_no_ui(engine):
    """Neither the engine nor anything of ours it imports (parent packages included) touches UI code."""
    offenders = {
        f"{name} imports {module}" for name in _closure(engine) for module in GRAPH[name] if _is_ui(module)
    }
    assert not offenders, sorted(offenders)


def test_engine_package_holds_no_page_adapters():
    adapters = {"formulier", "kaartlagen", "teksten"}
    assert not {m for m in MODULES if m.startswith("reb_maps.zoekgebieden.") and m.rsplit(".", 1)[1] in adapters}
    assert "reb_maps.schaalsprong_view" not in MODULES


def test_package_never_imports_pages_or_adapters():
    offenders = {
        f"{name} imports {module}"
        for name in MODULES
        if name.startswith("reb_maps")
        for module in GRAPH[name]
        if module.split(".")[0] in {"ui", "app_pages"}
    }
    assert not offenders, sorted(offenders)


def test_engines_load_without_ui_at_run_time():
    """The same claim, checked by Python itself in a fresh interpreter."""
    code = (
        f"import sys; import {', '.join(ENGINES)}; "
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'streamlit', 'streamlit_folium', 'folium', 'branca', 'plotly', 'ui', 'app_pages'} "
        "or m in {'reb_maps.kaart', 'reb_maps.labels', 'reb_maps.charts'})))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def _is_streamlit(module: str) -> bool:
    return any(module == naam or module.startswith(f"{naam}.") for naam in STREAMLIT)


def test_the_whole_engine_package_is_free_of_streamlit():
    """Every module under reb_maps/, not only the engines above: Streamlit glue lives in ui/ and app_pages/."""
    offenders = {
        f"{name} imports {module}"
        for name in MODULES
        if name.startswith("reb_maps")
        for module in GRAPH[name]
        if _is_streamlit(module)
    }
    assert not offenders, sorted(offenders)
    assert {"ui.state", "ui.meldingen", "ui.kaart_cache"} <= set(MODULES)


def _importeerbaar(name: str) -> bool:
    # __main__ modules run a command line; Alembic's env.py runs only inside a migration
    return name.startswith("reb_maps") and not name.endswith("__main__") and ".migraties." not in f"{name}."


def test_the_engine_package_loads_without_streamlit_at_run_time():
    modules = sorted(name for name in MODULES if _importeerbaar(name))
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in {'streamlit', 'streamlit_folium'})))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_cross_page_session_keys_have_one_home():
    """ui/sessie_sleutels.py holds the session keys that cross pages; no other module spells one as its own key."""
    from ui import sessie_sleutels

    registry = {naam: waarde for naam, waarde in vars(sessie_sleutels).items() if naam.isupper()}
    assert len(set(registry.values())) == len(registry), "twee namen voor dezelfde sessiesleutel"
    spelled = []
    for path in [*sorted((ROOT / "ui").rglob("*.py")), *sorted((ROOT / "app_pages").rglob("*.py")), ROOT / "app.py"]:
        if path.name == "sessie_sleutels.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)):
                continue
            for target in node.targets:
                naam = getattr(target, "id", "")
                if naam.endswith(("KEY", "SLEUTEL")) and node.value.value in registry.values():
                    spelled.append(f"{path.relative_to(ROOT)}: {naam} = {node.value.value!r}")
    assert not spelled, spelled
