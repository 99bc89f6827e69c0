/** Shared setup for the client integration tests: a devnet, a funded account, its connection and tx queue. */
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startTestDevnet, fundedWallet, type FundedWallet } from "../../devnet/src/testing";
import type { Devnet, DevnetOptions } from "../../devnet/src/index";
import { ChainConnection } from "../../provider/src/chain/connection";
import { createTxBackend } from "../../provider/src/chain/cosmjsTxBackend";
import { signerFromMnemonic, type AkashSigner } from "../../provider/src/chain/signer";
import { TxQueue, type TxQueueOptions } from "../../provider/src/chain/txQueue";

export interface ClientAccount {
  funded: FundedWallet;
  signer: AkashSigner;
  conn: ChainConnection;
  queue: TxQueue;
}

/** Fast settings for a 100 ms devnet. */
export const testQueueOptions: TxQueueOptions = { batchWindowMs: 50, pollIntervalMs: 50, inclusionTimeoutMs: 20_000 };

/** Registers mocha hooks that start a devnet with one funded client account, and stop it after the suite. */
export function useClientDevnet(options: DevnetOptions = { providers: false }): { devnet: Devnet; account: ClientAccount } {
  const ctx = {} as { devnet: Devnet; account: ClientAccount };
  before(async () => {
    ctx.devnet = await startTestDevnet(options);
    ctx.account = await clientAccount(ctx.devnet);
  });
  after(async () => {
    ctx.account?.conn.disconnect();
    await ctx.devnet?.stop();
  });
  return ctx;
}

/** A one-service SDL with one global port, priced in uact per block. */
export function oneServiceSdl(s: { image: string; port: number; cpu: number; memory: string; storage: string; placement: string; price: number }): string {
  return [
    'version: "2.0"',
    "services:",
    "  app:",
    `    image: ${s.image}`,
    "    expose:",
    `      - port: ${s.port}`,
    "        to:",
    "          - global: true",
    "profiles:",
    "  compute:",
    "    app:",
    "      resources:",
    `        cpu: { units: ${s.cpu} }`,
    `        memory: { size: ${s.memory} }`,
    `        storage: { size: ${s.storage} }`,
    "  placement:",
    `    ${s.placement}:`,
    "      pricing:",
    `        app: { denom: uact, amount: ${s.price} }`,
    "deployment:",
    "  app:",
    `    ${s.placement}:`,
    "      profile: app",
    "      count: 1",
    "",
  ].join("\n");
}

export async function clientAccount(devnet: Devnet, endpoints: string[] = [devnet.rpcUrl], queueOptions = testQueueOptions): Promise<ClientAccount> {
  const funded = await fundedWallet(devnet);
  const signer = await signerFromMnemonic(funded.mnemonic);
  const conn = await ChainConnection.connect({ endpoints, chainId: devnet.chainId, requestTimeoutMs: 5000 });
  // The faucet credits at the next block: wait until the account exists before the first tx.
  await waitFor(async () => (await funded.client.getAccount(funded.address)) !== null);
  return { funded, signer, conn, queue: new TxQueue(createTxBackend(conn, signer), queueOptions) };
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** An HTTP relay to an RPC endpoint that the test can kill, to simulate an endpoint dying mid-use. */
export async function startRelay(target: string): Promise<{ url: string; kill(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const upstream = request(target + (req.url ?? "/"), { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    kill: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
