import { expect } from "chai";
import { BaseAccount, ModuleAccount } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import { moduleAddress } from "../../chain/address";
import { memoryContext } from "../../chain/testing";
import { createModule } from "./index";
import { ensureAccount } from "./keeper";

const alice = "akash1rqmjt0fc9g4s5sg6cw842qsg2yplz3ye3n0rea";
const bob = "akash13n2s6rg385vtxsfzd6ztm95nalm45fn92cg4gl";
const account = createModule().queries.find((h) => h.path === "/cosmos.auth.v1beta1.Query/Account")!;

describe("modules/auth", () => {
  it("numbers genesis accounts after the module accounts and new accounts on first receipt", () => {
    const ctx = memoryContext({ balances: [{ address: alice, coins: [{ denom: "uakt", amount: "1" }] }] });
    const a = BaseAccount.decode(account.handle(ctx, { address: alice }).account.value);
    expect(a.address).to.equal(alice);
    expect(ensureAccount(ctx.store, bob).accountNumber).to.equal((a.accountNumber + 1n).toString());
  });

  it("returns module accounts as ModuleAccount and NotFound for unknown addresses", () => {
    const ctx = memoryContext();
    const escrow = account.handle(ctx, { address: moduleAddress("escrow") }).account;
    expect(escrow.typeUrl).to.equal("/cosmos.auth.v1beta1.ModuleAccount");
    expect(ModuleAccount.decode(escrow.value).name).to.equal("escrow");
    expect(() => account.handle(ctx, { address: bob })).to.throw(`rpc error: code = NotFound desc = account ${bob} not found: key not found`);
  });
});
