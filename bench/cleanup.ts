/**
 * Everything the bench starts (processes, servers, browsers) registers how to stop it here; the
 * main loop stops them all in reverse order on success, error or Ctrl-C, so a run leaves nothing
 * behind.
 */
type Stopper = { name: string; stop: () => Promise<void> };

export class Cleanup {
  private readonly stoppers: Stopper[] = [];

  add(name: string, stop: () => Promise<void>): void {
    this.stoppers.push({ name, stop });
  }

  /** Stops everything registered after `mark` (a value from `mark()`), newest first. */
  async stopSince(mark: number): Promise<void> {
    const errors: string[] = [];
    while (this.stoppers.length > mark) {
      const stopper = this.stoppers.pop();
      if (!stopper) break;
      try {
        await withTimeout(stopper.stop(), 15_000, stopper.name);
      } catch (error) {
        errors.push(`${stopper.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (errors.length > 0) throw new Error(`could not stop cleanly: ${errors.join('; ')}`);
  }

  mark(): number {
    return this.stoppers.length;
  }

  stopAll(): Promise<void> {
    return this.stopSince(0);
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(ms)} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
