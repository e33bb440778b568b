#!/usr/bin/env python3
"""Writes a random KTAB CSV scenario of N actors and D dimensions to standard output, for timing smp
at sizes no shipped scenario has (docs/benchmarks.md). The same N, D and SEED give the same file.

    scripts/synthetic-ktab.py 250 5 1 > /tmp/s250x5.csv
    parley run /tmp/s250x5.csv --from ktab -m smp -q

Positions are uniform on [0, 100], capabilities on [1, 100]; each actor's saliences are random
shares of a total drawn from [50, 100] (KTAB's reader wants each actor's saliences to sum to at most 100).
"""
import random
import sys


def main() -> int:
    if len(sys.argv) != 4:
        print("usage: scripts/synthetic-ktab.py ACTORS DIMENSIONS SEED", file=sys.stderr)
        return 64
    actors, dimensions, seed = (int(arg) for arg in sys.argv[1:])
    rng = random.Random(seed)
    print(f"Synthetic {actors}x{dimensions},random,{actors},{dimensions},")
    print("Actor,Description,Influence," + ",".join(f"D{k},S{k}" for k in range(dimensions)) + ",")
    for a in range(actors):
        total = rng.uniform(50, 100)
        raw = [rng.uniform(0.05, 1) for _ in range(dimensions)]
        salience = [round(x / sum(raw) * total, 2) for x in raw]
        while sum(salience) > 100:
            salience[0] -= 0.01
        capability = rng.uniform(1, 100)
        fields = ",".join(f"{rng.uniform(0, 100):.2f},{salience[k]:.2f}" for k in range(dimensions))
        print(f"A{a},actor {a},{capability:.2f},{fields},")
    return 0


if __name__ == "__main__":
    sys.exit(main())
