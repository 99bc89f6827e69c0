/**
 * The provider manifest (akash.manifest.v2beta3) as the plain JSON Go's json.Marshal produces: field names from
 * the Go struct tags, `null` for nil slices/pointers, omitted `omitempty` fields. This is the body of
 * PUT /deployment/{dseq}/manifest and the input of the version hash.
 */
import { sortedKeys } from "./gosort";
import type { Credentials, Service } from "./schema";

export interface AttributeJson {
  key?: string;
  value?: string;
}
export interface ResourceValueJson {
  val: string;
}
export interface EndpointJson {
  kind?: number;
  sequence_number: number;
}
export interface StorageJson {
  name: string;
  size: ResourceValueJson;
  attributes?: AttributeJson[];
}
export interface ResourcesJson {
  id: number;
  cpu?: { units: ResourceValueJson; attributes?: AttributeJson[] };
  memory?: { size: ResourceValueJson; attributes?: AttributeJson[] };
  storage?: StorageJson[];
  gpu?: { units: ResourceValueJson; attributes?: AttributeJson[] };
  endpoints: EndpointJson[];
}
export interface HttpOptionsJson {
  maxBodySize: number;
  readTimeout: number;
  sendTimeout: number;
  nextTries: number;
  nextTimeout: number;
  nextCases?: string[];
  proxyBufferSize?: number;
}
export interface ServiceExposeJson {
  port: number;
  externalPort: number;
  proto: "TCP" | "UDP";
  service: string;
  global: boolean;
  hosts: string[] | null;
  httpOptions: HttpOptionsJson;
  ip: string;
  endpointSequenceNumber: number;
}
export interface ServiceParamsJson {
  storage: Array<{ name: string; mount: string; readOnly: boolean }> | null;
  permissions?: { read?: string[] };
  tee?: { type: string; attestation: boolean };
}
export interface CredentialsJson {
  host: string;
  email: string;
  username: string;
  password: string;
}
export interface ManifestService {
  name: string;
  image: string;
  command: string[] | null;
  args: string[] | null;
  env: string[] | null;
  resources: ResourcesJson;
  count: number;
  expose: ServiceExposeJson[];
  params?: ServiceParamsJson;
  credentials: CredentialsJson | null;
}
export interface ManifestGroup {
  name: string;
  services: ManifestService[];
}

/** go/sdl groupBuilder: Params only when the service has `params`; storage sorted by volume name. */
function params(service: Service): ServiceParamsJson | undefined {
  const p = service.params;
  if (!p) return undefined;
  const names = sortedKeys(p.storage ?? {});
  const out: ServiceParamsJson = {
    storage: names.length === 0 ? null : names.map((name) => ({ name, ...p.storage![name]! })),
  };
  if (p.permissions) out.permissions = p.permissions.read?.length ? { read: p.permissions.read } : {};
  if (p.tee !== "") out.tee = { type: p.tee, attestation: true };
  return out;
}

/** v2.0 copies host/username/password as written (email dropped); v2.1 also copies email and trims all four. */
function credentials(c: Credentials | undefined, version: "2.0" | "2.1"): CredentialsJson | null {
  if (!c) return null;
  if (version === "2.0") return { host: c.host, email: "", username: c.username, password: c.password };
  return { host: c.host.trim(), email: c.email.trim(), username: c.username.trim(), password: c.password.trim() };
}

export function manifestService(
  name: string,
  service: Service,
  resources: ResourcesJson,
  count: number,
  expose: ServiceExposeJson[],
  version: "2.0" | "2.1",
): ManifestService {
  const out: ManifestService = {
    name,
    image: service.image,
    command: service.command ?? null,
    args: service.args ?? null,
    env: service.env ?? null,
    resources,
    count,
    expose,
    credentials: credentials(service.credentials, version),
  };
  const p = params(service);
  if (p) out.params = p;
  return out;
}
