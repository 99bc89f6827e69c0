import { expect } from "chai";
import { connectAkashClient } from "./client";
import { ConfigError } from "./errors";

const mnemonic = "enlist hip relief stomach skate base shallow young switch frequent cry park";

describe("connectAkashClient configuration", () => {
  const cases: Array<[name: string, config: Record<string, unknown>, key: string, text: string]> = [
    ["no endpoints", { rpcEndpoints: [], chainId: "x", mnemonic }, "akash:rpcEndpoint", "at least one"],
    ["a non-URL endpoint", { rpcEndpoints: ["rpc.akashnet.net"], chainId: "x", mnemonic }, "akash:rpcEndpoint", "http(s) URL"],
    ["no chain id", { rpcEndpoints: ["http://127.0.0.1:1"], chainId: "", mnemonic }, "akash:chainId", "akashnet-2"],
    ["a gas price in another denom", { rpcEndpoints: ["http://127.0.0.1:1"], chainId: "x", mnemonic, gasPrice: "0.025uact" }, "akash:gasPrice", "uakt"],
    ["an invalid mnemonic", { rpcEndpoints: ["http://127.0.0.1:1"], chainId: "x", mnemonic: "not a mnemonic at all" }, "akash:mnemonic", "BIP39"],
  ];
  for (const [name, config, key, text] of cases) {
    it(`rejects ${name}, naming ${key}`, async () => {
      const error = await connectAkashClient(config as never).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(ConfigError).and.include({ configKey: key });
      expect((error as Error).message).to.contain(text).and.not.contain("enlist");
    });
  }
});
