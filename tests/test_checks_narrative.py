"""What the narrative says, against the tables: the phrasings real reports use.

Each phrasing has a test that catches a wrong figure and one that stays quiet on a right one.
The phrasings are format data (text_figures, check_params.text_vs_table.relations).
"""

from __future__ import annotations

import pytest
from checks_data import city_2025

from model.cells import effective_values
from model.checks.engine import check
from model.findings import WARNING, Finding
from model.formats import get_format
from model.report import Report

FMT21 = get_format("fmt2021")
FMT19 = get_format("fmt2019")


def with_s1(*paragraphs: str, report: Report | None = None) -> Report:
    report = report or city_2025()
    report.set_paragraphs("s1", list(paragraphs))
    return report


def found(report: Report, previous: Report | None = None) -> dict[str, Finding]:
    return {f.id: f for f in check(report, get_format(report.format), previous)}


def narrative(report: Report, previous: Report | None = None) -> dict[str, Finding]:
    return {k: v for k, v in found(report, previous).items() if k[:2] in ("H4", "H5", "H6", "H7")}


def table(cell: str) -> int:
    """The sample report's table figure."""
    value = effective_values(city_2025(), FMT21)[cell]
    assert isinstance(value, int)
    return value


GRANTED = table("s3.result.granted@total")
PARTIAL = table("s3.result.partial@total")
NEW = table("s3.new_this_year@total")
CARRIED = table("s3.carried_over@total")
CLOSED = table("s3.result.total@total")
CARRY_NEXT = table("s3.carry_to_next_year@total")
NOT_PROCESSED = sum(
    table(f"s3.result.not_processed.{r}@total")
    for r in ("petition", "repeat", "publication", "massive_repeat", "confirm_reissue")
)
UNABLE = sum(
    table(f"s3.result.unable.{r}@total") for r in ("not_held", "needs_creation", "unclear")
)
OTHER = sum(table(f"s3.result.other.{r}@total") for r in ("no_correction", "fee_unpaid", "other"))
REVIEW = table("s4.review.total")
LITIGATION = table("s4.lit_direct.total") + table("s4.lit_after_review.total")


def test_the_sample_city_report_says_nothing_wrong() -> None:
    assert narrative(city_2025()) == {}


# --- 予以公开及部分公开 ------------------------------------------------------------------------


def test_granted_and_partial_together_is_compared_with_their_sum() -> None:
    right = with_s1(f"予以公开及部分公开{GRANTED + PARTIAL}件。")
    assert narrative(right) == {}  # no longer compared with each row separately
    wrong = narrative(with_s1(f"予以公开及部分公开{GRANTED}件。"))
    finding = wrong["H4@granted_partial@s1"]
    assert finding.level == WARNING
    assert f"是 {GRANTED} 件" in finding.message and f"是 {GRANTED + PARTIAL} 件" in finding.message
    assert "予以公开及部分公开" in finding.message  # the sentence is quoted
    assert set(wrong) == {"H4@granted_partial@s1"}


def test_granted_and_partial_apart_are_compared_with_each_row() -> None:
    assert narrative(with_s1(f"予以公开{GRANTED}件，部分公开{PARTIAL}件。")) == {}
    wrong = narrative(with_s1(f"予以公开{GRANTED}件，部分公开{PARTIAL + 1}件。"))
    assert set(wrong) == {"H4@partial@s1"}


@pytest.mark.parametrize("inside", ["其中部分公开", "含部分公开", "包括部分公开"])
def test_granted_with_partial_inside_is_their_sum(inside: str) -> None:
    """「予以公开42件（其中部分公开12件）」: the 42 holds both rows."""
    both = GRANTED + PARTIAL
    assert narrative(with_s1(f"予以公开{both}件（{inside}{PARTIAL}件）。")) == {}
    wrong = narrative(with_s1(f"予以公开{both + 1}件（{inside}{PARTIAL}件）。"))
    assert set(wrong) == {"H4@granted@s1"}
    assert f"是 {both} 件" in wrong["H4@granted@s1"].message


@pytest.mark.parametrize(
    "sentence",
    [
        "受理行政复议申请{n}件。",
        "收到信访申请{n}件。",
        "收到咨询申请{n}件。",
        "答复人大代表建议{n}件、政协提案3件。",
        "办结群众来信{n}件。",
        "答复网民留言{n}件。",
        "受理行政许可申请{n}件。",
    ],
)
def test_other_kinds_of_applications_and_replies_are_not_table_three(sentence: str) -> None:
    """Reviews, petitions, enquiries, deputies' proposals, letters and licence applications
    are received and answered too; only information-disclosure ones are 表三's."""
    found = narrative(with_s1(sentence.format(n=NEW + CLOSED + 7)))
    assert not {"H4@received@s1", "H4@closed@s1"} & set(found)


