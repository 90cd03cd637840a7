"""Formula rules of a format (its ``"rules"`` list), compiled once and evaluated quickly.

A rule is data, e.g.::

    {"id": "R3.1", "level": "error", "section": "s3",
     "for_each": {"c": ["natural_person", …]}, "labels": {"c": {"natural_person": "自然人"}},
     "expr": "s3.new_this_year@{c} + s3.carried_over@{c} == s3.result.total@{c} + …",
     "names": {"s3.new_this_year@{c}": "新收"}, "title": "表三“{c_label}”列的勾稽关系",
     "message": "表三“{c_label}”列：{L_terms} = {L}，但{R_terms} = {R}，两边不相等。"}

The expression language is deliberately tiny (no ``eval``): terms joined by ``+``/``-`` on
each side of one of ``==``, ``<=``, ``>=``. A term is a cell id, ``prev:<cell id>`` (the same
cell in last year's report) or a whole number. Computed cells (总计) are expanded into the
input cells they add up, so a rule is evaluated straight from what the clerk typed, with the
same meaning as :func:`model.cells.effective_values`: a blank counts as 0 and the outcome names
the blanks it assumed (a rule with nothing filled at all is *pending*), 不适用 counts as 0.

Message placeholders: ``{var}``, ``{var_label}``, ``{L}``/``{R}`` (side values), ``{L_terms}``/
``{R_terms}`` (named terms with their values, e.g. 「新收 60 + 上年结转 0」) and ``{diff}``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from model.cells import format_cell_value
from model.formats import Format
from model.report import CellValue

PREV_PREFIX = "prev:"
OPERATORS = ("==", "<=", ">=")
_TOKEN = re.compile(r"\s*(==|<=|>=|[+\-]|[^\s+\-=<>]+)")

Number = int | Decimal


@dataclass(frozen=True)
class Term:
    """One term of a side: ``sign`` × the sum of ``leaves`` (input cells) or a constant."""

    source: str  # the term as written after expansion, e.g. s3.result.total@total
    name: str  # short Chinese name for messages ("" when the rule gives none)
    sign: int
    leaves: tuple[str, ...]  # input cell ids; empty for a constant
    constant: int = 0
    previous: bool = False  # read from last year's report

    @property
    def cell_id(self) -> str | None:
        if self.constant or not self.leaves:
            return None
        return self.source.removeprefix(PREV_PREFIX)


@dataclass(frozen=True)
class CompiledRule:
    rule_id: str  # e.g. R3.1
    finding_id: str  # e.g. R3.1@natural_person
    level: str
    section: str | None
    left: tuple[Term, ...]
    op: str
    right: tuple[Term, ...]
    title: str
    message: str  # template with the scope already filled in
    needs_previous: bool

    def terms(self) -> tuple[Term, ...]:
        terms = self.__dict__.get("_terms")
        if terms is None:
            terms = self.left + self.right
            object.__setattr__(self, "_terms", terms)  # frozen: computed once, kept
        return terms

    def cells(self) -> tuple[str, ...]:
        """This year's cells the rule reads, as written (总计 cells included)."""
        return tuple(t.cell_id for t in self.terms() if t.cell_id and not t.previous)

    def leaves(self) -> tuple[str, ...]:
        """This year's input cells the rule depends on."""
        return tuple(leaf for t in self.terms() if not t.previous for leaf in t.leaves)


@dataclass(frozen=True)
class Outcome:
    """The result of evaluating one rule on one report."""

    rule: CompiledRule
    status: str  # "pass", "fail", "pending" (a this-year cell is blank) or "skip"
    left: Number = 0
    right: Number = 0
    term_values: tuple[Number, ...] = ()
    blanks: tuple[str, ...] = ()  # blank input cells, taken as 0 (pending: nothing filled)

    def message(self) -> str:
        parts = {
            "L": _show(self.left),
            "R": _show(self.right),
            "diff": _show(_magnitude(self.left - self.right)),
            "L_terms": _terms_text(self.rule.left, self.term_values[: len(self.rule.left)]),
            "R_terms": _terms_text(self.rule.right, self.term_values[len(self.rule.left) :]),
        }
        return _fill(self.rule.message, parts)


