/** The unauthenticated provider /status probe, for the reachability policy. */
import { expectOk, gatewayRequest, gatewayUrl } from "./https";
import type { Limiter } from "./limiter";

export interface ProbeResult {
  ok: boolean;
  error?: string;
  /** the provider's /status JSON when it answered */
  status?: unknown;
  latencyMs?: number;
}

/** Never throws: an unreachable provider is a result, not an error. Console uses a 5 s timeout. */
export function probeProviderStatus(hostUri: string, timeoutMs = 5000, limit?: Limiter): Promise<ProbeResult> {
  // The whole probe holds the slot, so latencyMs does not count the wait for it.
  return limit ? limit.run(() => probe(hostUri, timeoutMs)) : probe(hostUri, timeoutMs);
}

async function probe(hostUri: string, timeoutMs: number): Promise<ProbeResult> {
  const url = gatewayUrl(hostUri, "/status");
  const started = Date.now();
  try {
    const res = expectOk(url, await gatewayRequest({ method: "GET", url, timeoutMs }));
    let status: unknown;
    try {
      status = JSON.parse(res.body);
    } catch {
      return { ok: false, error: "answered /status with something other than JSON" };
    }
    return { ok: true, status, latencyMs: Date.now() - started };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
