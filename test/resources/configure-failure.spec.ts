// A configure that fails must fail every later call of that plugin process. The plugin host caches a provider
// before awaiting its configure and never calls configure again, so a provider that forgot the failure would
// serve the next resource with env-only settings: mainnet's chain id and RPC and the AKASH_MNEMONIC of the
// shell, i.e. real mainnet transactions from a stack configured for the devnet.
import { expect } from "chai";
import { Bip39, Random } from "@cosmjs/crypto";
import { Deployment, Escrow } from "../../sdk";
import { tenantSdl } from "../../provider/src/sdl/testing";
import { makeUrn, ProviderError, registerWithMocks, startProviderServer, up, type ProviderServer, type PropertyMap } from "../harness";
import { registeredInputs } from "./support";

const GAS_PRICE_ERROR = /Pulumi config akash:gasPrice \(or env AKASH_GAS_PRICE\): "cheap" is not a gas price in uakt/;

async function failure(call: Promise<unknown>): Promise<ProviderError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "the call should have failed").to.be.instanceOf(ProviderError);
  return error as ProviderError;
}

describe("a failed configure through the plugin server", function () {
  this.timeout(60_000);
  const envMnemonic = Bip39.encode(Random.getBytes(16)).toString();
  let server: ProviderServer;

  before(async () => {
    server = await startProviderServer({ env: { ...process.env, AKASH_MNEMONIC: envMnemonic, AKASH_NETWORK: "", AKASH_RPC_ENDPOINT: "", AKASH_CHAIN_ID: "", AKASH_GAS_PRICE: "" } });
    await server.configure({ "akash:network": "devnet", "akash:gasPrice": "cheap" });
  });
  after(async () => server?.stop());

  async function registered(make: () => Deployment | Escrow, name: string): Promise<{ urn: string; inputs: PropertyMap }> {
    const { registrations } = await registerWithMocks(make);
    return { urn: makeUrn(registrations[0].type, name), inputs: registeredInputs(registrations[0]) };
  }

  it("fails every later hook of the provider with configure's error, never falling back to env or mainnet", async () => {
    const sdl = tenantSdl({});
    const first = await registered(() => new Deployment("first", { sdl }), "first");
    const second = await registered(() => new Deployment("second", { sdl }), "second");
    // The first call is the one that runs configure.
    expect((await failure(up(server, first.urn, first.inputs))).message).to.match(GAS_PRICE_ERROR);
    // The provider is now cached: check, create, read and delete of another resource all get the same error.
    expect((await failure(up(server, second.urn, second.inputs))).message).to.match(GAS_PRICE_ERROR);
    expect((await failure(server.create(second.urn, second.inputs))).message).to.match(GAS_PRICE_ERROR);
    const state = { outputs: { ...second.inputs, owner: "akash1owner", dseq: "123" }, inputs: second.inputs };
    expect((await failure(server.read("123", second.urn, state))).message).to.match(GAS_PRICE_ERROR);
    expect((await failure(server.delete("123", second.urn, state))).message).to.match(GAS_PRICE_ERROR);
    expect(await server.leakedInLogs([envMnemonic])).to.deep.equal([]);
  });

  it("fails even hooks that read no config (Escrow's check) for a provider whose configure failed", async () => {
    const escrow = await registered(() => new Escrow("runway", { dseq: "123" }), "runway");
    expect((await failure(up(server, escrow.urn, escrow.inputs))).message).to.match(GAS_PRICE_ERROR);
    expect((await failure(server.check(escrow.urn, {}, escrow.inputs))).message).to.match(GAS_PRICE_ERROR);
  });
});
