"""Runs the reader's program as ``example.py`` and reports to JavaScript.

``run(source, clock, host)`` compiles and executes the source as ``__main__`` with every
new event loop on the browser loop (``asyncio_notes_loop``), its output captured line by
line (stamped with the running loop's time, capped in lines and characters), and an uncaught
exception turned into a traceback of the reader's own frames. ``check(source)`` only
compiles: a syntax error is found before anything runs.

``host`` is a JavaScript object with ``line(level, text, time, cut)``,
``limit(which)``, ``error(json)``, ``problems(json)``, ``wait(ms)`` and
``trace(json, dropped)``.
"""

import atexit
import builtins
import gc
import io
import json
import linecache
import operator
import sys
import time as _time
import warnings

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
        self.run.emit(self.level, text, cut)

    def flush_partial(self):
        if self.partial or self.cut:
            self.end_line()

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


def exit_program(namespace, stderr):
    """What the program's exit shows in CPython, in its order: the ``atexit`` functions
    run (once: CPython's own runner empties the list), then the module's names are let go
    and its garbage collected (``__del__`` methods run, printing as they would), and a
    coroutine that was made but never awaited is reported then, with no line of the
    program to point at: ``sys:1: RuntimeWarning: coroutine 'inner' was never awaited``.

    The worker is ended after the run, so without this none of it would ever show.
    """
    atexit._run_exitfuncs()
    with warnings.catch_warnings(record=True) as caught:
        namespace.clear()
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


# How deep a recursion gets from where the program's <module> runs (see run()).
_PROBE = compile(
    "def probe(n):\n    try:\n        return probe(n + 1)\n    except RecursionError:\n        return n\ndepth = probe(1)\n",
    "<recursion probe>",
    "exec",
)


def _limit_from_module(below):
    """Makes the recursion limit count from the program's ``<module>`` frame, as CPython's
    does, though it sits ``below`` levels up (this runner's frames, the host's call):
    RecursionError comes at python3's depth, and ``sys.getrecursionlimit()`` says 1000.
    Returns what undoes it.
    """
    real_get, real_set = sys.getrecursionlimit, sys.setrecursionlimit
    before = real_get()

    def getrecursionlimit():
        return real_get() - below

    def setrecursionlimit(limit):
        limit = operator.index(limit)
        if limit < 1:
            raise ValueError("recursion limit must be greater or equal than 1")
        real_set(limit + below)

    setrecursionlimit(before)
    sys.getrecursionlimit, sys.setrecursionlimit = getrecursionlimit, setrecursionlimit

    def undo():
        sys.getrecursionlimit, sys.setrecursionlimit = real_get, real_set
        real_set(before)

    return undo


def run(source, clock, host, limits, trace=False):
    """Runs ``source`` as ``__main__`` on the browser loop; reports through ``host``.

    ``limits`` has ``lines``, ``chars`` and ``lineChars``; ``trace`` reports the loop's
    events (``asyncio_notes_trace``).
    """
    tracer = loop_trace.Tracer(host.trace, FILE) if trace else None
    state = Run(host, limits, tracer)
    stdout, stderr = Output("log", state), Output("error", state)
    saved = sys.stdout, sys.stderr, sys.stdin, builtins.input, _time.sleep, sys.argv
    if clock == "real":
        # The first "never awaited" warning imports tracemalloc (and pickle with it) to say
        # that tracing is off: a few milliseconds in python3, 0.1 s or more in WebAssembly,
        # which every time printed after the warning would show. Imported before the clock starts.
        import tracemalloc  # noqa: F401
    origin = _time.monotonic()

    virtual_clocks = []

    def make_loop():
        if clock == "virtual":
            selector = browser_loop.VirtualSelector()
            virtual_clocks.append(selector)
        else:
            selector = browser_loop.RealSelector(state.wait, origin)
        if tracer is not None:
            return loop_trace.TracingLoop(selector, tracer)
        return browser_loop.BrowserEventLoop(selector)

    def reader_input(prompt=""):
        state.asked_input = True
        return saved[3](prompt)

    def sleep(seconds):
        # time.sleep blocks, as in CPython, but without spinning the worker's core; and the
        # time it blocked passes on the virtual clock too, as it would on loop.time() in
        # CPython (so debug mode's "Executing … took 0.500 seconds" shows).
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        state.wait(seconds * 1000.0)
        for selector in virtual_clocks:
            selector.now += seconds

    namespace = {"__name__": "__main__", "__file__": FILE, "__builtins__": builtins}
    linecache.cache[FILE] = (len(source), None, source.splitlines(True), FILE)
    browser_loop.install(make_loop)
    sys.stdout, sys.stderr, sys.stdin = stdout, stderr, io.StringIO("")
    builtins.input = reader_input
    _time.sleep = sleep
    sys.argv = [FILE]
    # The program's <module> frame sits on this runner's frames and on the host's call into
    # Python, which counts too (one level more in a browser's worker than in Node): measured,
    # not assumed. A probe run as the program will be (exec, from here) reaches limit - 1
    # in python3, where <module> is the first frame.
    probe = {}
    exec(_PROBE, probe)
    undo_limit = _limit_from_module(sys.getrecursionlimit() - 1 - probe["depth"])
    error = None
    status = 0
    try:
        try:
            found = check(source)
            if found is not None:
                host.problems(found)
                return "problems"
            code = compile(source, FILE, "exec", dont_inherit=True)
            exec(code, namespace)
        except SystemExit as exc:
            # As python3 exits, and as the shell then sees it: no code is 0, a number is itself
            # modulo 256 (True is 1; one past a C long is 255), anything else is printed and is 1.
            if exc.code is None:
                status = 0
            elif isinstance(exc.code, int):
                status = int(exc.code) & 0xFF if -(2**63) <= exc.code < 2**63 else 255
            else:
                print(exc.code, file=sys.stderr)
                status = 1
        except RunEnded:
            return "limit"
        except BaseException as exc:  # noqa: B036 - the reader's program may raise anything
            # Described with the runner's own limit: a program's tiny one (setrecursionlimit(10))
            # would leave no room to format its traceback.
            undo_limit()
            error = describe(exc, state.asked_input)
        stdout.flush_partial()
        stderr.flush_partial()
        state.flush_trace()
        if error is not None:
            host.error(json.dumps(error))
        exit_program(namespace, stderr)
        stdout.flush_partial()
        stderr.flush_partial()
    except RunEnded:
        return "limit"
    finally:
        sys.stdout, sys.stderr, sys.stdin, builtins.input, _time.sleep, sys.argv = saved
        undo_limit()
    state.flush_trace()
    # "exit:3" when the program asked for a status other than 0 (SystemExit(3)).
    return "done" if status == 0 else f"exit:{status}"
