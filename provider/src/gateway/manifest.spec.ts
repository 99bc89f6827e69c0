import { expect } from "chai";
import { GatewayError } from "./https";
import { isRetryableManifestError, sendManifest } from "./manifest";
import { startTestGateway, type TestGateway } from "./testGateway";

const manifestJson = '[{"name":"dcloud","services":[]}]';

describe("sendManifest", () => {
  let gw: TestGateway;
  beforeEach(async () => (gw = await startTestGateway()));
  afterEach(() => gw.close());

  it("PUTs the manifest JSON byte for byte with a fresh credential per attempt", async () => {
    gw.script.set("PUT /deployment/42/manifest", [{ status: 404, body: "no lease for deployment" }, { status: 200 }]);
    let tokens = 0;
    const retries: number[] = [];
    await sendManifest({
      hostUri: gw.hostUri,
      dseq: 42n,
      manifestJson,
      auth: async () => ({ kind: "jwt", token: `t${++tokens}` }),
      retryDelayMs: 1,
      onRetry: (n) => retries.push(n),
    });
    expect(gw.requests.map((r) => [r.method, r.path, r.body, r.headers["content-type"], r.headers.authorization])).to.deep.equal([
      ["PUT", "/deployment/42/manifest", manifestJson, "application/json", "Bearer t1"],
      ["PUT", "/deployment/42/manifest", manifestJson, "application/json", "Bearer t2"],
    ]);
    expect(retries).to.deep.equal([1]);
  });

  it("fails at once on a 4xx with the provider's message", async () => {
    gw.script.set("PUT /deployment/7/manifest", [{ status: 422, body: "manifest version validation failed\n" }]);
    const error = await sendManifest({ hostUri: gw.hostUri, dseq: "7", manifestJson, auth: { kind: "jwt", token: "t" }, retryDelayMs: 1 }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(GatewayError).and.include({ status: 422, providerMessage: "manifest version validation failed" });
    expect(gw.requests).to.have.length(1);
  });

  it("retries 5xx up to the attempt limit, then surfaces the last error", async () => {
    gw.script.set("PUT /deployment/7/manifest", [{ status: 503, body: "busy" }]);
    const error = await sendManifest({ hostUri: gw.hostUri, dseq: "7", manifestJson, auth: { kind: "jwt", token: "t" }, attempts: 3, retryDelayMs: 1 }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(GatewayError).and.include({ status: 503 });
    expect((error as Error).message).to.contain("busy");
    expect(gw.requests).to.have.length(3);
  });

  it("classifies which errors are worth retrying", () => {
    const e = (status: number | undefined, msg: string) => new GatewayError("u", status, msg);
    expect(isRetryableManifestError(e(404, "no lease for deployment"))).to.equal(true);
    expect(isRetryableManifestError(e(undefined, "no answer"))).to.equal(true);
    expect(isRetryableManifestError(e(502, ""))).to.equal(true);
    expect(isRetryableManifestError(e(404, "deployment not found: closed"))).to.equal(false);
    expect(isRetryableManifestError(e(401, "unauthorized access"))).to.equal(false);
  });
});
