"""Print a Mermaid entity-relationship diagram of db/models.py (make erd)."""

from __future__ import annotations

from db.models import Base


def mermaid() -> str:
    lines = ["```mermaid", "erDiagram"]
    for table in Base.metadata.sorted_tables:
        lines.append(f"    {table.name} {{")
        for column in table.columns:
            key = " PK" if column.primary_key else (" FK" if column.foreign_keys else "")
            lines.append(
                f"        {column.type.compile().split('(')[0].lower().replace(' ', '_')} {column.name}{key}"
            )
        lines.append("    }")
    for table in Base.metadata.sorted_tables:
        for fk in sorted(table.foreign_keys, key=lambda f: f.parent.name):
            lines.append(f'    {fk.column.table.name} ||--o{{ {table.name} : "{fk.parent.name}"')
    lines.append("```")
    return "\n".join(lines)


if __name__ == "__main__":
    print(
        "# Entity-relationship diagram\n\nGenerated from `db/models.py` by `make erd`; a test keeps it in sync.\n"
    )
    print(mermaid())
