"""Bad input, case by case, through the real CLI against a real database.

Every file ends as ``loaded``, ``unchanged`` or ``rejected`` with a reason a
person can act on, in etl_run_file and in the ``run --json`` summary; never a
traceback, never part of an article. The corpus is generated here, one
folder per case, so each case reads as one line of the test report.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, pool, text
from sqlalchemy.orm import Session

from db import migrate
from db.reference import sync_reference
from etl.cli import cli
from etl.extract.article import extract_article
from etl.extract.reference import default_reference
from etl.extract.text import normalize
from etl.read import DEFAULT_MAX_BYTES, ArticleFile, RejectedFile
from etl.validate import build_record

# --- texts -------------------------------------------------------------------

PLAIN = (
    "BEIJING, Feb. 25 (Xinhua) -- Jiangsu will build 50 industrial chains in new energy "
    "vehicles and artificial intelligence, the provincial government said.\n\n"
    "Zhejiang released a plan to develop 10 clusters in biomedicine and semiconductors.\n\n"
    "Shi Dan, director of the Institute of Industrial Economics of the Chinese Academy of "
    "Social Sciences, said that artificial intelligence will lift new energy vehicles.\n"
)
INJECTION = (
    "BEIJING, Feb. 25 (Xinhua) -- Jiangsu will build 50 industrial chains in new energy "
    "vehicles and artificial intelligence; '; DROP TABLE province; -- it also plans $$ 3 "
    "industrial parks for %s and %(name)s and :name and {0} and \\N and \\\\ and a\ttab.\n\n"
    "Zhejiang released a plan to develop 10 clusters in biomedicine, quoting ''; "
    "DELETE FROM sector WHERE '1'='1' -- and $tag$ text $tag$ and E'\\x00'.\n\n"
    "Shi Dan, director of the Institute of Industrial Economics of the Chinese Academy of "
    "Social Sciences, said that artificial intelligence and %s placeholders; DROP TABLE "
    "statement; -- will lift new energy vehicles.\n"
)
EMOJI = (
    "SHANGHAI, March 5, 2024 (Reuters) - 🚀 Guangdong（广东）will build 20 industrial parks "
    "for new energy vehicles 🚗 and artificial intelligence 🤖；it also plans 😀 "
    "semiconductors！\n\n"
    "Sichuan，Hubei and Hunan released a plan to develop 5 clusters in biomedicine 💊 and "
    "aerospace ✈️ by 2027。\n\n"
    "“Artificial intelligence 🤖 will reshape new energy vehicles in Guangdong，” said Zhang "
    "Wei, an economist at the Institute of Industrial Economics.\n\n"
    "Li Ming, director of the Shanghai Institute 🧪 of Science, said that semiconductors "
    "and 5G 📶 matter most for Guangdong 🇨🇳 ＡＢＣ，ｅｔｃ．\n"
)
CHINESE = (
    "中新社北京2月25日电 自2024年以来，中国多个省份以新质生产力、制造业数字化转型、打造产业集群、"
    "发展未来产业、强链补链为切入点，加快推进新型工业化。\n\n"
    "江苏提出，要打造50条重点产业链，培育新能源汽车、人工智能等先进制造业集群。"
    "浙江发布行动计划，提出建设10个生物医药和集成电路产业集群。\n\n"
    "中国社会科学院工业经济研究所所长史丹表示，推进新型工业化将使中国在新一轮科技革命和国际竞争中"
    "保持和增强竞争优势。\n"
)
LATIN1 = (
    "ZÜRICH, March 5, 2024 (Reuters) - Shandong's café-style résumé of its plan, naïve "
    "or not, promises 12 industrial parks for new energy vehicles, said Señor Müller.\n"
)
NO_DATELINE = (
    "Jiangsu will build 50 industrial chains in new energy vehicles and artificial "
    "intelligence.\n\nZhejiang released a plan to develop 10 clusters in biomedicine.\n"
)
NO_PROVINCE = (
    "BEIJING, Feb. 25 (Xinhua) -- Several regions have accelerated new industrialization "
    "with digital transformation of manufacturing and new energy vehicles.\n\n"
    "Analysts expect artificial intelligence to matter most.\n"
)


def _sentence_mb(size: int = 1_000_000) -> str:
    # One sentence, no full stop anywhere: provinces, sectors, numbers, quotes,
    # commas, dashes and brackets, so every extractor walks the whole megabyte.
    unit = (
        "Jiangsu, Zhejiang and Anhui will build 50 industrial chains in new energy vehicles, "
        'artificial intelligence — and “commercial aerospace” (with "about 3 parks" '
        "of semiconductors, Shi Dan said that biomedicine grows) ; "
    )
    return ("BEIJING, Feb. 25 (Xinhua) -- " + unit * (size // len(unit) + 1))[:size]


def _statements_mb(size: int = 1_000_000) -> str:
    # Thousands of short quotations and reported statements: any scan per
    # statement over all sentences would be quadratic.
    unit = (
        '"Growth of new energy vehicles is very good," Zhang Wei said. '
        "Li Ming said that artificial intelligence in Jiangsu matters. "
        "Jiangsu will build 5 industrial parks in biomedicine. "
    )
    return unit * (size // len(unit))


# --- cases -------------------------------------------------------------------


@dataclass
class Expect:
    """One file's expected outcome; reason is a regex, body what the database must hold."""

    outcome: str
    reason: str | None = None
    body: str | None = None
    language: str | None = None
    either: Expect | None = None  # another acceptable ending
    every_table: bool = False  # facts in all six span tables, so the span checks bite


