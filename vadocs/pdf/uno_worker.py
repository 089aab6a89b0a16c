# mypy: ignore-errors
"""Warm LibreOffice over UNO: the helper process behind :mod:`vadocs.pdf.uno`.

Runs under Debian's ``/usr/bin/python3`` (``import uno`` comes from python3-uno
and exists nowhere else), so it imports nothing from vadocs::

    /usr/bin/python3 -I uno_worker.py --soffice soffice --profile file:///tmp/p \\
        --pipe vadocs-123 --connect-timeout 60

Protocol, one JSON object per line. Out: ``{"soffice_pid": n}`` as soon as soffice
runs (its own process group, so the caller can kill it even if this worker
hangs), ``{"ready": true}`` once connected (or ``{"ready": false, "error": …}``).
In: ``{"id": n, "src": "/abs/in.docx", "dst": "/abs/out.pdf", "pdfa": true}``;
out: ``{"id": n, "ok": true, "seconds": 0.12}`` or ``{"id": n, "ok": false,
"error": "…"}``, with ``"fatal": true`` when LibreOffice itself is gone and this
worker exits. On end of input or SIGTERM, soffice is asked to quit, killed if it
does not, and the worker exits.
"""

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue

DOCX_FILTER = "MS Word 2007 XML"  # never guess: a damaged DOCX must not load as text
PDF_FILTER = "writer_pdf_Export"


class Unconvertible(Exception):
    """LibreOffice refused the document; its text is the whole story."""


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Convert DOCX to PDF through a warm soffice.")
    parser.add_argument("--soffice", required=True)
    parser.add_argument("--profile", required=True, help="file:// URL of a private profile")
    parser.add_argument("--pipe", required=True, help="unique UNO pipe name")
    parser.add_argument("--connect-timeout", type=float, default=60.0)
    return parser.parse_args(argv)


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def start_soffice(args):
    command = [
        args.soffice,
        "--headless",
        "--invisible",
        "--norestore",
        "--nologo",
        "--nodefault",
        "--nolockcheck",
        f"-env:UserInstallation={args.profile}",
        f"--accept=pipe,name={args.pipe};urp;",
    ]
    # stdout goes to our stderr: the protocol stream must carry nothing else.
    return subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=2, stderr=2, start_new_session=True
    )


def stop_soffice(proc, pipe, desktop):
    """Ask soffice to quit (it then removes its sockets in /tmp), kill whatever remains."""
    if desktop is not None and proc.poll() is None:
        with contextlib.suppress(Exception):  # a veto, a dead bridge, a timeout: kill below
            if desktop.terminate():
                proc.wait(timeout=3)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=5)
    with contextlib.suppress(OSError):  # the socket a killed soffice leaves behind
        os.unlink(f"/tmp/OSL_PIPE_{os.getuid()}_{pipe}")


def connect(args, proc):
    """The Desktop of our soffice, retried until it listens or the deadline passes."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    url = f"uno:pipe,name={args.pipe};urp;StarOffice.ComponentContext"
    deadline = time.monotonic() + args.connect_timeout
    while True:
        try:
            ctx = resolver.resolve(url)
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception as exc:
            if proc.poll() is not None:
                raise RuntimeError(f"soffice exited with code {proc.returncode}") from exc
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"soffice did not listen within {args.connect_timeout:g} s"
                ) from None
            time.sleep(0.02)  # a refused attempt takes under a millisecond


def export_options(pdfa):
    # EmbedStandardFonts also embeds the PDF base-14 fonts (Helvetica, Times, …).
    data = [prop("EmbedStandardFonts", True)]
    if pdfa:
        data.append(prop("SelectPdfVersion", 3))  # PDF/A-3b
    filter_data = uno.Any("[]com.sun.star.beans.PropertyValue", tuple(data))
    return (prop("FilterName", PDF_FILTER), prop("FilterData", filter_data))


def convert(desktop, src, dst, pdfa):
    load = (
        prop("Hidden", True),
        prop("ReadOnly", True),
        prop("FilterName", DOCX_FILTER),
    )
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, load)
    if doc is None:
        raise Unconvertible("LibreOffice could not load it as a Word document")
    try:
        # uno.invoke keeps the typed Any of FilterData intact on its way to the filter.
        uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(dst), export_options(pdfa)))
    finally:
        close_quietly(doc)


def close_quietly(doc):
    try:
        doc.close(True)
    except Exception:  # a veto or a dying soffice: the document must go all the same
        with contextlib.suppress(Exception):
            doc.dispose()


def soffice_alive(desktop, proc):
    if proc.poll() is not None:
        return False
    try:
        desktop.getFrames().getCount()
    except Exception:
        return False
    return True


def answer(request, desktop, proc):
    started = time.perf_counter()
    try:
        convert(desktop, request["src"], request["dst"], bool(request.get("pdfa")))
    except Exception as exc:
        reply = {"id": request["id"], "ok": False, "error": describe(exc)}
        if not soffice_alive(desktop, proc):
            reply["fatal"] = True
        return reply
    return {"id": request["id"], "ok": True, "seconds": round(time.perf_counter() - started, 4)}


def describe(exc):
    if isinstance(exc, Unconvertible):
        return str(exc)
    message = getattr(exc, "Message", "") or str(exc)
    return f"{type(exc).__name__}: {message}".strip()


def serve(out, desktop, proc):
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        reply = answer(request, desktop, proc)
        send(out, reply)
        if reply.get("fatal"):
            return 1
    return 0


def send(out, message):
    out.write(json.dumps(message) + "\n")
    out.flush()


def terminate(signum, frame):
    raise SystemExit(128 + signum)


def main(argv=None):
    args = parse_args(argv)
    # Our own copy of stdout for the protocol; fd 1 then points to stderr so that
    # nothing LibreOffice's libraries print can corrupt the stream.
    out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    signal.signal(signal.SIGTERM, terminate)
    proc = start_soffice(args)
    desktop = None
    try:
        send(out, {"soffice_pid": proc.pid})
        try:
            desktop = connect(args, proc)
        except Exception as exc:
            send(out, {"ready": False, "error": describe(exc)})
            return 1
        send(out, {"ready": True})
        return serve(out, desktop, proc)
    finally:
        stop_soffice(proc, args.pipe, desktop)


if __name__ == "__main__":
    sys.exit(main())
