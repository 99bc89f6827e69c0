/**
 * Bid selection, a pure function: for each group, every bid is either rejected by a named policy rule or
 * scored; the best score wins (ties: lower price, then address). The result explains itself so a
 * reviewer can see why a provider was chosen and why the others were not.
 */
import type { BidPolicy } from "./policy";
import { pricePerMonthUsd } from "./price";

export interface Attribute {
  key: string;
  value: string;
}

export interface GroupInfo {
  gseq: number;
  name?: string;
}

export interface BidInfo {
  gseq: number;
  oseq: number;
  provider: string;
  /** price per block for the whole group, in base units (decimal string) */
  price: { denom: string; amount: string };
  /** "open" unless the chain says otherwise */
  state?: string;
}

export interface ProviderInfo {
  hostUri?: string;
  /** self-declared attributes */
  attributes: Attribute[];
  /** auditors that signed attributes of this provider */
  auditedBy: string[];
  /** result of the /status probe; undefined = not probed */
  reachable?: boolean;
  reachabilityError?: string;
}

export interface SelectionInput {
  groups: readonly GroupInfo[];
  bids: readonly BidInfo[];
  providers: Readonly<Record<string, ProviderInfo>>;
  policy: BidPolicy;
  blockTimeSeconds?: number;
}

export type RejectRule =
  | "bid-not-open"
  | "denied-provider"
  | "not-allowed-provider"
  | "unknown-provider"
  | "not-audited"
  | "missing-attribute"
  | "region"
  | "gpu-model"
  | "unpriced-denom"
  | "over-price"
  | "unreachable";

export interface Candidate {
  provider: string;
  oseq: number;
  price: { denom: string; amount: string };
  pricePerMonthUsd?: number;
  /** 0..1, present for eligible bids */
  score?: number;
  /** the score's parts, each 0..1 before weighting */
  signals?: Record<string, number>;
  rejected?: { rule: RejectRule; detail: string };
}

export interface GroupSelection {
  gseq: number;
  name?: string;
  chosen?: Candidate;
  /** best first: eligible by score, then rejected */
  candidates: Candidate[];
  reason: string;
}

export interface SelectionResult {
  groups: GroupSelection[];
  /** every group has a chosen bid and the total respects the price cap */
  ok: boolean;
  totalPerMonthUsd?: number;
  /** one line per group without a chosen bid, then `overTotal` */
  problems: string[];
  /** every group has a bid, but together they exceed maxPricePerMonthUsd */
  overTotal?: string;
}

const REGION_KEYS = ["region", "location-region"];

function regionOf(p: ProviderInfo): string | undefined {
  return p.attributes.find((a) => REGION_KEYS.includes(a.key))?.value;
}

/** GPU models a provider advertises ("capabilities/gpu/vendor/<vendor>/model/<model>[/...]"). */
function gpuModelsOf(p: ProviderInfo): string[] {
  return p.attributes
    .map((a) => /^capabilities\/gpu\/vendor\/[^/]+\/model\/([^/]+)/.exec(a.key)?.[1])
    .filter((m): m is string => m !== undefined);
}

function rejectionOf(bid: BidInfo, info: ProviderInfo | undefined, policy: BidPolicy, monthly: number | undefined): Candidate["rejected"] {
  const lc = (s: string) => s.toLowerCase();
  if ((bid.state ?? "open") !== "open") return { rule: "bid-not-open", detail: `bid is ${bid.state}` };
  if (policy.denyProviders.includes(bid.provider)) return { rule: "denied-provider", detail: "listed in denyProviders" };
  if (policy.allowProviders && !policy.allowProviders.includes(bid.provider)) return { rule: "not-allowed-provider", detail: "not in allowProviders" };
  if (!info) return { rule: "unknown-provider", detail: "provider is not registered on chain" };
  if (policy.auditedOnly && !info.auditedBy.some((a) => policy.auditors.includes(a))) {
    return { rule: "not-audited", detail: `no attributes signed by ${policy.auditors.join(" or ")}` };
  }
  for (const [key, value] of Object.entries(policy.requireAttributes)) {
    if (!info.attributes.some((a) => a.key === key && a.value === value)) return { rule: "missing-attribute", detail: `needs ${key}=${value}` };
  }
  if (policy.regions) {
    const region = regionOf(info);
    if (!region || !policy.regions.map(lc).includes(lc(region))) {
      return { rule: "region", detail: `region ${region ?? "(none)"} not in [${policy.regions.join(", ")}]` };
    }
  }
  if (policy.gpuModels) {
    const models = gpuModelsOf(info);
    if (!models.some((m) => policy.gpuModels!.map(lc).includes(lc(m)))) {
      return { rule: "gpu-model", detail: `offers [${models.join(", ")}], wanted one of [${policy.gpuModels.join(", ")}]` };
    }
  }
  if (monthly === undefined) return { rule: "unpriced-denom", detail: `cannot price ${bid.price.denom} in USD (set aktPriceUsd for uakt)` };
  if (policy.maxPricePerMonthUsd !== undefined && monthly > policy.maxPricePerMonthUsd) {
    return { rule: "over-price", detail: `$${monthly.toFixed(2)}/month > maxPricePerMonthUsd $${policy.maxPricePerMonthUsd}` };
  }
  if (policy.reachability && info.reachable !== true) {
    return { rule: "unreachable", detail: info.reachable === false ? `status probe failed: ${info.reachabilityError ?? "no answer"}` : "not probed" };
  }
  return undefined;
}

