/**
 * secp256k1 ECDSA verification as cosmos' secp256k1 PubKey.VerifySignature: 64-byte r||s over
 * sha256(message), low-S only (malleable high-S signatures are rejected). Uses Node's native OpenSSL
 * (several times faster than pure-JS curve math, which matters with every tx verified twice).
 */
import * as crypto from "node:crypto";

/** DER SubjectPublicKeyInfo prefix for an id-ecPublicKey on secp256k1 with a 33-byte compressed point. */
const spkiPrefix = Buffer.from("3036301006072a8648ce3d020106052b8104000a032200", "hex");
const halfOrder = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n;

const keyCache = new Map<string, crypto.KeyObject>();
/**
 * Signatures already verified (CheckTx verifies, then DeliverTx verifies the same bytes again, as
 * cosmos does): verification is deterministic, so remembering successes changes no outcome.
 */
const verified = new Set<string>();
const cacheLimit = 20_000;

function publicKey(compressed: Uint8Array): crypto.KeyObject {
  const id = Buffer.from(compressed).toString("hex");
  let key = keyCache.get(id);
  if (!key) {
    key = crypto.createPublicKey({ key: Buffer.concat([spkiPrefix, compressed]), format: "der", type: "spki" });
    if (keyCache.size >= cacheLimit) keyCache.clear();
    keyCache.set(id, key);
  }
  return key;
}

export function verifySecp256k1(signature: Uint8Array, message: Uint8Array, compressedPubKey: Uint8Array): boolean {
  if (signature.length !== 64 || compressedPubKey.length !== 33) return false;
  const s = BigInt(`0x${Buffer.from(signature.subarray(32)).toString("hex")}`);
  if (s === 0n || s > halfOrder) return false;
  const id = crypto.createHash("sha256").update(signature).update(compressedPubKey).update(message).digest("base64");
  if (verified.has(id)) return true;
  let ok: boolean;
  try {
    ok = crypto.verify("sha256", message, { key: publicKey(compressedPubKey), dsaEncoding: "ieee-p1363" }, signature);
  } catch {
    return false; // not a point on the curve
  }
  if (ok) {
    if (verified.size >= cacheLimit) verified.clear();
    verified.add(id);
  }
  return ok;
}
