"""Warm-UNO reference converter, run by /usr/bin/python3 (Debian's python3-uno).

    /usr/bin/python3 bench/uno_convert.py OUT_DIR FILE.docx...

Starts one soffice listening on a private pipe, connects once, then loads and
exports every file; prints one line per file with its seconds. The benchmark uses
it only as the reference cost per document, measured in the same run.
"""

import os
import subprocess
import sys
import tempfile
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main():
    out_dir, files = sys.argv[1], sys.argv[2:]
    profile = tempfile.mkdtemp(prefix="uno-bench-")
    pipe = f"vadocs_bench_{os.getpid()}"
    proc = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            f"-env:UserInstallation=file://{profile}",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        for _ in range(200):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.05)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for f in files:
            start = time.perf_counter()
            url = uno.systemPathToFileUrl(os.path.abspath(f))
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            target = os.path.join(out_dir, os.path.splitext(os.path.basename(f))[0] + ".pdf")
            doc.storeToURL(
                uno.systemPathToFileUrl(os.path.abspath(target)),
                (prop("FilterName", "writer_pdf_Export"),),
            )
            doc.close(True)
            print(f"{time.perf_counter() - start:.4f}", flush=True)
    finally:
        import signal

        os.killpg(proc.pid, signal.SIGKILL)  # soffice.bin too, not only its launcher
        proc.wait()


if __name__ == "__main__":
    main()
