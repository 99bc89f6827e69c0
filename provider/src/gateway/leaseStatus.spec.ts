import { expect } from "chai";
import { getLeaseStatus, parseLeaseStatus } from "./leaseStatus";
import { startTestGateway } from "./testGateway";

/** The shape of chain-sdk go/provider/client/types.go LeaseStatus (ips with Go field names). */
export const sampleStatus = {
  services: {
    web: { name: "web", available: 1, total: 2, uris: ["abc.ingress.example.com"], observed_generation: 1, replicas: 2, updated_replicas: 2, ready_replicas: 1, available_replicas: 1 },
    db: { name: "db", available: 1, total: 1, uris: null, observed_generation: 1, replicas: 1, updated_replicas: 1, ready_replicas: 1, available_replicas: 1 },
  },
  forwarded_ports: { db: [{ host: "provider.example.com", port: 5432, externalPort: 31234, proto: "TCP", name: "db" }] },
  ips: { web: [{ Port: 80, ExternalPort: 80, Protocol: "TCP", IP: "1.2.3.4" }] },
};

describe("lease status", () => {
  it("normalizes the provider's JSON", () => {
    const s = parseLeaseStatus(sampleStatus);
    expect(s.services.web).to.deep.equal({ available: 1, total: 2, replicas: 2, updatedReplicas: 2, readyReplicas: 1, availableReplicas: 1, uris: ["abc.ingress.example.com"] });
    expect(s.services.db.uris).to.deep.equal([]);
    expect(s.forwardedPorts.db).to.deep.equal([{ host: "provider.example.com", port: 5432, externalPort: 31234, proto: "TCP" }]);
    expect(s.ips.web).to.deep.equal([{ ip: "1.2.3.4", port: 80, externalPort: 80, protocol: "TCP" }]);
  });

  it("accepts null sections", () => {
    const s = parseLeaseStatus({ services: null, forwarded_ports: null, ips: null });
    expect(s).to.deep.equal({ services: {}, forwardedPorts: {}, ips: {}, errors: [] });
  });

  it("fetches it from the gateway and explains unreadable answers", async () => {
    const gw = await startTestGateway();
    try {
      gw.script.set("GET /lease/5/1/1/status", [{ status: 200, body: JSON.stringify(sampleStatus) }, { status: 200, body: '{"services": 3}' }]);
      const s = await getLeaseStatus({ hostUri: gw.hostUri, lease: { dseq: "5", gseq: 1, oseq: 1 }, auth: { kind: "jwt", token: "t" } });
      expect(Object.keys(s.services)).to.deep.equal(["web", "db"]);
      const error = await getLeaseStatus({ hostUri: gw.hostUri, lease: { dseq: "5", gseq: 1, oseq: 1 }, auth: { kind: "jwt", token: "t" } }).catch((e: Error) => e);
      expect((error as Error).message).to.contain("lease status we cannot read");
    } finally {
      await gw.close();
    }
  });
});
