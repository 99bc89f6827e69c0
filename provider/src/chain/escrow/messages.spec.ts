import { expect } from "chai";
import { Scope, Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { roundTrip } from "../testCodec";
import { deploymentEscrowId, msgDepositDeployment } from "./messages";

const owner = "akash1owner";

describe("escrow messages", () => {
  it("tops up the deployment account owner/dseq, from a grant first when asked", () => {
    const dep = roundTrip(msgDepositDeployment({ signer: "akash1payer", deployment: { owner, dseq: 9n }, amount: { denom: "uact", amount: "1000000" }, fromGrant: true }));
    expect(dep.signer).to.equal("akash1payer");
    expect(dep.id).to.deep.equal({ scope: Scope.deployment, xid: `${owner}/9` });
    expect(dep.deposit.amount).to.deep.equal({ denom: "uact", amount: "1000000" });
    expect(dep.deposit.sources).to.deep.equal([Source.grant, Source.balance]);
    expect(deploymentEscrowId({ owner, dseq: "9" }).xid).to.equal(`${owner}/9`);
  });

  it("refuses a zero or malformed amount", () => {
    for (const amount of ["0", "-1", "1.5", ""]) {
      expect(() => msgDepositDeployment({ signer: owner, deployment: { owner, dseq: "9" }, amount: { denom: "uact", amount } })).to.throw("positive");
    }
  });
});
