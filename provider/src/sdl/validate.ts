/**
 * Cross-reference and limit checks: everything chain-sdk go/sdl validate(), the manifest validation the provider
 * runs (go/manifest/v2beta3) and the chain's group validation (go/node/deployment/v1beta4) would reject, found
 * before any deposit is paid. Every problem is reported, not just the first.
 */
import type { Section, Skipped } from "./decode";
import type { IssueList, PathSegment } from "./errors";
import { parseProtocol } from "./expose";
import { own } from "./fields";
import { sortedKeys } from "./gosort";
import type { GroupSpecJson } from "./groups";
import type { ComputeResources, ParsedSdl, Service } from "./schema";
import { compareDec } from "./units";

const Mi = 1024 ** 2;
const Ti = 1024 ** 4;
/** go/node/deployment/v1beta4/validation_config.go */
export const chainLimits = {
  unitCpu: { min: 10, max: 384_000 },
  unitGpu: { max: 24 },
  unitMemory: { min: Mi, max: 2 * Ti },
  unitStorage: { min: 5 * Mi, max: 32 * Ti },
  unitPrice: "10000000.000000000000000000",
  groupFactor: 50,
};

const serviceName = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const endpointName = /^[a-z]+[-_0-9a-z]+$/;
const envVarName = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const dnsLabel = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const dns1123Subdomain = new RegExp(`^${dnsLabel}(\\.${dnsLabel})*$`);

/** The denom the chain accepts for new deployments (node x/deployment handler, after the BME upgrade). */
export const chainDenom = "uact";

function fmtBytes(n: number): string {
  for (const [suffix, unit] of [["Ti", Ti], ["Gi", 1024 ** 3], ["Mi", Mi]] as const) {
    if (n >= unit && n % unit === 0) return `${n / unit}${suffix}`;
  }
  return `${n} bytes`;
}

/** k8s IsEnvVarName. */
function isEnvVarName(name: string): boolean {
  return envVarName.test(name) && name !== "." && name !== ".." && !name.startsWith("..");
}

export function isValidHostname(host: string): boolean {
  return host.length <= 253 && dns1123Subdomain.test(host);
}

function validateEndpoints(sdl: ParsedSdl, issues: IssueList): void {
  for (const [name, ep] of Object.entries(sdl.endpoints)) {
    const at = ["endpoints", name];
    if (!endpointName.test(name)) {
      issues.add(at, `endpoint named "${name}" is not a valid name`, "use lowercase letters first, then lowercase letters, digits, - or _ (at least 2 characters)");
    }
    if (ep.kind === "") issues.add([...at, "kind"], `endpoint named "${name}" has no kind`, "write kind: ip");
    else if (ep.kind !== "ip") issues.add([...at, "kind"], `endpoint named "${name}" has unknown kind "${ep.kind}"`, "write kind: ip");
  }
}

/** References between deployment, profiles and services; references to entries that failed to decode are not re-reported. */
function validateDeployment(sdl: ParsedSdl, skipped: Skipped, issues: IssueList): void {
  const names = sortedKeys(sdl.deployment);
  if (!skipped.has("deployment") && names.every((svc) => Object.keys(sdl.deployment[svc]!).length === 0)) {
    issues.add(["deployment"], "no service is deployed (the manifest would be empty)", "add deployment: { <service>: { <placement>: { profile: <compute profile>, count: 1 } } }");
  }
  // Entries that failed to decode are still names the user wrote.
  const list = (o: object, section: Section) => [...Object.keys(o), ...skipped.names(section)].sort().join(", ") || "none defined";
  for (const svc of names) {
    if (!own(sdl.services, svc) && !skipped.has("services", svc)) {
      issues.add(["deployment", svc], `no service named ${svc}`, `define services.${svc} or deploy one of: ${list(sdl.services, "services")}`);
    }
    for (const placementName of sortedKeys(sdl.deployment[svc]!)) {
      const d = sdl.deployment[svc]![placementName]!;
      const at = ["deployment", svc, placementName];
      const placement = own(sdl.profiles.placement, placementName);
      const profileWritten = own(sdl.profiles.compute, d.profile) !== undefined || skipped.has("compute", d.profile);
      if (!profileWritten) {
        issues.add([...at, "profile"], d.profile === "" ? "profile is required" : `no compute profile named ${d.profile}`, `use one of: ${list(sdl.profiles.compute, "compute")}`);
      }
      if (!placement) {
        if (!skipped.has("placement", placementName)) {
          issues.add(at, `no placement profile named ${placementName}`, `define profiles.placement.${placementName} or use one of: ${list(sdl.profiles.placement, "placement")}`);
        }
      } else if (profileWritten && !own(placement.pricing, d.profile)) {
        issues.add(["profiles", "placement", placementName, "pricing"], `no pricing for profile ${d.profile}`, `add pricing: { ${d.profile}: { denom: uact, amount: <per block> } }`);
      }
      if (d.count === 0) issues.add([...at, "count"], "count must be at least 1", "deploy at least one instance, or remove the entry");
    }
  }
}

