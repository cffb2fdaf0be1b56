/**
 * Queues for producer and consumer tasks. A getter that finds the queue empty
 * parks a future in `_getters` and waits; `putNowait()` wakes the first one.
 * Putters wait the same way in `_putters` while a bounded queue is full.
 *
 * Subclasses change only the storage, through the `_init/_get/_put` hooks,
 * so `LifoQueue` and `PriorityQueue` are a few lines each.
 *
 * Python: asyncio/queues.py
 */
import { _repr, type Coroutine } from "./coroutines";
import { QueueEmpty, QueueFull, ValueError } from "./exceptions";
import type { Future } from "./futures";
import { Event } from "./locks";
import { LoopBound, removeItem } from "./mixins";
import { pyHeapPop, pyHeapPush } from "./py-compare";

/**
 * A FIFO queue. `maxsize <= 0` (the default) means unbounded; otherwise
 * `put()` waits while `maxsize` items are in the queue.
 * `putNowait()` on a full queue throws `QueueFull`, `getNowait()` on an empty
 * one `QueueEmpty`; `taskDone()` called more often than items were put throws
 * `ValueError("taskDone() called too many times")`.
 *
 * @example
 * const q = new asyncio.Queue<string>();
 * yield* q.put("job");
 * const job = yield* q.get();
 * q.taskDone();
 * yield* q.join(); // every item put was marked done
 *
 * Python: asyncio.Queue
 */
export class Queue<T> extends LoopBound {
  /** @internal Storage; its shape is the subclass's business (see `_init`). */
  declare _queue: T[];
  /** @internal Futures of tasks blocked in `get()`, oldest first. */
  _getters: Future<null>[] = [];
  /** @internal Futures of tasks blocked in `put()`, oldest first. */
  _putters: Future<null>[] = [];
  /** @internal Items put but not yet marked done with `taskDone()`. */
  _unfinishedTasks = 0;
  /** @internal Set whenever `_unfinishedTasks` is 0; `join()` waits on it. */
  _finished = new Event();
  /** @internal */
  _maxsize: number;

  constructor(maxsize = 0) {
    super();
    this._maxsize = maxsize;
    this._finished.set();
    this._init(maxsize);
  }

  // The three hooks subclasses override.

  /** @internal Create the storage. */
  _init(_maxsize: number): void {
    this._queue = [];
  }

  /** @internal Take the next item out of the storage. */
  _get(): T {
    return this._queue.shift() as T;
  }

  /** @internal Add an item to the storage. */
  _put(item: T): void {
    this._queue.push(item);
  }

  /** @internal Wake the first waiter in `waiters` that is not done yet (cancelled ones are skipped). */
  _wakeupNext(waiters: Future<null>[]): void {
    while (waiters.length > 0) {
      const waiter = waiters.shift() as Future<null>;
      if (!waiter.done()) {
        waiter.setResult(null);
        break;
      }
    }
  }

  /**
   * Number of items in the queue.
   * @example
   * new asyncio.Queue<number>().qsize(); // 0
   * Python: queue.qsize()
   */
  qsize(): number {
    return this._queue.length;
  }

  /**
   * Number of items allowed in the queue (0 or less: unbounded).
   * @example
   * new asyncio.Queue(3).maxsize; // 3
   * Python: queue.maxsize
   */
  get maxsize(): number {
    return this._maxsize;
  }

  /**
   * True if the queue is empty.
   * @example
   * if (queue.empty()) console.log("nothing to do");
   * Python: queue.empty()
   */
  empty(): boolean {
    return this._queue.length === 0;
  }

  /**
   * True if the queue holds `maxsize` items; never true for an unbounded queue.
   * @example
   * const q = new asyncio.Queue<string>(1);
   * q.putNowait("a");
   * q.full(); // true
   * Python: queue.full()
   */
  full(): boolean {
    return this._maxsize > 0 && this.qsize() >= this._maxsize;
  }

  /**
   * Put an item, waiting (in line with other putters) while the queue is full.
   * @example
   * yield* queue.put(job); // waits while the queue is full
   * Python: await queue.put(item)
   */
  *put(item: T): Coroutine<void> {
    while (this.full()) {
      const putter = this._getLoop().createFuture<null>();
      this._putters.push(putter);
      try {
        yield* putter;
      } catch (e) {
        putter.cancel(); // in case it is not done yet
        removeItem(this._putters, putter); // a getNowait() may have removed it already
        if (!this.full() && !putter.cancelled()) {
          // We were woken by getNowait() but will not use the free slot: pass it on.
          this._wakeupNext(this._putters);
        }
        throw e;
      }
    }
    this.putNowait(item);
  }

