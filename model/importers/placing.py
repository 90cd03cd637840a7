"""A read document -> a report: title, agency and year, the format, sections and table cells.

The format is decided by the report's year (2021 on: fmt2021, 2019–2020: fmt2019, earlier:
the free format); only a report without a year is judged by its headings, and a report whose
headings fit another format than its year's gets a warning saying so. In the six-part
formats headings are matched with the format's sections and tables by their labels. A
free-format report keeps its own headings, in its order, as written. Nothing is dropped
silently: what has no place is kept in 未归类内容 and named in the import report.
"""

from __future__ import annotations

from dataclasses import dataclass

from model.errors import ReportImportError
from model.formats import Format, SectionDef, available_formats
from model.importers.chinese import is_traditional
from model.importers.chrome import without_page_prefix
from model.importers.document import ReadDocument, TableBlock
from model.importers.headings import (
    Heading,
    choose_format,
    match_section,
    parse_heading,
    section_score,
    structure_score,
)
from model.importers.items import (
    Item,
    after_title,
    items_of,
    simplified,
    top_heading,
    without_chrome,
)
from model.importers.result import ImportResult, ImportSummary
from model.importers.table_rows import label_key, table_label_keys
from model.importers.table_values import (
    TableFill,
    best_table,
    is_value_text,
    match_rows,
    split_row,
)
from model.importers.title import (
    agency_and_year,
    is_agency_line,
    join_title,
    looks_like_title,
    meta_from_text,
    signature_block,
)
from model.importers.title import title_lines as find_title_lines
from model.report import Report
from model.sections import report_sections

LONG_LINE = 5000  # characters; a longer "paragraph" probably lost its line breaks
MISMATCH_MARGIN = 2.0  # heading score by which another format must fit better to be named


@dataclass
class _Split:
    preamble: list[Item]
    sections: list[tuple[str, str, list[Item]]]  # (section id, heading as written, items)
    unmatched: list[str]
    headless: bool = False  # no heading matched: everything went into the first section


def place(
    document: ReadDocument, formats: list[Format] | None = None, *, simplify: bool = False
) -> ImportResult:
    """The report a read document gives, with warnings and the import report."""
    formats = formats if formats is not None else available_formats()
    summary = ImportSummary(kind=document.kind, notes=list(document.notes))
    items = items_of(document)
    if not any(isinstance(i, str) for i in items) and not any(
        isinstance(i, TableBlock) for i in items
    ):
        raise ReportImportError(
            "文件中没有可导入的文字。请确认选择的文件是否正确"
            "（扫描件或图片请先用文字识别软件转成文字）。"
        )
    summary.traditional = is_traditional([i for i in items if isinstance(i, str)])
    if summary.traditional and simplify:
        items = [simplified(i) for i in items]
        summary.simplified = True
    items = [without_page_prefix(i) if isinstance(i, str) else i for i in items]
    items, dropped = without_chrome(items)
    if dropped:
        summary.notes.append(f"已略去网页上的 {dropped} 行栏目信息（如导航、发布日期、打印）。")
    warnings: list[str] = list(document.warnings)
    for item in items:
        if isinstance(item, str) and len(item) > LONG_LINE:
            warnings.append(
                f"有一段 {len(item)} 个字，可能在复制时丢失了换行，请在编辑器中核对分段。"
            )
    texts = [i for i in items if isinstance(i, str)]
    table_keys = frozenset().union(*(table_label_keys(f) for f in formats if f.tables))
    first_heading = next(
        (n for n, i in enumerate(items) if isinstance(i, str) and top_heading(i, table_keys)),
        len(items),
    )
    head: list[str] = []
    for item in items[:first_heading]:
        if isinstance(item, TableBlock) or len(split_row(item)) > 1:
            break  # a title never runs into a table
        head.append(item)
    title_lines = find_title_lines(head)
    title = join_title(title_lines)
    if not looks_like_title(title):
        title_lines, title = [], ""
    agency, year = agency_and_year(title, "\n".join(texts))
    if title_lines and not agency:
        after = head[len(title_lines)] if len(head) > len(title_lines) else ""
        if is_agency_line(after):  # 「2022年…年度报告」 then 「某某镇人民政府」 on its own line
            title_lines.append(after)
            agency = after.strip()
            title = agency + title
    body = after_title(items, title_lines)
    all_headings = [h for i in body if isinstance(i, str) and (h := top_heading(i, table_keys))]
    fmt = choose_format(all_headings, formats, year)
    if year is None:  # without a year the headings decide, and the tables where they tie
        fmt = _by_tables(body, formats, all_headings) or fmt
    mismatch = _mismatch(all_headings, formats, fmt, year)
    if mismatch:
        warnings.append(mismatch)
    report = Report(format=fmt.id, agency=agency, year=year)
    fill = TableFill()
    if fmt.tables:
        split = _split_fixed(body, fmt, table_keys)
        others = frozenset().union(*(table_label_keys(f) for f in formats if f.id != fmt.id))
        _fill_fixed(report, fmt, split, fill, summary, warnings, others)
    else:
        split = _split_own(body, fmt, table_keys)
        _fill_own(report, fmt, split, fill, summary, warnings)
    report.preamble = _texts(split.preamble, fmt, fill, summary)
    report.cells = dict(fill.cells)
    report.stated_totals = dict(fill.stated_totals)
    report.unplaced = list(fill.unplaced)
    summary.unplaced = list(fill.unplaced)
    summary.notes.extend(n for n in fill.notes if n != _OTHER_FORMAT)  # said as a warning
    summary.values_seen = fill.values_seen
    summary.cells_filled = len(fill.cells)
    summary.cells_total = sum(len(t.input_cells()) for t in fmt.tables.values())
    summary.stated_totals = len(fill.stated_totals)
    summary.format_name = fmt.name
    if year is None:
        warnings.append("没有从标题中读出年度，请在「基本信息」中填写。")
    if not agency:
        warnings.append("没有从标题中读出机关名称，请在「基本信息」中填写。")
    if summary.traditional and not summary.simplified:
        warnings.append(
            "这份报告是繁体字。标题已按简体识别；如需把全文转为简体，"
            "请在导入时勾选「繁体转为简体」（命令行加 --simplify）。"
        )
    if fill.unplaced:
        warnings.append(
            f"有 {len(fill.unplaced)} 条内容没有找到位置，已放入「未归类内容」，"
            "请核对后移到合适的部分。"
        )
    report.meta = meta_from_text(title, report.preamble, texts)
    _take_signature(report, fmt)
    return ImportResult(report, warnings, summary)