@dataclass
class Case:
    name: str
    build: Callable[[Path], dict[str, Expect]]  # writes files into a folder
    args: list[str] = field(default_factory=list)  # extra `run` options
    env: dict[str, str] = field(default_factory=dict)
    seconds: float | None = None  # a bound on the run's wall time
    in_corpus: bool = True  # part of the whole-corpus run
    skip: Callable[[Path], str | None] | None = None


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    if isinstance(data, str):
        path.write_bytes(data.encode("utf-8"))
    else:
        path.write_bytes(data)
    return path


def _single(name: str, data: bytes | str, expect: Expect) -> Callable[[Path], dict[str, Expect]]:
    def build(folder: Path) -> dict[str, Expect]:
        _write(folder, name, data)
        return {name: expect}

    return build


def _with_sidecar(sidecar: bytes | str, reason: str) -> Callable[[Path], dict[str, Expect]]:
    def build(folder: Path) -> dict[str, Expect]:
        _write(folder, "story.txt", PLAIN.replace("Jiangsu", "Anhui"))
        _write(folder, "story.meta.json", sidecar)
        return {"story.txt": Expect("rejected", reason)}

    return build


def _sidecar_is_a_directory(folder: Path) -> dict[str, Expect]:
    _write(folder, "story.txt", PLAIN.replace("Jiangsu", "Fujian"))
    (folder / "story.meta.json").mkdir()
    return {"story.txt": Expect("rejected", r"sidecar story\.meta\.json is not a regular file")}


def _same_text_twice(folder: Path) -> dict[str, Expect]:
    data = PLAIN.replace("Jiangsu", "Hebei")
    _write(folder, "a.txt", data)
    _write(folder, "b.txt", data)
    return {
        "a.txt": Expect("loaded", None, data),
        "b.txt": Expect("unchanged", r"same text as .*a\.txt$"),
    }


def _unreadable(folder: Path) -> dict[str, Expect]:
    path = _write(folder, "locked.txt", PLAIN.replace("Jiangsu", "Jilin"))
    path.chmod(0)
    return {"locked.txt": Expect("rejected", r"permission denied.*chmod \+r")}


