"""What an attack on the reading stage found (issue 14), each now a test.

Symbolic links lead only inside the folders given to `run`; a file name too
long for its sidecar, and a folder the walk cannot list, are rejections with a
reason instead of a failed run or silently lost files; a size setting is
checked before any file is read.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner

from db import migrate
from etl.cli import cli
from etl.read import RejectedFile, discover, parse_size, read_article
from tests.conftest import drop_login, new_database, run_json

ARTICLE = "HEFEI, March 6 (Xinhua) -- Anhui will develop new energy vehicles and robotics.\n"


def _outcomes(summary: dict) -> dict[str, str]:
    return {Path(f["path"]).name: f["reason"] or "" for f in summary.get("rejections", [])}


def test_a_link_to_a_secret_outside_the_corpus_is_never_read(migrated: str, tmp_path: Path) -> None:
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    corpus.mkdir()
    outside.mkdir()
    secret = outside / "environ.txt"
    secret.write_text("DATABASE_URL=postgresql://u:hunter2@db/x Anhui will develop robots.\n")
    (corpus / "ok.txt").write_text(ARTICLE)
    (corpus / "environ.txt").symlink_to(secret)
    (corpus / "passwd.txt").symlink_to("/etc/passwd")
    (corpus / "inside.txt").symlink_to(corpus / "ok.txt")  # inside: read (same text)
    code, summary = run_json(migrated, str(corpus))
    assert code == 1
    rejected = _outcomes(summary)
    assert set(rejected) == {"environ.txt", "passwd.txt"}
    assert all("outside the folders given to run" in r for r in rejected.values())
    with pytest.raises(RejectedFile, match="outside the folders"):
        read_article(corpus / "passwd.txt", roots=[corpus.resolve()])


def test_a_sidecar_link_outside_the_corpus_is_never_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    outside = tmp_path.parent / f"{tmp_path.name}-secret.json"
    outside.write_text('{"outlet": "hunter2"}')
    (tmp_path / "a.meta.json").symlink_to(outside)
    with pytest.raises(RejectedFile, match="outside the folders"):
        read_article(tmp_path / "a.txt", roots=[tmp_path.resolve()])


def test_a_name_too_long_for_its_sidecar_rejects_that_file_only(
    migrated: str, tmp_path: Path
) -> None:
    long_name = "x" * (255 - len(".txt")) + ".txt"  # + ".meta.json" exceeds NAME_MAX
    (tmp_path / long_name).write_text(ARTICLE)
    (tmp_path / "ok.txt").write_text(ARTICLE.replace("robotics", "biomedicine"))
    code, summary = run_json(migrated, str(tmp_path))
    assert code == 1
    assert summary["loaded"] == 1
    (reason,) = _outcomes(summary).values()
    assert "sidecar" in reason or "too long" in reason.lower()


def test_a_folder_the_walk_cannot_list_is_rejected_not_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "ok.txt").write_text(ARTICLE)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text(ARTICLE)
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        # As root, chmod 000 does not stop a listing; refuse it here instead.
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(discover([tmp_path]))
    assert locked in found and tmp_path / "ok.txt" in found
    monkeypatch.setattr(os, "scandir", real_scandir)
    monkeypatch.setattr(os, "listdir", lambda path: (_ for _ in ()).throw(PermissionError(13, "x")))
    with pytest.raises(RejectedFile, match="folder that cannot be read"):
        read_article(locked)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("5000000", 5_000_000), ("10MB", 10 * 1024**2), ("512 kb", 512 * 1024), ("1G", 1024**3)],
)
def test_sizes_take_units(value: str, expected: int) -> None:
    assert parse_size(value) == expected


@pytest.mark.parametrize("value", ["0", "lots", "-5", "1.5MB", "10TB"])
def test_a_bad_size_setting_stops_the_run_before_reading(
    migrated: str, tmp_path: Path, value: str
) -> None:
    (tmp_path / "ok.txt").write_text(ARTICLE)
    result = CliRunner().invoke(
        cli, ["--database-url", migrated, "run", str(tmp_path)], env={"POLICYDB_MAX_BYTES": value}
    )
    assert result.exit_code == 2
    assert "POLICYDB_MAX_BYTES" in result.output and "10MB" in result.output
    option = CliRunner().invoke(
        cli, ["--database-url", migrated, "run", "--max-bytes", value, str(tmp_path)]
    )
    assert option.exit_code == 2 and "--max-bytes" in option.output


def test_a_file_name_with_terminal_escapes_is_printed_escaped(
    migrated: str, tmp_path: Path
) -> None:
    (tmp_path / "evil\x1b[2J\x1b[31m.txt").write_bytes(b"\x89PNG binary")
    result = CliRunner().invoke(cli, ["--database-url", migrated, "run", str(tmp_path)])
    assert result.exit_code == 1
    assert "\x1b" not in result.output
    assert "evil\\x1b[2J\\x1b[31m.txt" in result.output


def _etl(*args: str) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it: main() turns known failures into exit 2."""
    return subprocess.run(
        [sys.executable, "-m", "etl", *args], capture_output=True, text=True, timeout=60
    )


