"""Reference data (provinces, sectors and their aliases) from ``seeds/reference/``.

Loaded by ``db upgrade`` and at the start of every ETL run, not by a data
migration: aliases are added far more often than the schema changes, and an
idempotent upsert from the files keeps every database on the files' current
version without a migration per alias. Rows are matched on natural keys
(province code, sector slug), so ids stay stable and facts keep pointing at
them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.models import Province, ProvinceAlias, Sector, SectorAlias

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "seeds" / "reference"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ProvinceRecord(_Strict):
    code: str = Field(pattern=r"^CN-[A-Z]{2}$")
    name: str
    name_zh: str
    kind: str
    region: str | None
    capital: str | None
    aliases: list[str] = []


class SectorRecord(_Strict):
    slug: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: str
    parent: str | None
    classification: str
    description: str
    aliases: list[str] = []


class ExpertAliasRecord(_Strict):
    name: str
    aliases: list[str]
    note: str | None = None


@dataclass(frozen=True)
class ReferenceData:
    provinces: list[ProvinceRecord]
    sectors: list[SectorRecord]
    expert_aliases: list[ExpertAliasRecord] = field(default_factory=list)


def _read(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise FileNotFoundError(f"reference data file {path} is missing") from error
    if not isinstance(data, list):
        raise ValueError(f"{path} must hold a JSON list")
    return data


def load_reference(directory: Path = REFERENCE_DIR) -> ReferenceData:
    provinces = [ProvinceRecord(**row) for row in _read(directory / "provinces.json")]
    sectors = [SectorRecord(**row) for row in _read(directory / "sectors.json")]
    experts_path = directory / "expert_aliases.json"
    experts = (
        [ExpertAliasRecord(**row) for row in _read(experts_path)] if experts_path.exists() else []
    )
    slugs = {sector.slug for sector in sectors}
    for sector in sectors:
        if sector.parent is not None and sector.parent not in slugs:
            raise ValueError(f"sector {sector.slug!r} names unknown parent {sector.parent!r}")
    return ReferenceData(provinces, sectors, experts)


def sync_reference(session: Session, reference: ReferenceData | None = None) -> dict[str, int]:
    """Upsert reference rows and make the alias tables equal to the files."""
    reference = reference or load_reference()
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
