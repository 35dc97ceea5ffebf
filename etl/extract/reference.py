"""Reference data (provinces, cities, sectors, outlets, expert aliases) from ``seeds/reference/``.

Plain pydantic records with no database import: extraction reads them in
every worker process, and `db/reference.py` syncs them into tables.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

REFERENCE_DIR = Path(__file__).resolve().parents[2] / "seeds" / "reference"


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


class CityRecord(_Strict):
    code: str = Field(pattern=r"^\d{6}$")
    name: str
    name_zh: str
    short_zh: str
    province: str
    level: str = Field(pattern=r"^(prefecture|county)$")
    short_is_ambiguous: bool
    name_is_ambiguous: bool
    aliases: list[str] = []


class OutletRecord(_Strict):
    name: str
    name_zh: str | None = None
    aliases: list[str] = []
    domains: list[str] = []
    # Whole header lines only this outlet's own pages carry ("Share - WeChat",
    # its date format): a page copied as scraped names its outlet no other way.
    page_marks: list[str] = []

    @field_validator("page_marks")
    @classmethod
    def _marks_compile(cls, marks: list[str]) -> list[str]:
        for mark in marks:
            try:
                re.compile(mark)
            except re.error as error:
                raise ValueError(
                    f"page mark {mark!r} is not a regular expression: {error}"
                ) from None
        return marks


class ExpertAliasRecord(_Strict):
    name: str
    aliases: list[str]
    note: str | None = None


@dataclass(frozen=True)
class ReferenceData:
    provinces: list[ProvinceRecord]
    sectors: list[SectorRecord]
    expert_aliases: list[ExpertAliasRecord] = field(default_factory=list)
    cities: list[CityRecord] = field(default_factory=list)
    outlets: list[OutletRecord] = field(default_factory=list)


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
    experts = [ExpertAliasRecord(**row) for row in _optional(directory / "expert_aliases.json")]
    cities = [CityRecord(**row) for row in _optional(directory / "cities.json")]
    outlets = [OutletRecord(**row) for row in _optional(directory / "outlets.json")]
    names = {province.name for province in provinces}
    for city in cities:
        if city.province not in names:
            raise ValueError(f"city {city.name!r} names unknown province {city.province!r}")
    slugs = {sector.slug for sector in sectors}
    for sector in sectors:
        if sector.parent is not None and sector.parent not in slugs:
            raise ValueError(f"sector {sector.slug!r} names unknown parent {sector.parent!r}")
    return ReferenceData(provinces, sectors, experts, cities, outlets)


def _optional(path: Path) -> list[dict[str, Any]]:
    return _read(path) if path.exists() else []


@cache
def default_reference() -> ReferenceData:
    return load_reference()
