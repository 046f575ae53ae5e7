"""Reading article files: bytes to text without ever crashing or silently losing data."""

from __future__ import annotations

import codecs
import os
import re
import tempfile
from dataclasses import dataclass, field

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class BinaryFileError(Exception):
    """The file holds binary data, not text."""


@dataclass
class SourceText:
    text: str
    encoding: str = "utf-8"
    bom: bytes = b""
    # True when bytes had to be replaced: such a file is never rewritten by --fix.
    lossy: bool = False
    notices: list[str] = field(default_factory=list)

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


def decode(data: bytes) -> SourceText:
    """Decode file bytes: BOM-aware, UTF-8 by default, replacement (reported) for bad bytes."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return SourceText(body.decode(encoding), encoding, bom)
            except UnicodeDecodeError as exc:
                text = body.decode(encoding, errors="replace")
                return SourceText(text, encoding, bom, lossy=True,
                                  notices=[f"invalid {encoding} at byte {exc.start + len(bom)}; "
                                           "decoded with replacement characters"])
    if b"\x00" in data[:8192]:
        raise BinaryFileError("binary file (contains NUL bytes)")
    try:
        return SourceText(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        text = data.decode("utf-8", errors="replace")
        if not _has_utf8_char(text):
            # Not one valid UTF-8 character beyond ASCII: a file saved as Windows-1252 (Word,
            # older CMSs: "\x92" is a curly apostrophe, "\x80" the euro sign). Read so, every
            # byte is kept, and --fix writes the file back in it.
            try:
                return SourceText(data.decode("cp1252"), "cp1252",
                                  notices=[f"not UTF-8 (line {line}); read as Windows-1252 (save the file as UTF-8)"])
            except UnicodeDecodeError:
                pass  # a byte Windows-1252 leaves undefined: not that either
        return SourceText(text, "utf-8", lossy=True,
                          notices=[f"invalid UTF-8 on line {line}; decoded with replacement characters "
                                   "(save the file as UTF-8)"])


def _has_utf8_char(text: str) -> bool:
    """Whether text decoded with replacement holds a non-ASCII character other than U+FFFD."""
    return _NON_ASCII.search(text) is not None


_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")


def read_source(path: str, max_bytes: int | None = None) -> SourceText:
    """Read and decode one file. Raises OSError, BinaryFileError or ValueError (too large)."""
    if max_bytes is not None:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise ValueError(f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (max-file-size)")
    with open(path, "rb") as handle:
        data = handle.read()
    return decode(data)


def write_atomic(path: str, data: bytes) -> None:
    """Replace (or create) `path` with `data` atomically: temp file in the same folder, fsync,
    rename.

    Permissions of an existing file are kept (a new one gets the usual umask); an
    interruption at any point leaves either the old file or the new one, never a mix, and
    no temporary file behind.
    """
    real = os.path.realpath(path)
    folder = os.path.dirname(real) or "."
    os.makedirs(folder, exist_ok=True)
    try:
        mode = os.stat(real).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=".cpolint-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_cache_file(path: str, data: bytes) -> None:
    """Write a cache entry atomically; a read-only or full disk only costs speed."""
    try:
        write_atomic(path, data)
    except OSError:
        pass
