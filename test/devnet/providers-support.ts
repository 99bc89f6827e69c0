/**
 * Shared by the simulated-provider integration tests: the tenant SDL builder, the deployment message
 * and polling helpers.
 */
import * as v1 from "@akashnetwork/chain-sdk/private-types/akash.v1";
import * as v1beta4 from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import type { CompiledSdl } from "../../provider/src/sdl";

export { tenantSdl as sdl } from "../../provider/src/sdl/testing";

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
