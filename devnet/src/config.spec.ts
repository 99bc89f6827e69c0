import { expect } from "chai";
import { parseAccountArg, parseDevnetConfig, resolveAddress, resolveGenesis } from "./config";

describe("devnet config", () => {
  it("fills defaults: chain id, block time, fee price, demo and auditor accounts", async () => {
    const config = parseDevnetConfig({});
    expect(config).to.deep.include({ chainId: "akash-devnet-1", blockTimeMs: 1000, minGasPrice: "0.0025uakt" });
    const genesis = await resolveGenesis(config);
    expect(genesis.demoAddress).to.equal("akash1rqmjt0fc9g4s5sg6cw842qsg2yplz3ye3n0rea");
    expect(genesis.balances[0].coins.map((c) => c.denom)).to.deep.equal(["uact", "uakt"]);
  });

  it("names the config key and the fix on bad input", () => {
    expect(() => parseDevnetConfig({ blockTimeMs: 5, accounts: [{ mnemonicOrAddress: "x", coins: "12" }] }, "devnet.yaml")).to.throw(
      /devnet\.yaml is invalid:\n {2}blockTimeMs: .*\n {2}accounts\.0\.coins: invalid coin "12": expected <amount><denom>/,
    );
  });

  it("parses --account <mnemonic-or-address>=<coins>", async () => {
    expect(parseAccountArg("akash1abc=5uakt,2uact")).to.deep.equal({
      mnemonicOrAddress: "akash1abc",
      coins: [
        { denom: "uact", amount: "2" },
        { denom: "uakt", amount: "5" },
      ],
    });
    expect(() => parseAccountArg("nocoins")).to.throw(/expected <mnemonic-or-address>=<coins>/);
    await resolveAddress("not a mnemonic").then(
      () => expect.fail("resolved"),
      (e: Error) => expect(e.message).to.match(/neither an akash1\.\.\. address nor a 12\/24-word mnemonic/),
    );
  });
});
