/**
 * `expose` -> manifest ServiceExpose entries and resource endpoints (chain-sdk go/sdl/expose.go, v2.go,
 * go/manifest/v2beta3/serviceexpose.go): one entry per `to` (or one non-global entry when there is no `to`),
 * HTTP option defaults and limits, leased-IP sequence numbers, Go's sort order.
 */
import type { IssueList, PathSegment } from "./errors";
import { own } from "./fields";
import { goSort, goStringLess, sortedKeys, sortStrings } from "./gosort";
import type { EndpointJson, HttpOptionsJson, ServiceExposeJson } from "./manifest";
import type { Expose, HttpOptions, ParsedSdl } from "./schema";

export const endpointKind = { sharedHttp: 0, randomPort: 1, leasedIp: 2 } as const;

const httpLimits = {
  defaultMaxBodySize: 1048576,
  maxBodySize: 104857600,
  maxProxyBufferSize: 1048576,
  defaultTimeout: 60000,
  defaultNextTries: 3,
};
const nextCases = new Set(["error", "timeout", "500", "502", "503", "504", "403", "404", "429", "off"]);

/** Go v2.computeEndpointSequenceNumbers: sorted `to.ip` names (non-global `to` count as ""), numbered from 1. */
export function endpointSequenceNumbers(sdl: ParsedSdl): Map<string, number> {
  const names: string[] = [];
  for (const svc of sortedKeys(sdl.deployment)) {
    for (const expose of own(sdl.services, svc)?.expose ?? []) {
      for (const to of expose.to ?? []) {
        if (to.global && to.ip === "") continue;
        names.push(to.ip);
      }
    }
  }
  sortStrings(names);
  const seq = new Map<string, number>();
  names.forEach((name, i) => seq.set(name, i + 1));
  return seq;
}

export function parseProtocol(proto: string): "TCP" | "UDP" | undefined {
  const upper = proto.toUpperCase();
  if (upper === "" || upper === "TCP") return "TCP";
  if (upper === "UDP") return "UDP";
  return undefined;
}

function httpOptions(h: HttpOptions, path: PathSegment[], issues: IssueList): HttpOptionsJson {
  const at = [...path, "http_options"];
  const over = (key: string, what: string, max: number, unit: string) =>
    issues.add([...at, key], `http option not allowed: ${what} cannot be greater than ${max} ${unit}`, `set ${key} to at most ${max}`);
  if (h.maxBodySize > httpLimits.maxBodySize) over("max_body_size", "body size", httpLimits.maxBodySize, "bytes");
  if (h.proxyBufferSize > httpLimits.maxProxyBufferSize) over("proxy_buffer_size", "proxy buffer size", httpLimits.maxProxyBufferSize, "bytes");
  if (h.readTimeout > httpLimits.defaultTimeout) over("read_timeout", "read timeout", httpLimits.defaultTimeout, "ms");
  if (h.sendTimeout > httpLimits.defaultTimeout) over("send_timeout", "send timeout", httpLimits.defaultTimeout, "ms");
  const cases = h.nextCases && h.nextCases.length > 0 ? h.nextCases : ["error", "timeout"];
  cases.forEach((c, i) => {
    if (!nextCases.has(c)) {
      issues.add([...at, "next_cases", i], `next case "${c}" is unknown`, `use some of ${[...nextCases].join(", ")}`);
    } else if (c === "off" && cases.length !== 1) {
      issues.add([...at, "next_cases"], "if 'off' is specified, no other cases may be specified", "write next_cases: [off] alone");
    }
  });
  const out: HttpOptionsJson = {
    maxBodySize: h.maxBodySize || httpLimits.defaultMaxBodySize,
    readTimeout: h.readTimeout || httpLimits.defaultTimeout,
    sendTimeout: h.sendTimeout || httpLimits.defaultTimeout,
    nextTries: h.nextTries || httpLimits.defaultNextTries,
    nextTimeout: h.nextTimeout,
    nextCases: cases,
  };
  // Omitted when 0 so manifests stay byte-identical for providers that predate the field.
  if (h.proxyBufferSize > 0) out.proxyBufferSize = h.proxyBufferSize;
  return out;
}

function exposeLess(a: ServiceExposeJson, b: ServiceExposeJson): boolean {
  if (a.service !== b.service) return goStringLess(a.service, b.service);
  if (a.port !== b.port) return a.port < b.port;
  if (a.proto !== b.proto) return a.proto < b.proto;
  if (a.global !== b.global) return a.global;
  return false;
}

/** One service's `expose` list as sorted manifest entries; problems are reported under `path`. */
export function manifestExposes(
  exposes: readonly Expose[] | undefined,
  seq: ReadonlyMap<string, number>,
  path: PathSegment[],
  issues: IssueList,
): ServiceExposeJson[] {
  const out: ServiceExposeJson[] = [];
  (exposes ?? []).forEach((e, i) => {
    const at = [...path, i];
    const proto = parseProtocol(e.proto);
    if (!proto) issues.add([...at, "proto"], `unsupported service protocol "${e.proto}"`, "use proto: tcp or proto: udp");
    const http = httpOptions(e.httpOptions, at, issues);
    const base = { port: e.port, externalPort: e.as, proto: proto ?? "TCP", hosts: e.accept ?? null, httpOptions: http };
    if (e.to && e.to.length > 0) {
      for (const to of e.to) {
        const endpointSequenceNumber = to.global && to.ip !== "" ? (seq.get(to.ip) ?? 0) : 0;
        out.push({ ...base, service: to.service, global: to.global, ip: to.ip, endpointSequenceNumber });
      }
    } else {
      out.push({ ...base, service: "", global: false, ip: "", endpointSequenceNumber: 0 });
    }
  });
  return goSort(out, exposeLess);
}

export function isIngress(e: ServiceExposeJson): boolean {
  return e.proto === "TCP" && e.global && (e.externalPort || e.port) === 80;
}

const endpointLess = (a: EndpointJson, b: EndpointJson) => a.sequence_number < b.sequence_number;

export function sortEndpoints(endpoints: EndpointJson[]): EndpointJson[] {
  return goSort(endpoints, endpointLess);
}

function endpoint(kind: number, sequence: number): EndpointJson {
  return kind === endpointKind.sharedHttp ? { sequence_number: sequence } : { kind, sequence_number: sequence };
}

/** ServiceExposes.GetEndpoints: the resource endpoints a service's global exposes need. */
export function exposeEndpoints(exposes: readonly ServiceExposeJson[]): EndpointJson[] {
  const out: EndpointJson[] = [];
  for (const e of exposes) {
    if (!e.global) continue;
    const eps: EndpointJson[] = [];
    if (e.ip !== "") eps.push(endpoint(endpointKind.leasedIp, e.endpointSequenceNumber));
    eps.push(endpoint(isIngress(e) ? endpointKind.sharedHttp : endpointKind.randomPort, 0));
    out.push(...sortEndpoints(eps));
  }
  return out;
}