function validateCompute(sdl: ParsedSdl, issues: IssueList): void {
  const used = new Set(Object.values(sdl.deployment).flatMap((d) => Object.values(d).map((x) => x.profile)));
  for (const name of sortedKeys(sdl.profiles.compute)) {
    if (!used.has(name)) continue;
    const at = ["profiles", "compute", name, "resources"];
    const r = sdl.profiles.compute[name]!.resources;
    if (!r) {
      issues.add(at, "resources are required", "define cpu, memory and storage");
      continue;
    }
    checkUnitLimits(r, at, issues);
  }
}

function checkUnitLimits(r: ComputeResources, at: PathSegment[], issues: IssueList): void {
  const L = chainLimits;
  if (!r.cpu) issues.add([...at, "cpu"], "cpu is required", "add cpu: { units: 0.5 }");
  else if (r.cpu.units < L.unitCpu.min || r.cpu.units > L.unitCpu.max) {
    issues.add([...at, "cpu", "units"], `invalid unit CPU: ${r.cpu.units} millicores is outside ${L.unitCpu.min}m..${L.unitCpu.max / 1000}`, `request between 0.01 and ${L.unitCpu.max / 1000} CPUs`);
  }
  if (!r.memory) issues.add([...at, "memory"], "memory is required", "add memory: { size: 512Mi }");
  else if (r.memory.size < L.unitMemory.min || r.memory.size > L.unitMemory.max) {
    issues.add([...at, "memory", "size"], `invalid unit memory: ${fmtBytes(r.memory.size)} is outside 1Mi..2Ti`, "request between 1Mi and 2Ti");
  }
  if (!r.storage || r.storage.length === 0) issues.add([...at, "storage"], "storage is required", "add storage: { size: 1Gi }");
  for (const v of r.storage ?? []) {
    if (v.size < L.unitStorage.min || v.size > L.unitStorage.max) {
      issues.add([...at, "storage"], `invalid unit storage: volume ${v.name} size ${fmtBytes(v.size)} is outside 5Mi..32Ti`, "request between 5Mi and 32Ti per volume");
    }
  }
  if (r.gpu) {
    if (r.gpu.units > L.unitGpu.max) issues.add([...at, "gpu", "units"], `invalid unit GPU: ${r.gpu.units} is more than ${L.unitGpu.max}`, `request at most ${L.unitGpu.max} GPUs per instance`);
    if (r.gpu.units === 0 && (r.gpu.attributes?.length ?? 0) > 0) {
      issues.add([...at, "gpu", "attributes"], "invalid GPU state: attributes cannot be present if units == 0", "remove the attributes or request units: 1 or more");
    }
  }
}

