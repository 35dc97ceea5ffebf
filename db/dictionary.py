"""The data dictionary, written from the database's own catalog (``make docs``).

Every analytics view and base table, and each of their columns, carries a
``COMMENT`` (``sql/views/*.sql``, ``db/models.py``); this module reads them back
from ``pg_description`` with each column's type, so ``docs/data-dictionary.md``
says what the database says. A view's comment is "Purpose. One row per GRAIN.":
the two parts are shown apart. A test fails when the file is stale.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import psycopg

# Relations and the schema a section lists; alembic_version is Alembic's bookkeeping.
SECTIONS = (
    ("analytics", "Analytics views", "what analysts and BI tools read (the reader role sees only these)"),
    ("public", "Base tables", "the normalized tables the ETL writes; analysts need not join them"),
)  # fmt: skip
SKIPPED = frozenset({"alembic_version"})
GRAIN_MARK = "One row per"

_RELATIONS = """
select class.oid, class.relname, coalesce(obj_description(class.oid, 'pg_class'), '')
from pg_class as class
join pg_namespace as namespace on namespace.oid = class.relnamespace
where namespace.nspname = %s and class.relkind in ('r', 'p', 'v', 'm')
order by class.relname
"""

_COLUMNS = """
select attribute.attname, format_type(attribute.atttypid, attribute.atttypmod),
       coalesce(col_description(attribute.attrelid, attribute.attnum), '')
from pg_attribute as attribute
where attribute.attrelid = %s and attribute.attnum > 0 and not attribute.attisdropped
order by attribute.attnum
"""


@dataclass
class Relation:
    schema: str
    name: str
    comment: str
    columns: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def purpose(self) -> str:
        head, _, _ = self.comment.partition(GRAIN_MARK)
        return head.strip()

    @property
    def grain(self) -> str:
        _, mark, tail = self.comment.partition(GRAIN_MARK)
        return f"{mark}{tail}".strip()


def relations(connection: psycopg.Connection[Any], schema: str) -> list[Relation]:
    """The schema's tables and views with their comments and columns, by name."""
    found = []
    for oid, name, comment in connection.execute(_RELATIONS, [schema]).fetchall():
        if name in SKIPPED:
            continue
        relation = Relation(schema, name, _one_line(comment))
        relation.columns = [
            (column, kind, _one_line(text))
            for column, kind, text in connection.execute(_COLUMNS, [oid]).fetchall()
        ]
        found.append(relation)
    return found


def analytics_view_names(connection: psycopg.Connection[Any]) -> list[str]:
    return [relation.name for relation in relations(connection, "analytics")]


def markdown(connection: psycopg.Connection[Any]) -> str:
    """docs/data-dictionary.md, from the catalog of the database at the other end."""
    out = [
        "# Data dictionary",
        "",
        "Generated from the database's catalog (`pg_description`: the `COMMENT`s written in",
        "`sql/views/` and `db/models.py`) by `make docs` (`policydb docs -o "
        "docs/data-dictionary.md`);",
        "a test fails when it is stale. BI tools show the same texts as descriptions.",
    ]
    for schema, title, about in SECTIONS:
        found = relations(connection, schema)
        out += ["", f"## {title} (schema `{schema}`)", "", f"{about[0].upper()}{about[1:]}.", ""]
        out += ["| name | purpose | one row per |", "|---|---|---|"]
        for relation in found:
            grain = relation.grain.removeprefix(GRAIN_MARK).strip() or "—"
            out.append(
                f"| [`{relation.name}`](#{schema}{relation.name}) | "
                f"{_cell(relation.purpose or relation.comment)} | {_cell(grain)} |"
            )
        for relation in found:
            out += ["", f"### `{schema}.{relation.name}`", ""]
            if relation.purpose:
                out += [relation.purpose, ""]
            if relation.grain:
                out += [f"**Grain:** {relation.grain}", ""]
            out += ["| column | type | description |", "|---|---|---|"]
            out += [
                f"| `{column}` | {kind} | {_cell(text)} |"
                for column, kind, text in relation.columns
            ]
    return "\n".join(out) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
