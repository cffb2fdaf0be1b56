/**
 * Where timers keep their deadlines. A fractional number in an object field is a
 * separate boxed number: a second object per timer for the collector to copy (200k
 * waiting timers were 400k objects). So a timer keeps a page and a place on it instead:
 * deadlines are written one after another into shared pages of 1,024 numbers, and a
 * page lives as long as any of its timers.
 * @internal
 */

/** Deadlines per page (8 KB). */
const PAGE_SIZE = 1024;
/** The page new deadlines go into, and the next free place on it. */
let page = new Float64Array(PAGE_SIZE);
let next = 0;

/**
 * What keeps a deadline: `_deadlines[_deadlineIndex]`.
 * @example
 * const when = timer._deadlines[timer._deadlineIndex];
 * @internal
 */
export interface DeadlineHolder {
  _deadlines: Float64Array;
  _deadlineIndex: number;
}

/**
 * Write `when` on the current page and point `holder` at it (a new page when it is full).
 * @example
 * _keepDeadline(this, when); // in TimerHandle's constructor
 * @internal
 */
export function _keepDeadline(holder: DeadlineHolder, when: number): void {
  if (next === PAGE_SIZE) {
    page = new Float64Array(PAGE_SIZE);
    next = 0;
  }
  holder._deadlines = page;
  holder._deadlineIndex = next;
  page[next++] = when;
}
