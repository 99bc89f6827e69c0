/**
 * BME keeper (node x/bme/keeper): burn-mint requests move the coins to the vault at once and wait as
 * pending ledger records; the EndBlocker executes AKT->ACT mints at each mint epoch (every
 * `min_epoch_blocks` while the collateral ratio is healthy) and ACT->AKT burns at each burn epoch.
 * Deterministic failures (below minimum mint, dust) cancel the record and refund the owner.
 */
import { ChainError, type Coin, type Context } from "../../chain/types";
import { decFromInt, decFromString, decMul, decQuo, decToString, decTruncate, type Dec } from "./dec";
import { bmeErrors } from "./errors";
import {
  CancelReason,
  ledgerIdJson,
  ledgerKey,
  ledgerPrefixes,
  LedgerStatus,
  type CanceledRecord,
  type CoinPrice,
  type ExecutedRecord,
  type LedgerRecordId,
  type PendingRecord,
} from "./ledger";
import type { BmeGenesis, BmeParams } from "./params";

export const uakt = "uakt";
export const uact = "uact";
export const bmeModule = "bme";

/** `MintStatus` enum values. */
export enum MintStatus {
  unspecified = 0,
  healthy = 1,
  warning = 2,
  haltCr = 3,
  haltOracle = 4,
}
const mintStatusNames = ["mint_status_unspecified", "mint_status_healthy", "mint_status_warning", "mint_status_halt_cr", "mint_status_halt_oracle"];

export interface MintStatusState {
  status: MintStatus;
  previousStatus: MintStatus;
  epochHeightDiff: number;
}

const keys = {
  params: "bme/params",
  oracle: "bme/oracle",
  status: "bme/status",
  epoch: (name: "mint" | "burn") => `bme/epochs/${name}`,
  sequence: "bme/sequence",
  totalBurned: "bme/totals/burned/",
  totalMinted: "bme/totals/minted/",
  remint: "bme/remint/",
  pendingBalance: "bme/pending-balance/",
};

/** bme error codes after which retrying cannot help: the record is canceled at once. */
const fatalReasons = new Map<number, CancelReason>([
  [bmeErrors.epsilon.code, CancelReason.epsilon],
  [bmeErrors.invalidDenom.code, CancelReason.invalid_denom],
  [bmeErrors.invalidAmount.code, CancelReason.invalid_amount],
  [bmeErrors.minimumMint.code, CancelReason.minimum_mint],
]);

function coinJson(coin: Coin): Coin {
  return { denom: coin.denom, amount: coin.amount };
}

function priceJson(price: CoinPrice | undefined) {
  return price && { coin: coinJson(price.coin), price: price.price };
}

export interface BmeKeeper {
  params(ctx: Context): BmeParams;
  requestBurnMint(ctx: Context, owner: string, to: string, burn: Coin, toDenom: string): LedgerRecordId;
  status(ctx: Context): MintStatusState;
  collateralRatio(ctx: Context): Dec;
  totals(ctx: Context): { burned: Coin[]; minted: Coin[]; remintCredits: Coin[] };
  /** ACT issued by the BME and not burned back (the devnet cannot see the bank's total supply). */
  outstandingAct(ctx: Context): bigint;
  records<T>(ctx: Context, status: LedgerStatus): Array<[key: string, record: T]>;
  initGenesis(ctx: Context, genesis: BmeGenesis): void;
  endBlock(ctx: Context): void;
}

