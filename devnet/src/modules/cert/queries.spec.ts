import { expect } from "chai";
import { testChain } from "../registry-kit/testing";
import { createCertKeeper } from "./keeper";
import { certQueries } from "./queries";

const owners = ["akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq7cdc78", "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63"];
type Res = { certificates: Array<{ serial: string; certificate: { state: number } }>; pagination: { nextKey: Uint8Array; total: { toString(): string } } };

describe("cert Certificates query", () => {
  const keeper = createCertKeeper();
  const chain = testChain([{ name: "cert", msgs: [], queries: certQueries(keeper), keeper }]);
  before(() => {
    for (const owner of owners) for (const serial of [1n, 2n]) keeper.create(chain.ctx, owner, serial, { cert: "C", pubkey: "K" });
    keeper.revoke(chain.ctx, owners[0]!, 1n);
  });
  const query = (req: unknown) => chain.query<Res>("/akash.cert.v1.Query/Certificates", req);

  it("walks valid certificates first, then revoked, across owners", () => {
    const all = query({});
    expect(all.certificates.map((c) => c.certificate.state)).to.deep.equal([1, 1, 1, 2]);
    expect(all.pagination.total.toString()).to.equal("4");
  });

  it("filters by owner, serial and state", () => {
    expect(query({ filter: { owner: owners[1], serial: "2" } }).certificates.map((c) => c.serial)).to.deep.equal(["2"]);
    expect(query({ filter: { state: "revoked" } }).certificates.map((c) => c.serial)).to.deep.equal(["1"]);
    expect(query({ filter: { owner: owners[0] } }).certificates).to.have.length(2);
  });

  it("resumes across states with next_key", () => {
    const first = query({ pagination: { limit: 2 } });
    expect(first.certificates).to.have.length(2);
    const rest = query({ pagination: { key: first.pagination.nextKey, limit: 3 } });
    expect(rest.certificates.map((c) => c.certificate.state)).to.deep.equal([1, 2]);
  });

  it("like the node, gives no next_key when a page ends exactly at the end of the valid certificates", () => {
    expect(query({ pagination: { limit: 3 } }).pagination.nextKey).to.have.length(0);
  });

  it("refuses an offset without a state and unknown states", () => {
    expect(() => query({ pagination: { offset: 1 } })).to.throw("if offset is set, filter.state must be provided");
    expect(() => query({ filter: { state: "expired" } })).to.throw().that.deep.includes({ codespace: "sdk", code: 18 });
    expect(query({ filter: { state: "valid" }, pagination: { offset: 1 } }).certificates).to.have.length(2);
  });
});
