"""DOCX → PDF through a real LibreOffice: batches, failures, timeouts, fonts, PDF/A.

These tests need LibreOffice and fail without it (CI installs it). Each soffice
start costs one to two seconds, so the real conversions run once per module.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import docx
import pytest
from pypdf import PdfReader

from vadocs.errors import ConverterError, ConverterMissingError
from vadocs.pdf.oneshot import PdfConverter, find_soffice, require_soffice

GERMAN = "Müller & Söhne <GmbH> „Zitat“ 1.234,56 €"
# Fonts a template might name; the PDF base-14 ones are the risky ones.
FONTS = ["Helvetica", "Times", "Courier", "Arial", "Times New Roman", "Symbol", "Calibri"]


def make_docx(path: Path, *paragraphs: str, fonts: list[str] | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    for font in fonts or []:
        document.add_paragraph().add_run(f"{font}: {GERMAN}").font.name = font
    document.save(str(path))
    return path


def pdftotext(pdf: Path) -> str:
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True)
    return result.stdout.decode()


def pdffonts(pdf: Path) -> list[dict[str, str]]:
    """Rows of ``pdffonts``, split by the column widths of its dashed header line."""
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    header, dashes, *rows = lines.splitlines()
    spans, start = [], 0
    for dash in dashes.split(" "):
        spans.append((start, start + len(dash)))
        start += len(dash) + 1
    names = [header[a:b].strip() for a, b in spans]
    return [{n: row[a:b].strip() for n, (a, b) in zip(names, spans, strict=True)} for row in rows]


def live_processes_in_group(pgid: int) -> list[int]:
    """Processes of a process group that are still running (zombies do not count)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, group = fields[0], int(fields[2])
        if group == pgid and state != "Z":
            found.append(int(entry.name))
    return found


