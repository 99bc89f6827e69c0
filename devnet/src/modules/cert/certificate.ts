/**
 * `ParseAndValidateCertificate` (chain-sdk go/node/cert/v1/cert.go): the pubkey is one "EC PUBLIC KEY"
 * PEM block holding a PKIX ECDSA key, the cert is one CERTIFICATE block whose TBS signature verifies
 * (sha256) with that key, and whose Subject CN is the owner's address.
 */
import { createPublicKey, verify, X509Certificate, type KeyObject } from "node:crypto";
import { toHex } from "@cosmjs/encoding";
import { accAddressBytes } from "../registry-kit/address";
import { unregisteredError } from "../registry-kit/errors";
import { certErrors } from "./errors";
import { pemDecode } from "./pem";

/** Curves Go's x509.ParsePKIXPublicKey accepts for ECDSA keys. */
const goCurves = new Set(["prime256v1", "secp384r1", "secp521r1", "secp224r1"]);

export interface ValidatedCertificate {
  serial: bigint;
}

function parsePubkey(pem: string): KeyObject {
  const block = pemDecode(pem);
  if (!block || block.rest.length > 0) throw certErrors.invalidPubkeyValue;
  if (block.type !== "EC PUBLIC KEY") throw certErrors.invalidPubkeyValue.detail("invalid pem block type");
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(block.bytes), format: "der", type: "spki" });
  } catch {
    throw certErrors.invalidPubkeyValue.detail("x509: failed to parse public key");
  }
  if (key.asymmetricKeyType !== "ec") throw certErrors.invalidPubkeyValue.detail("invalid public key type");
  if (!goCurves.has(key.asymmetricKeyDetails?.namedCurve ?? "")) {
    throw certErrors.invalidPubkeyValue.detail("x509: unsupported elliptic curve");
  }
  return key;
}

/** A DER element's full encoding and its content, starting at `offset`. */
function derElement(der: Uint8Array, offset: number): { raw: Uint8Array; content: Uint8Array; next: number } {
  let pos = offset + 1;
  let length = der[pos++]!;
  if (length & 0x80) {
    const count = length & 0x7f;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + der[pos++]!;
  }
  return { raw: der.subarray(offset, pos + length), content: der.subarray(pos, pos + length), next: pos + length };
}

/** The TBS bytes, serial number bytes and signature of a DER certificate (already known to parse). */
function signedParts(der: Uint8Array): { tbs: Uint8Array; serial: Uint8Array; signature: Uint8Array } {
  const certificate = derElement(der, 0).content;
  const tbs = derElement(certificate, 0);
  const algorithm = derElement(certificate, tbs.next);
  const bitString = derElement(certificate, algorithm.next).content;
  // TBSCertificate: [0] EXPLICIT version (optional), then the serialNumber INTEGER
  const first = derElement(tbs.content, 0);
  const serial = tbs.content[0] === 0xa0 ? derElement(tbs.content, first.next).content : first.content;
  return { tbs: tbs.raw, serial, signature: bitString.subarray(1) };
}

/** Go's `Subject.CommonName`: the last CN attribute of the subject. */
function commonName(cert: X509Certificate): string {
  const names = cert.subject.split("\n").filter((line) => line.startsWith("CN="));
  return names.length > 0 ? names[names.length - 1]!.slice(3) : "";
}

export function parseAndValidateCertificate(owner: string, certPem: Uint8Array, pubkeyPem: Uint8Array): ValidatedCertificate {
  const key = parsePubkey(Buffer.from(pubkeyPem).toString("utf8"));
  const block = pemDecode(Buffer.from(certPem).toString("utf8"));
  if (!block || block.rest.length > 0) throw certErrors.invalidCertificateValue;
  if (block.type !== "CERTIFICATE") throw certErrors.invalidCertificateValue.detail("invalid pem block type");
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(Buffer.from(block.bytes));
  } catch {
    // Go returns x509's own (unregistered) error here.
    throw unregisteredError("x509: malformed certificate");
  }
  const { tbs, serial, signature } = signedParts(block.bytes);
  // Go (1.23+) refuses negative serial numbers when parsing.
  if (serial.length > 0 && serial[0]! & 0x80) throw unregisteredError("x509: negative serial number");
  if (!verify("sha256", tbs, { key, dsaEncoding: "der" }, signature)) {
    throw certErrors.invalidCertificateValue.detail("invalid certificate signature");
  }
  const cn = commonName(cert);
  let cnBytes: Uint8Array;
  try {
    cnBytes = accAddressBytes(cn);
  } catch (err) {
    throw certErrors.invalidCertificateValue.detail((err as Error).message);
  }
  if (toHex(cnBytes) !== toHex(accAddressBytes(owner))) throw certErrors.invalidCertificateValue.detail("CommonName does not match owner");
  return { serial: serial.length === 0 ? 0n : BigInt(`0x${Buffer.from(serial).toString("hex")}`) };
}