def _unreadable_skip(folder: Path) -> str | None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return "running as root: chmod 000 does not stop reads"
    probe = folder / "probe"
    probe.write_text("x")
    probe.chmod(0)
    try:
        probe.read_bytes()
    except PermissionError:
        return None
    finally:
        probe.chmod(0o644)
        probe.unlink()
    return "chmod 000 does not stop reads on this file system"


def _symlink_loop(folder: Path) -> dict[str, Expect]:
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "ping.txt").symlink_to("pong.txt")
    (folder / "pong.txt").symlink_to("ping.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "again").symlink_to("..", target_is_directory=True)
    reason = r"symbolic link loop"
    return {n: Expect("rejected", reason) for n in ("loop.txt", "ping.txt", "pong.txt")}


def _dangling_symlink(folder: Path) -> dict[str, Expect]:
    (folder / "dangling.txt").symlink_to("gone.txt")
    return {"dangling.txt": Expect("rejected", r"no such file \(a dangling symbolic link")}


def _fifo(folder: Path) -> dict[str, Expect]:
    os.mkfifo(folder / "pipe.txt")
    return {"pipe.txt": Expect("rejected", r"not a regular file")}


def _nul_inside(folder: Path) -> dict[str, Expect]:
    data = PLAIN.replace("Jiangsu", "Liaoning").replace("the provincial", "the\x00provincial")
    data = data.replace("semiconductors.", "semiconductors.\x00")
    _write(folder, "nul.txt", data)
    return {"nul.txt": Expect("loaded", r"2 NUL characters stored as U\+FFFD",
                              data.replace("\x00", "\ufffd"), every_table=True)}  # fmt: skip


def _over_default_limit(folder: Path) -> dict[str, Expect]:
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: no 5 MB written
    limit = f"{DEFAULT_MAX_BYTES:,}"
    return {
        "huge.txt": Expect(
            "rejected",
            rf"over the {limit}-byte limit; raise it with --max-bytes or POLICYDB_MAX_BYTES",
        )
    }


# fmt: off
CASES = [
    Case("empty_file", _single("empty.txt", b"", Expect("rejected", r"^empty file$"))),
    Case("whitespace_only", _single("blank.txt", " \n\t\r\n \u3000\u00a0\n",
                                    Expect("rejected", r"^file holds only whitespace$"))),
    Case("utf8_bom_only", _single("bom.txt", b"\xef\xbb\xbf",
                                  Expect("rejected", r"empty file \(only a byte-order mark\)"))),
    Case("binary_nul_bytes", _single("nuls.txt", b"abc\x00\x00\x00def\x00" * 50,
                                     Expect("rejected", r"^looks like a binary file, not text: "))),
    Case("binary_png_header", _single("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
                                      Expect("rejected", r"^looks like a binary file, not text: "))),
    Case("gbk_chinese", _single("gbk.txt", CHINESE.encode("gbk"),
                                Expect("loaded", r"decoded as gb18030 \(not UTF-8\)", CHINESE, "zh"))),
    # Western single-byte text reads as cp1250, cp1252 or cp1257 alike: ambiguous,
    # so rejected; were it ever decoded, it would have to be to the right letters.
    Case("latin1_text", _single("latin1.txt", LATIN1.encode("latin-1"),
                                Expect("rejected", r"not UTF-8 .*encoding is ambiguous .*convert it "
                                       r"to UTF-8", either=Expect("loaded", r"decoded as .* \(not "
                                                                  r"UTF-8\)", LATIN1)))),
    Case("undetectable_encoding", _single("noise.txt", bytes(range(0x80, 0x100)) * 8,
                                          Expect("rejected", r"not UTF-8 .*could not be detected "
                                                 r"with confidence.*convert it to UTF-8"))),
    Case("utf8_with_bom", _single("bom_text.txt", b"\xef\xbb\xbf" + PLAIN.replace(
        "Jiangsu", "Shanxi").encode(), Expect("loaded", None, PLAIN.replace("Jiangsu", "Shanxi")))),
    Case("utf16_with_bom", _single("utf16.txt", PLAIN.replace("Jiangsu", "Yunnan").encode("utf-16"),
                                   Expect("loaded", r"decoded as UTF-16 \(byte-order mark\)",
                                          PLAIN.replace("Jiangsu", "Yunnan")))),
    Case("utf16_bom_then_noise", _single("fake16.txt", b"\xff\xfe" + b"\x00\xd8" * 40,
                                         Expect("rejected", r"UTF-16 byte-order mark but is not"))),
    Case("crlf_line_ends", _single("crlf.txt", PLAIN.replace("Jiangsu", "Hainan").replace("\n", "\r\n"),
                                   Expect("loaded", None, PLAIN.replace("Jiangsu", "Hainan")))),
    Case("lone_cr_line_ends", _single("cr.txt", PLAIN.replace("Jiangsu", "Guizhou").replace("\n", "\r"),
                                      Expect("loaded", None, PLAIN.replace("Jiangsu", "Guizhou")))),
    Case("over_default_size_limit", _over_default_limit),
    Case("over_max_bytes_option", _single("big.txt", PLAIN.replace("Jiangsu", "Gansu"),
                                          Expect("rejected", r"over the 100-byte limit; raise it "
                                                 r"with --max-bytes or POLICYDB_MAX_BYTES")),
         args=["--max-bytes", "100"], in_corpus=False),
    Case("over_max_bytes_env", _single("big.txt", PLAIN.replace("Jiangsu", "Qinghai"),
                                       Expect("rejected", r"over the 200-byte limit; raise it "
                                              r"with --max-bytes or POLICYDB_MAX_BYTES")),
         env={"POLICYDB_MAX_BYTES": "200"}, in_corpus=False),
    Case("no_dateline", _single("nodateline.txt", NO_DATELINE, Expect("loaded", None, NO_DATELINE))),
    Case("no_province", _single("noprovince.txt", NO_PROVINCE, Expect("loaded", None, NO_PROVINCE))),
    Case("same_text_two_names", _same_text_twice),
    Case("sidecar_malformed_json", _with_sidecar('{"outlet": ',
                                                 r"sidecar story\.meta\.json is not valid JSON")),
    Case("sidecar_wrong_type", _with_sidecar('{"published_on": 12}',
                                             r"sidecar story\.meta\.json is invalid: published_on: "
                                             r".*YYYY-MM-DD")),
    Case("sidecar_number_date", _with_sidecar('{"published_on": 0}', r"published_on: .*not int")),
    Case("sidecar_not_object", _with_sidecar("[1, 2]", r"must hold a JSON object, not a list")),
    Case("sidecar_unknown_field", _with_sidecar('{"author": "x"}', r"author: Extra inputs")),
    Case("sidecar_nul_escape", _with_sidecar('{"headline": "a\\u0000b"}', r"headline: .*NUL")),
    Case("sidecar_surrogate_escape", _with_sidecar('{"outlet": "\\ud800"}', r"outlet: .*surrogate")),
    Case("sidecar_deeply_nested", _with_sidecar("[" * 100_000, r"not valid JSON|nested too deeply")),
    Case("sidecar_is_a_directory", _sidecar_is_a_directory),
    Case("unreadable_file", _unreadable, skip=_unreadable_skip),
    Case("symlink_loop", _symlink_loop),
    Case("dangling_symlink", _dangling_symlink),
    Case("fifo_named_txt", _fifo, seconds=20),
    Case("sql_injection_strings", _single("inject.txt", INJECTION,
                                          Expect("loaded", None, INJECTION, every_table=True))),
    Case("nul_inside_text", _nul_inside),
    Case("emoji_and_fullwidth", _single("emoji.txt", EMOJI,
                                        Expect("loaded", None, EMOJI, every_table=True))),
    Case("one_mb_single_sentence", _single("sentence.txt", _sentence_mb(),
                                           Expect("loaded", None, _sentence_mb())), seconds=20),
    Case("one_mb_whitespace_run", _single("gap.txt", "Jiangsu" + " " * 1_000_000 + "Zhejiang wait.",
                                          Expect("loaded")), seconds=20),
    Case("one_mb_unclosed_quotes", _single("quotes.txt", "Jiangsu said “" + "“ new energy" * 80_000,
                                           Expect("loaded")), seconds=20),
    Case("one_mb_of_statements", _single("speech.txt", _statements_mb(), Expect("loaded")),
         seconds=20),
    # A byline of many names in capitals once tried every cut of its words into names
    # (exponential); a line of photo credits every credit to its end (quadratic).
    Case("byline_of_capitalised_names", _single("byline.txt", "By " + "Li XU " * 400 + "x\n"
                                                + PLAIN, Expect("loaded")), seconds=20),
    Case("one_mb_line_of_photo_credits", _single("photos.txt", "[Photo " * 150_000 + "\n"
                                                 + PLAIN, Expect("loaded")), seconds=20),
    # Lists a dash closes, on one line with no sentence end: each list's last item once
    # searched the rest of the line for one (quadratic).
    Case("one_mb_line_of_lists_closed_by_dashes", _single(
        "dashes.txt", "Jiangsu will build chains in new energy vehicles, artificial "
        "intelligence — and " * 12_500, Expect("loaded")), seconds=20),
    # A megabyte of spaces where an attribution's parts meet: after "said the mayor,",
    # after a closing quotation mark, after "said NAME at" (each once super-linear).
    Case("one_mb_of_spaces_after_said_the_mayor", _single(
        "mayor.txt", "Jiangsu will build parks, said the mayor, " + " " * 1_000_000 + "x; y.",
        Expect("loaded")), seconds=20),
    Case("one_mb_of_spaces_after_a_quotation", _single(
        "quote.txt", 'Jiangsu said "we will build it"' + " " * 1_000_000 + "x.",
        Expect("loaded")), seconds=20),
    Case("one_mb_of_spaces_after_said_name_at", _single(
        "at.txt", '"Jiangsu will build parks," said Li Ming at' + " " * 1_000_000 + "x.",
        Expect("loaded")), seconds=20),
]
# fmt: on


# --- running and checking ----------------------------------------------------

TABLES = (
    "source_article", "province_mention", "initiative", "initiative_sector",
    "quantitative_target", "statement", "statement_topic", "expert", "organization",
    "province", "province_alias", "sector", "sector_alias", "expert_alias",
)  # fmt: skip


@pytest.fixture
def migrated(scratch_database: str) -> str:
    """A fresh database at head with its reference data (34 provinces)."""
    migrate.upgrade(scratch_database)
    engine = create_engine(scratch_database, poolclass=pool.NullPool)
    with Session(engine) as session, session.begin():
        sync_reference(session, default_reference())
    engine.dispose()
    return scratch_database


@dataclass
class Ran:
    exit_code: int
    summary: dict[str, Any]
    output: str
    seconds: float


def _run(url: str, args: list[str], env: dict[str, str] | None = None) -> Ran:
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["--database-url", url, "run", "--json", *args], env=env or {})
    seconds = time.monotonic() - started
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    summary = json.loads(result.stdout) if result.stdout.strip() else {}
    return Ran(result.exit_code, summary, result.output, seconds)


