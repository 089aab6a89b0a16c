"""Contracts are versioned like invoices: what was written is recorded, what was accepted is frozen.

Every order confirmation, AVV and NDA that a build writes is recorded in
``.vadocs/vertraege.json`` (per client and document: version, date, SHA-256 of its data,
the data snapshot and the hashes of its files); the files are archived in
``.vadocs/vertraege/<client>/``. When a contract's data changes after it was written:

* before the client accepted (``auftrag.angenommen_am``), a new version is written —
  file name and document say "Fassung 2 vom …" — and the old one is kept;
* after acceptance the build refuses and names the changed fields: a change of contract
  needs a new version agreed with the client (§ 311 Abs. 1 BGB: a contract is changed by
  agreement), e.g. a Nachtrag or a new order confirmation.

A change of the template is recorded too: before acceptance it makes a new version (the
version already sent is never overwritten), after acceptance the archived files are
returned unchanged. New versions are dated the real day (never a ``--date``), and an
acceptance dated before the version it would accept is refused.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from vadocs.documents.context import Engagement
from vadocs.documents.contract_refusals import (
    acceptance_before_version,
    changed_after_acceptance,
)
from vadocs.documents.kinds import DocumentKind
from vadocs.invoicing.ledger import sha256
from vadocs.output import file_name, private_dir, write_atomic

STORE_NAME = "vertraege.json"
NOT_CONTRACT_DATA = (
    "rechnungen",
    "auftrag.angenommen_am",
    "auftrag.angenommen_per",
    "profil.beispiel",
    "auftrag.gekuendigt_zum",
    "abrechnung.zeiten",
)
"""Client-file key prefixes that change no contract: invoices, the acceptance itself, a
notice given under the contract, and the hours recorded for billing (``abrechnung.zeiten``,
``zeiten_csv``, ``zeiten_kunde``, ``zeiten_projekt``). ``abrechnung.anteilig`` is agreed in
the order confirmation and stays contract data."""


ADDED_LATER = {"abrechnung.anteilig": "voller_monat"}
"""Contract keys added after contracts were recorded, with the value that keeps an older
contract's meaning (the behaviour before the key existed): a recorded snapshot without the
key and the key at this value are the same contract, so an upgrade refuses no accepted one."""


@dataclass
class Version:
    """One written version of a contract document (``number`` counts from 1)."""

    number: int
    datum: date
    data_hash: str
    snapshot: dict[str, Any]
    files: dict[str, str] = field(default_factory=dict)
    accepted: bool = False
    template_hash: str = ""
    """SHA-256 of the Word template it was rendered from ("" when recorded before)."""

    def as_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "datum": self.datum.isoformat(),
            "data_hash": self.data_hash,
            "snapshot": self.snapshot,
            "files": self.files,
            "accepted": self.accepted,
            "template_hash": self.template_hash,
        }


def contract_data(e: Engagement) -> dict[str, Any]:
    """What a contract says, flattened to dotted keys: profile, client file without its
    invoices and acceptance, and the sub-processors' catalogue entries."""
    flat: dict[str, Any] = {}
    _flatten("profil", e.profil.model_dump(mode="json"), flat)
    _flatten("", e.datei.model_dump(mode="json"), flat)
    _flatten("katalog", {k: v.model_dump(mode="json") for k, v in e.katalog.items()}, flat)
    return {k: v for k, v in flat.items() if not k.startswith(NOT_CONTRACT_DATA)}


def _flatten(prefix: str, value: Any, out: dict[str, Any]) -> None:
    if isinstance(value, dict) and value:
        for key, item in value.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), item, out)
    elif isinstance(value, list) and value and any(isinstance(v, dict | list) for v in value):
        for i, item in enumerate(value):
            _flatten(f"{prefix}[{i}]", item, out)
    else:
        out[prefix] = value


