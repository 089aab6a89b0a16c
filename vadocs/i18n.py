"""The language of every message: German by default, English on request.

Messages are written in English in the code, marked with ``_()`` (or ``ngettext``
for counts), extracted by Babel into ``vadocs/locale/vadocs.pot`` and translated
in ``vadocs/locale/de/LC_MESSAGES/vadocs.po``; the compiled ``vadocs.mo`` next to
it ships in the wheel (``make messages`` runs extract → update → compile).

The language is chosen per call, from the environment (POSIX precedence):

1. ``VADOCS_LANG`` (``de`` or ``en``),
2. the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set,
3. German.

A locale starting with ``en`` gives English, anything else (``de_DE.UTF-8``, ``C``,
``POSIX``) German: the users are German, the developers read English.

>>> import os
>>> os.environ["VADOCS_LANG"] = "de"
>>> _("hint")
'Tipp'
>>> ngettext("{n} file valid", "{n} files valid", 2).format(n=2)
'2 Dateien in Ordnung'
>>> os.environ["VADOCS_LANG"] = "en"
>>> _("hint")
'hint'
"""

from __future__ import annotations

import errno
import gettext
import os
from functools import cache
from pathlib import Path

DOMAIN = "vadocs"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("de", "en")


def language() -> str:
    """``"de"`` or ``"en"``: the language messages are printed in right now."""
    explicit = os.environ.get("VADOCS_LANG", "").strip()
    if explicit:
        return "en" if explicit.lower().startswith("en") else "de"
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").strip()
        if value:
            return "en" if value.lower().startswith("en") else "de"
    return "de"


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalog for ``lang``; English is the source language and needs none."""
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])


def _(message: str) -> str:
    """``message`` in the current language (the English msgid when untranslated)."""
    return translations(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message for the count ``n``."""
    return translations(language()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now (module-level tables)."""
    return message


_OS_ERRORS = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EEXIST: N_("it exists already"),
    errno.EACCES: N_("no permission"),
    errno.EPERM: N_("not permitted"),
    errno.ENOSPC: N_("no space left on the disk"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("not a folder"),
    errno.EROFS: N_("the disk is read-only"),
    errno.ENOTEMPTY: N_("the folder is not empty"),
}


def os_error(exc: OSError) -> str:
    """Why an operating-system call failed, in the current language.

    ``exc.strerror`` comes from the C library in English; the common cases are ours.
    """
    text = _OS_ERRORS.get(exc.errno or 0)
    return _(text) if text else str(exc.strerror or exc)


def use_for_click() -> None:
    """Let click's own texts ("Usage:", "Options:", its errors) use our catalog too.

    click calls :func:`gettext.gettext`, which reads the language from
    ``LANGUAGE``; we point it at the language chosen by :func:`language`.
    """
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = language()
