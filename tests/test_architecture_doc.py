"""docs/ARCHITECTURE.md's module map names every module of model/, export/ and gui/ in the
folder it lives in, and nothing that no longer exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
ENTRY = re.compile(r"^( *)((?:[a-z0-9_]+(?:\.py|/))(?:, [a-z0-9_]+\.py)*,?)(?:\s|$)")


def modules_in_the_map() -> set[str]:
    """Paths such as ``model/checks/engine.py`` read off the indented tree of the map."""
    block = DOC.split("```", 2)[1]
    folders: list[tuple[int, str]] = []
    named: set[str] = set()
    for line in block.splitlines():
        match = ENTRY.match(line)
        if not match:
            continue
        indent, names = len(match.group(1)), match.group(2)
        folders = [(level, name) for level, name in folders if level < indent]
        if names.endswith("/"):
            if indent == 0 and names.startswith("resources"):
                continue
            folders.append((indent, names))
            continue
        prefix = "".join(name for _level, name in folders)
        for name in filter(None, (n.strip() for n in names.split(","))):
            named.add(prefix + name)
    return named


def modules_in_the_tree() -> set[str]:
    found = {"main.py"}
    for top in ("model", "export", "gui"):
        for path in (ROOT / top).rglob("*.py"):
            if path.name != "__init__.py":
                found.add(path.relative_to(ROOT).as_posix())
    return found


def test_every_module_is_named_in_its_folder() -> None:
    missing = modules_in_the_tree() - modules_in_the_map()
    assert not missing, f"not in docs/ARCHITECTURE.md: {sorted(missing)}"


def test_the_map_names_no_module_that_is_gone() -> None:
    gone = modules_in_the_map() - modules_in_the_tree()
    assert not gone, f"named in docs/ARCHITECTURE.md but not in the tree: {sorted(gone)}"
