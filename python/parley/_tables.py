"""CSV texts as the CLI writes them, turned into pandas DataFrames (or lists of dicts without pandas).

Numbers in parley's CSV files are the shortest text that reads back to the same double, so a float read
from them is the engine's own value, bit for bit. Columns that hold ids or words (model, issue, actor,
...) stay text whatever they look like: an actor may be called ``NA`` or ``007``.
"""

import csv
import io

try:
    import pandas
except ImportError:  # pragma: no cover - exercised only where pandas is absent
    pandas = None


def has_pandas():
    return pandas is not None


def _header(text):
    return next(csv.reader(io.StringIO(text)), [])


def _value(cell):
    if cell == "":
        return None
    if cell in ("true", "false"):
        return cell == "true"
    try:
        return int(cell)
    except ValueError:
        pass
    try:
        return float(cell)
    except ValueError:
        return cell


def records(text, text_columns=()):
    """The rows of a CSV text as dicts: numbers as int or float (a column with any float all float, as
    pandas reads it), true/false as bool, empty as None; the text columns as str (empty as None)."""
    keep = set(text_columns)
    rows = [
        {k: ((v or None) if k in keep else _value(v)) for k, v in row.items()}
        for row in csv.DictReader(io.StringIO(text))
    ]
    for name in rows[0] if rows else ():
        if any(isinstance(row[name], float) for row in rows):
            for row in rows:
                if isinstance(row[name], int) and not isinstance(row[name], bool):
                    row[name] = float(row[name])
    return rows


def frame(text, text_columns=()):
    """A CSV text as a DataFrame (list of dicts without pandas), its text columns as str.

    Only an empty cell is missing (NaN): "NA", "null" and "nan" are read as they are written.
    """
    if pandas is None:
        return records(text, text_columns)
    header = _header(text)
    dtype = {name: str for name in text_columns if name in header}
    return pandas.read_csv(
        io.StringIO(text),
        float_precision="round_trip",
        keep_default_na=False,
        na_values=[""],
        dtype=dtype,
    )


def draws_frame(data, series, samples):
    """Monte Carlo's forecasts, one row per sample and one column per (model, issue)."""
    if pandas is None:
        import array

        values = array.array("d")
        values.frombytes(data)
        width = len(series)
        names = [f"{model}:{issue}" for model, issue in series]
        return [
            dict(sample=k, **{names[s]: values[k * width + s] for s in range(width)}) for k in range(samples)
        ]
    import numpy

    values = numpy.frombuffer(data, dtype=numpy.float64).reshape(samples, len(series))
    columns = pandas.MultiIndex.from_tuples(series, names=["model", "issue"])
    result = pandas.DataFrame(values.copy(), columns=columns)
    result.index.name = "sample"
    return result