def _query(url: str, sql: str, **params: Any) -> list[Any]:
    engine = create_engine(url, poolclass=pool.NullPool)
    try:
        with engine.connect() as connection:
            return list(connection.execute(text(sql), params).all())
    finally:
        engine.dispose()


def _counts(url: str) -> dict[str, int]:
    return {t: _query(url, f"select count(*) from {t}")[0][0] for t in TABLES}


def _file_rows(url: str, run_id: int) -> list[Any]:
    return _query(
        url,
        "select path, outcome, reason, source_article_id, content_sha256 from etl_run_file "
        "where etl_run_id = :run order by path",
        run=run_id,
    )


def _row_for(rows: list[Any], path: Path) -> Any:
    # The pipeline shows a file by its resolved path (a symlink loop, which
    # cannot be resolved, by its own), relative to the working directory when inside it.
    wanted = {str(path.absolute()), os.path.realpath(path)}
    wanted |= {os.path.relpath(w) for w in list(wanted) if w.startswith(os.getcwd() + os.sep)}
    found = [row for row in rows if row.path in wanted]
    assert len(found) == 1, (path, [row.path for row in rows])
    return found[0]


def _check_article(url: str, article_id: int, expect: Expect) -> None:
    """The stored article is whole and every span reproduces its words."""
    body, language = _query(
        url, "select body, language from source_article where source_article_id = :id",
        id=article_id,
    )[0]  # fmt: skip
    if expect.body is not None:
        assert body == expect.body  # stored character for character
    if expect.language is not None:
        assert language == expect.language
    spans = {
        "province_mention": "select matched_text, span_start, span_end from province_mention "
        "where source_article_id = :id",
        "initiative_sector": "select x.matched_text, x.span_start, x.span_end from "
        "initiative_sector x join initiative i using (initiative_id) where i.source_article_id = :id",
        "quantitative_target": "select x.target_text, x.span_start, x.span_end from "
        "quantitative_target x join initiative i using (initiative_id) "
        "where i.source_article_id = :id",
        "statement_topic": "select x.matched_text, x.span_start, x.span_end from statement_topic x "
        "join statement s using (statement_id) where s.source_article_id = :id",
        # Stored normalized (whitespace collapsed, "wait." read as "etc."): the
        # span, normalized, must give the stored text.
        "initiative": "select clause_text, span_start, span_end from initiative "
        "where source_article_id = :id",
        "statement": "select statement_text, span_start, span_end from statement "
        "where source_article_id = :id",
    }
    stored: dict[str, int] = {}
    for table, sql in spans.items():
        rows = _query(url, sql, id=article_id)
        stored[table] = len(rows)
        for words, start, end in rows:
            read = body[start:end]
            if table in ("initiative", "statement"):
                read = normalize(read)
            assert read == words, (table, start, end)
    if expect.every_table:
        assert all(stored.values()), stored
    # Whole: what is stored is exactly what extraction gives for the body.
    record = build_record(
        ArticleFile(Path("x"), "0" * 64, body), extract_article(body), "x"
    )  # fmt: skip
    assert stored == {
        "province_mention": len(record.mentions),
        "initiative": len(record.initiatives),
        "initiative_sector": sum(len(i.sectors) for i in record.initiatives),
        "quantitative_target": sum(len(i.targets) for i in record.initiatives),
        "statement": len(record.statements),
        "statement_topic": sum(len(s.topics) for s in record.statements),
    }


