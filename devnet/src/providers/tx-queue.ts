/**
 * One signer's transaction queue: messages are sent strictly one transaction at a time (so the account
 * sequence never collides), and whatever piled up meanwhile goes out together in the next transaction.
 * A failed batch is retried message by message so one bad message cannot sink the others.
 */
import type { EncodeObject } from "@cosmjs/proto-signing";
import type { DeliverTxResponse, SigningStargateClient, StdFee } from "@cosmjs/stargate";

const GAS_PER_MESSAGE = 300_000;
const GAS_PRICE_UAKT = 0.025;
const MAX_BATCH = 20;

export class TxError extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly codespace?: string,
  ) {
    super(message);
    this.name = "TxError";
  }
}

interface Pending {
  msg: EncodeObject;
  resolve(result: DeliverTxResponse): void;
  reject(error: Error): void;
}

export function feeFor(messages: number): StdFee {
  const gas = GAS_PER_MESSAGE * messages + 100_000;
  return { amount: [{ denom: "uakt", amount: Math.ceil(gas * GAS_PRICE_UAKT).toString() }], gas: gas.toString() };
}

export class TxQueue {
  private readonly pending: Pending[] = [];
  private running = false;
  private stopped = false;

  constructor(
    private readonly client: SigningStargateClient,
    readonly address: string,
    private readonly memo = "",
  ) {}

  /** Resolves when the message is committed; rejects with TxError if the chain refused it. */
  submit(msg: EncodeObject): Promise<DeliverTxResponse> {
    if (this.stopped) return Promise.reject(new Error("transaction queue stopped"));
    return new Promise((resolve, reject) => {
      this.pending.push({ msg, resolve, reject });
      // start on the next turn so messages submitted together go out in one transaction
      setImmediate(() => void this.drain());
    });
  }

  stop(): void {
    this.stopped = true;
    for (const p of this.pending.splice(0)) p.reject(new Error("transaction queue stopped"));
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.pending.length > 0 && !this.stopped) {
        const batch = this.pending.splice(0, MAX_BATCH);
        const outcome = await this.send(batch.map((p) => p.msg));
        if (outcome instanceof Error && batch.length > 1) {
          for (const p of batch) {
            const single = await this.send([p.msg]);
            settle(p, single);
          }
        } else {
          for (const p of batch) settle(p, outcome);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async send(msgs: EncodeObject[]): Promise<DeliverTxResponse | Error> {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await this.client.signAndBroadcast(this.address, msgs, feeFor(msgs.length), this.memo);
        if (result.code === 0) return result;
        return new TxError(result.rawLog ?? `tx failed with code ${result.code}`, result.code);
      } catch (e) {
        const error = e as Error & { code?: number };
        // a sequence mismatch can only come from a tx signed outside this queue: retry after a block
        if (attempt < 2 && /sequence mismatch|incorrect account sequence/i.test(error.message)) {
          await new Promise((r) => setTimeout(r, 500));
          continue;
        }
        return error instanceof TxError ? error : new TxError(error.message, error.code ?? -1);
      }
    }
  }
}

function settle(p: Pending, outcome: DeliverTxResponse | Error): void {
  if (outcome instanceof Error) p.reject(outcome);
  else p.resolve(outcome);
}
