"""Run a Python file as ``__main__`` with every new event loop on the virtual clock.

Usage: python3 tests/harness/run_virtual.py path/to/example.py

With ASYNCIO_NOTES_WAITED=1 in the environment, the seconds the program waited on the
virtual clock are written to stderr at the end, as ``waited: <seconds>``.
"""

import os
import runpy
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import virtual_loop  # noqa: E402

if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: run_virtual.py FILE.py")
    path = sys.argv[1]
    virtual_loop.install()
    sys.argv = [path]
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    runpy.run_path(path, run_name="__main__")
    sys.stdout.flush()
    if os.environ.get("ASYNCIO_NOTES_WAITED") == "1":
        print(f"waited: {virtual_loop.waited!r}", file=sys.stderr)
