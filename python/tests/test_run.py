"""parley.run gives the CLI's numbers: every file of the run folder, byte for byte, and DataFrames whose
every cell is the file's, bit for bit."""

import json
import threading

import pandas
import pytest

import parley
from conftest import assert_frame_is_file


def csv_files(folder):
    return {p.name: p.read_text() for p in sorted(folder.glob("*.csv"))}


def test_the_default_run_is_the_cli_run(cli, tmp_path):
    cli("run", "-q", "-o", "out")
    result = parley.run(parley.load("pakistan-2023"))
    assert result.files == csv_files(tmp_path / "out")
    assert_frame_is_file(result.forecasts, tmp_path / "out" / "forecast.csv")
    assert_frame_is_file(result.trajectories, tmp_path / "out" / "trajectories.csv")
    for key, table in result.tables.items():
        assert_frame_is_file(table, tmp_path / "out" / f"{key}.csv")
    # As pandas reads the file, exactly.
    expected = pandas.read_csv(tmp_path / "out" / "forecast.csv", float_precision="round_trip",
                               keep_default_na=False, na_values=[""], dtype={"model": str, "issue": str, "stop": str})
    pandas.testing.assert_frame_equal(result.forecasts, expected, check_exact=True)


def test_options_are_the_cli_flags(cli, tmp_path):
    cli("run", "pakistan-2023", "-q", "-o", "out", "-m", "nash", "-m", "eum", "-m", "exchange", "-p", "eum.max_rounds=5",
        "--at", "2022-09-01", "--seed", "7", "--set", "actors.PAK.capability*=2",
        "--set", "actors.PAK.stances.us_airspace.position=90")
    result = parley.run("pakistan-2023", models=["nash", "eum", "exchange"], params={"eum.max_rounds": 5},
                        at="2022-09-01", seed=7,
                        what_if=["actors.PAK.capability*=2", "actors.PAK.stances.us_airspace.position=90"])
    assert result.files == csv_files(tmp_path / "out")
    manifest = json.loads((tmp_path / "out" / "run.json").read_text())
    mine = result.manifest
    for key in ("scenario", "at", "seed", "models", "outputs"):
        assert mine[key] == manifest[key], key
    assert mine["scenario"]["what_if"] == ["actors.PAK.capability*=2", "actors.PAK.stances.us_airspace.position=90"]


def without_timings(manifest):
    manifest = dict(manifest)
    manifest.pop("timings_seconds", None)
    manifest["engine"] = {k: v for k, v in manifest.get("engine", {}).items() if k != "commit"}
    return manifest


def test_run_json_is_the_cli_manifest(cli, tmp_path):
    cli("run", "-q", "-o", "out", "--set", "actors.PAK.capability*=2")
    manifest = json.loads((tmp_path / "out" / "run.json").read_text())
    assert "timings_seconds" in manifest
    mine = parley.run(what_if=["actors.PAK.capability*=2"]).manifest
    assert without_timings(mine) == without_timings(manifest)


def test_write_is_the_cli_folder(cli, tmp_path):
    cli("run", "-q", "-o", "out")
    parley.run().write(tmp_path / "mine")
    cli_files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == cli_files
    for name in cli_files:
        if name not in ("run.json", "report.html"):  # run.json holds timings
            assert (tmp_path / "mine" / name).read_bytes() == (tmp_path / "out" / name).read_bytes(), name


def test_the_headline_and_its_intervals():
    result = parley.run()
    headline = result.headline
    assert list(headline.columns) == ["issue", "forecast", "low50", "high50", "low80", "high80", "low95", "high95"]
    assert list(headline["issue"]) == [i["id"] for i in parley.load().issues]
    assert (headline["low95"] <= headline["low80"]).all() and (headline["low80"] <= headline["forecast"]).all()
    assert (headline["forecast"] <= headline["high80"]).all() and (headline["high80"] <= headline["high95"]).all()
    answer = result.manifest["answer"]
    assert answer["issues"][0]["forecast"] == headline["forecast"][0]
    assert "headline" in repr(result)


def test_same_inputs_same_numbers_whatever_the_threads():
    one = parley.run(threads=1)
    two = parley.run(threads=2)
    assert one.files == two.files
    assert parley.run(threads=1).files == one.files


def test_runs_from_threads_at_once_are_the_same():
    expected = parley.run(models=["smp"]).files
    results = [None] * 4

    def work(k):
        results[k] = parley.run(models=["smp"]).files

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(r == expected for r in results)


def test_without_pandas_tables_are_lists_of_dicts(monkeypatch, cli, tmp_path):
    from parley import _tables

    monkeypatch.setattr(_tables, "pandas", None)
    cli("run", "-q", "-o", "out")
    rows = parley.run().forecasts
    assert isinstance(rows, list) and isinstance(rows[0], dict)
    with open(tmp_path / "out" / "forecast.csv") as file:
        header = file.readline().strip().split(",")
        lines = file.read().splitlines()
    assert list(rows[0]) == header and len(rows) == len(lines)
    ensemble = [r for r in rows if r["model"] == "ensemble"]
    assert ensemble and all(r["rounds"] is None for r in ensemble)
    assert all(isinstance(r["forecast"], float) and isinstance(r["low95"], (float, type(None))) for r in rows)
    assert parley.run().headline == [{k: r[k] for k in ("issue", "forecast", "low50", "high50", "low80", "high80",
                                                          "low95", "high95")} for r in ensemble]


def test_models_lists_every_parameter(cli):
    listed = {m["name"]: m for m in parley.models()}
    assert {"compromise", "mean", "median", "nash", "eum", "exchange", "smp"} <= set(listed)
    smp = {p["name"]: p for p in listed["smp"]["parameters"]}
    assert smp and all({"type", "default", "description"} <= set(p) for p in smp.values())
    printed = {m["name"]: m for m in json.loads(cli("models", "--format", "json").stdout)}
    for name, model in listed.items():
        assert printed[name] == model, name


@pytest.mark.parametrize("model", ["compromise", "nash", "eum", "smp"])
def test_each_model_alone(cli, tmp_path, model):
    cli("run", "-q", "-o", "out", "-m", model)
    assert parley.run(models=model).files == csv_files(tmp_path / "out")


def test_the_version_is_the_cli_version(cli):
    assert cli("--version").stdout.split()[1] == parley.__version__
    assert parley.commit in cli("--version").stdout
