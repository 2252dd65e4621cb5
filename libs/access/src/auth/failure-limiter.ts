/**
 * Counts authentication failures per client address in a sliding minute. Past the limit the
 * address is refused (429) before any token is checked, which blunts guessing.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  blocked(address: string): number | null {
    const recent = this.recent(address);
    if (recent.length < this.perMinute) return null;
    return Math.max(1, Math.ceil((recent[0] + 60_000 - this.now()) / 1000));
  }

  fail(address: string): void {
    const recent = this.recent(address);
    recent.push(this.now());
    this.failures.set(address, recent);
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
  }

  private recent(address: string): number[] {
    const since = this.now() - 60_000;
    return (this.failures.get(address) ?? []).filter((t) => t > since);
  }
}