export function createBmeKeeper(): BmeKeeper {
  const amount = (ctx: Context, prefix: string, denom: string) => BigInt(ctx.store.get<string>(prefix + denom) ?? "0");
  const addAmount = (ctx: Context, prefix: string, denom: string, delta: bigint) =>
    ctx.store.set(prefix + denom, (amount(ctx, prefix, denom) + delta).toString());
  const coinsUnder = (ctx: Context, prefix: string): Coin[] =>
    ctx.store.entries<string>(prefix).map(([key, value]) => ({ denom: key.slice(prefix.length), amount: value }));
  const params = (ctx: Context) => ctx.store.get<BmeParams>(keys.params)!;
  const vault = (ctx: Context) => ctx.bank.moduleAddress(bmeModule);

  /** Devnet oracle: ACT is pegged to 1 USD, AKT has the configured fixed price. */
  const price = (ctx: Context, denom: string): Dec => {
    if (denom === uact) return decFromInt(1n);
    if (denom === uakt) return decFromString(ctx.store.get<{ aktPriceUsd: string }>(keys.oracle)!.aktPriceUsd);
    throw bmeErrors.oracleUnhealthy.wrap(`no price for ${denom}`);
  };

  const outstandingAct = (ctx: Context) => amount(ctx, keys.totalMinted, uact) - amount(ctx, keys.totalBurned, uact);

  const collateralRatio = (ctx: Context): Dec => {
    const balance = ctx.bank.balance(vault(ctx), uakt) - amount(ctx, keys.pendingBalance, uakt);
    let cr = decMul(decFromInt(balance), decQuo(price(ctx, uakt), price(ctx, uact)));
    const outstanding = outstandingAct(ctx);
    if (outstanding > 0n) cr = decQuo(cr, decFromInt(outstanding));
    return cr;
  };

  /** `calculateBlocksDiff`: mint epochs stretch as the collateral ratio sinks below the warn threshold. */
  const blocksDiff = (p: BmeParams, crBps: bigint): number => {
    const warn = BigInt(p.circuitBreakerWarnThreshold);
    if (crBps >= warn || p.epochBlocksBackoffPercent === 0) return p.minEpochBlocks;
    const steps = (warn - crBps) / 10n;
    if (steps === 0n) return p.minEpochBlocks;
    const base = decQuo(decFromInt(BigInt(100 + p.epochBlocksBackoffPercent)), decFromInt(100n));
    let result = decFromInt(BigInt(p.minEpochBlocks));
    const cap = decFromInt(14400n);
    for (let i = 0n; i < steps && result < cap; i++) result = decMul(result, base);
    const blocks = Number(decTruncate(result < cap ? result : cap));
    return Math.max(blocks, p.minEpochBlocks);
  };

  const statusUpdate = (ctx: Context): { state: MintStatusState; changed: boolean } => {
    const p = params(ctx);
    const previous = ctx.store.get<MintStatusState>(keys.status)!;
    const next = { ...previous };
    const cr = collateralRatio(ctx);
    let crBps = decTruncate(decMul(cr, decFromInt(10000n)));
    if (crBps > 0xffffffffn) crBps = 0xffffffffn;
    if (crBps > BigInt(p.circuitBreakerWarnThreshold)) {
      next.status = MintStatus.healthy;
      next.epochHeightDiff = blocksDiff(p, crBps);
    } else if (crBps > BigInt(p.circuitBreakerHaltThreshold)) {
      next.status = MintStatus.warning;
      next.epochHeightDiff = blocksDiff(p, crBps);
    } else next.status = MintStatus.haltCr;
    const changed = next.status !== previous.status || next.epochHeightDiff !== previous.epochHeightDiff;
    if (changed) {
      next.previousStatus = previous.status;
      ctx.store.set(keys.status, next);
      ctx.events.emitTyped("akash.bme.v1.EventMintStatusChange", {
        previous_status: mintStatusNames[next.previousStatus],
        new_status: mintStatusNames[next.status],
        collateral_ratio: decToString(cr),
      });
    }
    return { state: changed ? next : previous, changed };
  };

  const nextSequence = (ctx: Context): number => {
    const current = ctx.store.get<{ height: number; sequence: number }>(keys.sequence);
    const sequence = current?.height === ctx.block.height ? current.sequence + 1 : 1;
    ctx.store.set(keys.sequence, { height: ctx.block.height, sequence });
    return sequence;
  };

  /** `prepareToBM`: what the record burns, mints and keeps as spread; throws the node's errors. */
  const prepare = (ctx: Context, p: BmeParams, burn: Coin, toDenom: string) => {
    const priceFrom = price(ctx, burn.denom);
    const priceTo = price(ctx, toDenom);
    if (priceFrom === 0n || priceTo === 0n) throw bmeErrors.zeroPrice;
    const mintDec = decMul(decFromInt(BigInt(burn.amount)), decQuo(priceFrom, priceTo));
    const minted = decTruncate(mintDec);
    if (minted <= 0n) throw bmeErrors.epsilon.wrap(`result ${decToString(mintDec)} truncates to zero for ${toDenom} (denomUnit 0.000001000000000000)`);
    for (const min of p.minMint) {
      if (min.denom === toDenom && BigInt(min.amount) > 0n && minted < BigInt(min.amount)) {
        throw bmeErrors.minimumMint.wrap(`mint output ${minted}${toDenom} is below minimum ${min.amount}${min.denom}`);
      }
    }
    const spreadBps = burn.denom === uakt ? p.mintSpreadBps : p.settleSpreadBps;
    const spread = spreadBps > 0 ? decTruncate(decQuo(decMul(mintDec, decFromInt(BigInt(spreadBps))), decFromInt(10000n))) : 0n;
    return {
      burned: { coin: burn, price: decToString(priceFrom) },
      minted: { coin: { denom: toDenom, amount: minted.toString() }, price: decToString(priceTo) },
      spread: { denom: toDenom, amount: (spread > 0n ? spread : 0n).toString() },
    };
  };

  /** Executes one pending record (`executeBurnMint` + `recordState`); all checks happen before any write. */
  const execute = (ctx: Context, p: BmeParams, record: PendingRecord) => {
    if (BigInt(record.coinsToBurn.amount) === 0n) throw bmeErrors.invalidAmount.wrap("zero burn amount");
    const { burned, minted, spread } = prepare(ctx, p, record.coinsToBurn, record.denomToMint);
    const mintAmount = BigInt(minted.coin.amount);
    const userCoin = { denom: minted.coin.denom, amount: (mintAmount - BigInt(spread.amount)).toString() };
    let newlyMinted = minted;
    let remintIssued: CoinPrice | undefined;
    if (burned.coin.denom === uakt) {
      ctx.bank.mint(bmeModule, [minted.coin]);
    } else {
      // ACT -> AKT pays out of AKT the vault holds (remint credits) before minting new AKT.
      const credit = amount(ctx, keys.remint, uakt);
      const fromCredit = credit >= mintAmount ? mintAmount : credit > 0n ? credit : 0n;
      newlyMinted = { ...minted, coin: { denom: minted.coin.denom, amount: (mintAmount - fromCredit).toString() } };
      if (fromCredit > 0n) remintIssued = { coin: { denom: minted.coin.denom, amount: fromCredit.toString() }, price: minted.price };
      ctx.bank.burn(bmeModule, [burned.coin]);
      if (mintAmount - fromCredit > 0n) ctx.bank.mint(bmeModule, [newlyMinted.coin]);
    }
    if (BigInt(userCoin.amount) > 0n) ctx.bank.send(vault(ctx), record.to, [userCoin]);

    let remintAccrued: CoinPrice | undefined;
    let recordedBurn: CoinPrice | undefined;
    if (burned.coin.denom === uakt) {
      addAmount(ctx, keys.remint, uakt, BigInt(burned.coin.amount));
      remintAccrued = burned;
    } else recordedBurn = burned;
    addAmount(ctx, keys.pendingBalance, burned.coin.denom, -BigInt(burned.coin.amount));
    if (remintIssued) addAmount(ctx, keys.remint, remintIssued.coin.denom, -BigInt(remintIssued.coin.amount));
    const mintedRecord = BigInt(newlyMinted.coin.amount) > 0n ? newlyMinted : undefined;
    if (mintedRecord) addAmount(ctx, keys.totalMinted, mintedRecord.coin.denom, BigInt(mintedRecord.coin.amount));
    if (recordedBurn) addAmount(ctx, keys.totalBurned, recordedBurn.coin.denom, BigInt(recordedBurn.coin.amount));

    const executed: ExecutedRecord = {
      id: record.id,
      burnedFrom: record.owner,
      mintedTo: record.to,
      burner: bmeModule,
      minter: bmeModule,
      burned: recordedBurn,
      minted: mintedRecord,
      spread,
      remintCreditIssued: remintIssued,
      remintCreditAccrued: remintAccrued,
    };
    const key = ledgerKey(record.id);
    ctx.store.delete(ledgerPrefixes[LedgerStatus.pending] + key);
    ctx.store.set(ledgerPrefixes[LedgerStatus.executed] + key, executed);
    ctx.events.emitTyped("akash.bme.v1.EventLedgerRecordExecuted", {
      id: ledgerIdJson(record.id),
      burned_from: record.owner,
      minted_to: record.to,
      burner: bmeModule,
      minter: bmeModule,
      burned: priceJson(recordedBurn) ?? null,
      minted: priceJson(mintedRecord) ?? null,
      spread: coinJson(spread),
      remint_credit_issued: priceJson(remintIssued) ?? null,
      remint_credit_accrued: priceJson(remintAccrued) ?? null,
    });
  };

  const cancel = (ctx: Context, record: PendingRecord, reason: CancelReason) => {
    const key = ledgerKey(record.id);
    const canceled: CanceledRecord = {
      id: record.id,
      owner: record.owner,
      to: record.to,
      cancelReason: reason,
      coinsToBurn: record.coinsToBurn,
      denomToMint: record.denomToMint,
    };
    ctx.store.set(ledgerPrefixes[LedgerStatus.canceled] + key, canceled);
    ctx.store.delete(ledgerPrefixes[LedgerStatus.pending] + key);
    addAmount(ctx, keys.pendingBalance, record.coinsToBurn.denom, -BigInt(record.coinsToBurn.amount));
    ctx.bank.send(vault(ctx), record.owner, [record.coinsToBurn]);
    ctx.events.emitTyped("akash.bme.v1.EventLedgerRecordCanceled", {
      id: ledgerIdJson(record.id),
      cancel_reason: CancelReason[reason],
      owner: record.owner,
      to: record.to,
      coins_to_burn: coinJson(record.coinsToBurn),
      denom_to_mint: record.denomToMint,
    });
  };

  /** Walks pending records of one route in key order, at most `max_endblocker_records` per call. */
  const processPending = (ctx: Context, route: string) => {
    const p = params(ctx);
    let processed = 0;
    for (const [key, record] of ctx.store.entries<PendingRecord>(ledgerPrefixes[LedgerStatus.pending] + route)) {
      try {
        execute(ctx, p, record);
      } catch (err) {
        const reason = err instanceof ChainError && err.codespace === "bme" ? fatalReasons.get(err.code) : undefined;
        if (reason !== undefined) cancel(ctx, record, reason);
        else if (record.attempts + 1 >= p.maxPendingAttempts) cancel(ctx, record, CancelReason.max_attempts);
        else ctx.store.set(key, { ...record, attempts: record.attempts + 1 });
      }
      processed++;
      if (processed >= p.maxEndblockerRecords) return;
    }
  };

  return {
    params,
    status: (ctx) => ctx.store.get<MintStatusState>(keys.status)!,
    collateralRatio,
    outstandingAct,
    totals: (ctx) => ({
      burned: coinsUnder(ctx, keys.totalBurned),
      minted: coinsUnder(ctx, keys.totalMinted),
      remintCredits: coinsUnder(ctx, keys.remint),
    }),
    records: <T>(ctx: Context, status: LedgerStatus) => ctx.store.entries<T>(ledgerPrefixes[status]),

    requestBurnMint(ctx, owner, to, burn, toDenom) {
      if (!((burn.denom === uakt && toDenom === uact) || (burn.denom === uact && toDenom === uakt))) {
        throw bmeErrors.invalidDenom.wrap(`invalid swap route ${burn.denom} -> ${toDenom}`);
      }
      price(ctx, burn.denom);
      price(ctx, toDenom);
      const { status } = ctx.store.get<MintStatusState>(keys.status)!;
      if (status >= MintStatus.haltCr && (status > MintStatus.haltCr || burn.denom !== uact)) throw bmeErrors.circuitBreakerActive;
      const id: LedgerRecordId = { denom: burn.denom, toDenom, source: owner, height: ctx.block.height, sequence: nextSequence(ctx) };
      addAmount(ctx, keys.pendingBalance, burn.denom, BigInt(burn.amount));
      ctx.bank.send(owner, vault(ctx), [burn]);
      const pending: PendingRecord = { id, owner, to, coinsToBurn: coinJson(burn), denomToMint: toDenom, attempts: 0 };
      ctx.store.set(ledgerPrefixes[LedgerStatus.pending] + ledgerKey(id), pending);
      return id;
    },

    initGenesis(ctx, genesis) {
      ctx.store.set(keys.params, genesis.params);
      ctx.store.set(keys.oracle, { aktPriceUsd: genesis.aktPriceUsd });
      // Like the node, start halted until the first EndBlocker measures the collateral ratio.
      ctx.store.set<MintStatusState>(keys.status, { status: MintStatus.haltCr, previousStatus: MintStatus.unspecified, epochHeightDiff: genesis.params.minEpochBlocks });
      ctx.store.set(keys.epoch("mint"), genesis.params.minEpochBlocks);
      ctx.store.set(keys.epoch("burn"), genesis.params.minEpochBlocks);
      for (const denom of [uact, uakt]) {
        ctx.store.set(keys.totalBurned + denom, "0");
        ctx.store.set(keys.totalMinted + denom, "0");
      }
      ctx.store.set(keys.remint + uakt, "0");
      if (BigInt(genesis.vaultSeedUakt) > 0n) ctx.bank.mint(bmeModule, [{ denom: uakt, amount: genesis.vaultSeedUakt }]);
    },

    endBlock(ctx) {
      const p = params(ctx);
      const height = ctx.block.height;
      const burnEpoch = ctx.store.get<number>(keys.epoch("burn")) ?? 0;
      if (burnEpoch <= height) {
        ctx.store.set(keys.epoch("burn"), height + p.minEpochBlocks);
        processPending(ctx, `${uact}/${uakt}/`);
      }
      const { state, changed } = statusUpdate(ctx);
      const mintEpoch = ctx.store.get<number>(keys.epoch("mint")) ?? 0;
      if (changed && state.previousStatus >= MintStatus.haltCr && state.status <= MintStatus.warning) {
        ctx.store.set(keys.epoch("mint"), height + state.epochHeightDiff);
      } else if (state.status <= MintStatus.warning && mintEpoch === height) {
        ctx.store.set(keys.epoch("mint"), height + state.epochHeightDiff);
        processPending(ctx, `${uakt}/${uact}/`);
        // The node re-measures the collateral ratio once the epoch's mints are done.
        statusUpdate(ctx);
      }
    },
  };
}
