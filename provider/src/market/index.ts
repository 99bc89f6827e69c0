/** Bid policy, explainable bid selection, price conversions and the bid-waiting loop. */
export { bidPolicySchema, parseBidPolicy, effectiveBidWindow, applyAuditorRequirement, AKASH_AUDITOR, type BidPolicy, type BidPolicyInput } from "./policy";
export { selectBids, type SelectionInput, type SelectionResult, type GroupSelection, type Candidate, type BidInfo, type ProviderInfo, type RejectRule } from "./selection";
export { pricePerMonthUsd, pricePerHourUsd, blocksPerMonth, blocksPerHour, maxPerBlockForMonthlyUsd } from "./price";
export { waitForBids, type WaitForBidsOptions, type WaitForBidsResult, type BidProgress } from "./waitForBids";
export { fetchBids, fetchProviderInfo, type ReachabilityProbe } from "./chainBids";