def _check_outcomes(url: str, ran: Ran, files: dict[Path, Expect]) -> None:
    summary = ran.summary
    rows = _file_rows(url, summary["run_id"])
    assert len(rows) == len(files), [row.path for row in rows]
    rejections = {r["path"]: r["reason"] for r in summary["rejections"]}
    for path, expect in files.items():
        row = _row_for(rows, path)
        if row.outcome != expect.outcome and expect.either is not None:
            expect = files[path] = expect.either
        assert row.outcome == expect.outcome, (path.name, row.reason)
        if expect.reason is None:
            assert row.reason is None, (path.name, row.reason)
        else:
            assert row.reason and re.search(expect.reason, row.reason), (path.name, row.reason)
        if expect.outcome == "rejected":
            assert rejections.get(row.path) == row.reason  # the same words in the summary
            assert row.source_article_id is None
            if row.content_sha256:  # nothing of it was stored
                assert not _query(
                    url, "select 1 from source_article where content_sha256 = :sha",
                    sha=row.content_sha256,
                )  # fmt: skip
        else:
            assert row.source_article_id is not None
            _check_article(url, row.source_article_id, expect)
    counts = {k: sum(1 for e in files.values() if e.outcome == k) for k in
              ("loaded", "unchanged", "replaced", "rejected")}  # fmt: skip
    assert {k: summary[k] for k in counts} == counts
    assert summary["files"] == len(files)
    assert ran.exit_code == (1 if counts["rejected"] else 0), ran.output
    run = _query(
        url,
        "select status, files_seen_count, loaded_count, unchanged_count, replaced_count, "
        "rejected_count from etl_run where etl_run_id = :run",
        run=summary["run_id"],
    )[0]
    assert run.status == ("partial" if counts["rejected"] else "succeeded")
    assert tuple(run[1:]) == (len(files), *counts.values())


