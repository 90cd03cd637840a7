"""Where in a text a finding points: the phrase it quotes, to select for the clerk.

Text findings quote what they are about (「……中写“收到申请999件”」, 「有“XX”」). The first
quoted phrase that really occurs in the section's text is the place; a section heading quoted
for orientation is not. When no quoted phrase occurs, there is no place (the cursor only goes
to the section): a guess would select the wrong words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from model.findings import Finding

_QUOTED = re.compile(r"“([^“”]{1,120})”|「([^「」]{1,120})」|『([^『』]{1,120})』")


def quoted_phrases(message: str) -> list[str]:
    """The phrases quoted in ``message``, in order, each once."""
    found: list[str] = []
    for match in _QUOTED.finditer(message):
        phrase = next(g for g in match.groups() if g is not None).strip()
        if phrase and phrase not in found:
            found.append(phrase)
    return found


def phrase_in_text(finding: Finding, texts: Iterable[str], skip: Iterable[str] = ()) -> str:
    """The phrase of ``finding`` to select in ``texts`` (the fields of its section), or ""."""
    texts = list(texts)
    skipped = set(skip)
    for phrase in quoted_phrases(finding.message):
        if phrase in skipped:
            continue
        if any(phrase in text for text in texts):
            return phrase
    return ""
