/**
 * A CometBFT RPC connection with endpoint failover: connects to the first endpoint that answers `status`
 * with the expected chain id, and when that endpoint dies mid-use, moves to the next one and retries.
 * Retrying is safe for everything we send: queries are reads, and re-broadcasting identical tx bytes
 * cannot execute twice (same hash, same sequence). One connection serves many resources: each uses its own
 * view (withLog), which shares the endpoint, the failover and the in-flight queries but logs as that resource.
 */
import { toHex } from "@cosmjs/encoding";
import { Comet38Client, HttpClient } from "@cosmjs/tendermint-rpc";
import { CONFIG_KEYS, ChainTxError, ConfigError, isTransportError } from "./errors";

export interface ConnectionOptions {
  /** RPC endpoints in order of preference, e.g. ["https://rpc.akashnet.net:443"]. */
  endpoints: readonly string[];
  chainId: string;
  /** Per-request timeout (ms); a slower endpoint counts as dead. Default 15000. */
  requestTimeoutMs?: number;
  /** failover lines of the first view (see withLog) */
  log?: Log;
}

export type Log = (message: string) => void;

/** The protobuf codec shape of chain-sdk and cosmjs-types messages (only what queries need). */
export interface ProtoCodec<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(input: Uint8Array): T;
  fromPartial(object: any): T;
}

type Probe = { ok: true; client: Comet38Client } | { ok: false; reason: string; chainId?: string };

/** What every view of one connection shares. */
interface EndpointState {
  index: number;
  client: Comet38Client;
  /** Bumped on every failover so concurrent failures trigger a single reconnect. */
  generation: number;
  reconnecting?: Promise<void>;
  readonly inFlight: Map<string, Promise<Uint8Array>>;
}

export class ChainConnection {
  private constructor(
    private readonly options: ConnectionOptions,
    private readonly state: EndpointState,
    private readonly log: Log | undefined,
  ) {}

  static async connect(options: ConnectionOptions): Promise<ChainConnection> {
    if (options.endpoints.length === 0) {
      throw new ConfigError(CONFIG_KEYS.rpcEndpoints, "no RPC endpoint configured; set at least one, e.g. https://rpc.akashnet.net:443");
    }
    const { index, client } = await findLiveEndpoint(options, 0);
    return new ChainConnection(options, { index, client, generation: 0, inFlight: new Map() }, options.log);
  }

  /** This connection (same endpoint, failover and shared queries) with failover lines going to `log`. */
  withLog(log: Log | undefined): ChainConnection {
    return new ChainConnection(this.options, this.state, log);
  }

  /** The same object for every view of this connection: the key for what callers cache per connection. */
  get identity(): object {
    return this.state;
  }

  get chainId(): string {
    return this.options.chainId;
  }

  /** The endpoint currently in use. */
  get endpoint(): string {
    return this.options.endpoints[this.state.index];
  }

  /** Runs `op` against the current endpoint; on a network failure fails over to the next live one and retries. */
  async run<T>(op: (client: Comet38Client) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const generation = this.state.generation;
      try {
        return await op(this.state.client);
      } catch (error) {
        if (!isTransportError(error) || attempt >= this.options.endpoints.length) throw error;
        this.log?.(`RPC endpoint ${this.endpoint} failed (${(error as Error).message}); failing over (for every resource using it)`);
        await this.failover(generation);
      }
    }
  }

  /**
   * abci_query of a gRPC method path; a non-zero code becomes a ChainTxError with the node's codespace/code/log.
   * Identical queries already in flight share one request: the many resources of one `pulumi up` ask the
   * same questions (the bidders' registry entries, the wallet's balance) at the same moment.
   */
  abciQuery(path: string, data: Uint8Array): Promise<Uint8Array> {
    const key = `${path} ${toHex(data)}`;
    const { inFlight } = this.state;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = this.queryOnce(path, data).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  }

  private async queryOnce(path: string, data: Uint8Array): Promise<Uint8Array> {
    const response = await this.run((c) => c.abciQuery({ path, data }));
    if (response.code) {
      throw new ChainTxError(response.codespace ?? "", response.code, response.log ?? "", { stage: "query" });
    }
    return response.value;
  }

  /** Typed gRPC query over abci_query with generated codecs. */
  async query<Req, Res>(path: string, request: ProtoCodec<Req>, input: unknown, response: ProtoCodec<Res>): Promise<Res> {
    const bytes = await this.abciQuery(path, request.encode(request.fromPartial(input ?? {})).finish());
    return response.decode(bytes);
  }

  /** Closes the connection, for every view of it. */
  disconnect(): void {
    this.state.client.disconnect();
  }

  private async failover(failedGeneration: number): Promise<void> {
    const state = this.state;
    if (state.generation !== failedGeneration) return; // someone else already moved on
    state.reconnecting ??= (async () => {
      try {
        const next = await findLiveEndpoint(this.options, state.index + 1);
        state.client.disconnect();
        state.index = next.index;
        state.client = next.client;
        state.generation++;
        this.log?.(`now using RPC endpoint ${this.endpoint}`);
      } finally {
        state.reconnecting = undefined;
      }
    })();
    await state.reconnecting;
  }
}

/** Tries every endpoint once, starting at `start` (wrapping around). */
async function findLiveEndpoint(options: ConnectionOptions, start: number): Promise<{ index: number; client: Comet38Client }> {
  const n = options.endpoints.length;
  const failures: string[] = [];
  const wrongChain: string[] = [];
  for (let i = 0; i < n; i++) {
    const index = (start + i) % n;
    const url = options.endpoints[index];
    const probe = await probeEndpoint(url, options);
    if (probe.ok) return { index, client: probe.client };
    failures.push(`${url}: ${probe.reason}`);
    if (probe.chainId !== undefined) wrongChain.push(`${url} serves "${probe.chainId}"`);
  }
  if (wrongChain.length > 0) {
    throw new ConfigError(
      CONFIG_KEYS.chainId,
      `expected chain id "${options.chainId}" but ${wrongChain.join(", ")}; fix ${CONFIG_KEYS.chainId} or ${CONFIG_KEYS.rpcEndpoints}`,
    );
  }
  throw new ConfigError(CONFIG_KEYS.rpcEndpoints, `no RPC endpoint answered: ${failures.join("; ")}`);
}

async function probeEndpoint(url: string, options: ConnectionOptions): Promise<Probe> {
  let client: Comet38Client;
  try {
    client = Comet38Client.create(new HttpClient(url, options.requestTimeoutMs ?? 15_000));
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  try {
    const status = await client.status();
    const chainId = status.nodeInfo.network;
    if (chainId !== options.chainId) {
      client.disconnect();
      return { ok: false, reason: `wrong chain id "${chainId}"`, chainId };
    }
    return { ok: true, client };
  } catch (error) {
    client.disconnect();
    return { ok: false, reason: (error as Error).message };
  }
}
