/**
 * Registry modules acceptance (provider, audit, cert) through unmodified cosmjs clients and chain-sdk
 * codecs against a test devnet: happy paths and every error with its codespace and code.
 */
import { expect } from "chai";
import { CertificateManager } from "@akashnetwork/chain-sdk";
import * as v1 from "@akashnetwork/chain-sdk/private-types/akash.v1";
import * as v1beta4 from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import type { Devnet } from "../../devnet/src";
import { fundedWallet, type FundedWallet } from "../../devnet/src/testing";
import { useTestDevnet, type ChainAccess } from "./market-support";
import { failedQuery } from "./registry-support";

const aktOnly = [{ denom: "uakt", amount: "1000000000" }];

const createProvider = (owner: string, hostUri = "https://provider.example.com:8443", attributes = [{ key: "region", value: "us-west" }]) => ({
  typeUrl: `/${v1beta4.MsgCreateProvider.$type}`,
  value: v1beta4.MsgCreateProvider.fromPartial({ owner, hostUri, attributes, info: { email: "ops@example.com", website: "https://example.com" } }),
});
const updateProvider = (owner: string, hostUri: string, attributes: Array<{ key: string; value: string }>) => ({
  typeUrl: `/${v1beta4.MsgUpdateProvider.$type}`,
  value: v1beta4.MsgUpdateProvider.fromPartial({ owner, hostUri, attributes }),
});

