"""DOCX → PDF through a warm LibreOffice over UNO: one session, failures, hangs, no leftovers.

These tests need LibreOffice and Debian's python3-uno and fail without them.
Hangs and crashes of the helper itself are simulated by small fake helpers, so
they cost seconds, not LibreOffice starts.
"""

from __future__ import annotations

import os
import signal
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest
from pypdf import PdfReader

from tests.pdf.test_convert import FONTS, make_docx, pdffonts, pdftotext, wait_until_gone
from vadocs.errors import ConverterError, ConverterMissingError
from vadocs.pdf.converter import ENV_CONVERTER, Converter, make_converter
from vadocs.pdf.oneshot import PdfConverter, find_soffice
from vadocs.pdf.uno import UnoConverter, uno_available

GERMAN = "Müller & Söhne „Zitat“ 1.234,56 €"

# A stand-in for the UNO helper. MODE: silent (never ready), stuck (ready, never
# answers), crash (ready, dies on the first file). It starts a fake "soffice" in a
# session of its own, as the real helper does, and a child in its own group.
FAKE_HELPER = """
import json, subprocess, sys, time
mode, starts = sys.argv[1], sys.argv[2]
profile = sys.argv[sys.argv.index("--profile") + 1]
with open(starts, "a") as f:
    f.write("start\\n")
sleeper = [sys.executable, "-c", "import time; time.sleep(60)", profile]
subprocess.Popen(sleeper, start_new_session=True)
subprocess.Popen(sleeper)
if mode != "silent":
    print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    if mode == "crash":
        sys.exit(3)
time.sleep(60)
"""


