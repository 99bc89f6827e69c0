/**
 * Client-side helpers for the market module acceptance tests: typed abci queries with chain-sdk codecs,
 * tx outcomes (CheckTx or DeliverTx) with codespace/code, and message builders.
 */
import { QueryClient } from "@cosmjs/stargate";
import { BroadcastTxError, type DeliverTxResponse, type StdFee } from "@cosmjs/stargate";
import { fromHex } from "@cosmjs/encoding";
import { connectComet } from "@cosmjs/tendermint-rpc";
import { compileSdl } from "../../provider/src/sdl";
import type { Devnet } from "../../devnet/src";
import { type FundedWallet, startTestDevnet } from "../../devnet/src/testing";
import { sdl } from "./providers-support";

export const fee = (gas = 400_000): StdFee => ({ amount: [{ denom: "uakt", amount: String(Math.ceil(gas * 0.025)) }], gas: String(gas) });

interface Codec<T> {
  fromPartial(o: any): T;
  encode(m: T): { finish(): Uint8Array };
  decode(b: Uint8Array): T;
}

export type Query = <Req, Res>(path: string, req: Codec<Req>, res: Codec<Res>, value: unknown) => Promise<Res>;

export interface Outcome {
  code: number;
  codespace: string;
  log: string;
  height: number;
  response?: DeliverTxResponse;
}

type Msgs = Array<{ typeUrl: string; value: unknown }>;

export interface ChainAccess {
  query: Query;
  /** Broadcasts with a fixed fee (no simulation) and reports a failure from CheckTx or DeliverTx alike. */
  submit(w: FundedWallet, msgs: Msgs, gas?: number): Promise<Outcome>;
  /** Like submit, but the tx must succeed. */
  expectOk(w: FundedWallet, msgs: Msgs, gas?: number): Promise<Outcome>;
  disconnect(): void;
}

export async function connect(rpcUrl: string): Promise<ChainAccess> {
  const comet = await connectComet(rpcUrl);
  const qc = new QueryClient(comet);
  const submit = async (w: FundedWallet, msgs: Msgs, gas = 400_000): Promise<Outcome> => {
    try {
      const res = await w.client.signAndBroadcast(w.address, msgs, fee(gas));
      if (res.code === 0) return { code: 0, codespace: "", log: "", height: res.height, response: res };
      // DeliverTxResponse carries no codespace; the indexed tx result does.
      const tx = await comet.tx({ hash: fromHex(res.transactionHash) });
      return { code: res.code, codespace: tx.result.codespace ?? "", log: tx.result.log ?? "", height: res.height, response: res };
    } catch (err) {
      if (err instanceof BroadcastTxError) return { code: err.code, codespace: err.codespace, log: err.log ?? "", height: 0 };
      throw err;
    }
  };
  return {
    async query(path, req, res, value) {
      const response = await qc.queryAbci(path, req.encode(req.fromPartial(value)).finish());
      return res.decode(response.value);
    },
    submit,
    async expectOk(w, msgs, gas) {
      const out = await submit(w, msgs, gas);
      if (out.code !== 0) throw new Error(`tx failed: ${out.codespace}/${out.code}: ${out.log}`);
      return out;
    },
    disconnect: () => comet.disconnect(),
  };
}

/** The market tests' tenant SDL: a small nginx service at `price` uact per block. */
export const SDL = (price: string) => sdl({ price, cpu: 0.1, memory: "128Mi", storage: "512Mi" });

export function compiled(price: string) {
  return compileSdl(SDL(price), { file: "market.spec SDL" });
}

let nextDseq = 1000;
/** Distinct dseqs within a test process. */
export function dseq(): number {
  return nextDseq++;
}

/** Registers before/after hooks that start a provider-less test devnet with a connected ChainAccess. */
export function useTestDevnet(): { devnet(): Devnet; chain(): ChainAccess } {
  let devnet: Devnet | undefined;
  let chain: ChainAccess | undefined;
  before(async () => {
    devnet = await startTestDevnet({ providers: false });
    chain = await connect(devnet.rpcUrl);
  });
  after(async () => {
    chain?.disconnect();
    await devnet?.stop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("test devnet not started (use inside describe)");
    return value;
  };
  return { devnet: () => ready(devnet), chain: () => ready(chain) };
}
