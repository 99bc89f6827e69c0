/**
 * CometBFT 0.38 JSON-RPC over HTTP (POST JSON-RPC 2.0, single or batch, and GET /<method>?args),
 * the subset unmodified @cosmjs/tendermint-rpc and @cosmjs/stargate use, with CometBFT's response
 * shapes and JSON-RPC error codes.
 */
import { sha256 } from "@cosmjs/crypto";
import { fromBase64, fromHex, toBase64, toHex, toUtf8 } from "@cosmjs/encoding";
import type { TxResult } from "./app";
import type { ChainNode, IndexedTx } from "./node";
import type { BlockRecord, StoredTxResult } from "./persistence";
import { matchesQuery, parseQuery } from "./txquery";

export const cometVersion = "0.38.21";

/** A JSON-RPC error as CometBFT's rpc/jsonrpc/types returns it. */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    readonly rpcMessage: string,
    readonly data: string,
  ) {
    super(`${rpcMessage}: ${data}`);
  }
}

const invalidParams = (data: string) => new RpcError(-32602, "Invalid params", data);
const internal = (data: string) => new RpcError(-32603, "Internal error", data);

type Params = Record<string, unknown>;
type Method = (params: Params) => Promise<unknown> | unknown;

/** A method and its argument names in order, as CometBFT's rpc/core/routes.go declares them (for positional params). */
export interface Route {
  args: readonly string[];
  call: Method;
}

const route = (args: string, call: Method): Route => ({ args: args === "" ? [] : args.split(","), call });

export interface RpcOptions {
  /** CometBFT timeout_broadcast_tx_commit (default 10 s) */
  broadcastTxCommitTimeoutMs?: number;
}

function str(params: Params, name: string): string | undefined {
  const v = params[name];
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v === "string" || typeof v === "number") return String(v);
  throw invalidParams(`error converting json params to arguments: ${name} must be a string`);
}

function int(params: Params, name: string): number | undefined {
  const v = str(params, name);
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v)) throw invalidParams(`error converting json params to arguments: ${name}: invalid integer ${JSON.stringify(v)}`);
  return Number(v);
}

/** []byte params arrive base64 in JSON-RPC bodies and 0x-hex in GET URIs. */
function bytes(params: Params, name: string, encoding: "base64" | "hex"): Uint8Array {
  const v = str(params, name) ?? "";
  try {
    if (v.startsWith("0x")) return fromHex(v.slice(2));
    return encoding === "hex" ? fromHex(v) : fromBase64(v);
  } catch {
    throw invalidParams(`error converting json params to arguments: ${name}: invalid ${encoding}`);
  }
}

function jsonResult(r: StoredTxResult | TxResult): Record<string, unknown> {
  const data = "data" in r && r.data !== undefined ? (typeof r.data === "string" ? r.data : toBase64(r.data)) : null;
  return {
    code: r.code,
    data,
    log: r.log,
    info: "",
    gas_wanted: String(r.gasWanted),
    gas_used: String(r.gasUsed),
    events: r.events,
    codespace: r.codespace,
  };
}

/** The zero abci.ExecTxResult CometBFT returns when the tx never ran. */
const notExecuted = jsonResult({ code: 0, codespace: "", log: "", gasWanted: 0, gasUsed: 0, events: [] });

function txJson(tx: IndexedTx): Record<string, unknown> {
  return { hash: tx.hash, height: String(tx.height), index: tx.index, tx_result: jsonResult(tx.result), tx: tx.tx };
}

export class RpcMethods {
  private readonly validatorPubKey: Uint8Array;
  private readonly validatorAddress: string;
  private readonly nodeId: string;
  private readonly broadcastTxCommitTimeoutMs: number;

  constructor(
    private readonly node: ChainNode,
    private readonly listenAddr: () => string,
    options: RpcOptions = {},
  ) {
    this.broadcastTxCommitTimeoutMs = options.broadcastTxCommitTimeoutMs ?? 10_000;
    this.validatorPubKey = sha256(toUtf8(`devnet-validator/${node.chainId}`));
    this.validatorAddress = toHex(sha256(this.validatorPubKey).slice(0, 20)).toUpperCase();
    this.nodeId = toHex(sha256(toUtf8(`devnet-node/${node.chainId}`)).slice(0, 20));
  }

