/**
 * src/typecheck/boot.ts: warm-ups wait for the type service's first start, at most
 * BOOT_WAIT_MS, run exactly once, and never wait when no service is booting.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

type Boot = typeof import("../../../src/typecheck/boot");

/** A fresh copy of the module: its state is page-wide. */
async function fresh(): Promise<Boot> {
  vi.resetModules();
  return import("../../../src/typecheck/boot");
}

describe("afterServiceBoot", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runs at once when no editor asked for the service", async () => {
    const boot = await fresh();
    const work = vi.fn();
    boot.afterServiceBoot(work);
    expect(work).toHaveBeenCalledTimes(1);
    expect(boot.serviceIsBooting()).toBe(false);
  });

  it("waits while the service boots, runs once at its first answer, then never waits again", async () => {
    const boot = await fresh();
    boot.serviceBooting();
    expect(boot.serviceIsBooting()).toBe(true);
    const work = vi.fn();
    boot.afterServiceBoot(work);
    vi.advanceTimersByTime(boot.BOOT_WAIT_MS - 1);
    expect(work).not.toHaveBeenCalled();
    boot.serviceBooted();
    expect(work).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(boot.BOOT_WAIT_MS * 2);
    boot.serviceBooted();
    expect(work).toHaveBeenCalledTimes(1);
    // Up is up: another editor opening does not make warm-ups wait again.
    boot.serviceBooting();
    expect(boot.serviceIsBooting()).toBe(false);
    const later = vi.fn();
    boot.afterServiceBoot(later);
    expect(later).toHaveBeenCalledTimes(1);
  });

  it("gives up waiting after BOOT_WAIT_MS, and a cancel keeps the work from running", async () => {
    const boot = await fresh();
    boot.serviceBooting();
    const slow = vi.fn();
    const cancelled = vi.fn();
    boot.afterServiceBoot(slow);
    const cancel = boot.afterServiceBoot(cancelled);
    cancel();
    vi.advanceTimersByTime(boot.BOOT_WAIT_MS);
    expect(slow).toHaveBeenCalledTimes(1);
    boot.serviceBooted();
    expect(slow).toHaveBeenCalledTimes(1);
    expect(cancelled).not.toHaveBeenCalled();
  });
});
