/**
 * Compute profiles (profiles.compute.*.resources) decoded with chain-sdk go/sdl's rules: cpu.go, memory.go,
 * gpu.go (sorted vendor/nvidia/model keys, ram in Gi), storage.go (attribute rules, Go's volume order).
 */
import { z } from "zod";
import { GoScalar, type YamlValue } from "./parse";
import { decodeString } from "./scalars";
import { goStableSort, goStringLess } from "./gosort";
import { binarySuffixes, byteSize, byteSuffixes, cpuMillis, GiB, gpuUnits } from "./units";
import { forward, list, mapping, mappingError, pointer, sortAttributes, str, stringMap, struct, textField, unexpected } from "./fields";
import type { Attribute, ComputeResources, Volume } from "./schema";

const cpuAttributes = mapping(z.record(z.string(), z.unknown(), mappingError).optional()).transform((m, ctx): Attribute[] | undefined => {
    if (m === undefined) return undefined;
    const attrs: Attribute[] = [];
    for (const [key, v] of Object.entries(m)) {
      if (key !== "arch") {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `unsupported cpu attribute "${key}"`,
          params: { fix: "the only cpu attribute is arch (e.g. arch: amd64)" },
        });
        continue;
      }
      const value = decodeString(v as YamlValue);
      if (!value.ok) ctx.addIssue({ code: "custom", path: [key], message: value.message, params: { fix: "write the architecture as text, e.g. arch: amd64" } });
      else attrs.push({ key, value: value.value });
    }
    return sortAttributes(attrs);
  });

const cpu = pointer({
  units: textField(cpuMillis, 0, "write CPUs as a number (0.5) or millicores (500m)"),
  attributes: cpuAttributes,
});

const sizeFix = "write a size like 512Mi, 1Gi or 1G (suffixes are case-sensitive: k Ki M Mi G Gi T Ti P Pi E Ei)";

const memory = pointer({
  size: textField((t) => byteSize(t, byteSuffixes), 0, sizeFix),
});

const gpuInterface = textField<string | undefined>(
  (t) => (t === "pcie" || t === "sxm" ? { ok: true, value: t } : { ok: false, message: `invalid GPU interface "${t}"` }),
  undefined,
  'use interface: pcie or interface: sxm',
);

const gpuRam = textField<number | undefined>(
  (t) => byteSize(t, binarySuffixes),
  undefined,
  "write GPU ram with a binary suffix, e.g. 80Gi",
);

const nvidiaModel = struct({ model: str(), ram: gpuRam, interface: gpuInterface }).transform((m) => {
  let key = `vendor/nvidia/model/${m.model}`;
  if (m.ram !== undefined) key += `/ram/${Math.floor(m.ram / GiB)}Gi`;
  if (m.interface !== undefined) key += `/interface/${m.interface}`;
  return key;
});

const attributeKey = /^([a-zA-Z][\w/.-]{1,126}[\w*]?)$/;

const nvidiaVendor = mapping(z.object({ nvidia: list(nvidiaModel) }, mappingError));

/** go/sdl/gpu.go v2GPUAttributes: only `vendor`; nvidia models become sorted `vendor/nvidia/model/...` keys. */
const gpuAttributes = mapping(z.record(z.string(), z.custom<YamlValue>(() => true), mappingError).optional()).transform((a, ctx): Attribute[] | undefined => {
    if (a === undefined) return undefined;
    for (const key of Object.keys(a)) {
      if (key !== "vendor") {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `unsupported GPU attribute "${key}"`,
          params: { fix: "GPU attributes take only vendor: { nvidia: [...] }" },
        });
      }
    }
    if (a.vendor === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["vendor"],
        message: "invalid GPU attributes: at least one vendor must be set",
        params: { fix: "write vendor: { nvidia: [ { model: a100 } ] } or vendor: { nvidia: } for any NVIDIA GPU" },
      });
      return z.NEVER;
    }
    const vendor = forward(nvidiaVendor, a.vendor, ctx, ["vendor"]);
    if (vendor === undefined) return z.NEVER;
    const keys = vendor.nvidia ?? [];
    const attrs = sortAttributes((keys.length > 0 ? keys : ["vendor/nvidia/model/*"]).map((key) => ({ key, value: "true" })));
    const seen = new Set<string>();
    for (const attr of attrs) {
      if (!attributeKey.test(attr.key) || seen.has(attr.key)) {
        ctx.addIssue({
          code: "custom",
          path: ["vendor", "nvidia"],
          message: `invalid GPU attributes: ${seen.has(attr.key) ? "duplicate" : "invalid"} key "${attr.key}"`,
          params: { fix: "list each GPU model once; model names may use letters, digits, . _ - /" },
        });
      }
      seen.add(attr.key);
    }
    return attrs;
  });

const gpu = mapping(
  z
    .object({ units: textField(gpuUnits, 0, "write a whole number of GPUs, e.g. units: 1"), attributes: gpuAttributes }, mappingError)
    .catchall(unexpected("a GPU takes only units and attributes", "remove this key"))
    .optional(),
).superRefine((g, ctx) => {
    if (g && g.units > 0 && (g.attributes === undefined || g.attributes.length === 0)) {
      ctx.addIssue({
        code: "custom",
        message: "GPU attributes must be present if units > 0",
        params: { fix: "add attributes: { vendor: { nvidia: [ { model: <model> } ] } }" },
      });
    }
  });

