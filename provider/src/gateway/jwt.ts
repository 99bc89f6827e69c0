/**
 * Provider JWTs (ES256KADR36, signed with the account key through chain-sdk's JwtTokenManager), scoped to
 * what the Pulumi provider needs and short-lived. The provider verifies them with the account's on-chain
 * public key, so the account must have sent at least one tx.
 */
import { JwtTokenManager } from "@akashnetwork/chain-sdk";
import type { AkashSigner } from "../chain/signer";

export type JwtScope = "send-manifest" | "get-manifest" | "status" | "logs" | "shell" | "events" | "restart" | "hostname-migrate" | "ip-migrate";

export const DEFAULT_JWT_SCOPE: JwtScope[] = ["send-manifest", "get-manifest", "status"];

export interface JwtOptions {
  /** default 300 s */
  ttlSeconds?: number;
  scope?: JwtScope[];
  now?: Date;
}

export async function createProviderJwt(signer: AkashSigner, options: JwtOptions = {}): Promise<string> {
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new JwtTokenManager(signer.amino).generateToken({
    version: "v1",
    iss: signer.address,
    iat,
    nbf: iat,
    exp: iat + (options.ttlSeconds ?? 300),
    leases: { access: "scoped", scope: options.scope ?? DEFAULT_JWT_SCOPE },
  });
}

/**
 * A token source that reuses its token until half its lifetime has passed. Share one per signer (the process
 * registry does, see chain/txQueues.ts) so every resource sends the same token instead of signing its own.
 */
export function jwtSource(signer: AkashSigner, options: Omit<JwtOptions, "now"> = {}): () => Promise<string> {
  const ttl = options.ttlSeconds ?? 300;
  let cached: { token: Promise<string>; renewAt: number } | undefined;
  return () => {
    if (!cached || Date.now() >= cached.renewAt) {
      const token = createProviderJwt(signer, options);
      const entry = { token, renewAt: Date.now() + (ttl * 1000) / 2 };
      token.catch(() => {
        if (cached === entry) cached = undefined;
      });
      cached = entry;
    }
    return cached.token;
  };
}
