/**
 * A Context over the core's real store, bank and event sink, without RPC or blocks, for the registry
 * modules' unit specs: run messages and queries the way the tx pipeline and abci_query do.
 */
import { makeContext } from "../../chain/context";
import { EventSink } from "../../chain/events";
import { BranchStore, SortedStore, type RawStore } from "../../chain/store";
import type { BlockInfo, Coin, Context, Module } from "../../chain/types";

export interface TestChain {
  ctx: Context;
  events: EventSink;
  block: BlockInfo;
  /** Credits `address` with freshly minted coins. */
  fund(address: string, coins: Coin[]): void;
  /** validateBasic then handle, on a branch of the context (like DeliverTx); returns the response. */
  deliver(typeUrl: string, msg: unknown): unknown;
  query<Res>(path: string, req: unknown): Res;
  /** Advances to the next block and runs every module's end blocker. */
  nextBlock(): void;
}

export function testChain(modules: Module[], genesis: Record<string, unknown> = {}): TestChain {
  const raw = new SortedStore();
  const events = new EventSink();
  const block: BlockInfo = { chainId: "devnet-unit", height: 1, time: new Date("2026-01-01T00:00:00Z") };
  const keepers = new Map(modules.map((m) => [m.name, m.keeper]));
  const contextOn = (store: RawStore) =>
    makeContext({
      raw: store,
      block,
      events,
      keeper: (name) => {
        if (!keepers.has(name)) throw new Error(`no keeper for module "${name}"`);
        return keepers.get(name);
      },
    });
  const ctx = contextOn(raw);
  for (const m of modules) m.initGenesis?.(ctx, genesis[m.name] ?? {});
  const roundTrip = <T>(codec: { encode(m: T): { finish(): Uint8Array }; decode(b: Uint8Array): T; fromPartial(o: any): T }, value: unknown): T =>
    codec.decode(codec.encode(codec.fromPartial(value)).finish());
  return {
    ctx,
    events,
    block,
    fund(address, coins) {
      ctx.bank.mint("mint", coins);
      ctx.bank.send(ctx.bank.moduleAddress("mint"), address, coins);
    },
    deliver(typeUrl, msg) {
      const handler = modules.flatMap((m) => m.msgs).find((h) => h.typeUrl === typeUrl);
      if (!handler) throw new Error(`no handler for ${typeUrl}`);
      const decoded = roundTrip(handler.codec, msg);
      handler.validateBasic?.(decoded);
      const branch = new BranchStore(raw);
      const response = handler.handle(contextOn(branch), decoded);
      branch.commit();
      return response;
    },
    query<Res>(path: string, req: unknown): Res {
      const handler = modules.flatMap((m) => m.queries).find((q) => q.path === path);
      if (!handler) throw new Error(`no query ${path}`);
      const res = handler.handle(ctx, roundTrip(handler.request, req));
      return handler.response.decode(handler.response.encode(res).finish()) as Res;
    },
    nextBlock() {
      block.height += 1;
      block.time = new Date(block.time.getTime() + 6000);
      for (const m of modules) m.endBlock?.(ctx);
    },
  };
}

/** "<codespace>/<code>: <message>" of the ChainError `fn` throws, or "ok" (compact assertions in specs). */
export function failureOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    const e = err as { codespace: string; code: number; message: string };
    return `${e.codespace}/${e.code}: ${e.message}`;
  }
  return "ok";
}
