/**
 * Waiting for bids (the I/O edge of selection): poll until every group has `minBids` open bids or the
 * window closes, reporting progress ("bids 3 of 4") along the way.
 *
 * Polls fall on wall-clock multiples of the interval, not on multiples from each caller's start: the many
 * deployments of one `pulumi up` then see the same blocks' bids at the same moment and request their
 * leases within one batch window of the tx queue, so all leases go out in one tx instead of several.
 */
import { untilNextTick } from "../chain/blocks";
import type { BidInfo } from "./selection";

export interface BidProgress {
  /** open bids so far, by gseq */
  perGroup: Record<number, number>;
  elapsedMs: number;
  message: string;
}

export interface WaitForBidsOptions {
  fetchBids: () => Promise<BidInfo[]>;
  gseqs: readonly number[];
  minBids: number;
  windowMs: number;
  /** default 2000 ms */
  pollIntervalMs?: number;
  onProgress?: (progress: BidProgress) => void;
  signal?: AbortSignal;
}

export interface WaitForBidsResult {
  bids: BidInfo[];
  /** every group reached minBids before the window closed */
  quorumReached: boolean;
  elapsedMs: number;
}

function countOpen(bids: readonly BidInfo[], gseqs: readonly number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const g of gseqs) counts[g] = bids.filter((b) => b.gseq === g && (b.state ?? "open") === "open").length;
  return counts;
}

/** "bids 3 of 4" while waiting for the quorum, "4 bids" once it is reached. */
export function progressMessage(perGroup: Record<number, number>, minBids: number): string {
  const count = (n: number) => (n < minBids ? `bids ${n} of ${minBids}` : `${n} bid${n === 1 ? "" : "s"}`);
  const entries = Object.entries(perGroup);
  if (entries.length === 1) return count(entries[0][1]);
  return entries.map(([g, n]) => `group ${g}: ${count(n)}`).join(", ");
}

export async function waitForBids(options: WaitForBidsOptions): Promise<WaitForBidsResult> {
  const started = Date.now();
  const interval = options.pollIntervalMs ?? 2000;
  let lastMessage = "";
  for (;;) {
    options.signal?.throwIfAborted();
    const bids = await options.fetchBids();
    const perGroup = countOpen(bids, options.gseqs);
    const elapsedMs = Date.now() - started;
    const message = progressMessage(perGroup, options.minBids);
    if (message !== lastMessage) options.onProgress?.({ perGroup, elapsedMs, message });
    lastMessage = message;
    const quorumReached = options.gseqs.every((g) => perGroup[g] >= options.minBids);
    if (quorumReached || elapsedMs >= options.windowMs) return { bids, quorumReached, elapsedMs };
    await new Promise((r) => setTimeout(r, Math.min(untilNextTick(interval), Math.max(0, options.windowMs - elapsedMs))));
  }
}
