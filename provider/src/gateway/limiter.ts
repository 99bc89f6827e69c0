/**
 * A concurrency cap for provider-gateway requests. A wave of deployments would otherwise probe every bidder,
 * send every manifest and poll every lease status at the same instant; providers (and the plugin's sockets)
 * take that better a few at a time. Slots are handed over first come, first served.
 */

/** At most this many gateway requests of the process are in flight at once. */
export const MAX_CONCURRENT_GATEWAY_REQUESTS = 8;

export class Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`Limiter: max must be a positive integer, got ${max}`);
  }

  /** Runs `work` once a slot is free; the slot is released however `work` ends. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.max) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      // A waiter takes the slot over directly, so a newcomer cannot jump the queue.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
