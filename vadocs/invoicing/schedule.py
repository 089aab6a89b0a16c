"""Which invoices an engagement makes due: the billing rhythm derived from the client file.

The order confirmation agrees the rhythm (template ``auftragsbestaetigung.docx``, § Abrechnung
und Zahlung): a new client pays the first month in advance (``abrechnung.vorauszahlung``),
then every month is invoiced at its end — by the hour from the month's time entries, at the
fixed price, or the package's hours (extra hours only when agreed). From ``auftrag`` (beginn,
ende, gekuendigt_zum) and ``verguetung``/``abrechnung`` this module derives those invoice
entries; ``rechnungen:`` only adds exceptions and is merged by kind and month, so an entry
written there and the derived one are the same invoice (the ledger's identity is client +
kind + month, :meth:`vadocs.invoicing.ledger.Ledger.find`).

Kinds: ``vorauszahlung`` for the first month; that month's invoice is ``schluss`` (it deducts
the advance, § 14 Abs. 5 UStG); every other month ``monat``. A month is due once it has ended
(its last day inside the engagement has come); the advance is due at the start.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from vadocs.documents.formatting import zahl
from vadocs.i18n import _
from vadocs.invoicing.money import cents, hours_of, minutes_of, round_up_minutes
from vadocs.model.client import Auftrag, Kundendatei
from vadocs.model.invoice_input import RechnungEingabe

REGULAR = ("monat", "schluss")
"""The kinds of a month's regular invoice; an entry of either kind stands for the month."""


TIME_FIELDS = frozenset({"zeiten", "zeiten_csv", "zeiten_kunde", "zeiten_projekt"})
"""The fields :func:`with_engagement_times` fills from ``abrechnung``."""


@dataclass(frozen=True)
class Skip:
    """A derived or listed invoice that is not issued, and why (a message for the user)."""

    art: str
    zeitraum: str
    grund: str


def last_day(a: Auftrag) -> date | None:
    """The engagement's last day: ``ende`` or ``gekuendigt_zum``, the earlier (None: open)."""
    days = [d for d in (a.ende, a.gekuendigt_zum) if d is not None]
    return min(days) if days else None


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def covered(a: Auftrag, zeitraum: str) -> tuple[date, date] | None:
    """The days of month ``zeitraum`` (``YYYY-MM``) inside the engagement, both inclusive;
    None when the engagement has no day in that month."""
    year, month = int(zeitraum[:4]), int(zeitraum[5:])
    start, end = date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    first = max(start, a.beginn)
    stop = last_day(a)
    last = end if stop is None else min(end, stop)
    return (first, last) if first <= last else None


def share(a: Auftrag, zeitraum: str) -> tuple[int, int]:
    """(days of the month inside the engagement, days of the month); (0, n) outside it."""
    total = calendar.monthrange(int(zeitraum[:4]), int(zeitraum[5:]))[1]
    days = covered(a, zeitraum)
    return ((days[1] - days[0]).days + 1 if days else 0), total


def prorated(amount: Decimal, days: int, of: int) -> Decimal:
    """``amount`` × ``days`` / ``of``, in cents half up (a fixed price for part of a month)."""
    return cents(amount * Decimal(days) / Decimal(of))


