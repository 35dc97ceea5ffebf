"""`policydb report`: one offline HTML page of charts, each naming the view it reads."""

from __future__ import annotations

import base64
import importlib.util
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from etl.cli import cli
from etl.report import CHARTS

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("matplotlib") is None, reason="the report extra is not installed"
)


def test_report_is_one_offline_page_of_charts_naming_their_views(
    seeded_url: str, tmp_path: Path
) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["--database-url", seeded_url, "report", "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text()
    # Opens offline: nothing fetched, no script; every chart an embedded PNG.
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<script" not in page and "<link" not in page
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', page)
    assert len(images) == len(CHARTS) == 5
    assert all(base64.b64decode(image).startswith(b"\x89PNG") for image in images)
    for title in ("Which sectors each province targets", "Sectors by number of provinces",
                  "Coverage per province", "Initiatives over time by region",
                  "Similar provinces"):  # fmt: skip
        assert f"<h2>{title}</h2>" in page
    for chart in CHARTS:
        for view in chart.views:
            assert f"<code>{view}</code>" in page
    assert "Wrote" in result.stdout


def test_report_without_matplotlib_says_how_to_install(
    database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    result = CliRunner().invoke(
        cli, ["--database-url", database_url, "report", "--out", str(tmp_path / "r.html")]
    )
    assert result.exit_code == 2
    assert 'pip install -e ".[report]"' in result.output
