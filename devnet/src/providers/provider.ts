/**
 * One simulated provider: registers itself on chain, runs a bid engine over the chain's open orders,
 * tracks its leases (manifest timeout, periodic withdrawal, teardown when closed on chain) and serves
 * the gateway. It only talks to the chain over CometBFT RPC, like the real provider daemon.
 */
import { CertificateManager } from "@akashnetwork/chain-sdk";
import * as v1 from "@akashnetwork/chain-sdk/private-types/akash.v1";
import * as v1beta4 from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import * as v1beta5 from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { toUtf8 } from "@cosmjs/encoding";
import type { EncodeObject } from "@cosmjs/proto-signing";
import { manifestVersion } from "../../../provider/src/sdl";
import type { Attribute } from "./attributes";
import { decideBid } from "./bid-decision";
import { ChainClient } from "./chain";
import { providerAttributes } from "./config";
import { Gateway, type GatewayBackend } from "./gateway";
import { HttpError } from "./http-error";
import type { ProviderConfig, ProviderHandle, ProviderTiming } from "./index";
import { Inventory } from "./inventory";
import type { LeaseRef } from "./jwt";
import { checkManifest, ErrNoLeaseForDeployment, type ManifestGroup } from "./manifest-check";
import { orderSpecFromGroupSpec, type OrderSpec } from "./order-spec";
import { ManifestStore } from "./manifest-store";
import { LeaseWorkload } from "./workloads";

export type ResolvedTiming = Required<ProviderTiming>;

export const DEFAULT_TIMING: ResolvedTiming = {
  bidTimeoutMs: 5 * 60_000,
  manifestTimeoutMs: 5 * 60_000,
  withdrawPeriodMs: 24 * 3600_000,
  pollMs: 500,
  startupDelayMs: 300,
};

/** LeaseClosedReason values (akash.market.v1) the provider uses. */
const REASON_UNSPECIFIED = 10002;
const REASON_MANIFEST_TIMEOUT = 10003;

const DEFAULT_BID_DEPOSIT = { denom: "uakt", amount: "500000" };

interface BidState {
  createdAtMs: number;
  closing: boolean;
}

interface LeaseState {
  ref: LeaseRef;
  workload?: LeaseWorkload;
  watchdog?: NodeJS.Timeout;
}

type Msg = EncodeObject;

function orderKey(id: { owner: string; dseq: { toString(): string }; gseq: number; oseq: number }): string {
  return `${id.owner}/${id.dseq.toString()}/${id.gseq}/${id.oseq}`;
}

function msg(typeUrl: string, value: unknown): Msg {
  return { typeUrl, value };
}

/** A stable pseudo-random number in [0, 1) per string: flaky behaviour that tests can still reason about. */
function stableRandom(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) / 2 ** 32;
}

export class SimProvider {
  private readonly inventory: Inventory;
  private readonly bids = new Map<string, BidState>();
  private readonly inFlight = new Set<string>();
  private readonly declined = new Map<string, string>();
  private readonly leases = new Map<string, LeaseState>();
  private readonly deployments = new Set<string>();
  private readonly attributes: Attribute[];
  private auditorAttributes = new Map<string, Attribute[]>();
  private bidDeposits: Array<{ denom: string; amount: string }> = [];
  private lastHeight = -1;
  private firstSync = true;
  private lastWithdrawMs = Date.now();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private ticking: Promise<void> | undefined;
  private ipCounter = 0;
  private gatewayRequests = 0;
  private readonly leasedIps = new Map<string, string>();
  private readonly faultState = { offline: false, gateway5xx: false, noBids: false, slowBidsMs: 0 };
  private gateway!: Gateway;

  private constructor(
    readonly config: ProviderConfig,
    private readonly chain: ChainClient,
    private readonly timing: ResolvedTiming,
    private readonly log: (line: string) => void,
    private readonly store?: ManifestStore,
  ) {
    this.inventory = new Inventory(config.capacity, config.gpus ?? [], config.ipCount ?? 0);
    this.attributes = providerAttributes(config);
  }

