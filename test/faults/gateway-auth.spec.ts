// A provider that accepts only mTLS (its gateway never reads a JWT): a Deployment reaches it with an
// akash.Certificate's outputs as gatewayAuth, fails with a clear error without them, and refuses a certificate the
// chain would not back before sending any transaction. Through the plugin server, each ending with the leak audit
// and the secret scan (the certificate's private key included).
import { expect } from "chai";
import { defaultProviderConfigs, deterministicMnemonic } from "../../devnet/src/providers";
import { generateCertificate } from "../../provider/src/resources/certificate/keypair";
import { Certificate, type GatewayAuthArgs } from "../../sdk";
import { destroy, isSecret, makeUrn, registerWithMocks, up, type ResourceState } from "../harness";
import { out, registeredInputs } from "../resources/support";
import { FAST, FAST_POLICY, providerNamed, Scenario, useFaultDevnet, webSdl } from "./support";

const MTLS_ONLY = "sim-mtls-only";

describe("gateway auth: an mTLS-only provider (plugin + devnet)", function () {
  this.timeout(120_000);
  const suite = useFaultDevnet({
    providers: [{ ...defaultProviderConfigs()[2], name: MTLS_ONLY, mnemonic: deterministicMnemonic(`provider ${MTLS_ONLY}`), mtlsOnly: true }],
  });
  let scenario: Scenario;

  /** An akash.Certificate through the plugin; its state joins the scenario's secret scan. */
  async function certificate(name: string): Promise<{ state: ResourceState; auth: GatewayAuthArgs & { privateKeyPem: string } }> {
    const { registrations } = await registerWithMocks(() => new Certificate(name, {}));
    const { state } = await up(scenario.server, makeUrn(registrations[0].type, name), registeredInputs(registrations[0]));
    scenario.seenStates.push(state);
    return { state, auth: { certPem: out<string>(state.outputs, "certPem"), privateKeyPem: out<string>(state.outputs, "privateKeyPem") } };
  }

  const upWithAuth = (name: string, gatewayAuth: GatewayAuthArgs) => scenario.up(name, { sdl: webSdl(), ...FAST, bidPolicy: FAST_POLICY, gatewayAuth });

  it("with an akash.Certificate as gatewayAuth, manifest and lease status go over mTLS and the deployment is ready", async () => {
    scenario = await suite.start();
    const cert = await certificate("mtls");
    const { state, error } = await upWithAuth("web", cert.auth);
    expect(error, error?.message).to.equal(undefined);
    const outputs = scenario.outputs(state!) as { leases: Array<{ provider: string }>; uris: Record<string, string[]> };
    expect(outputs.leases.map((l) => l.provider)).to.deep.equal([providerNamed(suite.devnet, MTLS_ONLY).address]);
    expect(scenario.server.logText()).to.contain("group 1 ready on");
    const res = await fetch(`http://${outputs.uris.web[0]}/`);
    expect(res.status).to.equal(200);
    // The SDK registers it secret and lists it in additionalSecretOutputs: secret in the stored inputs and outputs.
    expect(isSecret(state!.inputs.gatewayAuth) && isSecret(state!.outputs.gatewayAuth), "gatewayAuth is secret in inputs and outputs").to.equal(true);
    await destroy(scenario.server, state!);
    await destroy(scenario.server, cert.state);
    await scenario.finish([], [cert.auth.privateKeyPem]);
  });

  it("without gatewayAuth, the provider's refusal of the JWT becomes an error that says to use akash.Certificate", async () => {
    scenario = await suite.start();
    const { error } = await scenario.up("web", { sdl: webSdl(), ...FAST, bidPolicy: FAST_POLICY });
    const provider = providerNamed(suite.devnet, MTLS_ONLY).address;
    expect(error?.message).to.contain(`group 1: provider ${provider} failed before readiness (the provider refused the wallet's JWT (`);
    expect(error?.message).to.match(/answered 401: \{"message":"unauthorized access"\}\): it accepts only mTLS client certificates/);
    expect(error?.message).to.contain("create an akash.Certificate with this wallet and pass gatewayAuth: { certPem: cert.certPem, privateKeyPem: cert.privateKeyPem }");
    expect(error?.message).to.match(/was closed and its deposit refunded/);
    const audit = await scenario.finish([]);
    expect(audit.active).to.deep.equal([]);
  });

  it("refuses, before any transaction, a revoked certificate and one of another wallet", async () => {
    scenario = await suite.start();
    const cert = await certificate("revoked");
    await destroy(scenario.server, cert.state);
    const revoked = await upWithAuth("web", cert.auth);
    expect(revoked.error?.message).to.match(/gatewayAuth: certificate \d+ of akash1\w+ is revoked on chain .*create an akash\.Certificate with this wallet.*Nothing was sent\./);

    const otherWallet = providerNamed(suite.devnet, MTLS_ONLY).address;
    const foreign = await generateCertificate(otherWallet, 30);
    const theirs = await upWithAuth("web", { certPem: foreign.certPem, privateKeyPem: foreign.privateKeyPem });
    expect(theirs.error?.message).to.contain(`belongs to ${otherWallet}, but akash:mnemonic is the key of ${scenario.wallet.address}`);
    expect(await scenario.listDeployments(), "no deployment was created").to.deep.equal([]);
    await scenario.finish([], [cert.auth.privateKeyPem, foreign.privateKeyPem]);
  });
});
