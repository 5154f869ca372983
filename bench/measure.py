"""Run one command and measure its wall time and the peak memory of its whole process tree.

Shared by ``build_bench.py`` (our builds) and ``material_baseline.py`` (Material's).

``/usr/bin/time -v`` reports the largest single process, but our cold build processes
pictures and cards in worker child processes, so its memory is the sum over the tree. A
thread polls ``/proc`` every ``INTERVAL`` seconds, sums the resident set size (RSS) of the
command and all its descendants (found through ``/proc/<pid>/task/<tid>/children``, or a
scan of ``/proc/*/stat`` where the kernel lacks that file) and keeps the peak of the sum.

Caveats: pages shared by forked workers are counted once per process (so the sum is an
upper bound of the memory really used), and a peak shorter than the interval can fall
between two samples; the peak reported is therefore never below the largest single
process, taken exactly from ``wait4``'s ``ru_maxrss`` (what ``/usr/bin/time -v`` shows).
The sampler also sums the proportional set size (PSS, from ``smaps_rollup``: a page
shared by k processes counts 1/k in each), which counts shared pages once; the kernel
walks the page tables for it, so it is read only near the peak (RSS sum at least
``PSS_NEAR_PEAK`` of the peak so far) and at most every ``PSS_EVERY`` samples. A child is
counted from its second sample on (see :class:`TreeSampler`).
Linux only.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

INTERVAL = 0.025
PSS_EVERY = 4
PSS_NEAR_PEAK = 0.9
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
_CHILDREN_FILE = Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists()


@dataclass
class Measurement:
    """What one run of a command cost."""

    seconds: float
    peak_mb: float  # peak of the summed RSS of the process tree
    largest_mb: float  # largest single process of the tree (``ru_maxrss``)
    pss_mb: float  # peak of the summed PSS of the tree (read near the RSS peak)
    samples: int
    returncode: int
    stdout: str
    stderr: str


@dataclass(kw_only=True)
class Runs:
    """Seconds and memory of the runs of one step (shared by both benchmarks' rows)."""

    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)
    largest_mb: list[float] = field(default_factory=list)
    pss_mb: list[float] = field(default_factory=list)

    def add(self, result: Measurement) -> None:
        """Add one run's seconds and memory."""
        self.seconds.append(result.seconds)
        self.peak_mb.append(result.peak_mb)
        self.largest_mb.append(result.largest_mb)
        self.pss_mb.append(result.pss_mb)


def _read(path: str) -> str:
    """The text of a /proc file, or "" when the process is gone."""
    try:
        with open(path, encoding="ascii", errors="replace") as fh:
            return fh.read()
    except OSError:
        return ""


def children(pid: int) -> list[int]:
    """The direct children of ``pid`` (of every thread of it)."""
    if _CHILDREN_FILE:
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            return []
        return [int(c) for tid in tasks for c in _read(f"/proc/{pid}/task/{tid}/children").split()]
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _read(f"/proc/{entry}/stat")
            fields = stat[stat.rfind(")") + 2 :].split()  # after "pid (comm) "
            if len(fields) > 1 and fields[1] == str(pid):
                found.append(int(entry))
    return found


def tree_pids(root: int) -> list[int]:
    """``root`` and all its descendants, right now."""
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        if pid not in found:
            found.append(pid)
            todo.extend(children(pid))
    return found


def rss_kb(pid: int) -> int:
    """The resident set size of ``pid`` in kB (0 when it is gone)."""
    statm = _read(f"/proc/{pid}/statm").split()
    return int(statm[1]) * PAGE_KB if len(statm) > 1 else 0


def pss_kb(pid: int) -> int:
    """The proportional set size of ``pid`` in kB (0 when unknown)."""
    for line in _read(f"/proc/{pid}/smaps_rollup").splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return 0


class TreeSampler(threading.Thread):
    """Polls the process tree of ``pid`` until stopped; keeps the peaks of its memory.

    A descendant counts from its second sample on: a child forked to start another
    program (``git``, ``ldconfig``, ``gcc`` run by imports) is, until it does, a copy of
    its parent with the parent's RSS, and would otherwise double the parent for a moment.
    """

    def __init__(self, pid: int, interval: float = INTERVAL) -> None:
        """Prepare to sample ``pid``'s tree every ``interval`` seconds."""
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_kb, self.pss_kb, self.samples = 0, 0, 0
        self._previous: set[int] = set()
        self._pss_at = -PSS_EVERY
        self._stop_event = threading.Event()

    def sample(self) -> None:
        """Take one sample of the tree."""
        pids = tree_pids(self.pid)
        counted = [p for p in pids if p == self.pid or p in self._previous]
        self._previous = set(pids)
        rss = sum(map(rss_kb, counted))
        self.peak_kb = max(self.peak_kb, rss)
        if rss >= PSS_NEAR_PEAK * self.peak_kb and self.samples - self._pss_at >= PSS_EVERY:
            self.pss_kb = max(self.pss_kb, sum(map(pss_kb, counted)))
            self._pss_at = self.samples
        self.samples += 1

    def run(self) -> None:
        """Sample until :meth:`stop` is called."""
        while True:
            self.sample()
            if self._stop_event.wait(self.interval):
                return

    def stop(self) -> None:
        """Stop sampling and wait for the thread."""
        self._stop_event.set()
        self.join()


def run(
    cmd: list[str],
    cwd: Path,
    env: dict[str, str],
    ok: tuple[int, ...] | None = None,
    interval: float = INTERVAL,
) -> Measurement:
    """Run ``cmd`` in ``cwd`` with ``env`` and measure it.

    With ``ok``, a return code outside it or a Python traceback on stderr ends the
    benchmark with the command's output.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err)
        sampler = TreeSampler(proc.pid, interval)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)  # rusage of the tree's largest process
        seconds = time.perf_counter() - start
        sampler.stop()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    largest_mb = usage.ru_maxrss / 1024
    result = Measurement(
        seconds=seconds,
        peak_mb=max(sampler.peak_kb / 1024, largest_mb),
        largest_mb=largest_mb,
        pss_mb=sampler.pss_kb / 1024,
        samples=sampler.samples,
        returncode=proc.returncode,
        stdout=stdout,
        stderr=stderr,
    )
    if ok is not None and (result.returncode not in ok or "Traceback" in stderr):
        sys.exit(f"command failed ({result.returncode}): {' '.join(cmd)}\n{stdout}\n{stderr}")
    return result