  readonly routes: Record<string, Route> = {
    health: route("", () => ({})),
    status: route("", () => this.status()),
    abci_info: route("", () => ({
      response: {
        data: "akash",
        version: "v2.1.0",
        app_version: "0",
        last_block_height: String(this.node.height),
        last_block_app_hash: toBase64(fromHex(this.node.latestBlock.appHash)),
      },
    })),
    abci_query: route("path,data,height,prove", (p) => this.abciQuery(p)),
    broadcast_tx_sync: route("tx", (p) => this.broadcastSync(p)),
    broadcast_tx_async: route("tx", (p) => this.broadcastAsync(p)),
    broadcast_tx_commit: route("tx", (p) => this.broadcastCommit(p)),
    check_tx: route("tx", (p) => jsonResult(this.node.checkOnly(bytes(p, "tx", "base64")))),
    tx: route("hash,prove", (p) => {
      const hash = toHex(bytes(p, "hash", "base64")).toUpperCase();
      const tx = this.node.tx(hash);
      if (!tx) throw internal(`tx (${hash}) not found`);
      return txJson(tx);
    }),
    tx_search: route("query,prove,page,per_page,order_by", (p) => this.txSearch(p)),
    block: route("height", (p) => this.blockResponse(this.blockAt(int(p, "height")))),
    block_by_hash: route("hash", (p) => {
      const hash = toHex(bytes(p, "hash", "base64")).toUpperCase();
      const block = this.node.blockByHash(hash);
      return block ? this.blockResponse(block) : { block_id: { hash: "", parts: { total: 0, hash: "" } }, block: null };
    }),
    block_results: route("height", (p) => {
      const block = this.blockAt(int(p, "height"));
      return {
        height: String(block.height),
        txs_results: block.results.length > 0 ? block.results.map(jsonResult) : null,
        finalize_block_events: block.finalizeEvents,
        validator_updates: [],
        consensus_param_updates: null,
        app_hash: toBase64(fromHex(block.appHash)),
      };
    }),
    blockchain: route("minHeight,maxHeight", (p) => this.blockchain(p)),
    commit: route("height", (p) => {
      const block = this.blockAt(int(p, "height"));
      return { signed_header: { header: this.header(block), commit: this.commitFor(block) }, canonical: true };
    }),
    validators: route("height,page,per_page", (p) => ({
      block_height: String(int(p, "height") ?? this.node.height),
      validators: [this.validatorJson()],
      count: "1",
      total: "1",
    })),
    num_unconfirmed_txs: route("", () => this.unconfirmed(false)),
    unconfirmed_txs: route("limit", () => this.unconfirmed(true)),
    net_info: route("", () => ({ listening: true, listeners: [this.listenAddr()], n_peers: "0", peers: [] })),
    genesis: route("", () => ({
      genesis: {
        genesis_time: this.node.genesisTime.toISOString(),
        chain_id: this.node.chainId,
        initial_height: "1",
        consensus_params: this.consensusParams(),
        validators: [{ address: this.validatorAddress, pub_key: this.pubKeyJson(), power: "10", name: "devnet" }],
        app_hash: "",
        app_state: {},
      },
    })),
  };

  private status() {
    const latest = this.node.latestBlock;
    const earliest = this.node.block(this.node.earliestHeight) ?? latest;
    return {
      node_info: {
        protocol_version: { p2p: "8", block: "11", app: "0" },
        id: this.nodeId,
        listen_addr: this.listenAddr(),
        network: this.node.chainId,
        version: cometVersion,
        channels: "40202122233038606100",
        moniker: "akash-devnet",
        other: { tx_index: "on", rpc_address: this.listenAddr() },
      },
      sync_info: {
        latest_block_hash: latest.hash,
        latest_app_hash: latest.appHash,
        latest_block_height: String(latest.height),
        latest_block_time: latest.time,
        earliest_block_hash: earliest.hash,
        earliest_app_hash: earliest.appHash,
        earliest_block_height: String(earliest.height),
        earliest_block_time: earliest.time,
        catching_up: false,
      },
      validator_info: { address: this.validatorAddress, pub_key: this.pubKeyJson(), voting_power: "10" },
    };
  }

  private pubKeyJson() {
    return { type: "tendermint/PubKeyEd25519", value: toBase64(this.validatorPubKey) };
  }

  private validatorJson() {
    return { address: this.validatorAddress, pub_key: this.pubKeyJson(), voting_power: "10", proposer_priority: "0" };
  }

  private consensusParams() {
    return {
      block: { max_bytes: "22020096", max_gas: "-1" },
      evidence: { max_age_num_blocks: "100000", max_age_duration: "172800000000000", max_bytes: "1048576" },
      validator: { pub_key_types: ["ed25519"] },
      version: { app: "0" },
    };
  }

  private abciQuery(p: Params) {
    const path = str(p, "path");
    if (!path) throw invalidParams("error converting json params to arguments: path is required");
    const data = bytes(p, "data", "hex");
    const result = this.node.query(path, data);
    return {
      response: {
        code: result.code,
        log: result.log,
        info: "",
        index: "0",
        key: null,
        value: result.value.length > 0 ? toBase64(result.value) : null,
        proofOps: null,
        height: String(this.node.height),
        codespace: result.codespace,
      },
    };
  }

  private check(p: Params) {
    const tx = bytes(p, "tx", "base64");
    try {
      return this.node.checkTx(tx);
    } catch (err) {
      throw internal((err as Error).message);
    }
  }

  private broadcastSync(p: Params) {
    const { hash, result } = this.check(p);
    return { code: result.code, data: "", log: result.log, codespace: result.codespace, hash };
  }

  private broadcastAsync(p: Params) {
    const tx = bytes(p, "tx", "base64");
    const { hash } = this.check({ tx: toBase64(tx) });
    return { code: 0, data: "", log: "", codespace: "", hash };
  }