LICENSING = table("s2.art20_5.licensing@decisions")


def test_licensing_decisions_are_compared_but_lists_of_items_are_not() -> None:
    """「作出行政许可决定N件」 is 表二's figure; 「梳理行政许可事项35项」, 「行政处罚自由裁量基准
    12项」 count items of a list, not decisions."""
    assert narrative(with_s1(f"作出行政许可决定{LICENSING}件。")) == {}
    assert "H4@licensing@s1" in narrative(with_s1(f"作出行政许可决定{LICENSING + 3}件。"))
    for sentence in (
        f"梳理公布行政许可事项{LICENSING + 3}项。",
        f"行政处罚自由裁量基准{LICENSING + 3}项。",
        f"清理行政许可事项清单{LICENSING + 3}件。",
    ):
        assert narrative(with_s1(sentence)) == {}, sentence


# --- 共受理 / 含上年度结转 / 答复 / 结转下年度 ---------------------------------------------------


def test_received_with_carried_over_included_is_new_plus_carried() -> None:
    total = NEW + CARRIED
    right = with_s1(f"共收到政府信息公开申请{total}件（含上年度结转{CARRIED}件）。")
    assert narrative(right) == {}
    wrong = narrative(with_s1(f"共收到政府信息公开申请{NEW}件（含上年度结转{CARRIED}件）。"))
    assert "与“上年结转”总计之和" in wrong["H4@received@s1"].message


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度新收申请{new}件，上年结转{carried}件，共计{total}件。",
        "上年结转{carried}件，本年新收{new}件，合计需办理{total}件。",
    ],
)
def test_new_and_carried_added_up_is_their_sum(sentence: str) -> None:
    right = sentence.format(new=NEW, carried=CARRIED, total=NEW + CARRIED)
    assert narrative(with_s1(right)) == {}
    wrong = sentence.format(new=NEW, carried=CARRIED, total=NEW + CARRIED + 1)
    assert set(narrative(with_s1(wrong))) == {"H4@received_with_carried_total@s1"}


def test_received_alone_is_new_this_year() -> None:
    assert narrative(with_s1(f"共受理政府信息公开申请{NEW}件。")) == {}
    assert "H4@received@s1" in narrative(with_s1(f"共受理政府信息公开申请{NEW + 5}件。"))


def test_answered_is_the_results_total() -> None:
    assert narrative(with_s1(f"全年答复{CLOSED}件。")) == {}
    assert "H4@closed@s1" in narrative(with_s1(f"全年答复{CLOSED - 1}件。"))


@pytest.mark.parametrize("verb", ["结转下年度继续办理", "顺延到下年度办理"])
def test_carried_to_next_year(verb: str) -> None:
    assert narrative(with_s1(f"{verb}{CARRY_NEXT}件。")) == {}
    assert "H4@carry_next@s1" in narrative(with_s1(f"{verb}{CARRY_NEXT + 3}件。"))


@pytest.mark.parametrize(
    ("phrase", "value", "key"),
    [
        ("其他处理", OTHER, "other_handling"),
        ("不予处理", NOT_PROCESSED, "not_processed"),
        ("无法提供", UNABLE, "unable"),
    ],
)
def test_rows_that_add_up_several_lines(phrase: str, value: int, key: str) -> None:
    assert narrative(with_s1(f"{phrase}{value}件。")) == {}
    assert f"H4@{key}@s1" in narrative(with_s1(f"{phrase}{value + 2}件。"))


# --- 行政复议 / 诉讼 / 均获维持 -----------------------------------------------------------------


NORMATIVE = "s2.art20_1.normative_docs"


@pytest.mark.parametrize(
    ("phrase", "cell", "key"),
    [
        ("现行有效规范性文件共{}件", f"{NORMATIVE}@in_force", "normative_in_force"),
        ("废止行政规范性文件{}件", f"{NORMATIVE}@repealed", "normative_repealed"),
        ("废止{}件规范性文件", f"{NORMATIVE}@repealed", "normative_repealed_count_first"),
    ],
)
def test_normative_documents_in_force_and_repealed(phrase: str, cell: str, key: str) -> None:
    right = table(cell)
    assert narrative(with_s1(phrase.format(right) + "。")) == {}
    assert f"H4@{key}@s1" in narrative(with_s1(phrase.format(right + 2) + "。"))


