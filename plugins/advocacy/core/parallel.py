"""Work spread over every core (pictures, cards), or done in place when there is little."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Job = TypeVar("Job")
Out = TypeVar("Out")


def parallel_map(func: Callable[[Job], Out], jobs: Sequence[Job], workers: int | None = None
                 ) -> list[Out]:
    """``[func(job) for job in jobs]`` on all cores; ``func`` must be a module-level function."""
    workers = workers or os.cpu_count() or 1
    if workers > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
            return list(pool.map(func, jobs, chunksize=4))
    return [func(job) for job in jobs]
