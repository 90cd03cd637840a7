"""Ruled tables on a PDF page, found from the lines drawn for their borders.

Border strokes (line segments, or thin filled rectangles as Word draws them) are collected
in page coordinates, grouped into tables by touching, and turned into a grid; two neighbouring
grid slots with no border between them are one merged cell. Only geometry is decided here;
the reader puts the characters into the cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field

TOLERANCE = 1.5  # points: strokes this close are the same line
MIN_LENGTH = 4.0
THIN = 2.0


@dataclass(frozen=True)
class Segment:
    x0: float
    y0: float
    x1: float
    y1: float  # x0 <= x1, y0 <= y1; horizontal when y0 == y1

    @property
    def horizontal(self) -> bool:
        return abs(self.y1 - self.y0) <= TOLERANCE


@dataclass
class GridCellBox:
    row: int
    col: int
    rowspan: int
    colspan: int
    box: tuple[float, float, float, float]  # x0, top, x1, bottom (top < bottom)


@dataclass
class RuledTable:
    box: tuple[float, float, float, float]
    cells: list[GridCellBox] = field(default_factory=list)
    rows: int = 0


def segments_from_path(points: list[tuple[int, float, float, bool]]) -> list[Segment]:
    """Path points (kind 0 line, 1 curve, 2 move; closes) -> straight axis-aligned strokes."""
    out: list[Segment] = []
    start: tuple[float, float] | None = None
    last: tuple[float, float] | None = None
    subpath: list[tuple[float, float]] = []
    for kind, x, y, close in points:
        if kind == 2 or last is None:
            _flush_thin(subpath, out)
            start = last = (x, y)
            subpath = [(x, y)]
        else:
            if kind == 0:
                _add(out, last, (x, y))
            last = (x, y)
            subpath.append((x, y))
        if close and start is not None and last is not None:
            _add(out, last, start)
            last = start
    _flush_thin(subpath, out)
    return out


def _add(out: list[Segment], a: tuple[float, float], b: tuple[float, float]) -> None:
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    if abs(y1 - y0) <= TOLERANCE and x1 - x0 >= MIN_LENGTH:
        out.append(Segment(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2))
    elif abs(x1 - x0) <= TOLERANCE and y1 - y0 >= MIN_LENGTH:
        out.append(Segment((x0 + x1) / 2, y0, (x0 + x1) / 2, y1))


def _flush_thin(points: list[tuple[float, float]], out: list[Segment]) -> None:
    """A thin filled rectangle is a stroke along its long side."""
    if len(points) < 4:
        return
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    if height <= THIN and width >= MIN_LENGTH:
        y = (max(ys) + min(ys)) / 2
        out.append(Segment(min(xs), y, max(xs), y))
    elif width <= THIN and height >= MIN_LENGTH:
        x = (max(xs) + min(xs)) / 2
        out.append(Segment(x, min(ys), x, max(ys)))


def find_tables(segments: list[Segment]) -> list[RuledTable]:
    """Tables (top-down coordinates) from the page's strokes; a group needs a real grid."""
    segments = list(dict.fromkeys(segments))
    groups = _touching_groups(segments)
    tables = []
    for group in groups:
        table = _grid(group)
        if table is not None:
            tables.append(table)
    return sorted(tables, key=lambda t: t.box[1])


def _touches(a: Segment, b: Segment) -> bool:
    t = TOLERANCE * 2
    return not (a.x1 + t < b.x0 or b.x1 + t < a.x0 or a.y1 + t < b.y0 or b.y1 + t < a.y0)


def _touching_groups(segments: list[Segment]) -> list[list[Segment]]:
    parent = list(range(len(segments)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = sorted(range(len(segments)), key=lambda i: segments[i].y0)
    for n, i in enumerate(order):
        for j in order[n + 1 :]:
            if segments[j].y0 > segments[i].y1 + TOLERANCE * 2:
                break
            if _touches(segments[i], segments[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[Segment]] = {}
    for i, segment in enumerate(segments):
        groups.setdefault(find(i), []).append(segment)
    return list(groups.values())


def _levels(values: list[float]) -> list[float]:
    levels: list[float] = []
    for value in sorted(values):
        if not levels or value - levels[-1] > TOLERANCE * 2:
            levels.append(value)
    return levels


def _covered(segments: list[Segment], at: float, lo: float, hi: float, horizontal: bool) -> bool:
    """Whether a stroke runs along ``at`` over the middle of [lo, hi]."""
    mid = (lo + hi) / 2
    for s in segments:
        if (
            horizontal
            and abs(s.y0 - at) <= TOLERANCE * 2
            and s.x0 - TOLERANCE <= mid <= s.x1 + TOLERANCE
        ):
            return True
        if (
            not horizontal
            and abs(s.x0 - at) <= TOLERANCE * 2
            and s.y0 - TOLERANCE <= mid <= s.y1 + TOLERANCE
        ):
            return True
    return False


def _grid(group: list[Segment]) -> RuledTable | None:
    horizontal = [s for s in group if s.horizontal]
    vertical = [s for s in group if not s.horizontal]
    ys = _levels([s.y0 for s in horizontal])
    xs = _levels([s.x0 for s in vertical])
    if len(ys) < 2 or len(xs) < 2:
        return None
    rows, cols = len(ys) - 1, len(xs) - 1
    slot = [[r * cols + c for c in range(cols)] for r in range(rows)]
    parent = list(range(rows * cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(rows):
        for c in range(cols):
            if c + 1 < cols and not _covered(vertical, xs[c + 1], ys[r], ys[r + 1], False):
                parent[find(slot[r][c])] = find(slot[r][c + 1])
            if r + 1 < rows and not _covered(horizontal, ys[r + 1], xs[c], xs[c + 1], True):
                parent[find(slot[r][c])] = find(slot[r + 1][c])
    spans: dict[int, list[tuple[int, int]]] = {}
    for r in range(rows):
        for c in range(cols):
            spans.setdefault(find(slot[r][c]), []).append((r, c))
    table = RuledTable(box=(xs[0], ys[0], xs[-1], ys[-1]), rows=rows)
    for members in spans.values():
        r0 = min(r for r, _ in members)
        c0 = min(c for _, c in members)
        r1 = max(r for r, _ in members)
        c1 = max(c for _, c in members)
        box = (xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1])
        table.cells.append(GridCellBox(r0, c0, r1 - r0 + 1, c1 - c0 + 1, box))
    table.cells.sort(key=lambda cell: (cell.row, cell.col))
    return table