  /**
   * Put an item without waiting; throws `QueueFull` if there is no free slot.
   * @example
   * try { queue.putNowait(job); } catch (e) { if (e instanceof asyncio.QueueFull) console.log("dropped"); }
   * Python: queue.put_nowait(item)
   */
  putNowait(item: T): void {
    if (this.full()) throw new QueueFull();
    this._put(item);
    this._unfinishedTasks += 1;
    this._finished.clear();
    this._wakeupNext(this._getters);
  }

  /**
   * Remove and return an item, waiting (in line with other getters) while the queue is
   * empty.
   * @example
   * const job = yield* queue.get(); // waits while the queue is empty
   * Python: await queue.get()
   */
  *get(): Coroutine<T> {
    while (this.empty()) {
      const getter = this._getLoop().createFuture<null>();
      this._getters.push(getter);
      try {
        yield* getter;
      } catch (e) {
        getter.cancel(); // in case it is not done yet
        removeItem(this._getters, getter); // a putNowait() may have removed it already
        if (!this.empty() && !getter.cancelled()) {
          // We were woken by putNowait() but will not take the item: pass it on.
          this._wakeupNext(this._getters);
        }
        throw e;
      }
    }
    return this.getNowait();
  }

  /**
   * Remove and return an item without waiting; throws `QueueEmpty` if there is none.
   * @example
   * const q = new asyncio.Queue<number>();
   * q.putNowait(1);
   * q.getNowait(); // 1
   * Python: queue.get_nowait()
   */
  getNowait(): T {
    if (this.empty()) throw new QueueEmpty();
    const item = this._get();
    this._wakeupNext(this._putters);
    return item;
  }

  /**
   * Mark one item taken with `get()` as processed; when every item put has been marked,
   * `join()` returns.
   * @example
   * const job = yield* queue.get();
   * try { handle(job); } finally { queue.taskDone(); }
   * Python: queue.task_done()
   */
  taskDone(): void {
    if (this._unfinishedTasks <= 0) throw new ValueError("taskDone() called too many times");
    this._unfinishedTasks -= 1;
    if (this._unfinishedTasks === 0) this._finished.set();
  }

  /**
   * Wait until every item put has been gotten and marked with `taskDone()`.
   * @example
   * yield* queue.join(); // every job put has been handled
   * Python: await queue.join()
   */
  *join(): Coroutine<void> {
    if (this._unfinishedTasks > 0) yield* this._finished.wait();
  }

  /** Like CPython's str: `<Queue maxsize=2 _queue=[1] tasks=1>`. */
  override toString(): string {
    let result = `<${this.constructor.name} maxsize=${_repr(this._maxsize)}`;
    if (this._queue.length > 0) result += ` _queue=${_repr(this._queue)}`;
    if (this._getters.length > 0) result += ` _getters[${this._getters.length}]`;
    if (this._putters.length > 0) result += ` _putters[${this._putters.length}]`;
    if (this._unfinishedTasks > 0) result += ` tasks=${this._unfinishedTasks}`;
    return `${result}>`;
  }
}
Object.defineProperty(Queue, "name", { value: "Queue" });

/**
 * A queue that hands out the smallest item first, kept as a binary heap with
 * `heapq`'s sift steps. Items compare as Python compares them: numbers and
 * strings by value, arrays (Python's tuples) element by element, so
 * `[priority, data]` pairs work; anything else throws `TypeError`.
 *
 * @example
 * const q = new asyncio.PriorityQueue<[number, string]>();
 * q.putNowait([2, "later"]);
 * q.putNowait([1, "first"]);
 * q.getNowait(); // [1, "first"]
 *
 * Python: asyncio.PriorityQueue
 */
export class PriorityQueue<T> extends Queue<T> {
  /** @internal */
  override _put(item: T): void {
    pyHeapPush(this._queue, item);
  }

  /** @internal */
  override _get(): T {
    return pyHeapPop(this._queue);
  }
}
Object.defineProperty(PriorityQueue, "name", { value: "PriorityQueue" });

/**
 * A queue that hands out the most recently added item first (a stack).
 *
 * @example
 * const q = new asyncio.LifoQueue<number>();
 * q.putNowait(1);
 * q.putNowait(2);
 * q.getNowait(); // 2
 *
 * Python: asyncio.LifoQueue
 */
export class LifoQueue<T> extends Queue<T> {
  /** @internal */
  override _get(): T {
    return this._queue.pop() as T;
  }
}
Object.defineProperty(LifoQueue, "name", { value: "LifoQueue" });
