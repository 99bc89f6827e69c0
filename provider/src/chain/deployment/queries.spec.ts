import { expect } from "chai";
import { ChainTxError } from "../errors";
import { fakeConnection } from "../testConnection";
import { queryDeployment, queryDeploymentParams } from "./queries";

const owner = "akash1owner";

describe("deployment queries", () => {
  it("asks for the deployment by owner and dseq and returns groups and escrow", async () => {
    const { conn, calls } = fakeConnection({
      "/akash.deployment.v1beta4.Query/Deployment": (req) => ({
        deployment: { id: req.id, state: 1, hash: new Uint8Array(32) },
        groups: [{ id: { owner, dseq: req.id.dseq, gseq: 1 }, groupSpec: { name: "dcloud" } }],
        escrowAccount: { id: { scope: 1, xid: `${owner}/${req.id.dseq}` }, state: { funds: [{ denom: "uact", amount: "5000000" }] } },
      }),
    });
    const res = await queryDeployment(conn, owner, 42n);
    expect(calls[0].request.id.owner).to.equal(owner);
    expect(calls[0].request.id.dseq.toString()).to.equal("42");
    expect(res!.groups[0].groupSpec!.name).to.equal("dcloud");
    expect(res!.escrowAccount!.state!.funds[0]).to.deep.equal({ denom: "uact", amount: "5000000" });
  });

  it("returns undefined for a deployment the chain does not have, and rethrows other errors", async () => {
    const missing = fakeConnection({
      "/akash.deployment.v1beta4.Query/Deployment": () => {
        throw new ChainTxError("deployment", 4, "deployment not found", { stage: "query" });
      },
    });
    expect(await queryDeployment(missing.conn, owner, "1")).to.equal(undefined);
    const broken = fakeConnection({
      "/akash.deployment.v1beta4.Query/Deployment": () => {
        throw new ChainTxError("sdk", 1, "internal", { stage: "query" });
      },
    });
    const error = await queryDeployment(broken.conn, owner, "1").catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ChainTxError);
  });

  it("reads the params", async () => {
    const { conn } = fakeConnection({ "/akash.deployment.v1beta4.Query/Params": () => ({ params: { minDeposits: [{ denom: "uact", amount: "500000" }] } }) });
    expect((await queryDeploymentParams(conn)).minDeposits).to.deep.equal([{ denom: "uact", amount: "500000" }]);
    const empty = fakeConnection({ "/akash.deployment.v1beta4.Query/Params": () => ({}) });
    const error = await queryDeploymentParams(empty.conn).catch((e: Error) => e);
    expect((error as Error).message).to.contain("params missing");
  });
});
