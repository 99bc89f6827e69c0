/**
 * startProviders: brings up the configured simulated providers against a running devnet chain, then has
 * the devnet auditor sign the attributes of the audited ones (one transaction for all of them).
 */
import { ChainClient } from "./chain";
import { parseProviderConfigs, parseProviderTiming } from "./config";
import { IdentityStore } from "./identity-store";
import { ManifestStore } from "./manifest-store";
import { signAttributesMsg } from "./messages";
import type { ProvidersHandle, StartProvidersOptions } from "./index";
import { pricingAtBlockTime } from "./pricing";
import { DEFAULT_TIMING, SimProvider, type ResolvedTiming } from "./provider";

export async function startProviders(opts: StartProvidersOptions): Promise<ProvidersHandle> {
  const configs = parseProviderConfigs(opts.configs).map((c) =>
    opts.blockTimeMs === undefined ? c : { ...c, pricing: pricingAtBlockTime(c.pricing, opts.blockTimeMs) },
  );
  const timing: ResolvedTiming = { ...DEFAULT_TIMING, ...definedOnly(parseProviderTiming(opts.timing)) };
  const started: SimProvider[] = [];
  const stopAll = async () => {
    await Promise.all(started.map((p) => p.stop()));
  };
  try {
    const results = await Promise.allSettled(
      configs.map((config) => {
        const log = opts.quiet ? () => undefined : (line: string) => console.error(`[provider ${config.name}] ${line}`);
        const state = opts.stateDir
          ? { manifests: ManifestStore.forProvider(opts.stateDir, config.name), identity: IdentityStore.forProvider(opts.stateDir, config.name) }
          : undefined;
        return SimProvider.start(config, opts.rpcUrl, timing, log, state);
      }),
    );
    for (const r of results) if (r.status === "fulfilled") started.push(r.value);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
    const audited = started.filter((p) => p.config.audited);
    if (audited.length > 0) {
      const auditor = await ChainClient.connect(opts.rpcUrl, opts.auditorMnemonic, "devnet auditor");
      try {
        await Promise.all(
          audited.map((p) =>
            auditor.txs.submit(signAttributesMsg(auditor.address, p.address, p.signedAttributes)),
          ),
        );
      } finally {
        auditor.disconnect();
      }
    }
  } catch (e) {
    await stopAll();
    throw e;
  }
  return { providers: started.map((p) => p.handle()), stop: stopAll };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
