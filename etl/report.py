"""One self-contained HTML page of charts from the analytics views (``policydb report``).

Each chart is a matplotlib PNG embedded as base64: the page opens offline, by
e-mail, from a file share, with no script and nothing fetched. Each states the
view it reads and the query, so an analyst can rebuild it in a BI tool.
matplotlib is an optional extra: ``pip install -e ".[report]"``.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

INSTALL_HINT = (
    'the report draws its charts with matplotlib; install it with `.venv/bin/pip install -e ".[report]"` '
    "(or `pip install matplotlib`)"
)
REGIONS = ("east", "central", "west", "northeast", "unclassified")
TOP_SECTORS = 25
TOP_PAIRS = 20


@dataclass
class Chart:
    title: str
    views: tuple[str, ...]
    query: str
    caption: str
    draw: Callable[[Any, list[tuple[Any, ...]]], None]


def _heat_map(figure: Any, rows: list[tuple[Any, ...]]) -> None:
    counts: dict[tuple[str, str], int] = {}
    sector_provinces: dict[str, int] = defaultdict(int)
    for province, sector, initiatives in rows:
        counts[(province, sector)] = initiatives
        sector_provinces[sector] += 1
    sectors = sorted(sector_provinces, key=lambda s: (-sector_provinces[s], s))[:TOP_SECTORS]
    provinces = sorted({province for province, _ in counts})
    grid = [[counts.get((p, s), 0) for s in sectors] for p in provinces]
    figure.set_size_inches(max(8, 0.42 * len(sectors) + 3), max(4, 0.32 * len(provinces) + 2.5))
    axes = figure.add_subplot()
    image = axes.imshow(grid, cmap="YlOrRd", aspect="auto")
    axes.set_xticks(range(len(sectors)), sectors, rotation=60, ha="right", fontsize=8)
    axes.set_yticks(range(len(provinces)), provinces, fontsize=8)
    for y, row in enumerate(grid):
        for x, value in enumerate(row):
            if value:
                axes.text(x, y, str(value), ha="center", va="center", fontsize=6)
    figure.colorbar(image, ax=axes, label="initiatives", shrink=0.6)


def _bars(label: str, color: str) -> Callable[[Any, list[tuple[Any, ...]]], None]:
    def draw(figure: Any, rows: list[tuple[Any, ...]]) -> None:
        names = [str(row[0]) for row in rows][::-1]
        values = [float(row[1]) for row in rows][::-1]
        figure.set_size_inches(9, max(3, 0.28 * len(rows) + 1.2))
        axes = figure.add_subplot()
        axes.barh(names, values, color=color)
        axes.set_xlabel(label)
        axes.tick_params(axis="y", labelsize=8)
        for y, value in enumerate(values):
            shown = f"{value:g}"
            axes.text(value, y, f" {shown}", va="center", fontsize=7)

    return draw


def _coverage(figure: Any, rows: list[tuple[Any, ...]]) -> None:
    names = [row[0] for row in rows]
    figure.set_size_inches(11, 4.5)
    axes = figure.add_subplot()
    width = 0.27
    for offset, (index, label, color) in enumerate(
        [(1, "articles", "#4c72b0"), (2, "initiatives", "#dd8452"), (3, "sectors", "#55a868")]
    ):
        axes.bar(
            [x + (offset - 1) * width for x in range(len(names))],
            [row[index] for row in rows], width, label=label, color=color,
        )  # fmt: skip
    axes.set_xticks(range(len(names)), names, rotation=70, ha="right", fontsize=8)
    axes.legend()
    axes.set_ylabel("count")


def _over_time(figure: Any, rows: list[tuple[Any, ...]]) -> None:
    series: dict[str, dict[dt.date, int]] = defaultdict(dict)
    for month, region, count in rows:
        series[region or "unclassified"][month] = count
    months = sorted({month for month, _, _ in rows})
    figure.set_size_inches(10, 4)
    axes = figure.add_subplot()
    bottom = [0] * len(months)
    for region in [r for r in REGIONS if r in series] + sorted(set(series) - set(REGIONS)):
        values = [series[region].get(month, 0) for month in months]
        axes.bar([m.strftime("%Y-%m") for m in months], values, bottom=bottom, label=region)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    axes.set_ylabel("initiatives")
    axes.tick_params(axis="x", rotation=60, labelsize=8)
    axes.legend(title="region")


CHARTS = (
    Chart(
        "Which sectors each province targets",
        ("analytics.province_sector_focus",),
        "select province_name, sector_name, initiative_count\nfrom analytics.province_sector_focus",
        f"Initiatives per province and sector; the {TOP_SECTORS} sectors most provinces name.",
        _heat_map,
    ),
    Chart(
        "Sectors by number of provinces",
        ("analytics.sector_popularity",),
        "select sector_name, province_count from analytics.sector_popularity\n"
        "where level = 'leaf' and province_count > 0\n"
        f"order by province_count desc, sector_name limit {TOP_SECTORS}",
        "How many provinces have at least one initiative naming each sector.",
        _bars("provinces", "#4c72b0"),
    ),
    Chart(
        "Coverage per province",
        ("analytics.province_overview",),
        "select province_name, article_count, initiative_count, sector_count\n"
        "from analytics.province_overview\n"
        "order by initiative_count desc, article_count desc, province_name",
        "Articles naming each province, its initiatives and distinct sectors (all 34).",
        _coverage,
    ),
    Chart(
        "Initiatives over time by region",
        ("analytics.initiatives", "analytics.province_overview"),
        "select date_trunc('month', initiatives.published_on)::date as month,\n"
        "       province_overview.region, count(*)\n"
        "from analytics.initiatives\n"
        "join analytics.province_overview using (province_code)\n"
        "where initiatives.published_on is not null\n"
        "group by 1, 2 order by 1, 2",
        "Initiatives per month of publication, stacked by NBS economic region.",
        _over_time,
    ),
    Chart(
        "Similar provinces",
        ("analytics.province_similarity",),
        "select province_a || ' – ' || province_b, jaccard\n"
        "from analytics.province_similarity\n"
        f"order by jaccard desc, shared_sector_count desc, 1 limit {TOP_PAIRS}",
        "Pairs of provinces by the overlap of the sectors they target "
        "(Jaccard: shared sectors over the sectors either targets).",
        _bars("Jaccard similarity", "#8172b3"),
    ),
)


def _png(chart: Chart, rows: list[tuple[Any, ...]]) -> str:
    from matplotlib.figure import Figure  # no pyplot: no GUI backend, no global state

    figure = Figure(layout="constrained", dpi=110)
    if rows:
        chart.draw(figure, rows)
    else:
        figure.set_size_inches(6, 1.2)
        figure.text(0.5, 0.5, "no rows yet", ha="center", va="center")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return base64.b64encode(buffer.getvalue()).decode("ascii")


_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto;
       max-width: 1200px; color: #222; padding: 0 1rem; }
h1 { margin-bottom: .2rem; } .meta { color: #666; margin-top: 0; }
figure { margin: 2.5rem 0; } figure img { max-width: 100%; height: auto; }
figcaption { color: #444; } code, pre { background: #f4f4f4; border-radius: 3px; }
pre { padding: .6rem; overflow-x: auto; font-size: .85rem; }
.totals span { display: inline-block; margin-right: 1.5rem; }
"""


