import { expect } from "chai";
import { CertificateManager } from "@akashnetwork/chain-sdk";
import { GatewayError, gatewayRequest, gatewayUrl } from "./https";
import { Limiter } from "./limiter";
import { startTestGateway, type TestGateway } from "./testGateway";

describe("gatewayRequest", () => {
  let gw: TestGateway;
  beforeEach(async () => (gw = await startTestGateway()));
  afterEach(() => gw.close());

  it("talks to a self-signed provider and sends the JWT as a bearer token", async () => {
    gw.script.set("GET /version", [{ status: 200, body: '{"ok":true}' }]);
    const res = await gatewayRequest({ method: "GET", url: `${gw.hostUri}/version`, auth: { kind: "jwt", token: "abc.def.ghi" }, timeoutMs: 5000 });
    expect(res).to.deep.equal({ status: 200, body: '{"ok":true}' });
    expect(gw.requests[0].headers.authorization).to.equal("Bearer abc.def.ghi");
    expect(gw.requests[0].clientCertSubject).to.equal(undefined);
  });

  it("presents a client certificate for mTLS and no bearer token", async () => {
    gw.script.set("GET /version", [{ status: 200, body: "{}" }]);
    const pem = await new CertificateManager().generatePEM("akash1tenant");
    await gatewayRequest({ method: "GET", url: `${gw.hostUri}/version`, auth: { kind: "mtls", certPem: pem.cert, keyPem: pem.privateKey }, timeoutMs: 5000 });
    expect(gw.requests[0].clientCertSubject).to.equal("akash1tenant");
    expect(gw.requests[0].headers.authorization).to.equal(undefined);
  });

  it("accepts the pinned certificate and refuses another", async () => {
    gw.script.set("GET /status", [{ status: 200, body: "{}" }]);
    const ok = await gatewayRequest({ method: "GET", url: `${gw.hostUri}/status`, timeoutMs: 5000, pinnedCertSha256: gw.fingerprint256.toLowerCase() });
    expect(ok.status).to.equal(200);
    const error = await gatewayRequest({ method: "GET", url: `${gw.hostUri}/status`, timeoutMs: 5000, pinnedCertSha256: "00".repeat(32) }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(GatewayError);
    expect((error as Error).message).to.contain("does not match the pinned");
  });

  it("gives up after the timeout with a clear error", async () => {
    gw.script.set("GET /slow", ["hang"]);
    const error = await gatewayRequest({ method: "GET", url: `${gw.hostUri}/slow`, timeoutMs: 100 }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(GatewayError).and.include({ status: undefined });
    expect((error as Error).message).to.contain("no answer within 100 ms");
  });

  it("keeps at most the limiter's number of requests at the provider, each deadline starting with its slot", async () => {
    gw.script.set("GET /slow", ["hang"]);
    const limit = new Limiter(3);
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const all = Promise.all(Array.from({ length: 7 }, () => gatewayRequest({ method: "GET", url: `${gw.hostUri}/slow`, timeoutMs: 300, limit }).catch((e: Error) => e.message)));
    await sleep(150);
    expect(gw.requests).to.have.length(3);
    await sleep(300);
    expect(gw.requests).to.have.length(6);
    expect(await all).to.satisfy((messages: string[]) => messages.every((m) => m.includes("no answer within 300 ms")));
    expect(gw.requests).to.have.length(7);
  });

  it("reports a refused connection as a GatewayError", async () => {
    const error = await gatewayRequest({ method: "GET", url: "https://127.0.0.1:1/status", timeoutMs: 2000 }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(GatewayError);
    expect((error as Error).message).to.contain("ECONNREFUSED");
  });

  it("joins host URIs and paths", () => {
    expect(gatewayUrl("https://p.example.com:8443/", "/status")).to.equal("https://p.example.com:8443/status");
  });
});
