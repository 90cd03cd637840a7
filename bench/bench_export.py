"""Export timings: warm and first (fresh process) PDF export, beside a bare reportlab build;
warm Word export; the whole `python main.py export … --pdf` process beside LibreOffice
converting the same report's .docx to PDF, side by side in one run.

Run from the repository root:  python3 bench/bench_export.py
Targets: warm export of a report under 100 ms, first export (fonts loading) under 0.6 s,
warm .docx under 200 ms, the whole command at most 0.3 × LibreOffice.
A first export with characters outside GB2312 (镕 喆 𠀀) is shown too: it loads the large
fallback faces, which a report of common characters never reads.
"""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model.formats import Format, get_format  # noqa: E402
from model.importers.text import import_file  # noqa: E402
from model.report import Report  # noqa: E402

SAMPLE = ROOT / "tests" / "data" / "000_edff53855f6cc80f.txt"
RUNS = 10


def sample_report() -> tuple[Report, Format]:
    """The 2017 sample through the real importer (as a clerk would bring it in)."""
    report = import_file(SAMPLE).report
    return report, get_format(report.format)


def national_report() -> tuple[Report, Format] | None:
    if not (ROOT / "resources" / "formats" / "fmt2021.json").is_file():
        return None
    fmt = get_format("fmt2021")
    sample, _ = sample_report()
    paragraphs = [p for ps in sample.sections.values() for p in ps]
    report = Report(format=fmt.id, agency="某市某区人民政府办公室", year=2024)
    report.preamble = sample.preamble
    for k, section in enumerate(fmt.sections):
        report.sections[section.id] = paragraphs[k * 3 : k * 3 + 3]
    for n, cell in enumerate(fmt.all_cells().values()):
        if not cell.is_computed and cell.cell_id:
            report.cells[cell.cell_id] = 1.5 if cell.value_type == "decimal" else n % 17
    return report, fmt


def warm(report: Report, fmt: Format) -> tuple[float, int]:
    from export.pdf.render import render_pdf

    result = render_pdf(report, fmt)  # warm-up
    start = time.perf_counter()
    for _ in range(RUNS):
        render_pdf(report, fmt)
    return (time.perf_counter() - start) / RUNS, result.pages


def bare_reportlab(report: Report) -> float:
    """The same text as plain reportlab Paragraphs (wordWrap CJK), no grid, no fallback."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    font = ROOT / "resources" / "fonts" / "FandolFang-Regular.ttf"
    if "bench-song" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("bench-song", str(font)))
    style = ParagraphStyle(
        "b", fontName="bench-song", fontSize=16, leading=29, firstLineIndent=32, wordWrap="CJK"
    )
    texts = [*report.preamble, *(p for ps in report.sections.values() for p in ps)]

    def build() -> None:
        doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4)
        doc.build([Paragraph(escape(t), style) for t in texts])

    build()
    start = time.perf_counter()
    for _ in range(RUNS):
        build()
    return (time.perf_counter() - start) / RUNS


FIRST = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {root!r}); sys.path.insert(0, {bench!r})
    t0 = time.perf_counter()
    from bench_export import sample_report
    from export.pdf.render import render_pdf
    t1 = time.perf_counter()
    report, fmt = sample_report()
    report.preamble.append({extra!r})
    t2 = time.perf_counter()
    render_pdf(report, fmt)
    t3 = time.perf_counter()
    print(f"{{t1 - t0:.3f}} {{t3 - t2:.3f}}")
    """
)


RARE_NAMES = "朱镕基、张喆、王堃、李珺、赵昇与𠀀字。"  # outside GB2312: fallback faces load


def first_export(extra: str = "") -> tuple[float, float]:
    code = FIRST.format(root=str(ROOT), bench=str(ROOT / "bench"), extra=extra)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    imports, first = (float(x) for x in out.stdout.split())
    return imports, first


