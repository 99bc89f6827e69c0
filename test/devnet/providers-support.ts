/**
 * Shared by the simulated-provider integration tests: a parametrised tenant SDL, the deployment message
 * and polling helpers.
 */
import * as v1 from "@akashnetwork/chain-sdk/private-types/akash.v1";
import * as v1beta4 from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import type { CompiledSdl } from "../../provider/src/sdl";

/** A one-service SDL (nginx behind an HTTP ingress) with the placement and price under test. */
export function sdl(opts: {
  image?: string;
  count?: number;
  price?: number | string;
  attributes?: string;
  signedBy?: string;
  gpu?: string;
  cpu?: number;
  memory?: string;
  storage?: string;
}): string {
  return `version: "2.0"
services:
  web:
    image: ${opts.image ?? "nginx:1.25"}
    expose:
      - port: 80
        as: 80
        to:
          - global: true
profiles:
  compute:
    web:
      resources:
        cpu: { units: ${opts.cpu ?? 0.5} }
        memory: { size: ${opts.memory ?? "512Mi"} }
        storage: { size: ${opts.storage ?? "1Gi"} }${opts.gpu ? `\n        gpu:\n          units: 1\n          attributes:\n            vendor:\n              nvidia:\n                - model: ${opts.gpu}` : ""}
  placement:
    dcloud:${opts.attributes ? `\n      attributes:\n${opts.attributes}` : ""}${opts.signedBy ? `\n      signedBy:\n        anyOf:\n          - ${opts.signedBy}` : ""}
      pricing:
        web: { denom: uact, amount: ${opts.price ?? 1000} }
deployment:
  web:
    dcloud:
      profile: web
      count: ${opts.count ?? 1}
`;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** MsgCreateDeployment for a compiled SDL, funded with 5 ACT from the owner's balance. */
export function createDeploymentMsg(owner: string, dseq: number, compiled: CompiledSdl): { typeUrl: string; value: unknown } {
  return {
    typeUrl: `/${v1beta4.MsgCreateDeployment.$type}`,
    value: v1beta4.MsgCreateDeployment.fromPartial({
      id: { owner, dseq },
      groups: compiled.groups,
      hash: compiled.version,
      deposit: { amount: { denom: "uact", amount: "5000000" }, sources: [v1.Source.balance] },
    }),
  };
}
