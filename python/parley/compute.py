"""Runs, Monte Carlo, sensitivity and backtests: the CLI's commands as functions.

Each takes a :class:`~parley.Scenario` (or an embedded name or a path) and the CLI's options as
arguments, and gives a result whose tables are pandas DataFrames (lists of dicts without pandas) read
from the very text the CLI writes to its files.
"""

import json
import numbers
import os
from datetime import date as _date_type
from datetime import datetime as _datetime_type

from . import _parley
from ._tables import draws_frame, frame
from .errors import NotFoundError, UsageError, diagnostics_from_json
from .scenario import Scenario, _import, load

def _scenario(scenario):
    if isinstance(scenario, Scenario):
        return scenario
    return load(scenario)


def _whole(name, value, low, high=2**64 - 1):
    """`value` as a whole number in [low, high]; UsageError naming the argument otherwise."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or not low <= int(value) <= high:
        raise UsageError(f"{name} {value!r}: not a whole number in [{low}, {high}]")
    return int(value)


def _texts(name, value):
    """A list of strings from one string or an iterable of them; UsageError naming the argument otherwise."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    try:
        items = list(value)
    except TypeError:
        raise UsageError(f"{name} {value!r}: give a string or a list of strings") from None
    for item in items:
        if not isinstance(item, str):
            raise UsageError(f"{name}: {item!r} is not a string")
    return items


def _assignments(params):
    """MODEL.NAME=VALUE strings from a list of them or a dict {"MODEL.NAME": value}."""
    if isinstance(params, dict):
        out = []
        for key, value in params.items():
            text = ("true" if value else "false") if isinstance(value, bool) else str(value)
            out.append(f"{key}={text}")
        return out
    return _texts("params", params)


def _date(at):
    if at is None or isinstance(at, str):
        return at
    if isinstance(at, _datetime_type):  # a datetime or a pandas Timestamp: its day
        at = at.date()
    if isinstance(at, _date_type):
        return at.isoformat()
    raise UsageError(f"at {at!r}: give a date as 'YYYY-MM-DD' or a datetime.date")


def _spec(scenario, models, params, at, seed, what_if, threads):
    scenario = _scenario(scenario)
    text, file, origin = scenario._engine_input()
    if seed is None:
        seed = scenario.seed
    spec = {
        "text": text,
        "file": file,
        "origin": scenario.name,
        "strict": scenario.strict,
        "what_if": _texts("what_if", what_if),
        "models": _texts("models", models),
        "params": _assignments(params),
        "imported_params": scenario.parameters,
        "at": _date(at),
        "threads": 0 if threads is None else _whole("threads", threads, 0, 1024),
    }
    if seed is not None:
        spec["seed"] = _whole("seed", seed, 0)
    return json.dumps(spec), origin


class Result:
    """A run: ``forecasts``, ``trajectories``, ``headline``, ``tables`` (each model's own), ``manifest``.

    Tables are built when first read. ``files`` holds each table's CSV text exactly as ``parley run -o``
    writes it; :meth:`write` writes the whole run folder.
    """

    def __init__(self, handle):
        self._handle = handle
        self._tables = None
        self._frames = {}
        self.warnings = diagnostics_from_json(handle.warnings())
        self.note = handle.note()  # why a default selection runs without the ensemble ("" when it has it)

    def _all(self):
        if self._tables is None:
            self._tables = {key: (file, text, columns) for key, file, text, columns in self._handle.tables()}
        return self._tables

    def table(self, key):
        """A table by its file's name without .csv: "forecast", "trajectories", "exchanges", "smp_bargains@b", ..."""
        if key not in self._frames:
            file, text, columns = self._all()[key]
            self._frames[key] = frame(text, columns)
        return self._frames[key]

    @property
    def forecasts(self):
        """forecast.csv: one row per model and issue (the headline first, as model "ensemble")."""
        return self.table("forecast")

    @property
    def trajectories(self):
        """trajectories.csv: each actor's position on each issue after each round of each model."""
        return self.table("trajectories")

    @property
    def tables(self):
        """Every model's own table (exchanges, eum_rounds, ...), by its key."""
        return {key: self.table(key) for key in self._all() if key not in ("forecast", "trajectories")}

    @property
    def files(self):
        """Each CSV file of the run folder, by name, as text."""
        return {file: text for file, text, _ in self._all().values()}

    @property
    def manifest(self):
        """run.json as a dict: the answer, the scenario's hash, date, seed, models with every parameter."""
        return json.loads(self._handle.manifest())

    @property
    def headline(self):
        """The headline forecast of each issue with its 50, 80 and 95 % intervals (the ensemble's rows), or
        None when the ensemble did not run."""
        forecasts = self.forecasts
        columns = ["issue", "forecast", "low50", "high50", "low80", "high80", "low95", "high95"]
        if isinstance(forecasts, list):
            rows = [{c: row[c] for c in columns} for row in forecasts if row["model"] == "ensemble"]
            return rows or None
        rows = forecasts[forecasts["model"] == "ensemble"]
        return None if rows.empty else rows[columns].reset_index(drop=True)

    def write(self, folder, report=True):
        """Writes the run folder (run.json, scenario.json, the CSV files; report.html when ``report``)."""
        self._handle.write(os.fspath(folder), report)

    def __repr__(self):
        headline = self.headline
        if headline is None:
            return f"<parley.Result: {len(self.files)} files, no headline>"
        rows = headline if isinstance(headline, list) else headline.to_dict("records")
        lines = [f"  {r['issue']}: {r['forecast']:.1f} (80 %: {r['low80']:.1f} to {r['high80']:.1f})" for r in rows]
        return "<parley.Result: headline\n" + "\n".join(lines) + ">"


