/**
 * mTLS client authentication as the provider does it (chain-sdk go/util/tls ValidatePeerCertificates):
 * exactly one self-signed client certificate whose subject CN is the owner's address, registered on chain
 * under (owner, serial) and still valid, within its validity period, for client authentication.
 */
import { X509Certificate } from "node:crypto";
import { fromBech32 } from "@cosmjs/encoding";

export type CertificateLookup = (owner: string, serial: string) => Promise<{ cert: Uint8Array; valid: boolean } | undefined>;

const CLIENT_AUTH_OID = "1.3.6.1.5.5.7.3.2";

function commonName(dn: string): string | undefined {
  return dn
    .split("\n")
    .map((line) => /^CN=(.*)$/.exec(line)?.[1])
    .find((cn) => cn !== undefined);
}

function pemBody(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, ""), "base64");
}

/** The owner address authenticated by the client certificate, or an error describing why it is refused. */
export async function verifyClientCertificate(raw: Buffer, lookup: CertificateLookup, now: Date = new Date()): Promise<string> {
  const cert = new X509Certificate(raw);
  const owner = commonName(cert.subject);
  if (!owner) throw new Error("tls: invalid certificate's subject common name");
  try {
    if (fromBech32(owner).prefix !== "akash") throw new Error();
  } catch {
    throw new Error("tls: invalid certificate's subject common name");
  }
  if (commonName(cert.issuer) !== owner) throw new Error("tls: self-signed certificate is not allowed to issue by another party");
  const serial = BigInt("0x" + cert.serialNumber).toString(10);
  const onChain = await lookup(owner, serial);
  if (!onChain || !onChain.valid) throw new Error("tls: unable to find certificate on chain or certificate is revoked");
  if (!pemBody(Buffer.from(onChain.cert).toString("utf8")).equals(raw)) throw new Error("tls: client certificate does not match the on-chain certificate");
  if (now < new Date(cert.validFrom) || now > new Date(cert.validTo)) throw new Error("tls: certificate has expired or is not yet valid");
  const usages = cert.keyUsage;
  if (usages && !usages.includes(CLIENT_AUTH_OID)) throw new Error("tls: certificate is not valid for client authentication");
  return owner;
}
