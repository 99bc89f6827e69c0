/** Block height/time and the average block time (for runway and price-per-month estimates). */
import type { ChainConnection } from "./connection";

/** Console's average Akash block time (apps/deploy-web/src/utils/priceUtils.ts). */
export const DEFAULT_BLOCK_TIME_SECONDS = 6.098;

export interface BlockPoint {
  height: number;
  time: Date;
}

export async function latestBlock(conn: ChainConnection): Promise<BlockPoint> {
  const status = await conn.run((c) => c.status());
  return { height: status.syncInfo.latestBlockHeight, time: new Date(status.syncInfo.latestBlockTime.getTime()) };
}

export async function blockAt(conn: ChainConnection, height: number): Promise<BlockPoint> {
  const res = await conn.run((c) => c.block(height));
  return { height: res.block.header.height, time: new Date(res.block.header.time.getTime()) };
}

/** Mean seconds per block between two blocks; the default when they are too close to tell. */
export function blockTimeBetween(from: BlockPoint, to: BlockPoint, fallback = DEFAULT_BLOCK_TIME_SECONDS): number {
  const blocks = to.height - from.height;
  const seconds = (to.time.getTime() - from.time.getTime()) / 1000;
  return blocks > 0 && seconds > 0 ? seconds / blocks : fallback;
}

/** How long an estimate is reused: many resources of one `pulumi up` ask at once, and it barely moves. */
const ESTIMATE_TTL_MS = 10_000;
const estimates = new WeakMap<object, Map<number, { at: number; seconds: Promise<number> }>>();

/** Average block time over the last `window` blocks (fewer on a young chain), reused for a few seconds per connection. */
export function estimateBlockTime(conn: ChainConnection, window = 100): Promise<number> {
  // Per connection, not per view: the resources of one `pulumi up` each hold their own view of one connection.
  let byWindow = estimates.get(conn.identity);
  if (!byWindow) estimates.set(conn.identity, (byWindow = new Map()));
  const cached = byWindow.get(window);
  if (cached && Date.now() - cached.at < ESTIMATE_TTL_MS) return cached.seconds;
  const seconds = measureBlockTime(conn, window);
  byWindow.set(window, { at: Date.now(), seconds });
  seconds.catch(() => byWindow.delete(window));
  return seconds;
}

async function measureBlockTime(conn: ChainConnection, window: number): Promise<number> {
  const latest = await latestBlock(conn);
  const fromHeight = Math.max(1, latest.height - window);
  if (fromHeight >= latest.height) return DEFAULT_BLOCK_TIME_SECONDS;
  return blockTimeBetween(await blockAt(conn, fromHeight), latest);
}

/**
 * Time until the next wall-clock multiple of `interval` (a whole interval when exactly on one). Pollers
 * that sleep this long instead of a fixed interval poll at the same moments, so the many resources of one
 * `pulumi up` see a block's news together and take their next step (e.g. a lease) in the same tx batch.
 */
export function untilNextTick(interval: number, now = Date.now()): number {
  return interval - (now % interval);
}
