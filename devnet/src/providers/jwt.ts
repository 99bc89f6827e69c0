/**
 * Provider-side JWT verification (provider gateway/utils AuthProcess with golang-jwt v5 and chain-sdk
 * go/util/jwt): ES256K or ES256KADR36 signatures by the issuer's on-chain secp256k1 key, then the claim
 * checks. Any claim failure, expiry included, surfaces as golang-jwt's ErrTokenInvalidClaims, which the
 * provider maps (checked first) to 400 "JWT has invalid claims".
 */
import { serializeSignDoc, makeSignDoc } from "@cosmjs/amino";
import { Secp256k1, Secp256k1Signature, sha256 } from "@cosmjs/crypto";
import { fromBech32, toBase64, toUtf8 } from "@cosmjs/encoding";
import { ErrJWTInvalid, ErrJWTInvalidClaims } from "./http-error";

export type AccessType = "full" | "scoped" | "granular";

export const PERMISSION_SCOPES = [
  "send-manifest",
  "get-manifest",
  "logs",
  "shell",
  "events",
  "status",
  "restart",
  "hostname-migrate",
  "ip-migrate",
  "attestation",
] as const;
export type PermissionScope = (typeof PERMISSION_SCOPES)[number];

export interface PermissionDeployment {
  scope: string[];
  dseq?: number;
  gseq?: number;
  oseq?: number;
  services?: string[];
}

export interface Permission {
  provider: string;
  access: string;
  scope?: string[];
  deployments?: PermissionDeployment[];
}

export interface Claims {
  iss: string;
  iat?: number;
  nbf?: number;
  exp?: number;
  version?: string;
  leases: { access: string; scope?: string[]; permissions?: Permission[] };
}

/** Looks up an account's secp256k1 public key on chain (undefined if it never signed a tx). */
export type PubkeyLookup = (address: string) => Promise<Uint8Array | undefined>;

const SECP256K1_HALF_ORDER = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n;

function decodeSegment(segment: string): Uint8Array {
  // golang-jwt decodes with RawURLEncoding: no padding, URL alphabet only
  if (!/^[A-Za-z0-9_-]*$/.test(segment) || segment.length % 4 === 1) throw ErrJWTInvalid;
  return new Uint8Array(Buffer.from(segment, "base64url"));
}

function decodeJson(segment: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(decodeSegment(segment)).toString("utf8"));
    if (value === null || typeof value !== "object" || Array.isArray(value)) throw ErrJWTInvalid;
    return value as Record<string, unknown>;
  } catch {
    throw ErrJWTInvalid;
  }
}

function isAkashAddress(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    return fromBech32(value).prefix === "akash";
  } catch {
    return false;
  }
}

/** The JSON shapes Go's json.Unmarshal into ajwt.Claims would reject (token malformed -> 401). */
function checkDecodable(payload: Record<string, unknown>): void {
  for (const key of ["exp", "nbf", "iat"]) {
    if (payload[key] !== undefined && payload[key] !== null && typeof payload[key] !== "number") throw ErrJWTInvalid;
  }
  for (const key of ["iss", "version", "jti", "sub"]) {
    if (payload[key] !== undefined && payload[key] !== null && typeof payload[key] !== "string") throw ErrJWTInvalid;
  }
  const leases = payload.leases;
  if (leases === undefined || leases === null) return;
  if (typeof leases !== "object" || Array.isArray(leases)) throw ErrJWTInvalid;
  const permissions = (leases as { permissions?: unknown }).permissions;
  if (Array.isArray(permissions)) {
    for (const p of permissions) {
      const provider = (p as { provider?: unknown })?.provider;
      if (provider !== undefined && provider !== "" && !isAkashAddress(provider)) throw ErrJWTInvalid;
    }
  }
}

function adr36SignBytes(signer: string, data: string): Uint8Array {
  const doc = makeSignDoc(
    [{ type: "sign/MsgSignData", value: { signer, data: toBase64(toUtf8(data)) } }],
    { gas: "0", amount: [] },
    "",
    "",
    0,
    0,
  );
  return serializeSignDoc(doc);
}

async function verifySignature(alg: string, signingString: string, iss: string, sig: Uint8Array, pubkey: Uint8Array): Promise<boolean> {
  if (sig.length !== 64) return false;
  const s = BigInt("0x" + Buffer.from(sig.slice(32)).toString("hex"));
  if (s > SECP256K1_HALF_ORDER) return false; // cosmos secp256k1 rejects malleable high-S signatures
  const message = alg === "ES256KADR36" ? adr36SignBytes(iss, signingString) : toUtf8(signingString);
  try {
    return await Secp256k1.verifySignature(Secp256k1Signature.fromFixedLength(sig), sha256(message), pubkey);
  } catch {
    return false;
  }
}

function validScopes(scopes: unknown): boolean {
  if (!Array.isArray(scopes)) return false;
  const seen = new Set<string>();
  for (const s of scopes) {
    if (typeof s !== "string" || !(PERMISSION_SCOPES as readonly string[]).includes(s) || seen.has(s)) return false;
    seen.add(s);
  }
  return true;
}

function validPermissions(permissions: Permission[]): boolean {
  const providers = new Set<string>();
  for (const p of permissions) {
    if (!p.provider || providers.has(p.provider)) return false;
    providers.add(p.provider);
    switch (p.access) {
      case "full":
        if ((p.deployments?.length ?? 0) > 0 || (p.scope?.length ?? 0) > 0) return false;
        break;
      case "scoped":
        if (p.deployments != null || !p.scope?.length || !validScopes(p.scope)) return false;
        break;
      case "granular":
        if (p.scope != null || !p.deployments?.length) return false;
        for (const d of p.deployments) {
          if (!d.scope?.length || !validScopes(d.scope) || !d.dseq) return false;
          if ((d.oseq ?? 0) > 0 && !d.gseq) return false;
          if (!d.services?.length || new Set(d.services).size !== d.services.length) return false;
        }
        break;
      default:
        return false;
    }
  }
  return true;
}

