"""The GoBD Verfahrensdokumentation, generated from the business profile (review point R-RE-09).

Input: the profile and the day it is written; output: Markdown text in German describing how
invoices are numbered, issued, archived, corrected and backed up, and how long what is kept.
Sources: GoBD (BMF-Schreiben vom 28.11.2019, Rz. 151 ff. Verfahrensdokumentation); § 147 Abs. 1
und 3 AO and § 14b Abs. 1 UStG as amended by the Bürokratieentlastungsgesetz IV (Buchungsbelege
and invoices 8 years from 1 January 2025); § 257 HGB.
"""

from __future__ import annotations

from datetime import date

from vadocs import __version__
from vadocs.model.catalogue import Anbieter
from vadocs.model.profile import Geschaeftsprofil

MISSING = "_[bitte ergänzen]_"


def verfahrensdokumentation(p: Geschaeftsprofil, katalog: dict[str, Anbieter], on: date) -> str:
    """The document as Markdown; ``on`` is printed as its date (Stand)."""
    sections = [
        _head(p, on),
        _numbering(p),
        _issuing(p),
        _archive(),
        _corrections(),
        _backup(p, katalog),
        _retention(),
        _access(),
    ]
    return "\n\n".join(sections) + "\n"


def _head(p: Geschaeftsprofil, on: date) -> str:
    ids = ", ".join(
        x for x in (p.steuernummer and f"Steuernummer {p.steuernummer}",
                    p.ust_idnr and f"USt-IdNr. {p.ust_idnr}") if x
    )  # fmt: skip
    firma = f" ({p.firma})" if p.firma else ""
    return (
        f"# Verfahrensdokumentation Rechnungswesen\n\n"
        f"{p.name}{firma}, {p.anschrift.strasse}, {p.anschrift.plz} {p.anschrift.ort}; {ids}.\n"
        f"Stand: {on:%d.%m.%Y}. Erzeugt mit vadocs {__version__} aus vadocs.yaml; bei jeder Änderung "
        "des Verfahrens neu erzeugen und die alte Fassung aufbewahren.\n\n"
        "Diese Dokumentation beschreibt, wie Ausgangsrechnungen entstehen, nummeriert, "
        "archiviert, berichtigt und gesichert werden (GoBD Rz. 151 ff.)."
    )


def _numbering(p: Geschaeftsprofil) -> str:
    sample = p.rechnungsnummer.format(year=2026, seq=1)
    return (
        "## 1. Rechnungsnummern\n\n"
        f"- Muster: `{p.rechnungsnummer}` (Beispiel: {sample}); `{{year}}` ist das Jahr des "
        "Rechnungsdatums, `{seq}` eine fortlaufende Zahl.\n"
        "- Jede Nummer wird genau einmal vergeben, lückenlos und in der Reihenfolge der "
        "Rechnungsdaten (§ 14 Abs. 4 Satz 1 Nr. 4 UStG). Die Vergabe geschieht in einer "
        "Datenbanktransaktion im Rechnungsbuch `.vadocs/ledger.sqlite`; scheitert die Ausstellung, "
        "wird keine Nummer verbraucht.\n"
        "- Entwürfe (`--draft`, Aufdruck ENTWURF) erhalten keine Nummer."
    )


def _issuing(p: Geschaeftsprofil) -> str:
    status = ("Kleinunternehmerin nach § 19 UStG: keine Umsatzsteuer, Hinweis auf die "
              "Steuerbefreiung (§ 34a UStDV)") if p.kleinunternehmer else (
              f"Regelbesteuerung, Standardsatz {p.umsatzsteuersatz} %")  # fmt: skip
    return (
        "## 2. Ausstellung\n\n"
        "- Grundlage jeder Rechnung ist die Kundendatei `kunden/<kürzel>.yaml` (Vereinbarung, "
        "Zeiteinträge, Positionen); vadocs prüft sie vor der Ausstellung und stellt bei Fehlern "
        "nichts aus.\n"
        f"- Steuerlicher Status: {status}. Den Steuerfall je Kunde (Inland, EU-Unternehmen mit "
        "Steuerschuldnerschaft des Leistungsempfängers, Drittland) bestimmt vadocs aus Sitz und Art "
        "des Kunden.\n"
        "- Rechnungsdatum ist der Tag der Ausstellung; ein Datum in der Zukunft wird abgelehnt.\n"
        "- Unternehmen im Inland erhalten eine E-Rechnung nach EN 16931 (ZUGFeRD/Factur-X, auf "
        "Wunsch XRechnung); sie wird vor dem Versand gegen die Regeln geprüft.\n"
        "- Versand per E-Mail an den Kunden; der Versand selbst wird im E-Mail-Programm belegt."
    )