def _take_signature(report: Report, fmt: Format) -> None:
    """The signature and date that close the report are 基本信息 (printed in their own
    block), not the last paragraphs of its last section."""
    filled = [s.id for s in report_sections(report, fmt) if report.sections.get(s.id)]
    if not filled:
        return
    last = filled[-1]
    signature, date, count = signature_block(report.sections[last])
    if not count:
        return
    report.sections[last] = report.sections[last][:-count]
    if not report.sections[last]:
        del report.sections[last]
    report.meta["sign_date"] = date
    if signature:
        report.meta["signature"] = signature


def _by_tables(body: list[Item], formats: list[Format], headings: list[Heading]) -> Format | None:
    """Among the formats whose headings fit best, the one whose table labels the document
    uses most (the 2019 and 2021 formats share their headings, not their tables)."""
    best_heading = max(structure_score(headings, f) for f in formats)
    tied = [f for f in formats if f.tables and structure_score(headings, f) == best_heading]
    if len(tied) < 2:
        return None
    keys: set[str] = set()
    for item in body:
        cells = (
            [c for row in item.text_rows() for c in row]
            if isinstance(item, TableBlock)
            else (split_row(item))
        )
        keys.update(label_key(c) for c in cells if c.strip())
    hits = {f.id: len(keys & table_label_keys(f)) for f in tied}
    top = max(hits.values())
    winners = [f for f in tied if hits[f.id] == top]
    return winners[0] if top and len(winners) == 1 else None


def _mismatch(
    headings: list[Heading], formats: list[Format], fmt: Format, year: int | None
) -> str | None:
    if year is None or not headings:
        return None
    own = structure_score(headings, fmt)
    best = max(formats, key=lambda f: structure_score(headings, f))
    if best.id == fmt.id or structure_score(headings, best) < own + MISMATCH_MARGIN:
        return None
    return (
        f"这份报告的年度是 {year} 年，应使用「{fmt.name}」，但它的标题结构更像「{best.name}」。"
        f"已按「{fmt.name}」导入，请核对各部分是否放对了位置。"
    )


