/**
 * The loop library: Python 3.11's asyncio in TypeScript, with CPython's semantics.
 *
 *   import * as asyncio from "asyncio";
 *
 * Re-exports by name; each module holds one concept, as CPython's Lib/asyncio does.
 */

// Core: errors, loop, futures, tasks.
export {
  AttributeError, BaseExceptionGroup, BrokenBarrierError, CancelledError, ExceptionGroup, InvalidStateError, QueueEmpty, QueueFull,
  RuntimeError, StopAsyncIteration, TimeoutError, ValueError,
} from "./exceptions";
export type { ExceptionMatcher } from "./exceptions";
export { Handle, TimerHandle } from "./events";
export { EventLoop } from "./base-events";
export type { ExceptionContext, ExceptionHandler } from "./base-events";
export type { ClockKind } from "./clock";
export { configure } from "./config";
export type { LoopOptions } from "./config";
export { getEventLoop, getRunningLoop, newEventLoop, setEventLoop } from "./loops";
export { isAwaitable, isCoroutine } from "./coroutines";
export type { Awaitable, Coroutine, Suspension } from "./coroutines";
export { Future, isFuture } from "./futures";
export type { DoneCallback } from "./futures";
export { Task, createTask, ensureFuture } from "./tasks";
export { allTasks, currentTask } from "./task-registry";
export type { TaskOptions } from "./tasks";
export { sleep } from "./sleep";
export { Runner, run } from "./runners";
export type { RunnerOptions } from "./runners";
export type {
  CancelEvent, CloseEvent, DoneState, FutureCallbackEvent, FutureCreateEvent, FutureDoneEvent, HandleInfo, IterationEvent,
  LoopEvent, LoopObserver, RunEvent, ScheduleEvent, TaskCreateEvent, TaskDoneEvent,
  TaskStepEvent, TaskSuspendEvent, TimerInfo,
} from "./observer";

// Extras: gather, wait, timeouts, task groups, queues, locks, async with / for.
export { gather } from "./gather";
export type { GatherOptions } from "./gather";
export { ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, asCompleted, wait, waitFor } from "./wait";
export type { ReturnWhen } from "./wait";
export { shield } from "./shield";
export { Timeout, timeout, timeoutAt } from "./timeouts";
export { TaskGroup } from "./taskgroups";
export { LifoQueue, PriorityQueue, Queue } from "./queues";
export { Event, Lock } from "./locks";
export { BoundedSemaphore, Semaphore } from "./semaphores";
export { Condition } from "./conditions";
export { Barrier } from "./barriers";
export { BREAK, aiter, anext, asyncFor, asyncWith } from "./async-with";
export type { AIterable, AIterator, AsyncContextManager, AsyncWithResult, ErrorClass } from "./async-with";
export { AsyncGenerator, GeneratorExit, asyncGenerator } from "./async-generators";
export type { Emit } from "./async-generators";
