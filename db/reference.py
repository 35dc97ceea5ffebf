"""Reference data synced into tables: an idempotent upsert on natural keys.

Loaded by ``db upgrade`` and at the start of every ETL run, not by a data
migration: aliases are added far more often than the schema changes, and an
idempotent upsert from the files keeps every database on the files' current
version without a migration per alias. Rows are matched on natural keys
(province code, sector slug), so ids stay stable and facts keep pointing at
them. The records come from `etl.extract.reference` (no database import
there); this module only needs their attributes, so it does not import them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.models import Province, ProvinceAlias, Sector, SectorAlias


def sync_reference(session: Session, reference: Any) -> dict[str, int]:
    """Upsert reference rows (an `etl.extract.reference.ReferenceData`) and make the
    alias tables equal to the files."""
    provinces = {p.code: p for p in session.scalars(select(Province))}
    for record in reference.provinces:
        province = provinces.get(record.code) or Province(code=record.code)
        province.name = record.name
        province.name_zh = record.name_zh
        province.kind = record.kind
        province.region = record.region
        province.capital = record.capital
        session.add(province)
        provinces[record.code] = province
    session.flush()
    _sync_aliases(
        session,
        ProvinceAlias,
        ProvinceAlias.province_id,
        {(provinces[r.code].province_id, a) for r in reference.provinces for a in r.aliases},
    )

    sectors = {s.slug: s for s in session.scalars(select(Sector))}
    for sector_record in reference.sectors:
        sector = sectors.get(sector_record.slug) or Sector(slug=sector_record.slug)
        sector.name = sector_record.name
        sector.classification = sector_record.classification
        sector.description = sector_record.description
        session.add(sector)
        sectors[sector_record.slug] = sector
    session.flush()
    for sector_record in reference.sectors:
        parent = sectors[sector_record.parent] if sector_record.parent else None
        sectors[sector_record.slug].parent_sector_id = parent.sector_id if parent else None
    session.flush()
    _sync_aliases(
        session,
        SectorAlias,
        SectorAlias.sector_id,
        {(sectors[r.slug].sector_id, a) for r in reference.sectors for a in r.aliases},
    )
    return {
        "provinces": len(reference.provinces),
        "sectors": len(reference.sectors),
    }


def _sync_aliases(session: Session, model: Any, owner_column: Any, wanted: set[tuple[int, str]]):
    owner_key = owner_column.key
    existing = {(getattr(row, owner_key), row.alias): row for row in session.scalars(select(model))}
    stale = [row for key, row in existing.items() if key not in wanted]
    if stale:
        primary_key = model.__mapper__.primary_key[0]
        session.execute(
            delete(model).where(primary_key.in_([getattr(r, primary_key.key) for r in stale]))
        )
        session.flush()
    for owner_id, alias in sorted(wanted - existing.keys()):
        session.add(model(**{owner_key: owner_id, "alias": alias}))
    session.flush()
