// How a Deployment authenticates to provider gateways: the wallet's JWT by default, or mTLS with the wallet's
// on-chain client certificate (gatewayAuth: an akash.Certificate's certPem and privateKeyPem) for providers that
// accept only mTLS. Check judges what needs no chain (readable PEM, the key belongs to the certificate, an akash
// owner); create and update ask the chain before any transaction (the wallet's own, unexpired, valid, not
// revoked), because a provider refuses anything else only in the TLS handshake, with no reason given.
import { createPrivateKey, X509Certificate } from "node:crypto";
import type { ChainConnection } from "../../chain/connection";
import { GatewayError } from "../../gateway/https";
import { queryCertificate } from "../certificate/chain";
import { addressSchema } from "../config";
import { serialFromHex } from "../certificate/keypair";

export interface GatewayCredentials {
  certPem: string;
  privateKeyPem: string;
}

export interface CredentialProblem {
  path: keyof GatewayCredentials;
  message: string;
}

const HOW_TO =
  "create an akash.Certificate with this wallet and pass gatewayAuth: { certPem: cert.certPem, privateKeyPem: cert.privateKeyPem } to the Deployment";

function commonName(dn: string): string | undefined {
  return dn
    .split("\n")
    .map((line) => /^CN=(.*)$/.exec(line)?.[1])
    .find((cn) => cn !== undefined);
}

/** What is wrong with the credentials without asking the chain. Messages never quote the key. */
export function credentialProblems(credentials: GatewayCredentials): CredentialProblem[] {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(credentials.certPem);
  } catch {
    return [{ path: "certPem", message: "gatewayAuth.certPem is not a readable X.509 certificate; pass an akash.Certificate's certPem" }];
  }
  const problems: CredentialProblem[] = [];
  if (!addressSchema.safeParse(commonName(cert.subject)).success) {
    problems.push({ path: "certPem", message: "gatewayAuth.certPem's subject CN is not an akash1... address; providers accept only certificates whose CN is the owner (akash.Certificate makes them so)" });
  }
  let matches = false;
  try {
    matches = cert.checkPrivateKey(createPrivateKey(credentials.privateKeyPem));
  } catch {
    // unreadable, or a key of another type than the certificate's: either way not its key
  }
  if (!matches) problems.push({ path: "privateKeyPem", message: "gatewayAuth.privateKeyPem is not the private key of gatewayAuth.certPem; pass certPem and privateKeyPem of the same akash.Certificate" });
  return problems;
}

/**
 * Throws, before any transaction, unless the certificate is the wallet's, within its validity and published valid
 * (not revoked) on chain exactly as given: what a provider checks in the mTLS handshake.
 */
export async function verifyGatewayCertificate(conn: ChainConnection, wallet: string, credentials: GatewayCredentials, now = new Date()): Promise<void> {
  const cert = new X509Certificate(credentials.certPem);
  const owner = commonName(cert.subject);
  const serial = serialFromHex(cert.serialNumber);
  const refuse = (why: string) => new Error(`gatewayAuth: certificate ${serial} ${why}; ${HOW_TO}. Nothing was sent.`);
  if (owner !== wallet) throw refuse(`belongs to ${owner}, but akash:mnemonic is the key of ${wallet}, and providers accept only the deploying wallet's own certificate`);
  if (now < new Date(cert.validFrom)) throw refuse(`of ${owner} is not valid before ${new Date(cert.validFrom).toISOString()}`);
  if (now > new Date(cert.validTo)) throw refuse(`of ${owner} expired on ${new Date(cert.validTo).toISOString()}`);
  const onChain = await queryCertificate(conn, owner, serial);
  if (!onChain) throw refuse(`of ${owner} is not on chain ${conn.chainId}, and providers accept only certificates published there`);
  if (onChain.state !== "valid") throw refuse(`of ${owner} is revoked on chain ${conn.chainId}`);
  let published: Buffer | undefined;
  try {
    published = new X509Certificate(onChain.certPem).raw;
  } catch {
    // unreadable on chain: not the certificate given
  }
  if (!published?.equals(cert.raw)) throw refuse(`of ${owner}: the chain holds another certificate under this serial`);
}

/**
 * The error for a provider's 401 to the wallet's JWT: such a provider authenticates only mTLS clients (its JWT
 * support is off, or it predates it), so say how to give it a certificate. Other errors pass unchanged.
 */
export function explainJwtRefusal(error: unknown): unknown {
  if (!(error instanceof GatewayError) || error.status !== 401) return error;
  return new Error(`the provider refused the wallet's JWT (${error.message}): it accepts only mTLS client certificates registered on chain; ${HOW_TO}`);
}
