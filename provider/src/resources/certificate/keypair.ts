// A new mTLS client certificate for an Akash account, made by chain-sdk's CertificateManager (the same
// generator Console uses): a P-256 key, a self-signed certificate whose CN is the owner's address.
import { CertificateManager } from "@akashnetwork/chain-sdk";

export interface GeneratedCertificate {
  /** Decimal serial, as the chain keys certificates. */
  serial: string;
  certPem: string;
  publicKeyPem: string;
  privateKeyPem: string;
  expiresAt: string;
}

/** The chain's decimal serial for a certificate serial in hex. */
export function serialFromHex(hex: string): string {
  if (!/^[0-9a-fA-F]+$/.test(hex)) throw new Error(`certificate serial "${hex}" is not hexadecimal`);
  return BigInt(`0x${hex}`).toString(10);
}

export async function generateCertificate(owner: string, validDays: number, now = new Date()): Promise<GeneratedCertificate> {
  const manager = new CertificateManager();
  const validTo = new Date(now.getTime() + validDays * 24 * 3600 * 1000);
  const pem = await manager.generatePEM(owner, { validFrom: now, validTo });
  const info = await manager.parsePem(pem.cert);
  return {
    serial: serialFromHex(info.hSerial),
    certPem: pem.cert,
    publicKeyPem: pem.publicKey,
    privateKeyPem: pem.privateKey,
    expiresAt: info.expiresOn.toISOString(),
  };
}
