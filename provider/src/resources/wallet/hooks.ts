// akash.Wallet: keeps the configured wallet holding enough ACT for deposits by burning AKT (MsgMintACT). Every
// `pulumi up` reads the balance (diff does I/O on purpose); below minAct it mints up to targetAct, never burning
// more than maxAktPerRun, and waits for the BME epoch that executes the mint. Burning is irreversible, which is
// why this is an explicit resource whose mint shows in preview, not something a Deployment does silently.
import type * as pulumi from "@pulumi/pulumi";
import type { AkashClient } from "../../chain/client";
import type { ChainConnection } from "../../chain/connection";
import { queryBalances } from "../../chain/bank/queries";
import { estimateBlockTime } from "../../chain/blocks";
import { toDisplayUnits } from "../../chain/escrow/runway";
import { configureProvider, providerConfig } from "../config";
import { queryConnection, signingClient } from "../chain-session";
import { checkInputs, InitError, parseChecked, resourceLog, userInputs } from "../hook-support";
import { containsUnknowns } from "../wire";
import { toBaseUnits } from "../escrow/top-up";
import { walletInputsSchema, type MintOutput, type WalletInputs, type WalletOutputs } from "./inputs";
import { planMint, afterSpread } from "./mint-plan";
import { assertMintsAllowed, mintRecordKey, mintTerms, msgMintAct, waitForMint } from "./bme";

/** A Wallet's lines (its own and those of the txs it shares) name it by its address. */
const walletLog = (address: string) => resourceLog("Wallet", address);
const INPUT_NAMES = ["minAct", "targetAct", "maxAktPerRun", "aktPriceUsd", "mintTimeout"] as const;
/** Left for fees when checking the AKT balance covers a burn. */
const FEE_RESERVE_UAKT = 500_000n;
const NO_MINT: MintOutput = { burnedAkt: 0, mintedAct: 0 };

/** Poll the ledger about every two blocks while waiting for a mint epoch (every ~10 blocks). */
async function mintPollMs(conn: ChainConnection): Promise<number> {
  return Math.min(5000, Math.max(100, (await estimateBlockTime(conn)) * 2000));
}

export function configure(provider: object, config: pulumi.dynamic.Config): void {
  configureProvider(provider, config);
}

export async function check(_provider: object, _olds: unknown, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
  return checkInputs(walletInputsSchema, news);
}

export async function diff(provider: object, _id: string, olds: Record<string, any>, news: Record<string, any>): Promise<pulumi.dynamic.DiffResult> {
  if (containsUnknowns(news) || INPUT_NAMES.some((k) => olds[k] !== news[k])) return { changes: true };
  const inputs = parseChecked(walletInputsSchema, news);
  const conn = await queryConnection(providerConfig(provider));
  const { act } = await balances(conn, olds.address);
  if (act >= toBaseUnits(inputs.minAct)) return { changes: false };
  walletLog(olds.address)(`holds ${toDisplayUnits(act.toString())} ACT, below minAct ${inputs.minAct}: this update burns AKT (at most ${inputs.maxAktPerRun}) to mint ACT`);
  return { changes: true };
}

export async function create(provider: object, props: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
  const inputs = parseChecked(walletInputsSchema, props);
  const client = await signingClient(providerConfig(provider));
  const outs = await topUpAct(client, inputs, userInputs(props), NO_MINT);
  return { id: client.signer.address, outs: { ...userInputs(props), ...outs } };
}

export async function update(provider: object, _id: string, olds: Record<string, any>, news: Record<string, unknown>): Promise<pulumi.dynamic.UpdateResult> {
  const inputs = parseChecked(walletInputsSchema, news);
  const client = await signingClient(providerConfig(provider));
  const outs = await topUpAct(client, inputs, userInputs(news), (olds.lastMint as MintOutput | undefined) ?? NO_MINT);
  return { outs: { ...userInputs(news), ...outs } };
}

export async function read(provider: object, id: string, props: Record<string, any>): Promise<pulumi.dynamic.ReadResult> {
  const address = String(props.address ?? id);
  const conn = await queryConnection(providerConfig(provider));
  return { id, props: { ...userInputs(props), ...(await walletOutputs(conn, address, props.lastMint ?? NO_MINT)) } };
}

export async function del(_provider: object, id: string): Promise<void> {
  walletLog(id)("nothing to do on chain: minted ACT stays in the wallet");
}
export { del as delete };

async function balances(conn: ChainConnection, address: string): Promise<{ akt: bigint; act: bigint }> {
  const coins = await queryBalances(conn, address);
  const of = (denom: string) => BigInt(coins.find((c) => c.denom === denom)?.amount ?? "0");
  return { akt: of("uakt"), act: of("uact") };
}

async function walletOutputs(conn: ChainConnection, address: string, lastMint: MintOutput): Promise<WalletOutputs> {
  const { akt, act } = await balances(conn, address);
  return { address, aktBalance: toDisplayUnits(akt.toString()), actBalance: toDisplayUnits(act.toString()), lastMint };
}

/** Mints ACT when the balance is below minAct and waits for the mint epoch; returns the outputs. */
async function topUpAct(client: AkashClient, inputs: WalletInputs, raw: Record<string, unknown>, previous: MintOutput): Promise<WalletOutputs> {
  const { conn } = client;
  const address = client.signer.address;
  const log = walletLog(address);
  const { akt, act } = await balances(conn, address);
  const terms = await mintTerms(conn, inputs.aktPriceUsd);
  const plan = planMint(act, inputs, terms);
  if (!plan.due) {
    log(`no mint: ${plan.reason}`);
    return walletOutputs(conn, address, previous);
  }
  const burnedAkt = toDisplayUnits(plan.burnUakt.toString());
  if (akt < plan.burnUakt + FEE_RESERVE_UAKT) {
    throw new Error(
      `akash.Wallet ${address}: ${plan.reason}; minting needs ${burnedAkt} AKT plus fees, but the wallet holds ${toDisplayUnits(akt.toString())} AKT. ` +
        "Fix: send AKT to the wallet, or lower targetAct",
    );
  }
  await assertMintsAllowed(conn);
  const result = await client.queue.submit([msgMintAct(address, plan.burnUakt)], { log });
  log(
    `${plan.reason}: burned ${burnedAkt} AKT at ${terms.aktPriceInAct} ACT/AKT (${terms.priceSource}) for about ` +
      `${toDisplayUnits(plan.expectedUact.toString())} ACT${plan.capped ? " (capped by maxAktPerRun; below targetAct)" : ""}; waiting for the BME mint epoch`,
  );
  const outcome = await waitForMint(conn, address, mintRecordKey(result), { timeoutMs: inputs.mintTimeout * 1000, pollMs: await mintPollMs(conn) });
  if (outcome.status === "canceled") {
    throw new Error(`akash.Wallet ${address}: the chain canceled the mint of ${burnedAkt} AKT and refunded it (below its minimum mint or failed repeatedly)`);
  }
  if (outcome.status === "pending") {
    const reason = `the mint of ${burnedAkt} AKT (tx ${result.txHash}) is still pending after ${inputs.mintTimeout} s; the BME executes it at a later epoch. Run pulumi refresh or up again`;
    throw new InitError(address, { ...raw, ...(await walletOutputs(conn, address, { burnedAkt, mintedAct: 0 })) }, [reason]);
  }
  const lastMint = { burnedAkt, mintedAct: toDisplayUnits(afterSpread(outcome.mintedUact, terms.mintSpreadBps).toString()) };
  log(`mint executed: ${lastMint.mintedAct} ACT credited`);
  return walletOutputs(conn, address, lastMint);
}
