/**
 * In-memory Context for module unit tests: the modules' genesis run over a fresh store with auth and
 * bank, funded accounts, a block clock you move by hand, collected events, and `exec` which runs a
 * message handler the way the tx pipeline does (validateBasic, then handle in a branch that is only
 * kept when it succeeds).
 */
import { createModule as createAuth } from "../modules/auth";
import { createModule as createBank } from "../modules/bank";
import { ChainApp } from "./app";
import { EventSink } from "./events";
import { GasMeter } from "./gas";
import { BranchStore, SortedStore } from "./store";
import type { BlockInfo, Coin, Context, Module, MsgHandler } from "./types";

export interface MemoryContextOptions {
  /** modules besides auth and bank (their keepers become reachable through ctx.keeper) */
  modules?: Module[];
  /** genesis sections by module name */
  genesis?: Record<string, unknown>;
  balances?: Array<{ address: string; coins: Coin[] }>;
  chainId?: string;
  height?: number;
  time?: Date;
}

export interface MemoryContext extends Context {
  events: EventSink;
  /** the committed store behind ctx.store */
  raw: SortedStore;
  /** moves the block clock (height and, by default, 6 s per block) */
  advance(blocks?: number, msPerBlock?: number): void;
  /** runs a message like DeliverTx does; returns the handler's response, rethrows its error with state untouched */
  exec<T>(handler: MsgHandler<T>, msg: T): unknown;
  /** gas charged by the last `exec` */
  lastGasUsed: number;
  /** runs every module's begin and end blockers for the current block */
  blockers(): void;
}

export function memoryContext(options: MemoryContextOptions = {}): MemoryContext {
  const modules = [createAuth(), createBank(), ...(options.modules ?? [])];
  const app = new ChainApp(modules, []);
  const raw = new SortedStore();
  const block: BlockInfo = { chainId: options.chainId ?? "akash-devnet-1", height: options.height ?? 1, time: options.time ?? new Date("2026-01-01T00:00:00Z") };
  const genesis: Record<string, unknown> = { ...(options.genesis ?? {}) };
  const balances = options.balances ?? [];
  genesis.auth = { ...((genesis.auth as object) ?? {}), accounts: balances.map((b) => b.address) };
  genesis.bank = { ...((genesis.bank as object) ?? {}), balances };
  const init = new BranchStore(raw);
  app.initGenesis(init, block, genesis);
  init.commit();

  const events = new EventSink();
  const base = app.context(raw, block, undefined, events);
  const ctx: MemoryContext = {
    ...base,
    block,
    events,
    raw,
    lastGasUsed: 0,
    advance(blocks = 1, msPerBlock = 6000) {
      block.height += blocks;
      block.time = new Date(block.time.getTime() + blocks * msPerBlock);
    },
    exec<T>(handler: MsgHandler<T>, msg: T) {
      handler.validateBasic?.(msg);
      const branch = new BranchStore(raw);
      const meter = new GasMeter();
      const msgEvents = new EventSink();
      const result = handler.handle(app.context(branch, block, meter, msgEvents), msg);
      branch.commit();
      events.list.push(...msgEvents.list);
      ctx.lastGasUsed = meter.consumed;
      return result;
    },
    blockers() {
      const branch = new BranchStore(raw);
      events.list.push(...app.runBlocker("beginBlock", branch, block), ...app.runBlocker("endBlock", branch, block));
      branch.commit();
    },
  };
  return ctx;
}