  private async broadcastCommit(p: Params) {
    const { hash, result } = this.check(p);
    const check = jsonResult(result);
    if (result.code !== 0) return { check_tx: check, tx_result: notExecuted, hash, height: "0" };
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), this.broadcastTxCommitTimeoutMs)));
    const committed = await Promise.race([this.node.waitForTx(hash), timedOut]).finally(() => clearTimeout(timer));
    // The tx stays in the mempool; CometBFT answers the call with an error all the same.
    if (!committed) throw internal("timed out waiting for tx to be included in a block");
    return { check_tx: check, tx_result: jsonResult(committed.result), hash, height: String(committed.height) };
  }

  private txSearch(p: Params) {
    const queryText = str(p, "query");
    if (!queryText) throw invalidParams("error converting json params to arguments: query is required");
    let conditions;
    try {
      conditions = parseQuery(queryText);
    } catch (err) {
      throw internal((err as Error).message);
    }
    const perPage = Math.min(Math.max(int(p, "per_page") ?? 30, 1), 100);
    const page = int(p, "page") ?? 1;
    const desc = str(p, "order_by") === "desc";
    const hashCondition = conditions.find((c) => c.key === "tx.hash" && c.op === "=");
    const candidates = hashCondition ? [this.node.tx(String(hashCondition.value))].filter((t): t is IndexedTx => t !== undefined) : this.node.allTxs();
    const matches = candidates.filter((tx) => matchesQuery(conditions, tx));
    if (desc) matches.reverse();
    const pages = Math.max(1, Math.ceil(matches.length / perPage));
    if (page < 1 || page > pages) throw internal(`page should be within [1, ${pages}] range, given ${page}`);
    return {
      txs: matches.slice((page - 1) * perPage, page * perPage).map(txJson),
      total_count: String(matches.length),
    };
  }

  private blockAt(height: number | undefined): BlockRecord {
    if (height !== undefined && height <= 0) throw internal(`height must be greater than 0, but got ${height}`);
    if (height !== undefined && height > this.node.height) {
      throw internal(`height ${height} must be less than or equal to the current blockchain height ${this.node.height}`);
    }
    const block = this.node.block(height);
    if (!block || block.height === 0) throw internal(`height ${height ?? 0} is not available, lowest height is ${Math.max(this.node.earliestHeight, 1)}`);
    return block;
  }

  private blockId(block: BlockRecord) {
    return { hash: block.hash, parts: { total: 1, hash: block.hash } };
  }

  private header(block: BlockRecord) {
    const previous = this.node.block(block.height - 1);
    return {
      version: { block: "11", app: "0" },
      chain_id: this.node.chainId,
      height: String(block.height),
      time: block.time,
      last_block_id: previous && previous.height > 0 ? this.blockId(previous) : { hash: "", parts: { total: 0, hash: "" } },
      last_commit_hash: toHex(sha256(toUtf8(`commit/${block.lastBlockHash}`))).toUpperCase(),
      data_hash: toHex(sha256(toUtf8(block.txs.join(",")))).toUpperCase(),
      validators_hash: this.validatorAddress,
      next_validators_hash: this.validatorAddress,
      consensus_hash: toHex(sha256(toUtf8("consensus"))).toUpperCase(),
      app_hash: block.lastAppHash,
      last_results_hash: toHex(sha256(toUtf8(JSON.stringify(previous?.results ?? [])))).toUpperCase(),
      evidence_hash: toHex(sha256(new Uint8Array())).toUpperCase(),
      proposer_address: this.validatorAddress,
    };
  }

  private commitFor(block: BlockRecord) {
    return {
      height: String(block.height),
      round: 0,
      block_id: this.blockId(block),
      signatures: [
        {
          block_id_flag: 2,
          validator_address: this.validatorAddress,
          timestamp: block.time,
          signature: toBase64(sha256(toUtf8(`sig/${block.hash}`)).slice(0, 32)),
        },
      ],
    };
  }

  private blockResponse(block: BlockRecord) {
    const previous = this.node.block(block.height - 1);
    return {
      block_id: this.blockId(block),
      block: {
        header: this.header(block),
        data: { txs: block.txs },
        evidence: { evidence: [] },
        last_commit:
          previous && previous.height > 0
            ? this.commitFor(previous)
            : { height: "0", round: 0, block_id: { hash: "", parts: { total: 0, hash: "" } }, signatures: [] },
      },
    };
  }

  private blockchain(p: Params) {
    const max = Math.min(int(p, "maxHeight") ?? this.node.height, this.node.height);
    const min = Math.max(int(p, "minHeight") ?? 1, max - 19, 1);
    const metas = [];
    for (let h = max; h >= min; h--) {
      const block = this.node.block(h);
      if (!block) continue;
      metas.push({ block_id: this.blockId(block), block_size: "1000", header: this.header(block), num_txs: String(block.txs.length) });
    }
    return { last_height: String(this.node.height), block_metas: metas };
  }

  private unconfirmed(withTxs: boolean) {
    const { count, bytes: total } = this.node.mempoolSize;
    return { n_txs: String(count), total: String(count), total_bytes: String(total), txs: withTxs ? this.node.mempoolTxs() : null };
  }
}
