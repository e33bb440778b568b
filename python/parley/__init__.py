"""parley: forecasts of how a strategic system bargains out — the same engine as the `parley` CLI.

    import parley
    result = parley.run(parley.load("pakistan-2023"))
    result.forecasts          # forecast.csv as a pandas DataFrame
    result.headline           # the headline forecast of each issue with its 50/80/95 % intervals

docs/python.md is the guide.
"""

try:
    from . import _parley
except ImportError as error:  # the Python files without the module: python/ in the source tree
    raise ImportError(
        "parley's module (_parley) is not built here: build it with scripts/build-and-run.sh and put "
        "build/release/python on PYTHONPATH (docs/python.md)"
    ) from error
from .compute import (
    BacktestResult,
    McResult,
    Result,
    SensitivityResult,
    backtest,
    mc,
    models,
    run,
    sensitivity,
)
from .errors import (
    ConfigError,
    Diagnostic,
    Error,
    ModelError,
    NotFoundError,
    OutputError,
    ScenarioError,
    StoppedError,
    UnsolvableError,
    UsageError,
)
from .scenario import Scenario, import_file, import_formats, load, loads, scenarios

__version__ = _parley.version()
commit = _parley.commit()  # the git commit the module was built from ("-dirty": with changes)

__all__ = [
    "BacktestResult",
    "ConfigError",
    "Diagnostic",
    "Error",
    "McResult",
    "ModelError",
    "NotFoundError",
    "OutputError",
    "Result",
    "Scenario",
    "ScenarioError",
    "SensitivityResult",
    "StoppedError",
    "UnsolvableError",
    "UsageError",
    "backtest",
    "import_file",
    "import_formats",
    "load",
    "loads",
    "mc",
    "models",
    "run",
    "scenarios",
    "sensitivity",
]
