import { expect } from "chai";
import { nextRollout, replicaStatus, rolledOut } from "./rollout";

describe("providers/rollout", () => {
  it("brings the first generation's replicas up one step at a time", () => {
    const r = nextRollout(undefined, 3, 1000, 100);
    expect(replicaStatus(r, 1000, 100)).to.deep.include({ observed_generation: 1, replicas: 3, updated_replicas: 3, ready_replicas: 0, available_replicas: 0, available: 0, total: 3 });
    expect(replicaStatus(r, 1150, 100).ready_replicas).to.equal(1);
    expect(replicaStatus(r, 1300, 100).ready_replicas).to.equal(3);
    expect(replicaStatus(r, 9999, 100).ready_replicas).to.equal(3);
    expect(rolledOut(r, 1299, 100)).to.equal(false);
    expect(rolledOut(r, 1300, 100)).to.equal(true);
  });

  it("rolls an update in while the old replicas keep serving", () => {
    const first = nextRollout(undefined, 2, 0, 100);
    const update = nextRollout(first, 2, 1000, 100);
    expect(update.generation).to.equal(2);
    expect(replicaStatus(update, 1000, 100)).to.deep.include({ observed_generation: 2, updated_replicas: 0, ready_replicas: 2 });
    expect(replicaStatus(update, 1100, 100)).to.deep.include({ updated_replicas: 1, ready_replicas: 2 });
    expect(replicaStatus(update, 1200, 100)).to.deep.include({ updated_replicas: 2, ready_replicas: 2 });
    expect(rolledOut(update, 1200, 100)).to.equal(true);
  });

  it("an update of a service that never became ready starts from zero", () => {
    const first = nextRollout(undefined, 2, 0, 1000);
    const update = nextRollout(first, 2, 10, 1000);
    expect(replicaStatus(update, 10, 1000).ready_replicas).to.equal(0);
  });
});
