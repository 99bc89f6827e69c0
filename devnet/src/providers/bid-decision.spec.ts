import { expect } from "chai";
import { decideBid, orderMaxPrice, type BidContext } from "./bid-decision";
import { defaultProviderConfigs, providerAttributes } from "./config";
import { parseDec } from "./dec";
import { groupSpec } from "./fixtures";
import type { ProviderConfig } from "./index";
import { Inventory } from "./inventory";
import { orderSpecFromGroupSpec } from "./order-spec";

const AUDITOR = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";

function context(config: ProviderConfig): BidContext {
  const attributes = providerAttributes(config);
  return {
    attributes,
    auditorAttributes: config.audited ? new Map([[AUDITOR, attributes]]) : new Map(),
    pricing: config.pricing,
    inventory: new Inventory(config.capacity, config.gpus ?? [], config.ipCount ?? 0),
  };
}

const [usWest, euGpu, usEast, flaky] = defaultProviderConfigs();
const all = [usWest, euGpu, usEast, flaky];

function bidders(spec: ReturnType<typeof groupSpec>): string[] {
  return all.filter((c) => decideBid(orderSpecFromGroupSpec(spec), context(c)).bid).map((c) => c.name);
}

describe("providers/bid-decision", () => {
  it("every default provider bids on a plain order, within the max price and in its denom", () => {
    const spec = groupSpec({});
    expect(bidders(spec)).to.deep.equal(all.map((c) => c.name));
    const decision = decideBid(orderSpecFromGroupSpec(spec), context(usEast));
    if (!decision.bid) throw new Error(decision.reason);
    expect(decision.price.denom).to.equal("uact");
    expect(parseDec(decision.price.amount) > 0n).to.equal(true);
    expect(parseDec(decision.price.amount) <= parseDec("1000")).to.equal(true);
  });

  it("bids only where the placement attributes match", () => {
    expect(bidders(groupSpec({ attributes: [{ key: "region", value: "us-east" }] }))).to.deep.equal(["sim-us-east"]);
    expect(bidders(groupSpec({ attributes: [{ key: "region", value: "mars" }] }))).to.deep.equal([]);
    const declined = decideBid(orderSpecFromGroupSpec(groupSpec({ attributes: [{ key: "region", value: "mars" }] })), context(usWest));
    expect(declined).to.deep.equal({ bid: false, reason: "incompatible provider attributes" });
  });

  it("honours signedBy: only providers whose attributes the auditor signed", () => {
    expect(bidders(groupSpec({ signedBy: { anyOf: [AUDITOR] } }))).to.deep.equal(["sim-us-west", "sim-eu-central-gpu"]);
    expect(bidders(groupSpec({ signedBy: { allOf: [AUDITOR] }, attributes: [{ key: "region", value: "us-west" }] }))).to.deep.equal(["sim-us-west"]);
    expect(bidders(groupSpec({ signedBy: { anyOf: ["akash1someoneelse"] } }))).to.deep.equal([]);
  });

  it("matches GPU model and free GPU capacity", () => {
    const gpu = (model: string, units = 1, count = 1) =>
      groupSpec({ units: [{ gpuUnits: units, count, price: "100000", gpuAttributes: [{ key: `vendor/nvidia/model/${model}`, value: "true" }] }] });
    expect(bidders(gpu("a100"))).to.deep.equal(["sim-eu-central-gpu"]);
    expect(bidders(gpu("rtx4090"))).to.deep.equal(["sim-eu-central-gpu"]);
    expect(bidders(gpu("*"))).to.deep.equal(["sim-eu-central-gpu"]);
    expect(bidders(gpu("h100"))).to.deep.equal([]);
    expect(bidders(gpu("a100", 4, 2))).to.deep.equal([], "8 A100s requested, 4 installed");
    const ram = groupSpec({ units: [{ gpuUnits: 1, gpuAttributes: [{ key: "vendor/nvidia/model/a100/ram/40Gi", value: "true" }] }] });
    expect(bidders(ram)).to.deep.equal([], "only 80Gi A100s");
  });

  it("prices GPUs by model and refuses when the price exceeds the order's max", () => {
    const ctx = context(euGpu);
    const a100 = decideBid(orderSpecFromGroupSpec(groupSpec({ units: [{ gpuUnits: 1, price: "100000", gpuAttributes: [{ key: "vendor/nvidia/model/a100", value: "true" }] }] })), ctx);
    const rtx = decideBid(orderSpecFromGroupSpec(groupSpec({ units: [{ gpuUnits: 1, price: "100000", gpuAttributes: [{ key: "vendor/nvidia/model/rtx4090", value: "true" }] }] })), ctx);
    if (!a100.bid || !rtx.bid) throw new Error("expected bids");
    expect(parseDec(a100.price.amount) > parseDec(rtx.price.amount)).to.equal(true);
    const cheap = decideBid(orderSpecFromGroupSpec(groupSpec({ units: [{ gpuUnits: 1, price: "10", gpuAttributes: [{ key: "vendor/nvidia/model/a100", value: "true" }] }] })), ctx);
    expect(cheap.bid).to.equal(false);
    expect((cheap as { reason: string }).reason).to.match(/^price too high/);
  });

  it("a low price cap selects only the cheap providers", () => {
    // 0.5 CPU, 512Mi, 1Gi, one endpoint: 8.51 uact/block at factor 1 (us-east 0.6, flaky 0.8, gpu 1.5)
    const spec = groupSpec({ units: [{ price: "6" }] });
    expect(bidders(spec)).to.deep.equal(["sim-us-east"]);
  });

  it("requires storage classes the provider advertises", () => {
    const persistent = groupSpec({
      units: [{ storage: [{ bytes: 1024 ** 3 }, { name: "data", bytes: 10 * 1024 ** 3, attributes: [{ key: "class", value: "beta2" }, { key: "persistent", value: "true" }] }] }],
    });
    expect(bidders(persistent)).to.deep.equal(all.map((c) => c.name));
    const beta3 = groupSpec({ units: [{ storage: [{ bytes: 1024 ** 3, attributes: [{ key: "class", value: "beta3" }, { key: "persistent", value: "true" }] }] }] });
    expect(bidders(beta3)).to.deep.equal([]);
  });

  it("declines what does not fit the free capacity, and counts reservations", () => {
    const inventory = new Inventory({ cpuMillis: 1000, memoryBytes: 4 * 1024 ** 3, storageBytes: 10 * 1024 ** 3 });
    const ctx = { ...context(usEast), inventory };
    const spec = orderSpecFromGroupSpec(groupSpec({ units: [{ cpuMillis: 600 }] }));
    const first = decideBid(spec, ctx);
    if (!first.bid) throw new Error(first.reason);
    inventory.hold("a", first.allocation);
    expect(decideBid(spec, ctx)).to.deep.equal({ bid: false, reason: "insufficient CPU capacity" });
    inventory.release("a");
    expect(decideBid(spec, ctx).bid).to.equal(true);
  });

  it("sums unit price × count for the order's max price", () => {
    const max = orderMaxPrice(orderSpecFromGroupSpec(groupSpec({ units: [{ price: "1.5", count: 3 }, { price: "2" }] })));
    expect(max).to.deep.equal({ denom: "uact", amount: parseDec("6.5") });
  });
});
