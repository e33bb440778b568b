#!/usr/bin/env python3
"""What the Python binding costs: runs and what-ifs through `parley`, timed with time.perf_counter.

    PYTHONPATH=build/release/python /usr/bin/python3 bench/python_whatifs.py [REPEATS]

Prints one line per case: the median seconds per call over REPEATS (default 200) calls, and calls a
second. docs/benchmarks.md ("Python binding") records its output.
"""

import statistics
import sys
import time

import parley


def timed(label, call, repeats):
    call()  # warm up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"{label:<58} {median * 1e3:9.3f} ms  {1 / median:9.0f} /s")


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    base = parley.load()
    edited = base.copy()
    positions = iter(range(10**9))

    timed("load('pakistan-2023')", parley.load, repeats)
    timed("run(models='compromise'), the original text", lambda: parley.run(base, models="compromise", threads=1),
          repeats)
    timed("  the same and .forecasts (a DataFrame)",
          lambda: parley.run(base, models="compromise", threads=1).forecasts, repeats)
    timed("  what_if=['actors.PAK.stances.us_airspace.position=N']",
          lambda: parley.run(base, models="compromise", threads=1,
                             what_if=[f"actors.PAK.stances.us_airspace.position={next(positions) % 100}"]),
          repeats)
    def edit_and_run():
        edited.stance("PAK", "us_airspace")["position"] = next(positions) % 100
        return parley.run(edited, models="compromise", threads=1)

    timed("  a dict edited before each run (read anew from JSON)", edit_and_run, repeats)
    timed("run(), every model and the ensemble, 1 thread", lambda: parley.run(base, threads=1), max(10, repeats // 10))
    timed("  the same and every table as a DataFrame",
          lambda: (lambda r: (r.forecasts, r.trajectories, r.tables))(parley.run(base, threads=1)),
          max(10, repeats // 10))
    timed("mc(samples=1000, models='compromise')", lambda: parley.mc(base, samples=1000, models="compromise"),
          max(5, repeats // 40))


if __name__ == "__main__":
    main()
