import { expect } from "chai";
import { ChainTxError } from "../errors";
import { fakeConnection } from "../testConnection";
import { queryAuditedAttributes, queryProvider } from "./queries";

const notFound = () => {
  throw new ChainTxError("provider", 3, "invalid provider: address not found", { stage: "query" });
};

describe("provider and audit queries", () => {
  it("returns a registered provider's host and attributes, undefined otherwise", async () => {
    const { conn } = fakeConnection({
      "/akash.provider.v1beta4.Query/Provider": (req) => ({ provider: { owner: req.owner, hostUri: "https://p:8443", attributes: [{ key: "region", value: "us-west" }] } }),
    });
    const p = await queryProvider(conn, "akash1p");
    expect(p).to.deep.include({ owner: "akash1p", hostUri: "https://p:8443" });
    expect(await queryProvider(fakeConnection({ "/akash.provider.v1beta4.Query/Provider": notFound }).conn, "akash1x")).to.equal(undefined);
  });

  it("lists auditor signatures of a provider, empty when there are none", async () => {
    const { conn, calls } = fakeConnection({
      "/akash.audit.v1.Query/ProviderAttributes": (req) => ({ providers: [{ owner: req.owner, auditor: "akash1auditor", attributes: [{ key: "tier", value: "community" }] }] }),
    });
    const audits = await queryAuditedAttributes(conn, "akash1p");
    expect(audits.map((a) => a.auditor)).to.deep.equal(["akash1auditor"]);
    expect(calls[0].request.owner).to.equal("akash1p");
    expect(await queryAuditedAttributes(fakeConnection({ "/akash.audit.v1.Query/ProviderAttributes": notFound }).conn, "akash1x")).to.deep.equal([]);
  });
});