function weightsOf(policy: BidPolicy): Record<string, number> {
  if (policy.strategy === "cheapest") return { price: 1 };
  const w: Record<string, number> = {};
  for (const [k, v] of Object.entries(policy.strategy.weighted)) if (v !== undefined && v > 0) w[k] = v;
  return Object.keys(w).length > 0 ? w : { price: 1 };
}

function score(c: Candidate, info: ProviderInfo, cheapest: number, policy: BidPolicy): Pick<Candidate, "score" | "signals"> {
  const monthly = c.pricePerMonthUsd!;
  const all: Record<string, number> = {
    price: monthly <= 0 ? 1 : cheapest / monthly,
    audited: info.auditedBy.some((a) => policy.auditors.includes(a)) ? 1 : 0,
    region: policy.preferRegions.map((r) => r.toLowerCase()).includes((regionOf(info) ?? "").toLowerCase()) ? 1 : 0,
  };
  const weights = weightsOf(policy);
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  const signals: Record<string, number> = {};
  let sum = 0;
  for (const [k, w] of Object.entries(weights)) {
    signals[k] = all[k];
    sum += w * all[k];
  }
  return { score: sum / total, signals };
}

function rank(a: Candidate, b: Candidate): number {
  if (a.rejected || b.rejected) return (a.rejected ? 1 : 0) - (b.rejected ? 1 : 0);
  return b.score! - a.score! || a.pricePerMonthUsd! - b.pricePerMonthUsd! || a.provider.localeCompare(b.provider);
}

function summarize(candidates: Candidate[], chosen: Candidate | undefined, policy: BidPolicy): string {
  const counts = new Map<string, number>();
  for (const c of candidates) if (c.rejected) counts.set(c.rejected.rule, (counts.get(c.rejected.rule) ?? 0) + 1);
  const rejected = [...counts].map(([rule, n]) => `${n} ${rule}`).join(", ");
  if (!chosen) return candidates.length === 0 ? "no bids" : `no eligible bid (${rejected})`;
  const eligible = candidates.filter((c) => !c.rejected).length;
  const how = policy.strategy === "cheapest" ? "cheapest" : `best weighted score ${chosen.score!.toFixed(3)}`;
  return `${how} of ${eligible} eligible bid(s)${rejected ? `; rejected: ${rejected}` : ""}`;
}

export function selectBids(input: SelectionInput): SelectionResult {
  const { policy } = input;
  const groups = input.groups.map((group): GroupSelection => {
    const candidates: Candidate[] = input.bids
      .filter((b) => b.gseq === group.gseq)
      .map((bid) => {
        const info = input.providers[bid.provider];
        const monthly = pricePerMonthUsd(bid.price.amount, bid.price.denom, input.blockTimeSeconds, { aktUsd: policy.aktPriceUsd });
        const c: Candidate = { provider: bid.provider, oseq: bid.oseq, price: bid.price, pricePerMonthUsd: monthly };
        const rejected = rejectionOf(bid, info, policy, monthly);
        return rejected ? { ...c, rejected } : c;
      });
    const eligible = candidates.filter((c) => !c.rejected);
    const cheapest = Math.min(...eligible.map((c) => c.pricePerMonthUsd!));
    for (const c of eligible) Object.assign(c, score(c, input.providers[c.provider], cheapest, policy));
    candidates.sort(rank);
    const chosen = eligible.length > 0 ? candidates[0] : undefined;
    return { gseq: group.gseq, name: group.name, chosen, candidates, reason: summarize(candidates, chosen, policy) };
  });

  const problems = groups.filter((g) => !g.chosen).map((g) => `group ${g.name ?? g.gseq}: ${g.reason}`);
  const totalPerMonthUsd = groups.every((g) => g.chosen) ? groups.reduce((s, g) => s + g.chosen!.pricePerMonthUsd!, 0) : undefined;
  const overTotal =
    totalPerMonthUsd !== undefined && policy.maxPricePerMonthUsd !== undefined && totalPerMonthUsd > policy.maxPricePerMonthUsd
      ? `the chosen leases cost $${totalPerMonthUsd.toFixed(2)}/month in total, over maxPricePerMonthUsd $${policy.maxPricePerMonthUsd}`
      : undefined;
  if (overTotal) problems.push(overTotal);
  return { groups, ok: problems.length === 0, totalPerMonthUsd, problems, overTotal };
}
