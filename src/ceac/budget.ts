/** Politeness towards CEAC: a caller waits on the budget before each request it sends. */
export interface RequestBudget {
  /** Resolves when one more request may be sent. */
  acquire(): Promise<void>;
}

/**
 * An in-process budget: at most one request every `minIntervalMs`, handed out in arrival order.
 * Several processes sharing one site need a shared budget (the tracker's database one).
 */
export function intervalBudget(minIntervalMs: number): RequestBudget {
  if (!(minIntervalMs >= 0)) throw new RangeError(`minIntervalMs must be >= 0, got ${minIntervalMs}`);
  let nextSlot = 0;
  return {
    acquire() {
      if (minIntervalMs === 0) return Promise.resolve();
      const now = Date.now();
      const slot = Math.max(now, nextSlot);
      nextSlot = slot + minIntervalMs;
      const wait = slot - now;
      return wait <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, wait));
    },
  };
}

/** No limit at all: for the simulator and benchmarks only. */
export const unlimitedBudget: RequestBudget = { acquire: () => Promise.resolve() };
