"""Golden cases (../shared/golden): imported files run and backtested through the binding give the CLI's
files exactly."""

import json

import pytest

import parley
from test_run import without_timings


def test_ktab_smp_is_the_cli_run(golden, cli, tmp_path):
    path = golden / "ktab" / "inputs" / "dummyData_3Dim.xml"
    cli("run", str(path), "--from", "ktab", "-m", "smp", "-q", "-o", "out")
    result = parley.run(parley.load(path, format="ktab"), models="smp")
    for name, text in result.files.items():
        assert text == (tmp_path / "out" / name).read_text(), name
    # run.json too (but for timings): the file's name and hash, the parameters and seed it sets.
    manifest = json.loads((tmp_path / "out" / "run.json").read_text())
    assert without_timings(result.manifest) == without_timings(manifest)


@pytest.mark.parametrize("folder, file, model", [("eum-scholz", "ExampleActors.csv", "eum"),
                                                 ("eum-masad", "ExampleActors.csv", "eum")])
def test_bdm_csv_is_the_cli_run(golden, cli, tmp_path, folder, file, model):
    path = golden / folder / file
    cli("run", str(path), "--from", "bdm-csv", "-m", model, "-q", "-o", "out")
    result = parley.run(parley.load(path, format="bdm-csv"), models=model)
    assert result.files["forecast.csv"] == (tmp_path / "out" / "forecast.csv").read_text()
    assert result.files["trajectories.csv"] == (tmp_path / "out" / "trajectories.csv").read_text()


def deu3_sample(golden, tmp_path, proposals):
    """The first `proposals` proposals of the DEU III dev file, with its two header lines."""
    lines = (golden / "deu3" / "deu3-dev.tsv").read_text().splitlines(keepends=True)
    kept, seen = lines[:2], []
    for line in lines[2:]:
        name = line.split("\t")[2]
        if name not in seen:
            if len(seen) == proposals:
                break
            seen.append(name)
        kept.append(line)
    path = tmp_path / "deu3-sample.tsv"
    path.write_text("".join(kept))
    return path


def test_a_deu3_backtest_is_parley_backtest(golden, cli, tmp_path):
    path = deu3_sample(golden, tmp_path, 6)
    cli("backtest", str(path), "--from", "deu3", "-m", "compromise", "-m", "median", "-m", "nash",
        "--bootstrap", "200", "--cross-validate", "-q", "-o", "out")
    result = parley.backtest(path, format="deu3", models=["compromise", "median", "nash"], bootstrap=200,
                             cross_validate=True)
    for name in ("backtest_summary.csv", "backtest_issues.csv", "backtest_cv.csv"):
        assert result.files[name] == (tmp_path / "out" / name).read_text(), name
    manifest = json.loads((tmp_path / "out" / "backtest.json").read_text())
    assert without_timings(result.manifest) == without_timings(manifest)
    assert list(result.summary["model"])[:3] == ["compromise", "median", "nash"]
    # The same cases passed as scenarios give the same scores.
    again = parley.backtest(parley.import_file("deu3", path), models=["compromise", "median", "nash"], bootstrap=200,
                            cross_validate=True)
    assert again.files == result.files


def test_the_ensemble_backtest_is_parley_backtest(golden, cli, tmp_path):
    path = deu3_sample(golden, tmp_path, 4)
    cli("backtest", str(path), "--from", "deu3", "--bootstrap", "100", "-q", "-o", "out")
    result = parley.backtest(path, format="deu3", bootstrap=100)
    assert result.files["backtest_summary.csv"] == (tmp_path / "out" / "backtest_summary.csv").read_text()
    assert result.summary["model"][0] == "ensemble"


def test_a_folder_of_scenario_files_is_backtested_as_the_cli_does(golden, cli, tmp_path):
    path = deu3_sample(golden, tmp_path, 3)
    cli("import", "deu3", str(path), "-o", "cases")
    cli("backtest", "cases", "-m", "compromise", "-m", "median", "--bootstrap", "50", "-q", "-o", "out")
    result = parley.backtest(tmp_path / "cases", models=["compromise", "median"], bootstrap=50)
    for name in ("backtest_summary.csv", "backtest_issues.csv"):
        assert result.files[name] == (tmp_path / "out" / name).read_text(), name
    manifest = json.loads((tmp_path / "out" / "backtest.json").read_text())
    mine = without_timings(result.manifest)
    theirs = without_timings(manifest)
    mine["inputs"]["files"] = theirs["inputs"]["files"] = None  # given as tmp_path/cases and as cases
    assert mine == theirs
