"""Stage 1, read: find article files, decode them, hash them, read their sidecars."""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import hashlib
import json
import os
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from db import settings

# The size setting is validated with the others (db/settings.py); named here too.
from db.settings import DEFAULT_MAX_BYTES as DEFAULT_MAX_BYTES
from db.settings import MAX_BYTES_ENV
from db.settings import parse_size as parse_size
from etl.extract.text import blank_markup, looks_like_markup

ARTICLE_SUFFIX = ".txt"
SIDECAR_SUFFIX = ".meta.json"
SIDECAR_MAX_BYTES = 1024 * 1024
# What a file starts with when it is not text, and what it then is.
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.xlsx document)",
    b"\x7fELF": "an executable",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "an Office 97-2003 document (.doc/.xls)",
    b"\xfd7zXZ\x00": "an xz archive",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
}
# Control bytes no text encoding an article may be in uses outside UTF-8
# (tab, line ends, form feed and the ISO-2022 shifts aside).
_BINARY_CONTROLS = bytes(b for b in range(0x20) if b not in b"\t\n\r\f\v\x0e\x0f\x1b")
_BINARY_ADVICE = (
    "only plain-text articles can be read; if it is a document, save or export it as "
    "plain text (UTF-8)"
)
# Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A guessed encoding is used only when charset-normalizer finds its decoding
# this clean ("chaos" is its share of suspicious characters, 0 to 1) and the
# text has no replacement or control characters: a wrong guess stores garbage
# that looks like an article.
_MAX_CHAOS = 0.1
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x00")


class RejectedFile(ValueError):
    """A file that cannot become an article; the message is the reason shown to the user.

    A ValueError, so callers that report bad values (``extract``) report it too.
    """


class Sidecar(BaseModel):
    """Optional `<name>.meta.json`: what it gives overrides what the text gives."""

    model_config = ConfigDict(extra="forbid")
    url: str | None = None
    outlet: str | None = None
    published_on: dt.date | None = None
    headline: str | None = None
    language: str | None = None

    @field_validator("published_on", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        # pydantic would read a number as seconds since 1970: 0 is 1970-01-01.
        if value is not None and not isinstance(value, str):
            raise ValueError(f"must be a date written YYYY-MM-DD, not {type(value).__name__}")
        return value

    @field_validator("url", "outlet", "headline", "language")
    @classmethod
    def _storable(cls, value: str | None) -> str | None:
        # JSON can spell both ("\u0000", "\ud800"); PostgreSQL text holds neither.
        if value is not None and (
            "\x00" in value or any(0xD800 <= ord(c) <= 0xDFFF for c in value)
        ):
            raise ValueError("must not contain NUL or unpaired surrogate characters")
        return value


@dataclass(frozen=True)
class ArticleFile:
    path: Path
    sha256: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    # What reading changed or guessed, for the file's etl_run_file reason
    # ("decoded as gb18030 (not UTF-8)").
    notes: tuple[str, ...] = ()


def max_bytes(override: int | None = None) -> int:
    return override or settings.current().max_bytes


def discover(paths: list[Path]) -> Iterator[Path]:
    """Article files under paths, recursively, sorted, each once.

    Symbolic links to directories are not followed (no loops); a link named
    like an article is yielded even when broken or looping, so it is rejected
    with a reason rather than silently skipped. "Once" is by absolute path:
    ``run corpus corpus/a.txt /abs/corpus`` reads a.txt a single time.
    """
    seen: set[str] = set()
    # One root cannot name a file twice (links to directories are not
    # followed), so the set, one entry per file, is kept only when needed.
    overlapping = len(paths) > 1

    def first_time(path: Path) -> bool:
        if not overlapping:
            return True
        key = os.path.abspath(path)
        if key in seen:
            return False
        seen.add(key)
        return True

    unreadable: list[Path] = []
    for root in paths:
        if root.is_dir():
            # A directory the walk cannot list is yielded itself, so it is
            # rejected with its reason instead of silently losing its files.
            walk = os.walk(
                root, followlinks=False, onerror=lambda e: unreadable.append(Path(e.filename))
            )
            for directory, subdirs, files in walk:
                yield from _drain(unreadable)
                subdirs.sort()
                for name in sorted(files):
                    candidate = Path(directory) / name
                    if name.endswith(ARTICLE_SUFFIX) and first_time(candidate):
                        yield candidate
            yield from _drain(unreadable)
        elif first_time(root):
            yield root


def _drain(paths: list[Path]) -> Iterator[Path]:
    while paths:
        yield paths.pop(0)


def allowed_roots(paths: list[Path]) -> list[Path]:
    """Where a symbolic link may lead: inside the folders given to run (a file's folder)."""
    roots = []
    for path in paths:
        folder = path if path.is_dir() else path.parent
        try:
            roots.append(folder.resolve())
        except (OSError, RuntimeError):
            continue
    return roots


def _check_link(path: Path, roots: list[Path] | None) -> None:
    """A link is read only when it leads to a file inside the folders given to run:
    a link to /proc/self/environ or /etc/shadow must not become an article."""
    if roots is None or not path.is_symlink():
        return
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError) as error:
        reason = _os_reason(error) if isinstance(error, OSError) else "a symbolic link loop"
        raise RejectedFile(f"cannot be read: {reason}") from None
    if not any(target.is_relative_to(root) for root in roots):
        raise RejectedFile(
            "a symbolic link to a file outside the folders given to run; not read "
            "(copy the file into the corpus, or give its folder to run)"
        )


