import { expect } from "chai";
import { fakeConnection } from "../testConnection";
import { queryBalance, queryBalances } from "./queries";

describe("bank queries", () => {
  const { conn, calls } = fakeConnection({
    "/cosmos.bank.v1beta1.Query/AllBalances": () => ({ balances: [{ denom: "uakt", amount: "12" }, { denom: "uact", amount: "34" }] }),
  });

  it("lists every balance of an address", async () => {
    expect(await queryBalances(conn, "akash1me")).to.deep.equal([
      { denom: "uakt", amount: "12" },
      { denom: "uact", amount: "34" },
    ]);
    expect(calls[0].request.address).to.equal("akash1me");
  });

  it("picks one denom, 0 when absent", async () => {
    expect(await queryBalance(conn, "akash1me", "uact")).to.equal("34");
    expect(await queryBalance(conn, "akash1me", "ibc/ABC")).to.equal("0");
  });
});
