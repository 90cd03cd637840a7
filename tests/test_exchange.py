"""The exchange file: schema, hand validation, round trip, migrations, id clashes."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.basic_info import META_FIELDS
from model.commands import import_into_store
from model.errors import ReportDataError, ReportImportError
from model.importers.exchange import (
    EXCHANGE_SUFFIX,
    exchange_file_name,
    report_from_document,
    report_to_json,
    validate_document,
    write_exchange_file,
)
from model.importers.text import import_file
from model.report import NOT_APPLICABLE, Report
from model.store.report_store import ReportStore

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "docs" / "report.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture
def sample_report(sample_text_path: Path) -> Report:
    report = import_file(sample_text_path).report
    report.cells = {"leg.active.total": 46, "leg.fees": 0.25, "leg.review": NOT_APPLICABLE}
    report.dismissed = {"R1@x": "已核实"}
    return report


def test_schema_accepts_what_the_program_writes(
    validator: jsonschema.Draft202012Validator, sample_report: Report
) -> None:
    doc = json.loads(report_to_json(sample_report))
    assert list(validator.iter_errors(doc)) == []
    assert validate_document(doc) == []


BAD_DOCUMENTS: list[tuple[str, dict[str, Any]]] = [
    ("version", {"schema_version": 2}),
    ("version-bool", {"schema_version": True}),
    ("id-empty", {"id": ""}),
    ("id-spaces", {"id": "a b"}),
    ("format-number", {"format": 7}),
    ("year-text", {"year": "2017"}),
    ("year-bool", {"year": True}),
    ("year-short", {"year": 17}),
    ("agency-number", {"agency": 3}),
    ("meta-unknown", {"meta": {"colour": "red"}}),
    ("meta-number", {"meta": {"phone": 123}}),
    ("preamble-text", {"preamble": "一段"}),
    ("section-text", {"sections": {"L1": "一段"}}),
    ("section-mixed", {"sections": {"L1": ["一段", 2]}}),
    ("cell-text", {"cells": {"s3.x": "12"}}),
    ("cell-bool", {"cells": {"s3.x": False}}),
    ("cells-list", {"cells": [1, 2]}),
    ("dismissed-number", {"dismissed": {"R1": 1}}),
]


@pytest.mark.parametrize(("name", "change"), BAD_DOCUMENTS, ids=[n for n, _ in BAD_DOCUMENTS])
def test_hand_check_and_schema_reject_the_same_documents(
    validator: jsonschema.Draft202012Validator,
    sample_report: Report,
    name: str,
    change: dict[str, Any],
) -> None:
    doc = {**sample_report.to_dict(), **change}
    assert list(validator.iter_errors(doc)), name
    problems = validate_document(doc)
    assert problems, name
    assert all(isinstance(p, str) and "「" in p for p in problems)


def test_bad_document_gives_chinese_import_error(tmp_path: Path, sample_report: Report) -> None:
    doc = {**sample_report.to_dict(), "year": "二〇一七"}
    path = tmp_path / "bad.nianbao.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ReportImportError, match=r"year.*年度"):
        import_file(path)


# --- round trip -----------------------------------------------------------------------------

texts = st.text(max_size=40)
paragraph_lists = st.lists(st.text(max_size=80), max_size=4)
timestamps = st.datetimes(timezones=st.timezones()).map(lambda t: t.isoformat(timespec="seconds"))
cell_values = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.none(),
    st.just(NOT_APPLICABLE),
)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    return Report(
        format=draw(st.sampled_from(["legacy2008", "fmt2021"])),
        agency=draw(texts),
        year=draw(st.none() | st.integers(min_value=1000, max_value=9999)),
        id=draw(st.text("0123456789abcdef", min_size=8, max_size=8)),
        created=draw(timestamps),
        modified=draw(timestamps),
        meta=draw(st.dictionaries(st.sampled_from(META_FIELDS), texts)),
        preamble=draw(paragraph_lists),
        sections=draw(st.dictionaries(st.sampled_from(["L1", "L2", "s1", "s6"]), paragraph_lists)),
        cells=draw(st.dictionaries(st.text(max_size=30), cell_values, max_size=6)),
        dismissed=draw(st.dictionaries(texts, texts, max_size=3)),
    )


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_any_report_survives_the_exchange_file(report: Report) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_exchange_file(report, Path(folder) / ("r" + EXCHANGE_SUFFIX))
        back = import_file(path).report
    assert back.to_dict() == report.to_dict()
    for cell_id, value in report.cells.items():
        assert type(back.cells[cell_id]) is type(value)  # 1 stays int, 1.0 stays float


def test_exchange_file_is_readable_utf8(tmp_path: Path, sample_report: Report) -> None:
    path = write_exchange_file(sample_report, tmp_path / exchange_file_name(sample_report))
    assert path.name == "市中区商务局2017年报.nianbao.json"
    text = path.read_text(encoding="utf-8")
    assert "市中区商务局" in text and '"schema_version": 1' in text


def test_unwritable_exchange_path_is_a_clear_error(tmp_path: Path, sample_report: Report) -> None:
    from model.errors import ExportError

    (tmp_path / "taken").write_text("x")
    with pytest.raises(ExportError, match=r"「.*taken」是一个文件，不是文件夹"):
        write_exchange_file(sample_report, tmp_path / "taken" / "r.nianbao.json")


# --- versions, formats, ids -----------------------------------------------------------------


def test_newer_version_asks_to_upgrade(sample_report: Report) -> None:
    with pytest.raises(ReportDataError, match="升级"):
        report_from_document({**sample_report.to_dict(), "schema_version": 9})


def test_version_0_document_goes_through_migrations(tmp_path: Path) -> None:
    old = {
        "id": "0a1b2c3d",
        "format": "legacy2008",
        "agency": "市中区商务局",
        "year": 2017,
        "meta": {"preamble": "第一段。\n\n第二段。", "phone": "0632-5362806"},
        "sections": {"L1": ["概述。"]},
        "cells": {"leg.fees": "/", "leg.review": ""},
    }
    path = tmp_path / "old.nianbao.json"
    path.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    report = import_file(path).report
    assert report.preamble == ["第一段。", "第二段。"]
    assert report.meta == {"phone": "0632-5362806"}
    assert report.cells == {"leg.fees": NOT_APPLICABLE}
    assert report.sections == {"L1": ["概述。"]}


def test_invalid_version_number_is_a_clear_error(sample_report: Report) -> None:
    with pytest.raises(ReportDataError, match="版本号"):
        report_from_document({**sample_report.to_dict(), "schema_version": -1})


def test_unknown_format_is_refused(sample_report: Report) -> None:
    with pytest.raises(Exception, match="格式"):
        report_from_document({**sample_report.to_dict(), "format": "fmt1999"})


def test_unknown_keys_and_cells_are_kept_with_warnings(sample_report: Report) -> None:
    doc = {**sample_report.to_dict(), "colour": "red"}
    report, warnings = report_from_document(doc)
    assert "colour" in warnings[0]
    assert report.cells["leg.active.total"] == 46


def test_same_id_in_store_gives_the_copy_a_new_id(tmp_path: Path, sample_report: Report) -> None:
    path = write_exchange_file(sample_report, tmp_path / "r.nianbao.json")
    exported = sample_report.to_dict()
    sample_report.set_meta("title", "导出之后又改过的标题")  # edited in the store since
    with ReportStore(tmp_path / "store.json") as store:
        store.put(sample_report)
        result = import_into_store(store, path)
        assert result.report.id != sample_report.id
        assert any(sample_report.id in w and result.report.id in w for w in result.warnings)
        assert store.get(sample_report.id).to_dict() == sample_report.to_dict()
        copy = store.get(result.report.id).to_dict()
    copy.pop("is_copy", None)  # marked 副本 beside the same agency's report of that year
    assert {**copy, "id": sample_report.id} == exported
