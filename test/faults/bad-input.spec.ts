// Fault matrix, scenario 9: bad input gives a clear error before any transaction (the wallet's sequence stays 0
// and it owns no deployment): malformed YAML, every must-reject SDL fixture, a bad bid policy, a missing or
// invalid mnemonic, a wrong chain id, an unreachable RPC endpoint, a deposit above the balance.
import { expect } from "chai";
import { fundedWallet } from "../../devnet/src/testing";
import { CheckFailedError, secret, startProviderServer } from "../harness";
import { fixture, fixtureFiles } from "../sdl/fixtures";
import { FAST, FAST_POLICY, Scenario, useFaultDevnet, webSdl } from "./support";

describe("fault matrix: bad input fails before any tx (plugin + devnet)", function () {
  this.timeout(120_000);
  const suite = useFaultDevnet({ providers: false });
  let scenario: Scenario;

  /** Nothing was sent: the account has never signed, and owns no deployment. */
  async function expectNoTx(s: Scenario): Promise<void> {
    const account = await s.wallet.client.getAccount(s.wallet.address);
    expect(account?.sequence ?? 0).to.equal(0);
    expect(await s.listDeployments()).to.deep.equal([]);
    await s.finish([]);
  }

  it("9. malformed YAML, every must-reject SDL fixture and a bad bid policy fail in check, naming the input", async () => {
    scenario = await suite.start();
    const failures = async (args: Parameters<Scenario["up"]>[1]) => {
      const { error } = await scenario.up("web", args);
      expect(error).to.be.instanceOf(CheckFailedError);
      return error!.message;
    };
    expect(await failures({ sdl: "version: '2.0'\nservices: [web\n", sdlPath: "deploy.yaml" })).to.match(/^sdl: deploy\.yaml/m);
    const invalid = fixtureFiles("chain-sdk-invalid", "invalid").filter((f) => f.endsWith(".yaml"));
    expect(invalid.length).to.be.greaterThan(15);
    for (const name of invalid) {
      const message = await failures({ sdl: fixture("chain-sdk-invalid", "invalid", name), sdlPath: name });
      expect(message, name).to.contain(`sdl: ${name}`);
      // rejected by the SDL compiler itself, not only for its uakt pricing (checked after a successful compile)
      expect(message, name).to.not.match(/only accepts uact for new deployments/);
    }
    const policy = await failures({ sdl: webSdl(), bidPolicy: { minBids: 0, strategy: "fastest" } as never });
    expect(policy).to.match(/bidPolicy: invalid bidPolicy:\n\s+bidPolicy\.minBids: /);
    expect(policy).to.match(/bidPolicy\.strategy/);
    const timeouts = await failures({ sdl: webSdl(), bidTimeout: -1, deposit: 0.1 });
    expect(timeouts).to.match(/bidTimeout: bidTimeout must be more than 0 seconds/);
    expect(timeouts).to.match(/deposit: deposit must be at least 0.5 ACT/);
    await expectNoTx(scenario);
  });

  it("9. a deposit above the balance says how much ACT is missing and how to mint it", async () => {
    scenario = await suite.start({ uact: "1250000" });
    const { error } = await scenario.up("web", { sdl: webSdl(), ...FAST, deposit: 5, bidPolicy: FAST_POLICY });
    expect(error?.message).to.match(/holds 1\.25 ACT but the deposit is 5 ACT: 3\.75 ACT missing/);
    expect(error?.message).to.match(/Mint ACT by burning AKT \(akash\.Wallet with minAct, or MsgMintACT/);
    await expectNoTx(scenario);
  });

  for (const [what, config, expected] of [
    ["a wrong chain id", () => ({ "akash:chainId": "akashnet-2" }), /akash:chainId: expected chain id "akashnet-2" but http:\/\/127\.0\.0\.1:\d+ serves "[^"]+"; fix akash:chainId or akash:rpcEndpoint/],
    ["an unreachable RPC endpoint", () => ({ "akash:rpcEndpoint": "http://127.0.0.1:9" }), /akash:rpcEndpoint: no RPC endpoint answered: http:\/\/127\.0\.0\.1:9/],
  ] as const) {
    it(`9. ${what}: a clear error naming the config key, before any tx`, async () => {
      scenario = await suite.start({ config: config() });
      const { error } = await scenario.up("web", { sdl: webSdl(), ...FAST, bidPolicy: FAST_POLICY });
      expect(error?.message).to.match(expected);
      await expectNoTx(scenario);
    });
  }

  it("9. a missing mnemonic, an invalid one, and a valid one of an empty account: clear errors, value never shown", async () => {
    scenario = await suite.start();
    const own = scenario.server;
    const args = { sdl: webSdl(), ...FAST, bidPolicy: FAST_POLICY };
    const scanLogsOf = async (server: typeof own) => {
      await server.flushLogs();
      scenario.errors.push(server.logText());
    };
    // No mnemonic: preview-like operations work, create says which key to set.
    const noKey = await startProviderServer({ env: { ...process.env, AKASH_MNEMONIC: "" } });
    try {
      await noKey.configure({ "akash:network": "devnet", "akash:rpcEndpoint": suite.devnet.rpcUrl, "akash:chainId": suite.devnet.chainId });
      scenario.server = noKey;
      const { error } = await scenario.up("web", args);
      expect(error?.message).to.match(/Pulumi config akash:mnemonic \(or env AKASH_MNEMONIC\): no mnemonic is configured.*pulumi config set --secret akash:mnemonic/);
      await scanLogsOf(noKey);
    } finally {
      await noKey.stop();
    }
    // A mnemonic with a bad checksum (the funded wallet's words, last two swapped): configure refuses it.
    const words = scenario.wallet.mnemonic.split(" ");
    const badChecksum = [...words.slice(0, -2), words[words.length - 1], words[words.length - 2]].join(" ");
    const badKey = await startProviderServer({ env: { ...process.env, AKASH_MNEMONIC: "" } });
    try {
      // The plugin applies the config at the first resource call: that call fails.
      await badKey.configure({ "akash:network": "devnet", "akash:rpcEndpoint": suite.devnet.rpcUrl, "akash:chainId": suite.devnet.chainId, "akash:mnemonic": secret(badChecksum) });
      scenario.server = badKey;
      const { error } = await scenario.up("web", args);
      expect(error?.message).to.match(/akash:mnemonic.*not a valid BIP39 English mnemonic: unknown word or bad checksum \(value not shown\)/);
      await scanLogsOf(badKey);
    } finally {
      await badKey.stop();
    }
    // A valid mnemonic of another, empty account ("wrong mnemonic"): no ACT, so create stops before any tx.
    const stranger = await fundedWallet(suite.devnet, [{ denom: "uakt", amount: "1" }]);
    const wrong = await startProviderServer({ env: { ...process.env, AKASH_MNEMONIC: "" } });
    try {
      await wrong.configure({ "akash:network": "devnet", "akash:rpcEndpoint": suite.devnet.rpcUrl, "akash:chainId": suite.devnet.chainId, "akash:mnemonic": secret(stranger.mnemonic) });
      scenario.server = wrong;
      const { error } = await scenario.up("web", args);
      expect(error?.message).to.match(new RegExp(`wallet ${stranger.address} holds 0 ACT but the deposit is 5 ACT: 5 ACT missing`));
      await scanLogsOf(wrong);
    } finally {
      await wrong.stop();
      stranger.client.disconnect();
    }
    scenario.server = own;
    expect(await scenario.leakedSecrets([stranger.mnemonic, badChecksum])).to.deep.equal([]);
    await expectNoTx(scenario);
  });
});
