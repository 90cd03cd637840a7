"""A long fmt2021 report with every table filled, for the export tests (no importer needed)."""

from __future__ import annotations

from pathlib import Path

from model.formats import get_format
from model.report import Report

SAMPLE = Path(__file__).parent / "data" / "000_edff53855f6cc80f.txt"
URL_PARAGRAPH = (
    "本机关网站地址为http://www.example.gov.cn/zwgk/xxgk/index.html，"
    "电子邮箱为xxgk-office@example-district.gov.cn，欢迎监督。"
)
FIGURES_PARAGRAPH = (
    "本年度共收到政府信息公开申请1,027件，同比增长12.5%，咨询电话0791-86661234。具体情况如下："
)


def long_report() -> Report:
    fmt = get_format("fmt2021")
    lines = [
        line.strip()
        for line in SAMPLE.read_text(encoding="utf-8").splitlines()
        if len(line.strip()) > 30
    ]
    report = Report(format="fmt2021", agency="某市某区人民政府办公室", year=2024)
    report.preamble = lines[:1]
    body = lines[1:]
    for k, section in enumerate(fmt.sections):
        report.sections[section.id] = body[k * 3 : k * 3 + 4]
    report.sections["s2"] = ["本年度主动公开政府信息情况如下："]
    report.sections["s3"] = [FIGURES_PARAGRAPH]
    report.sections["s6"] = [URL_PARAGRAPH]
    for n, cell in enumerate(fmt.all_cells().values()):
        if not cell.is_computed and cell.cell_id:
            value = 1.5 if cell.value_type == "decimal" else (n * 37) % 1200
            report.cells[cell.cell_id] = value
    report.set_meta("signature", "某市某区人民政府办公室")
    report.set_meta("sign_date", "2025年1月20日")
    report.set_meta("phone", "0791-86661234")
    return report
