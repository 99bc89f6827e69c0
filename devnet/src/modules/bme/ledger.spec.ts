import { expect } from "chai";
import { ledgerIdJson, ledgerKey } from "./ledger";

const source = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";

describe("bme ledger keys", () => {
  it("orders records by route, source, height, then sequence", () => {
    const key = (height: number, sequence: number) => ledgerKey({ denom: "uakt", toDenom: "uact", source, height, sequence });
    expect(key(9, 2) < key(10, 1)).to.equal(true);
    expect(key(10, 1) < key(10, 2)).to.equal(true);
    expect(key(1, 1).startsWith("uakt/uact/")).to.equal(true);
  });

  it("renders ids as proto JSON with string int64s", () => {
    expect(ledgerIdJson({ denom: "uakt", toDenom: "uact", source, height: 12, sequence: 1 })).to.deep.equal({
      denom: "uakt",
      to_denom: "uact",
      source,
      height: "12",
      sequence: "1",
    });
  });
});
