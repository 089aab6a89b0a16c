"""Jinja's error messages in the user's words: which tag is broken, which placeholder unknown.

Jinja reports in English and in its own terms ("expected token 'end of print statement',
got '{'", "'vadocs.model.client.Kunde object' has no attribute 'nme'"). The assistant edits
her templates in Word and needs to hear which ``{{ … }}`` or ``{% … %}`` is wrong and how to
repair it. Messages recognised here are rewritten; anything else becomes a general sentence
(never Jinja's English text).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from vadocs.i18n import _

_EXPECTED = re.compile(r"expected token '(?P<want>[^']*)', got '(?P<got>[^']*)'")
_UNEXPECTED_CHAR = re.compile(r"unexpected char '(?P<got>.)'")
_UNEXPECTED = re.compile(r"unexpected '(?P<got>[^']*)'")
_UNKNOWN_TAG = re.compile(r"Encountered unknown tag '(?P<tag>[^']*)'")
_UNCLOSED_BLOCK = re.compile(r"innermost block that needs to be closed is '(?P<tag>[^']*)'")
_NO_ATTRIBUTE = re.compile(r"has no attribute '(?P<name>[^']*)'")
_UNDEFINED = re.compile(r"'(?P<name>[^']*)' is undefined")

_CLOSERS = {"end of print statement": "}}", "end of statement block": "%}"}


def syntax_message(message: str | None) -> str:
    """A German sentence for a Jinja ``TemplateSyntaxError`` message (``exc.message``)."""
    text = message or ""
    if found := _UNCLOSED_BLOCK.search(text):
        tag = found["tag"]
        return _("a {{% {tag} %}} is never closed: its {{% end{tag} %}} is missing").format(tag=tag)
    if found := _UNKNOWN_TAG.search(text):
        return _("unknown tag {{% {tag} %}} (misspelt, or an end tag without its start)").format(
            tag=found["tag"]
        )
    if found := _EXPECTED.search(text):
        want = _CLOSERS.get(found["want"])
        if want is not None:
            return _("a tag is not closed: {want} is missing before '{got}'").format(
                want=want, got=found["got"]
            )
    if "end of template" in text:
        return _("a tag is not closed: the template ends before its }} or %}")
    if found := _UNEXPECTED_CHAR.search(text) or _UNEXPECTED.search(text):
        return _("'{got}' does not belong inside this tag").format(got=found["got"])
    return _("a tag is broken: {{ … }} or {% … %} is misspelt or not closed")


def missing_name(message: str | None) -> str:
    """The attribute or variable name a Jinja ``UndefinedError`` is about ("" if unknown)."""
    text = message or ""
    found = _NO_ATTRIBUTE.search(text) or _UNDEFINED.search(text)
    return found["name"] if found else ""


def placeholder_in(source: str, name: str) -> str:
    """The dotted placeholder in template ``source`` that ends with ``name``
    (``kunde.nme`` for ``nme``); ``name`` itself when no longer one is found."""
    if not name:
        return ""
    found = re.search(r"\b((?:[A-Za-z_]\w*\.)+)" + re.escape(name) + r"\b", source)
    return found[1] + name if found else name


def suggestion(placeholder: str, known: Iterable[str]) -> str:
    """The closest known placeholder with the same prefix (``kunde.name`` for ``kunde.nme``)."""
    prefix, _dot, last = placeholder.rpartition(".")
    siblings = {
        k.rpartition(".")[2]: k
        for k in known
        if k.rpartition(".")[0] == prefix and k.rpartition(".")[2]
    }
    close = difflib.get_close_matches(last, list(siblings), n=1)
    return siblings[close[0]] if close else ""


def undefined_message(placeholder: str) -> str:
    """A German sentence for an unknown placeholder ("" when it cannot be named)."""
    if not placeholder:
        return _("a placeholder of this template is unknown")
    return _("unknown placeholder {name}").format(name=placeholder)