def test_a_url_with_a_port_that_is_no_number_is_a_message() -> None:
    done = _etl("--database-url", "postgresql://u:secret@localhost:abc/db", "sql", "select 1")
    assert done.returncode == 2
    assert "numeric PORT" in done.stderr and "secret" not in done.stderr + done.stdout
    assert "Traceback" not in done.stderr


def test_a_state_folder_that_cannot_be_created_is_a_message() -> None:
    done = _etl("--pgdata", "/proc/no-such/state", "sql", "select 1")
    assert done.returncode == 2
    assert "POLICYDB_PGDATA" in done.stderr and "Traceback" not in done.stderr


def test_an_unmigrated_database_says_to_upgrade(scratch_database: str, tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(ARTICLE)
    done = _etl("--database-url", scratch_database, "run", str(tmp_path))
    assert done.returncode == 2
    assert "db upgrade" in done.stderr and "does not exist" in done.stderr


def test_a_file_still_being_written_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "growing.txt"
    article.write_text(ARTICLE)
    real_open = Path.open

    def open_while_a_writer_appends(self: Path, *args: object, **kwargs: object) -> object:
        handle = real_open(self, *args, **kwargs)  # type: ignore[call-overload]
        if self == article:
            with real_open(self, "a") as writer:
                writer.write("Anhui will also build more robots.\n")
        return handle

    monkeypatch.setattr(Path, "open", open_while_a_writer_appends)
    with pytest.raises(RejectedFile, match="changed while it was read"):
        read_article(article)


def test_a_kill_inside_the_summaries_update_leaves_them_agreeing_with_the_facts(
    migrated: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import etl.pipeline as pipeline
    from etl import summaries
    from tests.summary_reference import disagreements

    (tmp_path / "first.txt").write_text(ARTICLE)
    pipeline.run_pipeline(migrated, [tmp_path])
    (tmp_path / "first.txt").write_text(ARTICLE.replace("robotics", "biomedicine"))
    (tmp_path / "second.txt").write_text(ARTICLE.replace("Anhui", "Hubei"))
    add_articles = summaries.add_articles

    def killed(cursor: psycopg.Cursor, article_ids: list[int]) -> None:
        add_articles(cursor, article_ids)  # the rollups are written, the batch not committed
        raise KeyboardInterrupt

    monkeypatch.setattr(summaries, "add_articles", killed)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run_pipeline(migrated, [tmp_path])
    monkeypatch.undo()
    assert disagreements(migrated) == {}  # the edit and the new article are not half there

    summary = pipeline.run_pipeline(migrated, [tmp_path])
    assert (summary.counts["replaced"], summary.counts["loaded"]) == (1, 1)
    assert disagreements(migrated) == {}


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_serve_stops_its_server_on_a_stop_signal_however_early(
    embedded_state: Path, stop: signal.Signals
) -> None:
    from db.embedded import EmbeddedServer

    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    serve = subprocess.Popen(
        [sys.executable, "-m", "etl", "--pgdata", str(embedded_state), "db", "serve"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert serve.stdout is not None
    serve.stdout.readline()  # "listening": the signal comes before the fields are printed
    serve.send_signal(stop)
    assert serve.wait(timeout=60) == 0
    assert not EmbeddedServer(embedded_state).is_running()


def test_a_server_that_accepts_and_never_answers_times_out() -> None:
    import socket
    import time

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)  # the handshake completes in the backlog; nothing ever answers
        port = silent.getsockname()[1]
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "etl", "--database-url",
             f"postgresql://u:p@127.0.0.1:{port}/db", "sql", "select 1"],
            capture_output=True, text=True, timeout=60,
            env={**os.environ, "POLICYDB_CONNECT_TIMEOUT": "2"},
        )  # fmt: skip
    assert time.monotonic() - started < 30
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr


def test_a_connect_timeout_that_is_no_number_is_a_message() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "etl", "--database-url", "postgresql://u@127.0.0.1:1/db", "sql",
         "select 1"],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "POLICYDB_CONNECT_TIMEOUT": "soon"},
    )  # fmt: skip
    assert done.returncode == 2 and "POLICYDB_CONNECT_TIMEOUT" in done.stderr


