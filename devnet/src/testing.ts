/**
 * Test helpers: a throwaway devnet (temp data dir, any free port, 100 ms blocks, quiet) and freshly
 * funded wallets with a ready SigningStargateClient, safe to use from many tests in parallel.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import { createAkashRegistry } from "../../provider/src/chain/registry";
import { bech32Prefix } from "./chain/address";
import type { Coin } from "./chain/types";
import { startDevnet, type Devnet, type DevnetOptions } from "./index";

export const testGasPrice = "0.025uakt";

/** startDevnet in a fresh temp directory (removed on stop), port 0, 100 ms blocks, quiet. */
export async function startTestDevnet(opts: DevnetOptions = {}): Promise<Devnet> {
  const ownDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "akash-devnet-"));
  const devnet = await startDevnet({ port: 0, restPort: 0, blockTimeMs: 100, quiet: true, ...opts, dataDir });
  return {
    ...devnet,
    async stop() {
      await devnet.stop();
      if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface FundedWallet {
  wallet: DirectSecp256k1HdWallet;
  address: string;
  mnemonic: string;
  client: SigningStargateClient;
}

export const defaultTestCoins: Coin[] = [
  { denom: "uakt", amount: "1000000000" },
  { denom: "uact", amount: "1000000000" },
];

/** A cosmjs client for an existing wallet against the devnet (Akash registry, 0.025uakt, fast polling). */
export async function connectClient(devnet: Pick<Devnet, "rpcUrl">, wallet: DirectSecp256k1HdWallet): Promise<SigningStargateClient> {
  return SigningStargateClient.connectWithSigner(devnet.rpcUrl, wallet, {
    registry: createAkashRegistry(),
    gasPrice: GasPrice.fromString(testGasPrice),
    broadcastPollIntervalMs: 100,
  });
}

/**
 * A new random account, credited with `coins` (uakt and uact by default) by the devnet faucet at the
 * next block (ACT cannot be sent, so a transfer from the demo account could not fund it).
 */
export async function fundedWallet(devnet: Devnet, coins: Coin[] = defaultTestCoins): Promise<FundedWallet> {
  const wallet = await DirectSecp256k1HdWallet.generate(24, { prefix: bech32Prefix });
  const [{ address }] = await wallet.getAccounts();
  await devnet.chain.fund(address, coins);
  return { wallet, address, mnemonic: wallet.mnemonic, client: await connectClient(devnet, wallet) };
}

/** Mocha hooks giving each test of the enclosing suite a fresh empty directory, removed afterwards. */
export function useTempDir(prefix: string): () => string {
  let dir: string | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return () => dir!;
}
