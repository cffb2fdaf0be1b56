"""How the runner reports what went wrong in the reader's program, as python3 would.

``describe(exc, asked_input)`` turns an uncaught exception into what the page shows: its
name and message (with CPython's "Did you mean" suggestion), the reader's own frames for
the editor to mark, the traceback as python3 prints it (the runner's frames left out), and,
when the browser is the reason, a hint (no network, no threads, no such module here).
``problem(exc, source)`` does the same for a SyntaxError found before anything runs.

>>> problem(SyntaxError("invalid syntax", ("example.py", 1, 7, "print 1")), "print 1")["column"]
7
"""

import io
import linecache
import sys
import traceback

# The reader's program, as python3 would run it: ``python3 example.py``.
FILE = "example.py"

# Modules a browser worker cannot offer, by what they need.
NETWORK_MODULES = {"socket", "ssl", "http", "urllib", "ftplib", "smtplib", "poplib", "imaplib", "selectors", "asyncio.streams"}
THREAD_MESSAGES = ("can't start new thread", "cannot start new thread")
# Where a traceback goes when a program reached for the network: the socket modules, and
# the loop's connection methods (whose name lookup also asks for a thread).
NETWORK_PLACES = (
    "/socket.py:", "/ssl.py:", "/http/", "/urllib/", "asyncio/streams.py:",
    ":create_connection", ":create_server", ":getaddrinfo", ":sock_connect", ":open_connection",
)


def _readers(stack):
    """The reader's frames: those in their file, and those of code their file compiled
    (``exec``/``eval`` of a string: ``<string>``), which CPython lists as it lists theirs.
    The runner's own frames lie in real files, or come before the reader's first."""
    first = next((i for i, f in enumerate(stack) if f.filename == FILE), len(stack))
    return [
        f
        for f in stack[first:]
        if f.filename == FILE or (f.filename.startswith("<") and not f.filename.startswith("<frozen"))
    ]


def _reader_frames(te):
    """Keeps only the reader's frames (./_readers), through causes and contexts."""
    seen = set()
    while te is not None and id(te) not in seen:
        seen.add(id(te))
        # A block raised wholly inside the library (wait_for's CancelledError) keeps its
        # frames, as CPython prints them: without any, it would lose its "Traceback" line.
        reader = _readers(te.stack)
        if reader:
            te.stack = traceback.StackSummary.from_list(reader)
        _reader_frames(te.__cause__)
        te = te.__context__


def _column(line_no, offset):
    """CPython counts a column in UTF-8 bytes from 0; the editor counts characters from 1."""
    text = linecache.getline(FILE, line_no).encode("utf-8")
    return len(text[: offset or 0].decode("utf-8", "replace")) + 1


# The page marks the innermost frame and lists the frames; a recursion 100,000 deep is
# described by its innermost ones (its report folds the rest, as CPython's does).
MAX_FRAMES = 1000


def _frames(te):
    """The reader's frames, outermost first, as the page's protocol has them (the innermost MAX_FRAMES)."""
    reader = [f for f in te.stack if f.lineno and f.filename == FILE][-MAX_FRAMES:]
    return [
        {"file": FILE, "line": f.lineno, "column": _column(f.lineno, getattr(f, "colno", 0)), "function": f.name}
        for f in reader
    ]


def problem(exc, source):
    """A SyntaxError as the page marks it: text, line and column (characters, from 1), and
    CPython's own report of it, as python3 prints it (IndentationError named as such)."""
    if exc.text is None and exc.lineno and exc.filename == FILE:
        # The compiler's errors (``await`` outside a function) leave the line to be read from
        # the file, as python3 reads example.py; here the file is ``source``.
        lines = source.splitlines(True)
        if exc.lineno <= len(lines):
            exc.text = lines[exc.lineno - 1]
    return {
        "kind": "syntax",
        "text": exc.msg or str(exc),
        "line": exc.lineno or 1,
        "column": max(exc.offset or 1, 1),
        "report": _as_python3_prints(exc),
    }


def _printed_by_cpython(exc):
    """What the interpreter's own printer (its C excepthook, as for an uncaught exception)
    writes for ``exc`` and its traceback."""
    saved = sys.stderr
    sys.stderr = caught = io.StringIO()
    try:
        sys.__excepthook__(type(exc), exc, exc.__traceback__)
    finally:
        sys.stderr = saved
    return caught.getvalue().rstrip("\n")


def _as_python3_prints(exc):
    """python3's report of a SyntaxError raised by compile() in this runner (its carets
    differ from the traceback module's): no frame, as python3 raises it before any exists."""
    exc.__traceback__ = None
    return _printed_by_cpython(exc)


def _through(exc, places):
    """True when the traceback passes through one of ``places`` ("file" or "file:function")."""
    tb = exc.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        where = f"{code.co_filename}:{code.co_name}"
        if any(p in where for p in places):
            return True
        tb = tb.tb_next
    return False


def _hint(exc, asked_input):
    """Why this could not work in a browser, when that is the reason (the page explains)."""
    if isinstance(exc, ModuleNotFoundError) and exc.name:
        top = exc.name.split(".")[0]
        if top in NETWORK_MODULES or exc.name in NETWORK_MODULES:
            return {"hint": "network", "module": exc.name}
        # sqlite3, lzma, tkinter, turtle…: the standard library's, left out of the browser's CPython.
        return {"hint": "stdlib" if top in sys.stdlib_module_names else "module", "module": exc.name}
    if isinstance(exc, EOFError) and asked_input:
        return {"hint": "input"}
    # A timeout is the program's own (wait_for, asyncio.timeout), whatever it passed through.
    if isinstance(exc, (OSError, RuntimeError)) and not isinstance(exc, TimeoutError) and _through(exc, NETWORK_PLACES):
        return {"hint": "network"}
    if isinstance(exc, RuntimeError) and any(m in str(exc) for m in THREAD_MESSAGES):
        return {"hint": "thread"}
    return {}


def _suggestion(exc):
    """CPython 3.11's "Did you mean: 'print'?" for a NameError or AttributeError, which only
    the interpreter's own printer adds (the traceback module learns it in 3.12): the end of
    its last line beyond the exception's own text, or ""."""
    if not isinstance(exc, (NameError, AttributeError)):
        return ""
    last = _printed_by_cpython(exc).rsplit("\n", 1)[-1]
    plain = traceback.format_exception_only(type(exc), exc)[-1].rstrip("\n")
    return last[len(plain):] if last.startswith(plain) else ""


def _some_str(exc):
    """``str(exc)``, or what python3 prints when that raises."""
    try:
        return str(exc)
    except Exception:  # noqa: BLE001 - the reader's __str__ may raise anything
        return "<exception str() failed>"


def describe(exc, asked_input):
    """An uncaught exception as the page shows it (``asked_input``: the program called input())."""
    te = traceback.TracebackException.from_exception(exc)
    _reader_frames(te)
    suggestion = _suggestion(exc)
    out = {
        "name": type(exc).__name__,
        "message": _some_str(exc) + suggestion,
        "frames": _frames(te),
        "report": "".join(te.format()).rstrip("\n") + suggestion,
    }
    out.update(_hint(exc, asked_input))
    return out
