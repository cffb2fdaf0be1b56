"""The loop's events, from CPython's own loop, in the loop library's observer schema.

Only a traced run uses this: ``TracingLoop`` is the browser loop plus reporting. It
reports at the points where ``_run_once`` already calls out or where handles are made:

- ``_process_events`` (called once per turn, right after the selector waited): the turn
  begins. The ``iteration`` snapshot is the ready queue and the timer heap as the turn
  will run them: the timers ``_run_once`` is about to move (those due before
  ``time() + clock resolution``, popped from a copy of the heap in heap order) join the
  end of the ready queue, as in the library's snapshot;
- ``_call_soon`` and ``call_at`` make traced handles (``schedule``); a traced handle
  reports ``run`` and ``cancel``; a run that steps a task reports ``task-step``, then
  ``task-suspend`` or ``task-done``;
- ``create_task``/``create_future`` report ``task-create``/``future-create``.

Events made while the reader's code is on the stack (scheduling, cancelling, creating a
task or a future) carry ``line``: the line of the innermost frame of the reader's file,
looked for only down to where the loop called in (a handle's run, or ``_run_once``), so
the module's ``asyncio.run(main())`` line is not blamed for everything the loop does.

Nothing here prints, keeps a task alive (tasks and futures are held weakly) or adds a
callback anywhere, so the program's output is what the plain loop prints.
"""

import asyncio
import collections
import heapq
import json
import sys
import weakref
from asyncio import base_events, events

import asyncio_notes_loop as browser_loop

EVENT_LIMIT = 20_000
BATCH = 500
# The kinds that happen while the reader's code calls the loop (as the library's bridge).
LOCATABLE = frozenset({"schedule", "cancel", "task-create", "future-create"})


def _name(fn):
    name = getattr(fn, "__qualname__", None) or getattr(fn, "__name__", None) or type(fn).__name__
    return name.replace("<locals>.", "")


class Tracer:
    """Collects events; ``flush()`` hands them to JavaScript as one JSON batch."""

    def __init__(self, post, file=None):
        self.post = post
        self.file = file
        self.events = collections.deque(maxlen=EVENT_LIMIT)
        self.dropped = 0
        self.ids = weakref.WeakKeyDictionary()
        self.pending = weakref.WeakSet()
        self.next_id = 0
        self.time = 0.0
        self.iteration = 0

    def add(self, loop, event):
        if self.file is not None and event["type"] in LOCATABLE:
            line = _reader_line(self.file)
            if line is not None:
                event["line"] = line
        event["time"] = self.time = loop.time()
        event["iteration"] = self.iteration = loop._iteration
        if len(self.events) == self.events.maxlen:
            self.dropped += 1
        self.events.append(event)
        if len(self.events) >= BATCH:
            self.flush()

    def note(self, text):
        self.events.append({"type": "output", "text": text, "time": self.time, "iteration": self.iteration})

    def flush(self):
        if self.events or self.dropped:
            self.post(json.dumps(list(self.events)), self.dropped)
            self.events.clear()
            self.dropped = 0

    # ---- ids and names

    def future_id(self, loop, fut):
        if fut not in self.ids:
            self.next_id += 1
            self.ids[fut] = self.next_id
            if isinstance(fut, asyncio.Task):
                coro = fut.get_coro()
                self.add(loop, {"type": "task-create", "task": self.next_id, "name": fut.get_name(), "coro": _name(coro) if coro is not None else ""})
            else:
                self.add(loop, {"type": "future-create", "future": self.next_id})
            self.pending.add(fut)
        return self.ids[fut]

    def info(self, loop, handle):
        cb = handle._callback
        if cb is None:
            return {"handle": handle._trace_id, "callback": "cancelled"}
        owner = getattr(cb, "__self__", None)
        if isinstance(owner, asyncio.Task):
            method = "wakeup" if "wakeup" in getattr(cb, "__name__", "") else "step"
            return {"handle": handle._trace_id, "callback": f"{owner.get_name()}.{method}", "task": self.future_id(loop, owner)}
        return {"handle": handle._trace_id, "callback": _name(cb)}

    # ---- reporting sites

    def handle_event(self, loop, kind, handle):
        event = {"type": kind, **self.info(loop, handle)}
        if kind != "run" and isinstance(handle, events.TimerHandle):
            event["when"] = handle._when
        self.add(loop, event)

    def turn(self, loop):
        end = loop.time() + loop._clock_resolution
        heap = list(loop._scheduled)
        moved = []
        while heap and heap[0]._when < end:
            moved.append(heapq.heappop(heap))
        timers = []
        while heap:
            timers.append(heapq.heappop(heap))
        self.add(loop, {
            "type": "iteration",
            "ready": [self.info(loop, h) for h in list(loop._ready) + moved if not h._cancelled],
            "timers": [{**self.info(loop, t), "when": t._when} for t in timers if not t._cancelled],
        })

    def before_run(self, loop, handle):
        self.handle_event(loop, "run", handle)
        owner = getattr(handle._callback, "__self__", None)
        if isinstance(owner, asyncio.Task):
            waiter = owner._fut_waiter
            throw = owner._must_cancel or (waiter is not None and waiter.done() and (waiter.cancelled() or waiter.exception() is not None))
            self.add(loop, {"type": "task-step", "task": self.future_id(loop, owner), "resume": "throw" if throw else "send"})
            return owner
        return None

    def after_run(self, loop, task):
        if task is not None and not task.done():
            waiter = task._fut_waiter
            self.add(loop, {"type": "task-suspend", "task": self.future_id(loop, task), "future": None if waiter is None else self.future_id(loop, waiter)})
        for fut in list(self.pending):
            if fut.done():
                self.pending.discard(fut)
                state, detail = _outcome(fut)
                kind = "task" if isinstance(fut, asyncio.Task) else "future"
                self.add(loop, {"type": f"{kind}-done", kind: self.ids[fut], "state": state, "detail": detail})


