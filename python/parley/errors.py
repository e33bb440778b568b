"""parley's errors as Python exceptions.

Every error of the engine is a :class:`parley.Error`, with the category and exit code the CLI gives it.
A malformed scenario raises :class:`ScenarioError`, whose ``diagnostics`` list every problem found with
its file, line, column and key path (the first one's are also ``file``, ``line``, ``column`` and
``path``).
"""

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Diagnostic:
    """One problem in an input: ``file:line:column: path: message``. line and column start at 1; 0: unknown."""

    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self):
        place = self.file
        if self.line > 0:
            place += f":{self.line}"
            if self.column > 0:
                place += f":{self.column}"
        return f"{place}: {self.path + ': ' if self.path else ''}{self.message}"


def diagnostics(items):
    """Diagnostics from the engine's dicts ({"file", "line", "column", "path", "message"})."""
    return [Diagnostic(**item) for item in items]


def diagnostics_from_json(text):
    return diagnostics(json.loads(text))


class Error(Exception):
    """An error of parley's engine.

    Attributes: ``category`` (``"data"``, ``"usage"``, ``"config"``, ``"no_input"``, ``"software"``,
    ``"cant_create"``, ``"interrupted"``), ``exit_code`` (the CLI's for the same error), ``diagnostics``
    (a list of :class:`Diagnostic`, empty but for scenario errors) and, from the first diagnostic,
    ``file``, ``line``, ``column`` and ``path`` (None when there is none).
    """

    category = "software"
    exit_code = 70

    def __init__(self, message, *, category=None, exit_code=None, diagnostics=()):
        super().__init__(message)
        if category is not None:
            self.category = category
        if exit_code is not None:
            self.exit_code = exit_code
        self.diagnostics = list(diagnostics)
        first = self.diagnostics[0] if self.diagnostics else None
        self.file = first.file if first else None
        self.line = first.line if first else None
        self.column = first.column if first else None
        self.path = first.path if first else None


class ScenarioError(Error, ValueError):
    """A scenario or data file is malformed; ``diagnostics`` holds every problem found."""

    category, exit_code = "data", 65

    def __str__(self):
        if not self.diagnostics:
            return super().__str__()
        lines = [str(d) for d in self.diagnostics]
        return f"{len(lines)} error(s) in the input:\n" + "\n".join(lines)


class ConfigError(Error, ValueError):
    """A model name, parameter name or parameter value that parley does not know or accept."""

    category, exit_code = "config", 78


class UsageError(Error, ValueError):
    """An argument that cannot be used: a date that is not one, a what-if that names no actor, ..."""

    category, exit_code = "usage", 64


class NotFoundError(Error, LookupError):
    """A file or embedded scenario that does not exist."""

    category, exit_code = "no_input", 66


class ModelError(Error, RuntimeError):
    """A model failed on a valid input: a defect in parley, reported as such."""

    category, exit_code = "software", 70


class UnsolvableError(Error, ValueError):
    """A model stops where the tool it reproduces stops on this input (e.g. smp where KTAB aborts)."""

    category, exit_code = "data", 65


class StoppedError(Error):
    """Long work stopped before it finished, on request."""

    category, exit_code = "interrupted", 130


class OutputError(Error, OSError):
    """An output file or folder cannot be written."""

    category, exit_code = "cant_create", 73


# What the engine's subjects are called among this package's arguments.
_ARGUMENTS = {"model": "models", "parameter": "params", "date": "at", "threads": "threads", "resume": "resume"}


def _wording(fields):
    """The message in this package's words: `params 'nash.x=1': ...` where the CLI says `-p nash.x=1: ...`."""
    subject = fields["subject"]
    if not subject:
        text = fields["context"] + fields["detail"]
    else:
        detail = fields["detail"]
        joined = detail.startswith((":", " "))
        text = f"{fields['context']}{_ARGUMENTS[subject]} {fields['value']!r}{'' if joined else ': '}{detail}"
    remedy = fields["remedy_subject"]
    if remedy:
        argument = _ARGUMENTS[remedy]
        text += f" (add {fields['remedy_value']!r} to {argument})" if fields["remedy_value"] else f" (set {argument})"
    return text


def _from_native(text):
    """Builds the exception for an error of the engine (called by parley._parley)."""
    fields = json.loads(text)
    cls = globals().get(fields["class"], Error)
    return cls(_wording(fields), category=fields["category"], exit_code=fields["exit_code"],
               diagnostics=diagnostics(fields["diagnostics"]))