def warm_docx(report: Report, fmt: Format) -> float:
    from export.docx.render import render_docx

    render_docx(report, fmt)  # warm-up
    start = time.perf_counter()
    for _ in range(RUNS):
        render_docx(report, fmt)
    return (time.perf_counter() - start) / RUNS


def whole_process_vs_libreoffice(report: Report, fmt: Format) -> None:
    """`python main.py export X --pdf` in a fresh process, beside `soffice --convert-to pdf`
    of the same report as .docx; each run five times alternately, medians compared."""
    import shutil
    import statistics
    import tempfile

    from export.docx.render import render_docx
    from model.importers.exchange import write_exchange_file

    soffice = shutil.which("soffice")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "report.nianbao.json"
        write_exchange_file(report, source)
        (folder / "report.docx").write_bytes(render_docx(report, fmt).data)
        ours_cmd = [
            sys.executable,
            str(ROOT / "main.py"),
            "export",
            str(source),
            "--pdf",
            str(folder / "ours.pdf"),
            "--store",
            str(folder / "store.json"),
        ]
        office_cmd = [
            soffice or "soffice",
            f"-env:UserInstallation=file://{folder / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "lo"),
            str(folder / "report.docx"),
        ]
        # An installed program runs from compiled bytecode; where this shell forbids writing
        # it (PYTHONDONTWRITEBYTECODE), every run would compile the sources again.
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", "main.py", "model", "export"],
            cwd=ROOT,
            capture_output=True,
            check=False,
        )
        if soffice:  # LibreOffice's first start creates its profile: not counted
            subprocess.run(office_cmd, capture_output=True, check=False)
        subprocess.run(ours_cmd, capture_output=True, check=True)  # font cache filled
        ours: list[float] = []
        office: list[float] = []
        for _ in range(RUNS // 2):
            start = time.perf_counter()
            subprocess.run(ours_cmd, capture_output=True, check=True)
            ours.append(time.perf_counter() - start)
            if soffice:
                start = time.perf_counter()
                subprocess.run(office_cmd, capture_output=True, check=True)
                office.append(time.perf_counter() - start)
        mine = statistics.median(ours)
        print(f"whole `main.py export --pdf` process (fmt2021): {mine * 1000:7.0f} ms")
        if office:
            theirs = statistics.median(office)
            print(f"LibreOffice .docx -> PDF, same report:        {theirs * 1000:7.0f} ms")
            print(f"ratio: {mine / theirs:.2f} × LibreOffice   target <= 0.30")
        else:
            print("LibreOffice (soffice) not installed: no comparison")


def main() -> None:
    report, fmt = sample_report()
    imports, first = first_export()
    print(
        f"first export, fresh process (fonts loading): {first * 1000:7.1f} ms"
        f"  (+ imports {imports * 1000:.0f} ms)   target < 600 ms"
    )
    _imports, first_rare = first_export(RARE_NAMES)
    print(
        f"first export with names outside GB2312:       {first_rare * 1000:7.1f} ms"
        "  (loads the Song fallback faces on demand)"
    )
    seconds, pages = warm(report, fmt)
    line = f"warm export, sample report ({pages} pages):     {seconds * 1000:7.1f} ms"
    print(line + "   target < 100 ms")
    print(f"bare reportlab Paragraphs, same text:        {bare_reportlab(report) * 1000:7.1f} ms")
    national = national_report()
    if national is None:
        print("fmt2021.json not found: national-format report skipped")
    else:
        seconds, pages = warm(*national)
        line = f"warm export, fmt2021 with all tables ({pages} pages): {seconds * 1000:7.1f} ms"
        print(line + "  target < 100 ms")
        seconds = warm_docx(*national)
        line = f"warm .docx, fmt2021 with all tables:         {seconds * 1000:7.1f} ms"
        print(line + "  target < 200 ms")
        whole_process_vs_libreoffice(*national)


if __name__ == "__main__":
    main()