def _build(case: Case, folder: Path) -> dict[Path, Expect]:
    folder.mkdir(parents=True)
    return {folder / name: expect for name, expect in case.build(folder).items()}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_case(case: Case, migrated: str, tmp_path: Path) -> None:
    folder = tmp_path / case.name
    if case.skip is not None:
        folder.mkdir()
        why = case.skip(folder)
        if why:
            pytest.skip(why)
        shutil.rmtree(folder)
    files = _build(case, folder)
    before = _counts(migrated)
    ran = _run(migrated, [*case.args, str(folder)], case.env)
    if case.seconds is not None:
        assert ran.seconds < case.seconds, f"{case.name} took {ran.seconds:.1f}s"
    _check_outcomes(migrated, ran, files)
    after = _counts(migrated)
    # Reference data is never touched by article text.
    for table in ("province", "province_alias", "sector", "sector_alias"):
        assert after[table] == before[table], table
    assert after["province"] == 34
    loaded = sum(1 for e in files.values() if e.outcome == "loaded")
    assert after["source_article"] - before["source_article"] == loaded


def test_missing_path_exits_2_and_writes_nothing(migrated: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["--database-url", migrated, "run", "--json", str(tmp_path / "no" / "such.txt")]
    )
    assert result.exit_code == 2
    assert "no such file or directory" in result.output
    assert "Traceback" not in result.output
    assert _query(migrated, "select count(*) from etl_run")[0][0] == 0
    assert _query(migrated, "select count(*) from etl_run_file")[0][0] == 0