def build(connection: Any) -> str:
    """The whole page, from a psycopg connection that may read the analytics views."""
    import matplotlib

    matplotlib.use("Agg")
    totals = connection.execute(
        "select count(*) filter (where article_count > 0), sum(initiative_count),"
        " sum(target_count) from analytics.province_overview"
    ).fetchone()
    articles = connection.execute("select count(*) from analytics.article_catalog").fetchone()
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>China regional industrial policy: report</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>China regional industrial policy</h1>",
        f'<p class="meta">Generated {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z} by '
        "<code>policydb report</code> from the <code>analytics</code> views. Each chart "
        "names the view it reads and its query, to rebuild it in a BI tool.</p>",
        '<p class="totals">'
        f"<span><b>{articles[0]}</b> articles</span>"
        f"<span><b>{totals[0]}</b> provinces named</span>"
        f"<span><b>{totals[1] or 0}</b> initiatives</span>"
        f"<span><b>{totals[2] or 0}</b> quantitative targets</span></p>",
    ]
    for chart in CHARTS:
        rows = connection.execute(chart.query).fetchall()
        views = ", ".join(f"<code>{html.escape(v)}</code>" for v in chart.views)
        parts += [
            f"<figure><h2>{html.escape(chart.title)}</h2>",
            f'<img alt="{html.escape(chart.title)}" src="data:image/png;base64,{_png(chart, rows)}">',
            f"<figcaption>{html.escape(chart.caption)} Reads {views}.",
            f"<details><summary>Query</summary><pre>{html.escape(chart.query)}</pre></details>",
            "</figcaption></figure>",
        ]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
