// Shared support of the fault matrix (issue 7): a devnet with three well-behaved providers, one scenario =
// a fresh funded wallet + a fresh plugin process configured for it, and the checks every scenario ends with:
// the leak audit (nothing paid for is left outside the stack; every uact is accounted for) and the secret scan
// (no mnemonic, private key or secret env value in the stored state, the plugin's logs or any error text).
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { toHex } from "@cosmjs/encoding";
import { Bip39, EnglishMnemonic, Slip10, Slip10Curve } from "@cosmjs/crypto";
import { makeCosmoshubPath } from "@cosmjs/amino";
import { QueryDeploymentsRequest, QueryDeploymentsResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { startTestDevnet, fundedWallet, type FundedWallet } from "../../devnet/src/testing";
import { defaultProviderConfigs, type ProviderHandle } from "../../devnet/src/providers";
import type { Devnet, DevnetOptions } from "../../devnet/src";
import { ChainConnection } from "../../provider/src/chain/connection";
import { queryBalance } from "../../provider/src/chain/bank/queries";
import { allPages, PAGE_LIMIT } from "../../provider/src/chain/pagination";
import { parseDec, DEC_PRECISION } from "../../provider/src/chain/decimal";
import { Deployment, type DeploymentArgs } from "../../sdk";
import { tenantSdl } from "../../provider/src/sdl/testing";
import {
  leakedSecrets,
  makeUrn,
  PartialFailureError,
  plain,
  ProviderError,
  registerWithMocks,
  secret,
  Secret,
  startProviderServer,
  up,
  type LogLine,
  type PropertyMap,
  type PropertyValue,
  type ProviderServer,
  type ResourceState,
} from "../harness";
import { waitFor } from "../client/helpers";

export interface UpResult {
  /** the resulting state; after a partial failure, the state the engine records with its init errors */
  state?: ResourceState;
  error?: Error;
}

export const DEPLOYMENT_TYPE = "pulumi-nodejs:dynamic/akash:Deployment";

/** Fast settings: a short bid window and timeouts so a failing scenario fails in seconds. */
export const FAST = { bidTimeout: 6, readyTimeout: 6, deposit: 5 } as const;
export const FAST_POLICY = { auditedOnly: false, bidWindow: "1500ms", minBids: 3 } as const;

/** One service, one replica, priced in uact; `image` varies the manifest. */
export function webSdl(image = "nginx:1.27", count = 1): string {
  return tenantSdl({ image, count, memory: "256Mi", storage: "512Mi", env: ["PLAIN=visible"] });
}

/**
 * A devnet with the three reliable default providers (the flaky one would make outcomes random), fast
 * provider timing, 100 ms blocks.
 */
/** The default providers but the flaky one: faults happen only when a scenario asks for them. */
export const faultProviderConfigs = () => defaultProviderConfigs().filter((c) => !c.flaky);

export async function startFaultDevnet(options: DevnetOptions = {}): Promise<Devnet> {
  return startTestDevnet({
    providers: faultProviderConfigs(),
    providerTiming: { pollMs: 100, startupDelayMs: 100 },
    ...options,
  });
}

export interface FaultSuite {
  devnet: Devnet;
  /** Starts a scenario (stopping the previous one); afterEach stops it and clears every provider fault. */
  start(options?: ScenarioOptions): Promise<Scenario>;
  /** A scenario whose plugin is SIGKILLed at its first log line matching `marker`: a crash in the middle of a create. */
  startKilledAt(marker: RegExp): Promise<{ scenario: Scenario; killed: () => boolean }>;
}

/** Mocha hooks: one fault devnet for the spec file, a fresh scenario per test. */
export function useFaultDevnet(options: DevnetOptions = {}): FaultSuite {
  let current: Scenario | undefined;
  const stopCurrent = async () => {
    await current?.stop();
    current = undefined;
  };
  const suite: FaultSuite = {
    devnet: undefined as unknown as Devnet,
    async start(scenarioOptions) {
      await stopCurrent();
      current = await Scenario.start(suite.devnet, scenarioOptions);
      return current;
    },
    async startKilledAt(marker) {
      let killed = false;
      const scenario: Scenario = await suite.start({
        onLog: (line) => {
          if (!killed && marker.test(line.text)) {
            killed = true;
            void scenario.server.stop("SIGKILL");
          }
        },
      });
      return { scenario, killed: () => killed };
    },
  };
  before(async function () {
    this.timeout(120_000);
    suite.devnet = await startFaultDevnet(options);
  });
  afterEach(async () => {
    for (const p of suite.devnet.providers?.providers ?? []) {
      p.faults.noBids(false);
      p.faults.gateway5xx(false);
      p.faults.neverReady(false);
      await p.faults.offline(false);
    }
    await stopCurrent();
  });
  after(async () => {
    await suite.devnet?.stop();
  });
  return suite;
}

export function providerNamed(devnet: Devnet, name: string): ProviderHandle {
  const p = devnet.providers?.providers.find((h) => h.name === name);
  if (!p) throw new Error(`no simulated provider ${name}`);
  return p;
}

export interface ScenarioOptions {
  /** uact the wallet starts with (default 100 ACT) */
  uact?: string;
  /** akash:rpcEndpoint value (default the devnet's URL) */
  rpcEndpoint?: string;
  /** extra stack config */
  config?: PropertyMap;
  onLog?: (line: LogLine) => void;
  /** the Pulumi stack the plugin belongs to (default "dev") */
  stack?: string;
}

/**
 * One fault scenario: a new funded wallet, a new plugin process configured with it, and everything needed to
 * audit it afterwards. Call `finish(states)` at the end of the scenario (and `stop()` in any case).
 */
export class Scenario {
  /** error texts the scenario saw (scanned for secrets at the end) */
  readonly errors: string[] = [];
  /** states the scenario produced (scanned for secrets at the end) */
  readonly seenStates: ResourceState[] = [];
  /** values that must never appear in plain state, logs or errors */
  readonly secrets: string[];
  readonly conn: ChainConnection;

  private constructor(
    readonly devnet: Devnet,
    readonly wallet: FundedWallet,
    readonly initialUact: bigint,
    public server: ProviderServer,
    conn: ChainConnection,
    secrets: string[],
    private readonly options: ScenarioOptions,
  ) {
    this.conn = conn;
    this.secrets = secrets;
  }

  static async start(devnet: Devnet, options: ScenarioOptions = {}): Promise<Scenario> {
    const uact = options.uact ?? "100000000";
    const wallet = await fundedWallet(devnet, [
      { denom: "uakt", amount: "1000000000" },
      { denom: "uact", amount: uact },
    ]);
    await waitFor(async () => (await wallet.client.getAccount(wallet.address)) !== null, 20_000);
    const { privkey } = Slip10.derivePath(Slip10Curve.Secp256k1, await Bip39.mnemonicToSeed(new EnglishMnemonic(wallet.mnemonic)), makeCosmoshubPath(0));
    const secrets = [wallet.mnemonic, toHex(privkey), Buffer.from(privkey).toString("base64")];
    const conn = await ChainConnection.connect({ endpoints: [devnet.rpcUrl], chainId: devnet.chainId });
    const server = await Scenario.plugin(devnet, wallet, options);
    return new Scenario(devnet, wallet, BigInt(uact), server, conn, secrets, options);
  }

  private static async plugin(devnet: Devnet, wallet: FundedWallet, options: ScenarioOptions): Promise<ProviderServer> {
    const server = await startProviderServer({
      env: { ...process.env, AKASH_MNEMONIC: "", AKASH_RPC_ENDPOINT: "", AKASH_NETWORK: "" },
      onLog: options.onLog,
      stack: options.stack,
      timeoutMs: 120_000,
    });
    await server.configure({
      "akash:network": "devnet",
      "akash:rpcEndpoint": options.rpcEndpoint ?? devnet.rpcUrl,
      "akash:chainId": devnet.chainId,
      "akash:auditor": devnet.auditorAddress,
      "akash:mnemonic": secret(wallet.mnemonic),
      ...options.config,
    });
    return server;
  }

  /** A new plugin process for the same wallet and stack (what the next `pulumi up` starts). */
  async restartPlugin(onLog?: (line: LogLine) => void): Promise<ProviderServer> {
    this.previousLogs.push(this.server.logText());
    await this.server.stop();
    this.server = await Scenario.plugin(this.devnet, this.wallet, { ...this.options, onLog });
    return this.server;
  }

  private readonly previousLogs: string[] = [];

  /** Inputs as the SDK class registers them (real `__provider`, secretEnv wrapped secret). */
  async inputs(name: string, args: DeploymentArgs): Promise<{ urn: string; inputs: PropertyMap }> {
    const { registrations } = await registerWithMocks(() => new Deployment(name, args), { stack: this.options.stack });
    const props = { ...registrations[0].properties };
    // Mocks hand a plain secretEnv over unwrapped; the SDK registers it as a secret, so the engine gets it so.
    if (props.secretEnv !== undefined) props.secretEnv = secret(props.secretEnv);
    return { urn: makeUrn(DEPLOYMENT_TYPE, name, { stack: this.options.stack }), inputs: props };
  }

  /** `pulumi up` of one Deployment; a failure is recorded (for the secret scan) and returned. */
  async up(name: string, args: DeploymentArgs, prior?: ResourceState): Promise<UpResult> {
    return this.run(await this.inputs(name, args), prior);
  }

  /** `pulumi up` with inputs from `inputs()` (mocks are process-wide: register first, then run in parallel). */
  async run({ urn, inputs }: { urn: string; inputs: PropertyMap }, prior?: ResourceState): Promise<UpResult> {
    try {
      const { state } = await up(this.server, urn, inputs, prior);
      this.seenStates.push(state);
      return { state };
    } catch (error) {
      this.record(error);
      if (!(error instanceof PartialFailureError)) return { error: error as Error };
      return { error, state: error.state };
    }
  }

  /**
   * Keeps a failure for the secret scan: its message, and for a provider error also the raw gRPC text and what an
   * init failure carries (its properties and reasons, which the engine stores as the resource's state).
   */
  private record(error: unknown): void {
    this.errors.push(String((error as Error).message));
    if (!(error instanceof ProviderError)) return;
    this.errors.push(error.details);
    if (error.initFailure) this.errors.push(storedJson(error.initFailure.properties), ...error.initFailure.reasons);
    if (error instanceof PartialFailureError) this.seenStates.push(error.state);
  }

  /** A state's outputs as plain values. */
  outputs(state: ResourceState): Record<string, unknown> {
    return plain(state.outputs) as Record<string, unknown>;
  }

  /** Every deployment of the wallet on chain (any state), with its escrow account. */
  async listDeployments() {
    return allPages(async (key) => {
      const res = await this.conn.query(
        "/akash.deployment.v1beta4.Query/Deployments",
        QueryDeploymentsRequest,
        { filters: { owner: this.wallet.address, dseq: "0", state: "" }, pagination: { key, limit: PAGE_LIMIT } },
        QueryDeploymentsResponse,
      );
      return { items: res.deployments, nextKey: res.pagination?.nextKey };
    });
  }

  /**
   * The leak audit. Every deployment of the wallet is closed or tracked by `states` (the resulting stack);
   * and wallet uact + Σ escrow funds (open accounts) + Σ transferred to providers (all accounts) equals what
   * went in, up to less than 1 uact per account (escrow keeps 18-decimal amounts; refunds are whole uact).
   */
  async leakAudit(states: ReadonlyArray<ResourceState | undefined>): Promise<{ active: string[]; closed: string[]; earnedUact: bigint }> {
    const tracked = new Set(states.filter((s): s is ResourceState => !!s && !!s.id).map((s) => s.id));
    const list = await this.listDeployments();
    const active = list.filter((d) => d.deployment!.state === 1).map((d) => String(d.deployment!.id!.dseq));
    const closed = list.filter((d) => d.deployment!.state !== 1).map((d) => String(d.deployment!.id!.dseq));
    const untracked = active.filter((dseq) => !tracked.has(dseq));
    expect(untracked, `deployments active on chain but not in the stack (leaked): ${untracked.join(", ")}`).to.deep.equal([]);
    const scale = 10n ** BigInt(DEC_PRECISION);
    const uact = (coins: ReadonlyArray<{ denom: string; amount: string }> | undefined) =>
      (coins ?? []).filter((c) => c.denom === "uact").reduce((a, c) => a + parseDec(c.amount), 0n);
    let escrowed = 0n;
    let earned = 0n;
    for (const d of list) {
      const state = d.escrowAccount?.state;
      earned += uact(state?.transferred);
      if (d.deployment!.state === 1) escrowed += uact(state?.funds);
    }
    const wallet = BigInt(await queryBalance(this.conn, this.wallet.address, "uact")) * scale;
    const missing = this.initialUact * scale - wallet - escrowed - earned;
    expect(missing >= 0n, `the wallet and its escrows hold ${-missing} more atto-uact than went in`).to.equal(true);
    expect(missing < BigInt(list.length + 1) * scale, `${Number(missing / scale)} uact unaccounted for (went in ${this.initialUact}, wallet ${wallet / scale}, escrow ${escrowed / scale}, earned ${earned / scale})`).to.equal(
      true,
    );
    return { active, closed, earnedUact: earned / scale };
  }

  /** Every secret found verbatim in stored state (secrets encrypted as the engine stores them), logs or errors. */
  async leakedSecrets(extra: string[] = []): Promise<string[]> {
    await this.server.flushLogs();
    const texts = [...this.previousLogs, this.server.logText(), ...this.errors, ...this.seenStates.map(serializedState)];
    return leakedSecrets(texts.join("\n"), [...this.secrets, ...extra]);
  }

  /** Leak audit + secret scan; the states are the stack after the scenario. */
  async finish(states: ReadonlyArray<ResourceState | undefined>, extraSecrets: string[] = []) {
    const audit = await this.leakAudit(states);
    expect(await this.leakedSecrets(extraSecrets), "secrets found in state, logs or errors").to.deep.equal([]);
    return audit;
  }

  async stop(): Promise<void> {
    await this.server.stop();
    this.conn.disconnect();
    this.wallet.client.disconnect();
  }
}

/** Properties as the engine writes them to the backend: secret values are ciphertext, so they are replaced here. */
function stored(v: PropertyValue): unknown {
  if (v instanceof Secret) return { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, ciphertext: "<encrypted>" };
  if (Array.isArray(v)) return v.map(stored);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, stored(x as PropertyValue)]));
  return v;
}

const storedJson = (props: PropertyMap): string => JSON.stringify(stored(props));

/** The state as the engine writes it to the backend, init errors included. */
function serializedState(state: ResourceState): string {
  return JSON.stringify({ urn: state.urn, id: state.id, inputs: stored(state.inputs), outputs: stored(state.outputs), initErrors: state.initErrors });
}
