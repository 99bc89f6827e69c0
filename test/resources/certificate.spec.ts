// akash.Certificate through the real plugin against the devnet: published valid, private key only as a secret,
// revoked on destroy (and a second revoke is no error), gone after refresh once revoked.
import { expect } from "chai";
import { Certificate } from "../../sdk";
import { queryCertificateState } from "../../provider/src/resources/certificate/chain";
import { CheckFailedError, ProviderError, destroy, startProviderServer, isSecret, makeUrn, refresh, registerWithMocks, resolveOutput, up } from "../harness";
import { out, registeredInputs, useResourceDevnet } from "./support";

describe("akash.Certificate (plugin + devnet)", function () {
  this.timeout(120_000);
  const ctx = useResourceDevnet();

  it("creates a valid on-chain certificate with a secret private key, and revokes it on destroy", async () => {
    const { registrations } = await registerWithMocks(() => new Certificate("mtls", { validDays: 30 }));
    const [registration] = registrations;
    expect(registration.type).to.equal("pulumi-nodejs:dynamic/akash:Certificate");
    const urn = makeUrn(registration.type, "mtls");

    const { state } = await up(ctx.server, urn, registeredInputs(registration));
    const serial = out<string>(state.outputs, "serial");
    const privateKeyPem = out<string>(state.outputs, "privateKeyPem");
    expect(out<string>(state.outputs, "owner")).to.equal(ctx.wallet.address);
    expect(state.id).to.equal(`${ctx.wallet.address}/${serial}`);
    expect(isSecret(state.outputs.privateKeyPem)).to.equal(true);
    expect(isSecret(state.outputs.certPem)).to.equal(false);
    expect(privateKeyPem).to.match(/PRIVATE KEY-----/);
    expect(new Date(out<string>(state.outputs, "expiresAt")).getTime() - Date.now()).to.be.closeTo(30 * 24 * 3600 * 1000, 120_000);
    expect(await queryCertificateState(ctx.conn, ctx.wallet.address, serial)).to.equal("valid");

    // Unchanged inputs: no diff, and refresh keeps it with the key still secret.
    expect((await up(ctx.server, urn, registeredInputs(registration), state)).op).to.equal("same");
    const refreshed = await refresh(ctx.server, state);
    expect(refreshed?.id).to.equal(state.id);
    expect(isSecret(refreshed!.outputs.privateKeyPem)).to.equal(true);

    await destroy(ctx.server, state);
    expect(await queryCertificateState(ctx.conn, ctx.wallet.address, serial)).to.equal("revoked");
    expect(await refresh(ctx.server, state)).to.equal(undefined);
    await destroy(ctx.server, state); // already revoked: success

    expect(await ctx.server.leakedInLogs([ctx.wallet.mnemonic, privateKeyPem])).to.deep.equal([]);
  });

  it("replaces the certificate when validDays changes", async () => {
    const { registrations } = await registerWithMocks(() => new Certificate("rotating", { validDays: 10 }));
    const urn = makeUrn(registrations[0].type, "rotating");
    const first = await up(ctx.server, urn, registeredInputs(registrations[0]));
    const next = await up(ctx.server, urn, { ...registeredInputs(registrations[0]), validDays: 20 }, first.state);
    expect(next.op).to.equal("replace");
    expect(await queryCertificateState(ctx.conn, ctx.wallet.address, out(first.state.outputs, "serial"))).to.equal("revoked");
    expect(await queryCertificateState(ctx.conn, ctx.wallet.address, out(next.state.outputs, "serial"))).to.equal("valid");
    await destroy(ctx.server, next.state);
  });

  it("SDK: outputs unknown in preview, known once created", async () => {
    const preview = await registerWithMocks(() => new Certificate("sdk", {}), { preview: true });
    expect(await resolveOutput(preview.resource.serial)).to.include({ known: false });
    const real = await registerWithMocks(() => new Certificate("sdk", {}), { outputs: (inputs) => ({ ...inputs, serial: "1", privateKeyPem: "k" }) });
    // (additionalSecretOutputs is applied by the engine, not by the mocks: the plugin test above covers the secret)
    expect(await resolveOutput(real.resource.privateKeyPem)).to.include({ known: true, value: "k" });
    expect(await resolveOutput(real.resource.serial)).to.include({ known: true, value: "1" });
  });

  it("checks without a mnemonic, and fails to create naming akash:mnemonic", async () => {
    const server = await startProviderServer({ env: { ...process.env, AKASH_MNEMONIC: "" } });
    try {
      await server.configure({ "akash:network": "devnet", "akash:rpcEndpoint": ctx.devnet.rpcUrl, "akash:chainId": ctx.devnet.chainId });
      const { registrations } = await registerWithMocks(() => new Certificate("anon", {}));
      const failed = await up(server, makeUrn(registrations[0].type, "anon"), registeredInputs(registrations[0])).catch((e: unknown) => e);
      expect(failed).to.be.instanceOf(ProviderError);
      expect((failed as ProviderError).method).to.equal("create");
      expect((failed as Error).message).to.include("akash:mnemonic").and.include("pulumi config set --secret");
    } finally {
      await server.stop();
    }
  });

  it("rejects bad inputs in check, naming the input", async () => {
    const { registrations } = await registerWithMocks(() => new Certificate("bad", { validDays: 0 }));
    const failed = await up(ctx.server, makeUrn(registrations[0].type, "bad"), registeredInputs(registrations[0])).catch((e: unknown) => e);
    expect(failed).to.be.instanceOf(CheckFailedError);
    expect((failed as CheckFailedError).failures).to.deep.equal([{ property: "validDays", reason: "validDays must be at least 1 day" }]);
  });
});
