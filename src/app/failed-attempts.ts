/**
 * Failed sign-ins per key (an account id, an email) in a sliding window. Past the limit the key is refused
 * until old failures leave the window, which bounds password guessing and the CPU a guesser can make pono
 * spend on memory-hard hashes. Kept in this process: behind a load balancer each process counts its own.
 */
export class FailedAttempts {
  readonly #failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Milliseconds until the key may try again, or 0 when it may now. */
  retryAfterMs(key: string): number {
    const recent = this.#recent(key);
    const oldest = recent[0];
    return recent.length >= this.limit && oldest !== undefined ? oldest + this.windowMs - this.now() : 0;
  }

  fail(key: string): void {
    const recent = this.#recent(key);
    recent.push(this.now());
    this.#failures.set(key, recent);
  }

  succeed(key: string): void {
    this.#failures.delete(key);
  }

  #recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const recent = (this.#failures.get(key) ?? []).filter((t) => t > since);
    if (recent.length === 0) this.#failures.delete(key);
    return recent;
  }
}
