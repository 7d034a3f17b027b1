"""Peak memory of a process and everything it starts, sampled while it runs.

A full build is two processes at once: MkDocs and the Pagefind service it feeds; the
generator forks rendering workers. The kernel's `ru_maxrss` gives the largest of them,
never their sum, so it understates what the machine needs. This samples the whole tree
instead and adds up each process's proportional set size (PSS), which counts a page
shared by forked processes once, split between them, where RSS would count it in each.

Each sample reads the kernel's summary, /proc/PID/smaps_rollup (Linux 4.14 and later),
which walks the process's page tables: ~10 ms for a 500 MB process. Sampling every half
second keeps that to a few percent of one core, taken from the build being measured, and
can miss a peak shorter than that; the builds measured here run for seconds to minutes,
and their memory grows and falls slowly.

Sampling slows what it measures all the same: while the kernel walks a process's page
tables it holds that process's memory map, which Python's allocator takes each time it
maps or unmaps an arena. A first build at 10,000 articles took 137.8 s sampled and 102.8 s
not, in the same hour. So the bench times its runs unsampled and measures memory in runs of
its own (run.py).
"""

from __future__ import annotations

import contextlib
import threading
from types import TracebackType

import psutil

INTERVAL = 0.5
"""Seconds between two samples."""


class TreeMemory:
    """While the block runs, the largest total memory of process `pid` and its descendants.

    with TreeMemory(process.pid) as memory:
        process.wait()
    memory.peak_mb
    """

    def __init__(self, pid: int, interval: float = INTERVAL) -> None:
        self._root = psutil.Process(pid)
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="tree-memory", daemon=True)
        self.peak_mb = 0.0

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, _tree_pss(self._root) / 1024**2)
            self._stop.wait(self._interval)


def _tree_pss(root: psutil.Process) -> int:
    """Bytes of PSS of `root` and its descendants; processes that end meanwhile count as 0."""
    try:
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for process in processes:
        with contextlib.suppress(OSError):  # it ended since it was listed
            total += _pss(process.pid)
    return total


def _pss(pid: int) -> int:
    """Bytes of proportional set size of one process, from the kernel's rollup of its mappings."""
    with open(f"/proc/{pid}/smaps_rollup", "rb") as rollup:
        for line in rollup:
            if line.startswith(b"Pss:"):
                return int(line.split()[1]) * 1024  # the kernel counts in kB
    return 0