function validateService(sdl: ParsedSdl, svcName: string, svc: Service, skipped: Skipped, issues: IssueList, state: ServiceState): void {
  const at = ["services", svcName];
  if (!serviceName.test(svcName)) {
    issues.add(at, `service name "${svcName}" is invalid`, "use lowercase letters, digits and -, starting with a letter (DNS label)");
  }
  if (svc.image === "") issues.add([...at, "image"], `service "${svcName}" has empty image name`, "set image: to a container image, e.g. nginx:1.27");
  (svc.env ?? []).forEach((entry, i) => {
    const name = entry.split("=", 1)[0]!;
    if (!isEnvVarName(name)) issues.add([...at, "env", i], `env var name "${name}" is invalid`, "write NAME=value with NAME made of letters, digits, _ . - (not starting with a digit)");
  });
  if (svc.credentials) {
    for (const key of ["host", "username", "password"] as const) {
      if (svc.credentials[key].trim() === "") issues.add([...at, "credentials", key], `credentials ${key} is missing`, `set credentials.${key} for the private registry`);
    }
  }
  const placements = Object.keys(sdl.deployment[svcName] ?? {}).length;
  (svc.expose ?? []).forEach((e, i) => {
    const ep = [...at, "expose", i];
    if (e.port === 0 || e.port > 65535) issues.add([...ep, "port"], `port value must be 0 < value <= 65535, got ${e.port}`, "use a port number from 1 to 65535");
    if (e.as > 65535) issues.add([...ep, "as"], `external port must be <= 65535, got ${e.as}`, "use a port number from 1 to 65535");
    const copies = Math.max(1, e.to?.length ?? 0) * placements;
    (e.accept ?? []).forEach((host, j) => {
      if (host.length > 255 || !isValidHostname(host)) {
        issues.add([...ep, "accept", j], `invalid hostname "${host}"`, "use a lowercase DNS name like www.example.com (no scheme, port or path)");
      } else if (state.hosts.has(host) || copies > 1) {
        issues.add([...ep, "accept", j], `hostname "${host}" is duplicated, this is not allowed`, "accept each hostname in one expose with one `to` entry only");
      }
      state.hosts.add(host);
    });
    (e.to ?? []).forEach((to, k) => {
      if (to.global) state.globals++;
      if (to.ip === "") return;
      const tp = [...ep, "to", k];
      if (!to.global) issues.add([...tp, "global"], `if an IP is declared the directive must be declared as global`, "add global: true");
      const endpoint = own(sdl.endpoints, to.ip);
      if (!endpoint) {
        if (!skipped.has("endpoints", to.ip)) issues.add([...tp, "ip"], `no endpoint named "${to.ip}" exists`, `declare endpoints: { ${to.ip}: { kind: ip } }`);
        return;
      }
      if (endpoint.kind !== "ip") issues.add([...tp, "ip"], `endpoint "${to.ip}" has type "${endpoint.kind}", should be "ip"`, "write kind: ip");
      state.usedEndpoints.add(to.ip);
    });
  });
}

/**
 * Leased-IP port collisions, checked like Go v2.go / v2_1.go validate(): once per (service, placement) against one
 * shared map, keyed by the endpoint, the raw `as` (0 when unset) and the proto as written, so a service deployed
 * to two placements collides with itself.
 */
function validateLeasedIpPorts(sdl: ParsedSdl, svcName: string, svc: Service, placement: string, state: ServiceState, issues: IssueList, warnings: string[]): void {
  (svc.expose ?? []).forEach((e, i) => {
    (e.to ?? []).forEach((to, k) => {
      if (to.ip === "" || !to.global || own(sdl.endpoints, to.ip)?.kind !== "ip") return;
      const use = { service: svcName, placement };
      const key = `${to.ip}-${e.as}-${e.proto}`;
      const other = state.ports.get(key);
      if (other !== undefined) {
        const self = other.service === svcName;
        issues.add(
          ["services", svcName, "expose", i, "to", k],
          `IP endpoint "${to.ip}" port ${e.port} (as: ${e.as}, proto: "${e.proto}") is already in use by service "${other.service}"${self ? ` in placement ${other.placement}` : ""}`,
          self
            ? `deploy ${svcName} to one placement only (a leased IP port is taken once), or give the other placement its own service and IP endpoint`
            : "give each expose on this IP its own `as` port (Go compares as and proto as written), or use another IP endpoint",
        );
        return;
      }
      state.ports.set(key, use);
      // Go's key is textual, so udp/UDP or an unset/explicit `as` pass even where they take the same port.
      const port = `${to.ip}-${e.as || e.port}-${parseProtocol(e.proto) ?? e.proto}`;
      const same = state.effectivePorts.get(port);
      if (same === undefined) state.effectivePorts.set(port, use);
      else {
        warnings.push(`services.${svcName}.expose[${i}]: port ${e.as || e.port}/${parseProtocol(e.proto) ?? e.proto} of IP endpoint "${to.ip}" is also exposed by service ${same.service} (placement ${same.placement}); Go accepts it because it compares as and proto as written`);
      }
    });
  });
}

