/**
 * Errors the chain client raises. Chain rejections keep the chain's codespace/code/log so callers (and
 * users) see exactly what the node said; configuration errors name the Pulumi config key to fix.
 */

/** The Pulumi config keys the client reads; error messages name them so users know what to change. */
export const CONFIG_KEYS = {
  rpcEndpoints: "akash:rpcEndpoint",
  chainId: "akash:chainId",
  mnemonic: "akash:mnemonic",
  gasPrice: "akash:gasPrice",
} as const;

/** Bad or unusable provider configuration (wrong chain id, invalid mnemonic, no reachable endpoint). */
export class ConfigError extends Error {
  constructor(
    readonly configKey: string,
    message: string,
  ) {
    super(`${configKey}: ${message}`);
    this.name = "ConfigError";
  }
}

/** A rejection by the chain (CheckTx, simulate or DeliverTx), with the chain's own codespace/code/log. */
export class ChainTxError extends Error {
  constructor(
    readonly codespace: string,
    readonly code: number,
    readonly log: string,
    readonly context: { txHash?: string; height?: number; stage: "simulate" | "broadcast" | "deliver" | "query" },
  ) {
    const where = context.txHash ? ` (tx ${context.txHash}${context.height ? ` at height ${context.height}` : ""})` : "";
    super(`chain rejected the ${context.stage}${where}: ${codespace || "?"} code ${code}: ${log}`);
    this.name = "ChainTxError";
  }

  /** The index of the offending message in the tx, when the chain names one ("message index: N"). */
  get messageIndex(): number | undefined {
    return parseMessageIndex(this.log);
  }

  /** sdk code 32: the signer's sequence moved (an outside tx used the wallet). */
  get isSequenceMismatch(): boolean {
    return isSequenceMismatchLog(this.codespace, this.code, this.log);
  }
}

/** A tx whose fate is unknown: broadcast but not seen in a block before the deadline. */
export class TxTimeoutError extends Error {
  constructor(
    readonly txHash: string,
    waitedMs: number,
  ) {
    super(`tx ${txHash} was broadcast but not included in a block within ${waitedMs} ms; it may still be included later`);
    this.name = "TxTimeoutError";
  }
}

export function parseMessageIndex(log: string): number | undefined {
  const m = /message index: (\d+)/.exec(log);
  return m ? Number(m[1]) : undefined;
}

export function isSequenceMismatchLog(codespace: string, code: number, log: string): boolean {
  return (codespace === "sdk" && code === 32) || /account sequence mismatch/i.test(log);
}

/** "account sequence mismatch, expected 3928, got 3927" -> 3928. */
export function expectedSequenceFromLog(log: string): number | undefined {
  const m = /expected (\d+), got \d+/.exec(log);
  return m ? Number(m[1]) : undefined;
}

/** Network-level failure of an RPC endpoint (as opposed to an answer from the node). */
export function isTransportError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const cause = (error as { cause?: { code?: string } }).cause;
  const text = `${error.name} ${error.message} ${cause?.code ?? ""}`;
  return /fetch failed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE|socket hang up|TimeoutError|AbortError|aborted due to timeout|Bad status on response: (5\d\d|429)|other side closed/i.test(
    text,
  );
}
