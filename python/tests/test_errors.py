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
