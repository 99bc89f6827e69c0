import { expect } from "chai";
import { CertificateManager } from "@akashnetwork/chain-sdk";
import { GatewayError } from "../../gateway/https";
import { generateCertificate } from "../certificate/keypair";
import { explainJwtRefusal } from "./gateway-auth";
import { parseInputs, PlanError } from "./plan";

const OWNER = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";

/** The check failures of a Deployment whose gatewayAuth is `gatewayAuth`, as "property: reason" lines. */
function failures(gatewayAuth: unknown): string[] {
  try {
    parseInputs({ sdl: "x", gatewayAuth });
    return [];
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    return error.failures.map((f) => `${f.property}: ${f.reason}`);
  }
}

describe("deployment gatewayAuth", () => {
  it("accepts an akash.Certificate's certPem and privateKeyPem", async () => {
    const cert = await generateCertificate(OWNER, 30);
    expect(failures({ certPem: cert.certPem, privateKeyPem: cert.privateKeyPem })).to.deep.equal([]);
  });

  it("rejects what is not one PEM certificate and one PEM private key, naming the field", async () => {
    const cert = await generateCertificate(OWNER, 30);
    expect(failures({ certPem: cert.publicKeyPem, privateKeyPem: cert.privateKeyPem })).to.deep.equal([
      "gatewayAuth.certPem: gatewayAuth.certPem must be one PEM certificate (-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----), e.g. an akash.Certificate's certPem",
    ]);
    expect(failures({ certPem: cert.certPem + cert.certPem, privateKeyPem: cert.privateKeyPem })[0]).to.match(/^gatewayAuth\.certPem: .*must be one PEM certificate/);
    expect(failures({ certPem: cert.certPem, privateKeyPem: "secret" })[0]).to.match(/^gatewayAuth\.privateKeyPem: .*must be one PEM private key/);
    expect(failures({ certPem: cert.certPem })[0]).to.match(/^gatewayAuth\.privateKeyPem: /);
    expect(failures({ ...cert })[0]).to.match(/^gatewayAuth: unknown input/);
  });

  it("rejects a key that is not the certificate's, and a certificate whose CN is not an akash address, never quoting the key", async () => {
    const cert = await generateCertificate(OWNER, 30);
    const other = await generateCertificate(OWNER, 30);
    const mismatch = failures({ certPem: cert.certPem, privateKeyPem: other.privateKeyPem });
    expect(mismatch).to.deep.equal([
      "gatewayAuth.privateKeyPem: gatewayAuth.privateKeyPem is not the private key of gatewayAuth.certPem; pass certPem and privateKeyPem of the same akash.Certificate",
    ]);
    const body = (pem: string) => pem.split("\n").filter((l) => l && !l.startsWith("-----"));
    for (const line of body(other.privateKeyPem)) expect(mismatch.join("\n")).to.not.contain(line);
    const stranger = await new CertificateManager().generatePEM("not-an-address");
    expect(failures({ certPem: stranger.cert, privateKeyPem: stranger.privateKey })).to.deep.equal([
      "gatewayAuth.certPem: gatewayAuth.certPem's subject CN is not an akash1... address; providers accept only certificates whose CN is the owner (akash.Certificate makes them so)",
    ]);
  });

  it("turns a provider's 401 to the JWT into the advice to use akash.Certificate; other errors pass unchanged", () => {
    const refusal = explainJwtRefusal(new GatewayError("https://p:8443/deployment/1/manifest", 401, '{"message":"unauthorized access"}')) as Error;
    expect(refusal.message).to.match(/^the provider refused the wallet's JWT \(provider gateway https:\/\/p:8443\/deployment\/1\/manifest answered 401: .*\): it accepts only mTLS/);
    expect(refusal.message).to.contain("create an akash.Certificate with this wallet and pass gatewayAuth");
    const unavailable = new GatewayError("https://p:8443/x", 503, "down");
    expect(explainJwtRefusal(unavailable)).to.equal(unavailable);
  });
});
