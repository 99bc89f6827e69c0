import { expect } from "chai";
import { parseLeaseStatus, type LeaseStatus } from "./leaseStatus";
import { awaitLeaseReady, LeaseNotReadyError, pendingServices } from "./readiness";

const status = (web: [number, number]): LeaseStatus =>
  parseLeaseStatus({
    services: { web: { available: web[0], total: web[1], replicas: web[1], available_replicas: web[0], ready_replicas: web[0], uris: ["web.example.com"] } },
    forwarded_ports: { web: [{ host: "p.example.com", port: 22, externalPort: 30022, proto: "TCP" }] },
    ips: null,
  });

describe("awaitLeaseReady", () => {
  it("polls until every service has all replicas available and returns the URIs", async () => {
    const sequence = [new Error("404 no manifest yet"), status([0, 2]), status([1, 2]), status([2, 2])];
    const progress: string[] = [];
    const ready = await awaitLeaseReady({
      getStatus: async () => {
        const next = sequence.shift()!;
        if (next instanceof Error) throw next;
        return next;
      },
      timeoutMs: 5000,
      pollIntervalMs: 1,
      onProgress: (m) => progress.push(m),
    });
    expect(ready.uris).to.deep.equal({ web: ["web.example.com"] });
    expect(ready.forwardedPorts).to.deep.equal({ web: [{ host: "p.example.com", port: 22, externalPort: 30022, proto: "TCP" }] });
    expect(ready.ips).to.deep.equal({});
    expect(progress).to.deep.equal(["waiting for web 0/2", "waiting for web 1/2"]);
  });

  it("after a manifest update, waits until the new replicas replaced the old ones", () => {
    const rolling = (updated: number) =>
      parseLeaseStatus({ services: { web: { available: 2, total: 2, replicas: 2, updated_replicas: updated, available_replicas: 2, ready_replicas: 2, uris: [] } } });
    expect(pendingServices(rolling(1))).to.deep.equal(["web 1/2 updated"]);
    expect(pendingServices(rolling(2))).to.deep.equal([]);
  });

  it("waits for services the manifest declares but the provider does not report yet", () => {
    expect(pendingServices(status([1, 1]), ["web", "worker"])).to.deep.equal(["worker (not reported yet)"]);
    expect(pendingServices(status([0, 0]))).to.deep.equal(["web 0/0"]);
  });

  it("times out with what is known", async () => {
    const error = await awaitLeaseReady({ getStatus: async () => status([1, 3]), expectedServices: ["web", "db"], timeoutMs: 30, pollIntervalMs: 5 }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(LeaseNotReadyError);
    expect((error as Error).message).to.match(/lease not ready after \d+s \(not ready: web 1\/3, db \(not reported yet\)\)/);
    expect((error as LeaseNotReadyError).lastStatus!.services.web.availableReplicas).to.equal(1);
  });

  it("times out naming the last gateway error when no status ever arrived", async () => {
    const error = await awaitLeaseReady({
      getStatus: async () => {
        throw new Error("provider gateway answered 503: busy");
      },
      timeoutMs: 20,
      pollIntervalMs: 5,
    }).catch((e: unknown) => e);
    expect((error as Error).message).to.contain("no status received; last error: provider gateway answered 503: busy");
    expect((error as LeaseNotReadyError).lastError).to.be.instanceOf(Error);
  });
});
