"""公开年报编辑器 (nianbao): the window, or a command when one is named.

    nianbao [--store FILE] [FILE]            the window (FILE: a report to import and open)
    nianbao import FILE [--simplify] [--store FILE]   import a report: .docx .doc .wps .html
                   .pdf .txt or .nianbao.json (--simplify: traditional characters to simplified)
    nianbao new-from REPORT [--store FILE]   next year's report started from REPORT
    nianbao list [--store FILE]              one line per report: id, year, agency, format
    nianbao show REPORT [--store FILE]       the report as exchange JSON
    nianbao check REPORT [--store FILE]      the findings; exit 1 when there are errors
    nianbao export REPORT --pdf OUT.pdf | --docx OUT.docx | --html OUT.html | --json OUT.json
                   | --xlsx OUT.xlsx [--store FILE]
    nianbao check-all FOLDER… [--xlsx OUT.xlsx] [--csv OUT.csv]   check a folder of reports
    nianbao consolidate FOLDER… --agency NAME [--year Y] [--xlsx OUT] [--json OUT]   汇总

REPORT is a report id in the store or a path to a report file. Exit codes: 0 done,
1 the check found errors, 2 the command could not be done (message on stderr).

This module is the command line's front end: it parses arguments and prints. The work is done
by the use cases in model/commands.py and export/commands.py, which the window calls too. The
commands never import Qt, so they start fast and run without a display.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from model import commands
from model.errors import NianbaoError

COMMANDS = ("import", "list", "show", "check", "export", "check-all", "new-from", "consolidate")
EXIT_OK, EXIT_FINDINGS, EXIT_FAILED = 0, 1, 2


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class CliParser(argparse.ArgumentParser):
    """argparse with its help and its usual complaints in Chinese."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本说明后退出")

    MESSAGES = (
        ("the following arguments are required", "缺少参数"),
        ("unrecognized arguments", "无法识别的参数"),
        ("invalid choice", "没有这个命令"),
        ("expected one argument", "后面缺少值"),
    )

    def error(self, message: str) -> NoReturn:
        for english, chinese in self.MESSAGES:
            message = message.replace(english, chinese)
        self.print_usage(sys.stderr)
        self.exit(EXIT_FAILED, f"错误：{message}。用 -h 查看用法。\n")


def not_a_command_or_file(word: str) -> str:
    return (
        f"错误：「{word}」既不是命令，也不是存在的文件。"
        f"可用的命令：{'、'.join(COMMANDS)}；用 -h 查看用法。"
    )


def window_parser() -> argparse.ArgumentParser:
    parser = CliParser(
        prog="nianbao",
        description="公开年报编辑器。不带命令时打开窗口；命令："
        + "、".join(COMMANDS)
        + "（用 nianbao 命令 -h 查看说明）。",
    )
    parser.add_argument("--store", type=Path, help="数据文件（默认在用户数据文件夹中）")
    parser.add_argument("file", type=Path, nargs="?", help="要导入并打开的报告文件")
    return parser


