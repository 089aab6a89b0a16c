"""Client files are not a password store: credentials are refused with a pointer to the manager."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from vadocs.data.loading import refuse_secrets
from vadocs.data.yaml_source import load
from vadocs.errors import ProblemsError

CLIENT = (EXAMPLES / "umsatzsteuer" / "kunden" / "mueller-gmbh.yaml").read_text(encoding="utf-8")

CASES = {
    "password-key": ("  ansprache: sie\n", "  ansprache: sie\n  passwort: Sommer2026!\n"),
    "english-password-key": ("  ansprache: sie\n", "  ansprache: sie\n  password: x\n"),
    "api-key": ("  ansprache: sie\n", "  ansprache: sie\n  api_key: abc\n"),
    "pin-key": ("  ansprache: sie\n", "  ansprache: sie\n  pin: 1234\n"),
    "password-in-text": (
        "Dringendes kündigt sie telefonisch an.",
        "'Login für das Postfach info@x.de, Passwort: Sommer2026!'",
    ),
    "tan-in-text": ("Dringendes kündigt sie telefonisch an.", "Bank-TAN 482913 liegt bereit"),
    "token-in-text": (
        "Dringendes kündigt sie telefonisch an.",
        "Trello token = 9f8e7d6c5b4a39281706f5e4d3c2b1a0",
    ),
    "private-key": (
        "Dringendes kündigt sie telefonisch an.",
        '"-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXk="',
    ),
    "random-string": (
        "Dringendes kündigt sie telefonisch an.",
        "Zugang zum CRM mit Xk9#mQ2$vL7!pR4@wT8 einrichten",
    ),
    "github-token": (
        "Dringendes kündigt sie telefonisch an.",
        "ghp_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5",
    ),
}


@pytest.mark.parametrize(("old", "new"), CASES.values(), ids=CASES.keys())
def test_credentials_are_refused(tmp_path: Path, old: str, new: str) -> None:
    assert old in CLIENT
    path = tmp_path / "kunde.yaml"
    path.write_text(CLIENT.replace(old, new), encoding="utf-8")
    with pytest.raises(ProblemsError) as caught:
        refuse_secrets(load(path))
    (problem,) = caught.value.problems
    assert problem.rule == "secret"
    assert "1Password" in problem.hint and "LastPass" in problem.hint
    assert problem.line is not None


def test_ordinary_files_pass() -> None:
    for file in sorted(EXAMPLES.glob("*/kunden/*.yaml")) + sorted(EXAMPLES.glob("*/vadocs.yaml")):
        refuse_secrets(load(file))


def test_pointing_to_the_password_manager_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "kunde.yaml"
    path.write_text(
        CLIENT.replace(
            "Dringendes kündigt sie telefonisch an.",
            "Zugangsdaten liegen im 1Password-Tresor „Müller“.",
        ),
        encoding="utf-8",
    )
    refuse_secrets(load(path))
