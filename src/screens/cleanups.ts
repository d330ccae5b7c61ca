// Undo actions for what is half-done (a virtual MFA device created but not yet enabled). A screen adds
// one when it creates something and removes it when the step completes; quitting runs what is left, so
// Ctrl-C at any moment leaves nothing behind.
export class Cleanups {
  private readonly pending = new Map<string, () => Promise<unknown>>();

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
    const entries = [...this.pending.entries()];
    this.pending.clear();
    const failed: string[] = [];
    await Promise.all(
      entries.map(async ([id, undo]) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
        });
        try {
          await Promise.race([undo(), timeout]);
        } catch {
          failed.push(id);
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    return failed;
  }
}