def command_parser() -> argparse.ArgumentParser:
    parser = CliParser(prog="nianbao", description="公开年报编辑器命令行")
    parser.add_argument("--store", type=Path, help="数据文件（默认在用户数据文件夹中）")
    sub = parser.add_subparsers(
        dest="command", required=True, metavar="命令", parser_class=CliParser
    )

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text, description=help_text)
        command.add_argument("--store", type=Path, default=argparse.SUPPRESS, help="数据文件")
        return command

    importing = add(
        "import",
        "导入报告（Word .docx/.doc/.wps、网页 .html、PDF、文本 .txt 或 .nianbao.json 交换文件），"
        "输出新报告的编号和导入情况",
    )
    importing.add_argument("file", type=Path, help="要导入的文件")
    importing.add_argument(
        "--simplify", action="store_true", help="报告是繁体字时，把全文转换为简体字"
    )
    importing.add_argument(
        "--replace",
        action="store_true",
        help="已有同一机关同一年度的报告时，把旧报告移到回收站，用导入的报告代替"
        "（不加时两份都保留，新报告标为副本）",
    )
    new_from = add("new-from", "以上年报告为基础，新建下一年度的报告，输出新报告的编号")
    new_from.add_argument("report", help="上年报告的编号或文件")
    new_from.add_argument(
        "--replace",
        action="store_true",
        help="已有同一机关下一年度的报告时，把它移到回收站，用新建的报告代替",
    )
    add("list", "列出数据文件中的报告：编号、年度、机关、格式")
    add("show", "以交换文件（JSON）格式输出报告").add_argument("report", help="报告编号或文件")
    add("check", "检查报告，每行一条问题；有错误时退出码为 1").add_argument(
        "report", help="报告编号或文件"
    )
    export = add("export", "把报告导出为 PDF、Word、网页或交换文件")
    export.add_argument("report", help="报告编号或文件")
    export.add_argument("--pdf", type=Path, help="输出的 PDF 文件")
    export.add_argument("--docx", type=Path, help="输出的 Word 文件（.docx），供审核修改")
    export.add_argument("--html", type=Path, help="输出的网页文件（.html），供网站发布")
    export.add_argument("--json", type=Path, help="输出的交换文件（.nianbao.json）")
    export.add_argument("--xlsx", type=Path, help="输出统计表的 Excel 文件（.xlsx）")
    check_all = add("check-all", "批量检查文件夹中的报告，每份一行摘要；有错误时退出码为 1")
    check_all.add_argument("paths", type=Path, nargs="+", help="文件夹或报告文件")
    check_all.add_argument("--xlsx", type=Path, help="把检查结果导出为 Excel 文件（.xlsx）")
    check_all.add_argument("--csv", type=Path, help="把检查结果导出为 CSV 文件")
    check_all.add_argument("--brief", action="store_true", help="只输出每份报告的摘要行")
    summing = add("consolidate", "把文件夹中同一年度报告的统计表汇总为一份新报告（汇总）")
    summing.add_argument("paths", type=Path, nargs="+", help="文件夹或报告文件")
    summing.add_argument("--agency", required=True, help="汇总报告的机关名称")
    summing.add_argument("--year", type=int, help="年度（默认为多数报告的年度）")
    summing.add_argument("--xlsx", type=Path, help="汇总表 Excel 文件：每个统计表一页")
    summing.add_argument("--json", type=Path, help="汇总报告的交换文件（可再导入）")
    return parser


def run_command(args: argparse.Namespace) -> int:
    """Run one command; the exit code."""
    store_path = args.store or default_store()
    try:
        if args.command == "export":
            return _export(args, store_path)
        if args.command == "consolidate":
            return _consolidate(args)
        if args.command == "check-all":
            return _check_all(args, store_path)
        return _dispatch(args, store_path)
    except NianbaoError as exc:
        err(f"错误：{exc}")
        return EXIT_FAILED
    except KeyboardInterrupt:
        err("已取消。")
        return EXIT_FAILED
    except Exception:
        err("程序内部错误，操作没有完成。请把以下信息发给技术支持：")
        err(traceback.format_exc())
        return EXIT_FAILED


def _dispatch(args: argparse.Namespace, store_path: Path) -> int:
    if args.command == "import":
        wait = commands.LOCK_WAIT_SECONDS  # queue behind another command instead of failing
        with commands.opened_store(
            store_path, wait=wait, on_wait=lambda s: err(f"提示：{s}")
        ) as store:
            result = commands.import_into_store(
                store, args.file, replace=args.replace, simplify=args.simplify
            )
        notes(result.warnings)
        if result.summary is not None:
            for line in result.summary.lines():
                err(line)
        out(result.report.id)
        return EXIT_OK
    if args.command == "new-from":
        previous, warnings = commands.load_report(args.report, store_path)
        notes(warnings)
        wait = commands.LOCK_WAIT_SECONDS
        with commands.opened_store(
            store_path, wait=wait, on_wait=lambda s: err(f"提示：{s}")
        ) as store:
            made = commands.new_from_into_store(store, previous, replace=args.replace)
        notes(made.notes)
        out(made.report.id)
        return EXIT_OK
    if args.command == "list":
        summaries = commands.list_reports(store_path)
        for summary in summaries:
            out(commands.summary_line(summary))
        if not summaries:
            err(f"数据文件「{store_path}」中还没有报告。")
        return EXIT_OK
    report, warnings = commands.load_report(args.report, store_path)
    notes(warnings)
    if args.command == "show":
        out(commands.show_report(report), end="")
        return EXIT_OK
    if args.command == "check":
        findings = commands.check_report(report, store_path)
        for finding in findings:
            note = report.dismissed.get(finding.id)
            out(finding.line() + (f"\t（已确认：{note}）" if note is not None else ""))
        if not findings:
            err("没有发现问题。")
        assumed = commands.count_assumed(findings)
        if assumed:
            err(f"其中 {assumed} 项是按空格为 0 计算得出的；空格如果不是 0，请填上实际数字再检查。")
        return EXIT_FINDINGS if commands.has_errors(findings) else EXIT_OK
    raise ValueError(args.command)


def command_of(args: list[str]) -> str | None:
    """The first word that is not an option (or the value of --store)."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--store":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def default_store() -> Path:
    from model.paths import default_store_path

    return default_store_path()


def guard_streams() -> None:
    """A windowed frozen app has no stdout/stderr; a GBK console cannot encode every 字."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
        elif hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors="replace")


