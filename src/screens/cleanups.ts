// Undo actions for what is half-done (a virtual MFA device created but not yet enabled). A screen adds
// one when it creates something and removes it when the step completes; quitting runs what is left, so
// Ctrl-C at any moment leaves nothing behind. Writes still in flight are tracked too: quitting waits for
// their answers first, so an undo never races the call it undoes, and a device whose creation is answered
// after Ctrl-C is still deleted.
export class Cleanups {
  private readonly pending = new Map<string, () => Promise<unknown>>();
  private readonly inFlight = new Set<Promise<unknown>>();
  /** What `runAll` did undo (the report names it under the step that was interrupted). */
  readonly undone: string[] = [];

  /** Follows a call until it settles; returns it unchanged. */
  track<T>(call: Promise<T>): Promise<T> {
    this.inFlight.add(call);
    const settled = () => void this.inFlight.delete(call);
    call.then(settled, settled);
    return call;
  }

  add(id: string, undo: () => Promise<unknown>): void {
    this.pending.set(id, undo);
  }

  remove(id: string): void {
    this.pending.delete(id);
  }

  get size(): number {
    return this.pending.size;
  }

  /** Runs every pending undo once, each bounded in time; reports which ones failed. */
  async runAll(timeoutMs = 10_000): Promise<string[]> {
    await bounded(Promise.allSettled([...this.inFlight]), timeoutMs).catch(() => undefined);
    const entries = [...this.pending.entries()];
    this.pending.clear();
    const failed: string[] = [];
    await Promise.all(
      entries.map(async ([id, undo]) => {
        try {
          await bounded(undo(), timeoutMs);
          this.undone.push(id);
        } catch {
          failed.push(id);
        }
      }),
    );
    return failed;
  }
}

async function bounded<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
