"""Adds bytecode to Pyodide's standard library zip, compiled by Pyodide's own CPython.

Pyodide 0.25.1 ships ``python_stdlib.zip`` with sources only, so every module CPython
imports while it starts and while a run starts is compiled from source, in WebAssembly,
on the reader's first Run. This script runs inside that same CPython (Pyodide in Node,
driven by ./python-stdlib.ts at build time): it imports what a Run imports, then writes
a new zip in which every one of those modules also has an unchecked hash-based
``.pyc`` (PEP 552) beside its ``.py``. ``zipimport`` looks for ``name.pyc`` before
``name.py``, so those imports unmarshal instead of compiling.

- The bytecode is compiled here, by the interpreter that will load it, so its magic
  number and format are the ones that interpreter accepts (the Node test asserts every
  such module came from its ``.pyc``).
- Each code object is compiled with the path zipimport itself would give the source
  (``/lib/python311.zip/<name>.py``), so tracebacks and ``linecache`` read the same
  file as before; the sources stay in the zip.
- Every entry is stored, not deflated: a whole-file brotli then compresses across
  entries, and zipimport reads them without inflating.

Inputs are globals set by the caller: ``SOURCE_ZIP`` and ``OUTPUT_ZIP`` (paths in
Pyodide's file system), ``RUNNER_DIR`` (the runner's modules), ``LIMITS`` (a dict)
and ``EXAMPLES`` (the examples' Python sources, whose imports are imported too).
Leaves ``PRECOMPILED``, the sorted names of the entries given bytecode.
"""

import ast
import importlib
import importlib._bootstrap_external as _external
import importlib.util
import sys
import zipfile

PREFIX = "/lib/python311.zip/"


class QuietHost:
    """The JavaScript host ``asyncio_notes_program.run`` reports to, with nowhere to report."""

    def line(self, level, text, time, cut):
        pass

    def limit(self, which):
        pass

    def error(self, text):
        pass

    def problems(self, text):
        pass

    def wait(self, ms):
        pass

    def trace(self, text, dropped):
        pass


WARM_UP = '''
import asyncio

async def child(n):
    await asyncio.sleep(n)
    if n > 1:
        raise ValueError(n)
    return n

async def main():
    print(await asyncio.gather(child(0), child(1)))
    asyncio.get_running_loop().create_task(child(2))
    await asyncio.sleep(3)
    raise KeyError("done")

asyncio.run(main())
'''


def imported_by(source):
    """The modules a program's ``import`` statements name (relative imports left out)."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def import_what_a_run_imports():
    if RUNNER_DIR not in sys.path:
        sys.path.insert(0, RUNNER_DIR)
    program = importlib.import_module("asyncio_notes_program")
    for trace in (False, True):
        program.run(WARM_UP, "virtual", QuietHost(), LIMITS, trace)
    for source in EXAMPLES:
        for name in sorted(imported_by(source)):
            try:
                importlib.import_module(name)
            except ImportError:
                pass


def zip_sources():
    """The zip entries (``asyncio/tasks.py``) of the modules imported so far."""
    names = set()
    for module in list(sys.modules.values()):
        spec = getattr(module, "__spec__", None)
        origin = getattr(spec, "origin", None) or ""
        if origin.startswith(PREFIX) and origin.endswith(".py"):
            names.add(origin[len(PREFIX):])
    return names


def repack(wanted):
    done = []
    with zipfile.ZipFile(SOURCE_ZIP) as source, zipfile.ZipFile(OUTPUT_ZIP, "w", zipfile.ZIP_STORED) as output:
        for info in source.infolist():
            data = source.read(info)
            info.compress_type = zipfile.ZIP_STORED
            output.writestr(info, data)
            if info.filename not in wanted:
                continue
            code = compile(data, PREFIX + info.filename, "exec", dont_inherit=True)
            pyc = _external._code_to_hash_pyc(code, importlib.util.source_hash(data), False)
            entry = zipfile.ZipInfo(info.filename + "c", info.date_time)
            entry.external_attr = info.external_attr
            output.writestr(entry, bytes(pyc))
            done.append(entry.filename)
    return sorted(done)


import_what_a_run_imports()
PRECOMPILED = repack(zip_sources())