/** Volume mounts: go/sdl v2.go / v2_1.go validate(), per (service, compute profile). */
function validateMounts(sdl: ParsedSdl, svcName: string, svc: Service, profile: string, issues: IssueList, warnings: string[]): void {
  const volumes = sdl.profiles.compute[profile]?.resources?.storage ?? [];
  const byName = new Map(volumes.map((v) => [v.name, v]));
  const mounts = new Map<string, string>();
  const params = svc.params?.storage ?? {};
  const at = ["services", svcName, "params", "storage"];
  for (const name of sortedKeys(params)) {
    const p = params[name]!;
    const volume = byName.get(name);
    if (!volume) {
      issues.add([...at, name], `service "${svcName}" references no-existing compute volume named "${name}"`, `add a volume named ${name} to profiles.compute.${profile}.resources.storage, or use one of: ${[...byName.keys()].join(", ")}`);
      continue;
    }
    if (!p.mount.startsWith("/")) {
      issues.add([...at, name, "mount"], `invalid value for mount: expected an absolute path, got "${p.mount}"`, "write an absolute path, e.g. mount: /data");
      continue;
    }
    const other = mounts.get(p.mount);
    if (other !== undefined) issues.add([...at, name, "mount"], `duplicated mount point: "${p.mount}" already in use by volume "${other}"`, "mount each volume at its own path");
    mounts.set(p.mount, name);
    const cls = volume.attributes?.find((a) => a.key === "class")?.value;
    if (sdl.version === "2.1" && cls === "ram" && p.readOnly) {
      issues.add([...at, name, "readOnly"], `readOnly=true is not allowed for storage class "ram"`, "remove readOnly or set it to false");
    }
  }
  for (const v of volumes) {
    const persistent = v.attributes?.some((a) => a.key === "persistent" && a.value === "true") ?? false;
    if (!persistent || v.name in params) continue;
    // v2.0 accepts an unmounted persistent volume as soon as any volume is mounted; v2.1 never checks it.
    if (sdl.version === "2.0" && Object.keys(params).length === 0) {
      issues.add(["profiles", "compute", profile, "resources", "storage"], `compute.storage.${v.name} has persistent=true which requires service.${svcName}.params.storage.${v.name} to have mount`, `add services.${svcName}.params.storage.${v.name}.mount: /data`);
    } else {
      warnings.push(`services.${svcName}: persistent volume ${v.name} is never mounted`);
    }
  }
}

interface PortUse {
  service: string;
  placement: string;
}

interface ServiceState {
  hosts: Set<string>;
  usedEndpoints: Set<string>;
  /** Go's collision key -> first use. */
  ports: Map<string, PortUse>;
  /** The port each use really takes -> first use. */
  effectivePorts: Map<string, PortUse>;
  globals: number;
}

/**
 * Group limits of go/node/deployment/v1beta4 (ResourceUnits.Validate, validatePricing, ValidateDeploymentGroups).
 * Storage has no group total: resourceLimits.add never sums it, so the chain's storage loop runs over nothing.
 */
