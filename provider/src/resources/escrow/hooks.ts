// akash.Escrow: keeps a deployment's escrow funded. Every `pulumi up` asks the chain for the runway (diff does
// I/O on purpose) and deposits up to targetRunwayHours when it fell below minRunwayHours. Nothing is ever
// withdrawn: the chain refunds the escrow when the deployment closes, so delete only says so.
import type * as pulumi from "@pulumi/pulumi";
import type { AkashClient } from "../../chain/client";
import { queryBalance } from "../../chain/bank/queries";
import { msgDepositDeployment } from "../../chain/escrow/messages";
import { toDisplayUnits } from "../../chain/escrow/runway";
import { configureProvider, providerConfig } from "../config";
import { queryConnection, signingClient } from "../chain-session";
import { checkInputs, InitError, parseChecked, resourceLog, userInputs } from "../hook-support";
import { containsUnknowns, isUnknown } from "../wire";
import { escrowInputsSchema, type EscrowInputs, type EscrowOutputs } from "./inputs";
import { escrowSnapshot, type EscrowSnapshot } from "./snapshot";
import { planTopUp, runwayOutputs } from "./top-up";

/** An Escrow's lines (its own and those of the txs it shares) name it by its deployment's dseq. */
const escrowLog = (dseq: string) => resourceLog("Escrow", dseq);
const INPUT_NAMES = ["dseq", "minRunwayHours", "targetRunwayHours", "maxTopUp"] as const;

function escrowId(owner: string, dseq: string): string {
  return `${owner}/${dseq}`;
}

export function configure(provider: object, config: pulumi.dynamic.Config): void {
  configureProvider(provider, config);
}

export async function check(_provider: object, _olds: unknown, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
  return checkInputs(escrowInputsSchema, news);
}

export async function diff(provider: object, _id: string, olds: Record<string, any>, news: Record<string, any>): Promise<pulumi.dynamic.DiffResult> {
  // Another deployment is another escrow account.
  if (!isUnknown(news.dseq) && String(news.dseq) !== olds.dseq) return { changes: true, replaces: ["dseq"], deleteBeforeReplace: false };
  if (containsUnknowns(news) || INPUT_NAMES.some((k) => olds[k] !== news[k])) return { changes: true };
  const inputs = parseChecked(escrowInputsSchema, news);
  const conn = await queryConnection(providerConfig(provider));
  const snapshot = await escrowSnapshot(conn, olds.owner, inputs.dseq);
  if (!snapshot.open) {
    escrowLog(inputs.dseq)(`${snapshot.reason}; nothing to top up (pulumi refresh removes this Escrow from the stack)`);
    return { changes: false };
  }
  const plan = planTopUp(snapshot.runway, snapshot.blockTimeSeconds, inputs);
  if (plan.due) escrowLog(inputs.dseq)(`${plan.reason}: this update deposits ${toDisplayUnits(plan.amountUact.toString())} ACT`);
  return { changes: plan.due };
}

export async function create(provider: object, props: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
  const inputs = parseChecked(escrowInputsSchema, props);
  const client = await signingClient(providerConfig(provider));
  const outs = await keepFunded(client, inputs, userInputs(props), 0);
  return { id: escrowId(client.signer.address, inputs.dseq), outs: { ...userInputs(props), ...outs } };
}

export async function update(provider: object, _id: string, olds: Record<string, any>, news: Record<string, unknown>): Promise<pulumi.dynamic.UpdateResult> {
  const inputs = parseChecked(escrowInputsSchema, news);
  const client = await signingClient(providerConfig(provider));
  const outs = await keepFunded(client, inputs, userInputs(news), Number(olds.lastTopUp ?? 0));
  return { outs: { ...userInputs(news), ...outs } };
}

export async function read(provider: object, id: string, props: Record<string, any>): Promise<pulumi.dynamic.ReadResult> {
  const [owner, dseq] = props.owner && props.dseq ? [props.owner as string, String(props.dseq)] : id.split("/");
  const conn = await queryConnection(providerConfig(provider));
  const snapshot = await escrowSnapshot(conn, owner, dseq);
  if (!snapshot.open) {
    escrowLog(dseq)(`${snapshot.reason}; removing this Escrow from the stack`);
    return {};
  }
  return { id, props: { ...userInputs(props), ...runwayOutputs(snapshot.runway), owner, lastTopUp: Number(props.lastTopUp ?? 0) } };
}

export async function del(_provider: object, _id: string, props: Record<string, any>): Promise<void> {
  escrowLog(String(props.dseq))("nothing to do on chain: the escrow is refunded to the owner when the deployment closes");
}
export { del as delete };

/** Tops the escrow up when its runway is below minRunwayHours and returns the outputs. */
async function keepFunded(client: AkashClient, inputs: EscrowInputs, raw: Record<string, unknown>, previousTopUp: number): Promise<EscrowOutputs> {
  const owner = client.signer.address;
  const log = escrowLog(inputs.dseq);
  const snapshot = await openSnapshot(client, owner, inputs.dseq);
  const plan = planTopUp(snapshot.runway, snapshot.blockTimeSeconds, inputs);
  if (!plan.due) {
    log(`no top-up: ${plan.reason}`);
    return { owner, ...runwayOutputs(snapshot.runway), lastTopUp: previousTopUp };
  }
  const amount = plan.amountUact.toString();
  const held = await queryBalance(client.conn, owner, "uact");
  if (BigInt(held) < plan.amountUact) {
    throw new Error(
      `akash.Escrow ${inputs.dseq}: ${plan.reason} and the top-up needs ${toDisplayUnits(amount)} ACT, but the wallet ${owner} holds ` +
        `${toDisplayUnits(held)} ACT. Fix: mint ACT first (an akash.Wallet resource with a higher targetAct), or lower targetRunwayHours/maxTopUp`,
    );
  }
  await client.queue.submit([msgDepositDeployment({ signer: owner, deployment: { owner, dseq: inputs.dseq }, amount: { denom: "uact", amount } })], { log });
  const lastTopUp = toDisplayUnits(amount);
  log(`${plan.reason}: deposited ${lastTopUp} ACT${plan.capped ? " (capped by maxTopUp; below targetRunwayHours)" : ""}`);
  try {
    const after = await openSnapshot(client, owner, inputs.dseq);
    return { owner, ...runwayOutputs(after.runway), lastTopUp };
  } catch (error) {
    // The deposit is on chain: record it even though the new runway could not be read.
    throw new InitError(escrowId(owner, inputs.dseq), { ...raw, owner, lastTopUp }, [`deposited ${lastTopUp} ACT but could not read the escrow back: ${(error as Error).message}`]);
  }
}

async function openSnapshot(client: AkashClient, owner: string, dseq: string): Promise<Extract<EscrowSnapshot, { open: true }>> {
  const snapshot = await escrowSnapshot(client.conn, owner, dseq);
  if (!snapshot.open) {
    throw new Error(`akash.Escrow ${dseq}: ${snapshot.reason}. Fix: set dseq to an active deployment of the configured wallet (akash:mnemonic)`);
  }
  return snapshot;
}
