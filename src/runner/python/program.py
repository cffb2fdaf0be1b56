"""Runs the reader's program as ``example.py`` and reports to JavaScript.

A run is a ``Session`` in three steps, with the program itself run by the host between
them: ``Session(source, clock, host, limits)`` makes the session, ``session.enter()``
compiles the source (a SyntaxError is reported before anything runs) and puts the
program's world in place (``__main__``, every new event loop on the browser loop
``asyncio_notes_loop``, output captured line by line, stamped with the running loop's time
and capped in lines and characters), the host runs ``session.code`` in
``session.namespace`` with the builtin ``exec`` called from JavaScript, and
``session.finish(raised)`` reports how it ended (an uncaught exception as a traceback of
the reader's own frames: ``asyncio_notes_report``) and exits as python3 exits.
``check(source)`` only compiles.

``host`` is a JavaScript object with ``line(level, text, time, cut)``,
``limit(which)``, ``error(json)``, ``problems(json)``, ``wait(ms)`` and
``trace(json, dropped)``.
"""

import atexit
import builtins
import functools
import gc
import io
import json
import linecache
import operator
import sys
import time as _time
import traceback
import types
import warnings
from importlib.machinery import SourceFileLoader

import asyncio_notes_loop as browser_loop
import asyncio_notes_trace as loop_trace
from asyncio_notes_report import FILE, describe, problem


class RunEnded(BaseException):
    """Unwinds the program once it reached an output limit (the page ends the worker)."""


class Output(io.TextIOBase):
    """``sys.stdout``/``sys.stderr``: whole lines to the page, within the run's limits."""

    def __init__(self, level, run):
        self.level = level
        self.run = run
        self.partial = []
        self.size = 0
        self.cut = 0

    def writable(self):
        return True

    @property
    def encoding(self):
        # What a terminal's stdout says in CPython (PYTHONIOENCODING aside): the page takes text as UTF-8.
        return "utf-8"

    def write(self, text):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if not text.isascii():
            # python3's stdout encodes what it is given before writing any of it: a lone
            # surrogate ('\ud800') raises UnicodeEncodeError, and nothing is printed.
            text.encode("utf-8")
        other = self.run.flushed
        if other is not None and other is not self and text:
            other.end_line()
        start = 0
        while True:
            end = text.find("\n", start)
            if end < 0:
                if start < len(text):
                    self.keep(text[start:])
                return len(text)
            self.keep(text[start:end])
            self.end_line()
            start = end + 1

    def keep(self, piece):
        # A line longer than the cap is cut here, before it ever reaches JavaScript.
        room = self.run.max_line_chars - self.size
        if len(piece) > room:
            self.cut += len(piece) - max(room, 0)
            piece = piece[: max(room, 0)]
        self.partial.append(piece)
        self.size += len(piece)

    def end_line(self):
        text, cut = "".join(self.partial), self.cut
        self.partial, self.size, self.cut = [], 0, 0
        if self.run.flushed is self:
            self.run.flushed = None
        self.run.emit(self.level, text, cut)

    def flush_partial(self):
        if self.partial or self.cut:
            self.end_line()

    def flush(self):
        """python3's stdout is line-buffered on a terminal: a partial line shows at once only
        when flushed (``print("loading…", end="", flush=True)``), and what the other stream
        writes next continues that screen line. The page shows whole lines of one stream, so
        the other stream's next write ends this line first: the order is python3's, and the
        page breaks the line there."""
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if self.partial:
            self.run.flushed = self

    def close(self):
        # What was printed before is shown, as python3 flushes a file it closes.
        if not self.closed:
            self.flush_partial()
        super().close()


