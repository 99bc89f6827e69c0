/**
 * The provider's checks of a manifest PUT by a tenant (provider manifest/manager.go validateRequest with
 * chain-sdk go/manifest/v2beta3): structure, hash equal to the deployment's on-chain version, and cross-
 * validation against the on-chain groups. Failures carry the real messages (HTTP 422).
 */
import { z } from "zod";
import { HttpError } from "./http-error";
import type { OrderSpec, UnitSpec } from "./order-spec";
import { ENDPOINT_LEASED_IP, ENDPOINT_RANDOM_PORT, ENDPOINT_SHARED_HTTP } from "./order-spec";

const resourceValue = z.object({ val: z.union([z.string(), z.number()]).transform(String) });
const attributes = z.array(z.object({ key: z.string(), value: z.string() })).nullish();

const exposeSchema = z.looseObject({
  port: z.number().int(),
  externalPort: z.number().int().default(0),
  proto: z.string().default(""),
  service: z.string().default(""),
  global: z.boolean().default(false),
  hosts: z.array(z.string()).nullish(),
  ip: z.string().default(""),
  endpointSequenceNumber: z.number().int().default(0),
});

const serviceSchema = z.looseObject({
  name: z.string().default(""),
  image: z.string().default(""),
  count: z.number().int().nonnegative().default(0),
  env: z.array(z.string()).nullish(),
  resources: z.looseObject({
    id: z.number().int().default(0),
    cpu: z.object({ units: resourceValue, attributes }).nullish(),
    memory: z.object({ size: resourceValue, attributes }).nullish(),
    storage: z.array(z.object({ name: z.string().default(""), size: resourceValue, attributes })).nullish(),
    gpu: z.object({ units: resourceValue, attributes }).nullish(),
    endpoints: z.array(z.object({ kind: z.number().int().optional(), sequence_number: z.number().int().default(0) })).nullish(),
  }),
  expose: z.array(exposeSchema).nullish(),
});

const manifestSchema = z.array(z.looseObject({ name: z.string().default(""), services: z.array(serviceSchema).nullish() }));

export type ManifestGroup = z.infer<typeof manifestSchema>[number];
export type ManifestService = z.infer<typeof serviceSchema>;
export type ManifestExpose = z.infer<typeof exposeSchema>;

const invalid = (message: string) => new HttpError(422, message);
const crossValidation = (message: string) => invalid(`manifest cross-validation error: ${message}`);

/** Decodes the PUT body like Go's json.Decoder into manifest.Manifest (422 on failure). */
export function parseManifest(body: string): { groups: ManifestGroup[]; raw: unknown } {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    throw invalid(`invalid character in manifest JSON: ${(e as Error).message}`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(`json: cannot unmarshal manifest: ${issue.path.join(".")}: ${issue.message}`);
  }
  return { groups: parsed.data, raw };
}

const SERVICE_NAME = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

export function externalPort(expose: ManifestExpose): number {
  return expose.externalPort === 0 ? expose.port : expose.externalPort;
}

/** ServiceExpose.IsIngress: global TCP exposed on port 80 (an HTTP ingress URI). */
export function isIngress(expose: ManifestExpose): boolean {
  return expose.proto === "TCP" && expose.global && externalPort(expose) === 80;
}

/** Manifest.Validate (Groups.Validate) */
export function validateManifest(groups: ManifestGroup[]): void {
  const names = new Set<string>();
  const hostnames = new Set<string>();
  let globalServices = 0;
  for (const group of groups) {
    const services = group.services ?? [];
    if (services.length === 0) throw invalid(`invalid manifest: group "${group.name}" contains no services`);
    for (let i = 1; i < services.length; i++) {
      if (services[i].name < services[i - 1].name) throw invalid(`invalid manifest: group "${group.name}" services is not sorted`);
    }
    for (const s of services) {
      if (!s.name) throw invalid("invalid manifest: service name is empty");
      if (!SERVICE_NAME.test(s.name)) throw invalid(`invalid manifest: service "${s.name}" name is invalid`);
      if (!s.image) throw invalid(`invalid manifest: service "${s.name}" has empty image name`);
      for (const env of s.env ?? []) {
        const name = env.split("=", 1)[0];
        if (!ENV_NAME.test(name)) throw invalid(`invalid manifest: service "${s.name}" defines an env. var. with an invalid name "${name}"`);
      }
      for (const e of s.expose ?? []) {
        const fail = (m: string) => invalid(`invalid manifest: service "${s.name}": ${m}`);
        if (e.port <= 0 || e.port > 65535) throw fail("port value must be 0 < value <= 65535 ");
        if (e.proto !== "TCP" && e.proto !== "UDP") throw fail(`protocol "${e.proto}" unknown`);
        if (e.global) globalServices++;
        for (const host of e.hosts ?? []) {
          if (hostnames.has(host)) throw fail(`hostname "${host}" is duplicated, this is not allowed`);
          hostnames.add(host);
        }
      }
    }
    if (names.has(group.name)) throw invalid(`invalid manifest: duplicate group "${group.name}"`);
    names.add(group.name);
  }
  if (globalServices === 0) throw invalid("invalid manifest: zero global services");
}

function sameAttributes(a: ReadonlyArray<{ key: string; value: string }> | null | undefined, b: ReadonlyArray<{ key: string; value: string }>): boolean {
  const left = a ?? [];
  return left.length === b.length && left.every((x, i) => x.key === b[i].key && x.value === b[i].value);
}

