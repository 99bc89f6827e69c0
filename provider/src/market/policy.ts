/**
 * The bid policy: which bids are acceptable and how to rank them. Hard rules that the chain can enforce
 * (audited providers) are compiled into the placement's signedBy; the rest is applied client-side by
 * the selection function, which explains every decision.
 */
import { z } from "zod";
import type { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";

/** The Akash Network auditor Console trusts (console config/auditors.json). */
export const AKASH_AUDITOR = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";

/** The real provider withdraws an unaccepted bid after 5 minutes (provider flag --bid-timeout). */
export const DEFAULT_PROVIDER_BID_TIMEOUT_MS = 5 * 60_000;
/** Time kept after the bid window to create the lease before the bids expire. */
export const LEASE_MARGIN_MS = 60_000;

const duration = z
  .union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?(ms|s|m)$/, 'use seconds (90) or a duration such as "90s", "2m", "500ms"')])
  .transform((v) => {
    if (typeof v === "number") return v * 1000;
    const [, n, unit] = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(v)!;
    return Number(n) * (unit === "ms" ? 1 : unit === "s" ? 1000 : 60_000);
  });

/**
 * The weighted strategy's signals, each 0..1: price (cheapest eligible bid = 1), audited, region (preferRegions).
 * No uptime: neither the chain nor a provider's /status publishes one (Console computes its own from its probes),
 * and a weight on a signal nobody supplies would silently do nothing.
 */
const WEIGHT_NAMES = ["price", "audited", "region"] as const;
const weights = z.strictObject(
  {
    price: z.number().min(0).default(1),
    audited: z.number().min(0).optional(),
    region: z.number().min(0).optional(),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unsupported weight ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}; the supported weights are ${WEIGHT_NAMES.join(", ")}` +
          (issue.keys.includes("uptime") ? " (no provider, gateway or chain publishes uptime)" : "")
        : undefined,
  },
);

export const bidPolicySchema = z
  .object({
    /** Cap on the deployment's total price (all groups' leases), USD per month. */
    maxPricePerMonthUsd: z.number().positive().optional(),
    /** Only providers whose attributes an auditor signed (enforced on chain through signedBy.anyOf). */
    auditedOnly: z.boolean().default(true),
    /** Auditors that count for auditedOnly and the audited weight. */
    auditors: z.array(z.string().min(1)).min(1).default([AKASH_AUDITOR]),
    /** Provider attributes that must be present with these values, e.g. { tier: "community" }. */
    requireAttributes: z.record(z.string(), z.string()).default({}),
    /** Accept only providers whose region attribute is one of these. */
    regions: z.array(z.string().min(1)).optional(),
    /** Regions preferred by the weighted strategy's region weight. */
    preferRegions: z.array(z.string().min(1)).default([]),
    allowProviders: z.array(z.string().min(1)).optional(),
    denyProviders: z.array(z.string().min(1)).default([]),
    /** Accept only providers offering one of these GPU models (e.g. "a100", "rtx4090"). */
    gpuModels: z.array(z.string().min(1)).optional(),
    /** Wait for at least this many bids per group (within bidWindow) before choosing. */
    minBids: z.number().int().min(1).max(20).default(1),
    /** How long to wait for minBids; seconds or "90s"/"2m". Clamped inside the provider's bid timeout. */
    bidWindow: duration.prefault(60),
    strategy: z.union([z.literal("cheapest"), z.object({ weighted: weights }).strict()]).default("cheapest"),
    /** Probe each bidder's /status and skip unreachable providers before leasing. */
    reachability: z.boolean().default(true),
    /** USD per AKT, to price legacy uakt bids. */
    aktPriceUsd: z.number().positive().optional(),
  })
  .strict();

export type BidPolicyInput = z.input<typeof bidPolicySchema>;
/** bidWindow is in milliseconds after parsing. */
export type BidPolicy = z.output<typeof bidPolicySchema>;

/** Validates user input; the error names every bad field under `where` (e.g. "bidPolicy"). */
export function parseBidPolicy(input: unknown, where = "bidPolicy"): BidPolicy {
  const result = bidPolicySchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${[where, ...i.path.map(String)].join(".")}: ${i.message}`);
  throw new Error(`invalid ${where}:\n  ${issues.join("\n  ")}`);
}

/** The bid window to actually use, clamped so a lease can still be created before the bids expire. */
export function effectiveBidWindow(policy: BidPolicy, providerBidTimeoutMs = DEFAULT_PROVIDER_BID_TIMEOUT_MS): { ms: number; warning?: string } {
  const limit = Math.max(1000, providerBidTimeoutMs - LEASE_MARGIN_MS);
  if (policy.bidWindow <= limit) return { ms: policy.bidWindow };
  return {
    ms: limit,
    warning: `bidPolicy.bidWindow ${policy.bidWindow / 1000}s clamped to ${limit / 1000}s: providers withdraw bids after ${providerBidTimeoutMs / 1000}s and the lease needs time to be created`,
  };
}

/**
 * With auditedOnly, adds the policy's auditors to every placement's signedBy.anyOf, so providers that
 * were not audited cannot even bid (the chain rejects their bids with ErrAttributeMismatch). Pure: returns
 * new GroupSpecs. The manifest hash does not cover placement requirements, so it stays valid.
 */
export function applyAuditorRequirement(groups: readonly GroupSpec[], policy: Pick<BidPolicy, "auditedOnly" | "auditors">): GroupSpec[] {
  if (!policy.auditedOnly) return groups.map((g) => ({ ...g }));
  return groups.map((g) => {
    const signedBy = g.requirements?.signedBy ?? { allOf: [], anyOf: [] };
    const anyOf = [...signedBy.anyOf, ...policy.auditors.filter((a) => !signedBy.anyOf.includes(a))];
    return {
      ...g,
      requirements: { attributes: g.requirements?.attributes ?? [], signedBy: { allOf: [...signedBy.allOf], anyOf } },
    };
  });
}
