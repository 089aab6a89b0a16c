"""How long ``vadocs check`` takes on the shipped templates (no PDF conversion involved).

    python bench/check_bench.py [RUNS]

Prints the median of RUNS (default 5) timed runs of ``check_templates`` over the
built-in templates and the bundled examples, after one warm-up run; the target of
issue 5 is under 2 seconds.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from vadocs.checks import check_templates

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 2.0


def main(runs: int = 5) -> int:
    check_templates(None, ROOT / "examples", True)  # warm-up: imports, babel data
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = check_templates(None, ROOT / "examples", True)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    median = statistics.median(times)
    print(
        f"vadocs check: {len(result.templates)} templates, {result.renders} renderings, "
        f"{len(result.problems)} problem(s)"
    )
    print(
        f"median of {runs} runs: {median:.2f} s (min {min(times):.2f} s, max {max(times):.2f} s;"
        f" target < {TARGET_SECONDS:.0f} s)"
    )
    print(f"median CPU time: {statistics.median(cpu):.2f} s (wall time includes other load)")
    return 0 if median < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5))