def run(scenario=None, models=None, params=None, at=None, seed=None, *, what_if=None, threads=None):
    """Runs the models on a scenario, as ``parley run`` does; returns a :class:`Result`.

    scenario: a Scenario, an embedded name or a path (default: pakistan-2023).
    models: names as ``-m`` takes them (``"nash"``, ``"smp@hot"``, ``"ensemble"``); default every model that
        applies, and the ensemble (the headline).
    params: ``["nash.x=1"]`` or ``{"nash.x": 1}``, as ``-p``.
    at: a date (``"2022-06-01"`` or a datetime.date): the scenario as it stood then; default its as_of.
    seed: the models' seed; default the imported file's, else parley's default (20230105).
    what_if: changes as ``--set`` takes them, e.g. ``["actors.PAK.capability*=2"]``, recorded in run.json.
    threads: threads one model run may use (results never depend on it); default every core.
    """
    return Result(_parley.run(*_spec(scenario, models, params, at, seed, what_if, threads)))


class _Files:
    """Output files: ``files`` (each CSV file by name, as the CLI writes it) and :meth:`table`."""

    def _frames(self, files):
        self.files = {name: text for name, (text, _) in files.items()}
        self._text_columns = {name: columns for name, (_, columns) in files.items()}
        self._cache = {}

    def table(self, file):
        """An output file by name (e.g. "mc_summary.csv") as a DataFrame."""
        if file not in self._cache:
            self._cache[file] = frame(self.files[file], self._text_columns[file])
        return self._cache[file]


def _check_progress(progress):
    if progress is not None and not callable(progress):
        raise UsageError(f"progress {progress!r}: give a function of (done, total), or None")


class McResult(_Files):
    """Monte Carlo: ``summary`` (mc_summary.csv), ``claims`` (mc_claims.csv), ``indicators`` (each
    mc_NAME.csv by NAME) and ``draws``: every sample's forecasts, one row per sample and one column per
    (model, issue)."""

    def __init__(self, raw):
        self._frames(raw["files"])
        self.samples = raw["samples"]
        self.uncertain = raw["uncertain"]  # whether the scenario's uncertainty block makes anything vary
        self.text = raw["table"]  # what `parley mc` prints
        self.warnings = diagnostics_from_json(raw["warnings"])
        self.note = raw["note"]
        self._draws = (raw["draws"], [tuple(s) for s in raw["series"]])

    @property
    def summary(self):
        return self.table("mc_summary.csv")

    @property
    def claims(self):
        return self.table("mc_claims.csv")

    @property
    def indicators(self):
        return {f[3:-4]: self.table(f) for f in self.files if f not in ("mc_summary.csv", "mc_claims.csv")}

    @property
    def draws(self):
        data, series = self._draws
        return draws_frame(data, series, self.samples)

    def __repr__(self):
        return f"<parley.McResult: {self.samples} samples>\n{self.text}"


def mc(scenario=None, samples=1000, models=None, params=None, at=None, seed=None, *, what_if=None, threads=None,
       progress=None):
    """Monte Carlo over the scenario's uncertainty block, as ``parley mc -n SAMPLES``; returns a McResult.

    progress: called as ``progress(done, total)`` from this thread while it runs. The GIL is released while
    it runs; Ctrl-C (or an exception from ``progress``) stops it and is raised here.
    """
    spec, origin = _spec(scenario, models, params, at, seed, what_if, threads)
    samples = _whole("samples", samples, 1, 10**12)
    _check_progress(progress)
    return McResult(_parley.mc(spec, origin, samples, progress))


