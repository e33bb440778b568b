"""Shared by the binding's tests: the CLI to compare with, the golden data, CSV files read back."""

import csv
import os
import pathlib
import subprocess

import pytest

SOURCE = pathlib.Path(os.environ.get("PARLEY_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))


@pytest.fixture(scope="session")
def parley_binary():
    binary = os.environ.get("PARLEY_BINARY", str(SOURCE / "build" / "release" / "parley"))
    if not os.path.exists(binary):
        pytest.fail(f"no parley binary at {binary}: build it, or set PARLEY_BINARY")
    return binary


@pytest.fixture
def cli(parley_binary, tmp_path):
    """Runs `parley ARGS` in tmp_path; fails the test when it exits non-zero (unless check=False)."""

    def run(*args, check=True):
        done = subprocess.run([parley_binary, *args], cwd=tmp_path, capture_output=True, text=True)
        if check and done.returncode != 0:
            pytest.fail(f"parley {' '.join(args)} exited {done.returncode}:\n{done.stderr}")
        return done

    return run


@pytest.fixture(scope="session")
def golden():
    """../shared/golden beside the checkout (or PARLEY_GOLDEN_DIR): skipped when absent, a failure under CI."""
    configured = os.environ.get("PARLEY_GOLDEN_DIR")
    folder = pathlib.Path(configured) if configured else SOURCE.parent / "shared" / "golden"
    if not folder.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"golden data missing at {folder} (CI=true: golden tests must run)")
        pytest.skip(f"golden data not found at {folder}; set PARLEY_GOLDEN_DIR to run these tests")
    return folder


def read_cells(path):
    """A CSV file as rows of cells, through Python's own csv and float(): an independent reading."""
    with open(path, newline="") as file:
        return list(csv.reader(file))


def same_cell(text, value):
    """Whether a DataFrame's value is the CSV cell `text`, exactly (floats bit for bit)."""
    import math

    if text == "":
        return value is None or (isinstance(value, float) and math.isnan(value))
    if text in ("true", "false"):
        return value == (text == "true")
    if isinstance(value, str):
        return value == text
    return float(text) == float(value) and float(text).hex() == float(value).hex()


def assert_frame_is_file(frame, path):
    """Every cell of `frame` equals the CSV file's, column names and order included."""
    rows = read_cells(path)
    assert list(frame.columns) == rows[0]
    assert len(frame) == len(rows) - 1
    for r, row in enumerate(rows[1:]):
        values = frame.iloc[r].tolist()
        for c, text in enumerate(row):
            assert same_cell(text, values[c]), f"{path} row {r + 1}, column {rows[0][c]}: {text!r} != {values[c]!r}"
