// How our dynamic providers must be written so `__provider` stays small and secret-free, checked against the
// real plugin: hooks `require` their implementation at call time through a captured path string, and the
// credentials come from configure (stack config or env), never from the closure.
import { expect } from "chai";
import type * as pulumi from "@pulumi/pulumi";
import { Bip39, Random } from "@cosmjs/crypto";
import {
  dynamicInputs,
  leakedSecrets,
  makeUrn,
  plain,
  PROBE_CONFIG_MODULE,
  probeProvider,
  secret,
  serializeProvider,
  startProviderServer,
  up,
  type ProviderServer,
} from "../../../test/harness";
import { resolveAkashConfig } from "./config";

describe("resources: dynamic provider serialization rules", function () {
  this.timeout(60_000);
  const mnemonic = Bip39.encode(Random.getBytes(32)).toString();
  const envMnemonic = Bip39.encode(Random.getBytes(16)).toString();
  let server: ProviderServer;

  before(async () => {
    server = await startProviderServer({ env: { ...process.env, AKASH_MNEMONIC: envMnemonic, AKASH_NETWORK: "sandbox" } });
  });
  after(async () => server?.stop());

  it("serializes a require-at-call-time provider small, without secrets or module code", async () => {
    const serialized = await serializeProvider(probeProvider);
    expect(serialized.containsSecrets).to.equal(false);
    expect(serialized.text.length).to.be.lessThan(4000);
    expect(serialized.text).to.include(JSON.stringify(PROBE_CONFIG_MODULE.path));
    expect(serialized.text).to.not.include("zod");
  });

  it("gets the mnemonic from stack config in the plugin, never into __provider, outputs or logs", async () => {
    const serialized = await serializeProvider(probeProvider);
    await server.configure({ "akash:network": "devnet", "akash:mnemonic": secret(mnemonic) });
    const { state } = await up(server, makeUrn("pulumi-nodejs:dynamic/akash:Probe", "p"), dynamicInputs(serialized, { label: "p" }));
    expect(state.id).to.equal("probe-p");
    expect(plain(state.outputs)).to.include({ chainId: "akash-devnet-1", rpc: "http://127.0.0.1:26657", words: 24 });
    const everything = [serialized.text, JSON.stringify(plain(state.outputs))].join("\n");
    expect(leakedSecrets(everything, [mnemonic, envMnemonic])).to.deep.equal([]);
    expect(await server.leakedInLogs([mnemonic, envMnemonic])).to.deep.equal([]);
  });

  it("falls back to AKASH_* env in the plugin when the stack config does not set a key", async () => {
    const fresh = await startProviderServer({ env: { ...process.env, AKASH_MNEMONIC: envMnemonic, AKASH_NETWORK: "sandbox" } });
    try {
      await fresh.configure({ "other:key": "x" });
      const serialized = await serializeProvider(probeProvider);
      const { state } = await up(fresh, makeUrn("pulumi-nodejs:dynamic/akash:Probe", "e"), dynamicInputs(serialized, { label: "e" }));
      expect(plain(state.outputs)).to.include({ chainId: "sandbox-2", words: 12 });
      expect(await fresh.leakedInLogs([envMnemonic])).to.deep.equal([]);
    } finally {
      await fresh.stop();
    }
  });

  it("shows why: a hook using an imported local binding drags its module in, and zod cannot even serialize", async () => {
    const capturing: pulumi.dynamic.ResourceProvider = {
      async create(inputs) {
        return { id: resolveAkashConfig(undefined, {}).chainId, outs: inputs };
      },
    };
    const error = await serializeProvider(capturing).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).to.include("zod");
  });

  it("shows why: a mnemonic captured in a closure ends up in __provider", async () => {
    const captured = mnemonic;
    const leaky: pulumi.dynamic.ResourceProvider = {
      async create(inputs) {
        return { id: captured.slice(0, 0) + "x", outs: inputs };
      },
    };
    expect(leakedSecrets((await serializeProvider(leaky)).text, [mnemonic])).to.deep.equal([mnemonic]);
  });
});
