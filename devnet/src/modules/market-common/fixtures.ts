import { sha256 } from "@cosmjs/crypto";
import { toBech32 } from "@cosmjs/encoding";
import { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import type { Coin, Context, Module } from "../../chain/types";
import { type MemoryContext, memoryContext } from "../../chain/testing";
import { createModule as deploymentModule } from "../deployment";
import { createModule as escrowModule } from "../escrow";
import { createModule as marketModule } from "../market";
import type { Attr, AuditedAttrs } from "../market/attributes";

/**
 * Spec fixtures for the deployment/escrow/market modules: a memory chain with the three real modules and
 * small in-memory provider/audit/authz registries standing in for the other helpers' modules (their own
 * specs cover them; the devnet integration tests use the real ones).
 */
export function address(seed: string): string {
  return toBech32("akash", sha256(new TextEncoder().encode(seed)).slice(0, 20));
}

export interface Grant {
  granter: string;
  grantee: string;
  scopes: string[];
  spendLimits: Coin[];
}

/** The core's memory context plus message delivery by type URL and a settable height. */
export interface SpecContext extends MemoryContext {
  /** Round-trips `msg` through its codec, then validateBasic + handle in a branch (like DeliverTx). */
  deliver(typeUrl: string, msg: unknown): unknown;
  setHeight(height: number): void;
  /** Runs a query like abci_query does: request and response round-trip through their codecs. */
  query<Res>(path: string, req: unknown): Res;
  /** Typed events emitted so far, with their JSON attribute values parsed. */
  emitted(): Array<{ type: string; attributes: Record<string, unknown> }>;
}

export interface Marketplace {
  ctx: SpecContext;
  providers: Map<string, Attr[]>;
  audits: Map<string, AuditedAttrs[]>;
  grants: Grant[];
}

export function marketplace(genesis: Record<string, unknown> = {}): Marketplace {
  const providers = new Map<string, Attr[]>();
  const audits = new Map<string, AuditedAttrs[]>();
  const grants: Grant[] = [];
  const registry = (name: string, keeper: unknown): Module => ({ name, keeper, msgs: [], queries: [] });
  const find = (granter: string, grantee: string) => grants.find((g) => g.granter === granter && g.grantee === grantee);
  const adjust = (g: Grant | undefined, coin: Coin, sign: bigint) => {
    if (!g) return;
    const limit = g.spendLimits.find((c) => c.denom === coin.denom);
    if (limit) limit.amount = (BigInt(limit.amount) + sign * BigInt(coin.amount)).toString();
    else if (sign > 0n) g.spendLimits.push({ ...coin });
  };
  const modules = [
    deploymentModule(),
    escrowModule(),
    marketModule(),
    registry("provider", {
      get: (_: Context, owner: string) => (providers.has(owner) ? { owner, hostUri: "https://provider.test:8443", attributes: providers.get(owner)! } : undefined),
    }),
    registry("audit", { attributes: (_: Context, owner: string) => audits.get(owner) ?? [] }),
    registry("authz", {
      depositGrants: (_: Context, grantee: string) => grants.filter((g) => g.grantee === grantee),
      spendGrant: (_: Context, granter: string, grantee: string, coin: Coin) => adjust(find(granter, grantee), coin, -1n),
      refundGrant: (_: Context, granter: string, grantee: string, coin: Coin) => adjust(find(granter, grantee), coin, 1n),
    }),
  ];
  const base = memoryContext({ modules, genesis });
  const ctx: SpecContext = Object.assign(base, {
    deliver(typeUrl: string, msg: unknown) {
      const handler = modules.flatMap((m) => m.msgs).find((h) => h.typeUrl === typeUrl);
      if (!handler) throw new Error(`no handler for ${typeUrl}`);
      return base.exec(handler, handler.codec.decode(handler.codec.encode(handler.codec.fromPartial(msg)).finish()));
    },
    query<Res>(path: string, req: unknown): Res {
      const handler = modules.flatMap((m) => m.queries).find((q) => q.path === path);
      if (!handler) throw new Error(`no query ${path}`);
      const res = handler.handle(base, handler.request.decode(handler.request.encode(handler.request.fromPartial(req)).finish()));
      return handler.response.decode(handler.response.encode(res).finish()) as Res;
    },
    setHeight(height: number) {
      base.advance(height - base.block.height);
    },
    emitted: () =>
      base.events.list
        .filter((e) => e.type.startsWith("akash."))
        .map((e) => ({ type: e.type, attributes: Object.fromEntries(e.attributes.map((a) => [a.key, JSON.parse(a.value)])) })),
  });
  return { ctx, providers, audits, grants };
}

/** Credits `address` with freshly minted coins. */
export function fund(ctx: Context, address: string, coins: Coin[]): void {
  ctx.bank.mint("mint", coins);
  ctx.bank.send(ctx.bank.moduleAddress("mint"), address, coins);
}

const enc = (s: string) => ({ val: new TextEncoder().encode(s) });

export interface GroupOptions {
  name?: string;
  price?: string;
  denom?: string;
  count?: number;
  cpuMillis?: string;
  attributes?: Attr[];
  signedBy?: { allOf?: string[]; anyOf?: string[] };
}

/** A one-unit group: 0.1 CPU, 128 MiB memory, 512 MiB storage, `price` per block. */
export function groupSpec(o: GroupOptions = {}) {
  return GroupSpec.fromPartial({
    name: o.name ?? "dcloud",
    requirements: { attributes: o.attributes ?? [], signedBy: { allOf: o.signedBy?.allOf ?? [], anyOf: o.signedBy?.anyOf ?? [] } },
    resources: [
      {
        resource: {
          id: 1,
          cpu: { units: enc(o.cpuMillis ?? "100"), attributes: [] },
          memory: { quantity: enc("134217728"), attributes: [] },
          storage: [{ name: "default", quantity: enc("536870912"), attributes: [] }],
          gpu: { units: enc("0"), attributes: [] },
          endpoints: [{ kind: 0, sequenceNumber: 0 }],
        },
        count: o.count ?? 1,
        price: { denom: o.denom ?? "uact", amount: o.price ?? "100" },
      },
    ],
  });
}

export const HASH = new Uint8Array(32).fill(7);

/** The ChainError `fn` throws (fails the spec if it does not throw one). */
export function chainErrorOf(fn: () => unknown): { codespace: string; code: number; message: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof Error && err.name === "ChainError") return err as unknown as { codespace: string; code: number; message: string };
    throw err;
  }
  throw new Error("expected a ChainError, nothing was thrown");
}

