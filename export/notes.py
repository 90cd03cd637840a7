"""The clerk's sentences about an export, made from its records (fonts used, stand-in faces,
characters no font has). The command line prints them; the window words its own from the
same records.
"""

from __future__ import annotations

from collections.abc import Sequence

from export.pdf.fonts import Substitution
from export.pdf.typeset import MissingChar


def substitution_sentence(substitutions: Sequence[Substitution]) -> str:
    """One readable sentence for every role printed in a stand-in face ("" if none)."""
    if not substitutions:
        return ""
    parts: list[str] = []
    for sub in substitutions:
        if sub.problem:
            parts.append(f"您为{sub.role_name}指定的字体无法使用（{sub.problem.rstrip('。')}）")
    missing = [s for s in substitutions if s.stand_in]
    if missing:
        names = _join([s.role_name for s in missing])
        faces = "、".join(dict.fromkeys(s.face for s in missing))
        parts.append(f"本机未安装{names}的正式字体，已用相近的 {faces} 代替")
    return "；".join(parts) + "；如需正式字体，可在“设置 → 字体”中指定。"


def fonts_sentence(fonts_used: dict[str, str]) -> str:
    if not fonts_used:
        return ""
    return "使用的字体：" + "；".join(f"{role}：{face}" for role, face in fonts_used.items())


def missing_sentence(missing: Sequence[MissingChar]) -> str:
    """Which characters print blank and where they are ("" if none)."""
    if not missing:
        return ""
    places: dict[str, list[str]] = {}
    for item in missing:
        places.setdefault(item.char, [])
        if item.where and item.where not in places[item.char]:
            places[item.char].append(item.where)
    listed = "、".join(
        f"「{c}」" + (f"（{'，'.join(w[:3])}）" if w else "") for c, w in places.items()
    )
    return f"以下 {len(places)} 个字在所有字体中都没有，打印出来会是空白：{listed}"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return "、".join(items[:-1]) + "和" + items[-1]
