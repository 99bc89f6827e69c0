import { expect } from "chai";
import { stringify } from "yaml";
import { computeResources, toComputeResources } from "./compute";
import { parseYaml } from "./parse";
import type { ComputeResources } from "./schema";

const base = { cpu: { units: 0.5 }, memory: { size: "512Mi" }, storage: { size: "1Gi" } };

function decode(resources: object): ComputeResources {
  const r = computeResources.safeParse(parseYaml(stringify(resources)).root);
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return toComputeResources(r.data!);
}

function problems(resources: object): Array<{ path: string; message: string }> {
  const r = computeResources.safeParse(parseYaml(stringify(resources)).root);
  return r.success ? [] : r.error.issues.map((i: { path: PropertyKey[]; message: string }) => ({ path: i.path.join("."), message: i.message }));
}

describe("sdl/compute (go/sdl cpu.go, gpu.go, storage.go)", () => {
  it("decodes cpu millicores, memory bytes and a single storage mapping named default", () => {
    const r = decode(base);
    expect([r.cpu?.units, r.cpu?.attributes, r.gpu, r.memory?.size]).to.deep.equal([500, undefined, undefined, 512 * 1024 ** 2]);
    expect(r.storage!.map((v) => [v.name, v.size, v.attributes])).to.deep.equal([["default", 1024 ** 3, undefined]]);
  });

  it("sorts storage volumes the Go way (size, then persistent, then name)", () => {
    const storage = [
      { size: "100Gi" },
      { name: "data", size: "900Gi", attributes: { persistent: true, class: "beta3" } },
      { name: "shm", size: "32Gi", attributes: { class: "ram" } },
    ];
    expect(decode({ ...base, storage }).storage!.map((v) => v.name)).to.deep.equal(["shm", "default", "data"]);
  });

  it("applies Go's storage attribute rules on the raw text", () => {
    const attrs = (a: object) => ({ ...base, storage: [{ name: "v", size: "1Gi", attributes: a }] });
    expect(decode(attrs({ persistent: true })).storage![0]!.attributes).to.deep.equal([
      { key: "class", value: "default" },
      { key: "persistent", value: "true" },
    ]);
    // "yes" is normalised to "true" but does not trigger the class default (Go compares the raw text first).
    expect(decode(attrs({ persistent: "yes" })).storage![0]!.attributes).to.deep.equal([{ key: "persistent", value: "true" }]);
    expect(problems(attrs({ persistent: "True" }))[0]!.message).to.match(/invalid value "True" for attribute persistent/);
    expect(problems(attrs({ class: "beta2" }))[0]!.message).to.match(/ephemeral storage should not set attribute class/);
    expect(problems(attrs({ class: "ram", persistent: true }))[0]!.message).to.match(/ram storage class cannot be persistent/);
    expect(problems(attrs({ speed: "fast" }))[0]).to.deep.include({ path: "storage.0.attributes.speed" });
    expect(problems({ ...base, storage: [{ size: "1Gi" }, { size: "2Gi" }] })[0]!.message).to.match(/duplicated volume name "default"/);
  });

  it("builds sorted GPU attribute keys with ram normalised to Gi", () => {
    const gpu = (nvidia: unknown) => ({ ...base, gpu: { units: 1, attributes: { vendor: { nvidia } } } });
    const keys = (r: object) => decode(r).gpu!.attributes!.map((a) => a.key);
    expect(keys(gpu([{ model: "h100" }, { model: "a100", ram: "40960Mi", interface: "sxm" }]))).to.deep.equal([
      "vendor/nvidia/model/a100/ram/40Gi/interface/sxm",
      "vendor/nvidia/model/h100",
    ]);
    expect(keys(gpu(null))).to.deep.equal(["vendor/nvidia/model/*"]);
    expect(problems(gpu([{ model: "a100", ram: "80G" }]))[0]!.path).to.equal("gpu.attributes.vendor.nvidia.0.ram");
    expect(problems(gpu([{ model: "a100", interface: "nvlink" }]))[0]!.message).to.match(/invalid GPU interface/);
    expect(problems(gpu([{ model: "a100" }, { model: "a100" }]))[0]!.message).to.match(/duplicate key/);
    expect(problems({ ...base, gpu: { units: 1 } })[0]!.message).to.match(/GPU attributes must be present/);
    expect(problems({ ...base, gpu: { units: "1.0", attributes: { vendor: { nvidia: null } } } })[0]!.message).to.match(/whole number/);
    expect(problems({ ...base, gpu: { units: 1, count: 2 } })[0]!.message).to.match(/unexpected field/);
    expect(problems({ ...base, gpu: { units: 1, attributes: { model: "x" } } }).map((p) => p.path)).to.deep.equal(["gpu.attributes.model", "gpu.attributes.vendor"]);
  });

  it("accepts only the arch cpu attribute", () => {
    expect(decode({ ...base, cpu: { units: 1, attributes: { arch: "amd64" } } }).cpu!.attributes).to.deep.equal([{ key: "arch", value: "amd64" }]);
    expect(problems({ ...base, cpu: { units: 1, attributes: { vendor: "intel" } } })[0]!.message).to.match(/unsupported cpu attribute "vendor"/);
  });
});