# --- the six-part formats -----------------------------------------------------------------


def _split_fixed(body: list[Item], fmt: Format, table_keys: frozenset[str]) -> _Split:
    """Sections by matched headings; an unmatched heading stays text of the section before."""
    matched: dict[int, SectionDef] = {}
    used: set[str] = set()
    for n, item in enumerate(body):
        if isinstance(item, str) and (h := top_heading(item, table_keys)):
            section = match_section(h, fmt)
            if section is not None and section.id not in used:
                matched[n] = section
                used.add(section.id)
    if not matched:
        first = fmt.sections[0]
        return _Split([], [(first.id, first.heading, list(body))] if body else [], [], True)
    first_at = min(matched)
    unmatched = [
        h.text for i in body[:first_at] if isinstance(i, str) and (h := top_heading(i, table_keys))
    ]
    sections: list[tuple[str, str, list[Item]]] = []
    for n in range(first_at, len(body)):
        item = body[n]
        if n in matched:
            sections.append((matched[n].id, str(item), []))
            continue
        if isinstance(item, str) and (h := top_heading(item, table_keys)):
            unmatched.append(h.text)
        sections[-1][2].append(item)
    return _Split(list(body[:first_at]), sections, unmatched)


def _fill_fixed(
    report: Report,
    fmt: Format,
    split: _Split,
    fill: TableFill,
    summary: ImportSummary,
    warnings: list[str],
    other_labels: frozenset[str] = frozenset(),
) -> None:
    if split.unmatched:
        listed = "、".join(f"「{h}」" for h in split.unmatched)
        warnings.append(
            f"以下标题与「{fmt.name}」的各部分对不上，已作为正文并入前一部分：{listed}。"
            "请在编辑器中核对。"
        )
    mismatch_told = False
    for section_id, written, items in split.sections:
        section = fmt.section(section_id)
        summary.sections.append((_written(written), section.heading))
        table_id = section.table
        if table_id is not None:
            texts = _table_section(items, fmt, table_id, fill, other_labels)
            if fill.notes and _OTHER_FORMAT in fill.notes[-1:] and not mismatch_told:
                mismatch_told = True
                warnings.append(
                    f"表格「{section.heading}」按另一种格式的表头印制（如 2019 年试行格式），"
                    f"与 {report.year or '本'} 年应使用的「{fmt.name}」不一致；"
                    "能对上的数值已填入，其余见「未归类内容」。"
                )
        else:
            texts = _texts(items, fmt, fill, summary)
        if texts:
            report.sections[section_id] = texts
    if split.headless:
        first = fmt.sections[0]
        if summary.sections:
            summary.sections[-1] = ("（无标题）", first.heading)
        warnings.append(
            f"没有找到与「{fmt.name}」对应的部分标题（如「{first.heading}」），"
            f"全部文字已放入「{first.heading}」。请在编辑器中把各段移到对应的部分。"
        )


def _written(text: str) -> str:
    heading = parse_heading(text)
    return heading.text if heading is not None else text


_OTHER_FORMAT = "表头属于另一种格式"


def _table_section(
    items: list[Item],
    fmt: Format,
    table_id: str,
    fill: TableFill,
    other_labels: frozenset[str] = frozenset(),
) -> list[str]:
    """A table section's items: table rows feed the table, the rest stays the section's text."""
    rows: list[list[str]] = []
    origin: list[str | None] = []  # the text line a row came from (None: a table block)
    for item in items:
        if isinstance(item, TableBlock):
            for row in item.text_rows():
                rows.append(row)
                origin.append(None)
        else:
            cells = split_row(item)
            rows.append(cells)
            origin.append(item)
    section_fill, foreign = match_rows(fmt, table_id, rows)
    fill.merge(section_fill)
    texts: list[str] = []
    foreign_set = set(foreign)
    for n, line in enumerate(origin):
        if n not in foreign_set:
            continue
        cells = [c.strip() for c in rows[n] if c.strip()]
        if cells and all(label_key(c) in other_labels for c in cells):
            # the header of the same table in another format (「本年新制作数量」 in 2022): no
            # value is lost by leaving it out, and the clerk is told once
            if _OTHER_FORMAT not in fill.notes:
                fill.notes.append(_OTHER_FORMAT)
            continue
        written_as_row = line is None or "|" in line or "\t" in line or len(cells) >= 3
        table_row = written_as_row and any(is_value_text(c) for c in cells[1:])
        if line is not None and not table_row:
            texts.append(line)
        elif cells:
            fill.unplaced.append(" | ".join(cells))
            fill.values_seen += sum(1 for c in cells if is_value_text(c))
    return texts