def test_regulations_and_documents_counted_together_are_left_alone() -> None:
    both = table("s2.art20_1.normative_docs@in_force") + table("s2.art20_1.regulations@in_force")
    assert narrative(with_s1(f"现行有效规章和规范性文件共{both + 1}件。")) == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "与上年相比，2024年收到政府信息公开申请{old}件，2025年收到政府信息公开申请{new}件。",
        "上年度收到申请{old}件，本年度收到申请{new}件。",
        "全市共收到政府信息公开申请{old}件，本机关收到申请{new}件。",
        "近三年累计收到申请{old}件，本年收到申请{new}件。",
        "比上年多收到申请{old}件，本年收到申请{new}件。",
        "通过网站、信函收到申请分别为{old}件、5件，本年收到申请{new}件。",
    ],
)
def test_a_figure_of_another_year_or_a_wider_whole_is_not_compared(sentence: str) -> None:
    """Real reports set this year's figure beside last year's or the whole city's in one
    sentence: only this year's own figure is compared with the table."""
    assert narrative(with_s1(sentence.format(old=NEW + 40, new=NEW))) == {}
    wrong = narrative(with_s1(sentence.format(old=NEW + 40, new=NEW + 1)))
    assert list(wrong) == ["H4@received@s1"]
    assert f"{NEW + 1} 件" in wrong["H4@received@s1"].message


def test_review_and_litigation_right_after_it() -> None:
    assert narrative(with_s1(f"行政复议{REVIEW}件，诉讼{LITIGATION}件。")) == {}
    wrong = narrative(with_s1(f"行政复议{REVIEW}件，诉讼{LITIGATION + 1}件。"))
    assert set(wrong) == {"H4@litigation_short@s1"}
    assert narrative(with_s1(f"本年发生行政诉讼{LITIGATION}件。")) == {}
    assert "H4@litigation@s1" in narrative(with_s1(f"本年发生行政诉讼{LITIGATION + 1}件。"))


def test_a_lawsuit_count_without_a_review_before_it_is_left_alone() -> None:
    assert narrative(with_s1("涉及民事诉讼3件。")) == {}


def _quiet_table_four(report: Report) -> Report:
    for group in ("review", "lit_direct", "lit_after_review"):
        report.set_cell(f"s4.{group}.upheld", 2)
        for outcome in ("corrected", "other", "pending"):
            report.set_cell(f"s4.{group}.{outcome}", 0)
    return report


def test_all_upheld_while_table_four_shows_corrections_is_a_warning() -> None:
    report = with_s1("行政复议2件，诉讼4件，均获维持。", report=_quiet_table_four(city_2025()))
    assert narrative(report) == {}
    report.set_cell("s4.review.pending", 1)
    report.set_cell("s4.review.upheld", 1)
    warning = narrative(report)["H7@all_upheld@s1"]
    assert warning.level == WARNING
    assert "尚未审结” 1 件" in warning.message and "均获维持" in warning.message
    assert warning.cells == ("s4.review.pending",)


def test_all_upheld_about_review_only_ignores_litigation() -> None:
    report = _quiet_table_four(city_2025())
    report.set_cell("s4.lit_direct.pending", 1)
    report.set_cell("s4.lit_direct.upheld", 1)
    with_s1("行政复议2件，均获维持。", report=report)
    assert narrative(report) == {}


def test_saying_there_were_none_while_the_table_has_some_is_a_warning() -> None:
    """Last year's 「未发生…行政复议、行政诉讼」 copied into a year that had some."""
    said = "本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。"
    report = with_s1(said, report=_quiet_table_four(city_2025()))
    report.set_cell("s4.review.upheld", 0)
    for group in ("lit_direct", "lit_after_review"):
        report.set_cell(f"s4.{group}.upheld", 0)
    assert narrative(report) == {}
    report.set_cell("s4.review.upheld", 2)
    warning = narrative(report)["H7@none_happened@s1"]
    assert "行政复议·总计” 2 件" in warning.message and "不是没有" in warning.message
    assert warning.cells == ("s4.review.total",)


def test_no_applications_said_while_table_three_has_some() -> None:
    assert "H7@none_happened@s1" in narrative(with_s1("全年未收到政府信息公开申请。"))


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度没有发生行政复议被纠错的情况。",  # about corrections, not all reviews
        "未发生因不予公开引起的行政复议。",  # a part of them
        "本机关未收到纸质申请。",  # one channel
        "未收到申请人投诉。",
        "上年度未发生行政复议。",  # another year
        "本年度未收取信息处理费。",
    ],
)
def test_a_narrower_none_is_left_alone(sentence: str) -> None:
    assert narrative(with_s1(sentence)) == {}


