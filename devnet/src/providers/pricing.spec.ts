import { expect } from "chai";
import { defaultProviderConfigs } from "./config";
import { formatDec } from "./dec";
import { groupSpec } from "./fixtures";
import { orderSpecFromGroupSpec } from "./order-spec";
import { calculatePrice, MAINNET_BLOCK_MS, pricingAtBlockTime, type ScalePricing } from "./pricing";

const pricing: ScalePricing = { cpuPerMilli: 0.01, memoryPerMiB: 0.001, storagePerMiB: { ephemeral: 0.0001, beta2: 0.001 }, endpoint: 0.5, ip: 2, gpuPerUnit: { a100: 100, "*": 10 } };

function price(spec: ReturnType<typeof groupSpec>, models: Array<string | undefined> = []): string {
  const result = calculatePrice(orderSpecFromGroupSpec(spec), pricing, models);
  if (!result.ok) throw new Error(result.reason);
  return formatDec(result.amount);
}

describe("providers/pricing", () => {
  it("scales CPU, memory, storage by class and endpoints by the replica count", () => {
    // 500m × 0.01 + 512 MiB × 0.001 + 1024 MiB × 0.0001 + 1 endpoint × 0.5, then × 2 replicas except the endpoint
    expect(price(groupSpec({ units: [{ count: 2 }] }))).to.equal("11.728800000000000000");
    const persistent = groupSpec({ units: [{ storage: [{ bytes: 1024 * 1024 * 1024, attributes: [{ key: "class", value: "beta2" }, { key: "persistent", value: "true" }] }] }] });
    expect(price(persistent)).to.equal("7.036000000000000000");
  });

  it("prices GPUs by the model that will run them and leased IPs per endpoint", () => {
    const gpu = groupSpec({ units: [{ gpuUnits: 2, endpoints: [{ kind: 0 }, { kind: 2, sequenceNumber: 1 }] }] });
    expect(price(gpu, ["a100"])).to.equal("208.614400000000000000");
    expect(price(gpu, ["rtx4090"])).to.equal("28.614400000000000000");
  });

  it("prices a default provider's bid exactly, as a LegacyDec", () => {
    const result = calculatePrice(orderSpecFromGroupSpec(groupSpec({ units: [{ count: 2 }] })), defaultProviderConfigs()[1].pricing);
    expect(result.ok && formatDec(result.amount)).to.equal("25.541400000000000000");
  });

  it("rescales per-mainnet-block prices to the devnet's block time, so a month costs the same", () => {
    const spec = groupSpec({ units: [{ count: 2 }] });
    const at = (blockMs: number) => {
      const result = calculatePrice(orderSpecFromGroupSpec(spec), pricingAtBlockTime(pricing, blockMs));
      if (!result.ok) throw new Error(result.reason);
      return Number(formatDec(result.amount));
    };
    expect(at(MAINNET_BLOCK_MS)).to.equal(11.7288);
    // 500 ms blocks: 12.196 times as many per month, each that much cheaper
    expect(at(500) * (MAINNET_BLOCK_MS / 500)).to.be.closeTo(11.7288, 1e-9);
    expect(at(100) * (MAINNET_BLOCK_MS / 100)).to.be.closeTo(11.7288, 1e-9);
    expect(pricingAtBlockTime({ cpuPerMilli: 1, memoryPerMiB: 0, storagePerMiB: {} }, 100)).to.deep.equal({ cpuPerMilli: 0.016398819285011479, memoryPerMiB: 0, storagePerMiB: {} });
  });

  it("refuses storage classes it has no price for", () => {
    const beta3 = groupSpec({ units: [{ storage: [{ bytes: 1024, attributes: [{ key: "class", value: "beta3" }, { key: "persistent", value: "true" }] }] }] });
    expect(calculatePrice(orderSpecFromGroupSpec(beta3), pricing)).to.deep.equal({ ok: false, reason: "no pricing configured for storage class: beta3" });
  });
});
