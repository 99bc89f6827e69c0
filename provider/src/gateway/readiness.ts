/**
 * Waiting for a lease to be ready (pulumi-kubernetes await style): poll the lease status until every
 * service has all its replicas available, or the deadline passes. A timeout error carries what is known
 * (last status, last gateway error) so the user sees which service is stuck.
 */
import { untilNextTick } from "../chain/blocks";
import type { ForwardedPort, LeasedIp, LeaseStatus } from "./leaseStatus";

export interface ReadyLease {
  status: LeaseStatus;
  /** per service: HTTP ingress hostnames */
  uris: Record<string, string[]>;
  /** per service: non-HTTP global ports (host:externalPort) */
  forwardedPorts: Record<string, ForwardedPort[]>;
  /** per service: leased IPs */
  ips: Record<string, LeasedIp[]>;
  elapsedMs: number;
}

export interface AwaitReadyOptions {
  getStatus: () => Promise<LeaseStatus>;
  /** services the manifest declares for this group; all must appear */
  expectedServices?: readonly string[];
  timeoutMs: number;
  /** default 2000 */
  pollIntervalMs?: number;
  onProgress?: (message: string) => void;
}

export class LeaseNotReadyError extends Error {
  constructor(
    message: string,
    readonly lastStatus: LeaseStatus | undefined,
    readonly lastError: Error | undefined,
  ) {
    super(message);
    this.name = "LeaseNotReadyError";
  }
}

/** Services not yet fully available, as "web 0/2" strings (missing services count as 0/?). */
export function pendingServices(status: LeaseStatus, expected: readonly string[] = []): string[] {
  const names = [...new Set([...expected, ...Object.keys(status.services)])];
  return names.flatMap((name) => {
    const s = status.services[name];
    if (!s) return [`${name} (not reported yet)`];
    const total = s.total || s.replicas;
    // After a manifest update the old replicas stay available until the new ones are: wait for those.
    if (total > 0 && s.availableReplicas >= total && s.updatedReplicas >= total) return [];
    return [s.updatedReplicas < total ? `${name} ${s.updatedReplicas}/${total} updated` : `${name} ${s.availableReplicas}/${total}`];
  });
}

export async function awaitLeaseReady(options: AwaitReadyOptions): Promise<ReadyLease> {
  const started = Date.now();
  let lastStatus: LeaseStatus | undefined;
  let lastError: Error | undefined;
  let lastMessage = "";
  for (;;) {
    try {
      lastStatus = await options.getStatus();
      lastError = undefined;
      const pending = pendingServices(lastStatus, options.expectedServices);
      if (pending.length === 0 && Object.keys(lastStatus.services).length > 0) {
        const uris = Object.fromEntries(Object.entries(lastStatus.services).map(([n, s]) => [n, s.uris]));
        return { status: lastStatus, uris, forwardedPorts: lastStatus.forwardedPorts, ips: lastStatus.ips, elapsedMs: Date.now() - started };
      }
      const message = `waiting for ${pending.join(", ") || "services"}`;
      if (message !== lastMessage) options.onProgress?.(message);
      lastMessage = message;
    } catch (error) {
      lastError = error as Error;
    }
    const elapsed = Date.now() - started;
    if (elapsed >= options.timeoutMs) {
      const known = lastStatus ? `not ready: ${pendingServices(lastStatus, options.expectedServices).join(", ")}` : "no status received";
      const cause = lastError ? `; last error: ${lastError.message}` : "";
      throw new LeaseNotReadyError(`lease not ready after ${Math.round(elapsed / 1000)}s (${known}${cause})`, lastStatus, lastError);
    }
    // Aligned polls: the deployments of one `pulumi up` all see their providers' news at the same moment.
    await new Promise((r) => setTimeout(r, Math.min(untilNextTick(options.pollIntervalMs ?? 2000), options.timeoutMs - elapsed)));
  }
}
