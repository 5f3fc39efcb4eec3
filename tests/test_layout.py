"""The layering the style guide asks for: the core never knows the CLI framework or the terminal."""

import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "speechkit"
TERMINAL = {"cli.py", "render.py"}  # and the command bodies under commands/


def imports(path: Path, module: str) -> bool:
    return bool(re.search(rf"^\s*(?:import {module}\b|from {module}\b)", path.read_text("utf-8"), re.M))


def test_only_cli_imports_typer():
    assert [p.name for p in PACKAGE.rglob("*.py") if imports(p, "typer")] == ["cli.py"]


def test_the_core_never_imports_rich():
    core = [p.relative_to(PACKAGE) for p in PACKAGE.rglob("*.py")]  # subpackages too: figures/
    core = [p for p in core if p.parts[0] not in TERMINAL | {"commands"}]
    assert [p.as_posix() for p in core if imports(PACKAGE / p, "rich")] == []


def test_importing_the_library_loads_no_heavy_module():
    code = ("import sys, speechkit; "
            "print(sorted(m for m in ('typer', 'rich', 'razdel', 'pymorphy3') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_command_run_imports_no_module_it_does_not_need():
    # importlib.resources (with tempfile, zipfile and its readers) said where the packaged data files lie:
    # ~15 ms of a cold start to find the folder beside the module
    code = ("import sys, io, contextlib\n"
            "from speechkit import cli, datafiles\n"
            "datafiles.read_text('stopwords.txt')\n"
            "print(sorted(m for m in ('importlib.resources', 'zipfile', 'sqlite3') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
