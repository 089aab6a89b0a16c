"""Writing results: predictable German file names, atomic replacement, private permissions."""

from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
import zipfile
from datetime import date
from pathlib import Path

from vadocs.errors import OutputError
from vadocs.i18n import _, os_error

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}  # fmt: skip


def safe_part(text: str, limit: int = 60) -> str:
    """A file-name component that cannot leave its folder or upset Windows.

    >>> safe_part("../../etc/passwd")
    'etc-passwd'
    >>> safe_part("2026/0001")
    '2026-0001'
    >>> safe_part("CON")
    '_CON'
    """
    cleaned = _UNSAFE.sub("-", text.replace("/", "-")).strip("-.")[:limit].strip("-.")
    cleaned = re.sub(r"\.{2,}", ".", cleaned)
    if not cleaned:
        cleaned = "x"
    if cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = "_" + cleaned
    return cleaned


def file_name(datum: date, typ: str, kuerzel: str, ext: str, nummer: str = "") -> str:
    """``2026-12-01_Rechnung_2026-0001_mueller-gmbh.pdf``.

    >>> file_name(date(2026, 11, 20), "Auftragsbestaetigung", "mueller-gmbh", "pdf")
    '2026-11-20_Auftragsbestaetigung_mueller-gmbh.pdf'
    """
    parts = [datum.isoformat(), typ] + ([safe_part(nummer)] if nummer else [])
    parts.append(safe_part(kuerzel))
    return "_".join(parts) + "." + ext


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable by the user only: it holds personal data."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    try:
        for folder in reversed(missing):  # every folder we create, not only the last
            folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            _("{path}: cannot create the folder ({strerror})").format(
                path=path, strerror=os_error(exc)
            )
        ) from None
    return path


def write_atomic(target: Path, data: bytes) -> bool:
    """Write ``data`` to ``target`` via a temporary file and rename; False if unchanged."""
    if target.is_file() and target.read_bytes() == data:
        return False
    private_dir(target.parent)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=target.suffix, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(
            _("{target}: cannot be written ({strerror})").format(
                target=target, strerror=os_error(exc)
            )
        ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return True


def sweep_temporary(folder: Path) -> None:
    """Remove temporary files a killed run may have left (they never replaced a real file)."""
    for stale in folder.glob(".tmp-*"):
        with contextlib.suppress(OSError):
            stale.unlink()


def stable_docx(data: bytes) -> bytes:
    """Rewrite a .docx with fixed zip timestamps and order, so equal content gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()
