import { expect } from "chai";
import { X509Certificate } from "node:crypto";
import { CertificateManager, JwtTokenManager } from "@akashnetwork/chain-sdk";
import { Secp256k1HdWallet } from "@cosmjs/amino";
import { toUtf8 } from "@cosmjs/encoding";
import { deterministicMnemonic } from "./config";
import { Gateway, type GatewayBackend } from "./gateway";
import { ErrNoLeaseForDeployment } from "./manifest-check";
import { gatewayRequest } from "./test-client";

const PROVIDER = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";

describe("providers/gateway", () => {
  let wallet: Secp256k1HdWallet;
  let tenant: string;
  let pubkey: Uint8Array;
  let gateway: Gateway;
  let base: string;
  let port: number;
  const request = (method: string, path: string, opts?: Parameters<typeof gatewayRequest>[3]) => gatewayRequest(base, method, path, opts);
  let failing = false;
  let clientPem: { cert: string; privateKey: string; publicKey: string };
  let serverTls: { key: string; cert: string };
  let onChainCert: string | undefined;
  const submitted: Array<{ owner: string; dseq: bigint; body: string }> = [];

  const backend = (): GatewayBackend => ({
    address: PROVIDER,
    status: () => ({ cluster: { leases: 0 } }),
    version: () => ({ akash: { version: "test" } }),
    submitManifest: async (owner, dseq, body) => {
      if (dseq === 404n) throw ErrNoLeaseForDeployment;
      submitted.push({ owner, dseq, body });
    },
    leaseStatus: (lease) => (lease.dseq === 5n ? { services: {}, forwarded_ports: null, ips: null } : undefined),
    serviceStatus: () => undefined,
    leaseManifest: () => undefined,
    lookupPubkey: async (address) => (address === tenant ? pubkey : undefined),
    lookupCertificate: async (owner, serial) =>
      onChainCert && owner === tenant && serial === BigInt("0x" + new X509Certificate(onChainCert).serialNumber).toString()
        ? { cert: toUtf8(onChainCert), valid: true }
        : undefined,
    failing: () => failing,
  });

  before(async () => {
    wallet = await Secp256k1HdWallet.fromMnemonic(deterministicMnemonic("gateway spec tenant"), { prefix: "akash" });
    [{ address: tenant, pubkey }] = await wallet.getAccounts();
    const serverPem = await new CertificateManager().generatePEM(PROVIDER);
    serverTls = { key: serverPem.privateKey, cert: serverPem.cert };
    clientPem = await new CertificateManager().generatePEM(tenant);
    gateway = new Gateway(backend(), serverTls);
    await gateway.start(0);
    base = gateway.hostUri;
    port = Number(new URL(base).port);
  });

  after(() => gateway.stop());
  afterEach(() => {
    failing = false;
    onChainCert = undefined;
  });

  const token = (leases?: Parameters<JwtTokenManager["generateToken"]>[0]["leases"]) =>
    new JwtTokenManager(wallet).generateToken({ version: "v1", iss: tenant, ...(leases ? { leases } : {}) });

  it("serves /address, /version and /status without authentication", async () => {
    expect(JSON.parse((await request("GET", "/address")).body)).to.deep.equal({ address: PROVIDER });
    const status = await request("GET", "/status");
    expect(status.status).to.equal(200);
    expect(status.type).to.equal("application/json; charset=UTF-8");
    expect(JSON.parse(status.body)).to.deep.equal({ cluster: { leases: 0 }, address: PROVIDER });
    expect((await request("GET", "/version")).status).to.equal(200);
  });

  it("answers unknown routes and methods like gorilla/mux", async () => {
    expect(await request("GET", "/nope")).to.deep.include({ status: 404, body: "404 page not found\n" });
    expect((await request("POST", "/status")).status).to.equal(405);
  });

  it("refuses unauthenticated and malformed requests with the provider's codes and JSON messages", async () => {
    expect(await request("PUT", "/deployment/1/manifest", { body: "[]" })).to.deep.include({ status: 401, body: '{"message":"unauthorized access"}' });
    expect(await request("PUT", "/deployment/1/manifest", { authorization: "Basic abc", body: "[]" })).to.deep.include({
      status: 400,
      body: '{"message":"invalid authorization header"}',
    });
    expect(await request("GET", "/lease/1/1/1/status", { token: "x.y.z" })).to.deep.include({ status: 401, body: '{"message":"JWT is invalid"}' });
  });

  it("accepts a manifest PUT with a JWT carrying send-manifest, for the token issuer", async () => {
    const reply = await request("PUT", "/deployment/42/manifest", { token: await token({ access: "scoped", scope: ["send-manifest"] }), body: "[1]" });
    expect(reply.status).to.equal(200);
    expect(submitted.at(-1)).to.deep.equal({ owner: tenant, dseq: 42n, body: "[1]" });
    const statusOnly = await token({ access: "scoped", scope: ["status"] });
    expect((await request("PUT", "/deployment/42/manifest", { token: statusOnly, body: "[]" })).status).to.equal(401);
    expect(await request("PUT", "/deployment/404/manifest", { token: await token(), body: "[]" })).to.deep.include({ status: 404, body: "no lease for deployment\n" });
    expect((await request("PUT", "/deployment/abc/manifest", { token: await token(), body: "[]" })).status).to.equal(400);
  });

  it("answers lease status, 404 with no body when no manifest was deployed", async () => {
    const full = await token();
    expect(JSON.parse((await request("GET", "/lease/5/1/1/status", { token: full })).body)).to.deep.equal({ services: {}, forwarded_ports: null, ips: null });
    expect(await request("GET", "/lease/6/1/1/status", { token: full })).to.deep.include({ status: 404, body: "" });
    expect(await request("GET", "/lease/5/1/1/service/web/status", { token: full })).to.deep.include({ status: 404 });
  });

  it("authenticates with an on-chain client certificate (mTLS), refusing mTLS plus JWT", async () => {
    onChainCert = clientPem.cert;
    const cert = { key: clientPem.privateKey, cert: clientPem.cert };
    expect((await request("GET", "/lease/5/1/1/status", { cert })).status).to.equal(200);
    expect(await request("GET", "/lease/5/1/1/status", { cert, token: await token() })).to.deep.include({
      status: 400,
      body: '{"message":"auth: ambiguous authentication. may not use mTLS and JWT at the same time"}',
    });
  });

  it("configured without JWT (mTLS only), never reads a bearer token: a JWT alone is unauthorized, a client certificate works", async () => {
    const mtlsOnly = new Gateway(backend(), serverTls, false);
    await mtlsOnly.start(0);
    try {
      const get = (path: string, opts?: Parameters<typeof gatewayRequest>[3]) => gatewayRequest(mtlsOnly.hostUri, "GET", path, opts);
      expect(await get("/lease/5/1/1/status", { token: await token() })).to.deep.include({ status: 401, body: '{"message":"unauthorized access"}' });
      expect((await get("/status")).status).to.equal(200);
      onChainCert = clientPem.cert;
      const cert = { key: clientPem.privateKey, cert: clientPem.cert };
      expect((await get("/lease/5/1/1/status", { cert })).status).to.equal(200);
      expect((await get("/lease/5/1/1/status", { cert, token: await token() })).status).to.equal(200, "the token is not even looked at");
    } finally {
      await mtlsOnly.stop();
    }
  });

  it("drops the connection of a client certificate that is not on chain", async () => {
    const cert = { key: clientPem.privateKey, cert: clientPem.cert };
    let failed = false;
    await request("GET", "/lease/5/1/1/status", { cert }).catch(() => (failed = true));
    expect(failed).to.equal(true);
  });

  it("fails every request with 500 while the 5xx fault is on", async () => {
    failing = true;
    expect((await request("GET", "/status")).status).to.equal(500);
    failing = false;
    expect((await request("GET", "/status")).status).to.equal(200);
  });

  it("refuses connections while offline and comes back on the same port", async () => {
    await gateway.stop();
    let refused = false;
    await request("GET", "/status").catch(() => (refused = true));
    expect(refused).to.equal(true);
    await gateway.start();
    expect(new URL(gateway.hostUri).port).to.equal(String(port));
    expect((await request("GET", "/status")).status).to.equal(200);
  });
});
