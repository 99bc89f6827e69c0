// What a Deployment's inputs mean before anything is sent: the compiled SDL (with secret env merged in), the
// groups as they will go on chain (auditor requirement applied), the bid policy and the price ceiling.
// Pure; check, diff, create and update all start here, so preview shows every problem a real run would hit.
import type { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import type { z } from "zod";
import { compileSdl, formatIssue, manifestVersion, SdlError, sortedManifestJson, type CompiledSdl } from "../../sdl";
import { applyAuditorRequirement, parseBidPolicy, type BidPolicy } from "../../market/policy";
import { pricePerMonthUsd } from "../../market/price";
import { decToNumber, parseDec } from "../../chain/decimal";
import type { AkashConfig } from "../config";
import { deploymentInputsSchema, type DeploymentInputs } from "./inputs";

export interface CheckFailure {
  property: string;
  reason: string;
}

/** Inputs that cannot become a deployment; each failure names the input and the fix. */
export class PlanError extends Error {
  constructor(readonly failures: CheckFailure[]) {
    super(failures.map((f) => `${f.property}: ${f.reason}`).join("\n"));
    this.name = "PlanError";
  }
}

export interface DeploymentPlan {
  inputs: DeploymentInputs;
  compiled: CompiledSdl;
  /** The GroupSpecs sent in MsgCreateDeployment (the policy's auditor requirement applied). */
  groups: GroupSpec[];
  policy: BidPolicy;
  estimatedMaxMonthlyUsd: number;
}

type NetworkRules = Pick<AkashConfig, "network" | "deploymentDenom" | "auditor">;

/** Validates raw inputs with zod; failures name the input. */
export function parseInputs(raw: unknown): DeploymentInputs {
  return parseWith(deploymentInputsSchema, raw);
}

function parseWith<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new PlanError(
    parsed.error.issues.map((i) => ({
      property: i.path.length ? i.path.map(String).join(".") : "inputs",
      reason: i.code === "unrecognized_keys" ? `unknown input ${i.keys.join(", ")} (see the akash.Deployment docs)` : i.message,
    })),
  );
}

function sdlFailures(error: SdlError, file: string): CheckFailure[] {
  return error.issues.map((issue) => ({ property: "sdl", reason: formatIssue({ ...issue, file: issue.file ?? file }) }));
}

/** Adds secretEnv values to their services' env in every group and recomputes the manifest's JSON and hash. */
export function withSecretEnv(compiled: CompiledSdl, secretEnv: DeploymentInputs["secretEnv"]): CompiledSdl {
  if (!secretEnv || Object.keys(secretEnv).length === 0) return compiled;
  const failures: CheckFailure[] = [];
  const services = new Set(compiled.manifest.flatMap((g) => g.services.map((s) => s.name)));
  for (const name of Object.keys(secretEnv)) {
    if (!services.has(name)) failures.push({ property: `secretEnv.${name}`, reason: `the SDL has no service named ${JSON.stringify(name)} (services: ${[...services].join(", ")})` });
  }
  const manifest = compiled.manifest.map((group) => ({
    ...group,
    services: group.services.map((service) => {
      const extra = secretEnv[service.name];
      if (!extra) return service;
      const env = [...(service.env ?? [])];
      for (const [key, value] of Object.entries(extra)) {
        // Names only: the value is secret and must never reach a message.
        if (env.some((e) => e.split("=")[0] === key)) {
          failures.push({ property: `secretEnv.${service.name}.${key}`, reason: `services.${service.name}.env already sets ${key}; remove it from the SDL or from secretEnv` });
        }
        env.push(`${key}=${value}`);
      }
      return { ...service, env };
    }),
  }));
  if (failures.length) throw new PlanError(failures);
  const version = manifestVersion(manifest);
  return { ...compiled, manifest, manifestJson: sortedManifestJson(manifest), version, versionHex: Buffer.from(version).toString("hex") };
}

/** The most the SDL's pricing lets providers charge for all groups, per block, in the pricing denom. */
export function maxPricePerBlock(groups: readonly GroupSpec[]): number {
  let total = 0;
  for (const group of groups) for (const unit of group.resources) total += decToNumber(parseDec(unit.price?.amount ?? "0")) * unit.count;
  return total;
}

/** Compiles and validates everything; throws PlanError listing every failure. */
export function planDeployment(rawInputs: unknown, rules: NetworkRules): DeploymentPlan {
  const inputs = parseInputs(rawInputs);
  const file = inputs.sdlPath ?? "sdl";
  let compiled: CompiledSdl;
  try {
    compiled = compileSdl(inputs.sdl, { file });
  } catch (error) {
    if (error instanceof SdlError) throw new PlanError(sdlFailures(error, file));
    throw error;
  }
  const failures: CheckFailure[] = [];
  if (compiled.denom !== rules.deploymentDenom) {
    failures.push({
      property: "sdl",
      reason: `${file}: profiles.placement.*.pricing uses ${compiled.denom}, but network ${rules.network} only accepts ${rules.deploymentDenom} for new deployments (fix: set every pricing denom to ${rules.deploymentDenom}; 1 ACT = 1 USD, mint ACT from AKT with akash.Wallet)`,
    });
  }
  let policy: BidPolicy | undefined;
  try {
    policy = bidPolicyOf(inputs.bidPolicy, rules);
  } catch (error) {
    failures.push({ property: "bidPolicy", reason: (error as Error).message });
  }
  let withEnv = compiled;
  try {
    withEnv = withSecretEnv(compiled, inputs.secretEnv);
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    failures.push(...error.failures);
  }
  if (failures.length || !policy) throw new PlanError(failures);
  const groups = applyAuditorRequirement(withEnv.groups, policy);
  const estimatedMaxMonthlyUsd = round2(pricePerMonthUsd(maxPricePerBlock(groups), compiled.denom) ?? 0);
  return { inputs, compiled: withEnv, groups, policy, estimatedMaxMonthlyUsd };
}

/** The bid policy asked for; the network's auditor is the default for "audited" unless the policy names its own. */
function bidPolicyOf(bidPolicy: DeploymentInputs["bidPolicy"], rules: NetworkRules): BidPolicy {
  return parseBidPolicy({ ...(rules.auditor ? { auditors: [rules.auditor] } : {}), ...(bidPolicy ?? {}) });
}

/** What can be judged while the SDL is not known (preview): the other inputs, then the bid policy. Throws PlanError. */
export function checkWithoutSdl(rawInputs: Record<string, unknown>, rules: NetworkRules): void {
  const { sdl: _sdl, ...rest } = rawInputs;
  const inputs = parseWith(deploymentInputsSchema.omit({ sdl: true }), rest);
  try {
    bidPolicyOf(inputs.bidPolicy, rules);
  } catch (error) {
    throw new PlanError([{ property: "bidPolicy", reason: (error as Error).message }]);
  }
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