def decode_with_notes(data: bytes) -> tuple[str, list[str]]:
    """The text of an article file, and what was guessed or changed to get it."""
    notes: list[str] = []
    bom = next((name for mark, name in _BOMS if data.startswith(mark)), None)
    if bom is not None:
        try:
            text = data.decode(bom)
        except UnicodeDecodeError as error:
            raise RejectedFile(
                f"starts with a {bom.removesuffix('-sig').upper()} byte-order mark but is not "
                f"valid {bom.removesuffix('-sig').upper()} (byte {error.start}); "
                "save it again as UTF-8"
            ) from None
        if bom != "utf-8-sig":
            notes.append(f"decoded as {bom.upper()} (byte-order mark)")
    elif data.startswith(tuple(_BINARY_MAGIC)) or data.count(b"\x00") > max(1, len(data) // 100):
        raise RejectedFile(_binary_reason(data))
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            # Not UTF-8 and full of control bytes: no encoding will make it text,
            # and advice to convert it (iconv) would send someone the wrong way.
            if sum(data.count(b) for b in _BINARY_CONTROLS) > max(1, len(data) // 200):
                raise RejectedFile(_binary_reason(data)) from None
            text, encoding = _guess(data, error)
            notes.append(f"decoded as {encoding} (not UTF-8)")
    # One line-end convention, so spans mean the same on every platform. NUL
    # cannot be stored in PostgreSQL text; U+FFFD keeps offsets unchanged.
    nuls = text.count("\x00")
    if nuls:
        notes.append(f"{nuls} NUL character{'s' * (nuls > 1)} stored as U+FFFD")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
    return text, notes


def _binary_reason(data: bytes) -> str:
    """Why a file is taken for binary, in words that say what it is and what to do."""
    kind = next((kind for magic, kind in _BINARY_MAGIC.items() if data.startswith(magic)), None)
    if kind is not None:
        return f"looks like a binary file, not text: it starts like {kind}; {_BINARY_ADVICE}"
    nuls = data.count(b"\x00")
    if nuls > max(1, len(data) // 100):
        return (
            f"looks like a binary file, not text: {nuls:,} of its {len(data):,} bytes are NUL; "
            f"{_BINARY_ADVICE} (text saved as UTF-16 or UTF-32 without a byte-order mark "
            "looks like this too: save it again as UTF-8)"
        )
    controls = sum(data.count(b) for b in _BINARY_CONTROLS)
    return (
        f"looks like a binary file, not text: {controls:,} of its {len(data):,} bytes are "
        f"control codes no text encoding uses; {_BINARY_ADVICE}"
    )


def _guess(data: bytes, error: UnicodeDecodeError) -> tuple[str, str]:
    """Decode bytes that are not UTF-8, only when the detection is unambiguous.

    Every encoding charset-normalizer finds plausible must give the same text:
    single-byte Western text fits cp1250, cp1252 and cp1257 equally well (they
    differ on "ï" and "ñ"), and a wrong pick stores a plausible-looking article
    with the wrong letters.
    """
    from charset_normalizer import from_bytes

    plausible = [m for m in from_bytes(data) if m.encoding and m.chaos <= _MAX_CHAOS]
    texts = {str(m) for m in plausible}
    if len(texts) == 1:
        text = texts.pop()
        if not any(_is_garbage(c) for c in text):
            return text, plausible[0].encoding
    where = f"not UTF-8 (invalid byte at {error.start})"
    advice = "convert it to UTF-8 from the encoding it was written in (iconv -f GBK -t UTF-8, or -f CP1252 ...)"
    if len(texts) > 1:
        names = ", ".join(m.encoding for m in plausible[:5])
        raise RejectedFile(
            f"{where} and its encoding is ambiguous (it reads differently as {names}); {advice}"
        )
    raise RejectedFile(f"{where} and the encoding could not be detected with confidence; {advice}")


def _is_garbage(char: str) -> bool:
    if char == "\ufffd":
        return True
    category = unicodedata.category(char)
    return (category == "Cc" and char not in _ALLOWED_CONTROLS) or category in ("Co", "Cn", "Cs")


def read_sidecar(path: Path, roots: list[Path] | None = None) -> dict[str, Any]:
    sidecar = path.with_name(path.name.removesuffix(ARTICLE_SUFFIX) + SIDECAR_SUFFIX)
    try:
        # A name too long for the file system with ".meta.json" appended has no
        # sidecar to read, but asking raises: that is this file's rejection.
        if not (sidecar.exists() or sidecar.is_symlink()):
            return {}
        _check_link(sidecar, roots)
        size = sidecar.stat().st_size
        if not sidecar.is_file():
            raise RejectedFile(f"sidecar {sidecar.name} is not a regular file")
        if size > SIDECAR_MAX_BYTES:
            raise RejectedFile(
                f"sidecar {sidecar.name} is {size:,} bytes; a sidecar holds a few fields "
                f"(limit {SIDECAR_MAX_BYTES:,} bytes)"
            )
        content = sidecar.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise RejectedFile(f"sidecar {sidecar.name} cannot be read: {_os_reason(error)}") from None
    except UnicodeDecodeError as error:
        raise RejectedFile(
            f"sidecar {sidecar.name} is not UTF-8 (invalid byte at {error.start})"
        ) from None
    try:
        raw = json.loads(content)
    except RecursionError:
        raise RejectedFile(f"sidecar {sidecar.name} is nested too deeply to be metadata") from None
    except ValueError as error:
        raise RejectedFile(f"sidecar {sidecar.name} is not valid JSON: {error}") from None
    try:
        if not isinstance(raw, dict):
            raise RejectedFile(
                f"sidecar {sidecar.name} must hold a JSON object, not a {type(raw).__name__}"
            )
        return Sidecar(**raw).model_dump(exclude_none=True)
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        raise RejectedFile(f"sidecar {sidecar.name} is invalid: {problems}") from None


def _too_big(size: int, limit: int) -> RejectedFile:
    return RejectedFile(
        f"file is {size:,} bytes, over the {limit:,}-byte limit; raise it with "
        f"--max-bytes or {MAX_BYTES_ENV}"
    )


def _os_reason(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "a symbolic link loop (the link points back to itself); fix or remove the link"
    if error.errno == errno.EACCES or isinstance(error, PermissionError):
        return "permission denied; make the file readable (chmod +r)"
    if error.errno == errno.ENOENT:
        return "no such file (a dangling symbolic link, or it was removed during the run)"
    return error.strerror or str(error)


def read_article(
    path: Path, limit: int | None = None, roots: list[Path] | None = None
) -> ArticleFile:
    """The article at path; with roots, a symbolic link must lead inside them."""
    limit = max_bytes(limit)
    try:
        _check_link(path, roots)
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise RejectedFile(_directory_reason(path))
        if not stat.S_ISREG(info.st_mode):
            # Opening a FIFO would block; a device may never end.
            raise RejectedFile("not a regular file (a device, pipe or socket)")
        if info.st_size > limit:
            raise _too_big(info.st_size, limit)
        with path.open("rb") as handle:
            data = handle.read(limit + 1)  # never more than the limit, even if it grows
            after = os.fstat(handle.fileno())
        if (after.st_size, after.st_mtime_ns) != (info.st_size, info.st_mtime_ns):
            # Half a file replacing the whole article it had been: not now.
            raise RejectedFile(
                "the file changed while it was read (still being written?); "
                "the next run will read it"
            )
    except PermissionError:
        raise RejectedFile("permission denied; make the file readable (chmod +r)") from None
    except OSError as error:
        raise RejectedFile(f"cannot be read: {_os_reason(error)}") from None
    if len(data) > limit:
        raise _too_big(len(data), limit)
    if not data.strip():
        raise RejectedFile("empty file" if not data else "file holds only whitespace")
    text, notes = decode_with_notes(data)
    if looks_like_markup(text):
        text = blank_markup(text)
        notes.append("HTML tags blanked (offsets kept)")
        if not text.strip():
            raise RejectedFile("file holds only HTML markup, no text")
    if not text.strip():
        raise RejectedFile(
            "file holds only whitespace" if text else "empty file (only a byte-order mark)"
        )
    return ArticleFile(
        path, hashlib.sha256(data).hexdigest(), text, read_sidecar(path, roots), tuple(notes)
    )


def _directory_reason(path: Path) -> str:
    try:
        os.listdir(path)
    except OSError as error:
        return f"a folder that cannot be read ({_os_reason(error)}); none of its files were read"
    return "is a directory, not an article file"
