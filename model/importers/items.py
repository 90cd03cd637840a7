"""A read document as the placer sees it: a list of items (a paragraph's text, or a table),
without the website's chrome, and which of its lines are top-level headings."""

from __future__ import annotations

from model.importers.chinese import to_simplified
from model.importers.chrome import chrome_lines, is_chrome_table
from model.importers.document import Paragraph, ReadDocument, TableBlock, TableCell
from model.importers.headings import Heading, parse_heading
from model.importers.table_rows import label_key
from model.importers.table_values import split_row

Item = str | TableBlock


def items_of(document: ReadDocument) -> list[Item]:
    items: list[Item] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            text = block.text.strip()
            if text:
                items.append(text)
        elif block.rows:
            items.append(block)
    return items


def simplified(item: Item) -> Item:
    if isinstance(item, str):
        return to_simplified(item)
    return TableBlock(
        [[TableCell(to_simplified(c.text), c.rowspan, c.colspan) for c in row] for row in item.rows]
    )


def without_chrome(items: list[Item]) -> tuple[list[Item], int]:
    text_at = [n for n, i in enumerate(items) if isinstance(i, str)]
    lines = [items[n] for n in text_at]
    dropped = {text_at[k] for k in chrome_lines([str(x) for x in lines])}
    head_limit = text_at[min(len(text_at) - 1, 25)] if text_at else len(items)
    for n, item in enumerate(items):
        if isinstance(item, TableBlock) and n <= head_limit and is_chrome_table(item.text_rows()):
            dropped.add(n)
    kept = [i for n, i in enumerate(items) if n not in dropped]
    return kept, len(dropped)


def top_heading(text: str, table_keys: frozenset[str]) -> Heading | None:
    """A top-level heading; a table's own label (「一、本年新收…」) is never one."""
    if "|" in text or "\t" in text:
        return None
    heading = parse_heading(text)
    if heading is None:
        return None
    label = split_row(text)[0]
    if label_key(label) in table_keys or label_key(to_simplified(label)) in table_keys:
        return None
    return heading


def after_title(items: list[Item], title_lines: list[str]) -> list[Item]:
    if not title_lines:
        return list(items)
    rest = list(items)
    for line in title_lines:
        at = rest.index(line)
        del rest[at]
    return rest