def test_injection_strings_change_nothing_else(migrated: str, tmp_path: Path) -> None:
    _write(tmp_path, "inject.txt", INJECTION)
    tables = "select table_schema, table_name from information_schema.tables order by 1, 2"
    before = (_counts(migrated), _query(migrated, tables))
    provinces = _query(migrated, "select * from province order by province_id")
    ran = _run(migrated, [str(tmp_path)])
    assert ran.exit_code == 0 and ran.summary["loaded"] == 1
    after = (_counts(migrated), _query(migrated, tables))
    assert after[1] == before[1]
    assert _query(migrated, "select * from province order by province_id") == provinces
    changed = {t for t in TABLES if after[0][t] != before[0][t]}
    assert changed <= {"source_article", "province_mention", "initiative", "initiative_sector",
                       "quantitative_target", "statement", "statement_topic", "expert",
                       "organization", "expert_alias"}  # fmt: skip
    assert after[0]["province"] == 34
    stored = _query(migrated, "select body from source_article")[0][0]
    assert stored == INJECTION


def test_whole_corpus_in_one_run(migrated: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    expected: dict[Path, Expect] = {}
    for case in CASES:
        if not case.in_corpus:
            continue
        folder = corpus / case.name
        if case.skip is not None:
            folder.mkdir(parents=True)
            if case.skip(folder):
                shutil.rmtree(folder)
                continue
            shutil.rmtree(folder)
        expected.update(_build(case, folder))
    ran = _run(migrated, [str(corpus)])
    # Every file has exactly one row, its outcome the one it has alone, and
    # the run's counts add up.
    _check_outcomes(migrated, ran, expected)
    summary = ran.summary
    assert (
        summary["loaded"] + summary["unchanged"] + summary["replaced"] + summary["rejected"]
        == summary["files"]
        == len(expected)
    )
    paths = [row.path for row in _file_rows(migrated, summary["run_id"])]
    assert len(paths) == len(set(paths)) == len(expected)

    # A second run over the same corpus: whatever loaded is unchanged, the
    # rejections are the same, nothing new is stored.
    before = _counts(migrated)
    again = _run(migrated, [str(corpus)])
    assert again.summary["loaded"] == again.summary["replaced"] == 0
    assert again.summary["rejected"] == summary["rejected"]
    assert again.summary["unchanged"] == summary["loaded"] + summary["unchanged"]
    assert _counts(migrated) == before


def test_a_text_that_fails_extraction_costs_that_file_and_its_copies(
    migrated: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A bug in a heuristic (here: a planted one) must reject the one text, name
    # the error, and leave the run and the other files alone; a copy of that
    # text under another name is not "unchanged", since nothing was stored.
    import etl.worker

    real = etl.worker.extract_article

    def flaky(body: str, *args: Any) -> Any:
        if "Ningxia" in body:
            raise IndexError("planted bug")
        return real(body, *args)

    monkeypatch.setattr(etl.worker, "extract_article", flaky)
    bad = PLAIN.replace("Jiangsu", "Ningxia")
    _write(tmp_path, "a_bad.txt", bad)
    _write(tmp_path, "b_copy.txt", bad)
    _write(tmp_path, "c_good.txt", PLAIN.replace("Jiangsu", "Xinjiang"))
    ran = _run(migrated, ["--workers", "0", str(tmp_path)])
    _check_outcomes(
        migrated,
        ran,
        {
            tmp_path / "a_bad.txt": Expect(
                "rejected", r"^extraction failed \(IndexError: planted bug\)"
            ),
            tmp_path / "b_copy.txt": Expect(
                "rejected", r"^same text as .*a_bad\.txt that was rejected; see its reason$"
            ),
            tmp_path / "c_good.txt": Expect("loaded", None, PLAIN.replace("Jiangsu", "Xinjiang")),
        },
    )


def test_a_file_named_twice_on_the_command_line_is_read_once(migrated: str, tmp_path: Path) -> None:
    article = _write(tmp_path, "a.txt", PLAIN.replace("Jiangsu", "Tibet"))
    ran = _run(migrated, [str(tmp_path), str(article), str(tmp_path / "." / "a.txt")])
    _check_outcomes(migrated, ran, {article: Expect("loaded", None, article.read_text())})


def test_extract_command_reports_bad_files_without_traceback(tmp_path: Path) -> None:
    good = _write(tmp_path, "good.txt", PLAIN)
    bad = {
        "empty.txt": ("", "empty file"),
        "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00", "looks like a binary file"),
        "noise.txt": (bytes(range(0x80, 0x100)) * 8, "not UTF-8"),
    }
    for name, (data, _) in bad.items():
        _write(tmp_path, name, data)
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    names = [*bad, "loop.txt"]
    result = CliRunner().invoke(
        cli, ["extract", "--json", str(good), *(str(tmp_path / n) for n in names)]
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output and not isinstance(result.exception, RejectedFile)
    assert json.loads(result.stdout.splitlines()[0])["provinces"] == ["Jiangsu", "Zhejiang"]
    for name, (_, reason) in bad.items():
        assert f"{name}: {reason}" in result.stderr
    assert "loop.txt: cannot be read: a symbolic link loop" in result.stderr
