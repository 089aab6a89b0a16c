"""Accounts: revenue per tax case in SKR03/SKR04, the bank, and one debtor per client.

Default revenue accounts (DATEV Kontenrahmen SKR03 / SKR04; both are
"Automatikkonten" that carry their tax treatment, so no BU-Schlüssel is set):

===================================================  ======  ======
tax case                                             SKR03   SKR04
===================================================  ======  ======
19 % USt (§ 12 Abs. 1 UStG)                          8400    4400
7 % USt (§ 12 Abs. 2 UStG)                           8300    4300
EU business, reverse charge (§ 3a Abs. 2, § 13b)     8336    4336
non-EU business, not taxable in Germany (§ 3a Abs.2) 8338    4338
Kleinunternehmer (§ 19 Abs. 1 UStG)                  8195    4185
Bank                                                 1200    1800
===================================================  ======  ======

Sources: DATEV SKR03/SKR04 account lists ("Erlöse 19 % USt" 8400/4400, "Erlöse 7 %
USt" 8300/4300, "Erlöse aus im anderen EU-Land steuerpflichtigen sonstigen
Leistungen, für die der Leistungsempfänger die Umsatzsteuer schuldet" 8336/4336,
"Erlöse aus im Drittland steuerbaren Leistungen, im Inland nicht steuerbare
Umsätze" 8338/4338, "Erlöse als Kleinunternehmer i. S. d. § 19 Abs. 1 UStG"
8195/4185, e.g. Haufe Praxis-Wegweiser "Umsatzsteuer-Kleinunternehmer: So kontieren
Sie richtig"). Debtors are personal accounts 10000–69999 at Sachkontenlänge 4
(DATEV: personal accounts have one digit more than G/L accounts).
"""

from __future__ import annotations

from decimal import Decimal

from vadocs.errors import VadocsError
from vadocs.i18n import _
from vadocs.invoicing.ledger import Ledger
from vadocs.invoicing.tax import Steuerfall

REVENUE = {
    "SKR03": {"19": 8400, "7": 8300, "reverse_charge": 8336, "nicht_steuerbar": 8338,
              "kleinunternehmer": 8195},
    "SKR04": {"19": 4400, "7": 4300, "reverse_charge": 4336, "nicht_steuerbar": 4338,
              "kleinunternehmer": 4185},
}  # fmt: skip
BANK = {"SKR03": 1200, "SKR04": 1800}


def widen(account: int, length: int) -> int:
    """A four-digit default account at a longer Sachkontenlänge: 8400 → 84000 at 5.

    >>> widen(8400, 5)
    84000
    """
    return account * int(10 ** (length - 4))


def revenue_account(chart: str, fall: Steuerfall, rate: Decimal, length: int = 4) -> int:
    """The revenue account for a tax case (and for the standard case, its rate in %)."""
    if fall is Steuerfall.STANDARD:
        key = str(rate.normalize())
        if key not in ("19", "7"):
            raise VadocsError(
                _("there is no standard revenue account for {rate} % VAT").format(rate=key),
                hint=_("book this invoice by hand with your tax adviser"),
            )
    else:
        key = fall.value
    return widen(int(REVENUE[chart][key]), length)


_TABLE = (
    "CREATE TABLE IF NOT EXISTS datev_debtors "
    "(client TEXT PRIMARY KEY, account INTEGER NOT NULL UNIQUE)"
)


def debtor_accounts(
    ledger: Ledger, clients: list[str], explicit: dict[str, int], length: int = 4
) -> dict[str, int]:
    """Each client's debtor account: from the client file, else assigned once and kept.

    Assigned accounts are stored in the ledger (table ``datev_debtors``), counting up
    from ``10 ** length`` (10000 at length 4) and skipping explicit ones, in order of
    ``clients``, so a client keeps its account across all later exports.
    """
    ledger.db.execute(_TABLE)
    stored = dict(ledger.db.execute("SELECT client, account FROM datev_debtors").fetchall())
    used = set(stored.values()) | set(explicit.values())
    out = {}
    for client in clients:
        if client in explicit:
            out[client] = explicit[client]
            continue
        if client not in stored:
            account = 10**length
            while account in used:
                account += 1
            ledger.db.execute("INSERT INTO datev_debtors VALUES (?, ?)", (client, account))
            stored[client] = account
            used.add(account)
        out[client] = stored[client]
    return out
