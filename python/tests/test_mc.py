"""Monte Carlo and sensitivity: the CLI's files, progress, the GIL released, Ctrl-C honoured."""

import os
import signal
import threading
import time

import pytest

import parley


def test_mc_is_parley_mc(cli, tmp_path):
    printed = cli("mc", "-n", "64", "-o", "out", "-m", "compromise", "-m", "nash", "-m", "ensemble").stdout
    result = parley.mc(samples=64, models=["compromise", "nash", "ensemble"])
    assert result.text in printed
    for name, text in result.files.items():
        assert text == (tmp_path / "out" / name).read_text(), name
    assert result.samples == 64 and result.uncertain
    summary = result.summary
    assert len(summary) == len((tmp_path / "out" / "mc_summary.csv").read_text().splitlines()) - 1
    draws = result.draws
    assert draws.shape == (64, len(summary))
    # The draws are the samples the summary is made of.
    row = summary.iloc[-1]
    column = draws[(row["model"], row["issue"])]
    assert column.mean() == pytest.approx(row["mean"], rel=1e-12)


def test_mc_is_the_same_whatever_the_threads():
    one = parley.mc(samples=40, models="compromise", threads=1)
    two = parley.mc(samples=40, models="compromise", threads=2)
    assert one.files == two.files
    assert one.draws.equals(two.draws)


def test_progress_reaches_the_total():
    calls = []
    parley.mc(samples=200, models=["smp"], progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1] == (200, 200)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def count_for(seconds):
    """Pure Python work for `seconds`: how many loops this thread ran, holding the GIL for each."""
    loops, end = 0, time.monotonic() + seconds
    while time.monotonic() < end:
        loops += 1
    return loops


class Enough(Exception):
    pass


def test_the_gil_is_released_while_it_runs():
    running, stop, failures = threading.Event(), threading.Event(), []

    def progress(done, total):
        running.set()
        if stop.is_set():
            raise Enough()

    def work():
        try:
            parley.mc(samples=2_000_000, models=["smp"], threads=1, progress=progress)
        except Enough:
            pass
        except Exception as error:  # noqa: BLE001 - reported below
            failures.append(error)

    alone = count_for(0.3)
    worker = threading.Thread(target=work)
    worker.start()
    assert running.wait(60)
    during = count_for(0.3)
    still_running = worker.is_alive()
    stop.set()
    worker.join()
    assert not failures and still_running
    # This thread ran Python while the engine worked: held all along, the GIL would have let it run
    # only between the engine's progress reports (every 100 ms), a few percent of the time.
    assert during > 0.25 * alone, (during, alone)


def test_an_exception_in_progress_stops_it():
    def fail(done, total):
        raise RuntimeError("enough")

    with pytest.raises(RuntimeError, match="enough"):
        parley.mc(samples=100_000, models=["smp"], progress=fail)


@pytest.mark.skipif(threading.current_thread() is not threading.main_thread(), reason="signals reach the main thread")
def test_ctrl_c_stops_it():
    timer = threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        parley.mc(samples=2_000_000, models=["smp"])
    timer.cancel()
    # It stopped: 2e6 samples of smp take over ten minutes, and ctest would kill the test first.
    assert time.monotonic() - started < 60


def test_sensitivity_is_parley_sensitivity(cli, tmp_path):
    printed = cli("sensitivity", "-n", "16", "--bootstrap", "20", "-o", "out", "-m", "compromise").stdout
    result = parley.sensitivity(samples=16, bootstrap=20, models="compromise")
    assert result.text in printed
    assert result.files["sensitivity.csv"] == (tmp_path / "out" / "sensitivity.csv").read_text()
    assert result.evaluations == 16 * (len(result.groups) + 2)
    indices = result.indices
    assert {"first", "total"} <= set(indices.columns)


def test_sensitivity_reports_progress_and_stops():
    calls = []
    parley.sensitivity(samples=8, bootstrap=5, models="compromise", progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (8, 8)

    def fail(done, total):
        raise ValueError("stop here")

    with pytest.raises(ValueError, match="stop here"):
        parley.sensitivity(samples=100_000, bootstrap=5, models="smp", progress=fail)


def test_indicator_keys_stay_text(cli, tmp_path):
    result = parley.mc(samples=30, models=["exchange"])
    assert "exchanges" in result.indicators
    exchanges = result.indicators["exchanges"]
    assert {"actor_a", "supplies_a", "actor_b", "supplies_b"} <= set(exchanges.columns)
    assert exchanges["actor_a"].map(type).eq(str).all()
    cli("mc", "-n", "30", "-m", "exchange", "-q", "-o", "out")
    assert result.files["mc_exchanges.csv"] == (tmp_path / "out" / "mc_exchanges.csv").read_text()
