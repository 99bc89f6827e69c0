/**
 * The SDL's entries (versions 2.0 and 2.1) as zod schemas over the YAML tree of ./parse, decoding every field the
 * way chain-sdk go/sdl does with yaml.v3: unknown keys inside services/profiles are ignored (Go ignores them),
 * unknown GPU and storage-attribute keys are errors, null means the zero value, and Go's custom decoders (cpu
 * units, sizes, GPU attributes, storage lists, prices) run with their exact rules. ./decode applies them entry
 * by entry.
 */
import { z } from "zod";
import type { GoScalar, YamlValue } from "./parse";
import { scalarText, type Decoded } from "./scalars";
import { goDuration, legacyDec } from "./units";
import { computeResources, toComputeResources } from "./compute";
import { bool, list, map, mapping, mappingError, pointer, str, stringList, stringMap, struct, toAttributes, uint32 } from "./fields";

export interface Attribute {
  key: string;
  value: string;
}

export interface HttpOptions {
  maxBodySize: number;
  proxyBufferSize: number;
  readTimeout: number;
  sendTimeout: number;
  nextTries: number;
  nextTimeout: number;
  nextCases: string[] | undefined;
}

export interface ExposeTo {
  service: string;
  global: boolean;
  ip: string;
}

export interface Expose {
  port: number;
  as: number;
  proto: string;
  to: ExposeTo[] | undefined;
  /** `undefined` when absent (manifest `null`), `[]` when written as an empty list. */
  accept: string[] | undefined;
  httpOptions: HttpOptions;
}

export interface ServiceParams {
  storage: Record<string, { mount: string; readOnly: boolean }> | undefined;
  permissions: { read: string[] | undefined } | undefined;
  tee: string;
}

export interface Credentials {
  host: string;
  email: string;
  username: string;
  password: string;
}

export interface Service {
  image: string;
  command: string[] | undefined;
  args: string[] | undefined;
  env: string[] | undefined;
  expose: Expose[] | undefined;
  params: ServiceParams | undefined;
  credentials: Credentials | undefined;
}

export interface Volume {
  name: string;
  size: number;
  attributes: Attribute[] | undefined;
}

export interface ComputeResources {
  cpu: { units: number; attributes: Attribute[] | undefined } | undefined;
  gpu: { units: number; attributes: Attribute[] | undefined } | undefined;
  memory: { size: number } | undefined;
  storage: Volume[] | undefined;
}

export interface Price {
  denom: string;
  /** LegacyDec text, e.g. "50.000000000000000000". */
  amount: string;
}

export interface Placement {
  attributes: Attribute[];
  signedBy: { allOf: string[] | undefined; anyOf: string[] | undefined };
  pricing: Record<string, Price>;
}

export interface ServiceDeployment {
  profile: string;
  count: number;
}

export interface ParsedSdl {
  /** "2.0" or "2.1" (Go parses any version >= 2.1 with the 2.1 rules). */
  version: "2.0" | "2.1";
  /** The version as written. */
  versionText: string;
  include: string[] | undefined;
  services: Record<string, Service>;
  profiles: {
    compute: Record<string, { resources: ComputeResources | undefined }>;
    placement: Record<string, Placement>;
  };
  deployment: Record<string, Record<string, ServiceDeployment>>;
  endpoints: Record<string, { kind: string }>;
  reclamation: { minWindow: string; nanoseconds: number } | undefined;
}

// --- services ---------------------------------------------------------------------------------------------

const httpOptions = struct({
  max_body_size: uint32(),
  proxy_buffer_size: uint32(),
  read_timeout: uint32(),
  send_timeout: uint32(),
  next_tries: uint32(),
  next_timeout: uint32(),
  next_cases: stringList,
}).transform(
  (h): HttpOptions => ({
    maxBodySize: h.max_body_size,
    proxyBufferSize: h.proxy_buffer_size,
    readTimeout: h.read_timeout,
    sendTimeout: h.send_timeout,
    nextTries: h.next_tries,
    nextTimeout: h.next_timeout,
    nextCases: h.next_cases,
  }),
);

const exposeTo = struct({
  service: str(),
  global: bool,
  ip: str(),
  http_options: httpOptions,
}).transform((t): ExposeTo => ({ service: t.service, global: t.global, ip: t.ip }));

const portFix = "use a port number from 1 to 65535";

const expose = struct({
  port: uint32(portFix),
  as: uint32(portFix),
  proto: str(),
  to: list(exposeTo),
  accept: stringList,
  http_options: httpOptions,
}).transform(
  (e): Expose => ({
    port: e.port,
    as: e.as,
    proto: e.proto,
    to: e.to,
    accept: e.accept,
    httpOptions: e.http_options,
  }),
);

const serviceParams = pointer({
  storage: mapping(z.record(z.string(), struct({ mount: str(), readOnly: bool }), mappingError).optional()),
  permissions: pointer({ read: stringList }),
  tee: str(),
});