def wait_until_gone(pgid: int, seconds: float = 3.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while (alive := live_processes_in_group(pgid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive


def write_script(path: Path, body: str) -> str:
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


@pytest.fixture(scope="module")
def soffice() -> str:
    found = find_soffice()
    assert found, "LibreOffice (soffice) is required for these tests"
    return found


@pytest.fixture(scope="module")
def converter(soffice: str) -> Iterator[PdfConverter]:
    with PdfConverter(soffice) as conv:
        yield conv


@dataclass
class Batch:
    inputs: list[Path]
    results: dict[Path, Path]
    out_dir: Path
    soffice_starts: int
    seconds: float


@pytest.fixture(scope="module")
def batch(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Batch]:
    """Three documents converted in one call, through a wrapper that counts soffice starts."""
    root = tmp_path_factory.mktemp("batch")
    counter = root / "starts.log"
    wrapper = write_script(root / "soffice", f'echo start >> "{counter}"\nexec "{soffice}" "$@"')
    inputs = [
        make_docx(root / "in" / "Auftragsbestätigung Müller.docx", f"Auftrag: {GERMAN}"),
        make_docx(root / "in" / "avv.docx", f"AVV: {GERMAN}"),
        make_docx(
            root / "in" / "sub" / "rechnung-2026-001.docx", f"Rechnung: {GERMAN}", fonts=FONTS
        ),
    ]
    with PdfConverter(wrapper) as conv:
        started = time.monotonic()
        results = conv.convert(inputs, root / "out")
        seconds = time.monotonic() - started
    starts = len(counter.read_text().splitlines())
    yield Batch(inputs, results, root / "out", starts, seconds)


def test_batch_converts_every_file_in_one_soffice_start(batch: Batch) -> None:
    assert batch.soffice_starts == 1
    assert list(batch.results) == batch.inputs
    for docx_file, pdf in batch.results.items():
        assert pdf == batch.out_dir / f"{docx_file.stem}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF-")
        assert GERMAN in pdftotext(pdf)
    assert sorted(p.name for p in batch.out_dir.iterdir()) == sorted(
        p.name for p in batch.results.values()
    ), "no staging folder or stray file is left in out_dir"


def test_fonts_are_embedded(batch: Batch) -> None:
    rows = pdffonts(batch.results[batch.inputs[2]])
    assert len(rows) >= 3
    assert all(row["emb"] == "yes" for row in rows), rows


def test_same_stem_in_different_folders(
    converter: PdfConverter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # relative paths, as a user types them
    first = make_docx(Path("a/brief.docx"), "Erster Brief")
    second = make_docx(Path("b/brief.docx"), "Zweiter Brief")
    with pytest.raises(ValueError, match=r"brief\.pdf"):
        converter.convert([first, second], Path("out"))

    Path("out_b").mkdir()
    Path("out_b/brief.pdf").write_bytes(b"%PDF- stale")
    results = converter.convert([first], Path("out_a"))
    results |= converter.convert([second], Path("out_b"))
    assert results == {first: Path("out_a/brief.pdf"), second: Path("out_b/brief.pdf")}
    assert "Erster Brief" in pdftotext(results[first])
    assert "Zweiter Brief" in pdftotext(results[second])


def test_converter_recovers_after_a_timeout(converter: PdfConverter, tmp_path: Path) -> None:
    source = make_docx(tmp_path / "a.docx", GERMAN)
    with PdfConverter(converter.soffice, timeout=0.2) as impatient:
        with pytest.raises(ConverterError, match="did not finish"):
            impatient.convert([source], tmp_path / "out")
        assert list((tmp_path / "out").iterdir()) == []
        impatient.timeout = 60
        assert GERMAN in pdftotext(impatient.convert([source], tmp_path / "out")[source])


def test_random_bytes_are_refused_by_name(converter: PdfConverter, tmp_path: Path) -> None:
    # LibreOffice would import many random byte strings as plain text and exit 0.
    corrupt = tmp_path / "x.docx"
    corrupt.write_bytes(os.urandom(4096))
    with pytest.raises(ConverterError, match=r"x\.docx"):
        converter.convert([corrupt], tmp_path / "out")


def test_unloadable_file_fails_although_soffice_exits_0(
    converter: PdfConverter, tmp_path: Path
) -> None:
    good = make_docx(tmp_path / "good.docx", GERMAN)
    broken = tmp_path / "broken.docx"
    shutil.make_archive(str(tmp_path / "broken"), "zip", root_dir=tmp_path, base_dir="good.docx")
    (tmp_path / "broken.zip").rename(broken)  # a ZIP, but no Word document inside
    out = tmp_path / "out"
    out.mkdir()
    (out / "broken.pdf").write_bytes(b"%PDF-1.4 left over from an earlier run")

    with pytest.raises(ConverterError) as caught:
        converter.convert([good, broken], out)
    headline = caught.value.message.splitlines()[0]
    assert str(broken) in headline and str(good) not in headline
    assert "source file could not be loaded" in caught.value.message, "soffice's own words"
    assert "exit code 0" in caught.value.message
    assert caught.value.hint
    assert sorted(p.name for p in out.iterdir()) == ["broken.pdf"], "all or nothing"


def test_hanging_soffice_is_killed_with_its_children(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    fake = write_script(tmp_path / "soffice", f'echo $$ > "{pid_file}"\nsleep 60\necho done')
    started = time.monotonic()
    with PdfConverter(fake, timeout=1) as conv, pytest.raises(ConverterError) as caught:
        conv.convert([make_docx(tmp_path / "slow.docx", "x")], tmp_path / "out")
    assert time.monotonic() - started < 5
    assert "1 s" in caught.value.message and "slow.docx" in caught.value.message
    assert wait_until_gone(int(pid_file.read_text())) == []


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, SystemExit])
def test_interrupt_kills_soffice_before_propagating(
    tmp_path: Path, interruption: type[BaseException]
) -> None:
    pid_file = tmp_path / "pid"
    fake = write_script(tmp_path / "soffice", f'echo $$ > "{pid_file}"\nsleep 60')

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise interruption()  # what Ctrl-C or a SIGTERM handler calling sys.exit does

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 0.5)
    try:
        with PdfConverter(fake, timeout=30) as conv, pytest.raises(interruption):
            conv.convert([make_docx(tmp_path / "a.docx", "x")], tmp_path / "out")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert wait_until_gone(int(pid_file.read_text())) == []


def test_unstartable_soffice_is_reported_as_missing(tmp_path: Path) -> None:
    with (
        PdfConverter(str(tmp_path / "no-soffice")) as conv,
        pytest.raises(ConverterMissingError, match="cannot start LibreOffice") as caught,
    ):
        conv.convert([make_docx(tmp_path / "a.docx", "x")], tmp_path / "out")
    assert "apt-get install libreoffice-writer-nogui" in caught.value.hint


def test_empty_batch_starts_nothing(tmp_path: Path) -> None:
    with PdfConverter(str(tmp_path / "no-soffice")) as conv:
        assert conv.convert([], tmp_path / "out") == {}


def test_profile_is_removed_on_close(tmp_path: Path) -> None:
    conv = PdfConverter("soffice")
    profile_root = conv._workdir
    assert profile_root.is_dir()
    conv.close()
    assert not profile_root.exists()


def test_find_soffice_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = write_script(tmp_path / "my-soffice", "exit 0")
    monkeypatch.setenv("VADOCS_SOFFICE", "")
    assert find_soffice() is None, "an empty VADOCS_SOFFICE means: no LibreOffice"
    assert find_soffice(fake) == fake, "a configured path wins"
    monkeypatch.setenv("VADOCS_SOFFICE", str(tmp_path / "missing"))
    assert find_soffice() is None
    monkeypatch.setenv("VADOCS_SOFFICE", fake)
    assert find_soffice() == fake
    assert find_soffice(str(tmp_path / "missing")) is None
    monkeypatch.delenv("VADOCS_SOFFICE")
    assert find_soffice() == (shutil.which("soffice") or shutil.which("libreoffice"))


def test_require_soffice_explains_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VADOCS_SOFFICE", "")
    with pytest.raises(ConverterMissingError) as caught:
        require_soffice()
    assert "fonts-crosextra-carlito" in caught.value.format()


def test_pdfa_declares_part_3_and_embeds_fonts(converter: PdfConverter, tmp_path: Path) -> None:
    source = make_docx(tmp_path / "archiv.docx", GERMAN, fonts=FONTS)
    pdf = converter.convert([source], tmp_path / "out", pdfa=True)[source]
    xmp = PdfReader(pdf).xmp_metadata
    assert xmp is not None
    assert (xmp.pdfaid_part, xmp.pdfaid_conformance) == ("3", "B")
    rows = pdffonts(pdf)
    assert rows and all(row["emb"] == "yes" for row in rows), rows
    assert GERMAN in pdftotext(pdf)
