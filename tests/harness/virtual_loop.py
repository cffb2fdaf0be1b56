"""A CPython event loop on a virtual clock, for differential tests.

The loop is asyncio's own ``SelectorEventLoop``: only ``time()`` is replaced, and the
selector's ``select(timeout)`` adds ``timeout`` to the clock instead of blocking. Every
other line that runs is CPython's, so the order of callbacks, timers and task steps is
exactly what ``python3`` does; only the waiting is skipped. This mirrors the loop
library's ``clock: "virtual"``: time starts at 0.0 and jumps by the select timeout
``min(max(0, deadline - now), 86400)`` that ``BaseEventLoop._run_once`` computes.

``tests/harness/test_virtual_loop.py`` checks that nothing else is overridden.
"""

import asyncio
import selectors


#: Virtual seconds waited in this process, summed over its loops: what the same program
#: would spend waiting on a real clock (tests/examples: a Real time example's run length).
waited = 0.0


class VirtualTimeSelector(selectors.DefaultSelector):
    """A selector whose waiting moves a virtual clock forward instead of blocking."""

    def __init__(self):
        super().__init__()
        self.now = 0.0

    def select(self, timeout=None):
        if timeout is None:
            # Nothing ready, no timer: a real loop would block forever.
            raise RuntimeError("virtual clock: deadlock (nothing ready and no timer scheduled)")
        global waited
        self.now += timeout
        waited += timeout
        return super().select(0)


class VirtualClockLoop(asyncio.SelectorEventLoop):
    """``asyncio.SelectorEventLoop`` with ``time()`` read from the virtual selector."""

    def __init__(self):
        # Keep our own reference: close() sets self._selector to None, and a closed
        # loop must still answer time() so call_later() raises "Event loop is closed".
        self._clock = VirtualTimeSelector()
        super().__init__(selector=self._clock)

    def time(self):
        return self._clock.now


class VirtualClockPolicy(asyncio.DefaultEventLoopPolicy):
    """Makes ``asyncio.run()``, ``new_event_loop()`` and ``get_event_loop()`` virtual."""

    def new_event_loop(self):
        return VirtualClockLoop()


def install():
    asyncio.set_event_loop_policy(VirtualClockPolicy())