function validateGroups(groups: readonly GroupSpecJson[], issues: IssueList, warnings: string[]): void {
  const F = chainLimits.groupFactor;
  let denom: string | undefined;
  for (const g of groups) {
    const at = ["profiles", "placement", g.name];
    const total = { cpu: 0, gpu: 0, memory: 0 };
    for (const unit of g.resources) {
      const n = unit.count;
      total.cpu += Number(unit.resource.cpu?.units.val ?? 0) * n;
      total.gpu += Number(unit.resource.gpu?.units.val ?? 0) * n;
      total.memory += Number(unit.resource.memory?.size.val ?? 0) * n;
      if (compareDec(unit.price.amount, chainLimits.unitPrice) > 0) {
        issues.add([...at, "pricing"], `invalid unit price: ${unit.price.amount} ${unit.price.denom} is more than 10000000 per block`, "lower the amount to at most 10000000");
      }
      if (denom === undefined) denom = unit.price.denom;
      else if (unit.price.denom !== denom) {
        issues.add([...at, "pricing"], `inconsistent group denomination: ${denom} != ${unit.price.denom}`, "price every profile in the same denom (uact)");
      }
    }
    if (total.cpu > chainLimits.unitCpu.max * F || total.cpu <= 0) issues.add(at, `invalid total CPU: ${total.cpu} millicores (must be > 0 and <= ${chainLimits.unitCpu.max * F})`, "lower the counts or CPU units");
    if (total.gpu > chainLimits.unitGpu.max * F) issues.add(at, `invalid total GPU: ${total.gpu} (max ${chainLimits.unitGpu.max * F})`, "lower the counts or GPU units");
    if (total.memory > chainLimits.unitMemory.max * F || total.memory <= 0) issues.add(at, `invalid total memory: ${fmtBytes(total.memory)} (must be > 0 and <= ${fmtBytes(chainLimits.unitMemory.max * F)})`, "lower the counts or memory size");
  }
  if (denom !== undefined && denom !== chainDenom) {
    if (denom === "uakt" || denom.startsWith("ibc/")) {
      warnings.push(`pricing uses ${denom}: the chain only accepts ${chainDenom} (ACT) for new deployments; use denom: ${chainDenom}`);
    } else {
      issues.add(["profiles", "placement"], `pricing denom "${denom}" is not accepted by the chain`, `use denom: ${chainDenom}`);
    }
  }
}

/** Runs every check; problems go to `issues`, non-fatal notes to `warnings`. Entries in `skipped` failed to decode. */
export function validateSdl(sdl: ParsedSdl, groups: readonly GroupSpecJson[], skipped: Skipped, issues: IssueList, warnings: string[]): void {
  validateEndpoints(sdl, issues);
  validateDeployment(sdl, skipped, issues);
  validateCompute(sdl, issues);
  const state: ServiceState = { hosts: new Set(), usedEndpoints: new Set(), ports: new Map(), effectivePorts: new Map(), globals: 0 };
  for (const svcName of sortedKeys(sdl.deployment)) {
    const svc = own(sdl.services, svcName);
    if (!svc) continue;
    validateService(sdl, svcName, svc, skipped, issues, state);
    for (const placement of sortedKeys(sdl.deployment[svcName]!)) validateLeasedIpPorts(sdl, svcName, svc, placement, state, issues, warnings);
    const profiles = new Set(Object.values(sdl.deployment[svcName]!).map((d) => d.profile));
    for (const profile of profiles) {
      if (own(sdl.profiles.compute, profile)) validateMounts(sdl, svcName, svc, profile, issues, warnings);
    }
  }
  // A service or deployment entry that failed to decode may be the one that is global or uses an endpoint.
  const complete = !skipped.has("services") && !skipped.has("deployment");
  if (complete) {
    for (const name of sortedKeys(sdl.endpoints)) {
      if (!state.usedEndpoints.has(name)) issues.add(["endpoints", name], `endpoint "${name}" declared but never used`, `use it with to: [{ global: true, ip: ${name} }] or remove it`);
    }
    if (state.globals === 0 && Object.keys(sdl.deployment).length > 0) {
      issues.add(["services"], "invalid manifest: zero global services", "expose at least one service with to: [{ global: true }]");
    }
  }
  validateGroups(groups, issues, warnings);
  for (const svc of sortedKeys(sdl.services)) {
    if (!(svc in sdl.deployment)) warnings.push(`services.${svc} is not deployed (no deployment.${svc} entry)`);
  }
  if (sdl.versionText !== "2.0" && sdl.versionText !== "2.1") {
    warnings.push(`version "${sdl.versionText}" is read as ${sdl.version}, like the Go parser does`);
  }
}
