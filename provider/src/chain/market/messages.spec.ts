import { expect } from "chai";
import { LeaseClosedReason } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { roundTrip } from "../testCodec";
import { msgCloseLease, msgCreateLease } from "./messages";

describe("market messages", () => {
  const bid = { owner: "akash1owner", dseq: "9", gseq: 2, oseq: 1, provider: "akash1provider" };

  it("accepts a bid by creating the lease with bseq 0", () => {
    expect(roundTrip(msgCreateLease(bid)).bidId).to.include({ owner: "akash1owner", provider: "akash1provider", gseq: 2, oseq: 1, bseq: 0 });
  });

  it("closes a lease as its owner", () => {
    const m = roundTrip(msgCloseLease(bid));
    expect(m.id).to.include({ provider: "akash1provider", gseq: 2 });
    expect(m.reason).to.equal(LeaseClosedReason.lease_closed_owner);
  });
});
