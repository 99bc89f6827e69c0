import { expect } from "chai";
import { pricePerMonthUsd, usdPerBaseUnit } from "./price";

describe("price conversions", () => {
  const table: Array<[perBlock: string, denom: string, blockTime: number | undefined, usdMonth: number | undefined]> = [
    // 1 uact/block at Console's 6.098 s blocks: 30.437 * 86400 / 6.098 blocks = 431,248.5 blocks ~ $0.43/month
    ["1", "uact", undefined, (30.437 * 86400) / 6.098 / 1e6],
    ["100.5", "uact", 6, (100.5 * 30.437 * 86400) / 6 / 1e6],
    ["1000", "uact", 6.098, (1000 * 30.437 * 86400) / 6.098 / 1e6],
    ["0", "uact", 6, 0],
    ["1000", "uakt", 6, undefined],
    ["1000", "ibc/170C677610AC31DF0904FFE09CD3B5C657492170E7E52372E48756B71E56F2F1", 6, undefined],
  ];
  for (const [perBlock, denom, blockTime, expected] of table) {
    it(`${perBlock}${denom}/block at ${blockTime ?? "default"} s -> ${expected ?? "unpriceable"} USD/month`, () => {
      const got = pricePerMonthUsd(perBlock, denom, blockTime);
      if (expected === undefined) expect(got).to.equal(undefined);
      else expect(got).to.be.closeTo(expected, 1e-9);
    });
  }

  it("prices uakt with an AKT rate", () => {
    expect(usdPerBaseUnit("uakt", { aktUsd: 2 })).to.equal(2e-6);
    expect(pricePerMonthUsd("10", "uakt", 6, { aktUsd: 2 })).to.be.closeTo((10 * 2e-6 * 30.437 * 86400) / 6, 1e-9);
  });
});