def _texts(items: list[Item], fmt: Format, fill: TableFill, summary: ImportSummary) -> list[str]:
    """Text items as paragraphs; a table outside its section is placed by its labels."""
    texts: list[str] = []
    for item in items:
        if isinstance(item, str):
            if not _stray_row(item, fmt, fill):
                texts.append(item)
            continue
        rows = item.text_rows()
        table_id = best_table(fmt, rows) if fmt.tables else None
        if table_id is None:
            lines = item.as_lines()
            if fmt.tables:
                fill.unplaced.extend(lines)
            else:
                texts.extend(lines)
                summary.notes.append(
                    f"一个 {len(item.rows)} 行的表格按行以文字保留（「 | 」分隔各格）。"
                )
            continue
        table_fill, foreign = match_rows(fmt, table_id, rows)
        fill.merge(table_fill)
        for n in foreign:
            cells = [c.strip() for c in rows[n] if c.strip()]
            if cells:
                fill.unplaced.append(" | ".join(cells))
    return texts


def _stray_row(line: str, fmt: Format, fill: TableFill) -> bool:
    """A table row outside its section (「四、结转下年度继续办理 0 0 0」 on a page of its own)
    goes to its cells; whether it did."""
    cells = split_row(line)
    if not fmt.tables or len(cells) < 2 or not any(is_value_text(c) and c for c in cells[1:]):
        return False
    table_id = best_table(fmt, [cells[:1]])
    if table_id is None:
        return False
    row_fill, foreign = match_rows(fmt, table_id, [cells])
    if foreign or not row_fill.values_seen:
        return False
    fill.merge(row_fill)
    return True


# --- the free format ----------------------------------------------------------------------


def _split_own(body: list[Item], fmt: Format, table_keys: frozenset[str]) -> _Split:
    """Sections by the report's own headings: 一、 then 二、 … in sequence (a numeral that
    does not continue the sequence is a list inside a section, not a heading)."""
    sections: list[tuple[str, str, list[Item]]] = []
    preamble: list[Item] = []
    last = 0
    for item in body:
        heading = top_heading(item, table_keys) if isinstance(item, str) else None
        if heading is not None and (last == 0 or heading.number == last + 1):
            last = heading.number
            sections.append(("", heading.text, []))
            continue
        (sections[-1][2] if sections else preamble).append(item)
    return _Split(preamble, sections, [])


def _fill_own(
    report: Report,
    fmt: Format,
    split: _Split,
    fill: TableFill,
    summary: ImportSummary,
    warnings: list[str],
) -> None:
    if not split.sections:
        first = fmt.sections[0]
        texts = _texts(split.preamble, fmt, fill, summary)
        split.preamble.clear()
        if texts:
            report.sections[first.id] = texts
        summary.sections.append(("（无标题）", first.heading))
        warnings.append(
            f"没有找到部分标题（如「{first.heading}」），全部文字已放入「{first.heading}」。"
            "请在编辑器中添加部分标题，把各段移到对应的部分。"
        )
        return
    headings = [parse_heading(written) for _, written, _ in split.sections]
    same_as_format = len(headings) == len(fmt.sections) and all(
        h is not None and section_score(h, s) >= 3.0
        for h, s in zip(headings, fmt.sections, strict=True)
    )
    own: list[tuple[str, str]] = []
    used: set[str] = set()
    for n, (_, written, items) in enumerate(split.sections):
        heading = headings[n]
        if same_as_format:
            section_id = fmt.sections[n].id
        else:
            guess = match_section(heading, fmt) if heading is not None else None
            if guess is not None and guess.id not in used:
                section_id = guess.id
            else:
                section_id = f"x{n + 1}"
                while section_id in used:
                    section_id += "_"
        used.add(section_id)
        own.append((section_id, written))
        summary.sections.append((written, written))
        texts = _texts(items, fmt, fill, summary)
        if texts:
            report.sections[section_id] = texts
    if not same_as_format:
        report.own_sections = own
