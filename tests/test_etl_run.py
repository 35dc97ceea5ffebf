"""The ETL run end to end, through the CLI, against a real database."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, pool, text

from etl.cli import cli
from tests.conftest import FIXTURES, ROOT, run_json

SEED = ROOT / "seeds" / "articles" / "000_363201861ca51eef.txt"
TABLES = (
    "source_article", "province_mention", "initiative", "initiative_sector",
    "quantitative_target", "statement", "statement_topic", "expert", "organization",
)  # fmt: skip


def _counts(url: str) -> dict[str, int]:
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        counts = {
            t: connection.execute(text(f"select count(*) from {t}")).scalar_one() for t in TABLES
        }
    engine.dispose()
    return counts


def test_second_run_changes_nothing_and_edit_replaces(migrated: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "seed.txt")
    for article in (FIXTURES / "articles").glob("*.txt"):
        shutil.copy(article, corpus / article.name)
    code, first = run_json(migrated, str(corpus))
    assert code == 0 and first["loaded"] == 5 and first["facts"]["statements"] >= 10
    before = _counts(migrated)

    code, second = run_json(migrated, str(corpus))
    assert code == 0 and second["unchanged"] == 5 and second["loaded"] == 0
    assert _counts(migrated) == before

    edited = corpus / "seed.txt"
    edited.write_text(edited.read_text().replace("Jiangsu proposes", "Jiangsu plans"))
    code, third = run_json(migrated, str(corpus))
    assert third["replaced"] == 1 and third["unchanged"] == 4
    after = _counts(migrated)
    assert after["source_article"] == before["source_article"]
    assert after["initiative"] == before["initiative"]
    engine = create_engine(migrated, poolclass=pool.NullPool)
    with engine.connect() as connection:
        orphans = connection.execute(
            text(
                "select count(*) from initiative i left join source_article a "
                "using (source_article_id) where a.source_article_id is null"
            )
        ).scalar_one()
        runs = connection.execute(
            text(
                "select status, loaded_count, unchanged_count, replaced_count from etl_run order by 1"
            )
        ).all()
    engine.dispose()
    assert orphans == 0
    assert all(status == "succeeded" for status, *_ in runs) and len(runs) == 3


def test_duplicate_text_and_bad_files_are_accounted_for(migrated: str, tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "a.txt")
    shutil.copy(SEED, tmp_path / "b.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    code, summary = run_json(migrated, str(tmp_path))
    assert code == 1
    assert (summary["loaded"], summary["unchanged"], summary["rejected"]) == (1, 1, 2)
    reasons = {Path(r["path"]).name: r["reason"] for r in summary["rejections"]}
    assert reasons == {"empty.txt": "empty file", "image.txt": reasons["image.txt"]}
    assert "binary" in reasons["image.txt"]
    assert _counts(migrated)["source_article"] == 1


def test_run_on_missing_path_exits_2_before_writing(migrated: str) -> None:
    result = CliRunner().invoke(cli, ["--database-url", migrated, "run", "/no/such/dir"])
    assert result.exit_code == 2
    assert "no such file or directory" in result.output


def test_loaded_facts_match_the_seed(migrated: str) -> None:
    run_json(migrated, str(SEED))
    engine = create_engine(migrated, poolclass=pool.NullPool)
    with engine.connect() as connection:
        provinces = (
            connection.execute(
                text(
                    "select distinct p.name from initiative i join province p using (province_id) "
                    "order by 1"
                )
            )
            .scalars()
            .all()
        )
        stan = connection.execute(
            text(
                "select e.name, s.statement_text from statement s join expert e using (expert_id) "
                "where s.speaker_text = 'Stan'"
            )
        ).one()
        spans = connection.execute(
            text(
                "select count(*) from initiative_sector x join initiative i using (initiative_id) "
                "join source_article a using (source_article_id) "
                "where substr(a.body, x.span_start + 1, x.span_end - x.span_start) <> x.matched_text"
            )
        ).scalar_one()
        parent = connection.execute(
            text(
                "select p.name from organization o join organization p "
                "on p.organization_id = o.parent_organization_id "
                "where o.name like 'Institute of Industrial Economics%'"
            )
        ).scalar_one()
    engine.dispose()
    assert provinces == sorted(
        ["Hainan", "Sichuan", "Jiangxi", "Shandong", "Jiangsu", "Zhejiang", "Shanghai", "Hubei"]
    )
    assert stan[0] == "Shi Dan" and stan[1].endswith("etc.")
    assert spans == 0
    assert parent == "Chinese Academy of Social Sciences"


def test_extract_json_has_the_acceptance_keys() -> None:
    result = CliRunner().invoke(cli, ["extract", str(SEED), "--json"])
    assert result.exit_code == 0
    got = json.loads(result.stdout)
    for key in ("article", "provinces", "province_sectors", "quantitative_targets", "experts",
                "statements"):  # fmt: skip
        assert key in got
    assert all(len(pair) == 3 for pair in got["province_sectors"])


def test_db_commands(database_url: str) -> None:
    runner = CliRunner()
    url = runner.invoke(cli, ["--database-url", database_url, "db", "url"])
    assert url.exit_code == 0
    if ":" in database_url.split("@")[0].split("//")[1]:
        assert "***" in url.stdout
    upgrade = runner.invoke(cli, ["--database-url", database_url, "db", "upgrade"])
    assert upgrade.exit_code == 0 and "34 provinces" in upgrade.stdout
    check = runner.invoke(cli, ["--database-url", database_url, "db", "check"])
    assert check.exit_code == 0, check.output
    query = runner.invoke(
        cli,
        ["--database-url", database_url, "sql", "select name from province where code = 'CN-SN'"],
    )
    assert "Shaanxi" in query.stdout and "(1 row)" in query.stdout
    bad = runner.invoke(cli, ["--database-url", database_url, "sql", "select * from nowhere"])
    assert bad.exit_code == 2 and "nowhere" in bad.output


@pytest.mark.parametrize("command", [[], ["db"], ["db", "upgrade"], ["db", "serve"], ["run"],
                                     ["extract"], ["sql"], ["db", "url"], ["db", "downgrade"]])  # fmt: skip
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    if command and command != ["db"]:
        assert "Example" in result.output


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql://nobody:secret@127.0.0.1:1/none", "cannot reach the database"),
        ("mysql://x@localhost/db", "unsupported database URL scheme"),
    ],
)
def test_configuration_errors_exit_2_without_traceback(url: str, message: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "etl", "--database-url", url, "db", "upgrade"],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert "secret" not in result.stderr


def test_a_batch_the_database_refuses_is_loaded_file_by_file(migrated: str) -> None:
    """One article breaking a constraint is rejected; the rest of its batch loads."""
    import psycopg
    from sqlalchemy import create_engine, pool

    from db.settings import libpq_url
    from etl.extract.article import extract_article
    from etl.extract.gazetteer import Gazetteer
    from etl.load import PendingFile, ReferenceIds
    from etl.pipeline import Extractor, RunSummary, _Batch, _Run, _start_run
    from etl.read import read_article
    from etl.validate import build_record

    gazetteer = Gazetteer()
    good, bad = (read_article(SEED), read_article(FIXTURES / "articles" / "xinhua_wire.txt"))
    good_record = build_record(good, extract_article(good.text, gazetteer), "good.txt")
    bad_record = build_record(bad, extract_article(bad.text, gazetteer), "bad.txt")
    # Two initiatives of one province at one offset break a unique key that
    # validation does not know about; only the database can refuse it.
    bad_record = bad_record.model_copy(
        update={"initiatives": [bad_record.initiatives[0], bad_record.initiatives[0]]}
    )
    from sqlalchemy.orm import Session

    from db.reference import sync_reference
    from etl.extract.reference import default_reference

    engine = create_engine(migrated, poolclass=pool.NullPool)
    with Session(engine) as session, session.begin():
        sync_reference(session, default_reference())
    with engine.connect() as connection:
        run_id = _start_run(connection)
        refs = ReferenceIds(connection)
    engine.dispose()
    files = [
        PendingFile("good.txt", "loaded", sha256=good.sha256, record=good_record),
        # A copy of good.txt's text, recorded against the article it makes.
        PendingFile("good copy.txt", "unchanged", "same text as good.txt", sha256=good.sha256),
        PendingFile("bad.txt", "loaded", sha256=bad.sha256, record=bad_record),
    ]
    summary = RunSummary(run_id, "running", 0.0)
    with psycopg.connect(libpq_url(migrated)) as load:
        _Run(load, run_id, refs, Extractor(1), None, summary).finish(_Batch(files, {}))
        outcomes = load.execute(
            "select path, outcome, reason, source_article_id from etl_run_file order by path"
        ).fetchall()
        stored = load.execute(
            "select source_path, source_article_id from source_article"
        ).fetchall()
    assert [(path, outcome) for path, outcome, _, _ in outcomes] == [
        ("bad.txt", "rejected"), ("good copy.txt", "unchanged"), ("good.txt", "loaded"),
    ]  # fmt: skip
    assert outcomes[0][2].startswith("the database refused it: duplicate key value")
    assert [path for path, _ in stored] == ["good.txt"]
    # The copy points at the article that exists, not an id of the failed attempt.
    assert outcomes[1][3] == outcomes[2][3] == stored[0][1]
    assert summary.counts == {"loaded": 1, "unchanged": 1, "rejected": 1}


@pytest.mark.parametrize("batch_size", ["200", "1"])
def test_a_copy_made_before_an_edit_keeps_the_old_text(
    migrated: str, tmp_path: Path, batch_size: str
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    original = SEED.read_text()
    (corpus / "a.txt").write_text(original)
    code, _ = run_json(migrated, "--batch-size", batch_size, str(corpus))
    assert code == 0
    (corpus / "b.txt").write_text(original)
    (corpus / "a.txt").write_text(original.replace("Hainan", "Yunnan"))
    code, second = run_json(migrated, "--batch-size", batch_size, str(corpus))
    assert code == 0, second
    assert (second["replaced"], second["unchanged"], second["rejected"]) == (1, 1, 0)
    engine = create_engine(migrated, poolclass=pool.NullPool)
    with engine.connect() as connection:
        stored = connection.execute(
            text("select source_path, body like '%Hainan%' from source_article order by 1")
        ).all()
    engine.dispose()
    assert [(Path(path).name, old) for path, old in stored] == [("a.txt", False), ("b.txt", True)]


def test_odd_file_names_and_links(migrated: str, tmp_path: Path) -> None:
    import os

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "a.txt")
    (corpus / "z.txt").symlink_to(corpus / "a.txt")
    bad_name = os.fsencode(corpus) + b"/caf\xe9.txt"
    with open(bad_name, "wb") as handle:
        handle.write(b"Shandong will develop robotics.")
    code, summary = run_json(migrated, str(corpus))
    assert code == 1 and summary["files"] == 3
    assert (summary["loaded"], summary["unchanged"], summary["rejected"]) == (1, 1, 1)
    (rejection,) = summary["rejections"]
    assert rejection["path"].endswith("caf\\xe9.txt")
    assert "file name is not valid UTF-8" in rejection["reason"]


def test_a_file_edited_into_a_copy_of_another_drops_its_old_text(
    migrated: str, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "p.txt")
    shutil.copy(FIXTURES / "articles" / "xinhua_wire.txt", corpus / "q.txt")
    assert run_json(migrated, str(corpus))[0] == 0
    shutil.copy(FIXTURES / "articles" / "xinhua_wire.txt", corpus / "p.txt")
    code, second = run_json(migrated, str(corpus))
    assert code == 0 and second["unchanged"] == 2
    engine = create_engine(migrated, poolclass=pool.NullPool)
    with engine.connect() as connection:
        stored = connection.execute(text("select source_path from source_article")).all()
    engine.dispose()
    # The seed's text is held by no file any more; q.txt's is stored once.
    assert [Path(path).name for (path,) in stored] == ["q.txt"]


def test_an_extraction_worker_loads_no_database_layer() -> None:
    # A spawned worker imports the module of the function it runs: that module
    # must not pull in SQLAlchemy, psycopg or the models (~30 MB per worker).
    probe = (
        "import sys, etl.worker; "
        "print(sorted(m for m in ('sqlalchemy', 'psycopg', 'db.models') if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.strip()
    assert loaded == "[]"
