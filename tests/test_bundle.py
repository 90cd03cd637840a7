"""The frozen program: build it with PyInstaller and use it, so a broken bundle is caught.

Slow (about a minute; the work folder under build/ is reused, so rebuilds are faster).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "bundle-test"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None, reason="PyInstaller is not installed"
    ),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the test builds on Linux"),
]


@pytest.fixture(scope="module")
def bundle() -> Path:
    done = subprocess.run(
        ["sh", str(ROOT / "bench" / "build_bundle.sh"), str(BUILD / "dist"), str(BUILD / "work")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
        env={**os.environ, "PYTHON": sys.executable},
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return BUILD / "dist" / "nianbao"


def run(program: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=env,
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NIANBAO_DATA_DIR": str(tmp_path / "d")}


def test_bundle_holds_resources_and_chinese_qt_translation(bundle: Path) -> None:
    inside = bundle / "_internal"
    assert (bundle / "nianbao").is_file() and (bundle / "nianbao-cli").is_file()
    assert (inside / "resources" / "formats" / "legacy2008.json").is_file()
    assert (inside / "resources" / "icons" / "nianbao.svg").is_file()
    translations = inside / "PySide6" / "Qt" / "translations"
    assert (translations / "qtbase_zh_CN.qm").is_file()
    assert not list(translations.glob("qtbase_de.qm"))  # other languages are left out


def test_frozen_program_imports_the_sample_and_exports_a_pdf(
    bundle: Path, env: dict[str, str], tmp_path: Path, sample_text_path: Path
) -> None:
    import pdfplumber

    store = tmp_path / "store.json"
    done = run(
        bundle / "nianbao-cli", "import", str(sample_text_path), "--store", str(store), env=env
    )
    assert done.returncode == 0, done.stderr
    report_id = done.stdout.strip()
    listed = run(bundle / "nianbao-cli", "list", "--store", str(store), env=env)
    assert listed.stdout.startswith(f"{report_id}\t2017\t市中区商务局\tlegacy2008")
    pdf = tmp_path / "年报.pdf"
    done = run(
        bundle / "nianbao", "export", report_id, "--pdf", str(pdf), "--store", str(store), env=env
    )
    assert done.returncode == 0, done.stderr
    assert "使用的字体" in done.stderr
    with pdfplumber.open(pdf) as document:
        assert len(document.pages) >= 2
        assert "市中区商务局" in (document.pages[0].extract_text() or "")


def test_frozen_window_opens_a_file_given_on_the_command_line(
    bundle: Path, env: dict[str, str], tmp_path: Path, sample_text_path: Path
) -> None:
    """What a double-click on a report file does: start, import it into the store, stay up."""
    store = tmp_path / "store.json"
    process = subprocess.Popen(
        [str(bundle / "nianbao"), "--store", str(store), str(sample_text_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and process.poll() is None:
            if store.exists() and "市中区商务局" in store.read_text(encoding="utf-8"):
                break
            time.sleep(0.3)
        time.sleep(1)  # still up after opening the report
        alive = process.poll() is None
    finally:
        process.terminate()
        _, err = process.communicate(timeout=30)
    assert alive, err.decode("utf-8", "replace")[-3000:]
    listed = run(bundle / "nianbao-cli", "list", "--store", str(store), env=env)
    assert "\t2017\t市中区商务局\tlegacy2008" in listed.stdout
