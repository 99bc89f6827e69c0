/**
 * Assembles a running chain: app (modules), node (blocks, mempool, persistence), JSON-RPC and REST
 * servers on loopback. Genesis comes from the resolved config, or from the data directory when it
 * already holds a chain (restart).
 */
import type { ResolvedGenesis } from "../config";
import { mintCoins, sendCoins } from "../modules/bank/keeper";
import { moduleAddress } from "./address";
import { ChainApp } from "./app";
import { normalizeCoins } from "./coins";
import { makeContext } from "./context";
import { ChainFiles } from "./persistence";
import { ChainNode } from "./node";
import { RestServer } from "./rest";
import { RpcMethods } from "./rpc";
import { RpcServer } from "./server";
import type { Coin, Module } from "./types";

export interface ChainOptions {
  genesis: ResolvedGenesis;
  modules: Module[];
  blockTimeMs: number;
  /** persist here; omitted = in memory only */
  dataDir?: string;
  reset?: boolean;
  /** CometBFT RPC port; 0 = any free port */
  port: number;
  /** REST (grpc-gateway shaped) port; 0 = any free port, false = none */
  restPort?: number | false;
  log?: (line: string) => void;
}

export interface ChainFaults {
  /** stop producing blocks (txs stay in the mempool) until switched off */
  pauseBlocks(on: boolean): void;
}

export interface ChainHandle {
  readonly chainId: string;
  height(): number;
  waitForHeight(height: number): Promise<void>;
  /** Test faucet: credits coins (any denom, uact included) at the start of the next block, resolves once committed. */
  fund(address: string, coins: Coin[]): Promise<void>;
  faults: ChainFaults;
  /** the node, for in-process tools (bench, tests) */
  node: ChainNode;
}

export interface RunningChain {
  rpcUrl: string;
  restUrl?: string;
  genesis: ResolvedGenesis;
  /** true when the chain was loaded from the data directory rather than created */
  restored: boolean;
  handle: ChainHandle;
  stop(): Promise<void>;
}

export function parseGasPrice(text: string): { denom: string; amount: string } {
  const match = /^(\d+(?:\.\d+)?)([a-zA-Z][a-zA-Z0-9/:._-]{2,127})$/.exec(text.trim());
  if (!match) throw new Error(`invalid gas price "${text}": expected e.g. 0.0025uakt`);
  return { amount: match[1], denom: match[2] };
}

/** Module genesis sections with the funded accounts folded into auth and bank. */
function moduleGenesis(genesis: ResolvedGenesis): Record<string, unknown> {
  const sections = { ...genesis.modules };
  const auth = (sections.auth ?? {}) as { accounts?: string[] };
  const bank = (sections.bank ?? {}) as { balances?: Array<{ address: string; coins: Coin[] }> };
  sections.auth = { ...auth, accounts: [...(auth.accounts ?? []), ...genesis.balances.map((b) => b.address)] };
  sections.bank = { ...bank, balances: [...(bank.balances ?? []), ...genesis.balances] };
  return sections;
}

/** A restarted chain keeps its genesis; say so when the options asked for a different one. */
function warnIgnoredGenesis(stored: ResolvedGenesis, requested: ResolvedGenesis, log: (line: string) => void): void {
  const differs: string[] = [];
  if (stored.chainId !== requested.chainId) differs.push(`chain id ${requested.chainId} (the data holds ${stored.chainId})`);
  if (stored.minGasPrice !== requested.minGasPrice) differs.push(`min gas price ${requested.minGasPrice}`);
  const known = new Set(stored.balances.map((b) => `${b.address}=${JSON.stringify(b.coins)}`));
  if (requested.balances.some((b) => !known.has(`${b.address}=${JSON.stringify(b.coins)}`))) differs.push("genesis accounts");
  if (JSON.stringify(stored.modules) !== JSON.stringify(requested.modules)) differs.push("module genesis");
  if (differs.length > 0) {
    log(`devnet: the data directory already holds a chain; ignoring the requested ${differs.join(", ")}. Use --reset (reset: true) to start a new chain with them.`);
  }
}

export async function startChain(options: ChainOptions): Promise<RunningChain> {
  const files = options.dataDir ? new ChainFiles(options.dataDir) : undefined;
  if (options.reset) files?.reset();
  const stored = files?.readGenesis<ResolvedGenesis>();
  const genesis = stored ?? options.genesis;
  if (stored && options.log) warnIgnoredGenesis(stored, options.genesis, options.log);
  const app = new ChainApp(options.modules, [parseGasPrice(genesis.minGasPrice)], (message) => (options.log ?? console.error)(`devnet: ${message}`));
  const node = new ChainNode({ chainId: genesis.chainId, app, blockTimeMs: options.blockTimeMs, files, log: options.log }, new Date(genesis.genesisTime));
  const restored = node.restore();
  if (!restored) {
    files?.writeGenesis(genesis);
    node.commitGenesis((raw, block) => app.initGenesis(raw, block, moduleGenesis(genesis)));
  }

  const rpcServer = new RpcServer(new RpcMethods(node, () => `tcp://127.0.0.1:${rpcPort}`));
  let rpcPort = 0;
  rpcPort = await rpcServer.listen(options.port);
  let rest: RestServer | undefined;
  let restPort: number | undefined;
  if (options.restPort !== false) {
    rest = new RestServer(node);
    restPort = await rest.listen(options.restPort ?? 0);
  }
  // The first block comes right away so clients see height >= 1 as soon as we return.
  if (node.height === 0) node.produceBlock();
  node.start();

  const handle: ChainHandle = {
    chainId: genesis.chainId,
    height: () => node.height,
    waitForHeight: (h) => node.waitForHeight(h),
    fund(address, coins) {
      const amount = normalizeCoins(coins);
      node.enqueueGrant((raw, block) => {
        const ctx = makeContext({ raw, block, keeper: app.keeper });
        mintCoins(ctx.store, ctx.events, "mint", amount);
        sendCoins(ctx.store, ctx.events, moduleAddress("mint"), address, amount);
      });
      return node.waitForHeight(node.height + 1);
    },
    faults: { pauseBlocks: (on) => node.pause(on) },
    node,
  };

  return {
    rpcUrl: `http://127.0.0.1:${rpcPort}`,
    restUrl: restPort === undefined ? undefined : `http://127.0.0.1:${restPort}`,
    genesis,
    restored,
    handle,
    async stop() {
      node.stop();
      await rpcServer.close();
      await rest?.close();
    },
  };
}
