import { expect } from "chai";
import { X509Certificate } from "node:crypto";
import { CertificateManager } from "@akashnetwork/chain-sdk";
import { toUtf8 } from "@cosmjs/encoding";
import { verifyClientCertificate, type CertificateLookup } from "./mtls";

const OWNER = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";

describe("providers/mtls", () => {
  let pem: { cert: string; privateKey: string };
  let raw: Buffer;
  let serial: string;

  before(async () => {
    pem = await new CertificateManager().generatePEM(OWNER);
    const x509 = new X509Certificate(pem.cert);
    raw = x509.raw;
    serial = BigInt("0x" + x509.serialNumber).toString();
  });

  const onChain = (valid: boolean, cert = pem.cert): CertificateLookup => async (owner, s) => (owner === OWNER && s === serial ? { cert: toUtf8(cert), valid } : undefined);

  it("authenticates the owner of a valid on-chain certificate, looked up by decimal serial", async () => {
    expect(await verifyClientCertificate(raw, onChain(true))).to.equal(OWNER);
  });

  it("refuses revoked, unknown or substituted certificates and expired ones", async () => {
    let error = await verifyClientCertificate(raw, onChain(false)).catch((e: Error) => e);
    expect((error as Error).message).to.match(/not find certificate on chain|revoked/);
    error = await verifyClientCertificate(raw, async () => undefined).catch((e: Error) => e);
    expect(error).to.be.instanceOf(Error);
    const other = await new CertificateManager().generatePEM(OWNER);
    error = await verifyClientCertificate(raw, onChain(true, other.cert)).catch((e: Error) => e);
    expect((error as Error).message).to.match(/does not match the on-chain certificate/);
    error = await verifyClientCertificate(raw, onChain(true), new Date(Date.now() + 2 * 365 * 24 * 3600_000)).catch((e: Error) => e);
    expect((error as Error).message).to.match(/expired/);
  });
});
