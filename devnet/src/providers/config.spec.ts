import { expect } from "chai";
import { defaultProviderConfigs, deterministicMnemonic, parseProviderConfigs, parseProviderTiming, providerAttributes, providerGenesisAccounts } from "./config";

describe("providers/config", () => {
  it("defaults to four distinct providers: regions, audited or not, GPUs of two models, one flaky", () => {
    const configs = parseProviderConfigs(defaultProviderConfigs());
    expect(configs).to.have.length(4);
    expect(new Set(configs.map((c) => c.region)).size).to.equal(4);
    expect(configs.filter((c) => c.audited)).to.have.length(2);
    expect(configs.flatMap((c) => c.gpus ?? []).map((g) => g.model)).to.deep.equal(["a100", "rtx4090"]);
    expect(configs.filter((c) => c.flaky)).to.have.length(1);
    expect(new Set(configs.map((c) => c.pricing.cpuPerMilli)).size).to.equal(4);
  });

  it("scales the default prices by exact decimal multiplication (no float noise)", () => {
    const [, gpu, east] = defaultProviderConfigs();
    expect(gpu.pricing).to.deep.include({ cpuPerMilli: 0.018, memoryPerMiB: 0.00675, endpoint: 0.015, ip: 1.5 });
    expect(east.pricing.storagePerMiB).to.deep.equal({ ephemeral: 0.00012, beta2: 0.00024, beta3: 0.00036, ram: 0.0027 });
  });

  it("derives fixed mnemonics, so provider addresses survive restarts", () => {
    expect(deterministicMnemonic("a")).to.equal(deterministicMnemonic("a"));
    expect(deterministicMnemonic("a")).to.not.equal(deterministicMnemonic("b"));
    expect(deterministicMnemonic("a").split(" ")).to.have.length(24);
    expect(defaultProviderConfigs()[0].mnemonic).to.equal(defaultProviderConfigs()[0].mnemonic);
  });

  it("funds every provider with AKT and ACT for fees and bid deposits", () => {
    const accounts = providerGenesisAccounts(defaultProviderConfigs());
    expect(accounts).to.have.length(4);
    for (const a of accounts) expect(a.coins.map((c) => c.denom)).to.deep.equal(["uakt", "uact"]);
  });

  it("advertises region, storage classes and GPU capabilities in the real provider conventions", () => {
    const gpu = providerAttributes(defaultProviderConfigs()[1]);
    expect(gpu).to.deep.include({ key: "region", value: "eu-central" });
    expect(gpu).to.deep.include({ key: "capabilities/gpu/vendor/nvidia/model/a100", value: "true" });
    expect(gpu).to.deep.include({ key: "capabilities/gpu/vendor/nvidia/model/a100/ram/80Gi", value: "true" });
    expect(gpu).to.deep.include({ key: "capabilities/gpu/vendor/nvidia/model/rtx4090/interface/pcie", value: "true" });
    expect(gpu).to.deep.include({ key: "capabilities/storage/1/class", value: "beta2" });
    expect(new Set(gpu.map((a) => a.key)).size).to.equal(gpu.length, "no duplicate keys");
    const custom = providerAttributes({ ...defaultProviderConfigs()[0], attributes: [{ key: "region", value: "override" }, { key: "datacenter", value: "x" }] });
    expect(custom.filter((a) => a.key === "region")).to.deep.equal([{ key: "region", value: "override" }]);
  });

  it("rejects bad configuration naming the provider and key", () => {
    const [first] = defaultProviderConfigs();
    expect(() => parseProviderConfigs([{ ...first, capacity: { ...first.capacity, cpuMillis: -1 } }])).to.throw(/configs\[0\]\.capacity\.cpuMillis/);
    expect(() => parseProviderConfigs([{ ...first, attributes: [{ key: "9bad", value: "x" }] }])).to.throw(/configs\[0\]\.attributes\.0\.key/);
    expect(() => parseProviderConfigs([{ ...first, bidDeposit: { denom: "uakt", amount: "0.5" } }])).to.throw(/configs\[0\]\.bidDeposit\.amount/);
    expect(parseProviderConfigs([{ ...first, bidDeposit: { denom: "uact", amount: "500000" } }])[0].bidDeposit).to.deep.equal({ denom: "uact", amount: "500000" });
    expect(() => parseProviderConfigs([first, first])).to.throw(/duplicate provider name "sim-us-west"/);
    expect(() => parseProviderConfigs([{ ...first, neverReady: "yes" }])).to.throw(/configs\[0\]\.neverReady/);
  });

  it("keeps the never-ready fault and mTLS-only auth when set", () => {
    const [first] = defaultProviderConfigs();
    expect(parseProviderConfigs([{ ...first, neverReady: true, mtlsOnly: true }])[0]).to.deep.include({ neverReady: true, mtlsOnly: true });
  });

  it("validates timing, naming the key", () => {
    expect(parseProviderTiming({ bidTimeoutMs: 0, pollMs: 100 })).to.deep.equal({ bidTimeoutMs: 0, pollMs: 100 });
    expect(parseProviderTiming(undefined)).to.deep.equal({});
    expect(() => parseProviderTiming({ pollMs: 0 })).to.throw(/timing\.pollMs/);
    expect(() => parseProviderTiming({ manifestTimeoutMs: -5 })).to.throw(/timing\.manifestTimeoutMs/);
  });
});
