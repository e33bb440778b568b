"""Scenarios: loaded from the embedded ones, files or text, edited as plain dicts and lists.

A :class:`Scenario` holds the scenario as its format holds it (docs/scenario-format.md): ``data`` is a
dict with the YAML file's keys — ``actors``, ``issues``, ``relations``, ``events``, ... — that you may
change in place. It is checked again, with every problem located, whenever it is run, converted or
validated.
"""

import copy
import json
import os
from datetime import date as _date
from datetime import datetime as _datetime

from . import _parley
from .errors import UsageError, diagnostics


def scenarios():
    """The names of the scenarios compiled into parley; the first is the default."""
    names = _parley.scenario_names()
    default = _parley.default_scenario()
    return sorted(names, key=lambda name: name != default)


def _did_you_mean(word, candidates):
    import difflib

    close = difflib.get_close_matches(word, candidates, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _day(value):
    """A date as the format writes it: 'YYYY-MM-DD' from a date, a datetime or a pandas Timestamp."""
    if isinstance(value, _datetime):
        value = value.date()
    return value.isoformat() if isinstance(value, _date) else value


def _plain(value):
    """What json.dumps cannot write itself: numpy's numbers (a value taken from a DataFrame) and dates."""
    if isinstance(value, _date):
        return _day(value)
    if hasattr(value, "item"):
        return value.item()
    raise TypeError(f"{value!r} ({type(value).__name__}) cannot go into a scenario: use numbers, text, lists and dicts")


def _json(data):
    return json.dumps(data, indent=2, default=_plain)


class Scenario:
    """One scenario: ``data`` (a dict of the YAML format's keys) and where it came from.

    Make one with :func:`parley.load`, :func:`parley.loads`, :meth:`Scenario.from_dict` or
    :func:`parley.import_file`. Edits to ``data`` (or through :meth:`actor`, :meth:`stance`,
    :meth:`add_event`, ...) count from then on; :meth:`copy` first to keep the original.
    """

    def __init__(self, data, *, name, text, file, warnings=(), parameters=(), seed=None, strict=False, yaml=True,
                 origin=None):
        self.data = data
        self.name = name  # as a run's manifest names it: the embedded name, the path, or "<string>"
        self.strict = strict  # unsourced items are errors (always for the embedded scenarios)
        self.warnings = list(warnings)  # what the reader warned about, as Diagnostic
        # What an imported file says about running it (KTAB's model parameters and seed); parley.run uses them.
        self.parameters = list(parameters)
        self.seed = seed
        self._text = text  # the text it was read from, used as it is while data is unchanged
        self._file = file
        self._yaml = yaml  # whether that text is the user's YAML (to_yaml gives it back as it is)
        self._origin = origin  # the bytes of the file it came from, when that is not `text` (an imported file)
        self._as_read = copy.deepcopy(data)

    # -- making one -------------------------------------------------------------------------------

    @classmethod
    def _read(cls, text, *, file, name, strict=False, parameters=(), seed=None, yaml=True, origin=None):
        read = json.loads(_parley.read_scenario(text, file, strict))
        return cls(
            read["data"],
            name=name,
            text=text,
            file=file,
            warnings=diagnostics(read["warnings"]),
            parameters=parameters,
            seed=seed,
            strict=strict,
            yaml=yaml,
            origin=origin,
        )

    @classmethod
    def from_dict(cls, data, *, name="<dict>", strict=False):
        """A scenario from a dict of the YAML format's keys (as :meth:`to_dict` gives). Raises ScenarioError."""
        return cls._read(_json(data), file=name, name=name, strict=strict, yaml=False)

    def to_dict(self):
        """A deep copy of ``data``."""
        return copy.deepcopy(self.data)

    def to_yaml(self):
        """The scenario as YAML: the text it was read from while unchanged (comments and all), else written anew."""
        text, file = self.source()
        if self.edited or not self._yaml:
            return _parley.scenario_yaml(text, file)
        return text

    def copy(self):
        """An independent copy (edits to one do not reach the other)."""
        twin = copy.copy(self)
        twin.data = copy.deepcopy(self.data)
        twin.warnings = list(self.warnings)
        twin.parameters = list(self.parameters)
        return twin

    @property
    def edited(self):
        """Whether ``data`` changed since it was read."""
        return self.data != self._as_read

    def source(self):
        """(text, file) as the engine reads it: the original text while unchanged, else ``data`` as JSON.

        An edited scenario's errors are located in that JSON text; their key path names the place.
        """
        return self._engine_input()[:2]

    def origin(self):
        """The bytes a run's manifest hashes when they are not source()'s text (an imported file's), else None."""
        return self._engine_input()[2]

    def _engine_input(self):
        """(text, file, origin) for a run, from one comparison of ``data`` with what was read."""
        if not self.edited:
            return self._text, self._file, self._origin
        return _json(self.data), f"{self.name} (edited)", None

    def validate(self, strict=None):
        """Checks the scenario as it stands (strictly when ``strict``, default the scenario's own);
        returns its warnings, raises ScenarioError on errors."""
        text, file = self.source()
        read = json.loads(_parley.read_scenario(text, file, self.strict if strict is None else strict))
        return diagnostics(read["warnings"])

    # -- reading and editing ----------------------------------------------------------------------

    @property
    def title(self):
        return self.data.get("title", "")

    @property
    def actors(self):
        """The actors, as dicts (edits count)."""
        return self.data.setdefault("actors", [])

    @property
    def issues(self):
        return self.data.setdefault("issues", [])

    @property
    def relations(self):
        return self.data.setdefault("relations", [])

    @property
    def events(self):
        return self.data.setdefault("events", [])

    def _find(self, items, key, what):
        for item in items:
            if item.get("id") == key:
                return item
        raise KeyError(f"no {what} {key!r}{_did_you_mean(key, [i.get('id', '') for i in items])}")

    def actor(self, actor_id):
        """The actor's dict (edits count). Raises KeyError naming the nearest id."""
        return self._find(self.actors, actor_id, "actor")

    def issue(self, issue_id):
        """The issue's dict (edits count). Raises KeyError naming the nearest id."""
        return self._find(self.issues, issue_id, "issue")

    def stance(self, actor_id, issue_id):
        """The actor's stance on the issue: a dict with ``position``, ``salience``, ... (edits count)."""
        stances = self.actor(actor_id).setdefault("stances", {})
        if issue_id not in stances:
            self.issue(issue_id)  # an unknown issue says so first
            raise KeyError(f"actor {actor_id!r} has no stance on {issue_id!r}")
        return stances[issue_id]

    def set_stance(self, actor_id, issue_id, *, position=None, salience=None, capability=None):
        """Sets the given values of a stance, creating it when the actor has none on the issue."""
        self.issue(issue_id)
        stances = self.actor(actor_id).setdefault("stances", {})
        stance = stances.setdefault(issue_id, {})
        for key, value in (("position", position), ("salience", salience), ("capability", capability)):
            if value is not None:
                stance[key] = value
        return stance

    def add_event(self, date, title, effects, *, description=None, sources=None):
        """Adds a dated event: ``effects`` as the format writes them, e.g.
        ``[{"actor": "PAK", "issue": "us_airspace", "position": {"add": 10}}]``."""
        event = {"date": _day(date), "title": title}
        if description:
            event["description"] = description
        if sources:
            event["sources"] = list(sources)
        event["effects"] = list(effects)
        self.events.append(event)
        return event

    def __repr__(self):
        counts = f"{len(self.actors)} actors, {len(self.issues)} issues, {len(self.events)} events"
        return f"<parley.Scenario {self.name!r}: {self.title!r}, {counts}{', edited' if self.edited else ''}>"


def load(name_or_path=None, *, format=None, strict=False):
    """A scenario by embedded name (``"pakistan-2023"``, the default) or file path, as ``parley run`` finds it.

    ``format``: read the file with that importer (e.g. ``"bdm-csv"``), as ``parley run --from``; the file
    must hold one scenario. ``strict``: unsourced items are errors (embedded scenarios are always strict).
    Raises NotFoundError, ScenarioError.
    """
    if name_or_path is None:
        name_or_path = _parley.default_scenario()
    name_or_path = os.fspath(name_or_path)
    if format is not None:
        found = import_file(format, name_or_path)
        if len(found) != 1:
            raise UsageError(
                f"{name_or_path} holds {len(found)} scenarios; parley.import_file({format!r}, ...) gives them all"
            )
        found[0].name = name_or_path  # as `parley run PATH --from FORMAT` names it in run.json
        return found[0]
    located = _parley.locate(name_or_path)
    return Scenario._read(
        located["text"],
        file=located["file"],
        name=located["origin"],
        strict=strict or located["embedded"],
    )


def loads(text, *, name="<string>", strict=False):
    """A scenario from its YAML (or JSON) text; ``name`` names it in messages. Raises ScenarioError."""
    return Scenario._read(text, file=name, name=name, strict=strict)


def import_formats():
    """The importers: [{"name", "summary", "many"}] (``many``: one file holds many scenarios)."""
    return json.loads(_parley.import_formats())


def import_file(format, path):
    """Every scenario a data file of another tool holds (``parley import FORMAT PATH``), as a list.

    Each keeps what the file says about running it (``parameters``, ``seed``), which parley.run applies.
    """
    return _import(format, os.fspath(path))[0]


def _import(format, path):
    """(the scenarios, the file's bytes)."""
    listing, raw = _parley.import_file(format, path)
    scenarios = []
    for item in json.loads(listing):
        text = json.dumps(item["data"], indent=2)
        name = item["name"]
        scenarios.append(
            Scenario._read(text, file=f"{path} ({name})", name=name, parameters=item["parameters"], seed=item["seed"],
                           yaml=False, origin=raw)
        )
    return scenarios, raw
