"""Errors are exceptions carrying what the CLI says: file, line, column, key path, category, exit code."""

import re

import pytest

import parley


def bad_salience():
    text = parley.load().to_yaml()
    assert "salience: 0.7," in text
    return text.replace("salience: 0.7,", "salience: 1.7,", 1)


def cli_diagnostics(done, file):
    return [line.removeprefix("error: ") for line in done.stderr.splitlines() if file in line and ": " in line
            and not line.startswith("parley:")]


def test_a_value_out_of_range_is_located_as_parley_validate_locates_it(cli, tmp_path):
    text = bad_salience()
    (tmp_path / "bad.yaml").write_text(text)
    done = cli("validate", "bad.yaml", check=False)
    assert done.returncode == 65
    with pytest.raises(parley.ScenarioError) as caught:
        parley.loads(text, name="bad.yaml")
    error = caught.value
    assert [str(d) for d in error.diagnostics] == cli_diagnostics(done, "bad.yaml")
    assert error.category == "data" and error.exit_code == 65
    assert error.file == "bad.yaml" and error.path.endswith(".salience")
    assert "1.7" in text.splitlines()[error.line - 1][error.column - 1:]
    assert isinstance(error, ValueError) and isinstance(error, parley.Error)


def test_a_syntax_error_is_located(cli, tmp_path):
    text = "title: x\nactors: [\n"
    (tmp_path / "syntax.yaml").write_text(text)
    done = cli("validate", "syntax.yaml", check=False)
    with pytest.raises(parley.ScenarioError) as caught:
        parley.loads(text, name="syntax.yaml")
    assert [str(d) for d in caught.value.diagnostics] == cli_diagnostics(done, "syntax.yaml")
    assert (caught.value.line, caught.value.column) == (2, 9)


def test_a_file_that_is_not_there():
    with pytest.raises(parley.NotFoundError, match="pakistan-2032.*did you mean 'pakistan-2023'") as caught:
        parley.load("pakistan-2032")
    assert caught.value.category == "no_input" and caught.value.exit_code == 66


def test_an_edited_dict_is_located_by_its_key_path():
    scenario = parley.load()
    scenario.stance("PAK", "us_airspace")["salience"] = 2
    with pytest.raises(parley.ScenarioError) as caught:
        parley.run(scenario)
    error = caught.value
    pak = [a["id"] for a in scenario.actors].index("PAK")
    assert error.path == f"actors[{pak}].stances.us_airspace.salience"
    assert error.file == "pakistan-2023 (edited)" and error.line > 0
    with pytest.raises(parley.ScenarioError):
        parley.Scenario.from_dict({"title": "no actors"})


@pytest.mark.parametrize(
    "arguments, kind, words",
    [
        ({"models": ["nsh"]}, parley.ConfigError, "unknown model 'nsh' (did you mean 'nash'?)"),
        ({"params": {"nash.nothing": 1}}, parley.ConfigError, "nash.nothing: unknown parameter of model 'nash'"),
        ({"at": "2023-02-30"}, parley.UsageError, "at '2023-02-30': not a valid date"),
        ({"at": "1990-01-01"}, parley.UsageError, "at '1990-01-01'"),
        ({"what_if": ["actors.PAX.capability=1"]}, parley.UsageError, "PAX"),
        ({"what_if": ["actors.PAK.capability"]}, parley.UsageError, "actors.PAK.capability"),
    ],
)
def test_bad_arguments(arguments, kind, words):
    with pytest.raises(kind, match=re.escape(words)) as caught:
        parley.run(**arguments)
    assert caught.value.exit_code in (64, 78)


def test_bad_arguments_of_mc_and_backtest():
    with pytest.raises(parley.UsageError):
        parley.mc(samples=0)
    with pytest.raises(parley.UsageError):
        parley.sensitivity(samples=1)
    with pytest.raises(parley.UsageError, match="ensemble_scoring"):
        parley.backtest([parley.load()], ensemble_scoring="best")
    with pytest.raises(parley.UsageError):
        parley.import_file("nothing", "x.csv")


@pytest.mark.parametrize(
    "call, words",
    [
        (lambda: parley.run(threads=-1), "threads -1: not a whole number in [0, 1024]"),
        (lambda: parley.run(seed=-5), "seed -5: not a whole number"),
        (lambda: parley.run(seed=2**64), "seed 18446744073709551616"),
        (lambda: parley.run(seed=1.5), "seed 1.5"),
        (lambda: parley.run(models=7), "models 7: give a string or a list of strings"),
        (lambda: parley.run(models=["nash", 3]), "models: 3 is not a string"),
        (lambda: parley.run(at=20230105), "at 20230105: give a date"),
        (lambda: parley.run(what_if=[None]), "what_if: None is not a string"),
        (lambda: parley.mc(samples=-1), "samples -1"),
        (lambda: parley.mc(samples=10, progress="yes"), "progress 'yes'"),
        (lambda: parley.sensitivity(samples=10, bootstrap=-2), "bootstrap -2"),
        (lambda: parley.backtest([parley.load()], bootstrap=None), "bootstrap None"),
    ],
)
def test_arguments_of_the_wrong_kind_are_named(call, words):
    with pytest.raises(parley.UsageError, match=re.escape(words)) as caught:
        call()
    assert caught.value.exit_code == 64


def test_values_from_numpy_go_into_a_scenario():
    import numpy

    scenario = parley.load()
    scenario.stance("PAK", "us_airspace")["position"] = numpy.int64(90)
    scenario.actor("PAK")["capability"] = numpy.float32(0.5)
    assert parley.run(scenario, models="compromise").forecasts["forecast"].notna().all()
    scenario.actor("PAK")["capability"] = object()
    with pytest.raises(TypeError, match="cannot go into a scenario"):
        parley.run(scenario)
