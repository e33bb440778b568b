#!/usr/bin/env python3
"""Runs parley on a scenario and plots each actor's position, round by round, on one issue.

    PYTHONPATH=build/release/python python3 examples/python/plot_trajectories.py [ISSUE] [-m MODEL] [-o FILE]

Draws the plot with matplotlib when it is installed (Debian: python3-matplotlib) into FILE (default
trajectories.png); without it, prints the table the plot would show.
"""

import argparse

import parley


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("issue", nargs="?", default="us_airspace", help="the issue to plot (default: us_airspace)")
    parser.add_argument("-s", "--scenario", default="pakistan-2023", help="embedded name or path")
    parser.add_argument("-m", "--model", default="eum", help="a model that moves positions round by round")
    parser.add_argument("-o", "--output", default="trajectories.png", help="the picture to write")
    options = parser.parse_args()

    result = parley.run(parley.load(options.scenario), models=options.model)
    rows = result.trajectories
    rows = rows[(rows["issue"] == options.issue)]
    if rows.empty:
        raise SystemExit(f"{options.model} has no trajectory on {options.issue!r}")
    wide = rows.pivot(index="round", columns="actor", values="position")
    forecast = result.forecasts.set_index("issue").loc[options.issue, "forecast"]

    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.ticker import MaxNLocator
    except ImportError:
        print(f"matplotlib is not installed (Debian: python3-matplotlib); positions on {options.issue}:")
        print(wide.to_string(float_format=lambda v: f"{v:.1f}"))
        print(f"{options.model} forecasts {forecast:.1f}")
        return

    figure, axes = plt.subplots(figsize=(8, 5))
    for actor in wide.columns:
        axes.plot(wide.index, wide[actor], marker="o", label=actor)
    axes.axhline(forecast, color="black", linestyle="--", label=f"{options.model} forecast")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel("round")
    axes.set_ylabel(f"position on {options.issue}")
    axes.set_title(f"{result.manifest['scenario']['title']}: {options.model}")
    axes.legend(fontsize="small", ncol=2)
    figure.tight_layout()
    figure.savefig(options.output, dpi=120)
    print(f"wrote {options.output}")


if __name__ == "__main__":
    main()
