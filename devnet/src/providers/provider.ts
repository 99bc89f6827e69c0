/**
 * One simulated provider: registers itself on chain (keeping its gateway port and certificate across
 * restarts when it has a state dir), runs a bid engine over the chain's open orders, tracks its leases
 * (manifest timeout, periodic withdrawal, teardown when closed on chain) and serves the gateway. It only
 * talks to the chain over CometBFT RPC, like the real provider daemon.
 */
import { X509Certificate } from "node:crypto";
import { CertificateManager, type CertificatePem } from "@akashnetwork/chain-sdk";
import type * as v1 from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type * as v1beta4 from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { manifestVersion } from "../../../provider/src/sdl";
import type { Attribute } from "./attributes";
import { BidEngine } from "./bid-engine";
import { ChainClient } from "./chain";
import { providerAttributes } from "./config";
import { Gateway, type GatewayBackend } from "./gateway";
import { HttpError } from "./http-error";
import type { IdentityStore, ProviderIdentity } from "./identity-store";
import type { ProviderConfig, ProviderHandle, ProviderTiming } from "./index";
import { Inventory } from "./inventory";
import type { LeaseRef } from "./jwt";
import { checkManifest, ErrNoLeaseForDeployment, type ManifestGroup } from "./manifest-check";
import type { ManifestStore } from "./manifest-store";
import { certificateMsg, closeBidMsg, orderKey, providerMsg, REASON_MANIFEST_TIMEOUT, REASON_UNSPECIFIED, withdrawLeaseMsg } from "./messages";
import { orderSpecFromGroupSpec, type OrderSpec } from "./order-spec";
import { LeaseWorkload } from "./workloads";

export type ResolvedTiming = Required<ProviderTiming>;

/** Where a provider keeps what must survive a devnet restart (under <dataDir>/providers). */
export interface ProviderState {
  manifests: ManifestStore;
  identity: IdentityStore;
}

export const DEFAULT_TIMING: ResolvedTiming = {
  bidTimeoutMs: 5 * 60_000,
  manifestTimeoutMs: 5 * 60_000,
  withdrawPeriodMs: 24 * 3600_000,
  pollMs: 500,
  startupDelayMs: 300,
};

interface LeaseState {
  ref: LeaseRef;
  workload?: LeaseWorkload;
  watchdog?: NodeJS.Timeout;
}

export class SimProvider {
  private readonly inventory: Inventory;
  private readonly engine: BidEngine;
  private readonly leases = new Map<string, LeaseState>();
  private readonly deployments = new Set<string>();
  private readonly attributes: Attribute[];
  private lastHeight = -1;
  private firstSync = true;
  private lastWithdrawMs = Date.now();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private ticking: Promise<void> | undefined;
  private ipCounter = 0;
  private gatewayRequests = 0;
  private readonly leasedIps = new Map<string, string>();
  private readonly faultState = { offline: false, gateway5xx: false, noBids: false, slowBidsMs: 0, neverReady: false };
  private gateway!: Gateway;

  private constructor(
    readonly config: ProviderConfig,
    private readonly chain: ChainClient,
    private readonly timing: ResolvedTiming,
    private readonly log: (line: string) => void,
    private readonly store?: ManifestStore,
  ) {
    this.faultState.neverReady = !!config.neverReady;
    this.inventory = new Inventory(config.capacity, config.gpus ?? [], config.ipCount ?? 0);
    this.attributes = providerAttributes(config);
    this.engine = new BidEngine(chain, config, this.attributes, this.inventory, timing.bidTimeoutMs, this.faultState, log);
  }

  get address(): string {
    return this.chain.address;
  }

