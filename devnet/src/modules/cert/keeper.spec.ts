import { expect } from "chai";
import { testChain } from "../registry-kit/testing";
import { certSearchPrefix, createCertKeeper, serialKey } from "./keeper";

const owner = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";
const stored = { cert: "CERT", pubkey: "KEY" };

describe("cert keeper", () => {
  it("length-prefixes serial bytes so keys sort numerically", () => {
    expect(serialKey(0n)).to.equal("");
    expect(serialKey(255n)).to.equal("01ff");
    expect(serialKey(256n)).to.equal("020100");
    expect(serialKey(256n) > serialKey(255n)).to.equal(true);
    expect(() => serialKey(1n << 400n)).to.throw(/serial length should be max 40 bytes/);
  });

  it("creates valid certificates, revokes them once, and finds them by owner and serial", () => {
    const { ctx } = testChain([]);
    const keeper = createCertKeeper();
    keeper.create(ctx, owner, 42n, stored);
    expect(keeper.get(ctx, owner, "42")).to.deep.equal({ state: "valid", ...stored });
    expect(() => keeper.create(ctx, owner, 42n, stored)).to.throw().that.deep.includes({ codespace: "cert", code: 3 });
    keeper.revoke(ctx, owner, 42n);
    expect(keeper.get(ctx, owner, "42")!.state).to.equal("revoked");
    expect(() => keeper.create(ctx, owner, 42n, stored)).to.throw().that.deep.includes({ codespace: "cert", code: 3 });
    expect(() => keeper.revoke(ctx, owner, 42n)).to.throw().that.deep.includes({ codespace: "cert", code: 4 });
    expect(() => keeper.revoke(ctx, owner, 7n)).to.throw().that.deep.includes({ codespace: "cert", code: 1 });
    expect(keeper.entries(ctx, certSearchPrefix("revoked", owner)).map(([, e]) => e.serial)).to.deep.equal([42n]);
    expect(keeper.get(ctx, owner, "not-a-number")).to.equal(undefined);
  });
});