# --- compiling --------------------------------------------------------------------------------

_cache: dict[str, tuple[Format, tuple[CompiledRule, ...]]] = {}


def compiled_rules(fmt: Format) -> tuple[CompiledRule, ...]:
    """The format's rules, expanded per scope and compiled (cached per format object)."""
    hit = _cache.get(fmt.id)
    if hit is not None and hit[0] is fmt:
        return hit[1]
    rules = compile_rules(fmt)
    _cache[fmt.id] = (fmt, rules)
    return rules


_leaf_cache: dict[int, tuple[Format, dict[str, tuple[str, ...]]]] = {}


def input_leaves(fmt: Format) -> dict[str, tuple[str, ...]]:
    """Every computed cell of the format with the input cells it adds up (cached)."""
    hit = _leaf_cache.get(id(fmt))
    if hit is not None and hit[0] is fmt:
        return hit[1]
    sums = {cid: cell.sum for cid, cell in fmt.all_cells().items() if cell.sum}
    leaves = {cid: _leaves(cid, sums) for cid in sums}
    _leaf_cache[id(fmt)] = (fmt, leaves)
    return leaves


def compile_rules(fmt: Format) -> tuple[CompiledRule, ...]:
    cells = fmt.all_cells()
    sums = {cid: cell.sum for cid, cell in cells.items() if cell.sum}
    compiled: list[CompiledRule] = []
    for rule in fmt.rules:
        compiled.extend(_expand(rule, sums, set(cells)))
    return tuple(compiled)


def _expand(
    rule: Mapping[str, Any], sums: dict[str, tuple[str, ...]], known: set[str]
) -> list[CompiledRule]:
    variables: dict[str, list[str]] = dict(rule.get("for_each", {}))
    labels: dict[str, dict[str, str]] = rule.get("labels", {})
    names: dict[str, str] = rule.get("names", {})
    out = []
    keys = list(variables)
    for combo in itertools.product(*(variables[k] for k in keys)) if keys else [()]:
        scope = dict(zip(keys, combo, strict=True))
        fill = dict(scope)
        for key, value in scope.items():
            fill[f"{key}_label"] = labels.get(key, {}).get(value, value)
        expr = _fill(rule["expr"], fill)
        named = {_fill(k, fill): v for k, v in names.items()}
        left, op, right = _parse(expr, sums, known, named, rule["id"])
        scope_id = ",".join(combo)
        compiled = CompiledRule(
            rule_id=rule["id"],
            finding_id=f"{rule['id']}@{scope_id}" if scope_id else rule["id"],
            level=rule.get("level", "error"),
            section=rule.get("section"),
            left=left,
            op=op,
            right=right,
            title=_fill(rule.get("title", rule["id"]), fill),
            message=_fill(rule.get("message", ""), fill),  # {L}, {R}… are filled later
            needs_previous=bool(rule.get("needs_previous"))
            or any(t.previous for t in left + right),
        )
        out.append(compiled)
    return out


def _parse(
    expr: str,
    sums: dict[str, tuple[str, ...]],
    known: set[str],
    names: dict[str, str],
    rule_id: str,
) -> tuple[tuple[Term, ...], str, tuple[Term, ...]]:
    tokens = _TOKEN.findall(expr)
    ops = [t for t in tokens if t in OPERATORS]
    if len(ops) != 1:
        raise ValueError(f"rule {rule_id}: expected one of {OPERATORS} in {expr!r}")
    split = tokens.index(ops[0])
    return (
        _side(tokens[:split], sums, known, names, rule_id),
        ops[0],
        _side(tokens[split + 1 :], sums, known, names, rule_id),
    )


def _side(
    tokens: list[str],
    sums: dict[str, tuple[str, ...]],
    known: set[str],
    names: dict[str, str],
    rule_id: str,
) -> tuple[Term, ...]:
    terms: list[Term] = []
    sign = 1
    expect_term = True
    for tok in tokens:
        if tok in "+-":
            if expect_term:
                raise ValueError(f"rule {rule_id}: misplaced {tok!r}")
            sign = 1 if tok == "+" else -1
            expect_term = True
            continue
        if not expect_term:
            raise ValueError(f"rule {rule_id}: missing operator before {tok!r}")
        terms.append(_term(tok, sign, sums, known, names, rule_id))
        expect_term = False
    if expect_term:
        raise ValueError(f"rule {rule_id}: an expression side ends without a term")
    return tuple(terms)


