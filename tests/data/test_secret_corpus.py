"""The credentials guard in both directions: links VAs paste pass, real secrets are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from vadocs.data.loading import refuse_secrets
from vadocs.data.secrets import secret_in
from vadocs.data.yaml_source import load
from vadocs.errors import ProblemsError

LINKS = [
    "https://www.beispiel-gmbh.example/Aktion2026/Weihnachten",
    "https://docs.google.com/document/d/1Xk9mQ2vL7pR4wT8aB3dE5fG7hI9jK1lM3nO5pQ7rS9t/edit?usp=sharing",
    "https://docs.google.com/spreadsheets/d/1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms/edit#gid=0",
    "https://docs.google.com/presentation/d/1aB2cD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3yZ4/edit",
    "https://drive.google.com/drive/folders/1a2B3c4D5e6F7g8H9i0J-kLmNoPqRsTuV?usp=drive_link",
    "https://drive.google.com/file/d/1Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz/view?usp=sharing",
    "https://forms.gle/Xk9mQ2vL7pR4wT8a6",
    "https://calendar.google.com/calendar/u/0?cid=bXVlbGxlckBleGFtcGxlLmRl",
    "https://mueller.sharepoint.com/:w:/s/Buero/EaB3dE5fG7hI9jK1lM3nO5pQBx7rS9tU1vW3xY5zA?e=Xk9mQ2",
    "https://mueller.sharepoint.com/sites/Buero/Freigegebene%20Dokumente/Forms/AllItems.aspx",
    "https://mueller-my.sharepoint.com/:x:/g/personal/s_mueller_mueller_de/EQ7rS9tU1vW3xY5zAaB3dE?e=4fG7hI",
    "https://onedrive.live.com/edit.aspx?resid=A1B2C3D4E5F6G7H8%21123&authkey=!AbC9dEf2GhI",
    "https://1drv.ms/w/s!Ak9mQ2vL7pR4gQ8aB3dE5fG7hI9j?e=Xk9mQ2",
    "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzE4ZjU2YTgtYjM2Ny00ZDc2@thread.v2/0",
    "https://trello.com/b/Xk9mQ2vL/mueller-haustechnik-buero",
    "https://trello.com/c/aB3dE5fG/42-angebotsvorlagen-ueberarbeiten",
    "https://trello.com/invite/b/Xk9mQ2vL/ATTI5f2e8c1d9b7a6e4f3c2b1a0d9e8f7c6b/mueller-buero",
    "https://www.notion.so/mueller/Wochenplanung-KW49-0123456789abcdef0123456789abcdef",
    "https://www.notion.so/8f3a1c2b4d5e6f708192a3b4c5d6e7f8?v=1a2b3c4d5e6f708192a3b4c5d6e7f809",
    "https://mueller.notion.site/Onboarding-Assistenz-5f2e8c1d9b7a6e4f3c2b1a0d9e8f7c6b",
    "https://www.dropbox.com/scl/fi/x9k2m4q7v1l3p5r8w0t6a/Belege-Dezember.pdf?rlkey=ab3de5fg7hi9jk1lm3no5pq7r&dl=0",
    "https://www.dropbox.com/sh/a1b2c3d4e5f6g7h/AAB3dE5fG7hI9jK1lM3nO5pQa?dl=0",
    "https://www.dropbox.com/s/k9m2q7v1l3p5r8w/Rechnungen_2026.xlsx?dl=1",
    "https://app.asana.com/0/1204567890123456/1204567890987654/f",
    "https://app.clickup.com/t/86bx3k9m2",
    "https://app.clickup.com/9012345678/v/li/901234567890",
    "https://mueller.monday.com/boards/1234567890/pulses/9876543210",
    "https://airtable.com/appXk9mQ2vL7pR4wT/tblAb3dE5fG7hI9jK/viwLm3nO5pQ7rS9tU?blocks=hide",
    "https://miro.com/app/board/uXjVNk9mQ2v=/?share_link_id=123456789012",
    "https://www.canva.com/design/DAFk9mQ2vL7/aB3dE5fG7hI9jK1lM3nO5p/edit",
    "https://www.figma.com/file/Xk9mQ2vL7pR4wT8aB3dE5f/Flyer-Weihnachten?node-id=0%3A1",
    "https://calendly.com/anna-schmidt-va/30min?month=2026-12",
    "https://zoom.us/j/98765432109?pwd-hint=keiner",
    "https://us06web.zoom.us/j/87654321098",
    "https://meet.google.com/abc-defg-hij",
    "https://mueller.slack.com/archives/C04K9MQ2VL7/p1701234567890123",
    "https://app.hubspot.com/contacts/24567890/record/0-1/51234567890",
    "https://mueller.lexoffice.de/#/vouchers/view/8f3a1c2b-4d5e-6f70-8192-a3b4c5d6e7f8",
    "https://app.sevdesk.de/#/ex/detail/id/98765432",
    "https://mueller.atlassian.net/wiki/spaces/BUERO/pages/123456789/Ablaeufe",
    "https://mueller.atlassian.net/browse/BUERO-42",
    "https://github.com/anna-schmidt/vorlagen/blob/main/rechnung.docx",
    "https://mailchi.mp/beispiel-gmbh/weihnachtsaktion-2026?e=a1b2c3d4e5",
    "https://us21.admin.mailchimp.com/campaigns/edit?id=12345678",
    "https://www.linkedin.com/in/sabine-mueller-8a7b6c5d4/",
    "https://www.instagram.com/p/C0k9mQ2vL7p/",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s",
    "https://youtu.be/Xk9mQ2vL7pR",
    "https://bit.ly/3Xk9mQ2",
    "https://tally.so/r/wk9mQ2",
    "https://wetransfer.com/downloads/8f3a1c2b4d5e6f708192a3b4c5d6e7f820261201/a1b2c3",
    "https://mueller.typeform.com/to/Xk9mQ2vL",
    "www.beispiel-gmbh.example/angebote/2026",
    "https://maps.app.goo.gl/Xk9mQ2vL7pR4wT8a9",
    "https://www.paypal.com/invoice/p/#INV2-K9MQ-2VL7-PR4W-T8AB",
    "sftp://upload.beispiel-gmbh.example/eingang/2026-12/",
]

SECRETS = [
    "Passwort: Sommer2026!",
    "Login Postfach info@beispiel.de, Passwort: Schulz_1987",
    "Kennwort = Hx7#kL9$mQ",
    "password: hunter2hunter2",
    "PW: Gartenzwerg!42",
    "pwd=Tr0ub4dor&3",
    "PIN 4711",
    "Karten-PIN: 8362",
    "TAN: 482913",
    "Bank-TAN 739105 liegt bereit",
    "api_key: 9f8e7d6c5b4a39281706f5e4d3c2b1a0",
    "Trello token = 9f8e7d6c5b4a39281706f5e4d3c2b1a0",
    "secret=Zq4xW9pL2mN7vB3c",
    "ghp_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5",
    "sk-proj4Xk9mQ2vL7pR4wT8aB3dE5fG7hI9",
    "xoxb-1234567890-0987654321-Xk9mQ2vL7pR4wT8aB3dE5f",
    "AKIAIOSFODNN7EXAMPLE",
    "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA",
    "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk=",
    "Zugang zum CRM mit Xk9#mQ2$vL7!pR4@wT8 einrichten",
    "https://anna:Geheim2026!@ftp.beispiel-gmbh.example/eingang",
    "https://api.beispiel.example/v1/export?access_token=Xk9mQ2vL7pR4wT8aB3dE",
    "https://shop.beispiel.example/admin?password=Sommer2026",
    "Passwort lautet Sommer2026!",
    "Das Passwort ist Sommer2026!",
    "TAN-Liste: 123456, 654321",
    "TANs: 123456 654321",
]

NOT_SECRETS = [
    "Das Passwort ist im Tresor „Müller“ in 1Password",
    "Passwort ist in 1Password hinterlegt",
    "TAN-Verfahren mit der Bank klären",
    "Passwörter nur über den Passwortmanager teilen",
]


@pytest.mark.parametrize("link", LINKS)
def test_an_ordinary_link_is_never_a_secret(link: str) -> None:
    assert secret_in(link) == ""
    assert secret_in(f"Aufgabenliste im Board pflegen: {link} (wöchentlich)") == ""


@pytest.mark.parametrize("text", NOT_SECRETS)
def test_saying_where_a_password_is_kept_is_no_secret(text: str) -> None:
    assert secret_in(text) == ""


@pytest.mark.parametrize("secret", SECRETS)
def test_a_real_secret_is_refused(secret: str) -> None:
    assert secret_in(secret) != ""


def test_the_corpus_is_large_enough() -> None:
    assert len(set(LINKS)) >= 50 and len(set(SECRETS)) >= 20


def test_a_client_with_links_in_tasks_gets_through(tmp_path: Path) -> None:
    client = (EXAMPLES / "umsatzsteuer" / "kunden" / "mueller-gmbh.yaml").read_text("utf-8")
    old = "Dringendes kündigt sie telefonisch an."
    assert old in client
    tasks = "\n".join(f"    - 'Ablage: {link}'" for link in LINKS)
    path = tmp_path / "kunde.yaml"
    path.write_text(client.replace(f"    - {old}", tasks), encoding="utf-8")
    refuse_secrets(load(path))
    path.write_text(client.replace(old, "'Zugang: Passwort: Sommer2026!'"), encoding="utf-8")
    with pytest.raises(ProblemsError):
        refuse_secrets(load(path))
