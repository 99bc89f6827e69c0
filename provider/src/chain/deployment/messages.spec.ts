import { expect } from "chai";
import { Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { roundTrip } from "../testCodec";
import { msgCloseDeployment, msgCreateDeployment, msgUpdateDeployment } from "./messages";

const owner = "akash1qqqsyqcyq5rqwzqfpg9scrgwpugpzysn0tprkn";

describe("deployment messages", () => {
  it("builds a create-deployment that survives encoding", () => {
    const m = msgCreateDeployment({ owner, dseq: 42n, groups: [], hash: new Uint8Array(32).fill(7), deposit: { denom: "uact", amount: "5000000" } });
    expect(m.typeUrl).to.equal("/akash.deployment.v1beta4.MsgCreateDeployment");
    const back = roundTrip(m);
    expect(back.id.owner).to.equal(owner);
    expect(back.id.dseq.toString()).to.equal("42");
    expect(back.deposit.amount).to.deep.equal({ denom: "uact", amount: "5000000" });
    expect(back.deposit.sources).to.deep.equal([Source.balance]);
  });

  it("refuses a hash that is not 32 bytes", () => {
    expect(() => msgCreateDeployment({ owner, dseq: "1", groups: [], hash: new Uint8Array(31), deposit: { denom: "uact", amount: "1" } })).to.throw("32 bytes");
  });

  it("builds update and close messages", () => {
    expect(roundTrip(msgUpdateDeployment({ owner, dseq: "9", hash: new Uint8Array(32) })).hash).to.have.length(32);
    expect(roundTrip(msgCloseDeployment({ owner, dseq: "9" })).id.dseq.toString()).to.equal("9");
  });
});
