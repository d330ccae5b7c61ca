// A bounded worker pool whose size adapts to throttling, as TCP's congestion window does (additive increase,
// multiplicative decrease): it starts near 8, halves when AWS answers Throttling, and grows by one after a
// whole window of calls succeeds. So a large organization goes as fast as AWS allows without a storm of retries.
//
// A throttle counts once per window: calls already in flight when the pool halved were started under the old
// size, and their throttles say nothing new (each call takes a `ticket` when it starts).

export interface LimitOptions {
  initial?: number;
  min?: number;
  max?: number;
}

export class AdaptiveLimit {
  private size: number;
  private readonly min: number;
  private readonly max: number;
  private successes = 0;
  private epoch = 0;
  /** Every size the pool has had, in order (the screen's and the report's figure of how it adapted). */
  readonly history: number[];

  constructor({ initial = 8, min = 1, max = 64 }: LimitOptions = {}) {
    this.size = initial;
    this.min = min;
    this.max = max;
    this.history = [initial];
  }

  get current(): number {
    return this.size;
  }

  /** Taken when a call starts; handed back with its throttle. */
  ticket(): number {
    return this.epoch;
  }

  throttled(ticket: number): void {
    if (ticket !== this.epoch) return;
    this.epoch++;
    this.successes = 0;
    this.set(Math.max(this.min, Math.floor(this.size / 2)));
  }

  succeeded(): void {
    this.successes++;
    if (this.successes >= this.size) {
      this.successes = 0;
      this.set(Math.min(this.max, this.size + 1));
    }
  }

  private set(size: number): void {
    if (size === this.size) return;
    this.size = size;
    this.history.push(size);
  }
}

export interface PoolRun<R> {
  /** Each item's result, by position; undefined for an item never started (the run was stopped). */
  results: (R | undefined)[];
  stopped: boolean;
}

/**
 * Runs `work` on every item, at most `limit.current` at a time. `stopped()` is asked before each start: once it says
 * true, nothing new starts and the run ends when the calls in flight have (Ctrl-C stops cleanly).
 */
export function runPool<T, R>(
  items: readonly T[],
  work: (item: T, index: number) => Promise<R>,
  limit: AdaptiveLimit,
  stopped: () => boolean = () => false,
): Promise<PoolRun<R>> {
  const results: (R | undefined)[] = new Array<R | undefined>(items.length).fill(undefined);
  return new Promise((resolve, reject) => {
    let next = 0;
    let active = 0;
    let failed = false;
    const pump = (): void => {
      if (failed) return;
      const halt = stopped();
      while (!halt && active < limit.current && next < items.length) {
        const index = next++;
        active++;
        work(items[index] as T, index).then(
          (result) => {
            results[index] = result;
            active--;
            pump();
          },
          (error: unknown) => {
            failed = true;
            reject(error);
          },
        );
      }
      if (active === 0 && (halt || next >= items.length)) resolve({ results, stopped: halt && next < items.length });
    };
    pump();
  });
}
