// Shared setup for the resource tests: a devnet, a funded wallet, and the real dynamic-provider plugin
// configured for that wallet the way `pulumi up` would configure it.
import { startTestDevnet, fundedWallet, type FundedWallet } from "../../devnet/src/testing";
import type { Devnet, DevnetOptions } from "../../devnet/src/index";
import type { Coin } from "../../devnet/src/chain/types";
import { ChainConnection } from "../../provider/src/chain/connection";
import { plain, secret, startProviderServer, type PropertyMap, type ProviderServer, type Registration } from "../harness";
import { waitFor } from "../client/helpers";

export interface ResourceTestContext {
  devnet: Devnet;
  wallet: FundedWallet;
  conn: ChainConnection;
  server: ProviderServer;
}

/** Mocha hooks: a devnet, a funded wallet, a read connection and a configured plugin, torn down after the suite. */
export function useResourceDevnet(options: DevnetOptions = { providers: false }, coins?: Coin[]): ResourceTestContext {
  const ctx = {} as ResourceTestContext;
  before(async function () {
    this.timeout(120_000);
    ctx.devnet = await startTestDevnet(options);
    ctx.wallet = await fundedWallet(ctx.devnet, coins);
    await waitFor(async () => (await ctx.wallet.client.getAccount(ctx.wallet.address)) !== null);
    ctx.conn = await ChainConnection.connect({ endpoints: [ctx.devnet.rpcUrl], chainId: ctx.devnet.chainId });
    // Not the test runner's AKASH_* settings: only the stack config below.
    ctx.server = await startProviderServer({ env: { ...process.env, AKASH_MNEMONIC: "", AKASH_RPC_ENDPOINT: "", AKASH_NETWORK: "" } });
    await ctx.server.configure({
      "akash:network": "devnet",
      "akash:rpcEndpoint": ctx.devnet.rpcUrl,
      "akash:chainId": ctx.devnet.chainId,
      "akash:mnemonic": secret(ctx.wallet.mnemonic),
    });
  });
  after(async () => {
    await ctx.server?.stop();
    ctx.conn?.disconnect();
    ctx.wallet?.client.disconnect();
    await ctx.devnet?.stop();
  });
  return ctx;
}

/** The inputs an SDK class registered (its outputs, registered as undefined, left out). */
export function registeredInputs(registration: Registration): PropertyMap {
  return Object.fromEntries(Object.entries(registration.inputs).filter(([, v]) => v !== undefined)) as PropertyMap;
}

/** A plain output value. */
export function out<T>(outputs: PropertyMap, key: string): T {
  return plain(outputs[key]) as T;
}
