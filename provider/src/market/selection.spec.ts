import { expect } from "chai";
import { AKASH_AUDITOR, parseBidPolicy, type BidPolicyInput } from "./policy";
import { pricePerMonthUsd } from "./price";
import { selectBids, type BidInfo, type ProviderInfo, type RejectRule } from "./selection";

const audited = (attrs: Record<string, string>, extra: Partial<ProviderInfo> = {}): ProviderInfo => ({
  attributes: Object.entries(attrs).map(([key, value]) => ({ key, value })),
  auditedBy: [AKASH_AUDITOR],
  reachable: true,
  ...extra,
});

const providers: Record<string, ProviderInfo> = {
  akash1west: audited({ region: "us-west", tier: "community" }),
  akash1east: audited({ region: "us-east", tier: "premium" }),
  akash1euro: audited({ "location-region": "eu-central", "capabilities/gpu/vendor/nvidia/model/a100": "true" }),
  akash1self: { attributes: [{ key: "region", value: "us-west" }], auditedBy: [], reachable: true },
  akash1down: audited({ region: "us-west" }, { reachable: false, reachabilityError: "connect ECONNREFUSED" }),
  akash1unprobed: audited({ region: "us-west" }, { reachable: undefined }),
};

const bid = (provider: string, amount: string, gseq = 1, state?: string): BidInfo => ({ gseq, oseq: 1, provider, price: { denom: "uact", amount }, state });

const bids = [
  bid("akash1west", "100"),
  bid("akash1east", "80"),
  bid("akash1euro", "120"),
  bid("akash1self", "10"),
  bid("akash1down", "20"),
  bid("akash1unprobed", "30"),
];

function run(policy: BidPolicyInput, theBids: BidInfo[] = bids, groups = [{ gseq: 1, name: "web" }]) {
  return selectBids({ groups, bids: theBids, providers, policy: parseBidPolicy(policy), blockTimeSeconds: 6 });
}

function rejection(result: ReturnType<typeof run>, provider: string): RejectRule | undefined {
  return result.groups[0].candidates.find((c) => c.provider === provider)?.rejected?.rule;
}