def changed_fields(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """The dotted keys whose values differ (added or removed included), sorted; a key
    missing on one side equals None, a key of :data:`ADDED_LATER` missing in ``old``
    equals its old meaning."""
    return sorted(
        k
        for k in old.keys() | new.keys()
        if old.get(k, ADDED_LATER.get(k)) != new.get(k, ADDED_LATER.get(k))
    )


class ContractStore:
    """The recorded versions of one workspace's contracts."""

    def __init__(self, state_dir: Path) -> None:
        self.path = state_dir / STORE_NAME
        self.archive = state_dir / "vertraege"
        self.data: dict[str, dict[str, list[dict[str, Any]]]] = {}
        if self.path.is_file():
            self.data = json.loads(self.path.read_text(encoding="utf-8"))

    def versions(self, client: str, kind: str) -> list[Version]:
        return [
            Version(
                v["number"],
                date.fromisoformat(v["datum"]),
                v["data_hash"],
                v["snapshot"],
                v["files"],
                v["accepted"],
                v.get("template_hash", ""),
            )
            for v in self.data.get(client, {}).get(kind, [])
        ]

    def archived(self, client: str, version: Version) -> dict[str, bytes] | None:
        """The archived files of ``version``, or None if one is missing or changed."""
        out = {}
        for name, digest in version.files.items():
            path = self.archive / client / name
            data = path.read_bytes() if path.is_file() else b""
            if sha256(data) != digest:
                return None
            out[name] = data
        return out

    def save(self, client: str, kind: str, version: Version, files: dict[str, bytes]) -> None:
        """Record ``version`` (replacing an entry of the same number) and archive its files."""
        folder = private_dir(self.archive / client)
        for name, data in files.items():
            write_atomic(folder / name, data)
        version.files = {n: sha256(d) for n, d in files.items()}
        entries = self.data.setdefault(client, {}).setdefault(kind, [])
        entries[:] = [v for v in entries if v["number"] != version.number]
        entries.append(version.as_json())
        entries.sort(key=lambda v: v["number"])
        private_dir(self.path.parent)
        write_atomic(self.path, json.dumps(self.data, sort_keys=True, indent=1).encode())


def next_version(
    e: Engagement,
    kind: DocumentKind,
    store: ContractStore,
    day: date,
    accepted_on: date | None,
    template_hash: str,
) -> tuple[Version, bool]:
    """The version of ``kind`` to write now and whether it is new (False: the recorded
    one, returned as it is). ``day``: the real day (a new version's date);
    ``accepted_on``: ``auftrag.angenommen_am`` when it has come, else None.

    Raises :class:`ContractChanged` when the data of a version the client accepted changed,
    when the data changed after the latest version was written but an acceptance is already
    recorded in the client file (which version did the client accept?), and when the
    acceptance is dated before the version it would accept.
    """
    snap = contract_data(e)
    digest = sha256(json.dumps(snap, sort_keys=True, default=str).encode())
    versions = store.versions(e.kuerzel, kind.key)
    accepted = accepted_on is not None
    if not versions:
        first = Version(1, e.datei.auftrag.datum, digest, snap, accepted=accepted)
        first.template_hash = template_hash
        return first, True
    latest = versions[-1]
    if accepted_on is not None and not latest.accepted and accepted_on < latest.datum:
        raise acceptance_before_version(e, kind, latest, accepted_on)
    if latest.data_hash == digest or not changed_fields(latest.snapshot, snap):
        same_template = latest.template_hash in ("", template_hash)
        if same_template or latest.accepted or accepted:
            latest.accepted = latest.accepted or accepted
            return latest, False
    elif latest.accepted or accepted:
        raise changed_after_acceptance(e, kind, latest, changed_fields(latest.snapshot, snap))
    return Version(latest.number + 1, day, digest, snap, template_hash=template_hash), True


def contract_title(kind: DocumentKind, version: Version) -> str:
    """``Auftragsbestätigung``, or ``Auftragsbestätigung – Fassung 2 vom 29.11.2026``."""
    if version.number == 1:
        return kind.title
    return f"{kind.title} – Fassung {version.number} vom {version.datum:%d.%m.%Y}"


def contract_base(kind: DocumentKind, version: Version, kuerzel: str) -> str:
    """The file name without suffix; from version 2 on with ``_Fassung-N``."""
    label = kind.file_label + (f"_Fassung-{version.number}" if version.number > 1 else "")
    return Path(file_name(version.datum, label, kuerzel, "x")).stem