function checkService(s: ManifestService, units: Map<number, UnitSpec & { remaining: number }>, endpoints: Map<number, { http: number; port: number; ip: number }>): void {
  const unit = units.get(s.resources.id);
  if (!unit) throw new Error(`service "${s.name}": not found deployment group resources with ID = ${s.resources.id}`);
  if (s.count > unit.remaining) throw new Error(`service "${s.name}": over-utilized replicas (${s.count}) > group spec resources count (${unit.remaining})`);
  const r = s.resources;
  if (BigInt(r.cpu?.units.val ?? "0") !== unit.cpuMillis || !sameAttributes(r.cpu?.attributes, unit.cpuAttributes))
    throw new Error(`service "${s.name}": CPU resources mismatch for ID ${unit.id}`);
  if (BigInt(r.gpu?.units.val ?? "0") !== unit.gpuUnits || !sameAttributes(r.gpu?.attributes, unit.gpuAttributes))
    throw new Error(`service "${s.name}": GPU resources mismatch for ID ${unit.id}`);
  if (BigInt(r.memory?.size.val ?? "0") !== unit.memoryBytes) throw new Error(`service "${s.name}": Memory resources mismatch for ID ${unit.id}`);
  const storage = r.storage ?? [];
  const storageMatches =
    storage.length === unit.storage.length &&
    storage.every((st, i) => st.name === unit.storage[i].name && BigInt(st.size.val) === unit.storage[i].bytes && sameAttributes(st.attributes, unit.storage[i].attributes));
  if (!storageMatches) throw new Error(`service "${s.name}": Storage resources mismatch for ID ${unit.id}`);
  const eps = endpoints.get(unit.id)!;
  for (const e of s.expose ?? []) {
    if (!e.global) continue;
    const fail = (what: string) => new Error(`service "${s.name}": resource ID ${unit.id}: over-utilized ${what} endpoints`);
    if (isIngress(e)) {
      if (eps.http === 0) throw fail("HTTP");
      eps.http--;
    } else {
      if (eps.port === 0) throw fail("PORT");
      eps.port--;
    }
    if (e.ip) {
      if (eps.ip === 0) throw fail("IP");
      eps.ip--;
    }
  }
  unit.remaining -= s.count;
}

/** Groups.CheckAgainstGSpecs: the manifest uses exactly the on-chain groups' resources and endpoints. */
export function checkAgainstGroups(groups: ManifestGroup[], specs: OrderSpec[]): void {
  validateManifest(groups);
  if (groups.length !== specs.length) throw invalid(`invalid manifest: group count mismatch (${groups.length} != ${specs.length})`);
  const byName = new Map(
    specs.map((spec) => {
      const units = new Map(spec.units.map((u) => [u.id, { ...u, remaining: u.count }]));
      const endpoints = new Map(
        spec.units.map((u) => [
          u.id,
          {
            http: u.endpoints.filter((e) => e.kind === ENDPOINT_SHARED_HTTP).length,
            port: u.endpoints.filter((e) => e.kind === ENDPOINT_RANDOM_PORT).length,
            ip: u.endpoints.filter((e) => e.kind === ENDPOINT_LEASED_IP).length,
          },
        ]),
      );
      return [spec.name, { spec, units, endpoints }] as const;
    }),
  );
  for (const group of groups) {
    const target = byName.get(group.name);
    if (!target) throw invalid(`invalid manifest: unknown deployment group ('${group.name}')`);
    for (const s of group.services ?? []) {
      try {
        checkService(s, target.units, target.endpoints);
      } catch (e) {
        throw crossValidation(`group "${group.name}": ${(e as Error).message}`);
      }
    }
  }
  for (const { spec, units, endpoints } of byName.values()) {
    for (const [id, eps] of endpoints) {
      if (eps.http > 0) throw crossValidation(`group "${spec.name}": resources ID (${id}): under-utilized (${eps.http}) HTTP endpoints`);
      if (eps.port > 0) throw crossValidation(`group "${spec.name}": resources ID (${id}): under-utilized (${eps.port}) PORT endpoints`);
      if (eps.ip > 0) throw crossValidation(`group "${spec.name}": resources ID (${id}): under-utilized (${eps.ip}) IP endpoints`);
    }
    for (const unit of units.values()) {
      if (unit.remaining > 0) throw crossValidation(`group "${spec.name}": resources ID (${unit.id}): under-utilized (${unit.remaining}) resources`);
    }
  }
}

export const ErrManifestVersion = new HttpError(422, "manifest version validation failed");
export const ErrNoLeaseForDeployment = new HttpError(404, "no lease for deployment");

/**
 * The whole check of a received manifest: structure, then its hash against the deployment's current
 * on-chain hash, then the groups. `hash` computes the Go manifest version of the decoded JSON.
 */
export function checkManifest(
  body: string,
  deployment: { hash: Uint8Array; groups: OrderSpec[] },
  hash: (manifest: unknown) => Uint8Array,
): ManifestGroup[] {
  const { groups, raw } = parseManifest(body);
  validateManifest(groups);
  if (Buffer.compare(Buffer.from(hash(raw)), Buffer.from(deployment.hash)) !== 0) throw ErrManifestVersion;
  checkAgainstGroups(groups, deployment.groups);
  return groups;
}