describe("selectBids", () => {
  const table: Array<{ name: string; policy: BidPolicyInput; chosen: string | undefined; rejected?: Record<string, RejectRule> }> = [
    {
      name: "cheapest audited reachable provider by default",
      policy: {},
      chosen: "akash1east",
      rejected: { akash1self: "not-audited", akash1down: "unreachable", akash1unprobed: "unreachable" },
    },
    { name: "self-declared providers when auditedOnly is off", policy: { auditedOnly: false }, chosen: "akash1self" },
    { name: "unreachable providers when reachability is off", policy: { reachability: false }, chosen: "akash1down" },
    { name: "deny list", policy: { denyProviders: ["akash1east"] }, chosen: "akash1west", rejected: { akash1east: "denied-provider" } },
    { name: "allow list", policy: { allowProviders: ["akash1euro"] }, chosen: "akash1euro", rejected: { akash1west: "not-allowed-provider" } },
    { name: "required attributes", policy: { requireAttributes: { tier: "community" } }, chosen: "akash1west", rejected: { akash1east: "missing-attribute" } },
    { name: "regions (both region attribute keys, any case)", policy: { regions: ["EU-Central"] }, chosen: "akash1euro", rejected: { akash1east: "region" } },
    { name: "GPU models", policy: { gpuModels: ["A100"] }, chosen: "akash1euro", rejected: { akash1west: "gpu-model" } },
    {
      name: "price cap in USD per month",
      // 80 uact/block at 6 s = 80e-6 * 438,292.8 blocks = $35.06/month; 100 uact = $43.83
      policy: { maxPricePerMonthUsd: 40 },
      chosen: "akash1east",
      rejected: { akash1west: "over-price", akash1euro: "over-price" },
    },
    { name: "nothing when every bid is over the cap", policy: { maxPricePerMonthUsd: 1 }, chosen: undefined },
    { name: "region preference in the weighted strategy", policy: { preferRegions: ["eu-central"], strategy: { weighted: { price: 1, region: 2 } } }, chosen: "akash1euro" },
  ];
  for (const row of table) {
    it(`picks ${row.chosen ?? "nothing"}: ${row.name}`, () => {
      const result = run(row.policy);
      expect(result.groups[0].chosen?.provider).to.equal(row.chosen);
      expect(result.ok).to.equal(row.chosen !== undefined);
      for (const [provider, rule] of Object.entries(row.rejected ?? {})) expect(rejection(result, provider), provider).to.equal(rule);
    });
  }

  it("explains the choice and lists every candidate, eligible first by score", () => {
    const g = run({}).groups[0];
    expect(g.reason).to.equal("cheapest of 3 eligible bid(s); rejected: 1 not-audited, 2 unreachable");
    expect(g.candidates.map((c) => c.provider).slice(0, 3)).to.deep.equal(["akash1east", "akash1west", "akash1euro"]);
    expect(g.candidates[0].score).to.equal(1);
    expect(g.candidates[1].score).to.be.closeTo(0.8, 1e-12);
    expect(g.candidates[0].pricePerMonthUsd).to.be.closeTo(pricePerMonthUsd("80", "uact", 6)!, 1e-12);
    expect(g.candidates.find((c) => c.provider === "akash1down")!.rejected!.detail).to.contain("ECONNREFUSED");
    expect(g.candidates.find((c) => c.provider === "akash1unprobed")!.rejected!.detail).to.equal("not probed");
  });

  it("reports the weighted score and its signals", () => {
    const g = run({ preferRegions: ["us-west"], strategy: { weighted: { price: 1, region: 4 } } }).groups[0];
    const west = g.chosen!;
    expect(Object.keys(west.signals!)).to.deep.equal(["price", "region"]);
    expect(west.signals!.price).to.be.closeTo(0.8, 1e-12);
    expect(west.signals!.region).to.equal(1);
    expect(west.score).to.be.closeTo((0.8 + 4 * 1) / 5, 1e-12);
    expect(g.reason).to.match(/^best weighted score 0\.960 of 3 eligible/);
  });

  it("breaks price ties by provider address for a deterministic choice", () => {
    const r = run({}, [bid("akash1west", "50"), bid("akash1east", "50")]);
    expect(r.groups[0].chosen!.provider).to.equal("akash1east");
  });

  it("rejects bids that are not open, unknown providers and unpriceable denoms", () => {
    const r = run({}, [
      bid("akash1west", "50", 1, "lost"),
      bid("akash1ghost", "50"),
      { gseq: 1, oseq: 1, provider: "akash1east", price: { denom: "uakt", amount: "5" } },
    ]);
    expect(rejection(r, "akash1west")).to.equal("bid-not-open");
    expect(rejection(r, "akash1ghost")).to.equal("unknown-provider");
    expect(rejection(r, "akash1east")).to.equal("unpriced-denom");
    expect(r.problems[0]).to.match(/^group web: no eligible bid \(/);
    // with an AKT price the uakt bid becomes eligible
    const priced = run({ aktPriceUsd: 3 }, [{ gseq: 1, oseq: 1, provider: "akash1east", price: { denom: "uakt", amount: "5" } }]);
    expect(priced.groups[0].chosen!.pricePerMonthUsd).to.be.closeTo(pricePerMonthUsd("5", "uakt", 6, { aktUsd: 3 })!, 1e-12);
  });

  it("chooses per group and checks the total against the cap", () => {
    const groups = [
      { gseq: 1, name: "web" },
      { gseq: 2, name: "db" },
    ];
    const twoGroups = [bid("akash1west", "60", 1), bid("akash1east", "70", 2), bid("akash1west", "65", 2)];
    const r = run({}, twoGroups, groups);
    expect(r.groups.map((g) => g.chosen!.provider)).to.deep.equal(["akash1west", "akash1west"]);
    expect(r.totalPerMonthUsd).to.be.closeTo(pricePerMonthUsd("125", "uact", 6)!, 1e-9);
    const capped = run({ maxPricePerMonthUsd: 40 }, twoGroups, groups);
    expect(capped.ok).to.equal(false);
    expect(capped.problems.join()).to.contain("in total, over maxPricePerMonthUsd $40");
  });

  it("says so when a group has no bids", () => {
    const r = run({}, [], [{ gseq: 1, name: "web" }]);
    expect(r.groups[0]).to.include({ reason: "no bids", chosen: undefined });
    expect(r.ok).to.equal(false);
  });
});
