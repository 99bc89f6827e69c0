// A minimal provider written by our rules, for tests of the rules themselves: hooks reach our code through a
// captured ModuleRef and get credentials from configure (stack config, else AKASH_* env), never from the closure.
import type * as pulumi from "@pulumi/pulumi";
import { loadModule, moduleRef } from "../../provider/src/resources/hook-module";

/** The one module the probe's hooks load. */
export const PROBE_CONFIG_MODULE = moduleRef(require.resolve("../../provider/src/resources/config"));
type ConfigModule = typeof import("../../provider/src/resources/config");

/** Creates `probe-<label>` whose outputs show the network config and mnemonic length the plugin saw. */
export const probeProvider: pulumi.dynamic.ResourceProvider = {
  async configure(req) {
    loadModule<ConfigModule>(PROBE_CONFIG_MODULE).configureProvider(this, req.config);
  },
  async create(inputs) {
    const { providerConfig, requireMnemonic } = loadModule<ConfigModule>(PROBE_CONFIG_MODULE);
    const config = providerConfig(this);
    const words = requireMnemonic(config).split(" ").length;
    return {
      id: `probe-${inputs.label}`,
      outs: { ...inputs, chainId: config.chainId, rpc: config.rpcEndpoints[0], words, token: `t-${inputs.label}` },
    };
  },
};