  static async start(config: ProviderConfig, rpcUrl: string, timing: ResolvedTiming, log: (line: string) => void, state?: ProviderState): Promise<SimProvider> {
    const chain = await ChainClient.connect(rpcUrl, config.mnemonic, `devnet provider ${config.name}`);
    const provider = new SimProvider(config, chain, timing, log, state?.manifests);
    try {
      const saved = state?.identity.load();
      const { pem, published } = await provider.tlsIdentity(saved);
      provider.gateway = new Gateway(provider.backend(), { key: pem.privateKey, cert: pem.cert }, !config.mtlsOnly);
      await provider.listen(saved?.gatewayPort);
      state?.identity.save({ gatewayPort: provider.gateway.listeningPort, cert: pem.cert, privateKey: pem.privateKey, publicKey: pem.publicKey });
      await provider.register(pem, published);
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
        neverReady: (on: boolean) => void (this.faultState.neverReady = on),
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

  /**
   * The previous run's key pair while its certificate is unexpired and not revoked on chain (whether the
   * chain already holds it decides if it is published again), else a new pair.
   */
  private async tlsIdentity(saved?: ProviderIdentity): Promise<{ pem: CertificatePem; published: boolean }> {
    const cert = saved === undefined ? undefined : new X509Certificate(saved.cert);
    if (saved && cert && Date.parse(cert.validTo) > Date.now()) {
      // the chain's serial is the certificate's serial number in decimal
      const onChain = await this.chain.certificate(this.address, BigInt(`0x${cert.serialNumber}`).toString());
      if (!onChain || onChain.valid) return { pem: saved, published: onChain !== undefined };
    }
    return { pem: await new CertificateManager().generatePEM(this.address), published: false };
  }

  /** The configured port; else the previous run's, or a new one (then re-registered) when it is taken now. */
  private async listen(savedPort?: number): Promise<void> {
    if (this.config.gatewayPort || savedPort === undefined) return this.gateway.start(this.config.gatewayPort ?? 0);
    try {
      await this.gateway.start(savedPort);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EADDRINUSE") throw e;
      this.log(`gateway port ${savedPort} is taken, moving to a new one`);
      await this.gateway.start(0);
    }
  }

  private async register(pem: { cert: string; publicKey: string }, published: boolean): Promise<void> {
    const existing = await this.chain.provider(this.address);
    const fields = {
      owner: this.address,
      hostUri: this.gateway.hostUri,
      attributes: this.attributes,
      info: { email: this.config.email ?? "", website: this.config.website ?? "" },
    };
    const sameAttributes = JSON.stringify(existing?.attributes.map(({ key, value }) => ({ key, value }))) === JSON.stringify(this.attributes);
    const submitted: Array<Promise<unknown>> = [];
    if (!existing) submitted.push(this.chain.txs.submit(providerMsg("create", fields)));
    else if (existing.hostUri !== fields.hostUri || !sameAttributes) submitted.push(this.chain.txs.submit(providerMsg("update", fields)));
    // like a real provider, publish the gateway's certificate (once) so tenants can pin it
    if (!published) submitted.push(this.chain.txs.submit(certificateMsg(this.address, pem)));
    await Promise.all(submitted);
    this.log(`registered at ${this.gateway.hostUri}`);
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
    const leased = new Set(this.leases.keys());
    await this.engine.scan(leased);
    this.engine.expire(leased);
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
    state.workload ??= new LeaseWorkload(
      key,
      this.config.name,
      this.timing.startupDelayMs,
      (service, seq) => this.leasedIp(key, service, seq),
      () => this.faultState.neverReady,
    );
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
    this.engine.leaseWon(key);
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

  private closeBid(ref: LeaseRef, reason: number): Promise<unknown> {
    return this.chain.txs.submit(closeBidMsg(ref, this.address, reason));
  }

  private async groupSpec(ref: { owner: string; dseq: bigint; gseq: number }): Promise<OrderSpec | undefined> {
    const res = await this.chain.deployment(ref.owner, ref.dseq);
    const group = res.groups.find((g) => g.id?.gseq === ref.gseq);
    return group?.groupSpec ? orderSpecFromGroupSpec(group.groupSpec) : undefined;
  }

  private maybeWithdraw(): void {
    const now = Date.now();
    if (now - this.lastWithdrawMs < this.timing.withdrawPeriodMs) return;
    this.lastWithdrawMs = now;
    for (const lease of this.leases.values()) {
      this.chain.txs.submit(withdrawLeaseMsg(lease.ref, this.address)).catch((e) => this.log(`withdraw from ${orderKey(lease.ref)} failed: ${(e as Error).message}`));
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
      // the real manifest service answers a failed chain query with its error and status 500
      throw new HttpError(500, (e as Error).message.replace(/^Query failed with \(\d+\): /, ""));
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
      bidengine: { orders: this.engine.orders },
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
