"""Benchmark: vadocs against a naive baseline and the DOCX-only path, in one process run.

    python bench/bench_build.py [--repeat 3] [--sizes 1,10,50]

Scenarios (each repeated, medians reported):
  bundle   one client's full bundle: confirmation, AVV, NDA + one invoice (DOCX + PDF)
  monthK   month-end invoices of K synthetic clients (one invoice each)
Ways: vadocs (the CLI in a subprocess, interpreter start included), naive (docxtpl
render, then one `soffice --convert-to pdf` per file), docx-only (vadocs --no-pdf), and
warm UNO (one soffice over a UNO pipe, /usr/bin/python3 with python3-uno) as the
reference cost per document. Peak RSS is that of the vadocs process (and, in brackets,
of its largest child: LibreOffice or the Saxon helper).
Then (unless --no-watch) edit → fresh PDF under `vadocs watch` (bench/watch_latency.py),
side by side with the cold build and the naive way of the same client.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "umsatzsteuer"
sys.path.insert(0, str(ROOT))

from vadocs.data.loading import load_catalogue, load_engagement, load_profile  # noqa: E402
from vadocs.data.workspace import find_workspace  # noqa: E402
from vadocs.documents.context import base_context, invoice_context  # noqa: E402
from vadocs.documents.kinds import contracts_for  # noqa: E402
from vadocs.documents.render import render_docx  # noqa: E402
from vadocs.documents.templates import template_for  # noqa: E402
from vadocs.invoicing.invoice import compute  # noqa: E402

MONTH_CLIENT = (EXAMPLE / "kunden" / "studio-wien.yaml").read_text(encoding="utf-8")
BUNDLE_CLIENT = (EXAMPLE / "kunden" / "mueller-gmbh.yaml").read_text(encoding="utf-8")


DAY = {"bundle": date(2026, 11, 29), "month": date(2027, 1, 5)}
"""The real day of each scenario (``VADOCS_TODAY``): the offer is built and accepted in
November; December's invoices are issued once December has ended."""


def DAY_OF(root: Path) -> date:
    return DAY["bundle" if "bundle" in root.name else "month"]


def workspace(kind: str, k: int) -> Path:
    root = Path(tempfile.mkdtemp(prefix=f"vadocs-bench-{kind}{k}-"))
    shutil.copy(EXAMPLE / "vadocs.yaml", root / "vadocs.yaml")
    (root / "kunden").mkdir()
    for i in range(k):
        if kind == "bundle":
            text = BUNDLE_CLIENT.split("\nrechnungen:")[0] + (
                "\nrechnungen:\n  - art: vorauszahlung\n    zeitraum: 2026-12\n"
            )
        else:
            text = MONTH_CLIENT.replace("Studio Hofer Design e.U.", f"Studio Hofer {i} e.U.")
        (root / "kunden" / f"kunde-{i:03d}.yaml").write_text(text, encoding="utf-8")
    return root


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def fresh(root: Path) -> None:
    """Forget every earlier run: no ledger, no archive, no build cache, no output."""
    shutil.rmtree(root / ".vadocs", ignore_errors=True)
    shutil.rmtree(root / "out", ignore_errors=True)


def run_vadocs(root: Path, kind: str, *args: str) -> None:
    """One vadocs process: the bundle build, or month-end invoicing (`invoices run`)."""
    fresh(root)
    if kind == "bundle":
        cmd = [sys.executable, "-m", "vadocs", "build", *args, str(root / "kunden")]
    else:
        cmd = [sys.executable, "-m", "vadocs", "invoices", "run", "--period", "2026-12", *args]
    env = {**os.environ, "VADOCS_TODAY": DAY[kind].isoformat()}  # the real day of the run
    subprocess.run(cmd, check=True, capture_output=True, cwd=root, env=env)


def naive(root: Path) -> int:
    """Render with docxtpl, then one cold `soffice --convert-to pdf` per file."""
    out = root / "naive"
    out.mkdir(exist_ok=True)
    ws = find_workspace(root / "kunden")
    profil, _ = load_profile(ws.profile_file)
    katalog = load_catalogue(ws)
    count = 0
    for file in sorted((root / "kunden").glob("*.yaml")):
        period = None if "bundle" in root.name else "2026-12"
        e = load_engagement(file, ws, profil, katalog, DAY_OF(root), period).engagement
        docs = []
        if len(e.datei.rechnungen) == 1 and e.datei.rechnungen[0].art == "vorauszahlung":
            for kind in contracts_for(e.datei):
                docs.append((kind, base_context(e, kind.title, e.datei.auftrag.datum)))
        from vadocs.documents.kinds import RECHNUNG

        for entry in e.datei.rechnungen:
            docs.append((RECHNUNG, invoice_context(e, compute(profil, e.datei, entry))))
        for kind, ctx in docs:
            target = out / f"{file.stem}-{kind.key}.docx"
            target.write_bytes(render_docx(template_for(kind, ws), ctx))
            subprocess.run(
                ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(target)],
                check=True,
                capture_output=True,
            )
            count += 1
    return count


