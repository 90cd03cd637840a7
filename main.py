"""公开年报编辑器 (nianbao): the window, or a command when one is named.

    nianbao [--store FILE] [FILE]            the window (FILE: a report to import and open)
    nianbao import FILE [--store FILE]       import a .txt or .nianbao.json report
    nianbao list [--store FILE]              one line per report: id, year, agency, format
    nianbao show REPORT [--store FILE]       the report as exchange JSON
    nianbao check REPORT [--store FILE]      the findings; exit 1 when there are errors
    nianbao export REPORT --pdf OUT.pdf | --json OUT.json [--store FILE]

REPORT is a report id in the store or a path to a report file. Exit codes: 0 done,
1 the check found errors, 2 the command could not be done (message on stderr).
The commands never import Qt, so they start fast and run without a display.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from model.report import Report

COMMANDS = ("import", "list", "show", "check", "export")
EXIT_OK, EXIT_FINDINGS, EXIT_FAILED = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    _guard_streams()
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if _command_of(args) in COMMANDS:
            return _run_command(_command_parser().parse_args(args))
        options = _window_parser().parse_args(args)
    except SystemExit as exc:  # -h, or arguments argparse could not understand
        return exc.code if isinstance(exc.code, int) else EXIT_FAILED
    return _run_window(options.store, options.file)


class _Parser(argparse.ArgumentParser):
    """argparse with its usual complaints said in Chinese."""

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


# --- window ---------------------------------------------------------------------------------


def _run_window(store: Path | None, file: Path | None) -> int:
    try:
        from gui.app import run  # Qt is loaded only for the window
    except ImportError as exc:
        _err(f"错误：无法启动窗口（{exc}）。请重新安装本程序。")
        return EXIT_FAILED

    # open_file: imported into the store and opened (what a double-click on a report does)
    return int(run(store or _default_store(), open_file=file))


def _window_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="nianbao",
        description="公开年报编辑器。不带命令时打开窗口；命令："
        + "、".join(COMMANDS)
        + "（用 nianbao 命令 -h 查看说明）。",
    )
    parser.add_argument("--store", type=Path, help="数据文件（默认在用户数据文件夹中）")
    parser.add_argument("file", type=Path, nargs="?", help="要导入并打开的报告文件")
    return parser


# --- commands -------------------------------------------------------------------------------


def _command_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="nianbao", description="公开年报编辑器命令行")
    parser.add_argument("--store", type=Path, help="数据文件（默认在用户数据文件夹中）")
    sub = parser.add_subparsers(dest="command", required=True, metavar="命令", parser_class=_Parser)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text, description=help_text)
        command.add_argument("--store", type=Path, default=argparse.SUPPRESS, help="数据文件")
        return command

    add("import", "导入 .txt 文本报告或 .nianbao.json 交换文件，输出新报告的编号").add_argument(
        "file", type=Path, help="要导入的文件"
    )
    add("list", "列出数据文件中的报告：编号、年度、机关、格式")
    add("show", "以交换文件（JSON）格式输出报告").add_argument("report", help="报告编号或文件")
    add("check", "检查报告，每行一条问题；有错误时退出码为 1").add_argument(
        "report", help="报告编号或文件"
    )
    export = add("export", "把报告导出为 PDF 或交换文件")
    export.add_argument("report", help="报告编号或文件")
    export.add_argument("--pdf", type=Path, help="输出的 PDF 文件")
    export.add_argument("--json", type=Path, help="输出的交换文件（.nianbao.json）")
    return parser


def _run_command(args: argparse.Namespace) -> int:
    from model.errors import NianbaoError

    store_path = args.store or _default_store()
    try:
        return _dispatch(args, store_path)
    except NianbaoError as exc:
        _err(f"错误：{exc}")
        return EXIT_FAILED
    except KeyboardInterrupt:
        _err("已取消。")
        return EXIT_FAILED
    except Exception:
        _err("程序内部错误，操作没有完成。请把以下信息发给技术支持：")
        _err(traceback.format_exc())
        return EXIT_FAILED


def _dispatch(args: argparse.Namespace, store_path: Path) -> int:
    from model import commands

    if args.command == "import":
        with commands.opened_store(store_path) as store:
            result = commands.import_into_store(store, args.file)
        _notes(result.warnings)
        _out(result.report.id)
        return EXIT_OK
    if args.command == "list":
        summaries = commands.list_reports(store_path)
        for summary in summaries:
            _out(commands.summary_line(summary))
        if not summaries:
            _err(f"数据文件「{store_path}」中还没有报告。")
        return EXIT_OK
    report, warnings = commands.load_report(args.report, store_path)
    _notes(warnings)
    if args.command == "show":
        _out(commands.show_report(report), end="")
        return EXIT_OK
    if args.command == "check":
        findings = commands.check_report(report, store_path)
        for finding in findings:
            note = report.dismissed.get(finding.id)
            _out(finding.line() + (f"\t（已确认：{note}）" if note is not None else ""))
        if not findings:
            _err("没有发现问题。")
        return EXIT_FINDINGS if commands.has_errors(findings) else EXIT_OK
    return _export(args, report)


def _export(args: argparse.Namespace, report: Report) -> int:
    from export.commands import export_json, export_pdf

    if args.pdf is None and args.json is None:
        _err("错误：请用 --pdf 文件名.pdf 或 --json 文件名.nianbao.json 指定导出到哪里。")
        return EXIT_FAILED
    if args.json is not None:
        _notes(export_json(report, args.json))
    if args.pdf is not None:
        _notes(export_pdf(report, args.pdf))
        _err(f"已写入 PDF：{args.pdf}")
    return EXIT_OK


# --- helpers --------------------------------------------------------------------------------


def _command_of(args: list[str]) -> str | None:
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


def _default_store() -> Path:
    from model.paths import default_store_path

    return default_store_path()


def _guard_streams() -> None:
    """A windowed frozen app has no stdout/stderr; a GBK console cannot encode every 字."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
        elif hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors="replace")


def _out(text: str, end: str = "\n") -> None:
    print(text, end=end, file=sys.stdout, flush=True)


def _err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _notes(lines: list[str]) -> None:
    for line in lines:
        _err(f"提示：{line}")


if __name__ == "__main__":
    sys.exit(main())
