"""CPython's own event loop, made to run inside a browser's Web Worker (Pyodide).

The loop is ``asyncio.base_events.BaseEventLoop``: its ``_run_once``, its ready queue
(a ``collections.deque``) and its timer heap (a ``heapq`` list) are CPython's, untouched.
Only what a worker cannot provide is replaced:

- the clock (``time()``) and the selector, the object ``_run_once`` asks to wait
  (``self._selector.select(timeout)``). A worker has no sockets to wait on, so the
  selector only waits: on the virtual clock it moves the clock forward by ``timeout``
  (``sleep(3600)`` ends at once); on the real clock it blocks the worker's thread for
  ``timeout`` seconds without spinning (``Atomics.wait``, passed in from JavaScript);
- ``_process_events`` and ``_write_to_self``, which only matter to a loop with sockets
  and a self-pipe (``SelectorEventLoop`` needs ``socketpair()``, which Pyodide lacks).

This mirrors the CI harness (``tests/harness/virtual_loop.py``) and the loop library's
``clock: "virtual"``: time starts at 0.0 and jumps by the select timeout
``min(max(0, deadline - now), 86400)`` that ``_run_once`` computes.
"""

import asyncio
import asyncio.base_events
import asyncio.events
import time as _time

DEADLOCK = "virtual clock: deadlock (nothing ready and no timer scheduled)"


class VirtualSelector:
    """Waiting moves the clock forward instead of blocking.

    >>> s = VirtualSelector(); s.select(1.5); s.now
    1.5
    """

    def __init__(self):
        self.now = 0.0

    def time(self):
        return self.now

    def select(self, timeout=None):
        if timeout is None:
            # Nothing ready and no timer: a real loop would wait forever.
            raise RuntimeError(DEADLOCK)
        self.now += timeout
        return []


class RealSelector:
    """Waiting blocks the worker for ``timeout`` seconds, without spinning a core.

    ``wait(ms)`` is JavaScript's ``Atomics.wait`` on a word nobody ever changes;
    ``wait(None)`` waits until the page ends the worker (Stop, or the time limit), as
    ``select(None)`` would wait forever in CPython.
    """

    def __init__(self, wait, origin):
        self._wait = wait
        self._origin = origin

    def time(self):
        # Counted from the start of the run, like the loop library's real clock output.
        return _time.monotonic() - self._origin

    def select(self, timeout=None):
        if timeout is None:
            self._wait(None)
        elif timeout > 0:
            self._wait(timeout * 1000.0)
        return []


class BrowserEventLoop(asyncio.base_events.BaseEventLoop):
    """``BaseEventLoop`` with a clock and a waiting-only selector (see the module doc)."""

    def __init__(self, selector):
        super().__init__()
        self._selector = selector
        # Kept apart from _selector so a closed loop still answers time().
        self._clock = selector

    def time(self):
        return self._clock.time()

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass

    async def shutdown_default_executor(self):
        """Shuts the default executor down without a thread (a worker cannot start one).

        ``asyncio.run()`` calls this last; CPython's version joins the executor's threads
        from a new thread. Here no executor thread ever started (``run_in_executor`` fails
        with "can't start new thread"), so nothing is left to join, and a program whose
        ``to_thread`` failed ends on that error alone, as in CPython, not on a second one.
        """
        self._executor_shutdown_called = True
        if self._default_executor is not None:
            self._default_executor.shutdown(wait=True)


class BrowserEventLoopPolicy(asyncio.DefaultEventLoopPolicy):
    """Makes ``asyncio.run()``, ``new_event_loop()`` and ``get_event_loop()`` use the loop above."""

    def __init__(self, make_loop):
        super().__init__()
        self._make_loop = make_loop

    def new_event_loop(self):
        return self._make_loop()


def install(make_loop):
    """Every new loop comes from ``make_loop()`` (e.g. ``BrowserEventLoop(VirtualSelector())``)."""
    asyncio.set_event_loop_policy(BrowserEventLoopPolicy(make_loop))
    # Pyodide runs its own loop (a WebLoop) as the running loop at top level; with it in
    # place, asyncio.run() would refuse to start ("cannot be called from a running loop").
    asyncio.events._set_running_loop(None)
