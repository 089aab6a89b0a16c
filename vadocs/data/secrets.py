"""Refuse credentials in client files: passwords belong in a password manager, not in YAML.

The seed is explicit: access data is passed only through a password manager
(1Password, LastPass). A client file is copied, committed and mailed around; a
password in it is a data breach waiting to happen.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from vadocs.data.yaml_source import Document, PathKey
from vadocs.errors import Problem
from vadocs.i18n import N_, _

HINT = N_(
    "remove it: share access data only through a password manager such as 1Password or "
    "LastPass, and write here at most where to find it (e.g. 'Tresor Müller in 1Password')"
)

_SECRET_KEY = re.compile(
    r"(pass(wor[dt])?|kennwort|passcode|^pin$|_pin$|^tan$|token|api[_-]?key|secret|"
    r"zugangsdaten|credentials?|private[_-]?key)",
    re.IGNORECASE,
)
_SECRET_TEXT = [
    (re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"), N_("a private key block")),
    (
        re.compile(
            r"\b(pass(wort|word)?|kennwort|pw|pwd)\s*([:=]\s*\S+|\s(lautet|ist|is|heißt|heisst)"
            r"\s+(?!(1password|lastpass|bitwarden|keepass)\b)(?=\S*[\d!$%&*#@?])\S{4,})",
            re.IGNORECASE,
        ),
        N_("a password"),
    ),
    (
        re.compile(r"\b(pin|tans?|tan-liste)\s*(nummer|nr\.?)?\s*[:=]?\s*\d{4,8}\b", re.IGNORECASE),
        N_("a PIN or TAN"),
    ),
    (re.compile(r"\b(api[_ -]?key|token|secret)\s*[:=]\s*\S{8,}", re.IGNORECASE), N_("an API key")),
    (
        re.compile(
            r"\b(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|sk-[A-Za-z0-9]{20,}|"
            r"xox[baprs]-[A-Za-z0-9-]{10,})\b"
        ),
        N_("an access token"),
    ),
]
_TOKEN = re.compile(r"[A-Za-z0-9+/=_\-!$%&*#@.?]{12,}")
# Fields whose values are long identifiers by nature.
_EXEMPT_FIELDS = {
    "iban",
    "bic",
    "ust_idnr",
    "steuernummer",
    "email",
    "website",
    "logo",
    "zeiten_csv",
    "datei",
}


def entropy(text: str) -> float:
    """Shannon entropy in bits per character.

    >>> round(entropy("aaaa"), 2)
    0.0
    >>> entropy("Xk9#mQ2$vL7!pR4@") > 3.9
    True
    """
    counts = Counter(text)
    return abs(sum(n / len(text) * math.log2(n / len(text)) for n in counts.values()))


def _looks_random(word: str) -> bool:
    """Password-like: mixed classes with digits inside, high entropy, not a URL or address."""
    if word.startswith(("http", "www.")) or ("@" in word.strip("@")[1:-1] and "." in word):
        return False
    classes = sum(bool(re.search(p, word)) for p in (r"[a-z]", r"[A-Z]", r"\d", r"[^A-Za-z0-9]"))
    digits_inside = re.search(r"\d\D+\d|\D\d+\D", word) is not None
    return classes >= 3 and digits_inside and entropy(word) >= 3.5


def scan(doc: Document) -> list[Problem]:
    """Every key or value of ``doc`` that looks like a credential."""
    return list(_walk(doc, doc.data, ()))


def _walk(doc: Document, node: Any, path: PathKey) -> Iterator[Problem]:
    if isinstance(node, dict):
        for key, value in node.items():
            if _SECRET_KEY.search(str(key)):
                yield doc.problem(
                    (*path, key),
                    _(
                        "the key '{key}' looks like it holds a credential; vadocs does not store access data"
                    ).format(key=key),
                    _(HINT),
                    rule="secret",
                    at_key=True,
                )
                continue
            yield from _walk(doc, value, (*path, key))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _walk(doc, item, (*path, i))
    elif isinstance(node, str):
        yield from _text(doc, node, path)


_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s<>\"]+|\bwww\.[^\s<>\"]+", re.IGNORECASE)
_URL_PASSWORD = re.compile(r"^[a-z][a-z0-9+.-]*://[^/@\s]+:[^/@\s]+@", re.IGNORECASE)
_URL_SECRET_PARAM = re.compile(
    r"[?&#](password|passwd|pwd|pw|pass|kennwort|passwort|token|access_token|api_?key|"
    r"apikey|secret|client_secret|private_key)=[^&#\s]{6,}",
    re.IGNORECASE,
)


def secret_in(text: str) -> str:
    """What credential ``text`` seems to hold (translated), or ``""`` for none.

    A web link (``scheme://host/path``, ``www.…``) is an address, however long and
    random its document ID: only a password written into it (``user:pass@``) or a
    query parameter named like a secret (``?token=…``) counts.

    >>> secret_in("https://docs.google.com/document/d/1aB2cD3eF4gH5iJ6kL7mN8oP9qR0sT/edit")
    ''
    >>> secret_in("Passwort: Sommer2026!") != ""
    True
    """
    for pattern, what in _SECRET_TEXT:
        if pattern.search(_URL.sub(" ", text)):
            return _(what)
    for url in _URL.findall(text):
        if _URL_PASSWORD.search(url) or _URL_SECRET_PARAM.search(url):
            return _("a password or key inside a web link")
    for word in _TOKEN.findall(_URL.sub(" ", text)):
        if _looks_random(word):
            return _("a long random-looking string („{start}…“), perhaps a password or key").format(
                start=word[:4]
            )
    return ""


def _text(doc: Document, text: str, path: PathKey) -> Iterator[Problem]:
    if path and str(path[-1]) in _EXEMPT_FIELDS:
        return
    what = secret_in(text)
    if what:
        yield doc.problem(
            path, _("this text seems to contain {what}").format(what=what), _(HINT), rule="secret"
        )
