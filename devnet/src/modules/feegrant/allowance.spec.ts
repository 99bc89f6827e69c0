import { expect } from "chai";
import { failureOf } from "../registry-kit/testing";
import { acceptFee, decodeAllowance, encodeAllowance, validateAllowance } from "./allowance";

const now = new Date("2026-01-01T00:00:00Z");
const at = (ms: number) => ({ seconds: BigInt(Math.floor(ms / 1000)), nanos: 0 });

describe("feegrant BasicAllowance", () => {
  it("round-trips through Any and refuses other allowance types", () => {
    const allowance = { spendLimit: [{ denom: "uakt", amount: "100" }], expiration: at(now.getTime() + 60_000) };
    expect(decodeAllowance(encodeAllowance(allowance))).to.deep.equal(allowance);
    expect(failureOf(() => decodeAllowance({ typeUrl: "/cosmos.feegrant.v1beta1.PeriodicAllowance", value: new Uint8Array() }))).to.match(/^sdk\/2: unable to resolve type URL/);
    expect(failureOf(() => decodeAllowance(undefined))).to.match(/^sdk\/29/);
  });

  it("validates the spend limit", () => {
    expect(failureOf(() => validateAllowance({ spendLimit: [] }))).to.equal("ok");
    expect(failureOf(() => validateAllowance({ spendLimit: [{ denom: "uakt", amount: "0" }] }))).to.equal("sdk/10: spend limit must be positive: invalid coins");
  });

  it("accepts fees until the limit is used up or the allowance expires", () => {
    const basic = { spendLimit: [{ denom: "uakt", amount: "100" }] };
    const first = acceptFee(basic, [{ denom: "uakt", amount: "60" }], now);
    expect(first).to.deep.equal({ remove: false, next: { spendLimit: [{ denom: "uakt", amount: "40" }] } });
    expect(acceptFee(first.next, [{ denom: "uakt", amount: "40" }], now).remove).to.equal(true);
    expect(failureOf(() => acceptFee(first.next, [{ denom: "uakt", amount: "41" }], now))).to.equal("feegrant/2: basic allowance: fee limit exceeded");
    expect(failureOf(() => acceptFee({ spendLimit: [], expiration: at(now.getTime() - 1000) }, [], now))).to.equal("feegrant/3: basic allowance: fee allowance expired");
    expect(acceptFee({ spendLimit: [] }, [{ denom: "uakt", amount: "1000000" }], now).remove).to.equal(false);
  });
});
