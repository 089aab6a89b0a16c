"""Option and argument types that speak the user's language: metavars (``JJJJ-MM-TT``,
``DATEI``, ``ORDNER``, ``ZAHL``) and conversion errors with an example.

click's own types show ``[%Y-%m-%d]``, ``PATH``, ``INTEGER`` and messages such as "does not
match the format '%Y-%m-%d'". :func:`localise` swaps them, in place, on every parameter of a
command tree, so the command modules keep declaring plain click types.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from vadocs.i18n import N_, _

_ARGUMENTS = {
    "number": N_("INVOICE_NUMBER"),
    "numbers": N_("INVOICE_NUMBER"),
    "booking": N_("BOOKING"),
}
"""Text arguments named in the user's language (click would show the English name)."""


class Day(click.ParamType[dt.datetime]):
    """A calendar day written ``YYYY-MM-DD``; converts to a :class:`datetime.datetime`
    (midnight), as :class:`click.DateTime` does."""

    name = "date"

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return _("YYYY-MM-DD")

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.datetime):
            return value
        try:
            return dt.datetime.strptime(str(value).strip(), "%Y-%m-%d")
        except ValueError:
            self.fail(
                _("{value!r} is no date: write it as YYYY-MM-DD, e.g. 2026-12-01").format(
                    value=value
                ),
                param,
                ctx,
            )


class Number(click.ParamType[int]):
    """A whole number, e.g. a year."""

    name = "integer"

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return _("NUMBER")

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, int):
            return value
        try:
            return int(str(value).strip())
        except ValueError:
            self.fail(
                _("{value!r} is no whole number: write digits, e.g. 2026").format(value=value),
                param,
                ctx,
            )


class LocalPath(click.Path):
    """:class:`click.Path` with the metavar and the word for "file" in the user's language."""

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        if self.file_okay and not self.dir_okay:
            return _("FILE")
        if self.dir_okay and not self.file_okay:
            return _("FOLDER")
        return _("PATH")

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        # click's message is "{name.title()} {filename!r} does not exist." with its own word
        self.name = _("file") if not self.dir_okay else _("folder") if not self.file_okay else ""
        self.name = self.name or _("path")
        return super().convert(value, param, ctx)


def _local_path(old: click.Path) -> LocalPath:
    return LocalPath(
        exists=old.exists,
        file_okay=old.file_okay,
        dir_okay=old.dir_okay,
        writable=old.writable,
        readable=old.readable,
        resolve_path=old.resolve_path,
        allow_dash=old.allow_dash,
        path_type=old.type,
        executable=old.executable,
    )


def localise(command: click.Command) -> None:
    """Give every parameter of ``command`` (and its sub-commands) the types above."""
    for param in command.params:
        if isinstance(param.type, click.DateTime):
            param.type = Day()
        elif isinstance(param.type, click.types.IntParamType) and not isinstance(
            param.type, click.IntRange
        ):
            param.type = Number()
        elif isinstance(param.type, click.Path) and not isinstance(param.type, LocalPath):
            param.type = _local_path(param.type)
        if isinstance(param, click.Argument) and param.name in _ARGUMENTS and not param.metavar:
            dots = "..." if param.nargs != 1 else ""
            param.metavar = _(_ARGUMENTS[param.name]) + dots
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            localise(sub)