const storageClasses = new Set(["default", "beta1", "beta2", "beta3", "ram"]);
const goBoolWords: Record<string, string> = { true: "true", on: "true", yes: "true", false: "false", off: "false", no: "false" };

/** go/sdl/storage.go v2StorageAttributes.UnmarshalYAML, checks in Go's order on the raw texts. */
const storageAttributes = stringMap.optional().transform((raw, ctx): Attribute[] | undefined => {
  if (raw === undefined) return undefined;
  const res: Record<string, string> = { ...raw };
  if (!("persistent" in res)) res.persistent = "false";
  const persistent = res.persistent!;
  const cls = res.class ?? "";
  const issue = (message: string, fix: string, path: string[] = []) =>
    ctx.addIssue({ code: "custom", path, message, params: { fix } });
  if (cls === "") {
    if (persistent === "true") res.class = "default";
  } else if (cls === "ram") {
    if (persistent !== "false") issue("ram storage class cannot be persistent", "remove persistent or set persistent: false");
  } else if (persistent === "false") {
    issue("ephemeral storage should not set attribute class", "set persistent: true, or remove class");
  }
  const attrs: Attribute[] = [];
  for (const [key, value] of Object.entries(res)) {
    if (key === "persistent") {
      const norm = goBoolWords[value];
      if (norm === undefined) issue(`invalid value "${value}" for attribute persistent`, "write persistent: true or false", [key]);
      else attrs.push({ key, value: norm });
    } else if (key === "class") {
      if (!storageClasses.has(value)) issue(`invalid storage class "${value}"`, "use class: default, beta1, beta2, beta3 or ram", [key]);
      else attrs.push({ key, value });
    } else {
      issue(`unsupported storage attribute "${key}"`, "storage attributes are persistent and class", [key]);
    }
  }
  return sortAttributes(attrs);
});

const volume = struct({
  name: str(),
  size: textField((t) => byteSize(t, byteSuffixes), 0, sizeFix),
  attributes: storageAttributes,
});

/** go/sdl/storage.go: Go's volume order (size, then the persistent attribute, then name). */
function volumeLess(a: Volume, b: Volume): boolean {
  if (a.size < b.size) return true;
  if (a.size > b.size) return false;
  const find = (v: Volume) => v.attributes?.find((x) => x.key === "persistent")?.value ?? "";
  const ai = find(a);
  const bi = find(b);
  const aExists = ai !== "";
  const bExists = bi !== "";
  if ((!aExists && bExists) || (aExists && bExists && ai < bi)) return true;
  if (aExists && !bExists) return false;
  const asBool = (s: string) => s === "true" || s === "1" || s === "t" || s === "T" || s === "TRUE" || s === "True";
  if (!asBool(ai)) return true;
  if (!asBool(bi)) return false;
  return goStringLess(a.name, b.name);
}

const volumeList = z.array(volume);

/** go/sdl/storage.go v2ResourceStorageArray: a list of volumes or a single mapping (named "default"). */
function decodeStorage(v: YamlValue, ctx: z.core.$RefinementCtx): Volume[] | undefined {
  // yaml.v3 runs this decoder only for a list or a mapping; null or a scalar decodes to no volumes.
  if (v instanceof GoScalar || v === undefined) return undefined;
  const volumes = Array.isArray(v)
    ? forward(volumeList, v, ctx, [])?.map((x) => ({ ...x, name: x.name === "" ? "default" : x.name }))
    : mapOne(forward(volume, v, ctx, []), (x) => [{ ...x, name: "default" }]);
  if (volumes === undefined) return undefined;
  const names = new Set<string>();
  for (const vol of volumes) {
    if (names.has(vol.name)) {
      ctx.addIssue({
        code: "custom",
        message: `duplicated volume name "${vol.name}"`,
        params: { fix: "give every volume a unique name (a volume without name is called default)" },
      });
    }
    names.add(vol.name);
  }
  return goStableSort(volumes, volumeLess);
}

function mapOne<A, B>(a: A | undefined, f: (a: A) => B): B | undefined {
  return a === undefined ? undefined : f(a);
}

export const computeResources = pointer({
  cpu,
  gpu,
  memory,
  storage: z
    .custom<YamlValue>(() => true)
    .optional()
    .transform((v, ctx) => decodeStorage(v, ctx)),
});

export function toComputeResources(r: {
  cpu?: { units: number; attributes: Attribute[] | undefined } | undefined;
  gpu?: { units: number; attributes?: Attribute[] | undefined } | undefined;
  memory?: { size: number } | undefined;
  storage: Volume[] | undefined;
}): ComputeResources {
  return {
    cpu: r.cpu,
    gpu: r.gpu ? { units: r.gpu.units, attributes: r.gpu.attributes } : undefined,
    memory: r.memory,
    storage: r.storage,
  };
}