class Run:
    def __init__(self, host, limits, tracer=None):
        self.host = host
        self.tracer = tracer
        self.max_lines = limits["lines"]
        self.max_chars = limits["chars"]
        self.max_line_chars = limits["lineChars"]
        self.lines = 0
        self.chars = 0
        self.ended = False
        self.asked_input = False
        # The stream whose partial line was flushed to the screen (see Output.flush).
        self.flushed = None

    def emit(self, level, text, cut):
        if self.ended:
            raise RunEnded()
        self.lines += 1
        self.chars += len(text) + 1
        loop = browser_loop.asyncio.events._get_running_loop()
        if self.tracer is not None:
            self.tracer.note(text)
        self.host.line(level, text, None if loop is None else loop.time(), cut)
        if self.lines >= self.max_lines or self.chars >= self.max_chars:
            self.ended = True
            self.flush_trace()
            self.host.limit("lines" if self.lines >= self.max_lines else "chars")
            raise RunEnded()


    def flush_trace(self):
        if self.tracer is not None:
            self.tracer.flush()

    def wait(self, ms):
        self.flush_trace()
        self.host.wait(ms)


_format_exception = traceback.format_exception


@functools.wraps(_format_exception)
def format_exception(*args, **kwargs):
    """``traceback.format_exception`` while the program runs (from ``Session.enter()`` to
    ``finish()``). Pyodide calls it (from C, with no Python frame below) to word the
    exception that ends the program as it reaches JavaScript; the runner reads the
    exception itself (``sys.last_value``), so that wording is skipped. It would run at the
    program's recursion limit, where a program's ``setrecursionlimit(10)`` leaves no room
    for it, and format a thousand frames of a RecursionError that ``asyncio_notes_report``
    formats again."""
    if sys._getframe().f_back is None:
        return []
    return _format_exception(*args, **kwargs)


def exit_program(stdout, stderr, forget_main):
    """What the program's exit shows in CPython, in its order (``Py_FinalizeEx``): the
    ``atexit`` functions run (once: CPython's own runner empties the list), a line left
    unfinished is written, the last uncaught exception (``sys.last_value``) is let go, and
    ``__main__`` leaves ``sys.modules`` and is collected with what it held: ``__del__``
    methods run, printing as they would, and a coroutine that was made but never awaited
    is reported then, with no line of the program to point at:
    ``sys:1: RuntimeWarning: coroutine 'inner' was never awaited``.

    ``forget_main()`` drops the runner's own references to the module. The worker is
    ended after the run, so without this none of it would ever show.
    """
    atexit._run_exitfuncs()
    stdout.flush_partial()
    stderr.flush_partial()
    with warnings.catch_warnings(record=True) as caught:
        for name in ("last_type", "last_value", "last_traceback"):
            sys.__dict__.pop(name, None)
        forget_main()
        gc.collect()
    for w in caught:
        stderr.write(f"sys:1: {w.category.__name__}: {w.message}\n")


def check(source):
    """Compiles without running: None, or the SyntaxError as a problem (JSON)."""
    try:
        compile(source, FILE, "exec", dont_inherit=True)
    except SyntaxError as exc:
        return json.dumps(problem(exc, source))
    except ValueError as exc:  # e.g. a NUL character in the source
        return json.dumps({"kind": "syntax", "text": str(exc), "line": 1, "column": 1})
    return None


# How deep a recursion gets from where the host runs the program (Session, step 1).
PROBE = compile(
    "def probe(n):\n    try:\n        return probe(n + 1)\n    except RecursionError:\n        return n\ndepth = probe(1)\n",
    "<recursion probe>",
    "exec",
)


def _limit_from_module(below):
    """Makes the recursion limit count from the program's ``<module>`` frame, as CPython's
    does, though it sits ``below`` levels up (the host's call into Python counts, one
    level more in a browser's worker than in Node): RecursionError comes at python3's
    depth, and ``sys.getrecursionlimit()`` says 1000. Returns what undoes it.
    """
    real_get, real_set = sys.getrecursionlimit, sys.setrecursionlimit
    before = real_get()

    def getrecursionlimit():
        return real_get() - below

    def setrecursionlimit(limit):
        limit = operator.index(limit)
        if limit < 1:
            raise ValueError("recursion limit must be greater or equal than 1")
        try:
            real_set(limit + below)
            return
        except RecursionError as exc:
            # CPython's refusal, in the program's numbers (this function's frame not counted).
            depth = int(exc.args[0].split("recursion depth ")[1].split(":")[0]) - below - 1
        raise RecursionError(f"cannot set the recursion limit to {limit} at the recursion depth {depth}: the limit is too low")

    setrecursionlimit(before)
    sys.getrecursionlimit, sys.setrecursionlimit = getrecursionlimit, setrecursionlimit

    def undo():
        sys.getrecursionlimit, sys.setrecursionlimit = real_get, real_set
        real_set(before)

    return undo


