/**
 * Manifest delivery: PUT https://<host>/deployment/{dseq}/manifest with the compiler's sorted manifest JSON
 * (its sha256 is the on-chain deployment hash). A provider that has not yet seen the lease answers 404
 * "no lease for deployment"; that, 5xx and no answer are retried a few times, anything else fails at once.
 */
import { expectOk, GatewayError, gatewayRequest, gatewayUrl, type GatewayAuth } from "./https";
import type { Limiter } from "./limiter";

export interface SendManifestOptions {
  hostUri: string;
  dseq: string | bigint;
  /** CompiledSdl.manifestJson, sent byte for byte */
  manifestJson: string;
  /** a fixed credential, or a function returning a fresh one per attempt (JWTs expire) */
  auth: GatewayAuth | (() => Promise<GatewayAuth>);
  /** per attempt; default 30000 */
  timeoutMs?: number;
  /** default 5 */
  attempts?: number;
  /** default 2000 */
  retryDelayMs?: number;
  pinnedCertSha256?: string;
  /** cap on concurrent gateway requests (each attempt takes a slot; waiting between attempts does not) */
  limit?: Limiter;
  onRetry?: (attempt: number, error: GatewayError) => void;
}

export function isRetryableManifestError(error: GatewayError): boolean {
  if (error.status === undefined) return true;
  if (error.status === 404) return /no lease/i.test(error.providerMessage) || error.providerMessage === "";
  return error.status >= 500;
}

export async function sendManifest(options: SendManifestOptions): Promise<void> {
  const url = gatewayUrl(options.hostUri, `/deployment/${String(options.dseq)}/manifest`);
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const auth = typeof options.auth === "function" ? await options.auth() : options.auth;
    try {
      const res = await gatewayRequest({
        method: "PUT",
        url,
        body: options.manifestJson,
        auth,
        timeoutMs: options.timeoutMs ?? 30_000,
        pinnedCertSha256: options.pinnedCertSha256,
        limit: options.limit,
      });
      expectOk(url, res);
      return;
    } catch (error) {
      if (!(error instanceof GatewayError) || !isRetryableManifestError(error) || attempt >= attempts) throw error;
      options.onRetry?.(attempt, error);
      await new Promise((r) => setTimeout(r, options.retryDelayMs ?? 2000));
    }
  }
}
