import { expect } from "chai";
import { defaultBmeParams, parseBmeGenesis } from "./params";

describe("bme devnet genesis", () => {
  it("defaults to the chain-sdk params, a 1 USD AKT price and a 300k AKT vault", () => {
    const genesis = parseBmeGenesis({});
    expect(genesis.params).to.deep.equal(defaultBmeParams);
    expect(genesis.params.minMint).to.deep.equal([{ denom: "uact", amount: "10000000" }]);
    expect(genesis.aktPriceUsd).to.equal("1.0");
    expect(genesis.vaultSeedUakt).to.equal("300000000000");
  });

  it("overrides single params", () => {
    const genesis = parseBmeGenesis({ params: { minEpochBlocks: 2 }, aktPriceUsd: "1.5" });
    expect(genesis.params.minEpochBlocks).to.equal(2);
    expect(genesis.params.mintSpreadBps).to.equal(25);
    expect(genesis.aktPriceUsd).to.equal("1.5");
  });

  it("names the config key of a bad value", () => {
    expect(() => parseBmeGenesis({ aktPriceUsd: "free" })).to.throw(/genesis\.bme\.aktPriceUsd/);
    expect(() => parseBmeGenesis({ params: { mintSpreadBps: 5000 } })).to.throw(/genesis\.bme\.params\.mintSpreadBps/);
    expect(() => parseBmeGenesis({ params: { circuitBreakerHaltThreshold: 9600 } })).to.throw(/greater than/);
    expect(() => parseBmeGenesis({ typo: 1 })).to.throw(/genesis\.bme/);
  });
});
