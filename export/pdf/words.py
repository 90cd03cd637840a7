"""Words of the statistics tables' labels, so a narrow cell breaks 「自然人」 or 「不予公开」
between words and never inside one.

Labels come from the format files and are a small closed vocabulary; the lexicon lists the
words of 2 to 6 characters a line must not cut. Numbering (「三、」, 「（三）」, 「1.」) and
digit runs are single segments; closing punctuation sticks to the segment before it and
opening punctuation to the segment after it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from export.pdf.layout import NO_LINE_END, NO_LINE_START

_WORDS = """
    自然人 法人 其他 组织 商业 企业 科研 机构 社会 公益 法律 服务 申请人 申请 情况
    予以 部分 公开 不予公开 无法 提供 不予 处理 总计 合计 小计 国家 秘密 行政 法规
    禁止 三安全一稳定 第三方 合法 权益 内部 事务 过程性 信息 执法 案卷 查询 事项
    政府 本机关 不掌握 现成 另行 制作 补正 内容 不明确 信访 举报 投诉 重复 出版物
    正当 理由 大量 反复 机关 确认 重新 出具 已获取 逾期 不补正 收费 通知 缴纳 费用
    不再 复议 诉讼 维持 纠正 结果 尚未 审结 未经 直接 起诉 规章 规范性 文件 许可
    处罚 强制 事业性 集中 采购 本年 上年 下年度 制发 件数 废止 现行 有效 决定 数量
    总金额 金额 万元 结转 继续 办理 本年度 新收 主动 依申请 减少 增减 项目 要求
    属于 保护 危及 勾稽 关系 等于 之和 第一项 第二项 第三项 第四项 区分 情形
"""
LEXICON = frozenset(_WORDS.split())
LONGEST = max(len(w) for w in LEXICON)
_NUMBERING = re.compile(
    r"[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[.．、]"
)
_DIGIT_NUMBER = re.compile(r"[0-9]{1,2}[.．、]")
_RUN = re.compile(r"[0-9A-Za-z][0-9A-Za-z.,%/\-]*")


def is_numbering(segment: str) -> bool:
    """「三、」, 「（三）」 or 「1.」."""
    return _NUMBERING.fullmatch(segment) is not None


@lru_cache(maxsize=4096)
def segments(text: str) -> tuple[str, ...]:
    """``text`` cut into segments a line may break between."""
    raw: list[str] = []
    i, n = 0, len(text)
    while i < n:
        m = _NUMBERING.match(text, i) or _RUN.match(text, i)
        if m:
            raw.append(m.group())
            i = m.end()
            continue
        for size in range(min(LONGEST, n - i), 1, -1):
            if text[i : i + size] in LEXICON:
                raw.append(text[i : i + size])
                i += size
                break
        else:
            raw.append(text[i])
            i += 1
    out: list[str] = []
    carry = ""
    for k, seg in enumerate(raw):
        if k and _DIGIT_NUMBER.fullmatch(raw[k - 1]) and out and out[-1].endswith(raw[k - 1]):
            out[-1] += seg  # 「1.属于」: a number never ends a line alone
            continue
        if out and seg[0] in NO_LINE_START and not carry:
            out[-1] += seg
        elif seg in NO_LINE_END or (len(seg) == 1 and seg in NO_LINE_END):
            carry += seg
        else:
            out.append(carry + seg)
            carry = ""
    if carry:
        out.append(carry)
    return tuple(out)
