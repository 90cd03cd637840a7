"""Refresh ``nianbao_en.ts`` from the source (keeps existing translations) and compile ``.qm``.

Run from the repository root: ``python3 resources/i18n/build_translations.py``.
Source strings are Chinese; the English texts are edited in the ``.ts`` file (Qt Linguist or
any text editor). Strings without an English text stay Chinese in the English interface.

lupdate runs keeping obsolete entries: a string whose class (context) changed or that moved
to another module is then still in the file with its English. ``carry_over`` gives every
unfinished message the English of a finished or obsolete message with the same source text
(in any context) and only then drops the obsolete entries, so no translation is lost.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "nianbao_en.ts"
QM = HERE / "nianbao_en.qm"
OBSOLETE = ("vanished", "obsolete")


def _key(message: ET.Element) -> tuple[str, str]:
    return message.findtext("source") or "", message.findtext("comment") or ""


def carry_over(ts: Path) -> tuple[int, int]:
    """Fill unfinished messages from same-source translations, then drop obsolete entries.

    Returns (messages filled, obsolete entries dropped)."""
    tree = ET.parse(ts)
    contexts = tree.getroot().findall("context")
    known: dict[tuple[str, str], ET.Element] = {}
    for context in contexts:
        for message in context.findall("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if translation is not None and kind != "unfinished" and "".join(translation.itertext()):
                known.setdefault(_key(message), translation)
    filled = dropped = 0
    for context in contexts:
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation is None:
                continue
            kind = translation.get("type")
            if kind in OBSOLETE:
                context.remove(message)
                dropped += 1
            elif kind == "unfinished" and _key(message) in known:
                message.remove(translation)
                done = ET.fromstring(ET.tostring(known[_key(message)]))
                done.attrib.pop("type", None)
                done.tail = translation.tail
                message.append(done)
                filled += 1
        if not context.findall("message"):
            tree.getroot().remove(context)
    ET.indent(tree, space="  ")
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled, dropped


def lupdate_command(ts: Path = TS) -> list[str]:
    """The lupdate call (run in ROOT) that refreshes ``ts`` from the sources, obsolete kept."""
    # gui/ and the labels model/ declares for the interface (the 基本信息 fields)
    files = [*(ROOT / "gui").rglob("*.py"), ROOT / "model" / "basic_info.py"]
    sources = sorted(str(p.relative_to(ROOT)) for p in files)
    options = ["-locations", "none", "-target-language", "en", "-ts", str(ts)]
    return [_tool("pyside6-lupdate"), *sources, *options]


def _tool(name: str) -> str:
    """A PySide6 tool: beside the running Python (a venv not on PATH) or else on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name) or name


def main() -> int:
    subprocess.run(lupdate_command(), cwd=ROOT, check=True)
    filled, dropped = carry_over(TS)
    print(f"Carried over {filled} translation(s); dropped {dropped} obsolete entries.")
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
