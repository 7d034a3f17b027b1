"""Spread independent work over every core: at 10,000 articles, rendering is most of the generation.

Pages (and feeds) do not depend on each other, so they are split into batches that forked
worker processes render. Fork, not spawn: the workers share the linked site the parent
built (copy-on-write) instead of receiving it pickled, and send back only their results.
Results come back in order, so the output is byte for byte what one process makes. Small
jobs, one-core machines and systems without fork run in the calling process, where
starting workers would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

PARALLEL_FROM = 400
"""Fewer items than this are done in one process (a worker costs ~50 ms to start and warm up)."""
BATCHES_PER_WORKER = 8
"""A briefing takes ten times an article page: many small batches keep every worker busy."""

_WORK: tuple[Callable[[Any], Any], Sequence[Any]] | None = None
"""The function and items of the running `map_in_order`, set before the workers are forked."""


def map_in_order(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    parallel_from: int | None = None,
    done: Callable[[Item, Result], None] | None = None,
) -> list[Result]:
    """Return `[function(item) for item in items]`, computed on every available core.

    `function` may close over anything (the site, a Jinja environment): the workers inherit
    it. Only the results are pickled. Fewer than `parallel_from` items (default
    `PARALLEL_FROM`) are done here. An exception in a worker is raised here. A process
    with other threads (`mkdocs serve`'s server) is never forked: a lock another thread
    holds would stay locked in the worker. `done(item, result)` is called with each result
    as soon as it and those before it are known, in order (a build converts each page while
    the next are rendered: generation_alongside.py).
    """
    workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if (
        workers < 2
        or len(items) < (PARALLEL_FROM if parallel_from is None else parallel_from)
        or threading.active_count() > 1
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return [_reported(done, item, function(item)) for item in items]
    global _WORK  # noqa: PLW0603 - handed to the forked workers through their copy of this module
    _WORK = (function, items)
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            results: list[Result] = []
            ranges = batches(len(items), workers)
            for indexes, batch in zip(ranges, pool.map(_run_batch, ranges), strict=True):  # each batch once done
                results += [_reported(done, items[index], result) for index, result in zip(indexes, batch, strict=True)]
            return results
    finally:
        _WORK = None


def _reported(done: Callable[[Item, Result], None] | None, item: Item, result: Result) -> Result:
    if done is not None:
        done(item, result)
    return result


def batches(count: int, workers: int) -> list[range]:
    """Split `count` items into consecutive ranges, `BATCHES_PER_WORKER` per worker: small enough
    that no worker waits while another finishes a long batch, few enough that handing them out
    costs little. The writer's threads (write.py) share them out the same way."""
    size = max(1, -(-count // (workers * BATCHES_PER_WORKER)))
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def _run_batch(indexes: range) -> list[Any]:
    assert _WORK is not None, "set by map_in_order before the workers were forked"
    function, items = _WORK
    return [function(items[index]) for index in indexes]
