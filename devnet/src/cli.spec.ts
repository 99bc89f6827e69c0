import { expect } from "chai";
import { parseDevnetArgs } from "./cli";

describe("devnet CLI arguments", () => {
  it("defaults to .devnet, port 26657 and REST 1317", () => {
    const parsed = parseDevnetArgs([]);
    expect(parsed).to.not.equal("help");
    if (parsed === "help") return;
    expect(parsed.options).to.deep.include({ dataDir: ".devnet", port: 26657, restPort: 1317 });
  });

  it("reads every flag, in both --flag value and --flag=value forms, with repeatable --account", () => {
    const parsed = parseDevnetArgs([
      "--data-dir", "/tmp/d", "--port=0", "--block-time", "6000", "--reset", "--no-providers",
      "--account", "akash1abc=1000000000uakt,50000000uact", "--account=word word=5uakt",
    ]);
    if (parsed === "help") throw new Error("help");
    expect(parsed.options).to.deep.include({ dataDir: "/tmp/d", port: 0, blockTimeMs: 6000, reset: true, providers: false });
    expect(parsed.options.accounts).to.deep.equal([
      { mnemonicOrAddress: "akash1abc", coins: [{ denom: "uact", amount: "50000000" }, { denom: "uakt", amount: "1000000000" }] },
      { mnemonicOrAddress: "word word", coins: [{ denom: "uakt", amount: "5" }] },
    ]);
  });

  it("explains bad input", () => {
    expect(parseDevnetArgs(["--help"])).to.equal("help");
    expect(() => parseDevnetArgs(["--port", "abc"])).to.throw('--port must be a non-negative integer, got "abc"');
    expect(() => parseDevnetArgs(["--port"])).to.throw("--port needs a value");
    expect(() => parseDevnetArgs(["--bogus"])).to.throw('unknown option "--bogus"');
    expect(() => parseDevnetArgs(["--account", "akash1abc"])).to.throw(/expected <mnemonic-or-address>=<coins>/);
  });
});
