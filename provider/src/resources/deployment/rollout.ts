// Manifest to running services, per leased group: send the manifest to the lease's provider and await
// readiness; if that provider fails before readiness, close its lease (the chain reopens the order) and lease
// the next acceptable bid, excluding every provider that failed, up to MAX_ATTEMPTS providers per group.
import { msgCloseLease } from "../../chain/market/messages";
import { sendManifest } from "../../gateway/manifest";
import { getLeaseStatus } from "../../gateway/leaseStatus";
import { awaitLeaseReady, type ReadyLease } from "../../gateway/readiness";
import type { GroupSelection } from "../../market/selection";
import type { BidPolicy } from "../../market/policy";
import { explainJwtRefusal } from "./gateway-auth";
import { acquireLeases, type LeasedGroup } from "./leasing";
import type { Session } from "./session";

export const MAX_ATTEMPTS = 3;

export interface RolloutRequest {
  dseq: string;
  manifestJson: string;
  /** services of each group, by gseq, that must all become available */
  services: Record<number, string[]>;
  groupNames: Record<number, string>;
  readyTimeoutMs: number;
  policy: BidPolicy;
  bidTimeoutMs: number;
  pollIntervalMs?: number;
}

export interface RolledOutGroup {
  lease: LeasedGroup;
  ready: ReadyLease;
  /** the selection that chose `lease` (the latest one after a failover) */
  selection?: GroupSelection;
  failedProviders: string[];
}

/** Sends the manifest to one lease's provider and waits until its services are available. */
export async function deliver(session: Session, request: RolloutRequest, lease: LeasedGroup): Promise<ReadyLease> {
  const { log } = session;
  await sendManifest({
    hostUri: lease.hostUri,
    dseq: request.dseq,
    manifestJson: request.manifestJson,
    auth: session.auth,
    limit: session.gatewayLimit,
    retryDelayMs: request.pollIntervalMs,
    onRetry: (attempt, error) => log(`manifest to ${lease.provider} not accepted yet (attempt ${attempt}: ${error.message}); retrying`),
  }).catch((error: unknown) => {
    throw session.authKind === "jwt" ? explainJwtRefusal(error) : error;
  });
  log(`manifest accepted by ${lease.provider} for group ${lease.gseq}`);
  const ready = await awaitLeaseReady({
    getStatus: async () =>
      getLeaseStatus({ hostUri: lease.hostUri, lease: { dseq: request.dseq, gseq: lease.gseq, oseq: lease.oseq }, auth: await session.auth(), limit: session.gatewayLimit }),
    expectedServices: request.services[lease.gseq] ?? [],
    timeoutMs: request.readyTimeoutMs,
    pollIntervalMs: request.pollIntervalMs,
    onProgress: (m) => log(`group ${lease.gseq}: ${m}`),
  });
  log(`group ${lease.gseq} ready on ${lease.provider}`);
  return ready;
}

/** Rolls out one group, failing over to other providers; throws once MAX_ATTEMPTS providers have failed. */
export async function rolloutGroup(session: Session, request: RolloutRequest, first: LeasedGroup): Promise<RolledOutGroup> {
  const failed: string[] = [];
  let lease = first;
  let selection: GroupSelection | undefined;
  for (;;) {
    try {
      return { lease, ready: await deliver(session, request, lease), selection, failedProviders: failed };
    } catch (error) {
      failed.push(lease.provider);
      const reason = (error as Error).message;
      if (failed.length >= MAX_ATTEMPTS) {
        throw new Error(`group ${lease.gseq}: ${failed.length} providers failed before readiness (${failed.join(", ")}); last: ${reason}`);
      }
      session.log(`provider ${lease.provider} failed for group ${lease.gseq} (${reason}); closing its lease and leasing another bid`);
      await session.queue.submit([msgCloseLease({ owner: session.owner, dseq: request.dseq, gseq: lease.gseq, oseq: lease.oseq, provider: lease.provider })]);
      const next = await acquireLeases(session, {
        dseq: request.dseq,
        groups: [{ gseq: lease.gseq, name: request.groupNames[lease.gseq] ?? String(lease.gseq) }],
        policy: request.policy,
        bidTimeoutMs: request.bidTimeoutMs,
        exclude: failed,
        minOseq: lease.oseq + 1,
        pollIntervalMs: request.pollIntervalMs,
      }).catch((leasing: unknown) => {
        // The provider's failure is the news; without it the error would only say that no bid was left.
        throw new Error(`group ${lease.gseq}: provider ${lease.provider} failed before readiness (${reason}), and no other bid replaced it: ${(leasing as Error).message}`);
      });
      lease = next.leases[0];
      selection = next.selection[0];
    }
  }
}
