"""Refresh ``nianbao_en.ts`` from the source (keeps existing translations) and compile ``.qm``.

Run from the repository root: ``python3 resources/i18n/build_translations.py``.
Source strings are Chinese; the English texts are edited in the ``.ts`` file (Qt Linguist or
any text editor). Strings without an English text stay Chinese in the English interface.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "nianbao_en.ts"
QM = HERE / "nianbao_en.qm"


def main() -> int:
    # gui/ and the labels model/ declares for the interface (the 基本信息 fields)
    files = [*(ROOT / "gui").rglob("*.py"), ROOT / "model" / "basic_info.py"]
    sources = sorted(str(p.relative_to(ROOT)) for p in files)
    options = ["-locations", "none", "-no-obsolete", "-target-language", "en", "-ts", str(TS)]
    subprocess.run(["pyside6-lupdate", *sources, *options], cwd=ROOT, check=True)
    subprocess.run(["pyside6-lrelease", str(TS), "-qm", str(QM)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
