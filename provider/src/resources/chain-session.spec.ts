import { expect } from "chai";
import { signingClient } from "./chain-session";
import { resolveAkashConfig } from "./config";

describe("chain-session", () => {
  it("refuses to sign without a mnemonic, naming the config key and the fix", async () => {
    const config = resolveAkashConfig({ get: (k) => (k === "akash:network" ? "devnet" : undefined) }, {});
    const failed = await Promise.resolve()
      .then(() => signingClient(config))
      .catch((e: Error) => e);
    expect((failed as Error).message).to.include("akash:mnemonic").and.include("pulumi config set --secret");
  });
});
