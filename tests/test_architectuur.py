"""The package's shape: no import cycles, and engines that import no UI (read from the source, not imported).

Imports inside functions count too: a late import hides a cycle from Python, not from a reader.
"""

from __future__ import annotations

import ast
import graphlib
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("reb_maps", "ui", "app_pages")

# The layers, from the bottom: engines and data (reb_maps/), renderers (reb_maps/weergave/), Streamlit glue (ui/),
# pages (app_pages/ and app.py). docs/architectuur.md draws them.
WEERGAVE = "reb_maps.weergave"
# Thin command-line entries: they may call a renderer (the briefing PDF, the deck) but draw nothing themselves.
INGANGEN = ("reb_maps.briefing", "reb_maps.presentatie")
STREAMLIT = ("streamlit", "streamlit_folium")
TEKENEN = ("folium", "branca", "plotly", "matplotlib", "matplotlib_scalebar", "fpdf", "pptx")
# ui/ draws no chart, picture or document; its map adapters may add layers to a folium map (a Leaflet object, as
# st_folium takes it) — the map itself is built in reb_maps/weergave/kaart.py.
TEKENEN_IN_UI = ("plotly", "matplotlib", "matplotlib_scalebar", "fpdf", "pptx")

# Engines the pages lean on most; the rules below hold for every module, these are also checked at run time
ENGINES = (
    "reb_maps.schaalsprong",
    "reb_maps.kerncijfers",
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
    "reb_maps.programmering.balans",
    "reb_maps.monitor.reeks",
)


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules(root: Path = ROOT) -> dict[str, Path]:
    found = {_module_name(p, root): p for pkg in PACKAGES for p in sorted((root / pkg).rglob("*.py"))}
    found["app"] = root / "app.py"
    return found


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(name: str, path: Path, known: Iterable[str]) -> set[str]:
    """Every module this file imports, anywhere in it (outside `if TYPE_CHECKING:`).

    `from a import b` means module a.b when that is a module of ours (`known`), else module a (a name in a).
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
                found.add(full if full in known else base)
    return found


def _graph(root: Path = ROOT) -> dict[str, set[str]]:
    modules = _modules(root)
    return {name: _imports(name, path, modules) for name, path in modules.items()}


MODULES = _modules()
GRAPH = _graph()


def _onder(module: str, bases: Iterable[str]) -> bool:
    return any(module == base or module.startswith(f"{base}.") for base in bases)


def laag(name: str) -> str:
    """The layer of one of our modules: motor (engines and data), ingang, weergave, glue or pagina."""
    if name == "app" or _onder(name, ["app_pages"]):
        return "pagina"
    if _onder(name, ["ui"]):
        return "glue"
    if _onder(name, [WEERGAVE]):
        return "weergave"
    if name in INGANGEN or name.endswith(".__main__"):
        return "ingang"
    return "motor"


def overtredingen(graph: dict[str, set[str]]) -> list[str]:
    """Every import that breaks a layer rule, as 'module imports module (rule)'."""
    found = []
    for name, imports in graph.items():
        soort = laag(name)
        for module in sorted(imports):
            regel = None
            if soort in {"motor", "ingang", "weergave"} and _onder(module, [*STREAMLIT, "ui", "app_pages"]):
                regel = "reb_maps/ kent Streamlit, ui/ en de pagina's niet"
            elif soort in {"motor", "ingang"} and _onder(module, TEKENEN):
                regel = "tekenen gebeurt alleen in reb_maps/weergave/"
            elif soort == "motor" and _onder(module, [WEERGAVE]):
                regel = "een rekenkern of datamodule gebruikt geen renderer"
            elif soort == "glue" and _onder(module, ["app_pages", "app"]):
                regel = "ui/ kent de pagina's niet"
            elif soort in {"glue", "pagina"} and _onder(module, TEKENEN_IN_UI):
                regel = "grafieken, beelden en documenten tekent reb_maps/weergave/"
            elif soort == "pagina" and module != name and _onder(module, ["app_pages"]):
                regel = "een pagina importeert geen andere pagina"
            if regel:
                found.append(f"{name} imports {module} ({regel})")
    return found


def _internal(name: str) -> set[str]:
    return {m for m in GRAPH[name] if m in MODULES and m != name}


def test_the_walk_sees_every_module():
    files = {p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")} | {ROOT / "app.py"}
    assert set(MODULES.values()) == files
    assert {"reb_maps.weergave.kaart", "reb_maps.zoekgebieden.zones", "ui.zoekgebieden.kaartlagen"} <= set(MODULES)
    assert {"app", "app_pages.kaart", "ui.kaart_cache"} <= set(MODULES)
    assert set(ENGINES) <= set(MODULES)
    # the walk resolves `from pkg import submodule` to the submodule
    assert "reb_maps.zoekgebieden.grid" in GRAPH["reb_maps.zoekgebieden.zones"]
    assert {laag(m) for m in MODULES} == {"motor", "ingang", "weergave", "glue", "pagina"}


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


def test_every_module_keeps_to_its_layer():
    """The three rules for every module of reb_maps/, ui/ and app_pages/: no Streamlit in reb_maps/, drawing only
    in reb_maps/weergave/, engines use no renderer; and ui/ never reaches up to a page."""
    assert not overtredingen(GRAPH), overtredingen(GRAPH)


def test_a_planted_violation_is_found(tmp_path):
    """The rules run on a copy of the tree with five bad imports planted in it, and name each one."""
    for path in MODULES.values():
        target = tmp_path / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    assert not overtredingen(_graph(tmp_path))
    planted = {
        "reb_maps/kerncijfers.py": "import streamlit as st\n",
        "reb_maps/fmt.py": "def _teken():\n    import plotly.express\n",
        "reb_maps/paneel.py": "from reb_maps.weergave import kaart\n",
        "ui/opmaak.py": "from app_pages import kaart\n",
        "app_pages/regio.py": "import plotly.graph_objects as go\n",
    }
    for relative, code in planted.items():
        with open(tmp_path / relative, "a", encoding="utf-8") as file:
            file.write(code)
    found = overtredingen(_graph(tmp_path))
    assert len(found) == 5, found
    assert any(f.startswith("reb_maps.kerncijfers imports streamlit ") for f in found)
    assert any(f.startswith("reb_maps.fmt imports plotly.express ") for f in found)
    assert any(f.startswith("reb_maps.paneel imports reb_maps.weergave.kaart ") for f in found)
    assert any(f.startswith("ui.opmaak imports app_pages") for f in found)
    assert any(f.startswith("app_pages.regio imports plotly.graph_objects ") for f in found)


def test_engine_package_holds_no_page_adapters():
    adapters = {"formulier", "kaartlagen", "teksten"}
    assert not {m for m in MODULES if m.startswith("reb_maps.zoekgebieden.") and m.rsplit(".", 1)[1] in adapters}
    assert "reb_maps.schaalsprong_view" not in MODULES


def _importeerbaar(name: str) -> bool:
    # __main__ modules run a command line; Alembic's env.py runs only inside a migration
    return name.startswith("reb_maps") and not name.endswith("__main__") and ".migraties." not in f"{name}."


def _geladen_na(modules: Iterable[str], verboden: str) -> str:
    """Import `modules` in a fresh interpreter; the loaded modules for which `verboden` (an expression in m) holds."""
    code = (
        "import importlib, sys\n"
        f"for name in {sorted(modules)!r}: importlib.import_module(name)\n"
        f"print(' '.join(sorted(m for m in sys.modules if {verboden})))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_engines_load_without_ui_or_drawing_at_run_time():
    """The same claim, checked by Python itself: loading every engine and data module pulls in no Streamlit, no
    drawing library and no renderer, not even through a library's own imports."""
    motor = [m for m in MODULES if laag(m) == "motor" and _importeerbaar(m)]
    assert set(ENGINES) <= set(motor)
    verboden = {*STREAMLIT, *TEKENEN, "ui", "app_pages"}
    assert _geladen_na(motor, f"m.split('.')[0] in {verboden!r} or m.startswith({WEERGAVE!r})") == ""


def test_the_renderers_load_without_streamlit_at_run_time():
    modules = [name for name in MODULES if _importeerbaar(name)]
    assert _geladen_na(modules, f"m.split('.')[0] in {set(STREAMLIT)!r}") == ""


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
