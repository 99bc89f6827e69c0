import type { QueryAccountsResponse, QueryPaymentsResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { expect } from "chai";
import { TYPE, address, createBid, createDeployment, fund, leaseId, marketplace } from "../market-common/fixtures";

const tenant = address("tenant");
const provider = address("provider");

describe("escrow/queries", () => {
  it("filters accounts by state and a raw xid key prefix (so …/1 also matches …/10)", () => {
    const { ctx, providers } = marketplace();
    fund(ctx, tenant, [{ denom: "uact", amount: "100000000" }]);
    fund(ctx, provider, [{ denom: "uact", amount: "100000000" }]);
    providers.set(provider, []);
    for (const dseq of [1, 10, 2]) ctx.deliver(TYPE.createDeployment, createDeployment(tenant, dseq));
    ctx.deliver(TYPE.closeDeployment, { id: { owner: tenant, dseq: "2" } });
    ctx.deliver(TYPE.createBid, createBid(tenant, 1, provider, "50"));

    const accounts = (state: string, xid: string) => ctx.query<QueryAccountsResponse>("/akash.escrow.v1.Query/Accounts", { state, xid }).accounts.map((a) => a.id?.xid);
    expect(accounts("open", `deployment/${tenant}/1`)).to.deep.equal([`${tenant}/1`, `${tenant}/10`]);
    expect(accounts("closed", "")).to.deep.equal([`${tenant}/2`]);
    expect(accounts("open", "bid/")).to.deep.equal([`${tenant}/1/1/1/${provider}`]);
    expect(accounts("", `deployment/${tenant}`)).to.have.length(3);

    ctx.deliver(TYPE.createLease, { bidId: leaseId(tenant, 1, provider) });
    const payments = ctx.query<QueryPaymentsResponse>("/akash.escrow.v1.Query/Payments", { state: "open", xid: `deployment/${tenant}/1/` });
    expect(payments.payments.map((p) => [p.id?.aid?.xid, p.id?.xid, p.state?.rate?.amount])).to.deep.equal([[`${tenant}/1`, `1/1/${provider}`, "50"]]);
  });
});