def out(text: str, end: str = "\n") -> None:
    print(text, end=end, file=sys.stdout, flush=True)


def err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def notes(lines: list[str]) -> None:
    for line in lines:
        err(f"提示：{line}")


def _export(args: argparse.Namespace, store_path: Path) -> int:
    """`export REPORT --pdf OUT.pdf | --json OUT.json`: exit code as the other commands."""
    report, warnings = commands.load_report(args.report, store_path)
    notes(warnings)
    targets = (args.pdf, args.docx, args.html, args.json, args.xlsx)
    if all(target is None for target in targets):
        err(
            "错误：请用 --pdf 文件名.pdf、--docx 文件名.docx、--html 文件名.html、"
            "--json 文件名.nianbao.json 或 --xlsx 文件名.xlsx 指定导出到哪里。"
        )
        return EXIT_FAILED
    if args.json is not None:
        from export.commands import export_json

        notes(export_json(report, args.json))
    if args.xlsx is not None:
        from export.xlsx import export_report_xlsx

        notes(export_report_xlsx(report, args.xlsx))
    if args.pdf is not None:
        from export.commands import export_pdf  # reportlab only when exporting a PDF

        notes(export_pdf(report, args.pdf))
        err(f"已写入 PDF：{args.pdf}")
    if args.docx is not None:
        from export.commands import export_docx

        notes(export_docx(report, args.docx))
    if args.html is not None:
        from export.commands import export_html

        notes(export_html(report, args.html))
    return EXIT_OK


def _check_all(args: argparse.Namespace, store_path: Path) -> int:
    """`check-all FOLDER…`: a summary line per report (and its errors and warnings)."""
    from model.batch.check_folder import check_all
    from model.batch.entries import summary_line
    from model.findings import PENDING

    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        err(f"错误：找不到「{'」「'.join(missing)}」。请确认文件夹或文件的路径。")
        return EXIT_FAILED
    result = check_all(args.paths, store_path)
    if not result.entries:
        err("错误：所给的文件夹中没有可检查的报告文件（.json .txt .docx .pdf .html 等）。")
        return EXIT_FAILED
    for entry in result.entries:
        out(summary_line(entry))
        if not args.brief and entry.report is not None:
            for finding in entry.active_findings():
                if finding.level != PENDING:
                    out("\t" + finding.line())
    totals = result.totals()
    err(
        f"共 {totals['reports']} 份：{totals['with_errors']} 份有错误"
        f"（其中 {totals['unreadable']} 份无法读取），"
        f"错误 {totals['error']} 个、提醒 {totals['warning']} 个、待填 {totals['pending']} 项。"
    )
    if args.xlsx is not None or args.csv is not None:
        from export.xlsx import export_batch

        notes(export_batch(result, args.xlsx, args.csv))
    return EXIT_FINDINGS if result.has_errors() else EXIT_OK


def _consolidate(args: argparse.Namespace) -> int:
    """`consolidate FOLDER… --agency NAME`: the notes on stderr, the files where asked."""
    from export.xlsx import consolidation_workbook, save_workbook
    from model.batch.check_folder import read_all
    from model.batch.consolidate import consolidate
    from model.formats import get_format

    reports, unreadable = read_all(args.paths)
    notes(unreadable)
    result = consolidate(reports, args.agency, args.year)
    notes(result.notes())
    if args.xlsx is not None:
        written = save_workbook(
            consolidation_workbook(result, get_format(result.report.format)), args.xlsx
        )
        err(f"已写入 Excel 文件：{written}")
    if args.json is not None:
        from export.commands import export_json

        notes(export_json(result.report, args.json))
    if args.xlsx is None and args.json is None:
        err("提示：用 --xlsx 或 --json 指定把汇总结果写到哪里。")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    guard_streams()
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if command_of(args) in COMMANDS:
            return run_command(command_parser().parse_args(args))
        options = window_parser().parse_args(args)
    except SystemExit as exc:  # -h, or arguments argparse could not understand
        return exc.code if isinstance(exc.code, int) else EXIT_FAILED
    if options.file is not None and not options.file.exists():  # a mistyped command, often
        err(not_a_command_or_file(str(options.file)))
        return EXIT_FAILED
    try:
        from gui.shell.app import run  # Qt is loaded only for the window
    except ImportError as exc:
        err(f"错误：无法启动窗口（{exc}）。请重新安装本程序。")
        return EXIT_FAILED
    # a FILE given is imported into the store and opened (what a double-click does)
    return int(run(options.store or default_store(), open_file=options.file))


if __name__ == "__main__":
    sys.exit(main())
