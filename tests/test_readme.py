"""The README's commands are the ones CI runs: same system packages, same test command."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _packages(line: str) -> set[str]:
    words = line.replace("\\", " ").split()
    return {w for w in words if re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", w)} - {
        "sudo",
        "apt-get",
        "install",
    }


def test_system_packages_are_the_same_in_readme_and_ci() -> None:
    readme_line = next(line for line in README.splitlines() if "apt-get install" in line)
    ci_block = CI[CI.index("apt-get install") : CI.index(">/dev/null", CI.index("apt-get install"))]
    readme = _packages(readme_line)
    ci = _packages(ci_block)
    assert readme == ci
    assert {"poppler-utils", "libegl1", "libxcb-cursor0", "python3-venv"} <= readme


def test_ci_runs_the_readme_test_command_word_for_word() -> None:
    command = next(
        line
        for line in README.splitlines()
        if line.startswith("python3 -m venv") and "pytest" in line
    )
    assert command in CI.splitlines()
    assert CI.index("mypy") < CI.index(command)  # the linters run before the tests
