"""设置 → 字体 stays responsive while a PDF is being made (one render lock, owned by export/)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from export.pdf import render as pdf
from gui.output import font_settings
from gui.output.export_worker import RENDER, ExportJob, run_job
from model.formats import get_format
from model.importers.text import import_file
from model.paths import fonts_dir


def _finishes(action: Callable[[], object], seconds: float = 10.0) -> bool:
    """Run ``action`` in a thread; whether it finished within ``seconds``."""
    done = threading.Event()

    def run() -> None:
        action()
        done.set()

    threading.Thread(target=run, daemon=True).start()
    return done.wait(seconds)


@pytest.mark.parametrize(
    "read_fonts",
    [
        lambda: font_settings.role_statuses({}),
        lambda: font_settings.check_font_file(str(fonts_dir() / "FandolKai-Regular.ttf")),
    ],
    ids=["role_statuses", "check_font_file"],
)
def test_font_page_does_not_wait_for_a_running_export(
    read_fonts: Callable[[], object], sample_text_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = import_file(sample_text_path).report
    fmt = get_format(report.format)
    rendering, release = threading.Event(), threading.Event()
    real_build_story = pdf.build_story

    def slow_build_story(*args: object, **kwargs: object) -> object:
        rendering.set()
        release.wait(30)  # an export that takes long, under the render lock
        return real_build_story(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf, "build_story", slow_build_story)
    job = ExportJob(kind=RENDER, report=report.copy(), fmt=fmt)
    worker = threading.Thread(target=run_job, args=(job,), daemon=True)
    worker.start()
    try:
        assert rendering.wait(30)
        assert _finishes(read_fonts), "the font page waited for the export to finish"
    finally:
        release.set()
        worker.join(60)
    assert job.ok and job.result.data.startswith(b"%PDF")
