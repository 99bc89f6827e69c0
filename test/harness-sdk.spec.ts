// The SDK side of the pattern: a typed pulumi.dynamic.Resource subclass (token pulumi-nodejs:dynamic/akash:<Type>)
// whose declared outputs are unknown in preview, and whose registered `__provider` runs in the real plugin.
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { Bip39, Random } from "@cosmjs/crypto";
import { AKASH_MODULE, akashTypeToken } from "../sdk";
import {
  leakedSecrets,
  makeUrn,
  plain,
  probeProvider,
  registerWithMocks,
  resolveOutput,
  secret,
  startProviderServer,
  up,
  type PropertyMap,
} from "./harness";
interface ProbeArgs {
  label: pulumi.Input<string>;
}

class Probe extends pulumi.dynamic.Resource {
  // `declare`: a plain field would be re-initialized to undefined after super() (ES2022 class fields).
  declare readonly label: pulumi.Output<string>;
  declare readonly chainId: pulumi.Output<string>;
  declare readonly token: pulumi.Output<string>;

  constructor(name: string, args: ProbeArgs, opts: pulumi.CustomResourceOptions = {}) {
    // Outputs are listed as undefined so the SDK creates them, unknown until the engine resolves them.
    super(probeProvider, name, { ...args, chainId: undefined, token: undefined }, {
      ...opts,
      additionalSecretOutputs: ["token", ...(opts.additionalSecretOutputs ?? [])],
    }, AKASH_MODULE, "Probe");
  }
}

describe("harness: typed SDK resource over mocks and the real plugin", function () {
  this.timeout(60_000);

  it("registers pulumi-nodejs:dynamic/akash:Probe with its inputs and a __provider string", async () => {
    const { registrations } = await registerWithMocks(() => new Probe("p", { label: "x" }));
    expect(registrations.map((r) => r.type)).to.deep.equal([akashTypeToken("Probe")]);
    expect(registrations[0].type).to.equal("pulumi-nodejs:dynamic/akash:Probe");
    expect(registrations[0].inputs.label).to.equal("x");
    expect(registrations[0].inputs.__provider).to.be.a("string").and.include("configureProvider");
  });

  it("shows declared outputs as unknown in preview and resolves them after create", async () => {
    const preview = await registerWithMocks(() => new Probe("p", { label: "x" }), { preview: true });
    expect(await resolveOutput(preview.resource.label)).to.include({ known: true, value: "x" });
    expect(await resolveOutput(preview.resource.chainId)).to.include({ known: false });

    const real = await registerWithMocks(() => new Probe("p", { label: "x" }), {
      outputs: (inputs) => ({ ...inputs, chainId: "akash-devnet-1", token: "t-x" }),
    });
    expect(await resolveOutput(real.resource.chainId)).to.include({ known: true, value: "akash-devnet-1" });
  });

  it("runs the registered __provider in the plugin with the stack's akash config", async () => {
    const mnemonic = Bip39.encode(Random.getBytes(32)).toString();
    const { registrations } = await registerWithMocks(() => new Probe("p", { label: "y" }));
    const server = await startProviderServer();
    try {
      await server.configure({ "akash:network": "devnet", "akash:mnemonic": secret(mnemonic) });
      const { state } = await up(server, makeUrn(registrations[0].type, "p"), registrations[0].inputs as PropertyMap, undefined, {
        additionalSecretOutputs: ["token"],
      });
      expect(state.id).to.equal("probe-y");
      expect(plain(state.outputs)).to.include({ chainId: "akash-devnet-1", token: "t-y" });
      expect(leakedSecrets(String(registrations[0].inputs.__provider), [mnemonic])).to.deep.equal([]);
      expect(await server.leakedInLogs([mnemonic])).to.deep.equal([]);
    } finally {
      await server.stop();
    }
  });
});