  get address(): string {
    return this.chain.address;
  }

  static async start(config: ProviderConfig, rpcUrl: string, timing: ResolvedTiming, log: (line: string) => void, store?: ManifestStore): Promise<SimProvider> {
    const chain = await ChainClient.connect(rpcUrl, config.mnemonic, `devnet provider ${config.name}`);
    const provider = new SimProvider(config, chain, timing, log, store);
    try {
      const pem = await new CertificateManager().generatePEM(chain.address);
      provider.gateway = new Gateway(provider.backend(), { key: pem.privateKey, cert: pem.cert });
      await provider.gateway.start(config.gatewayPort ?? 0);
      await provider.register(pem);
      provider.bidDeposits = await provider.loadBidDeposits();
      provider.schedule();
      return provider;
    } catch (e) {
      await provider.stop();
      throw e;
    }
  }

  /** The attributes an auditor should sign for this provider (all of its on-chain attributes). */
  get signedAttributes(): Attribute[] {
    return this.attributes;
  }

  handle(): ProviderHandle {
    return {
      name: this.config.name,
      address: this.address,
      hostUri: this.gateway.hostUri,
      faults: {
        offline: (on: boolean) => this.setOffline(on),
        gateway5xx: (on: boolean) => void (this.faultState.gateway5xx = on),
        noBids: (on: boolean) => void (this.faultState.noBids = on),
        slowBidsMs: (ms: number) => void (this.faultState.slowBidsMs = Math.max(0, ms)),
        closeLease: (dseq, gseq, oseq) => this.closeLease(BigInt(dseq), gseq, oseq),
      },
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;
    for (const lease of this.leases.values()) {
      if (lease.watchdog) clearTimeout(lease.watchdog);
      await lease.workload?.stop();
    }
    await this.gateway?.stop();
    this.chain.disconnect();
  }

  // ---- registration -------------------------------------------------------------------------------

  private async register(pem: { cert: string; publicKey: string }): Promise<void> {
    const existing = await this.chain.provider(this.address);
    const fields = {
      owner: this.address,
      hostUri: this.gateway.hostUri,
      attributes: this.attributes,
      info: { email: this.config.email ?? "", website: this.config.website ?? "" },
    };
    const messages: Array<Promise<unknown>> = [];
    if (!existing) {
      messages.push(this.chain.txs.submit(msg(`/${v1beta4.MsgCreateProvider.$type}`, v1beta4.MsgCreateProvider.fromPartial(fields))));
    } else if (existing.hostUri !== fields.hostUri || JSON.stringify(existing.attributes.map(({ key, value }) => ({ key, value }))) !== JSON.stringify(this.attributes)) {
      messages.push(this.chain.txs.submit(msg(`/${v1beta4.MsgUpdateProvider.$type}`, v1beta4.MsgUpdateProvider.fromPartial(fields))));
    }
    // like a real provider, publish the gateway's certificate so tenants can pin it
    messages.push(
      this.chain.txs.submit(
        msg(`/${v1.MsgCreateCertificate.$type}`, v1.MsgCreateCertificate.fromPartial({ owner: this.address, cert: toUtf8(pem.cert), pubkey: toUtf8(pem.publicKey) })),
      ),
    );
    await Promise.all(messages);
    this.log(`registered at ${this.gateway.hostUri}`);
  }

  private async loadBidDeposits(): Promise<Array<{ denom: string; amount: string }>> {
    try {
      const res = await this.chain.marketParams();
      const list = res.params?.bidMinDeposits?.length ? res.params.bidMinDeposits : res.params?.bidMinDeposit ? [res.params.bidMinDeposit] : [];
      return list.map(({ denom, amount }) => ({ denom, amount }));
    } catch {
      return [DEFAULT_BID_DEPOSIT];
    }
  }

  /** The bid deposit: the market's minimum in the order's denom (0.5 ACT or AKT), else the provider default. */
  private depositFor(denom: string): { denom: string; amount: string } {
    return this.bidDeposits.find((d) => d.denom === denom) ?? this.bidDeposits.find((d) => d.denom === "uakt") ?? DEFAULT_BID_DEPOSIT;
  }

  // ---- engine loop ----------------------------------------------------------------------------------

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.ticking = this.tick()
        .catch((e) => this.log(`engine error: ${(e as Error).message}`))
        .finally(() => this.schedule());
    }, this.timing.pollMs);
  }

  private async tick(): Promise<void> {
    if (this.faultState.offline || this.stopped) return;
    const height = await this.chain.height();
    if (height === this.lastHeight) return;
    this.lastHeight = height;
    await this.syncLeases();
    await this.scanOrders();
    this.expireBids();
    this.maybeWithdraw();
  }

  private async syncLeases(): Promise<void> {
    const active = await this.chain.leases({ provider: this.address, state: "active" });
    const restored = this.firstSync ? (this.store?.load() ?? new Map<string, ManifestGroup>()) : undefined;
    const seen = new Set<string>();
    for (const lease of active) {
      const id = lease.id!;
      const key = orderKey(id);
      seen.add(key);
      if (this.leases.has(key)) continue;
      const state = await this.leaseWon({ owner: id.owner, dseq: BigInt(id.dseq.toString()), gseq: id.gseq, oseq: id.oseq, provider: this.address }, !this.firstSync);
      const group = restored?.get(key);
      if (group) await this.deploy(key, state, group);
    }
    for (const [key, lease] of this.leases) {
      if (!seen.has(key)) await this.leaseClosed(key, lease);
    }
    if (restored) this.persist();
    this.firstSync = false;
  }

  /** Runs (or updates) a lease's manifest group and remembers it for restarts. */
  private async deploy(key: string, state: LeaseState, group: ManifestGroup): Promise<void> {
    state.workload ??= new LeaseWorkload(key, this.config.name, this.timing.startupDelayMs, (service, seq) => this.leasedIp(key, service, seq));
    await state.workload.apply(group);
    this.deployments.add(`${state.ref.owner}/${state.ref.dseq}`);
  }

  private persist(): void {
    if (!this.store) return;
    const manifests = new Map<string, ManifestGroup>();
    for (const [key, lease] of this.leases) if (lease.workload?.manifestGroup) manifests.set(key, lease.workload.manifestGroup);
    try {
      this.store.save(manifests);
    } catch (e) {
      this.log(`saving manifests failed: ${(e as Error).message}`);
    }
  }

  private async leaseWon(ref: LeaseRef, watch: boolean): Promise<LeaseState> {
    const key = orderKey(ref);
    const existing = this.leases.get(key);
    if (existing) return existing;
    const state: LeaseState = { ref };
    this.leases.set(key, state);
    this.bids.delete(key);
    if (!this.inventory.isHeld(key)) {
      // a lease found on chain without our bid engine's reservation (e.g. after a restart)
      const spec = await this.groupSpec(ref).catch(() => undefined);
      const fit = spec && this.inventory.fit(spec);
      if (fit && fit.ok) this.inventory.hold(key, fit.allocation);
    }
    if (watch && this.timing.manifestTimeoutMs > 0) {
      state.watchdog = setTimeout(() => void this.manifestTimeout(key), this.timing.manifestTimeoutMs);
    }
    this.log(`lease won ${key}`);
    return state;
  }

  private async leaseClosed(key: string, lease: LeaseState): Promise<void> {
    this.leases.delete(key);
    if (lease.watchdog) clearTimeout(lease.watchdog);
    await lease.workload?.stop();
    this.inventory.release(key);
    if (![...this.leases.values()].some((l) => l.ref.owner === lease.ref.owner && l.ref.dseq === lease.ref.dseq)) {
      this.deployments.delete(`${lease.ref.owner}/${lease.ref.dseq}`);
    }
    if (lease.workload) this.persist();
    this.log(`lease closed ${key}`);
  }

  private async manifestTimeout(key: string): Promise<void> {
    const lease = this.leases.get(key);
    if (!lease || lease.workload || this.stopped) return;
    if (this.faultState.offline) {
      // an offline provider cannot act; it closes the lease once it is back
      lease.watchdog = setTimeout(() => void this.manifestTimeout(key), this.timing.pollMs);
      return;
    }
    lease.watchdog = undefined;
    this.log(`manifest timeout, closing lease ${key}`);
    await this.closeBid(lease.ref, REASON_MANIFEST_TIMEOUT).catch((e) => this.log(`closing lease ${key} failed: ${(e as Error).message}`));
  }

  private closeBid(ref: { owner: string; dseq: bigint; gseq: number; oseq: number }, reason: number): Promise<unknown> {
    return this.chain.txs.submit(
      msg(
        `/${v1beta5.MsgCloseBid.$type}`,
        v1beta5.MsgCloseBid.fromPartial({
          id: { owner: ref.owner, dseq: ref.dseq.toString(), gseq: ref.gseq, oseq: ref.oseq, provider: this.address, bseq: 0 },
          reason,
        }),
      ),
    );
  }

  private async groupSpec(ref: { owner: string; dseq: bigint; gseq: number }): Promise<OrderSpec | undefined> {
    const res = await this.chain.deployment(ref.owner, ref.dseq);
    const group = res.groups.find((g) => g.id?.gseq === ref.gseq);
    return group?.groupSpec ? orderSpecFromGroupSpec(group.groupSpec) : undefined;
  }

  private async scanOrders(): Promise<void> {
    const orders = await this.chain.openOrders();
    const open = new Set<string>();
    const candidates: Array<{ key: string; order: v1beta5.Order; spec: OrderSpec }> = [];
    for (const order of orders) {
      const key = orderKey(order.id!);
      open.add(key);
      if (this.bids.has(key) || this.inFlight.has(key) || this.declined.has(key) || this.leases.has(key)) continue;
      if (order.id!.owner === this.address || !order.spec) continue;
      if (this.faultState.noBids) continue;
      if (this.config.flaky && stableRandom(key) < 0.3) {
        this.declined.set(key, "flaky provider skipped the order");
        continue;
      }
      candidates.push({ key, order, spec: orderSpecFromGroupSpec(order.spec) });
    }
    if (candidates.some((c) => c.spec.signedBy.allOf.length + c.spec.signedBy.anyOf.length > 0)) {
      await this.refreshAuditorAttributes(candidates.flatMap((c) => [...c.spec.signedBy.allOf, ...c.spec.signedBy.anyOf]));
    }
    for (const { key, order, spec } of candidates) {
      const decision = decideBid(spec, {
        attributes: this.attributes,
        auditorAttributes: this.auditorAttributes,
        pricing: this.config.pricing,
        inventory: this.inventory,
      });
      if (!decision.bid) {
        this.declined.set(key, decision.reason);
        this.log(`not bidding on ${key}: ${decision.reason}`);
        continue;
      }
      this.inventory.hold(key, decision.allocation);
      this.inFlight.add(key);
      void this.placeBid(key, order, decision.price);
    }
    // bids whose order is gone without a lease for us were lost or closed: free their reservation
    for (const key of this.bids.keys()) {
      if (!open.has(key) && !this.leases.has(key)) {
        this.bids.delete(key);
        this.inventory.release(key);
      }
    }
    for (const key of this.declined.keys()) if (!open.has(key)) this.declined.delete(key);
  }

  private async refreshAuditorAttributes(auditors: string[]): Promise<void> {
    const map = new Map<string, Attribute[]>();
    for (const auditor of new Set(auditors)) map.set(auditor, await this.chain.auditorAttributes(auditor, this.address));
    for (const [auditor, attrs] of map) if (attrs.length === 0) map.delete(auditor);
    this.auditorAttributes = map;
  }

  private async placeBid(key: string, order: v1beta5.Order, price: { denom: string; amount: string }): Promise<void> {
    const delay = this.faultState.slowBidsMs + (this.config.flaky ? Math.floor(stableRandom(`${key}/delay`) * 2000) : 0);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    try {
      if (this.stopped || this.faultState.offline) throw new Error("provider offline");
      const id = order.id!;
      await this.chain.txs.submit(
        msg(
          `/${v1beta5.MsgCreateBid.$type}`,
          v1beta5.MsgCreateBid.fromPartial({
            id: { owner: id.owner, dseq: id.dseq, gseq: id.gseq, oseq: id.oseq, provider: this.address, bseq: 0 },
            price,
            deposit: { amount: this.depositFor(price.denom), sources: [v1.Source.balance] },
            resourcesOffer: order.spec!.resources.map((unit) => ({ resources: unit.resource, count: unit.count })),
          }),
        ),
      );
      this.bids.set(key, { createdAtMs: Date.now(), closing: false });
      this.log(`bid ${price.amount}${price.denom} on ${key}`);
    } catch (e) {
      this.inventory.release(key);
      this.declined.set(key, (e as Error).message);
      this.log(`bid on ${key} failed: ${(e as Error).message}`);
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** Withdraws (MsgCloseBid) bids nobody accepted within the bid timeout, as the real bid engine does. */
  private expireBids(): void {
    const now = Date.now();
    for (const [key, bid] of this.bids) {
      if (bid.closing || now - bid.createdAtMs < this.timing.bidTimeoutMs) continue;
      bid.closing = true;
      const [owner, dseq, gseq, oseq] = key.split("/");
      this.closeBid({ owner, dseq: BigInt(dseq), gseq: Number(gseq), oseq: Number(oseq) }, REASON_UNSPECIFIED)
        .then(() => this.log(`bid timeout, closed bid on ${key}`))
        .catch((e) => this.log(`closing bid on ${key} failed: ${(e as Error).message}`))
        .finally(() => {
          if (!this.leases.has(key)) {
            this.bids.delete(key);
            this.inventory.release(key);
          }
        });
    }
  }

  private maybeWithdraw(): void {
    const now = Date.now();
    if (now - this.lastWithdrawMs < this.timing.withdrawPeriodMs) return;
    this.lastWithdrawMs = now;
    for (const lease of this.leases.values()) {
      const { owner, dseq, gseq, oseq } = lease.ref;
      this.chain.txs
        .submit(
          msg(
            `/${v1beta5.MsgWithdrawLease.$type}`,
            v1beta5.MsgWithdrawLease.fromPartial({ id: { owner, dseq: dseq.toString(), gseq, oseq, provider: this.address, bseq: 0 } }),
          ),
        )
        .catch((e) => this.log(`withdraw from ${orderKey(lease.ref)} failed: ${(e as Error).message}`));
    }
  }

  // ---- faults ---------------------------------------------------------------------------------------

  private async setOffline(on: boolean): Promise<void> {
    this.faultState.offline = on;
    if (on) await this.gateway.stop();
    else await this.gateway.start();
  }

  private async closeLease(dseq: bigint, gseq: number, oseq: number): Promise<void> {
    const lease = [...this.leases.values()].find((l) => l.ref.dseq === dseq && l.ref.gseq === gseq && l.ref.oseq === oseq);
    if (!lease) throw new Error(`provider ${this.config.name} has no active lease ${dseq}/${gseq}/${oseq}`);
    await this.closeBid(lease.ref, REASON_UNSPECIFIED);
  }

  // ---- gateway backend ------------------------------------------------------------------------------

  private leaseWorkload(ref: LeaseRef): LeaseWorkload | undefined {
    return this.leases.get(orderKey(ref))?.workload;
  }

  private leasedIp(leaseKey: string, service: string, sequence: number): string {
    const key = `${leaseKey}/${service}/${sequence}`;
    let ip = this.leasedIps.get(key);
    if (!ip) {
      this.ipCounter++;
      // documentation range (TEST-NET-3): clearly not routable, unique per provider run
      ip = `203.0.113.${this.ipCounter % 254 || 254}`;
      this.leasedIps.set(key, ip);
    }
    return ip;
  }

  private async submitManifest(owner: string, dseq: bigint, body: string): Promise<void> {
    // the real manifest service cancels the deployment's manifest watchdogs on any submission
    for (const lease of this.leases.values()) {
      if (lease.ref.owner === owner && lease.ref.dseq === dseq && lease.watchdog) {
        clearTimeout(lease.watchdog);
        lease.watchdog = undefined;
      }
    }
    let deployment: v1beta4.QueryDeploymentResponse;
    let active: v1.Lease[];
    try {
      [deployment, active] = await Promise.all([
        this.chain.deployment(owner, dseq),
        this.chain.leases({ owner, dseq, provider: this.address, state: "active" }),
      ]);
    } catch (e) {
      throw new HttpError(500, (e as Error).message);
    }
    const groups = deployment.groups.map((g) => orderSpecFromGroupSpec(g.groupSpec!));
    const manifest = checkManifest(body, { hash: deployment.deployment?.hash ?? new Uint8Array(), groups }, manifestVersion);
    if (active.length === 0) throw ErrNoLeaseForDeployment;
    for (const lease of active) {
      const id = lease.id!;
      const ref: LeaseRef = { owner, dseq, gseq: id.gseq, oseq: id.oseq, provider: this.address };
      const state = await this.leaseWon(ref, false);
      const groupName = deployment.groups.find((g) => g.id?.gseq === id.gseq)?.groupSpec?.name;
      const group = manifest.find((g) => g.name === groupName);
      if (!group) continue;
      await this.deploy(orderKey(ref), state, group);
      this.log(`manifest deployed for lease ${orderKey(ref)}`);
    }
    this.persist();
  }

  private status(): unknown {
    const free = this.inventory.free();
    const gpuTotal = (this.config.gpus ?? []).reduce((n, g) => n + g.units, 0);
    const gpuFree = free.gpus.reduce((n, g) => n + g, 0);
    const allocatable = {
      cpu: this.config.capacity.cpuMillis,
      gpu: gpuTotal,
      memory: this.config.capacity.memoryBytes,
      storage_ephemeral: this.config.capacity.storageBytes,
    };
    return {
      cluster: {
        leases: this.leases.size,
        inventory: {
          available: {
            nodes: [
              {
                name: `${this.config.name}-node-1`,
                allocatable,
                available: { cpu: Number(free.cpuMillis), gpu: gpuFree, memory: Number(free.memoryBytes), storage_ephemeral: Number(free.storageBytes) },
              },
            ],
          },
        },
      },
      bidengine: { orders: this.bids.size + this.inFlight.size },
      manifest: { deployments: this.deployments.size },
      cluster_public_hostname: "127.0.0.1",
    };
  }

  private backend(): GatewayBackend {
    return {
      address: this.address,
      status: () => this.status(),
      version: () => ({
        akash: {
          name: "provider-services",
          server_name: "provider-services",
          version: "v0.10.0-devnet",
          commit: "",
          build_tags: "devnet",
          go: `node ${process.version}`,
          build_deps: [],
          cosmos_sdk_version: "v0.53.0",
        },
        kube: { major: "1", minor: "30", gitVersion: "v1.30.0-devnet", platform: `${process.platform}/${process.arch}` },
      }),
      submitManifest: (owner, dseq, body) => this.submitManifest(owner, dseq, body),
      leaseStatus: (ref) => this.leaseWorkload(ref)?.status(),
      serviceStatus: (ref, service) => this.leaseWorkload(ref)?.serviceStatus(service),
      leaseManifest: (ref) => this.leaseWorkload(ref)?.manifestGroup,
      lookupPubkey: (address) => this.chain.accountPubkey(address),
      lookupCertificate: (owner, serial) => this.chain.certificate(owner, serial),
      // a flaky provider fails every fifth gateway request
      failing: () => this.faultState.gateway5xx || (!!this.config.flaky && ++this.gatewayRequests % 5 === 0),
    };
  }
}
