"""Scenarios: loaded, converted to and from dicts and YAML, edited; an edit counts as the CLI's --set does."""

import datetime

import pytest

import parley
from conftest import SOURCE


def test_the_embedded_scenarios():
    names = parley.scenarios()
    assert names[0] == "pakistan-2023"
    scenario = parley.load()
    assert scenario.name == "pakistan-2023" and not scenario.edited
    assert {a["id"] for a in scenario.actors} >= {"PAK", "USA", "CHN", "TTP"}
    assert "pakistan-2023" in repr(scenario)


def test_load_a_file_and_loads_its_text(tmp_path, cli):
    path = tmp_path / "mine.yaml"
    path.write_text(parley.load().to_yaml())
    from_file = parley.load(path)
    assert from_file.name == str(path)
    from_text = parley.loads(path.read_text(), name="mine.yaml")
    assert from_file.data == from_text.data == parley.load().data
    cli("run", str(path), "-q", "-o", "out")
    assert parley.run(from_file).files["forecast.csv"] == (tmp_path / "out" / "forecast.csv").read_text()


def test_dict_and_yaml_round_trips_keep_the_numbers(cli):
    original = parley.load()
    again = parley.Scenario.from_dict(original.to_dict())
    assert again.data == original.data
    written = again.to_yaml()  # written anew from the dict: YAML, as `parley show` writes it
    assert not written.lstrip().startswith("{") and written == cli("show", "pakistan-2023").stdout
    yaml_again = parley.loads(written)
    assert yaml_again.data == original.data
    assert parley.run(again).files == parley.run(original).files == parley.run(yaml_again).files


def test_the_original_text_is_kept_until_an_edit():
    scenario = parley.load()
    assert scenario.to_yaml() == (SOURCE / "scenarios" / "pakistan-2023.yaml").read_text()
    text, file = scenario.source()
    assert file == "pakistan-2023.yaml"
    scenario.stance("PAK", "us_airspace")["position"] = 90
    assert scenario.edited
    text, file = scenario.source()
    assert file == "pakistan-2023 (edited)"


def test_an_edited_stance_is_the_cli_what_if(cli, tmp_path):
    cli("run", "-q", "-o", "out", "--set", "actors.PAK.stances.us_airspace.position=90")
    scenario = parley.load()
    scenario.stance("PAK", "us_airspace")["position"] = 90
    edited = parley.run(scenario)
    assert edited.files["forecast.csv"] == (tmp_path / "out" / "forecast.csv").read_text()
    assert edited.files != parley.run().files


def test_copies_are_independent():
    scenario = parley.load()
    twin = scenario.copy()
    twin.actor("PAK")["capability"] = 0.5
    assert scenario.actor("PAK")["capability"] != 0.5 and not scenario.edited and twin.edited


def test_set_stance_and_add_event():
    scenario = parley.load()
    before = parley.run(scenario, models="compromise").forecasts
    scenario.set_stance("USA", "us_airspace", position=100, salience=0.9)
    scenario.add_event("2022-12-01", "A test event",
                       [{"actor": "PAK", "issue": "us_airspace", "position": {"add": 10}}], sources=["parley-judgement"])
    assert scenario.events[-1]["title"] == "A test event"
    scenario.validate()
    after = parley.run(scenario, models="compromise").forecasts
    assert not after["forecast"].equals(before["forecast"])


def test_unknown_ids_say_the_nearest():
    scenario = parley.load()
    with pytest.raises(KeyError, match="did you mean 'PAK'"):
        scenario.actor("PAX")
    with pytest.raises(KeyError, match="no issue"):
        scenario.stance("PAK", "nowhere")


def test_import_file_keeps_what_the_file_says(golden, cli, tmp_path):
    path = golden / "ktab" / "inputs" / "dummyData_3Dim.xml"
    scenarios = parley.import_file("ktab", path)
    assert len(scenarios) == 1
    one = parley.load(path, format="ktab")
    assert one.data == scenarios[0].data and one.parameters == scenarios[0].parameters
    assert one.seed is not None
    assert any(f["name"] == "ktab" for f in parley.import_formats())
    assert one.to_yaml() == cli("import", "ktab", str(path)).stdout


def test_a_file_that_is_not_utf8_is_located(cli, tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: Caf\xe9\n".encode("latin-1"))
    done = cli("validate", str(path), check=False)
    with pytest.raises(parley.ScenarioError) as caught:
        parley.load(path)
    assert str(caught.value.diagnostics[0]) in done.stderr
    assert caught.value.line == 1


def test_dates_from_datetime_and_pandas():
    import pandas

    scenario = parley.load()
    scenario.add_event(pandas.Timestamp("2022-12-01"), "A", [{"actor": "PAK", "issue": "us_airspace",
                                                               "position": {"add": 5}}], sources=["parley-judgement"])
    scenario.add_event(datetime.datetime(2022, 12, 2, 15, 30), "B", [{"actor": "PAK", "issue": "cpec",
                                                                       "position": {"add": 5}}], sources=["parley-judgement"])
    assert [e["date"] for e in scenario.events[-2:]] == ["2022-12-01", "2022-12-02"]
    a = parley.run(scenario, models="compromise", at=pandas.Timestamp("2022-12-05"))
    b = parley.run(scenario, models="compromise", at=datetime.date(2022, 12, 5))
    assert a.files == b.files and a.manifest["at"] == "2022-12-05"


def test_strictness_goes_with_the_scenario():
    scenario = parley.load()
    assert scenario.strict
    scenario.actor("PAK")["sources"] = []
    scenario.actor("PAK")["rationale"] = ""
    with pytest.raises(parley.ScenarioError):
        parley.run(scenario, models="compromise")
    lenient = parley.Scenario.from_dict(scenario.to_dict())
    assert not lenient.strict and parley.run(lenient, models="compromise").warnings


def test_one_text_read_under_two_names_keeps_each_name():
    text = "\n" + parley.load().to_yaml().replace("salience: 0.7,", "salience: 1.7,", 1)
    for name in ("a.yaml", "b.yaml"):
        with pytest.raises(parley.ScenarioError) as caught:
            parley.run(parley.Scenario(parley.load().data, name=name, text=text, file=name))
        assert caught.value.file == name
