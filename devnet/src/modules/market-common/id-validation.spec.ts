import { expect } from "chai";
import { address } from "./fixtures";
import { bidIdError, bidRef, deploymentIdError, groupIdError, leaseIdError } from "./id-validation";

const owner = address("owner");
const provider = address("provider");

describe("market-common/id-validation", () => {
  it("wraps inner id errors the way chain-sdk's Validate methods do", () => {
    expect(deploymentIdError({ owner, dseq: "1" })).to.equal(undefined);
    expect(deploymentIdError({ owner: "cosmos1xyz", dseq: "1" })).to.deep.include({ codespace: "sdk", code: 7, message: "DeploymentID: Invalid Owner Address: invalid address" });
    expect(groupIdError({ owner, dseq: "0", gseq: 1 })?.message).to.equal("GroupID: Invalid DeploymentID: DeploymentID: Invalid Deployment Sequence: invalid sequence");
    expect(groupIdError({ owner, dseq: "1", gseq: 0 })?.message).to.equal("GroupID: Invalid Group Sequence: invalid sequence");
    const bid = { owner, dseq: "1", gseq: 1, oseq: 1, provider, bseq: 0 };
    expect(bidIdError(bid)).to.equal(undefined);
    expect(bidIdError({ ...bid, provider: owner })).to.deep.include({ codespace: "sdk", code: 36, message: "BidID: self-bid: conflict" });
    expect(bidIdError({ ...bid, bseq: 1 })?.message).to.equal("BidID: invalid bseq: conflict");
    expect(leaseIdError({ ...bid, oseq: 0 })?.message).to.equal("LeaseID: Invalid BidID: BidID: Invalid OrderID: OrderID: Invalid Order Sequence: invalid sequence");
  });

  it("turns codec ids (Long dseq, missing fields) into plain refs", () => {
    expect(bidRef({ owner, dseq: { toString: () => "42" }, gseq: 2, oseq: 3, provider })).to.deep.equal({ owner, dseq: "42", gseq: 2, oseq: 3, provider, bseq: 0 });
    expect(bidRef(undefined)).to.deep.equal({ owner: "", dseq: "0", gseq: 0, oseq: 0, provider: "", bseq: 0 });
  });
});