# --- 占X% -----------------------------------------------------------------------------------


def test_percentage_of_the_results_total() -> None:
    share = round(GRANTED * 100 / CLOSED, 1)
    assert narrative(with_s1(f"予以公开{GRANTED}件，占{share}%。")) == {}
    wrong = narrative(with_s1(f"予以公开{GRANTED}件，占{share + 2}%。"))
    finding = wrong["H5@granted@s1"]
    assert f"{share}%" in finding.message and f"{share + 2}%" in finding.message
    assert f"{CLOSED} 件" in finding.message


def test_percentage_written_as_a_share() -> None:
    share = round(GRANTED * 100 / CLOSED, 1)
    assert narrative(with_s1(f"予以公开{GRANTED}件，占比{share}%。")) == {}
    assert "H5@granted@s1" in narrative(with_s1(f"予以公开{GRANTED}件，占比{share + 3}%。"))


def test_percentage_to_the_precision_written() -> None:
    exact = GRANTED * 100 / CLOSED
    assert narrative(with_s1(f"予以公开{GRANTED}件，占{round(exact)}%。")) == {}
    assert narrative(with_s1(f"予以公开{GRANTED}件，占{exact:.2f}%。")) == {}


def test_percentage_of_a_base_the_sentence_names() -> None:
    share = round(GRANTED * 100 / NEW, 1)
    assert narrative(with_s1(f"予以公开{GRANTED}件，占申请总数的{share}%。")) == {}
    assert "H5@granted@s1" in narrative(with_s1(f"予以公开{GRANTED}件，占申请总数的{share + 1}%。"))


def test_a_count_slip_whose_percent_fits_the_table_is_one_finding() -> None:
    """「予以公开43件，占42.86%」 where the table has 42 of 98: the count is the slip (one
    H4); the percent, right for the table, is not a second finding. A percent that fits
    neither count is still one."""
    share = round(GRANTED * 100 / CLOSED, 2)
    slip = narrative(with_s1(f"予以公开{GRANTED + 1}件，占{share}%。"))
    assert set(slip) == {"H4@granted@s1"}
    both = narrative(with_s1(f"予以公开{GRANTED + 1}件，占{share + 5}%。"))
    assert set(both) == {"H4@granted@s1", "H5@granted@s1"}


def test_percentage_of_an_unknown_base_is_left_alone() -> None:
    assert narrative(with_s1(f"予以公开{GRANTED}件，占全市的3.5%。")) == {}


# --- 较上年 / 同比 ---------------------------------------------------------------------------


def last_year(new_total: int) -> Report:
    report = city_2025()
    report.year = 2024
    report.cells = {k: v for k, v in report.cells.items() if not k.startswith("s3.new_this_year")}
    report.cells["s3.new_this_year@natural_person"] = new_total
    for column in ("org_commercial", "org_research", "org_public_welfare"):
        report.cells[f"s3.new_this_year@{column}"] = 0
    for column in ("org_legal_service", "org_other"):
        report.cells[f"s3.new_this_year@{column}"] = 0
    return report


def test_change_in_count_against_last_years_report() -> None:
    previous = last_year(NEW - 100)
    right = with_s1(f"共收到政府信息公开申请{NEW}件，较上年增加100件。")
    assert narrative(right, previous) == {}
    wrong = narrative(with_s1(f"共收到政府信息公开申请{NEW}件，较上年减少100件。"), previous)
    assert "增加 100 件" in wrong["H6@received@s1"].message
    assert narrative(right) == {}  # without last year's report nothing is compared


def test_change_in_percent_against_last_years_report() -> None:
    previous = last_year(NEW * 2)
    right = with_s1(f"共收到政府信息公开申请{NEW}件，同比下降50%。")
    assert narrative(right, previous) == {}
    wrong = narrative(with_s1(f"共收到政府信息公开申请{NEW}件，同比增长50%。"), previous)
    assert "下降 50" in wrong["H6@received@s1"].message


# --- fmt2019 uses its own cells ------------------------------------------------------------------


def test_the_trial_format_has_the_same_phrasings() -> None:
    keys = {f.key for f in FMT19.text_figures}
    assert {"granted_partial", "other_handling", "litigation_short"} <= keys
    other = {f.key: f.cells for f in FMT19.text_figures}["other_handling"]
    assert other == ("s3.result.other@total",)
