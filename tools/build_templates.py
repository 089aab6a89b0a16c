"""Generate the first version of the Word templates in templates_de/.

    python tools/build_templates.py [NAME ...]

The .docx files are the source the assistant edits afterwards in Word or LibreOffice;
re-running this script overwrites them, so do it only to start over from scratch.
Each document's text lives in tools/templates/<name>.py (a ``build()`` function).
"""

from __future__ import annotations

import importlib
import io
import sys
from pathlib import Path

from vadocs.output import stable_docx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "templates"))

DOCUMENTS = (
    "auftragsbestaetigung",
    "verschwiegenheitsvereinbarung",
    "auftragsverarbeitungsvertrag",
    "rechnung",
    "mahnung",
)


def main(names: list[str]) -> None:
    target = HERE.parent / "templates_de"
    for name in names or DOCUMENTS:
        module = importlib.import_module(name)
        buffer = io.BytesIO()
        module.build().save(buffer)
        (target / f"{name}.docx").write_bytes(stable_docx(buffer.getvalue()))
        print(f"wrote templates_de/{name}.docx")


if __name__ == "__main__":
    main(sys.argv[1:])
