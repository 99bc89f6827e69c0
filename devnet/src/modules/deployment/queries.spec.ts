import type { QueryDeploymentResponse, QueryDeploymentsResponse, QueryGroupResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { expect } from "chai";
import { TYPE, address, chainErrorOf, createDeployment, fund, marketplace } from "../market-common/fixtures";

const tenant = address("tenant");
const other = address("other");

describe("deployment/queries", () => {
  function setup() {
    const { ctx } = marketplace();
    for (const a of [tenant, other]) fund(ctx, a, [{ denom: "uact", amount: "100000000" }]);
    ctx.deliver(TYPE.createDeployment, createDeployment(tenant, 5));
    ctx.deliver(TYPE.createDeployment, createDeployment(other, 6));
    ctx.deliver(TYPE.createDeployment, createDeployment(tenant, 7));
    ctx.deliver(TYPE.closeDeployment, { id: { owner: tenant, dseq: "5" } });
    return ctx;
  }
  const dseqs = (r: QueryDeploymentsResponse) => r.deployments.map((d) => Number(d.deployment?.id?.dseq));

  it("lists active before closed without filters, and by owner/dseq/state with filters", () => {
    const ctx = setup();
    const list = (filters: object) => ctx.query<QueryDeploymentsResponse>("/akash.deployment.v1beta4.Query/Deployments", { filters });
    // State path: active deployments in (owner, dseq) key order, then closed ones.
    const active = ([[tenant, 7], [other, 6]] as const).slice().sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, d]) => d);
    expect(dseqs(list({}))).to.deep.equal([...active, 5]);
    expect(dseqs(list({ owner: tenant }))).to.deep.equal([5, 7]);
    expect(dseqs(list({ owner: tenant, dseq: "7" }))).to.deep.equal([7]);
    expect(dseqs(list({ state: "closed" }))).to.deep.equal([5]);
    expect(list({ owner: tenant, state: "active" }).pagination?.total.toString()).to.equal("1");
  });

  it("returns a deployment with groups and escrow account, a group, and the node's not-found errors", () => {
    const ctx = setup();
    const d = ctx.query<QueryDeploymentResponse>("/akash.deployment.v1beta4.Query/Deployment", { id: { owner: tenant, dseq: "7" } });
    expect(d.escrowAccount?.state?.funds).to.deep.equal([{ denom: "uact", amount: "5000000" }]);
    expect(d.groups).to.have.length(1);
    const g = ctx.query<QueryGroupResponse>("/akash.deployment.v1beta4.Query/Group", { id: { owner: tenant, dseq: "7", gseq: 1 } });
    expect(g.group?.groupSpec?.name).to.equal("dcloud");
    const missing = chainErrorOf(() => ctx.query("/akash.deployment.v1beta4.Query/Deployment", { id: { owner: tenant, dseq: "99" } }));
    expect(missing).to.deep.include({ codespace: "sdk", code: 22, message: "Deployment not found: key not found" });
    const bad = chainErrorOf(() => ctx.query("/akash.deployment.v1beta4.Query/Deployment", { id: { owner: "nobody", dseq: "1" } }));
    expect(bad).to.include({ codespace: "sdk", code: 18 });
  });
});
