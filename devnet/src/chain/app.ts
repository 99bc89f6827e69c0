/**
 * The application (cosmos baseapp): hosts the modules, routes messages and queries, and runs
 * transactions in CheckTx, Simulate and DeliverTx modes over the store branch the node hands in.
 * Ante writes (fee, sequence, public key) survive a failed message; message writes do not.
 */
import { TxMsgData } from "cosmjs-types/cosmos/base/abci/v1beta1/abci";
import { runAnte, type ExecMode, type GasPrice } from "./ante";
import { makeContext } from "./context";
import { sdkErrors, toChainError } from "./errors";
import { EventSink, withAttribute, type AbciEvent } from "./events";
import { GasMeter, OutOfGas, outOfGasError } from "./gas";
import { BranchStore, type RawStore } from "./store";
import { decodeTx, type DecodedTx } from "./tx";
import { ChainError, type BlockInfo, type Context, type Module, type MsgHandler, type QueryHandler } from "./types";

export interface TxResult {
  code: number;
  codespace: string;
  log: string;
  data?: Uint8Array;
  gasWanted: number;
  gasUsed: number;
  events: AbciEvent[];
}

export interface QueryResult {
  code: number;
  codespace: string;
  log: string;
  value: Uint8Array;
}

/** A query served by the node rather than a module (needs node state such as the check state or tx index). */
export type NodeQuery = (data: Uint8Array) => Uint8Array;

function errorResult(err: ChainError, gasWanted: number, gasUsed: number, events: AbciEvent[] = []): TxResult {
  return { code: err.code, codespace: err.codespace, log: err.message, gasWanted, gasUsed, events };
}

/** cosmos sdk.GetModuleNameFromTypeURL: "/akash.deployment.v1beta4.MsgX" -> "deployment". */
function moduleNameOf(typeUrl: string): string {
  return typeUrl.split(".")[1] ?? "";
}

function typeUrlOfCodec(codec: { $type?: string; typeUrl?: string }): string {
  if (codec.typeUrl) return codec.typeUrl;
  if (codec.$type) return `/${codec.$type}`;
  throw new Error("response codec has neither typeUrl nor $type");
}

export class ChainApp {
  readonly msgRoutes = new Map<string, MsgHandler<any>>();
  readonly queryRoutes = new Map<string, QueryHandler<any, any>>();
  private readonly keepers = new Map<string, unknown>();

  constructor(
    readonly modules: readonly Module[],
    readonly minGasPrices: GasPrice[],
    private readonly onBlockerError?: (message: string) => void,
  ) {
    for (const module of modules) {
      if (module.keeper !== undefined) this.keepers.set(module.name, module.keeper);
      for (const msg of module.msgs) {
        if (this.msgRoutes.has(msg.typeUrl)) throw new Error(`message ${msg.typeUrl} registered twice (module ${module.name})`);
        this.msgRoutes.set(msg.typeUrl, msg);
      }
      for (const query of module.queries) {
        if (this.queryRoutes.has(query.path)) throw new Error(`query ${query.path} registered twice (module ${module.name})`);
        this.queryRoutes.set(query.path, query);
      }
    }
  }

  keeper = (name: string): unknown => {
    if (!this.keepers.has(name)) throw new Error(`no keeper for module "${name}"`);
    return this.keepers.get(name);
  };

  context(raw: RawStore, block: BlockInfo, meter?: GasMeter, events?: EventSink): Context & { events: EventSink } {
    return makeContext({ raw, block, meter, events, keeper: this.keeper });
  }

  /** Runs every module's initGenesis with its section of the genesis (an empty object when absent). */
  initGenesis(raw: RawStore, block: BlockInfo, genesis: Record<string, unknown>): void {
    for (const module of this.modules) module.initGenesis?.(this.context(raw, block), genesis[module.name] ?? {});
  }

  /** Begin or end blockers; their events carry mode=BeginBlock/EndBlock as in FinalizeBlock. */
  runBlocker(phase: "beginBlock" | "endBlock", raw: RawStore, block: BlockInfo): AbciEvent[] {
    const out: AbciEvent[] = [];
    for (const module of this.modules) {
      const blocker = module[phase];
      if (!blocker) continue;
      // A real node halts on a blocker panic; the devnet drops that module's writes for the block, reports it and goes on.
      const branch = new BranchStore(raw);
      const events = new EventSink();
      try {
        blocker.call(module, this.context(branch, block, undefined, events));
      } catch (err) {
        this.onBlockerError?.(`${module.name} ${phase} at height ${block.height}: ${(err as Error).stack ?? err}`);
        continue;
      }
      branch.commit();
      out.push(...events.list);
    }
    return withAttribute(out, "mode", phase === "beginBlock" ? "BeginBlock" : "EndBlock");
  }

