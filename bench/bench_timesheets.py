"""Benchmark: importing a big time-tracker export (streamed, two passes).

    python bench/bench_timesheets.py [--mb 50] [--repeat 3]

Generates a multi-year Kimai CSV export of about ``--mb`` megabytes (5 clients, seconds as
durations, From/To for the cross-check) and a Clockify export with DD/MM/YYYY dates, then
runs ``vadocs timesheets show FILE --period 2026-12 --client …`` in a fresh process for each
and reports the median wall time and the process's peak RSS. A baseline process
(``python -c "import vadocs.cli"``) gives the RSS that is not the import's.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

CLIENTS = ["Beispiel Bürodienste GmbH", "Praxis Berger", "Studio Wien", "Alpenblick AG", "Lena"]
TEXT = "Postfach sortiert, Rückfragen beantwortet und Termine mit dem Team abgestimmt"


def kimai_rows(rng: random.Random, n: int) -> tuple[str, int]:
    day = date(2024, 1, 1) + timedelta(days=n * 1095 // TARGET_ROWS)
    minutes = rng.randrange(5, 300)
    end = 8 * 60 + minutes
    row = (
        f'"{day}","08:00","{end // 60:02d}:{end % 60:02d}","{minutes * 60}","55","anna",'
        f'"{CLIENTS[n % 5]}","Büro","Büroarbeit","{TEXT} #{n}","Yes"\n'
    )
    return row, minutes


TARGET_ROWS = 1


def write_kimai(path: Path, megabytes: int) -> int:
    global TARGET_ROWS
    TARGET_ROWS = megabytes * 1024 * 1024 // 170
    rng = random.Random(50)
    with path.open("w", encoding="utf-8") as out:
        out.write('"Date","From","To","Duration","Rate","User","Customer","Project",'
                  '"Activity","Description","Billable"\n')  # fmt: skip
        for n in range(TARGET_ROWS):
            out.write(kimai_rows(rng, n)[0])
    return TARGET_ROWS


def write_clockify(path: Path, rows: int) -> None:
    rng = random.Random(51)
    with path.open("w", encoding="utf-8") as out:
        out.write("Project,Client,Description,Task,User,Billable,Start Date,Start Time,"
                  "End Date,End Time,Duration (h),Duration (decimal)\n")  # fmt: skip
        for n in range(rows):
            day = date(2024, 1, 1) + timedelta(days=n * 1095 // rows)
            m = rng.randrange(5, 300)
            end = f"{8 + m // 60:02d}:{m % 60:02d}:00"
            out.write(
                f'Büro,{CLIENTS[n % 5]},"{TEXT} #{n}",,Anna,Yes,{day:%d/%m/%Y},08:00:00,'
                f"{day:%d/%m/%Y},{end},{m // 60:02d}:{m % 60:02d}:00,{m / 60:.2f}\n"
            )


def run(args: list[str]) -> tuple[float, int, str, float]:
    """Wall seconds, peak RSS (KiB) of a fresh child process, its first output line, and its
    CPU seconds (user + system: less disturbed than wall time on a shared machine)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime - cpu
    if done.returncode != 0:
        raise SystemExit(f"{args}: exit {done.returncode}\n{done.stderr}")
    # ru_maxrss of RUSAGE_CHILDREN is the largest child so far: run the baseline first.
    return elapsed, max(peak, before), done.stdout.splitlines()[0], cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    vadocs = str(Path(sys.executable).with_name("vadocs"))
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        _, baseline, _, _ = run([sys.executable, "-c", "import vadocs.cli.app; print('ok')"])
        kimai = base / "kimai.csv"
        rows = write_kimai(kimai, options.mb)
        clockify = base / "clockify.csv"
        write_clockify(clockify, rows)
        print(f"baseline (import vadocs): peak RSS {baseline / 1024:.0f} MiB")
        for path in (kimai, clockify):
            size = path.stat().st_size / 1024 / 1024
            args = [vadocs, "timesheets", "show", str(path), "--period", "2026-12",
                    "--client", CLIENTS[0]]  # fmt: skip
            results = [run(args) for _ in range(options.repeat)]
            median = statistics.median(r[0] for r in results)
            peak = max(r[1] for r in results)
            cpu = statistics.median(r[3] for r in results)
            print(f"{path.name}: {size:.1f} MB, {rows} rows: median {median:.2f} s "
                  f"(CPU {cpu:.2f} s), peak RSS {peak / 1024:.0f} MiB")  # fmt: skip
            print(f"  {results[0][2]}")


if __name__ == "__main__":
    main()
