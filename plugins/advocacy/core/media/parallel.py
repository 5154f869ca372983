"""Work spread over every core (pictures, cards), in the background while the build goes on.

Pictures and cards are most of a first build's time, and the pages do not wait for them:
their addresses and sizes are known before they are made. So the work goes to worker
processes as soon as it is known, the pages are written meanwhile, and the results are
collected at the end. With little work it is done in place.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Generic, TypeVar

Job = TypeVar("Job")
Out = TypeVar("Out")


class Pending(Generic[Out]):
    """Results still being made; ``results()`` waits for them."""

    def __init__(self, results: Iterator[Out] | list[Out]) -> None:
        self._results = results

    def results(self) -> list[Out]:
        """Every result, in job order (waits for the workers)."""
        if not isinstance(self._results, list):
            self._results = list(self._results)
        return self._results


class WorkerPool:
    """Worker processes, started on first use and stopped by ``close``."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1
        self._executor: Executor | None = None

    def map(self, func: Callable[[Job], Out], jobs: Sequence[Job]) -> Pending[Out]:
        """Start ``func`` on every job (``func`` must be a module-level function)."""
        if self.workers < 2 or len(jobs) < 2:
            return Pending([func(job) for job in jobs])
        if self._executor is None:
            # Workers start from a small fork server, not as copies of the build process: a
            # copy of a big site's build holds hundreds of megabytes it does not need.
            context = multiprocessing.get_context("forkserver")
            self._executor = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
        return Pending(self._executor.map(func, jobs, chunksize=4))

    def close(self, cancel: bool = False) -> None:
        """Stop the workers (after their work, or at once with ``cancel``)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=cancel)
            self._executor = None


def parallel_map(
    func: Callable[[Job], Out], jobs: Sequence[Job], workers: int | None = None
) -> list[Out]:
    """``[func(job) for job in jobs]`` on all cores, waiting for the results."""
    pool = WorkerPool(workers)
    try:
        return pool.map(func, jobs).results()
    finally:
        pool.close()