const credentials = pointer({
  host: str(),
  email: str(),
  username: str(),
  password: str(),
});

export const serviceSchema = struct({
  image: str("set image: to a container image, e.g. nginx:1.27"),
  command: stringList,
  args: stringList,
  env: stringList,
  expose: list(expose),
  dependencies: list(struct({ service: str() })),
  params: serviceParams,
  credentials,
}).transform(
  (s): Service => ({
    image: s.image,
    command: s.command,
    args: s.args,
    env: s.env,
    expose: s.expose,
    params: s.params
      ? {
          storage: s.params.storage,
          permissions: s.params.permissions ? { read: s.params.permissions.read } : undefined,
          tee: s.params.tee,
        }
      : undefined,
    credentials: s.credentials,
  }),
);
// --- placement --------------------------------------------------------------------------------------------

const denomPattern = /^[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/;

const coin = struct({
  amount: str(),
  denom: str(),
}).transform((c, ctx): Price => {
  const fix = "write the price per block per unit, e.g. amount: 1000 (up to 18 decimals)";
  const dec = legacyDec(c.amount);
  if (!dec.ok) {
    ctx.addIssue({ code: "custom", path: ["amount"], message: c.amount === "" ? "amount is required" : dec.message, params: { fix } });
  } else if (dec.value.zero) {
    ctx.addIssue({ code: "custom", path: ["amount"], message: "invalid coin amount: amount is zero", params: { fix } });
  } else if (dec.value.negative) {
    ctx.addIssue({ code: "custom", path: ["amount"], message: `amount "${c.amount}" is negative`, params: { fix } });
  }
  if (!denomPattern.test(c.denom)) {
    ctx.addIssue({
      code: "custom",
      path: ["denom"],
      message: c.denom === "" ? "denom is required" : `"${c.denom}" is not a valid denomination`,
      params: { fix: "use denom: uact" },
    });
  }
  return { denom: c.denom, amount: dec.ok ? dec.value.text : "" };
});

export const placementSchema = struct({
  attributes: stringMap,
  signedBy: struct({ allOf: stringList, anyOf: stringList }),
  pricing: map(coin),
}).transform(
  (p): Placement => ({
    attributes: toAttributes(p.attributes),
    signedBy: { allOf: p.signedBy.allOf, anyOf: p.signedBy.anyOf },
    pricing: p.pricing,
  }),
);

// --- top level --------------------------------------------------------------------------------------------

/** blang/semver ParseTolerant, then Go's dispatch: 2.0.0 -> v2, >= 2.1.0 -> v2.1, otherwise unsupported. */
function sdlVersion(text: string): Decoded<"2.0" | "2.1"> {
  const parts = text.trim().replace(/^v/, "").split(".");
  while (parts.length < 3) parts.push("0");
  if (parts.length !== 3 || !parts.every((p) => /^[0-9]+$/.test(p))) {
    return { ok: false, message: `"${text}" is not a version` };
  }
  const [major, minor, patch] = parts.map(Number) as [number, number, number];
  if (major === 2 && minor === 0 && patch === 0) return { ok: true, value: "2.0" };
  if (major > 2 || (major === 2 && minor >= 1)) return { ok: true, value: "2.1" };
  return { ok: false, message: `unsupported version "${text}"` };
}

/** Go allocates the config as soon as `reclamation:` is written, so a null one decodes to an empty window. */
export const reclamationSchema = struct({ min_window: str() }).transform((r, ctx) => {
  const d = goDuration(r.min_window);
  const fix = "write a positive duration, e.g. min_window: 1h, or remove reclamation";
  if (!d.ok) ctx.addIssue({ code: "custom", path: ["min_window"], message: `invalid reclamation min_window: ${d.message}`, params: { fix } });
  else if (d.value <= 0) ctx.addIssue({ code: "custom", path: ["min_window"], message: "reclamation min_window must be > 0", params: { fix } });
  return { minWindow: r.min_window, nanoseconds: d.ok ? d.value : 0 };
});

export const versionSchema = z
  .custom<YamlValue>(() => true)
  .optional()
  .transform((v, ctx) => {
    const fix = 'start the file with version: "2.0" (or "2.1")';
    if (v === undefined) {
      ctx.addIssue({ code: "custom", message: "no version found", params: { fix } });
      return z.NEVER;
    }
    const text = scalarText(v);
    const parsed = text.ok && text.value !== undefined ? sdlVersion(text.value) : ({ ok: false, message: "version must be a value" } as const);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message, params: { fix } });
      return z.NEVER;
    }
    return { version: parsed.value, text: (v as GoScalar).value };
  });

export const computeProfileSchema = struct({ resources: computeResources }).transform((c) => ({
  resources: c.resources ? toComputeResources(c.resources) : undefined,
}));

export const serviceDeploymentSchema = struct({ profile: str("name a compute profile, e.g. profile: web"), count: uint32("use a whole number of instances, e.g. count: 1") });

export const endpointSchema = struct({ kind: str("write kind: ip") });
