/** Helpers for the registry module acceptance tests: raw abci_query outcomes (to see codespace/code). */
import { connectComet } from "@cosmjs/tendermint-rpc";

interface RequestCodec {
  fromPartial(o: any): unknown;
  encode(m: any): { finish(): Uint8Array };
}

export interface QueryOutcome {
  code: number;
  codespace: string;
  log: string;
}

/** A query that must fail: its abci code, codespace and log as a client sees them. */
export async function failedQuery(rpcUrl: string, path: string, req: RequestCodec, value: unknown): Promise<QueryOutcome> {
  const comet = await connectComet(rpcUrl);
  try {
    const res = await comet.abciQuery({ path, data: req.encode(req.fromPartial(value)).finish() });
    return { code: res.code ?? 0, codespace: res.codespace ?? "", log: res.log ?? "" };
  } finally {
    comet.disconnect();
  }
}