/** ajwt.Claims.Validate plus golang-jwt's exp/nbf checks; false means "JWT has invalid claims". */
export function claimsValid(claims: Claims, nowSeconds: number): boolean {
  if (claims.exp !== undefined && !(nowSeconds < claims.exp)) return false;
  if (claims.nbf !== undefined && nowSeconds < claims.nbf) return false;
  if (!isAkashAddress(claims.iss)) return false;
  if (claims.iat === undefined || claims.nbf === undefined || claims.exp === undefined) return false;
  if (claims.version !== "v1") return false;
  const { access, scope, permissions } = claims.leases ?? {};
  switch (access) {
    case "full":
      return !(permissions?.length ?? 0) && !(scope?.length ?? 0);
    case "scoped":
      return permissions == null && !!scope?.length && validScopes(scope);
    case "granular":
      return !!permissions?.length && validPermissions(permissions);
    default:
      return false;
  }
}

/** Verifies a bearer token; resolves to its claims or rejects with the provider's HttpError. */
export async function verifyJwt(token: string, lookupPubkey: PubkeyLookup, now: Date = new Date()): Promise<Claims> {
  const parts = token.split(".");
  if (parts.length !== 3) throw ErrJWTInvalid;
  const header = decodeJson(parts[0]);
  const payload = decodeJson(parts[1]);
  checkDecodable(payload);
  const alg = header.alg;
  if (alg !== "ES256K" && alg !== "ES256KADR36") throw ErrJWTInvalid;
  const signature = decodeSegment(parts[2]);
  const iss = payload.iss;
  if (!isAkashAddress(iss)) throw ErrJWTInvalid;
  const pubkey = await lookupPubkey(iss).catch(() => undefined);
  if (!pubkey) throw ErrJWTInvalid;
  if (!(await verifySignature(alg, `${parts[0]}.${parts[1]}`, iss, signature, pubkey))) throw ErrJWTInvalid;
  const claims: Claims = {
    iss,
    iat: payload.iat as number | undefined,
    nbf: payload.nbf as number | undefined,
    exp: payload.exp as number | undefined,
    version: payload.version as string | undefined,
    leases: (payload.leases as Claims["leases"]) ?? { access: "" },
  };
  if (!claimsValid(claims, now.getTime() / 1000)) throw ErrJWTInvalidClaims;
  return claims;
}

/**
 * verifyJwt with memory: a token's signature and its issuer's key never change, so a token seen valid is
 * not verified again (one secp256k1 verify and one account query per token instead of per request, while
 * a deployment's status is polled); its time claims are still checked on every use.
 */
export function cachingJwtVerifier(lookupPubkey: PubkeyLookup, maxTokens = 1000): (token: string, now?: Date) => Promise<Claims> {
  const verified = new Map<string, Claims>();
  return async (token, now = new Date()) => {
    const known = verified.get(token);
    if (known) {
      if (!claimsValid(known, now.getTime() / 1000)) throw ErrJWTInvalidClaims;
      return known;
    }
    const claims = await verifyJwt(token, lookupPubkey, now);
    if (verified.size >= maxTokens) verified.clear();
    verified.set(token, claims);
    return claims;
  };
}

/** Claims for an mTLS client: full access for 15 minutes (provider AuthProcess). */
export function mtlsClaims(owner: string, now: Date = new Date()): Claims {
  const t = Math.floor(now.getTime() / 1000);
  return { iss: owner, iat: t, nbf: t, exp: t + 15 * 60, version: "v1", leases: { access: "full" } };
}

export interface LeaseRef {
  owner: string;
  dseq: bigint;
  gseq: number;
  oseq: number;
  provider: string;
}

/** Claims.AuthorizeForProvider */
export function authorizeForProvider(claims: Claims, provider: string): boolean {
  const { access, permissions } = claims.leases;
  if (access === "full" || access === "scoped") return true;
  return access === "granular" && (permissions ?? []).some((p) => p.provider === provider);
}

function scopeHas(scopes: readonly string[] | undefined, scope: PermissionScope | undefined): boolean {
  return scope === undefined || (scopes ?? []).includes(scope);
}

/**
 * Claims.AuthorizeForDeploymentID / AuthorizeDeploymentIDForPermissionScope (scope given) for a deployment,
 * or the lease variants when gseq/oseq are given.
 */
export function authorize(
  claims: Claims,
  target: { owner: string; dseq: bigint; provider: string; gseq?: number; oseq?: number },
  scope?: PermissionScope,
): boolean {
  if (claims.iss !== target.owner) return false;
  const { access, permissions } = claims.leases;
  if (access === "full") return true;
  if (access === "scoped") return scopeHas(claims.leases.scope, scope);
  if (access !== "granular") return false;
  for (const perm of permissions ?? []) {
    if (perm.provider !== target.provider) continue;
    if (perm.access === "full") return true;
    if (perm.access === "scoped") return scopeHas(perm.scope, scope);
    if (perm.access === "granular") {
      for (const d of perm.deployments ?? []) {
        if (BigInt(d.dseq ?? 0) !== target.dseq) continue;
        if (target.gseq !== undefined && d.gseq && d.gseq !== target.gseq) continue;
        if (target.oseq !== undefined && d.oseq && d.oseq !== target.oseq) continue;
        if (scopeHas(d.scope, scope)) return true;
      }
    }
  }
  return false;
}
