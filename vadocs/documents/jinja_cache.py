"""Compiled Jinja templates kept between runs: half of rendering a bundle is compiling.

A template's XML is compiled to Python bytecode once and stored by the SHA-256 of its
source (and the vadocs version, whose environment defines the filters) with Jinja's own
:class:`jinja2.FileSystemBytecodeCache`, which also checks the Jinja and Python versions.
The folder is ``$VADOCS_CACHE_DIR``, else ``$XDG_CACHE_HOME/vadocs/jinja`` (default
``~/.cache/vadocs/jinja``), created readable and writable by the user only; it is not
used when it belongs to someone else or is open to others (loaded bytecode runs as
code). ``VADOCS_CACHE_DIR=off`` turns the cache off. A cache that cannot be read or
written only costs the compilation.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, Template

from vadocs import __version__

__all__ = ["ENV_CACHE", "bytecode_cache", "compile_cached"]

ENV_CACHE = "VADOCS_CACHE_DIR"


def cache_dir() -> Path | None:
    """The private folder for compiled templates, or ``None`` when it is off or unsafe."""
    chosen = os.environ.get(ENV_CACHE, "").strip()
    if chosen.lower() == "off":
        return None
    if chosen:
        folder = Path(chosen).expanduser()
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        folder = Path(base) / "vadocs" / "jinja"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return None
    if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return None
    return folder


def bytecode_cache() -> FileSystemBytecodeCache | None:
    """Jinja's file bytecode cache in :func:`cache_dir`, or ``None``."""
    folder = cache_dir()
    return None if folder is None else FileSystemBytecodeCache(str(folder), "vadocs-%s.cache")


def compile_cached(
    env: Environment, disk: FileSystemBytecodeCache | None, key: str, source: str
) -> Template:
    """``env.from_string(source)``, with the compiled code read from or stored in ``disk``.

    ``key`` names the source (its SHA-256). Raises what :meth:`Environment.from_string`
    raises for a broken template.
    """
    if disk is None:
        return env.from_string(source)
    name = f"{__version__}-{key}"
    try:
        bucket = disk.get_bucket(env, name, None, source)
    except OSError:
        return env.from_string(source)
    code = bucket.code
    if code is None:
        code = env.compile(source)
        bucket.code = code
        with contextlib.suppress(OSError):  # read-only or full: compile again next time
            disk.set_bucket(bucket)
    return env.template_class.from_code(env, code, env.make_globals(None))
