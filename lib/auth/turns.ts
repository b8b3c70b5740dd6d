/**
 * One-at-a-time queues by key: a job runs once the key's earlier jobs have ended, however they ended. The auth
 * service orders each account's token writes with it, so a sign-out never clears between a refresh's check and save.
 * Hand-written rather than Web Locks or a library: only the background worker writes tokens, so an in-memory queue
 * suffices, and the service's Web Locks are optional (absent in tests), while this ordering must always hold.
 */
export class Turns {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `fn` after the key's earlier jobs. @throws what `fn` throws (the queue goes on). */
  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const job = (this.tails.get(key) ?? Promise.resolve()).then(fn);
    const ended = job.catch(() => undefined);
    this.tails.set(key, ended);
    void ended.then(() => this.tails.get(key) === ended && this.tails.delete(key));
    return job;
  }
}