@pytest.fixture
def reader_login(migrated: str) -> Iterator[str]:
    """A login made by `db create-reader` on the migrated database, as a libpq URL."""
    import secrets

    from sqlalchemy.engine import make_url

    from db.access import create_login
    from db.settings import libpq_url

    name, password = f"reader_{secrets.token_hex(3)}", secrets.token_urlsafe(12)
    create_login(migrated, name, password)
    try:
        login = make_url(migrated).set(username=name, password=password)
        yield libpq_url(login.render_as_string(hide_password=False))
    finally:
        drop_login(migrated, name)


@pytest.mark.parametrize(
    "statement",
    [
        "lock table public.etl_run_lock in exclusive mode",
        "lock table public.etl_run_lock in access exclusive mode",
        "select * from public.etl_run_lock for update",
        "select * from public.etl_run_lock for key share",
    ],
)
def test_a_reader_cannot_take_the_run_lock(reader_login: str, statement: str) -> None:
    with (
        psycopg.connect(reader_login) as reader,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        reader.execute(statement)


def test_a_reader_holding_the_old_advisory_lock_cannot_stall_a_run(
    migrated: str, reader_login: str, tmp_path: Path
) -> None:
    import etl.pipeline as pipeline

    (tmp_path / "ok.txt").write_text(ARTICLE)
    with psycopg.connect(reader_login, autocommit=True) as reader:
        # What stalled every run before: the documented advisory lock, any login may take it.
        reader.execute("select pg_advisory_lock(7311402001)")
        finished = threading.Event()
        outcome: list[object] = []

        def run() -> None:
            try:
                outcome.append(pipeline.run_pipeline(migrated, [tmp_path]))
            except BaseException as error:  # reported below
                outcome.append(error)
            finished.set()

        threading.Thread(target=run, daemon=True).start()
        assert finished.wait(timeout=60), "the run waited on the reader's lock"
        (summary,) = outcome
        assert isinstance(summary, pipeline.RunSummary), summary
        assert summary.status == "succeeded" and summary.counts["loaded"] == 1
        # Nor does the reader's lock make etl_health think a run is alive.
        running = reader.execute("select bool_or(is_running_now) from etl_health").fetchone()
        assert running == (False,)


def test_a_login_made_for_one_database_cannot_open_another(
    migrated: str, server_url: str, tmp_path: Path
) -> None:
    """Group roles are the server's; CONNECT is the login's, for its own database."""
    import secrets

    from sqlalchemy.engine import make_url

    from db.access import LOADER_ROLE, create_login
    from db.settings import libpq_url

    (tmp_path / "ok.txt").write_text(ARTICLE)
    suffix = secrets.token_hex(3)
    logins = {f"reader_a_{suffix}": migrated, f"loader_a_{suffix}": migrated}
    try:
        create_login(migrated, f"reader_a_{suffix}", "pw-a")
        create_login(migrated, f"loader_a_{suffix}", "pw-a", LOADER_ROLE)
        # Another database on the same server, migrated after those logins exist.
        with new_database(server_url, "policydb_other") as other:
            migrate.upgrade(other)
            from etl.pipeline import run_pipeline

            run_pipeline(other, [tmp_path])
            create_login(other, f"reader_b_{suffix}", "pw-b")
            logins[f"reader_b_{suffix}"] = other

            def as_login(url: str, name: str, password: str) -> str:
                login = make_url(url).set(username=name, password=password)
                return libpq_url(login.render_as_string(hide_password=False))

            for name, own, foreign in [
                (f"reader_a_{suffix}", migrated, other),
                (f"loader_a_{suffix}", migrated, other),
                (f"reader_b_{suffix}", other, migrated),
            ]:
                password = "pw-b" if name.startswith("reader_b") else "pw-a"
                with psycopg.connect(as_login(own, name, password)) as connection:
                    assert connection.execute("select 1").fetchone() == (1,)
                with pytest.raises(psycopg.OperationalError, match="CONNECT privilege"):
                    psycopg.connect(as_login(foreign, name, password)).close()
            with psycopg.connect(as_login(other, f"reader_b_{suffix}", "pw-b")) as reader:
                assert reader.execute("select count(*) from article_catalog").fetchone() == (1,)
    finally:
        for name in logins:
            drop_login(migrated, name)


def test_logins_of_a_database_in_use_keep_connecting_after_the_upgrade(
    scratch_database: str, tmp_path: Path
) -> None:
    """Revision 0014 shuts no existing BI tool or ETL job out of a database in use."""
    import secrets

    from psycopg import sql
    from sqlalchemy.engine import make_url

    from db.settings import libpq_url
    from etl.pipeline import run_pipeline

    (tmp_path / "ok.txt").write_text(ARTICLE)
    migrate.upgrade(scratch_database, "0013")
    run_pipeline(scratch_database, [tmp_path])
    name = f"old_reader_{secrets.token_hex(3)}"
    try:
        with psycopg.connect(libpq_url(scratch_database), autocommit=True) as admin:
            # A login as `db create-reader` made them before: in the group, no grant of its own.
            admin.execute(
                sql.SQL("create role {} login password 'pw' in role analytics_reader").format(
                    sql.Identifier(name)
                )
            )
        migrate.upgrade(scratch_database)
        login = make_url(scratch_database).set(username=name, password="pw")
        with psycopg.connect(libpq_url(login.render_as_string(hide_password=False))) as reader:
            # A plain view: later view migrations leave materialized ones empty until a refresh.
            assert reader.execute("select count(*) from analytics.etl_health").fetchone() == (1,)
    finally:
        drop_login(scratch_database, name)


def _random_bytes() -> bytes:
    import random

    return random.Random(14).randbytes(64 * 1024)  # about 0.4 % NUL: under the NUL rule


def _gzip() -> bytes:
    import gzip

    return gzip.compress((ARTICLE * 400).encode(), mtime=1)


@pytest.mark.parametrize(
    ("name", "data", "what"),
    [
        ("random.txt", _random_bytes, "control codes no text encoding uses"),
        ("compressed.txt", _gzip, "starts like a gzip archive"),
        ("word97.txt", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8,
         "Office 97-2003 document"),
        ("image.txt", lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "a PNG image"),
        ("utf16_no_bom.txt", lambda: ARTICLE.encode("utf-16-le"), "without a byte-order mark"),
    ],
)  # fmt: skip
def test_a_binary_file_is_told_it_is_binary_not_to_convert_its_encoding(
    migrated: str, tmp_path: Path, name: str, data: Callable[[], bytes], what: str
) -> None:
    (tmp_path / name).write_bytes(data())
    (tmp_path / "ok.txt").write_text(ARTICLE)
    code, summary = run_json(migrated, str(tmp_path))
    assert code == 1 and summary["loaded"] == 1
    (reason,) = _outcomes(summary).values()
    assert reason.startswith("looks like a binary file, not text: "), reason
    assert what in reason and "plain text (UTF-8)" in reason
    assert "iconv" not in reason and "convert it" not in reason


def test_settings_are_read_in_one_place_with_units(monkeypatch: pytest.MonkeyPatch) -> None:
    from db import settings

    for name, value in {
        "POLICYDB_MAX_BYTES": "10MB",
        "POLICYDB_CONNECT_TIMEOUT": "3",
        "POLICYDB_RUN_LOCK_WAIT": " 60 ",
        "POLICYDB_PGDATA": "/tmp/state",
        "POLICYDB_PASSWORD": "",  # empty: as if unset (prompt)
    }.items():
        monkeypatch.setenv(name, value)
    configured = settings.current()
    assert configured.max_bytes == 10 * 1024**2
    assert (configured.connect_timeout, configured.run_lock_wait) == (3, 60)
    assert configured.pgdata == Path("/tmp/state") and configured.password is None


@pytest.mark.parametrize(
    ("name", "value", "named"),
    [
        ("POLICYDB_CONNECT_TIMEOUT", "0", "POLICYDB_CONNECT_TIMEOUT"),
        ("POLICYDB_CONNECT_TIMEOUT", "soon", "POLICYDB_CONNECT_TIMEOUT"),
        ("POLICYDB_RUN_LOCK_WAIT", "-5", "POLICYDB_RUN_LOCK_WAIT"),
        ("POLICYDB_RUN_LOCK_WAIT", "1h", "POLICYDB_RUN_LOCK_WAIT"),
        ("POLICYDB_MAX_BYTES", "lots", "POLICYDB_MAX_BYTES"),
        ("POLICYDB_PGDATA", "<a file>", "pgdata"),
    ],
)
def test_a_bad_setting_stops_any_command_and_is_named(
    tmp_path: Path, name: str, value: str, named: str
) -> None:
    if value == "<a file>":
        value = str(tmp_path / "file")
        Path(value).write_text("not a folder")
    # `db url` needs none of them: every setting is checked before any command runs.
    result = CliRunner().invoke(
        cli, ["--database-url", "postgresql://u@127.0.0.1:1/db", "db", "url"], env={name: value}
    )
    assert result.exit_code == 2, result.output
    assert named in result.output and "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("port", ["99999", "0"])
def test_a_url_with_a_port_out_of_range_is_a_message(port: str) -> None:
    done = _etl("--database-url", f"postgresql://u:secret@localhost:{port}/db", "sql", "select 1")
    assert done.returncode == 2, done.stderr
    assert "1 to 65535" in done.stderr and "DATABASE_URL" in done.stderr
    assert "secret" not in done.stderr + done.stdout and "Traceback" not in done.stderr


def test_the_whole_attack_list_holds(server_url: str) -> None:
    """docs/reliability.md's attacks rerun in one go (python -m tests.attack_list), ~35 s."""
    from tests import attack_list

    figures = attack_list.run(server_url)
    print(attack_list.render(figures))
    assert figures.problems == []
    assert figures.files_tried >= 45 and figures.files_dropped == figures.secrets_stored == 0
    assert figures.kills_survived == 4 and figures.concurrent_runs == 2
    assert figures.rows_lost == figures.rows_extra == 0 and figures.fact_rows > 0
    assert figures.privileges_denied == figures.privilege_checks >= 30