def _term(
    tok: str,
    sign: int,
    sums: dict[str, tuple[str, ...]],
    known: set[str],
    names: dict[str, str],
    rule_id: str,
) -> Term:
    if tok.isdigit():
        return Term(source=tok, name="", sign=sign, leaves=(), constant=int(tok))
    previous = tok.startswith(PREV_PREFIX)
    cell_id = tok.removeprefix(PREV_PREFIX)
    if cell_id not in known:
        raise ValueError(f"rule {rule_id}: unknown cell {cell_id}")
    return Term(
        source=tok,
        name=names.get(tok, ""),
        sign=sign,
        leaves=_leaves(cell_id, sums),
        previous=previous,
    )


def _leaves(cell_id: str, sums: dict[str, tuple[str, ...]], depth: int = 0) -> tuple[str, ...]:
    parts = sums.get(cell_id)
    if not parts:
        return (cell_id,)
    if depth > 10:
        raise ValueError(f"computed cell {cell_id} sums itself")
    return tuple(leaf for p in parts for leaf in _leaves(p, sums, depth + 1))


# --- evaluating -------------------------------------------------------------------------------


def evaluate(
    rule: CompiledRule,
    cells: Mapping[str, CellValue],
    previous: Mapping[str, CellValue] | None = None,
) -> Outcome:
    """Evaluate one rule over entered values (``report.cells``) and last year's, if given."""
    if rule.needs_previous and previous is None:
        return Outcome(rule, "skip")
    values: list[Number] = []
    blanks: list[str] = []
    applicable = False
    for term in rule.terms():
        last_year = term.previous
        source = previous if last_year else cells
        assert source is not None
        total: Number = term.constant
        for leaf in term.leaves:
            value = source.get(leaf)
            if value is None:
                if last_year:
                    return Outcome(rule, "skip")  # last year's gap is not hers to fill here
                blanks.append(leaf)
            elif type(value) is int:  # the common case first: this runs on every keystroke
                total = total + value
                applicable = applicable or not last_year  # last year's alone checks nothing
            elif type(value) is float:
                total = total + Decimal(str(value))
                applicable = applicable or not last_year
            # anything else is 不适用 (or a stray text the type check reports): counts as 0
        values.append(total if term.sign > 0 else -total)
    blanks_found = tuple(dict.fromkeys(blanks))
    if not applicable:
        # nothing filled to compare (all blank: pending) or everything 不适用 (skip)
        return Outcome(rule, "pending" if blanks_found else "skip", blanks=blanks_found)
    n_left = len(rule.left)
    left: Number = sum(values[:n_left], start=0)
    right: Number = sum(values[n_left:], start=0)
    ok = _compare(left, rule.op, right)
    return Outcome(rule, "pass" if ok else "fail", left, right, tuple(values), blanks_found)


def _compare(left: Number, op: str, right: Number) -> bool:
    if op == "==":
        return left == right
    if op == "<=":
        return left <= right
    return left >= right


# --- text -------------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _fill(template: str, values: Mapping[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def _magnitude(value: Number) -> Number:
    return -value if value < 0 else value


def _show(value: Number) -> str:
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return str(int(value))
        return format_cell_value(float(value), "decimal")
    return str(value)


def _terms_text(terms: tuple[Term, ...], values: tuple[Number, ...]) -> str:
    pieces: list[str] = []
    for i, (term, value) in enumerate(zip(terms, values, strict=True)):
        shown = _show(_magnitude(value)) if term.sign < 0 else _show(value)
        text = f"{term.name} {shown}" if term.name else shown
        if i == 0:
            pieces.append(text if term.sign > 0 else f"− {text}")
        else:
            pieces.append(("+ " if term.sign > 0 else "− ") + text)
    return " ".join(pieces)
