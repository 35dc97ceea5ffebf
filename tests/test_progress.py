"""Long runs show a progress bar on a terminal, logging has levels, the summary stays."""

from __future__ import annotations

import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from db import migrate
from tests.conftest import FIXTURES, ROOT

ARTICLES = sorted((FIXTURES / "articles").glob("*.txt"))
SUMMARY = re.compile(r"^Run \d+ succeeded in [\d.]+s\n(  .+\n)+", re.MULTILINE)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for article in ARTICLES:
        shutil.copy(article, folder / article.name)
    return folder


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    return {**env, "TERM": "xterm-256color", "COLUMNS": "140"}


def _run_on_a_terminal(*args: str) -> tuple[int, str]:
    """The command with stdout and stderr on a pseudo-terminal, as a person runs it."""
    primary, secondary = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "etl", *args],
        stdin=subprocess.DEVNULL, stdout=secondary, stderr=secondary,
        cwd=ROOT, env=_env(), close_fds=True,
    )  # fmt: skip
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(primary, 65536)
        except OSError:  # EIO: the command closed its end
            break
        if not data:
            break
        chunks.append(data)
    os.close(primary)
    return process.wait(timeout=120), b"".join(chunks).decode(errors="replace")


def _run_piped(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "etl", *args],
        capture_output=True, text=True, cwd=ROOT, env=_env(), timeout=120,
    )  # fmt: skip


@pytest.fixture
def migrated_url(scratch_database: str) -> str:
    migrate.upgrade(scratch_database)
    return scratch_database


def test_a_terminal_gets_a_bar_with_rate_and_time_left(migrated_url: str, tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "articles")
    code, shown = _run_on_a_terminal(
        "--database-url", migrated_url, "run", "--batch-size", "1", "--workers", "1", str(folder)
    )
    assert code == 0, shown
    text = ANSI.sub("", shown).replace("\r\n", "\n").replace("\r", "\n")
    assert f"0/{len(ARTICLES)} files" in text and f"{len(ARTICLES)}/{len(ARTICLES)} files" in text
    assert re.search(r"\d+ files/s \d:\d\d:\d\d elapsed, \d:\d\d:\d\d left", text), text
    # The bar goes away; the summary after it is the one a pipe gets.
    summary = SUMMARY.search(text)
    assert summary is not None, text
    assert re.search(rf"^  articles loaded +{len(ARTICLES)}$", summary.group(), re.MULTILINE)


def test_no_bar_when_quiet_or_not_a_terminal(migrated_url: str, tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "articles")
    code, shown = _run_on_a_terminal("--database-url", migrated_url, "-q", "run", str(folder))
    assert code == 0, shown
    assert "files/s" not in shown and "\x1b[" not in shown
    again = _run_piped("--database-url", migrated_url, "run", str(folder))
    assert again.returncode == 0, again.stderr
    assert "files/s" not in again.stderr and "\x1b[" not in again.stderr + again.stdout
    assert again.stderr == ""
    # The summary, unchanged: the same lines a run has always printed.
    summary = SUMMARY.fullmatch(again.stdout)
    assert summary is not None, again.stdout
    assert re.search(rf"^  articles unchanged +{len(ARTICLES)}$", again.stdout, re.MULTILINE)


def test_verbosity_levels_on_standard_logging(migrated_url: str, tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "articles")
    base = ["--database-url", migrated_url]
    info = _run_piped(*base, "-v", "run", "--batch-size", "2", str(folder))
    assert info.returncode == 0, info.stderr
    assert "INFO etl.pipeline: batch of 2 files committed" in info.stderr
    assert "DEBUG" not in info.stderr
    debug = _run_piped(*base, "-vv", "run", str(folder))
    assert re.search(r"DEBUG etl\.pipeline: \S+\.txt: unchanged", debug.stderr), debug.stderr
    quiet = _run_piped(*base, "-q", "run", str(folder))
    assert quiet.stderr == "" and SUMMARY.fullmatch(quiet.stdout)
