/** Builds the Context handed to module handlers, queries, blockers and genesis. */
import { authView } from "../modules/auth/keeper";
import { bankView } from "../modules/bank/keeper";
import { EventSink } from "./events";
import type { GasMeter } from "./gas";
import { jsonStore, type RawStore } from "./store";
import type { BlockInfo, Context } from "./types";

export interface ContextParts {
  block: BlockInfo;
  raw: RawStore;
  /** metered when given (tx execution); queries, genesis and blockers run unmetered */
  meter?: GasMeter;
  events?: EventSink;
  keeper: (module: string) => unknown;
}

export function makeContext(parts: ContextParts): Context & { events: EventSink } {
  const store = jsonStore(parts.raw, parts.meter);
  const events = parts.events ?? new EventSink();
  return {
    block: parts.block,
    store,
    bank: bankView(store, events),
    auth: authView(store),
    events,
    consumeGas: (amount, descriptor) => parts.meter?.consume(amount, descriptor),
    keeper: <K>(module: string) => parts.keeper(module) as K,
  };
}
