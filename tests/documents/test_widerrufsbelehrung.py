"""R-AB-10: the Widerrufsbelehrung of the order confirmation is the statutory model, word for
word (Anlage 1 zu Art. 246a § 1 Abs. 2 Satz 2 EGBGB, for services: Gestaltungshinweise 1 a,
2, 6). Only the placeholder [2] (name, address, telephone, e-mail) is filled in."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from vadocs.documents.text import template_text

# The statutory text (amtliches Werk, § 5 UrhG), services variant.
MODEL = """Widerrufsbelehrung
Widerrufsrecht
Sie haben das Recht, binnen vierzehn Tagen ohne Angabe von Gründen diesen Vertrag zu widerrufen.
Die Widerrufsfrist beträgt vierzehn Tage ab dem Tag des Vertragsabschlusses.
Um Ihr Widerrufsrecht auszuüben, müssen Sie uns ([2]) mittels einer eindeutigen Erklärung
(z. B. ein mit der Post versandter Brief oder E-Mail) über Ihren Entschluss, diesen Vertrag zu
widerrufen, informieren. Sie können dafür das beigefügte Muster-Widerrufsformular verwenden,
das jedoch nicht vorgeschrieben ist.
Zur Wahrung der Widerrufsfrist reicht es aus, dass Sie die Mitteilung über die Ausübung des
Widerrufsrechts vor Ablauf der Widerrufsfrist absenden.
Folgen des Widerrufs
Wenn Sie diesen Vertrag widerrufen, haben wir Ihnen alle Zahlungen, die wir von Ihnen erhalten
haben, einschließlich der Lieferkosten (mit Ausnahme der zusätzlichen Kosten, die sich daraus
ergeben, dass Sie eine andere Art der Lieferung als die von uns angebotene, günstigste
Standardlieferung gewählt haben), unverzüglich und spätestens binnen vierzehn Tagen ab dem Tag
zurückzuzahlen, an dem die Mitteilung über Ihren Widerruf dieses Vertrags bei uns eingegangen
ist. Für diese Rückzahlung verwenden wir dasselbe Zahlungsmittel, das Sie bei der ursprünglichen
Transaktion eingesetzt haben, es sei denn, mit Ihnen wurde ausdrücklich etwas anderes vereinbart;
in keinem Fall werden Ihnen wegen dieser Rückzahlung Entgelte berechnet.
Haben Sie verlangt, dass die Dienstleistungen während der Widerrufsfrist beginnen soll, so haben
Sie uns einen angemessenen Betrag zu zahlen, der dem Anteil der bis zu dem Zeitpunkt, zu dem Sie
uns von der Ausübung des Widerrufsrechts hinsichtlich dieses Vertrags unterrichten, bereits
erbrachten Dienstleistungen im Vergleich zum Gesamtumfang der im Vertrag vorgesehenen
Dienstleistungen entspricht."""


def _words(text: str) -> list[str]:
    return text.replace("\u00a0", " ").split()


def test_widerrufsbelehrung_is_the_model_word_for_word() -> None:
    text = template_text(ROOT / "vadocs" / "templates_de" / "auftragsbestaetigung.docx")
    (box,) = [line for line in text.splitlines() if line.startswith("| Widerrufsbelehrung ¶")]
    box = box.strip("| ").replace(" ¶ ", "\n")
    filled = re.sub(
        r"uns \(\{\{ profil\.name \}\}.*?E-Mail: \{\{ profil\.kontakt\.email \}\}\)",
        "uns ([2])",
        box,
    )
    assert "{{" not in filled, "only placeholder [2] may be filled in"
    words = _words(filled)
    assert words[-3:] == ["Ende", "der", "Widerrufsbelehrung"]
    body = words[:-3]
    model = _words(MODEL)
    for i, (got, want) in enumerate(zip(body, model, strict=False)):
        assert got == want, (
            f"word {i}: {got!r} instead of {want!r} ({' '.join(model[max(0, i - 6) : i + 3])})"
        )
    assert len(body) == len(model)


def test_placeholder_two_gives_telephone_and_e_mail() -> None:
    text = template_text(ROOT / "vadocs" / "templates_de" / "auftragsbestaetigung.docx")
    (box,) = [line for line in text.splitlines() if line.startswith("| Widerrufsbelehrung ¶")]
    contact = re.search(r"uns \((\{\{ profil\.name \}\}.*?)\) mittels", box)
    assert (
        contact
        and "profil.kontakt.telefon" in contact.group(1)
        and "profil.kontakt.email" in contact.group(1)
    )