def prorated_hours(hours: Decimal, days: int, of: int) -> Decimal:
    """A monthly contingent of ``hours`` for ``days`` of ``of`` days, to 0.01 h half up."""
    return (hours * Decimal(days) / Decimal(of)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def contingent(d: Kundendatei, zeitraum: str) -> Decimal | None:
    """The month's contingent in hours (None: no contingent): with ``abrechnung.anteilig:
    tage`` a first or last month inside the engagement gets ``kontingent_stunden`` × days
    in it / days of the month, to 0.01 h half up (:func:`prorated_hours`) — the same figure
    for the advance, the split into extra hours and the check that extra hours were agreed
    (the rule the order confirmation prints). Money follows from these hours (hours × rate,
    cents half up), as an invoice line's amount is its quantity × price (EN 16931 BR-LIN)."""
    full = d.verguetung.kontingent_stunden
    if not full:
        return None
    days, of = share(d.auftrag, zeitraum)
    if d.abrechnung.anteilig == "tage" and 0 < days < of:
        return prorated_hours(full, days, of)
    return full


def months(a: Auftrag, until: date) -> list[str]:
    """Every month of the engagement from its start whose last day inside the engagement
    is on or before ``until`` (the months that have ended by then)."""
    out: list[str] = []
    year, month = a.beginn.year, a.beginn.month
    while year <= date.max.year:
        zeitraum = f"{year:04d}-{month:02d}"
        days = covered(a, zeitraum)
        if days is None or days[1] > until:
            return out
        out.append(zeitraum)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def advance_due(d: Kundendatei) -> bool:
    """Whether the engagement starts with an advance invoice (something to bill in advance,
    not suspended in ``rechnungen:``)."""
    if not d.abrechnung.vorauszahlung:
        return False
    if d.verguetung.art == "stunden" and not d.verguetung.kontingent_stunden:
        return False
    first = month_of(d.auftrag.beginn)
    return not any(
        r.art == "vorauszahlung" and r.zeitraum == first and r.ausgesetzt for r in d.rechnungen
    )


def regular_kind(d: Kundendatei, zeitraum: str) -> str:
    """``schluss`` for the first month after an advance, otherwise ``monat``."""
    listed = [r.art for r in d.rechnungen if r.zeitraum == zeitraum and r.art in REGULAR]
    if listed:
        return listed[0]
    return "schluss" if advance_due(d) and zeitraum == month_of(d.auftrag.beginn) else "monat"


def derived(d: Kundendatei, today: date, period: str | None = None) -> list[RechnungEingabe]:
    """The entries the engagement implies on ``today``: for ``period`` (``YYYY-MM``) its
    invoice once the month has ended, and the advance when it is the first month; without
    ``period`` (``vadocs build``) the month ended last, and the advance until the first
    month has ended or while the first month's ``schluss`` is listed (it deducts the advance). Earlier months are issued only when asked for by name, so a first
    build never issues a year of invoices nobody expected."""
    ended = months(d.auftrag, today)
    wanted = ([period] if period in ended else []) if period else ended[-1:]
    first = month_of(d.auftrag.beginn)
    days = covered(d.auftrag, first)
    early = period is None and days is not None and today <= days[1]
    # a listed final invoice of the first month deducts the advance: it needs that entry
    listed = any(r.art == "schluss" and r.zeitraum == first for r in d.rechnungen)
    out = []
    if advance_due(d) and (first in wanted or early or period == first or listed):
        out.append(RechnungEingabe(art="vorauszahlung", zeitraum=first))
    for zeitraum in wanted:
        out.append(RechnungEingabe(art=regular_kind(d, zeitraum), zeitraum=zeitraum))
    return out


def with_engagement_times(d: Kundendatei, r: RechnungEingabe) -> RechnungEingabe:
    """``r`` with the engagement's time entries of its month (``abrechnung.zeiten`` and
    ``abrechnung.zeiten_csv``) unless it has its own, or bills no hours."""
    a = d.abrechnung
    if r.art == "vorauszahlung" or d.verguetung.art != "stunden" or r.zeiten or r.zeiten_csv:
        return r
    if not a.zeiten and a.zeiten_csv is None:
        return r
    days = covered(d.auftrag, r.zeitraum)  # entries outside the engagement are not billed
    return r.model_copy(
        update={
            "zeiten": [z for z in a.zeiten if days and days[0] <= z.datum <= days[1]],
            "zeiten_csv": a.zeiten_csv,
            "zeiten_kunde": r.zeiten_kunde or a.zeiten_kunde,
            "zeiten_projekt": r.zeiten_projekt or a.zeiten_projekt,
        }
    )


def merged(d: Kundendatei, today: date, period: str | None = None) -> tuple[Kundendatei, int]:
    """The listed entries (with the engagement's times) followed by the derived ones not
    listed (:func:`derived`); returns the client file with that list and the number of
    listed entries."""
    listed = [with_engagement_times(d, r) for r in d.rechnungen]
    keys = {_key(r) for r in d.rechnungen}
    extra = [with_engagement_times(d, r) for r in derived(d, today, period) if _key(r) not in keys]
    return d.model_copy(update={"rechnungen": [*listed, *extra]}), len(listed)


def settled(d: Kundendatei, listed: int) -> tuple[Kundendatei, list[Skip]]:
    """Drop what is not issued (times already imported): suspended entries, derived hourly
    months without hours, derived package months with extra hours not agreed."""
    keep, skips = [], []
    for i, r in enumerate(d.rechnungen):
        reason = r.ausgesetzt or (_not_billable(d, r) if i >= listed else "")
        if reason:
            skips.append(Skip(r.art, r.zeitraum, reason))
        else:
            keep.append(r)
    return d.model_copy(update={"rechnungen": keep}), skips


def _not_billable(d: Kundendatei, r: RechnungEingabe) -> str:
    v = d.verguetung
    if r.art == "vorauszahlung" or v.art != "stunden":
        return ""
    if not r.zeiten and not r.positionen:
        return _("no hours recorded for {zeitraum}").format(zeitraum=r.zeitraum)
    hours = hours_of(
        sum(round_up_minutes(minutes_of(z.dauer), v.taktung_minuten) for z in r.zeiten)
    )
    limit = contingent(d, r.zeitraum)
    if limit is not None and hours > limit and not r.mehrstunden_vereinbart:
        return _(
            "{hours} h recorded, {over} h above the contingent of {limit} h, not agreed: list "
            "the month in rechnungen: with mehrstunden_vereinbart: true, or bill the contingent only"
        ).format(hours=zahl(hours), over=zahl(hours - limit), limit=zahl(limit))
    return ""


def _key(r: RechnungEingabe) -> tuple[str, str]:
    return ("regular" if r.art in REGULAR else r.art, r.zeitraum)


def why_nothing(d: Kundendatei, skips: list[Skip], zeitraum: str, today: date) -> str:
    """Why no invoice of month ``zeitraum`` is due on ``today`` (a message for the user)."""
    for s in skips:
        if s.zeitraum == zeitraum:
            return s.grund
    days = covered(d.auftrag, zeitraum)
    if days is None:
        return _("the engagement has no day in {zeitraum}").format(zeitraum=zeitraum)
    if today < days[1]:
        return _("{zeitraum} has not ended (invoiced on or after {day:%d.%m.%Y})").format(
            zeitraum=zeitraum, day=days[1]
        )
    return _("no invoice for {zeitraum}").format(zeitraum=zeitraum)


def redundant(d: Kundendatei) -> list[int]:
    """Indexes of ``rechnungen:`` entries that say nothing the engagement does not imply
    (kind and month only — time fields aside, which may come from ``abrechnung``; the caller
    checks the file's own keys —, the kind derived for a month of the engagement)."""
    out = []
    first = month_of(d.auftrag.beginn)
    for i, r in enumerate(d.rechnungen):
        if r.model_dump(exclude_defaults=True).keys() - TIME_FIELDS != {"art", "zeitraum"}:
            continue
        if covered(d.auftrag, r.zeitraum) is None:
            continue
        if r.art == "vorauszahlung":
            implied = advance_due(d) and r.zeitraum == first
        else:
            implied = r.art == ("schluss" if advance_due(d) and r.zeitraum == first else "monat")
            a = d.abrechnung  # hourly: implied once the engagement holds the times
            by_times = bool(a.zeiten) or a.zeiten_csv is not None
            implied = implied and (d.verguetung.art == "pauschal" or by_times)
        if implied:
            out.append(i)
    return out