def processes_naming(marker: Path) -> list[int]:
    """Live processes whose command line contains ``marker`` (zombies have none)."""
    needle = str(marker).encode()
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if needle in (entry / "cmdline").read_bytes() and int(entry.name) != os.getpid():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def survivors(marker: Path, seconds: float = 3.0) -> list[int]:
    """Processes still naming ``marker`` once killed ones had time to finish dying."""
    deadline = time.monotonic() + seconds
    while (alive := processes_naming(marker)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive


def workdir(converter: UnoConverter) -> Path:
    return converter._session.workdir


def soffice_pid(converter: UnoConverter) -> int:
    """The process group of the converter's soffice, once its helper is ready."""
    worker = converter._session.worker
    assert worker is not None and not worker.wait_ready(converter.timeout).error
    assert worker.soffice_pid is not None
    return worker.soffice_pid


def make_corrupt_docx(path: Path) -> Path:
    """A valid ZIP with the names of a DOCX and garbage inside."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<<< not xml")
        archive.writestr("word/document.xml", b"\x00\x01garbage\xff")
    return path


@pytest.fixture(scope="module")
def soffice() -> str:
    found = find_soffice()
    assert found, "LibreOffice (soffice) is required for these tests"
    assert uno_available(), "python3-uno is required: sudo apt-get install python3-uno"
    return found


@pytest.fixture(scope="module")
def converter(soffice: str) -> Iterator[UnoConverter]:
    with UnoConverter(soffice, timeout=60) as conv:
        conv.start()
        yield conv


def test_three_documents_in_one_warm_session(converter: UnoConverter, tmp_path: Path) -> None:
    inputs = [
        make_docx(tmp_path / "in" / "Auftragsbestätigung Müller.docx", f"Auftrag: {GERMAN}"),
        make_docx(tmp_path / "in" / "avv.docx", f"AVV: {GERMAN}"),
        make_docx(tmp_path / "in" / "sub" / "rechnung-2026-001.docx", f"Rechnung: {GERMAN}"),
    ]
    soffice_before = soffice_pid(converter)
    results = converter.convert(inputs, tmp_path / "out")
    assert list(results) == inputs
    for source, pdf in results.items():
        assert pdf == tmp_path / "out" / f"{source.stem}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF-")
        assert GERMAN in pdftotext(pdf)
    assert soffice_pid(converter) == soffice_before, "no restart between documents"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        p.name for p in results.values()
    ), "no staging folder or stray file is left in out_dir"


def test_pdfa_declares_part_3_and_embeds_fonts(converter: UnoConverter, tmp_path: Path) -> None:
    source = make_docx(tmp_path / "archiv.docx", GERMAN, fonts=FONTS)
    pdf = converter.convert([source], tmp_path / "out", pdfa=True)[source]
    xmp = PdfReader(pdf).xmp_metadata
    assert xmp is not None
    assert (xmp.pdfaid_part, xmp.pdfaid_conformance) == ("3", "B")
    rows = pdffonts(pdf)
    assert len(rows) >= 3 and all(row["emb"] == "yes" for row in rows), rows
    assert GERMAN in pdftotext(pdf)


def test_plain_pdf_is_not_pdfa(converter: UnoConverter, tmp_path: Path) -> None:
    source = make_docx(tmp_path / "brief.docx", GERMAN)
    pdf = converter.convert([source], tmp_path / "out")[source]
    xmp = PdfReader(pdf).xmp_metadata
    assert xmp is None or xmp.pdfaid_part is None


def test_corrupt_docx_is_named_and_the_converter_goes_on(
    converter: UnoConverter, tmp_path: Path
) -> None:
    good = make_docx(tmp_path / "good.docx", GERMAN)
    corrupt = make_corrupt_docx(tmp_path / "kaputt.docx")
    out = tmp_path / "out"
    soffice_before = soffice_pid(converter)
    with pytest.raises(ConverterError) as caught:
        converter.convert([good, corrupt], out)
    headline = caught.value.message.splitlines()[0]
    assert str(corrupt) in headline and str(good) not in headline
    assert "could not load" in caught.value.message
    assert caught.value.hint
    assert list(out.iterdir()) == [], "all or nothing"

    assert GERMAN in pdftotext(converter.convert([good], out)[good])
    assert soffice_pid(converter) == soffice_before, "a bad file does not cost a restart"


def test_same_text_as_the_batch_cli(converter: UnoConverter, soffice: str, tmp_path: Path) -> None:
    source = make_docx(tmp_path / "gleich.docx", f"Rechnung: {GERMAN}", "Zeile zwei", fonts=FONTS)
    uno_pdf = converter.convert([source], tmp_path / "uno", pdfa=True)[source]
    with PdfConverter(soffice) as cli:
        cli_pdf = cli.convert([source], tmp_path / "cli", pdfa=True)[source]
    assert pdftotext(uno_pdf) == pdftotext(cli_pdf)

    def base_fonts(pdf: Path) -> list[str]:
        return sorted(row["name"].split("+")[-1] for row in pdffonts(pdf))

    assert base_fonts(uno_pdf) == base_fonts(cli_pdf)


@pytest.fixture(scope="module")
def fragile(soffice: str) -> Iterator[UnoConverter]:
    """A converter whose LibreOffice the tests crash and freeze."""
    with UnoConverter(soffice, timeout=5) as conv:
        yield conv


def test_crashed_soffice_is_restarted(fragile: UnoConverter, tmp_path: Path) -> None:
    first = make_docx(tmp_path / "a.docx", GERMAN)
    fragile.convert([first], tmp_path / "out")
    crashed = soffice_pid(fragile)
    os.killpg(crashed, signal.SIGKILL)
    second = make_docx(tmp_path / "b.docx", GERMAN)
    assert GERMAN in pdftotext(fragile.convert([second], tmp_path / "out")[second])
    assert soffice_pid(fragile) != crashed


def test_hung_soffice_is_killed_and_restarted(fragile: UnoConverter, tmp_path: Path) -> None:
    source = make_docx(tmp_path / "a.docx", GERMAN)
    fragile.convert([source], tmp_path / "out")
    frozen = soffice_pid(fragile)
    os.killpg(frozen, signal.SIGSTOP)
    started = time.monotonic()
    pdf = fragile.convert([source], tmp_path / "out")[source]
    assert time.monotonic() - started < 5 + 15
    assert GERMAN in pdftotext(pdf)
    assert wait_until_gone(frozen) == [], "the frozen soffice was killed"


@pytest.mark.parametrize(
    ("mode", "reason"),
    [
        ("silent", "did not start within 2 s"),
        ("stuck", "did not finish within 2 s"),
        ("crash", "crashed"),
    ],
)
def test_failing_helper_is_killed_restarted_once_and_reported(
    soffice: str, tmp_path: Path, mode: str, reason: str
) -> None:
    script, starts = tmp_path / "fake_helper.py", tmp_path / "starts"
    script.write_text(FAKE_HELPER)
    sources = [make_docx(tmp_path / f"{name}.docx", "x") for name in ("eins", "zwei")]
    started = time.monotonic()
    with UnoConverter(
        soffice, timeout=2, worker=[sys.executable, str(script), mode, str(starts)]
    ) as conv:
        with pytest.raises(ConverterError) as caught:
            conv.convert(sources, tmp_path / "out")
        private = workdir(conv)
        assert survivors(private) == [], "helper, fake soffice and child are gone"
    assert time.monotonic() - started < 10
    headline = caught.value.message.splitlines()[0]
    assert all(str(s) in headline for s in sources)
    assert reason in caught.value.message
    assert len(starts.read_text().splitlines()) == 2, "restarted exactly once"
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, SystemExit])
def test_interrupt_after_start_leaves_no_soffice(
    soffice: str, interruption: type[BaseException]
) -> None:
    with pytest.raises(interruption), UnoConverter(soffice) as conv:
        conv.start()
        private = workdir(conv)
        deadline = time.monotonic() + 10
        while (running := len(processes_naming(private))) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert running >= 3, "helper, oosplash and soffice.bin were up"
        raise interruption()
    assert survivors(private) == []
    assert not private.exists(), "the private profile is removed"


def test_interrupt_during_convert_leaves_nothing(soffice: str, tmp_path: Path) -> None:
    sources = [make_docx(tmp_path / f"d{i}.docx", GERMAN) for i in range(20)]

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt  # what Ctrl-C does, and the CLI's SIGTERM handler

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 1.5)
    try:
        with UnoConverter(soffice) as conv, pytest.raises(KeyboardInterrupt):
            private = workdir(conv)
            conv.convert(sources, tmp_path / "out")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert survivors(private) == []
    assert list((tmp_path / "out").iterdir()) == [], "no PDF, no staging folder"


def test_close_lets_libreoffice_quit_by_itself(soffice: str, tmp_path: Path) -> None:
    # Only a soffice that quits removes its sockets and temporary files from /tmp.
    source = make_docx(tmp_path / "a.docx", GERMAN)
    with UnoConverter(soffice) as conv:
        conv.convert([source], tmp_path / "out")
        helper = conv._session.worker
        assert helper is not None
    assert helper.proc.returncode == 0, "the helper ended on its own, not by SIGKILL"
    assert survivors(workdir(conv)) == []


def test_closed_converter_refuses_work_and_close_is_idempotent(soffice: str) -> None:
    conv = UnoConverter(soffice)
    conv.close()
    conv.close()
    with pytest.raises(RuntimeError, match="after close"):
        conv.start()


def test_uno_available_only_where_uno_imports(tmp_path: Path) -> None:
    assert uno_available(sys.executable) is False, "a venv Python has no uno"
    assert uno_available(str(tmp_path / "no-python")) is False


def test_make_converter_chooses_uno_unless_told_otherwise(
    soffice: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def made(setting: str) -> type[Converter]:
        monkeypatch.setenv(ENV_CONVERTER, setting)
        converter: Converter = make_converter(soffice, timeout=30)
        converter.close()
        return type(converter)

    assert made("") is UnoConverter
    assert made("uno") is UnoConverter
    assert made("cli") is PdfConverter
    with pytest.raises(ConverterError, match="not a converter"):
        made("fast")
    monkeypatch.setattr("vadocs.pdf.converter.uno_available", lambda python="": False)
    assert made("auto") is PdfConverter
    with pytest.raises(ConverterMissingError, match="cannot import uno"):
        made("uno")


def test_measure_warm_uno_against_the_batch_cli(soffice: str, tmp_path: Path) -> None:
    """Cost per document for 20 small documents; run with -s to see the figures."""
    sources = [make_docx(tmp_path / f"doc{i:02d}.docx", f"{i}: {GERMAN}") for i in range(20)]
    with UnoConverter(soffice) as uno:
        started = time.monotonic()
        uno.start()
        soffice_pid(uno)  # waits until LibreOffice listens
        uno_start = time.monotonic() - started
        started = time.monotonic()
        uno.convert(sources, tmp_path / "uno", pdfa=True)
        uno_total = time.monotonic() - started
    with PdfConverter(soffice) as cli:
        started = time.monotonic()
        cli.convert(sources, tmp_path / "cli", pdfa=True)
        cli_total = time.monotonic() - started
    per_uno, per_cli = uno_total / len(sources), cli_total / len(sources)
    print(
        f"\n20 documents, PDF/A: UNO start {uno_start:.2f} s, then {per_uno:.3f} s/doc"
        f" ({uno_total:.2f} s); batch CLI {per_cli:.3f} s/doc incl. its start ({cli_total:.2f} s);"
        f" UNO incl. start {(uno_start + uno_total) / len(sources):.3f} s/doc"
    )
    # No timing race here, only a sanity bound: a LibreOffice start per file costs ≥ 1 s.
    assert per_uno < 0.5, f"{per_uno:.2f} s per document: is LibreOffice restarted per file?"
