import { inspect } from "node:util";
import { expect } from "chai";
import { Bip39, Random } from "@cosmjs/crypto";
import { parseDevnetConfig, resolveGenesis } from "../../../devnet/src/config";
import {
  AkashConfigError,
  configureProvider,
  providerConfig,
  requireMnemonic,
  resolveAkashConfig,
  type ConfigSource,
} from "./config";

const source = (values: Record<string, string>): ConfigSource => ({ get: (key) => values[key] });
const freshMnemonic = () => Bip39.encode(Random.getBytes(16)).toString();

function configError(fn: () => unknown): AkashConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(AkashConfigError);
    return error as AkashConfigError;
  }
  throw new Error("expected an AkashConfigError");
}

describe("resources/config", () => {
  it("defaults to mainnet with its chain id, RPC, auditor and denoms", () => {
    const config = resolveAkashConfig(source({}), {});
    expect(config).to.deep.equal({
      network: "mainnet",
      chainId: "akashnet-2",
      rpcEndpoints: ["https://rpc.akashnet.net:443"],
      gasPrice: "0.025uakt",
      auditor: "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63",
      deploymentDenom: "uact",
      feeDenom: "uakt",
      mnemonic: undefined,
    });
  });

  it("gives sandbox and devnet their own chain ids and endpoints", () => {
    const sandbox = resolveAkashConfig(source({ "akash:network": "sandbox" }), {});
    expect(sandbox).to.include({ chainId: "sandbox-2", auditor: undefined });
    expect(sandbox.rpcEndpoints).to.deep.equal(["https://rpc.sandbox-2.aksh.pw:443"]);
    const devnet = resolveAkashConfig(undefined, { AKASH_NETWORK: "devnet" });
    expect(devnet).to.include({ chainId: "akash-devnet-1" });
    expect(devnet.rpcEndpoints).to.deep.equal(["http://127.0.0.1:26657"]);
  });

  it("matches the devnet's default genesis: chain id and auditor", async () => {
    const genesis = await resolveGenesis(parseDevnetConfig({}));
    const devnet = resolveAkashConfig(undefined, { AKASH_NETWORK: "devnet" });
    expect(devnet).to.include({ chainId: genesis.chainId, auditor: genesis.auditorAddress });
  });

  it("prefers stack config over the environment, and falls back to the environment key by key", () => {
    const config = resolveAkashConfig(source({ "akash:chainId": "from-config", "akash:gasPrice": " " }), {
      AKASH_CHAIN_ID: "from-env",
      AKASH_GAS_PRICE: "0.05uakt",
      AKASH_AUDITOR: "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63",
      AKASH_RPC_ENDPOINT: "http://localhost:26657",
    });
    expect(config).to.include({ chainId: "from-config", gasPrice: "0.05uakt" });
    expect(config.rpcEndpoints).to.deep.equal(["http://localhost:26657"]);
  });

  it("accepts a JSON list of RPC endpoints for failover and rejects non-http URLs by key", () => {
    const config = resolveAkashConfig(source({ "akash:rpcEndpoint": '["https://a.example:443","http://b.example:26657"]' }), {});
    expect(config.rpcEndpoints).to.deep.equal(["https://a.example:443", "http://b.example:26657"]);
    const err = configError(() => resolveAkashConfig(source({ "akash:rpcEndpoint": '["ftp://x"]' }), {}));
    expect(err.key).to.equal("akash:rpcEndpoint");
    expect(err.message).to.include("AKASH_RPC_ENDPOINT").and.include('"ftp://x" is not an http(s) URL').and.include("Fix:");
    expect(configError(() => resolveAkashConfig(source({ "akash:rpcEndpoint": "[oops" }), {})).message).to.include(
      "not a valid JSON list",
    );
    expect(configError(() => resolveAkashConfig(source({ "akash:rpcEndpoint": "[]" }), {})).key).to.equal(
      "akash:rpcEndpoint",
    );
  });

  it("rejects an unknown network, a non-uakt gas price and a non-akash auditor, naming the key and the fix", () => {
    const network = configError(() => resolveAkashConfig(source({ "akash:network": "testnet" }), {}));
    expect(network.message).to.include("akash:network").and.include("mainnet|sandbox|devnet");
    const gas = configError(() => resolveAkashConfig(undefined, { AKASH_GAS_PRICE: "0.025uact" }));
    expect(gas.key).to.equal("akash:gasPrice");
    expect(gas.message).to.include("fees are paid in AKT");
    const auditor = configError(() =>
      resolveAkashConfig(source({ "akash:auditor": "cosmos1365yvmc4s7awdyj3n2sav7xfx76adc6dxxxxxx" }), {}),
    );
    expect(auditor.fix).to.include("akash:auditor");
  });

  it("keeps a valid mnemonic out of JSON, inspect and string conversion", () => {
    const mnemonic = freshMnemonic();
    const config = resolveAkashConfig(source({ "akash:mnemonic": `  ${mnemonic.replace(/ /g, "  ")} ` }), {});
    expect(requireMnemonic(config)).to.equal(mnemonic);
    for (const text of [JSON.stringify(config), inspect(config, { depth: 5 }), `${config.mnemonic}`]) {
      expect(text).to.not.include(mnemonic.split(" ")[0] + " " + mnemonic.split(" ")[1]);
      expect(text).to.include("[secret]");
    }
  });

  it("never echoes a bad mnemonic in its error", () => {
    const badChecksum = Array(12).fill("abandon").join(" ");
    const unknownWord = [...Array(11).fill("legal"), "notaword"].join(" ");
    for (const bad of [badChecksum, unknownWord, freshMnemonic().split(" ").slice(0, 5).join(" ")]) {
      const err = configError(() => resolveAkashConfig(undefined, { AKASH_MNEMONIC: bad }));
      expect(err.key).to.equal("akash:mnemonic");
      expect(err.message).to.include("value not shown").and.include("--secret");
      for (const word of bad.split(" ")) expect(err.message).to.not.match(new RegExp(`\\b${word}\\b`));
    }
  });

  it("requires a mnemonic only for signing, with an error naming config key and env var", () => {
    const err = configError(() => requireMnemonic(resolveAkashConfig(undefined, {})));
    expect(err.message).to.include("akash:mnemonic").and.include("AKASH_MNEMONIC");
  });

  it("remembers the configured config per provider object, and never falls back to env alone", () => {
    const a = {};
    const b = {};
    configureProvider(a, source({ "akash:network": "devnet" }), {});
    expect(providerConfig(a).network).to.equal("devnet");
    expect(() => providerConfig(b)).to.throw(/never configured/);
    // the config is not an enumerable property: JSON and spreads of the provider object do not carry it
    expect(JSON.stringify(a)).to.equal("{}");
    expect({ ...a }).to.deep.equal({});
  });

  it("rethrows a failed configure from every later call instead of using env settings", () => {
    const provider = {};
    const env = { AKASH_MNEMONIC: freshMnemonic() };
    const first = configError(() => configureProvider(provider, source({ "akash:network": "devnet", "akash:gasPrice": "cheap" }), env));
    expect(first.key).to.equal("akash:gasPrice");
    expect(configError(() => providerConfig(provider))).to.equal(first);
    expect(configError(() => providerConfig(provider))).to.equal(first);
  });
});
