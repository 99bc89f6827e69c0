import { expect } from "chai";
import { ChainTxError } from "../chain/errors";
import { fakeConnection } from "../chain/testConnection";
import { fetchBids, fetchProviderInfo } from "./chainBids";

const owner = "akash1owner";

describe("chain data for bid selection", () => {
  it("turns chain bids into selection input with state names", async () => {
    const { conn } = fakeConnection({
      "/akash.market.v1beta5.Query/Bids": () => ({
        bids: [
          { bid: { id: { owner, dseq: "9", gseq: 1, oseq: 2, provider: "akash1a" }, state: 1, price: { denom: "uact", amount: "12.5" } } },
          { bid: { id: { owner, dseq: "9", gseq: 2, oseq: 1, provider: "akash1b" }, state: 3, price: { denom: "uact", amount: "7" } } },
        ],
      }),
    });
    expect(await fetchBids(conn, owner, "9")).to.deep.equal([
      { gseq: 1, oseq: 2, provider: "akash1a", price: { denom: "uact", amount: "12.5" }, state: "open" },
      { gseq: 2, oseq: 1, provider: "akash1b", price: { denom: "uact", amount: "7" }, state: "lost" },
    ]);
  });

  it("gathers attributes, auditors and reachability of each bidder once, skipping unregistered ones", async () => {
    const probed: string[] = [];
    const { conn } = fakeConnection({
      "/akash.provider.v1beta4.Query/Provider": (req) => {
        if (req.owner === "akash1gone") throw new ChainTxError("provider", 3, "address not found", { stage: "query" });
        return { provider: { owner: req.owner, hostUri: `https://${req.owner}:8443`, attributes: [{ key: "region", value: "us-west" }] } };
      },
      "/akash.audit.v1.Query/ProviderAttributes": (req) => ({
        providers: req.owner === "akash1a" ? [{ owner: req.owner, auditor: "akash1auditor", attributes: [{ key: "region", value: "us-west" }] }] : [],
      }),
    });
    const info = await fetchProviderInfo(conn, ["akash1a", "akash1b", "akash1a", "akash1gone"], async (hostUri) => {
      probed.push(hostUri);
      return hostUri.includes("akash1b") ? { ok: false, error: "connect ECONNREFUSED" } : { ok: true };
    });
    expect(Object.keys(info).sort()).to.deep.equal(["akash1a", "akash1b"]);
    expect(info.akash1a).to.deep.equal({
      hostUri: "https://akash1a:8443",
      attributes: [{ key: "region", value: "us-west" }],
      auditedBy: ["akash1auditor"],
      reachable: true,
      reachabilityError: undefined,
    });
    expect(info.akash1b).to.include({ reachable: false, reachabilityError: "connect ECONNREFUSED" });
    expect(probed.sort()).to.deep.equal(["https://akash1a:8443", "https://akash1b:8443"]);
    const unprobed = await fetchProviderInfo(conn, ["akash1a"]);
    expect(unprobed.akash1a.reachable).to.equal(undefined);
  });
});
