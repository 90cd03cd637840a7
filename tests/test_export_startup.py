"""A fresh `main.py export … --pdf` loads only what the PDF needs.

The whole command is timed against LibreOffice in bench/bench_export.py; here the modules it
must not load are named (each costs a fresh process tens of milliseconds): reportlab's page
machinery, the store, the checks engine, and the web and mail modules some of them pull in.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from long_report import long_report

from model.importers.exchange import write_exchange_file

ROOT = Path(__file__).resolve().parent.parent

NOT_LOADED = (
    "reportlab.platypus",  # the pages are poured by export.pdf.pages
    "xml.sax.saxutils",  # pulls in urllib.request, http.client, email and ssl
    "urllib.request",
    "ssl",
    "model.store.report_store",  # a report file is exported without opening the store
    "model.duplicates",
    "model.checks.engine",
    "uuid",
    "PySide6",
    "PIL.ExifTags",  # loaded with Pillow's Image module, which waits for first use
)

EXPORT_AND_LIST = """
import json, sys
sys.path.insert(0, {root!r})
import main
code = main.main(["export", {source!r}, "--pdf", {out!r}, "--store", {store!r}])
print(json.dumps([code, sorted(sys.modules)]))
"""


def test_a_fresh_pdf_export_leaves_the_unneeded_modules_unloaded(tmp_path: Path) -> None:
    source = tmp_path / "report.nianbao.json"
    write_exchange_file(long_report(), source)
    out = tmp_path / "out.pdf"
    code = EXPORT_AND_LIST.format(
        root=str(ROOT), source=str(source), out=str(out), store=str(tmp_path / "none.json")
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    exit_code, modules = json.loads(run.stdout.strip().splitlines()[-1])
    assert exit_code == 0, run.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert "已写入 PDF" in run.stderr
    loaded = [name for name in NOT_LOADED if name in modules]
    assert loaded == []
    assert not (tmp_path / "none.json").exists()  # the store was not even created


PILLOW_AFTER_DEFERRAL = """
import sys
sys.path.insert(0, {root!r})
import export.pdf.render  # defers Pillow's Image module, then imports reportlab
assert "PIL.ExifTags" not in sys.modules
from PIL import Image
Image.new("RGB", (3, 2), "red").save({png!r})
from reportlab.lib.utils import ImageReader
print(ImageReader({png!r}).getSize())
"""


def test_pillow_still_works_for_code_that_uses_it(tmp_path: Path) -> None:
    png = tmp_path / "dot.png"
    code = PILLOW_AFTER_DEFERRAL.format(root=str(ROOT), png=str(png))
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "(3, 2)"
