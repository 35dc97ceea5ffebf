"""Stage 1, read: find article files, decode them, hash them, read their sidecars."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_BYTES_ENV = "POLICYDB_MAX_BYTES"
ARTICLE_SUFFIX = ".txt"
SIDECAR_SUFFIX = ".meta.json"
_BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x7fELF")


class RejectedFile(Exception):
    """A file that cannot become an article; the message is the reason shown to the user."""


class Sidecar(BaseModel):
    """Optional `<name>.meta.json`: what it gives overrides what the text gives."""

    model_config = ConfigDict(extra="forbid")
    url: str | None = None
    outlet: str | None = None
    published_on: dt.date | None = None
    headline: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class ArticleFile:
    path: Path
    sha256: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


def max_bytes(override: int | None = None) -> int:
    if override:
        return override
    configured = os.environ.get(MAX_BYTES_ENV)
    return int(configured) if configured and configured.isdigit() else DEFAULT_MAX_BYTES


def discover(paths: list[Path]) -> Iterator[Path]:
    """Article files under paths, recursively, sorted, each once; symlink loops are skipped."""
    seen: set[Path] = set()
    for root in paths:
        if root.is_dir():
            for directory, subdirs, files in os.walk(root, followlinks=False):
                subdirs.sort()
                for name in sorted(files):
                    if name.endswith(ARTICLE_SUFFIX):
                        candidate = Path(directory) / name
                        if candidate not in seen:
                            seen.add(candidate)
                            yield candidate
        elif root not in seen:
            seen.add(root)
            yield root


def decode(data: bytes) -> str:
    if data.startswith(_BINARY_MAGIC) or data.count(b"\x00") > max(1, len(data) // 100):
        raise RejectedFile("binary file (not text); only plain-text articles can be read")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None or best.encoding is None:
            raise RejectedFile(
                "not UTF-8 and the encoding could not be detected; convert it to UTF-8 "
                "(e.g. iconv -f GBK -t UTF-8)"
            ) from None
        text = str(best)
    # One line-end convention, so spans mean the same on every platform. NUL
    # cannot be stored in PostgreSQL text; U+FFFD keeps offsets unchanged.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")


def read_sidecar(path: Path) -> dict[str, Any]:
    sidecar = path.with_name(path.name.removesuffix(ARTICLE_SUFFIX) + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    try:
        raw = json.loads(sidecar.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise RejectedFile(f"sidecar {sidecar.name} must hold a JSON object")
        return Sidecar(**raw).model_dump(exclude_none=True)
    except (ValueError, UnicodeDecodeError) as error:
        if isinstance(error, ValidationError):
            problems = "; ".join(
                f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors()
            )
            raise RejectedFile(f"sidecar {sidecar.name} is invalid: {problems}") from None
        raise RejectedFile(f"sidecar {sidecar.name} is not valid JSON: {error}") from None


def read_article(path: Path, limit: int | None = None) -> ArticleFile:
    limit = max_bytes(limit)
    try:
        size = path.stat().st_size
        if size > limit:
            raise RejectedFile(
                f"file is {size:,} bytes, over the {limit:,}-byte limit; raise it with "
                f"--max-bytes or {MAX_BYTES_ENV}"
            )
        data = path.read_bytes()
    except PermissionError:
        raise RejectedFile("permission denied; make the file readable (chmod +r)") from None
    except IsADirectoryError:
        raise RejectedFile("is a directory, not an article file") from None
    except OSError as error:
        raise RejectedFile(f"cannot be read: {error.strerror or error}") from None
    if not data.strip():
        raise RejectedFile("empty file" if not data else "file holds only whitespace")
    text = decode(data)
    if not text.strip():
        raise RejectedFile("file holds only whitespace")
    return ArticleFile(path, hashlib.sha256(data).hexdigest(), text, read_sidecar(path))
