import { expect } from "chai";
import { MsgMintACT, MsgMintACTResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { TxResult } from "../../chain/txQueue";
import { mintRecordKey, msgMintAct } from "./bme";

describe("bme mint messages", () => {
  it("burns uakt from the owner to the owner", () => {
    const msg = msgMintAct("akash1owner", 12_500_000n);
    expect(msg.typeUrl).to.equal("/akash.bme.v1.MsgMintACT");
    expect(MsgMintACT.decode(MsgMintACT.encode(msg.value).finish())).to.deep.include({
      owner: "akash1owner",
      to: "akash1owner",
      coinsToBurn: { denom: "uakt", amount: "12500000" },
    });
  });

  it("finds the ledger record a mint created in its tx response", () => {
    const value = MsgMintACTResponse.encode(
      MsgMintACTResponse.fromPartial({ id: { denom: "uakt", toDenom: "uact", source: "akash1owner", height: 120, sequence: 2 } }),
    ).finish();
    const result = { txHash: "AB", msgResponses: [{ typeUrl: "/akash.bme.v1.MsgMintACTResponse", value }] } as unknown as TxResult;
    expect(mintRecordKey(result)).to.equal("120/2");
    expect(() => mintRecordKey({ ...result, msgResponses: [] })).to.throw(/no MsgMintACT response/);
  });
});