def warm_uno(root: Path) -> float:
    """Median seconds per document over a warm UNO connection (reference)."""
    docx = sorted((root / "naive").glob("*.docx"))
    out = root / "uno"
    out.mkdir(exist_ok=True)
    result = subprocess.run(
        ["/usr/bin/python3", str(ROOT / "bench" / "uno_convert.py"), str(out), *map(str, docx)],
        check=True,
        capture_output=True,
        text=True,
    )
    return statistics.median(float(x) for x in result.stdout.split())


def peak_rss_mb(root: Path, kind: str) -> tuple[float, float]:
    """Peak RSS of the vadocs process, and of its largest child (LibreOffice, Saxon)."""
    code = (
        "import resource, sys\n"
        "from vadocs.cli.app import run\n"
        f"sys.argv = {_argv(root, kind)!r}\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    fresh(root)
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=root
    ).stdout.split()
    return int(out[-2]) / 1024, int(out[-1]) / 1024


def _argv(root: Path, kind: str) -> list[str]:
    if kind == "bundle":
        return ["vadocs", "build", "--pdf", str(root / "kunden")]
    return ["vadocs", "invoices", "run", "--period", "2026-12", "--pdf"]


def scenario(kind: str, k: int, repeat: int) -> dict[str, float]:
    root = workspace(kind, k)
    try:
        rss, child_rss = peak_rss_mb(root, kind)  # first: the children's maximum is vadocs'
        docs = naive(root)
        v = statistics.median(timed(lambda: run_vadocs(root, kind, "--pdf")) for _ in range(repeat))
        d = statistics.median(
            timed(lambda: run_vadocs(root, kind, "--no-pdf")) for _ in range(repeat)
        )
        n = statistics.median(timed(lambda: naive(root)) for _ in range(1 if k >= 50 else repeat))
        u = warm_uno(root)
        result = {"docs": docs, "vadocs": v, "naive": n, "docx": d, "uno_per_doc": u, "rss": rss}
        return result | {"child_rss": child_rss}
    finally:
        shutil.rmtree(root, ignore_errors=True)


def watch_table(bundle: dict[str, float]) -> None:
    """Edit → fresh PDF under watch (median of 5) against the bundle's cold build and naive."""
    from watch_latency import watch_latency

    root = workspace("bundle", 1)
    try:
        nda = ROOT / "vadocs" / "templates_de" / "verschwiegenheitsvereinbarung.docx"
        w = watch_latency(root, root / "kunden" / "kunde-000.yaml", nda)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"\n{'edit':<22} {'watch s':>8} {'cold build s':>13} {'naive s':>8} {'× cold':>7}")
    for label, key in (("client file (5 docs)", "client"), ("NDA template", "template")):
        print(
            f"{label:<22} {w[key]:>8.2f} {bundle['vadocs']:>13.2f} {bundle['naive']:>8.2f} "
            f"{w[key] / bundle['vadocs']:>7.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="10,50")
    parser.add_argument("--no-watch", action="store_true", help="skip the watch latencies")
    args = parser.parse_args()
    plans = [("bundle", 1)] + [("month", int(k)) for k in args.sizes.split(",") if k]
    print(
        f"{'scenario':<10} {'docs':>4} {'vadocs s':>9} {'naive s':>8} {'docx s':>7} "
        f"{'s/doc':>6} {'uno s/doc':>9} {'×naive':>7} {'×uno':>5} {'RSS MB':>7}"
    )
    bundle: dict[str, float] = {}
    for kind, k in plans:
        r = scenario(kind, k, args.repeat)
        bundle = bundle or r
        per_doc = r["vadocs"] / r["docs"]
        print(
            f"{kind + str(k):<10} {int(r['docs']):>4} {r['vadocs']:>9.2f} {r['naive']:>8.2f} "
            f"{r['docx']:>7.2f} {per_doc:>6.3f} {r['uno_per_doc']:>9.3f} "
            f"{r['naive'] / r['vadocs']:>7.1f} {per_doc / r['uno_per_doc']:>5.2f} "
            f"{r['rss']:>7.0f} ({r['child_rss']:.0f})"
        )
    if not args.no_watch:
        watch_table(bundle)
    print(
        f"machine: {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} "
        f"cores, Python {sys.version.split()[0]}, "
        f"{resource.getpagesize()} B pages"
    )


if __name__ == "__main__":
    main()