export const TYPE = {
  createDeployment: "/akash.deployment.v1beta4.MsgCreateDeployment",
  updateDeployment: "/akash.deployment.v1beta4.MsgUpdateDeployment",
  closeDeployment: "/akash.deployment.v1beta4.MsgCloseDeployment",
  closeGroup: "/akash.deployment.v1beta4.MsgCloseGroup",
  pauseGroup: "/akash.deployment.v1beta4.MsgPauseGroup",
  startGroup: "/akash.deployment.v1beta4.MsgStartGroup",
  deposit: "/akash.escrow.v1.MsgAccountDeposit",
  createBid: "/akash.market.v1beta5.MsgCreateBid",
  closeBid: "/akash.market.v1beta5.MsgCloseBid",
  createLease: "/akash.market.v1beta5.MsgCreateLease",
  closeLease: "/akash.market.v1beta5.MsgCloseLease",
  withdrawLease: "/akash.market.v1beta5.MsgWithdrawLease",
} as const;

/** MsgCreateDeployment body with a balance-sourced deposit. */
export function createDeployment(owner: string, dseq: number, o: { groups?: ReturnType<typeof groupSpec>[]; deposit?: Coin; hash?: Uint8Array; sources?: number[] } = {}) {
  return {
    id: { owner, dseq: String(dseq) },
    groups: o.groups ?? [groupSpec()],
    hash: o.hash ?? HASH,
    deposit: { amount: o.deposit ?? { denom: "uact", amount: "5000000" }, sources: o.sources ?? [1] },
  };
}

/** MsgCreateBid body with a 0.5 ACT balance-sourced deposit. */
export function createBid(owner: string, dseq: number, provider: string, price: string, o: { gseq?: number; oseq?: number; deposit?: Coin } = {}) {
  return {
    id: { owner, dseq: String(dseq), gseq: o.gseq ?? 1, oseq: o.oseq ?? 1, provider, bseq: 0 },
    price: { denom: "uact", amount: price },
    deposit: { amount: o.deposit ?? { denom: "uact", amount: "500000" }, sources: [1] },
    resourcesOffer: [],
  };
}

export function leaseId(owner: string, dseq: number, provider: string, oseq = 1) {
  return { owner, dseq: String(dseq), gseq: 1, oseq, provider, bseq: 0 };
}