  /**
   * Runs a tx on `state` (check state, a throwaway branch for simulate, or the block state). Nothing is
   * written to `state` when the ante chain fails.
   */
  runTx(mode: ExecMode, state: RawStore, bytes: Uint8Array, block: BlockInfo): TxResult {
    let tx: DecodedTx;
    try {
      tx = decodeTx(bytes, this.msgRoutes);
    } catch (err) {
      return errorResult(toChainError(err), 0, 0);
    }
    const meter = new GasMeter(mode === "simulate" ? Number.POSITIVE_INFINITY : tx.gasLimit);
    const anteBranch = new BranchStore(state);
    const anteEvents = new EventSink();
    try {
      runAnte({ tx, mode, ctx: this.context(anteBranch, block, meter, anteEvents), meter, block, minGasPrices: this.minGasPrices });
    } catch (err) {
      return errorResult(this.txError(err, meter), tx.gasLimit, meter.consumed);
    }
    anteBranch.commit();
    if (mode === "check") return { code: 0, codespace: "", log: "", gasWanted: tx.gasLimit, gasUsed: meter.consumed, events: anteEvents.list };

    const msgBranch = new BranchStore(state);
    const msgEvents: AbciEvent[] = [];
    const responses: Array<{ typeUrl: string; value: Uint8Array }> = [];
    try {
      tx.msgs.forEach((msg, index) => {
        const events = new EventSink();
        const ctx = this.context(msgBranch, block, meter, events);
        let response: unknown;
        try {
          response = msg.handler.handle(ctx, msg.value);
        } catch (err) {
          if (err instanceof OutOfGas) throw err;
          throw toChainError(err).wrap(`failed to execute message; message index: ${index}`);
        }
        const responseCodec = msg.handler.response;
        responses.push({
          typeUrl: typeUrlOfCodec(responseCodec),
          value: responseCodec.encode(responseCodec.fromPartial(response ?? {})).finish(),
        });
        const signer = msg.handler.signers(msg.value)[0];
        const messageEvent: AbciEvent = {
          type: "message",
          attributes: [
            { key: "action", value: msg.typeUrl, index: true },
            ...(signer ? [{ key: "sender", value: signer, index: true }] : []),
            { key: "module", value: moduleNameOf(msg.typeUrl), index: true },
          ],
        };
        msgEvents.push(...withAttribute([messageEvent, ...events.list], "msg_index", String(index)));
      });
    } catch (err) {
      return errorResult(this.txError(err, meter), tx.gasLimit, meter.consumed, anteEvents.list);
    }
    msgBranch.commit();
    const data = TxMsgData.encode(TxMsgData.fromPartial({ msgResponses: responses })).finish();
    return { code: 0, codespace: "", log: "", data, gasWanted: tx.gasLimit, gasUsed: meter.consumed, events: [...anteEvents.list, ...msgEvents] };
  }

  private txError(err: unknown, meter: GasMeter): ChainError {
    if (err instanceof OutOfGas) return outOfGasError(err, meter);
    return toChainError(err);
  }

  /** abci_query for a module gRPC path, against committed state. */
  query(raw: RawStore, block: BlockInfo, path: string, data: Uint8Array): QueryResult {
    const handler = this.queryRoutes.get(path);
    if (!handler) return this.queryError(sdkErrors.unknownRequest.wrap("unknown query path"));
    let request: unknown;
    try {
      request = handler.request.decode(data);
    } catch (err) {
      return this.queryError(sdkErrors.invalidRequest.wrap((err as Error).message));
    }
    try {
      const response = handler.handle(this.context(new BranchStore(raw), block), request);
      return { code: 0, codespace: "", log: "", value: handler.response.encode(handler.response.fromPartial(response)).finish() };
    } catch (err) {
      return this.queryError(toChainError(err));
    }
  }

  queryError(err: ChainError): QueryResult {
    return { code: err.code, codespace: err.codespace, log: err.message, value: new Uint8Array() };
  }
}
