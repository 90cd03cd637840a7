"""PDF export succeeds, or refuses with a clear error, for any text the clerk can type."""

from __future__ import annotations

import io

import pdfplumber
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from export.pdf.render import render_pdf
from model.errors import ExportError
from model.formats import get_format
from model.report import Report

LEGACY = get_format("legacy2008")
paragraphs = st.lists(st.text(min_size=0, max_size=120), min_size=0, max_size=3)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    agency=st.text(max_size=30), title=st.text(max_size=60), body=paragraphs, preamble=paragraphs
)
def test_any_text_exports_or_is_refused_clearly(
    agency: str, title: str, body: list[str], preamble: list[str]
) -> None:
    report = Report(format="legacy2008", agency=agency, year=2024)
    report.set_meta("title", title)
    report.set_preamble(preamble)
    report.set_paragraphs("L3", body)
    try:
        result = render_pdf(report, LEGACY)
    except ExportError as exc:  # allowed, but only with a message for the clerk
        assert str(exc).strip()
        return
    assert result.pages >= 1
    assert result.data.startswith(b"%PDF")
    # every character a font can draw comes back out of the PDF (missing ones are listed)
    drawable = {ch for ch, _ in result.missing_chars}
    with pdfplumber.open(io.BytesIO(result.data)) as pdf:
        # ligatures (ﬀ) stay as drawn: pdfplumber would spell them out as ff
        text = "".join(page.extract_text(expand_ligatures=False) or "" for page in pdf.pages)
    compact = "".join(text.split())
    for paragraph in body:
        for ch in paragraph:
            if ch.isprintable() and not ch.isspace() and ch not in drawable:
                assert ch in compact, f"{ch!r} from the section text is not in the PDF"