def _exit_status(exc, stdout):
    """As python3 exits on ``SystemExit``, and as the shell then sees it: no code is 0, a
    number is itself modulo 256 (True is 1; one past a C long is 255), anything else is
    printed, after what stdout holds, and is 1."""
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return int(exc.code) & 0xFF if -(2**63) <= exc.code < 2**63 else 255
    stdout.flush()
    print(exc.code, file=sys.stderr)
    return 1


class Session:
    """One run of the reader's program. The host (host.ts) takes it through four steps::

        session = Session(source, clock, host, limits)
        exec(PROBE, session.probe)             # 1. how deep a recursion gets from there
        if session.enter():                    # 2. compiled, and the program's world in place
            exec(session.code, session.namespace)  # 3. an uncaught exception: sys.last_value
            session.finish(raised)             # 4. "done", "limit" or "exit:3"

    Steps 1 and 3 are the builtin ``exec`` called from JavaScript, so the program's
    ``<module>`` frame is the first, as in python3, with nothing of this runner below it:
    ``sys._getframe().f_back`` is None, a warning with ``stacklevel=2`` says ``sys:1``,
    ``traceback.print_stack()`` shows the reader's frames alone. Pyodide keeps the
    exception that reaches JavaScript in ``sys.last_value`` (as python3 does with an
    uncaught one), which is where ``finish`` finds it.
    """

    def __init__(self, source, clock, host, limits, trace=False):
        """``limits`` has ``lines``, ``chars`` and ``lineChars``; ``trace`` reports the
        loop's events (``asyncio_notes_trace``)."""
        self.source = source
        self.host = host
        self.tracer = loop_trace.Tracer(host.trace, FILE) if trace else None
        self.state = Run(host, limits, self.tracer)
        self.stdout, self.stderr = Output("log", self.state), Output("error", self.state)
        self.probe = {}
        self.code = None
        self.virtual_clocks = []
        if clock == "real":
            # The first "never awaited" warning imports tracemalloc (and pickle with it) to say
            # that tracing is off: a few milliseconds in python3, 0.1 s or more in WebAssembly,
            # which every time printed after the warning would show. Imported before the clock starts.
            import tracemalloc  # noqa: F401
        self.clock = clock
        self.origin = _time.monotonic()
        # __main__ as python3 makes it for ``python3 example.py`` (the path kept short):
        # unittest.main(), doctest.testmod() and pickle find the program's names there.
        self.module = types.ModuleType("__main__")
        self.module.__dict__.update(
            __file__=FILE, __builtins__=builtins, __cached__=None, __annotations__={},
            __loader__=SourceFileLoader("__main__", FILE),
        )
        self.namespace = self.module.__dict__
        self.saved = self.saved_main = self.saved_input = None
        self.undo_limit = None

    def _make_loop(self):
        if self.clock == "virtual":
            selector = browser_loop.VirtualSelector()
            self.virtual_clocks.append(selector)
        else:
            selector = browser_loop.RealSelector(self.state.wait, self.origin)
        if self.tracer is not None:
            return loop_trace.TracingLoop(selector, self.tracer)
        return browser_loop.BrowserEventLoop(selector)

    def _input(self, prompt=""):
        self.state.asked_input = True
        return self.saved_input(prompt)

    def _sleep(self, seconds):
        # time.sleep blocks, as in CPython, but without spinning the worker's core; and the
        # time it blocked passes on the virtual clock too, as it would on loop.time() in
        # CPython (so debug mode's "Executing … took 0.500 seconds" shows).
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        self.state.wait(seconds * 1000.0)
        for selector in self.virtual_clocks:
            selector.now += seconds

    def enter(self):
        """Compiles the program and puts its world in place; False (and the SyntaxError
        reported, with everything put back) when it does not compile."""
        self.saved = (sys.stdout, sys.stderr, sys.stdin, builtins.input, _time.sleep, sys.argv)
        self.saved_main = sys.modules.get("__main__")
        # The C traceback printer ("Exception ignored in", atexit) reads the reader's lines
        # from the file, as python3 does; the traceback module from linecache.
        with open(FILE, "w", encoding="utf-8") as file:
            file.write(self.source)
        linecache.cache[FILE] = (len(self.source), None, self.source.splitlines(True), FILE)
        browser_loop.install(self._make_loop)
        sys.stdout, sys.stderr, sys.stdin = self.stdout, self.stderr, io.StringIO("")
        self.saved_input = builtins.input
        builtins.input = self._input
        _time.sleep = self._sleep
        sys.argv = [FILE]
        sys.modules["__main__"] = self.module
        # The probe ran where the program will run, and reached limit - 1 in python3, where
        # <module> is the first frame: what it fell short of is the host's own levels.
        self.undo_limit = _limit_from_module(sys.getrecursionlimit() - 1 - self.probe["depth"])
        found = check(self.source)
        if found is None:
            self.code = compile(self.source, FILE, "exec", dont_inherit=True)
            traceback.format_exception = format_exception
            return True
        self._leave()
        self.host.problems(found)
        return False

    def _leave(self):
        traceback.format_exception = _format_exception
        sys.stdout, sys.stderr, sys.stdin, builtins.input, _time.sleep, sys.argv = self.saved
        self._forget_main()
        self.undo_limit()

    def _forget_main(self):
        """Puts back the ``__main__`` there was, and drops the runner's references to the program's."""
        if self.module is not None and sys.modules.get("__main__") is self.module:
            if self.saved_main is not None:
                sys.modules["__main__"] = self.saved_main
            else:
                del sys.modules["__main__"]
        self.module = self.namespace = self.code = None

    def finish(self, raised):
        """Reports how the program ended and exits as python3 does; returns "done",
        "exit:<status>" (a SystemExit with a status other than 0) or "limit"."""
        # The program has ended: the runner's own errors from here on are worded in full.
        traceback.format_exception = _format_exception
        exc = sys.last_value if raised else None
        stdout, stderr, state = self.stdout, self.stderr, self.state
        status = 0
        try:
            error = None
            try:
                if isinstance(exc, RunEnded):
                    return "limit"
                if isinstance(exc, SystemExit):
                    status = _exit_status(exc, stdout)
                elif exc is not None:
                    # Described with the runner's own limit: a program's tiny one
                    # (setrecursionlimit(10)) would leave no room to format its traceback.
                    self.undo_limit()
                    error = describe(exc, state.asked_input)
                exc = None
                if error is not None:
                    # python3 writes what stdout holds before the traceback.
                    stdout.flush_partial()
                    stderr.flush_partial()
                    state.flush_trace()
                    self.host.error(json.dumps(error))
                exit_program(stdout, stderr, self._forget_main)
            except RunEnded:
                return "limit"
        finally:
            self._leave()
        state.flush_trace()
        return "done" if status == 0 else f"exit:{status}"


def run(source, clock, host, limits, trace=False):
    """A whole run from Python, for the build's warm-up (src/runner/build/): the same
    steps as the host's, with this function's frame below the program's."""
    session = Session(source, clock, host, limits, trace)
    exec(PROBE, session.probe)
    if not session.enter():
        return "problems"
    try:
        exec(session.code, session.namespace)
    except BaseException:  # noqa: B036 - handed to finish() as Pyodide hands it: sys.last_value
        sys.last_type, sys.last_value, sys.last_traceback = sys.exc_info()
        return session.finish(True)
    return session.finish(False)
