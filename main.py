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

import sys
from collections.abc import Sequence

from model import cli


def main(argv: Sequence[str] | None = None) -> int:
    cli.guard_streams()
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if cli.command_of(args) in cli.COMMANDS:
            from export.commands import run_export

            return cli.run_command(cli.command_parser().parse_args(args), export=run_export)
        options = cli.window_parser().parse_args(args)
    except SystemExit as exc:  # -h, or arguments argparse could not understand
        return exc.code if isinstance(exc.code, int) else cli.EXIT_FAILED
    if options.file is not None and not options.file.exists():  # a mistyped command, often
        cli.err(cli.not_a_command_or_file(str(options.file)))
        return cli.EXIT_FAILED
    try:
        from gui.shell.app import run  # Qt is loaded only for the window
    except ImportError as exc:
        cli.err(f"错误：无法启动窗口（{exc}）。请重新安装本程序。")
        return cli.EXIT_FAILED
    # a FILE given is imported into the store and opened (what a double-click does)
    return int(run(options.store or cli.default_store(), open_file=options.file))


if __name__ == "__main__":
    sys.exit(main())