class SensitivityResult(_Files):
    """Sobol indices: ``indices`` (sensitivity.csv: first-order and total, with bootstrap intervals)."""

    def __init__(self, raw):
        self._frames(raw["files"])
        self.samples = raw["samples"]
        self.evaluations = raw["evaluations"]
        self.groups = list(raw["groups"])
        self.text = raw["table"]  # the top drivers, as `parley sensitivity` prints them
        self.warnings = diagnostics_from_json(raw["warnings"])
        self.note = raw["note"]

    @property
    def indices(self):
        return self.table("sensitivity.csv")

    def __repr__(self):
        return f"<parley.SensitivityResult: {self.samples} base samples>\n{self.text}"


def sensitivity(scenario=None, samples=500, models=None, params=None, at=None, seed=None, *, what_if=None,
                threads=None, bootstrap=200, progress=None):
    """Sobol indices of every forecast for the scenario's groups of uncertain inputs, as ``parley sensitivity``.

    progress, Ctrl-C and the GIL as in :func:`mc`.
    """
    spec, origin = _spec(scenario, models, params, at, seed, what_if, threads)
    samples = _whole("samples", samples, 2, 10**7)
    bootstrap = _whole("bootstrap", bootstrap, 0, 10**6)
    _check_progress(progress)
    return SensitivityResult(_parley.sensitivity(spec, origin, samples, bootstrap, progress))


class BacktestResult(_Files):
    """A backtest: ``summary`` (backtest_summary.csv), ``issues`` (backtest_issues.csv), ``cross_validation``
    (backtest_cv.csv, when asked for) and ``manifest`` (backtest.json)."""

    def __init__(self, raw):
        self._frames(raw["files"])
        self.manifest = json.loads(raw["manifest"])
        self.text = raw["table"]  # what `parley backtest` prints
        self.note = raw["note"]

    @property
    def summary(self):
        return self.table("backtest_summary.csv")

    @property
    def issues(self):
        return self.table("backtest_issues.csv")

    @property
    def cross_validation(self):
        return self.table("backtest_cv.csv") if "backtest_cv.csv" in self.files else None

    def __repr__(self):
        return f"<parley.BacktestResult>\n{self.text}"


def backtest(cases, models=None, params=None, seed=None, *, format=None, bootstrap=2000, cross_validate=False,
             ensemble_scoring="auto", threads=None):
    """Scores models on decisions whose outcomes are known, as ``parley backtest``.

    cases: Scenarios (e.g. from :func:`parley.import_file`), or paths of data files read with ``format``
        (e.g. ``"deu3"``) or of scenario files.
    ensemble_scoring: "auto", "refit" or "shipped", as ``--ensemble-scoring``.
    """
    if ensemble_scoring not in ("auto", "refit", "shipped"):
        raise UsageError(f"ensemble_scoring {ensemble_scoring!r}: must be 'auto', 'refit' or 'shipped'")
    if isinstance(cases, (str, os.PathLike, Scenario)):
        cases = [cases]
    scenarios, inputs, raw = [], [], b""
    for case in cases:
        if isinstance(case, Scenario):
            scenarios.append(case)
            continue
        path = os.fspath(case)
        inputs.append(path)
        if format is not None:
            found, text = _import(format, path)
            scenarios.extend(found)
            raw += text
            continue
        for file in _scenario_files(path):  # a scenario file, or a folder of them, as the CLI reads them
            scenario = load(file)
            scenario.name = os.path.splitext(os.path.basename(file))[0]  # a case is named by its file's stem
            scenarios.append(scenario)
            raw += scenario.source()[0].encode()
    payload = []
    for scenario in scenarios:
        text, file = scenario.source()
        payload.append({"name": scenario.name, "text": text, "file": file})
    options = {
        "models": _texts("models", models),
        "params": _assignments(params),
        "bootstrap": _whole("bootstrap", bootstrap, 0, 1_000_000),
        "cross_validate": bool(cross_validate),
        "scoring": ensemble_scoring,
        "threads": 0 if threads is None else _whole("threads", threads, 0, 1024),
        "inputs": inputs or [s.name for s in scenarios],
        "format": format or "scenario",
    }
    if seed is not None:
        options["seed"] = _whole("seed", seed, 0)
    return BacktestResult(_parley.backtest(json.dumps(payload), json.dumps(options), raw if inputs else None))


def _scenario_files(path):
    """A scenario file, or the .yaml and .yml files of a folder in name order (as `parley backtest` reads them)."""
    if not os.path.isdir(path):
        return [path]
    files = sorted(os.path.join(path, f) for f in os.listdir(path)
                   if f.endswith((".yaml", ".yml")) and os.path.isfile(os.path.join(path, f)))
    if not files:
        raise NotFoundError(f"{path}: the folder holds no .yaml scenario files")
    return files


def models():
    """Every model parley has: name, summary, reference, and each parameter with its type, default and range."""
    return json.loads(_parley.models())
