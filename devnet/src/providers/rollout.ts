/**
 * Replica roll-out of a service as Kubernetes reports it through the provider's lease status: a first
 * deployment brings replicas up one by one; an update (new manifest = new generation) rolls new replicas
 * in while the old ones keep serving.
 */
export interface Rollout {
  generation: number;
  count: number;
  startedAtMs: number;
  /** replicas ready before this generation started (0 for the first one) */
  previousReady: number;
}

export interface ReplicaStatus {
  observed_generation: number;
  replicas: number;
  updated_replicas: number;
  ready_replicas: number;
  available_replicas: number;
  available: number;
  total: number;
}

/** New-generation replicas ready after `elapsed` ms when each takes `stepMs` to start. */
function newReady(rollout: Rollout, nowMs: number, stepMs: number): number {
  if (stepMs <= 0) return rollout.count;
  return Math.max(0, Math.min(rollout.count, Math.floor((nowMs - rollout.startedAtMs) / stepMs)));
}

export function replicaStatus(rollout: Rollout, nowMs: number, stepMs: number): ReplicaStatus {
  const fresh = newReady(rollout, nowMs, stepMs);
  const first = rollout.generation === 1 || rollout.previousReady === 0;
  const ready = first ? fresh : Math.min(rollout.count, Math.max(fresh, rollout.previousReady));
  return {
    observed_generation: rollout.generation,
    replicas: rollout.count,
    updated_replicas: first ? rollout.count : fresh,
    ready_replicas: ready,
    available_replicas: ready,
    available: ready,
    total: rollout.count,
  };
}

/** Whether the current generation is fully rolled out (old replicas are gone). */
export function rolledOut(rollout: Rollout, nowMs: number, stepMs: number): boolean {
  return newReady(rollout, nowMs, stepMs) >= rollout.count;
}

/** The roll-out that a new manifest generation starts, given the current one (if any). */
export function nextRollout(current: Rollout | undefined, count: number, nowMs: number, stepMs: number): Rollout {
  if (!current) return { generation: 1, count, startedAtMs: nowMs, previousReady: 0 };
  return {
    generation: current.generation + 1,
    count,
    startedAtMs: nowMs,
    previousReady: replicaStatus(current, nowMs, stepMs).ready_replicas,
  };
}
