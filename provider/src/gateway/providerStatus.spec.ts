import { expect } from "chai";
import { probeProviderStatus } from "./providerStatus";
import { startTestGateway } from "./testGateway";

describe("probeProviderStatus", () => {
  it("reports a provider that answers /status as reachable", async () => {
    const gw = await startTestGateway();
    try {
      gw.script.set("GET /status", [{ status: 200, body: '{"cluster":{"leases":1}}' }, { status: 500, body: "boom" }, { status: 200, body: "<html>" }]);
      const ok = await probeProviderStatus(gw.hostUri);
      expect(ok).to.deep.include({ ok: true, status: { cluster: { leases: 1 } } });
      expect((await probeProviderStatus(gw.hostUri)).error).to.contain("answered 500: boom");
      expect((await probeProviderStatus(gw.hostUri)).error).to.contain("other than JSON");
    } finally {
      await gw.close();
    }
  });

  it("reports an offline provider without throwing", async () => {
    const r = await probeProviderStatus("https://127.0.0.1:1", 1000);
    expect(r.ok).to.equal(false);
    expect(r.error).to.contain("ECONNREFUSED");
  });
});