def _archive() -> str:
    return (
        "## 3. Archivierung\n\n"
        "- Jede ausgestellte Rechnung wird als PDF (bei E-Rechnungen PDF/A-3 mit eingebetteter "
        "XML-Datei) und als DOCX im Ordner `out/` abgelegt; das Rechnungsbuch speichert "
        "Rechnungsdaten und den SHA-256-Prüfwert jeder Datei.\n"
        "- Eine ausgestellte Rechnung wird nie neu erzeugt: ein erneuter Lauf liefert die "
        "archivierten Bytes. `vadocs invoices verify` rechnet alle Prüfwerte nach und meldet jede "
        "Abweichung (Unveränderbarkeit, GoBD Rz. 58 ff.).\n"
        "- Bei E-Rechnungen ist die XML-Datei das maßgebliche Original (§ 14 Abs. 1 UStG); sie wird "
        "in der Form aufbewahrt, in der sie versandt wurde."
    )


def _corrections() -> str:
    return (
        "## 4. Berichtigung und Storno\n\n"
        "- Ausgestellte Rechnungen werden nicht geändert. Eine fehlerhafte Rechnung wird mit "
        "`vadocs invoices cancel NUMMER --reason …` durch eine Stornorechnung mit eigener Nummer "
        "aufgehoben, die auf die ursprüngliche verweist; danach wird eine neue Rechnung ausgestellt.\n"
        "- Zahlungseingänge werden aus Kontoauszügen (camt, MT940) eingelesen und nur angefügt, nie "
        "überschrieben."
    )


def _backup(p: Geschaeftsprofil, katalog: dict[str, Anbieter]) -> str:
    where = [
        f"{katalog[d.name].name if d.name in katalog else d.name} ({d.zweck})"
        for d in p.eigene_dienste
        if any(w in d.zweck.lower() for w in ("sicherung", "speicher", "backup"))
    ]
    daily = p.tom is not None and p.tom.datensicherung_taeglich
    local = ("täglich automatisch und verschlüsselt auf ein getrenntes Laufwerk"
             if daily else MISSING)  # fmt: skip
    return (
        "## 5. Datensicherung\n\n"
        f"- Arbeitsdaten, Rechnungsbuch und Ordner `out/`: {local}.\n"
        f"- Zusätzlich: {', '.join(where) if where else MISSING}.\n"
        "- Das Rechnungsbuch wird mit `vadocs invoices backup` im laufenden Betrieb konsistent "
        "kopiert.\n"
        f"- Wiederherstellung getestet: "
        f"{'mindestens halbjährlich' if p.tom and p.tom.wiederherstellung_getestet else MISSING}."
    )


def _retention() -> str:
    return (
        "## 6. Aufbewahrungsfristen\n\n"
        "Die Frist beginnt mit dem Ende des Kalenderjahres, in dem die Unterlage entstanden ist "
        "(§ 147 Abs. 4 AO).\n\n"
        "| Unterlagen | Frist | Grundlage |\n|---|---|---|\n"
        "| Rechnungen (ausgestellte und erhaltene), Buchungsbelege | 8 Jahre | § 147 Abs. 1 Nr. 4, "
        "Abs. 3 AO; § 14b Abs. 1 UStG (seit 1.1.2025, BEG IV) |\n"
        "| Handels- und Geschäftsbriefe (z. B. Auftragsbestätigungen, Verträge, E-Mails dazu) | 6 "
        "Jahre | § 147 Abs. 1 Nr. 2, 3, Abs. 3 AO; § 257 HGB |\n"
        "| Bücher, Aufzeichnungen, Jahresabschlüsse, diese Verfahrensdokumentation | 10 Jahre | "
        "§ 147 Abs. 1 Nr. 1, Abs. 3 AO |"
    )


def _access() -> str:
    return (
        "## 7. Datenzugriff der Finanzverwaltung\n\n"
        "- Die Rechnungsliste lässt sich als CSV und als DATEV-Buchungsstapel ausgeben "
        "(`vadocs invoices export`); die PDF- und XML-Dateien liegen maschinell auswertbar vor "
        "(§ 147 Abs. 6 AO)."
    )
