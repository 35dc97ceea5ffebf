"""Real articles, English and Chinese, through `run` into the views a BI tool reads."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, pool, text

from db import migrate
from etl.cli import cli
from tests.quality import ARTICLES

CHINESE = "zh_chinanews_shandong-future-industries.txt"
TRADITIONAL = "zh_xinhua_suzhou-nano-base.txt"
ENGLISH_CITY = "en_china-daily_chengdu-hydrogen-pv.txt"
GOVERNOR = "en_china-daily_hainan-deep-sea-aerospace.txt"


@pytest.fixture
def loaded(scratch_database: str, tmp_path: Path) -> str:
    migrate.upgrade(scratch_database)
    for name in (CHINESE, TRADITIONAL, ENGLISH_CITY, GOVERNOR):
        shutil.copy(ARTICLES / name, tmp_path / name)
    result = CliRunner().invoke(cli, ["--database-url", scratch_database, "run", str(tmp_path)])
    assert result.exit_code == 0, result.output
    return scratch_database


def _rows(url: str, query: str) -> list[tuple]:
    engine = create_engine(url, poolclass=pool.NullPool)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(query))]
    finally:
        engine.dispose()


def test_a_chinese_article_fills_the_same_views_as_an_english_one(loaded: str) -> None:
    focus = _rows(
        loaded,
        "select province_name, sector_slug, matched_terms from analytics.province_sector_focus "
        "where province_name = 'Shandong' order by sector_slug",
    )
    assert ("Shandong", "space-information", "空天信息") in focus
    speakers = _rows(
        loaded,
        "select expert_name, organization_name from analytics.expert_statements "
        "where expert_name = '胡薄'",
    )
    assert speakers and speakers[0][1] == "山东省发展和改革委员会发展规划处"
    catalog = _rows(loaded, "select language, outlet from analytics.article_catalog")
    assert ("zh", "China News Service") in catalog
    assert ("zh", "Xinhua") in catalog


def test_traditional_characters_are_stored_as_written(loaded: str) -> None:
    terms = _rows(
        loaded,
        "select matched_terms from analytics.province_sector_focus where province_name = 'Jiangsu'",
    )
    assert any("納米" in t for (t,) in terms)


def test_initiatives_show_the_city_and_unmapped_terms(loaded: str) -> None:
    rows = _rows(
        loaded,
        "select province_name, city, unmapped_sector_terms from analytics.initiatives "
        "where city is not null",
    )
    assert ("Sichuan", "Chengdu") in {(p, c) for p, c, _ in rows}
    unmapped = _rows(
        loaded,
        "select unmapped_sector_terms from analytics.initiatives where province_name = 'Shandong'",
    )
    assert any("尖端材料" in terms for (terms,) in unmapped)


def test_sectors_unmapped_lists_terms_with_an_example(loaded: str) -> None:
    result = CliRunner().invoke(cli, ["--database-url", loaded, "sectors", "unmapped", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    terms = {row["term"]: row for row in rows}
    assert "尖端材料" in terms
    assert terms["尖端材料"]["province_names"] == "Shandong"
    assert "聚力培育" in terms["尖端材料"]["example_sentence"]
    csv_out = CliRunner().invoke(cli, ["--database-url", loaded, "sectors", "unmapped", "--csv"])
    assert (
        csv_out.output.splitlines()[0] == "term,mentions,provinces,province_names,example_sentence"
    )
    health = _rows(loaded, "select unmapped_sector_terms from analytics.etl_health")
    assert health and health[0][0] == len([r for r in rows for _ in range(r["mentions"])])


def test_sectors_unmapped_on_an_empty_server_says_what_to_do(scratch_database: str) -> None:
    result = CliRunner().invoke(cli, ["--database-url", scratch_database, "sectors", "unmapped"])
    assert result.exit_code == 2
    assert "db upgrade" in result.output


def test_what_a_governor_said_the_province_will_do_shows_who_announced_it(loaded: str) -> None:
    announced = _rows(
        loaded,
        "select i.province_name, i.announced_by, s.expert_name, s.statement_text "
        "from analytics.initiatives as i "
        "join analytics.expert_statements as s on s.statement_id = i.statement_id "
        "where i.province_name = 'Hainan'",
    )
    assert ("Hainan", "Liu Xiaoming", "Liu Xiaoming") in {row[:3] for row in announced}
    assert all(row[1] == row[2] for row in announced)
    stated = _rows(
        loaded,
        "select count(*) from analytics.initiatives "
        "where province_name = 'Hainan' and statement_id is null and announced_by is null",
    )
    assert stated[0][0] > 0
