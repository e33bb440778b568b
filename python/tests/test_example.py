"""The example script runs: it plots with matplotlib when there is one, else prints the positions."""

import importlib.util
import os
import subprocess
import sys

from conftest import SOURCE


def test_the_example_runs(tmp_path):
    done = subprocess.run(
        [sys.executable, str(SOURCE / "examples" / "python" / "plot_trajectories.py"), "us_airspace",
         "-o", str(tmp_path / "plot.png")],
        capture_output=True, text=True, env=dict(os.environ), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    if importlib.util.find_spec("matplotlib") is None:
        assert "matplotlib is not installed" in done.stdout and "PAK" in done.stdout
    else:
        assert (tmp_path / "plot.png").stat().st_size > 0