def _reader_line(file):
    """The line of the innermost frame of ``file`` above the loop's own frames, or None."""
    frame = sys._getframe(2)
    while frame is not None:
        code = frame.f_code
        if code is _LOOP_ENTRY or code is _traced_run.__code__:
            return None
        if code.co_filename == file:
            return frame.f_lineno
        frame = frame.f_back
    return None


def _outcome(fut):
    if fut.cancelled():
        return "cancelled", ""
    exc = fut.exception()
    if exc is not None:
        return "error", f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return "result", repr(fut.result())


def _traced_run(self):
    tracer = self._loop._tracer
    self._ran = True
    task = tracer.before_run(self._loop, self)
    events.Handle._run(self)
    tracer.after_run(self._loop, task)


def _report_cancel(self):
    if not self._cancelled and not self._ran and not self._loop.is_closed():
        self._loop._tracer.handle_event(self._loop, "cancel", self)


# Where the loop calls in: below it on the stack is the code that started the loop.
_LOOP_ENTRY = base_events.BaseEventLoop._run_once.__code__


class TracedHandle(events.Handle):
    __slots__ = ("_trace_id", "_ran")
    _run = _traced_run

    def cancel(self):
        _report_cancel(self)
        super().cancel()


class TracedTimerHandle(events.TimerHandle):
    __slots__ = ("_trace_id", "_ran")
    _run = _traced_run

    def cancel(self):
        _report_cancel(self)
        super().cancel()


class TracingLoop(browser_loop.BrowserEventLoop):
    """The browser loop, reporting its events to a ``Tracer``."""

    def __init__(self, selector, tracer):
        super().__init__(selector)
        self._tracer = tracer
        self._iteration = 0
        self._handle_ids = 0

    def _traced(self, handle):
        self._handle_ids += 1
        handle._trace_id = self._handle_ids
        handle._ran = False
        if handle._source_traceback:
            del handle._source_traceback[-1]
        return handle

    def _process_events(self, event_list):
        self._iteration += 1
        self._tracer.turn(self)

    def _call_soon(self, callback, args, context):
        handle = self._traced(TracedHandle(callback, args, self, context))
        self._ready.append(handle)
        self._tracer.handle_event(self, "schedule", handle)
        return handle

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = self._traced(TracedTimerHandle(when, callback, args, self, context))
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        self._tracer.handle_event(self, "schedule", timer)
        return timer

    def create_future(self):
        fut = super().create_future()
        self._tracer.future_id(self, fut)
        return fut

    def create_task(self, coro, *, name=None, context=None):
        task = super().create_task(coro, name=name, context=context)
        self._tracer.future_id(self, task)
        return task

    def close(self):
        if not self.is_running() and not self.is_closed():
            self._tracer.add(self, {
                "type": "close",
                "ready": sum(1 for h in self._ready if not h._cancelled),
                "timers": sum(1 for t in self._scheduled if not t._cancelled),
            })
        super().close()
