"""Checks on the harness itself: it overrides only time() and select(), and it agrees
with the formula the loop library uses. Run: python3 tests/harness/test_virtual_loop.py"""

import asyncio
import os
import selectors
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from virtual_loop import VirtualClockLoop, VirtualTimeSelector  # noqa: E402

DUNDER_DATA = {"__module__", "__doc__", "__qualname__", "__dict__", "__weakref__", "__firstlineno__", "__static_attributes__", "_abc_impl", "__abstractmethods__"}


def own(cls):
    return set(cls.__dict__) - DUNDER_DATA


def main():
    assert VirtualClockLoop.__mro__[1] is asyncio.SelectorEventLoop, VirtualClockLoop.__mro__
    assert own(VirtualClockLoop) == {"__init__", "time"}, own(VirtualClockLoop)
    assert issubclass(VirtualTimeSelector, selectors.DefaultSelector)
    assert own(VirtualTimeSelector) == {"__init__", "select"}, own(VirtualTimeSelector)

    loop = VirtualClockLoop()
    seen = []
    loop.call_later(0.1, lambda: seen.append(loop.time()))
    loop.call_later(3600, lambda: (seen.append(loop.time()), loop.stop()))
    loop.run_forever()
    loop.close()
    assert seen == [0.1, 3600.0], seen
    try:
        loop.call_later(1, print)
    except RuntimeError as e:
        assert str(e) == "Event loop is closed", e
    else:
        raise AssertionError("call_later on a closed loop must raise")
    print("virtual loop harness: ok")


if __name__ == "__main__":
    main()