describe("devnet registry modules (provider, audit, cert)", function () {
  this.timeout(120_000);
  let devnet: Devnet;
  let chain: ChainAccess;

  const env = useTestDevnet();
  before(() => {
    devnet = env.devnet();
    chain = env.chain();
  });

  describe("provider", () => {
    let owner: FundedWallet;

    before(async () => {
      owner = await fundedWallet(devnet, aktOnly);
      await chain.expectOk(owner, [createProvider(owner.address)]);
    });

    it("registers a provider that shows in Provider and Providers", async () => {
      const { provider } = await chain.query("/akash.provider.v1beta4.Query/Provider", v1beta4.QueryProviderRequest, v1beta4.QueryProviderResponse, { owner: owner.address });
      expect(provider).to.deep.include({ owner: owner.address, hostUri: "https://provider.example.com:8443" });
      expect(provider!.attributes).to.deep.equal([{ key: "region", value: "us-west" }]);
      expect(provider!.info).to.deep.equal({ email: "ops@example.com", website: "https://example.com" });
      const list = await chain.query("/akash.provider.v1beta4.Query/Providers", v1beta4.QueryProvidersRequest, v1beta4.QueryProvidersResponse, {});
      expect(list.providers.map((p) => p.owner)).to.include(owner.address);
    });

    it("updates host uri and attributes", async () => {
      await chain.expectOk(owner, [updateProvider(owner.address, "https://p2.example.com", [{ key: "region", value: "eu-central" }, { key: "tier", value: "community" }])]);
      const { provider } = await chain.query("/akash.provider.v1beta4.Query/Provider", v1beta4.QueryProviderRequest, v1beta4.QueryProviderResponse, { owner: owner.address });
      expect(provider!.hostUri).to.equal("https://p2.example.com");
      expect(provider!.attributes).to.deep.equal([{ key: "region", value: "eu-central" }, { key: "tier", value: "community" }]);
    });

    it("pages the provider list with next_key", async () => {
      const others = await Promise.all([fundedWallet(devnet, aktOnly), fundedWallet(devnet, aktOnly)]);
      await Promise.all(others.map((w) => chain.expectOk(w, [createProvider(w.address)])));
      const first = await chain.query("/akash.provider.v1beta4.Query/Providers", v1beta4.QueryProvidersRequest, v1beta4.QueryProvidersResponse, { pagination: { limit: 2 } });
      expect(first.providers).to.have.length(2);
      expect(first.pagination!.nextKey.length).to.be.greaterThan(0);
      const rest = await chain.query("/akash.provider.v1beta4.Query/Providers", v1beta4.QueryProvidersRequest, v1beta4.QueryProvidersResponse, {
        pagination: { key: first.pagination!.nextKey, limit: 100 },
      });
      const seen = [...first.providers, ...rest.providers].map((p) => p.owner);
      expect(new Set(seen).size).to.equal(seen.length);
      for (const w of [owner, ...others]) expect(seen).to.include(w.address);
    });

    it("rejects a second registration with provider/4", async () => {
      const out = await chain.submit(owner, [createProvider(owner.address)]);
      expect(out).to.deep.include({ codespace: "provider", code: 4 });
      expect(out.log).to.contain(`id: ${owner.address}: invalid provider: already exists`);
    });

    it("validates the host uri and attribute keys like the node", async () => {
      const cases: Array<[ReturnType<typeof createProvider>, string, number]> = [
        [createProvider(owner.address, "http://provider.example.com"), "provider", 1],
        [createProvider(owner.address, "provider.example.com"), "provider", 2],
        [createProvider(owner.address, "https://provider.example.com/path"), "provider", 1],
        [createProvider(owner.address, "https://"), "provider", 1],
        [createProvider(owner.address, "https://host:port"), "provider", 1],
        [createProvider(owner.address, "https://p.example.com", [{ key: "1region", value: "x" }]), "akash", 2],
        [createProvider(owner.address, "https://p.example.com", [{ key: "region", value: "a" }, { key: "region", value: "b" }]), "akash", 1],
      ];
      for (const [msg, codespace, code] of cases) {
        const out = await chain.submit(owner, [msg]);
        expect(out, msg.value.hostUri).to.deep.include({ codespace, code });
      }
    });

    it("answers update of an unknown provider with provider/3 and delete with NOTIMPLEMENTED", async () => {
      const stranger = await fundedWallet(devnet, aktOnly);
      expect(await chain.submit(stranger, [updateProvider(stranger.address, "https://x.example.com", [])])).to.deep.include({ codespace: "provider", code: 3 });
      const del = await chain.submit(owner, [{ typeUrl: `/${v1beta4.MsgDeleteProvider.$type}`, value: { owner: owner.address } }]);
      expect(del).to.deep.include({ codespace: "provider", code: 10 });
      expect(del.log).to.contain("NOTIMPLEMENTED: internal error");
    });

    it("serves the provider over the grpc-gateway REST routes", async () => {
      const res = await fetch(`${devnet.restUrl}/akash/provider/v1beta4/providers/${owner.address}`);
      expect(res.status).to.equal(200);
      const body = (await res.json()) as { provider: { owner: string; host_uri: string } };
      expect(body.provider).to.deep.include({ owner: owner.address, host_uri: "https://p2.example.com" });
    });

    it("answers a query for an unknown provider with sdk key-not-found", async () => {
      const stranger = await fundedWallet(devnet, aktOnly);
      const out = await failedQuery(devnet.rpcUrl, "/akash.provider.v1beta4.Query/Provider", v1beta4.QueryProviderRequest, { owner: stranger.address });
      expect(out).to.deep.include({ codespace: "sdk", code: 22 });
      expect(out.log).to.contain("invalid provider: address not found");
    });
  });

  describe("audit", () => {
    let provider: FundedWallet;
    let auditor: FundedWallet;
    const sign = (owner: string, auditorAddress: string, attributes: Array<{ key: string; value: string }>) => ({
      typeUrl: `/${v1.MsgSignProviderAttributes.$type}`,
      value: v1.MsgSignProviderAttributes.fromPartial({ owner, auditor: auditorAddress, attributes }),
    });
    const remove = (owner: string, auditorAddress: string, keys: string[]) => ({
      typeUrl: `/${v1.MsgDeleteProviderAttributes.$type}`,
      value: v1.MsgDeleteProviderAttributes.fromPartial({ owner, auditor: auditorAddress, keys }),
    });
    const auditorAttributes = () =>
      chain.query("/akash.audit.v1.Query/ProviderAuditorAttributes", v1.QueryProviderAuditorRequest, v1.QueryProvidersResponse, {
        owner: provider.address,
        auditor: auditor.address,
      });

    before(async () => {
      [provider, auditor] = await Promise.all([fundedWallet(devnet, aktOnly), fundedWallet(devnet, aktOnly)]);
      await chain.expectOk(provider, [createProvider(provider.address)]);
    });

    it("an auditor signs provider attributes, visible in every audit query", async () => {
      await chain.expectOk(auditor, [sign(provider.address, auditor.address, [{ key: "tier", value: "premium" }, { key: "region", value: "us-west" }])]);
      const byPair = await auditorAttributes();
      expect(byPair.providers).to.deep.equal([
        { owner: provider.address, auditor: auditor.address, attributes: [{ key: "region", value: "us-west" }, { key: "tier", value: "premium" }] },
      ]);
      const byProvider = await chain.query("/akash.audit.v1.Query/ProviderAttributes", v1.QueryProviderAttributesRequest, v1.QueryProvidersResponse, { owner: provider.address });
      expect(byProvider.providers.map((p) => p.auditor)).to.deep.equal([auditor.address]);
      const byAuditor = await chain.query("/akash.audit.v1.Query/AuditorAttributes", v1.QueryAuditorAttributesRequest, v1.QueryProvidersResponse, { auditor: auditor.address });
      expect(byAuditor.providers.map((p) => p.owner)).to.deep.equal([provider.address]);
      const all = await chain.query("/akash.audit.v1.Query/AllProvidersAttributes", v1.QueryAllProvidersAttributesRequest, v1.QueryProvidersResponse, {});
      expect(all.providers.some((p) => p.owner === provider.address && p.auditor === auditor.address)).to.equal(true);
    });

    it("merges a second signature and deletes single keys", async () => {
      await chain.expectOk(auditor, [sign(provider.address, auditor.address, [{ key: "tier", value: "gold" }, { key: "gpu", value: "true" }])]);
      expect((await auditorAttributes()).providers[0]!.attributes).to.deep.equal([
        { key: "gpu", value: "true" },
        { key: "region", value: "us-west" },
        { key: "tier", value: "gold" },
      ]);
      await chain.expectOk(auditor, [remove(provider.address, auditor.address, ["gpu"])]);
      expect((await auditorAttributes()).providers[0]!.attributes.map((a) => a.key)).to.deep.equal(["region", "tier"]);
    });

    it("reports audit errors with their codes", async () => {
      const missingKey = await chain.submit(auditor, [remove(provider.address, auditor.address, ["nope"])]);
      expect(missingKey).to.deep.include({ codespace: "audit", code: 3 });
      const stranger = await fundedWallet(devnet, aktOnly);
      expect(await chain.submit(stranger, [remove(provider.address, stranger.address, [])])).to.deep.include({ codespace: "audit", code: 1 });
      expect(await chain.submit(auditor, [sign("akash1invalid", auditor.address, [])])).to.deep.include({ codespace: "sdk", code: 7 });
      const query = await failedQuery(devnet.rpcUrl, "/akash.audit.v1.Query/ProviderAuditorAttributes", v1.QueryProviderAuditorRequest, {
        owner: provider.address,
        auditor: stranger.address,
      });
      expect(query).to.deep.include({ codespace: "sdk", code: 22 });
    });

    it("deleting every key removes the auditor's record", async () => {
      await chain.expectOk(auditor, [remove(provider.address, auditor.address, [])]);
      const out = await failedQuery(devnet.rpcUrl, "/akash.audit.v1.Query/ProviderAttributes", v1.QueryProviderAttributesRequest, { owner: provider.address });
      expect(out).to.deep.include({ codespace: "sdk", code: 22 });
    });
  });

  describe("cert", () => {
    let tenant: FundedWallet;
    const certs = new CertificateManager();
    const create = (owner: string, pem: { cert: string; publicKey: string }) => ({
      typeUrl: `/${v1.MsgCreateCertificate.$type}`,
      value: v1.MsgCreateCertificate.fromPartial({ owner, cert: Buffer.from(pem.cert, "utf8"), pubkey: Buffer.from(pem.publicKey, "utf8") }),
    });
    const revoke = (owner: string, serial: string) => ({
      typeUrl: `/${v1.MsgRevokeCertificate.$type}`,
      value: v1.MsgRevokeCertificate.fromPartial({ id: { owner, serial } }),
    });
    const list = (filter: { owner?: string; serial?: string; state?: string }) =>
      chain.query("/akash.cert.v1.Query/Certificates", v1.QueryCertificatesRequest, v1.QueryCertificatesResponse, { filter });

    before(async () => {
      tenant = await fundedWallet(devnet, aktOnly);
    });

    it("a tenant creates a CertificateManager certificate and revokes it", async () => {
      const pem = await certs.generatePEM(tenant.address);
      await chain.expectOk(tenant, [create(tenant.address, pem)]);
      const created = await list({ owner: tenant.address });
      expect(created.certificates).to.have.length(1);
      const [entry] = created.certificates;
      expect(entry!.certificate!.state).to.equal(v1.Cert_State.valid);
      expect(Buffer.from(entry!.certificate!.cert).toString("utf8")).to.equal(pem.cert);
      expect(Buffer.from(entry!.certificate!.pubkey).toString("utf8")).to.equal(pem.publicKey);
      const serial = entry!.serial;
      expect(serial).to.match(/^\d+$/);

      expect(await chain.submit(tenant, [create(tenant.address, pem)])).to.deep.include({ codespace: "cert", code: 3 });
      await chain.expectOk(tenant, [revoke(tenant.address, serial)]);
      const revoked = await list({ owner: tenant.address, state: "revoked" });
      expect(revoked.certificates.map((c) => c.serial)).to.deep.equal([serial]);
      expect((await list({ owner: tenant.address, state: "valid" })).certificates).to.have.length(0);
      expect(await chain.submit(tenant, [revoke(tenant.address, serial)])).to.deep.include({ codespace: "cert", code: 4 });
      expect(await chain.submit(tenant, [revoke(tenant.address, "12345")])).to.deep.include({ codespace: "cert", code: 1 });
      expect(await chain.submit(tenant, [revoke(tenant.address, "12a")])).to.deep.include({ codespace: "cert", code: 5 });
    });

    it("rejects invalid certificates with the node's codes", async () => {
      const other = await fundedWallet(devnet, aktOnly);
      const theirs = await certs.generatePEM(other.address);
      const mine = await certs.generatePEM(tenant.address);
      const cases: Array<[{ cert: string; publicKey: string }, number, string]> = [
        [theirs, 6, "CommonName does not match owner"],
        [{ cert: mine.cert, publicKey: theirs.publicKey }, 6, "invalid certificate signature"],
        [{ cert: mine.cert, publicKey: mine.publicKey.replace(/EC PUBLIC KEY/g, "PUBLIC KEY") }, 7, "invalid pem block type"],
        [{ cert: mine.cert, publicKey: "not a pem" }, 7, "invalid pubkey value"],
        [{ cert: mine.cert + mine.cert, publicKey: mine.publicKey }, 6, "invalid certificate value"],
      ];
      for (const [pem, code, text] of cases) {
        const out = await chain.submit(tenant, [create(tenant.address, pem)]);
        expect(out, text).to.deep.include({ codespace: "cert", code });
        expect(out.log).to.contain(text);
      }
    });

    it("keeps several valid certificates per owner and pages them", async () => {
      const owner = await fundedWallet(devnet, aktOnly);
      for (let i = 0; i < 3; i++) await chain.expectOk(owner, [create(owner.address, await certs.generatePEM(owner.address))]);
      const first = await chain.query("/akash.cert.v1.Query/Certificates", v1.QueryCertificatesRequest, v1.QueryCertificatesResponse, {
        filter: { owner: owner.address },
        pagination: { limit: 2 },
      });
      expect(first.certificates).to.have.length(2);
      const second = await chain.query("/akash.cert.v1.Query/Certificates", v1.QueryCertificatesRequest, v1.QueryCertificatesResponse, {
        filter: { owner: owner.address },
        pagination: { key: first.pagination!.nextKey },
      });
      expect(second.certificates).to.have.length(1);
      const serials = [...first.certificates, ...second.certificates].map((c) => BigInt(c.serial));
      expect(serials).to.deep.equal([...serials].sort((a, b) => (a < b ? -1 : 1)));
      const bySerial = await list({ owner: owner.address, serial: serials[1]!.toString() });
      expect(bySerial.certificates.map((c) => c.serial)).to.deep.equal([serials[1]!.toString()]);
      const badState = await failedQuery(devnet.rpcUrl, "/akash.cert.v1.Query/Certificates", v1.QueryCertificatesRequest, { filter: { state: "bogus" } });
      expect(badState).to.deep.include({ codespace: "sdk", code: 18 });
    });
  });
});
