// akash.Certificate: an on-chain mTLS client certificate for providers that require one. The key pair is made
// here and the private key only ever leaves as a secret output. A certificate cannot change: a new validity
// creates a new one (and revokes the old); delete revokes it on chain.
import type * as pulumi from "@pulumi/pulumi";
import { configureProvider, providerConfig } from "../config";
import { queryConnection, signingClient } from "../chain-session";
import { checkInputs, parseChecked, resourceLog, userInputs } from "../hook-support";
import { containsUnknowns, secretOutput } from "../wire";
import { certificateInputsSchema, type CertificateOutputs } from "./inputs";
import { generateCertificate } from "./keypair";
import { isAlreadyRevoked, msgCreateCertificate, msgRevokeCertificate, queryCertificateState } from "./chain";

/** A Certificate's lines (its own and those of the txs it shares) name it by its serial. */
const certificateLog = (serial: string) => resourceLog("Certificate", serial);

export function configure(provider: object, config: pulumi.dynamic.Config): void {
  configureProvider(provider, config);
}

export async function check(_provider: object, _olds: unknown, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
  return checkInputs(certificateInputsSchema, news);
}

export async function diff(_provider: object, _id: string, olds: Record<string, any>, news: Record<string, any>): Promise<pulumi.dynamic.DiffResult> {
  const changed = containsUnknowns(news.validDays) || olds.validDays !== news.validDays;
  return changed ? { changes: true, replaces: ["validDays"], deleteBeforeReplace: false } : { changes: false };
}

export async function create(provider: object, props: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
  const inputs = parseChecked(certificateInputsSchema, props);
  const client = await signingClient(providerConfig(provider));
  const owner = client.signer.address;
  const cert = await generateCertificate(owner, inputs.validDays);
  const log = certificateLog(cert.serial);
  await client.queue.submit([msgCreateCertificate(owner, cert.certPem, cert.publicKeyPem)], { log });
  log(`published for ${owner}, valid until ${cert.expiresAt}`);
  const outs: CertificateOutputs = { owner, ...cert };
  return { id: `${owner}/${cert.serial}`, outs: { ...userInputs(props), ...outs, privateKeyPem: secretOutput(cert.privateKeyPem) } };
}

export async function read(provider: object, id: string, props: Record<string, any>): Promise<pulumi.dynamic.ReadResult> {
  const [owner, serial] = props.owner && props.serial ? [String(props.owner), String(props.serial)] : id.split("/");
  const conn = await queryConnection(providerConfig(provider));
  const state = await queryCertificateState(conn, owner, serial);
  if (state !== "valid") {
    certificateLog(serial)(`${state === "revoked" ? "revoked on chain" : "not on chain"}; removing this Certificate from the stack`);
    return {};
  }
  // Re-mark the key secret: the engine hands it to read as a plain value.
  const privateKeyPem = typeof props.privateKeyPem === "string" ? secretOutput(props.privateKeyPem) : props.privateKeyPem;
  return { id, props: { ...userInputs(props), owner, serial, privateKeyPem } };
}

export async function update(_provider: object, _id: string, olds: Record<string, any>, news: Record<string, unknown>): Promise<pulumi.dynamic.UpdateResult> {
  // diff only ever asks for replacement; an update keeps the certificate as it is.
  return { outs: { ...userInputs(olds), ...userInputs(news), privateKeyPem: secretOutput(String(olds.privateKeyPem)) } };
}

export async function del(provider: object, id: string, props: Record<string, any>): Promise<void> {
  const [owner, serial] = props.owner && props.serial ? [String(props.owner), String(props.serial)] : id.split("/");
  const client = await signingClient(providerConfig(provider));
  if (client.signer.address !== owner) {
    throw new Error(`akash.Certificate ${serial}: owned by ${owner} but the configured wallet is ${client.signer.address}. Fix: set akash:mnemonic to the owner's`);
  }
  const log = certificateLog(serial);
  try {
    await client.queue.submit([msgRevokeCertificate(owner, serial)], { log });
    log("revoked on chain");
  } catch (error) {
    if (!isAlreadyRevoked(error)) throw error;
    log("already revoked or gone on chain; nothing to do");
  }
}
export { del as delete };
