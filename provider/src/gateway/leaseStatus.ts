/**
 * Lease status from the provider gateway (GET /lease/{dseq}/{gseq}/{oseq}/status; JSON of chain-sdk
 * go/provider/client/types.go), validated and normalized to camelCase.
 */
import { z } from "zod";
import { expectOk, gatewayRequest, gatewayUrl, type GatewayAuth } from "./https";
import type { Limiter } from "./limiter";

const count = z.number().int().nullish().transform((n) => n ?? 0);

const rawStatusSchema = z.object({
  services: z
    .record(
      z.string(),
      z.object({
        name: z.string().optional(),
        available: count,
        total: count,
        uris: z.array(z.string()).nullish(),
        replicas: count,
        // Absent on providers that do not report it: then every replica counts as updated.
        updated_replicas: z.number().int().nullish(),
        ready_replicas: count,
        available_replicas: count,
      }),
    )
    .nullish(),
  forwarded_ports: z
    .record(z.string(), z.array(z.object({ host: z.string(), port: z.number(), externalPort: z.number(), proto: z.string().optional(), name: z.string().optional() })).nullish())
    .nullish(),
  ips: z
    .record(z.string(), z.array(z.object({ IP: z.string(), Port: z.number(), ExternalPort: z.number(), Protocol: z.string().optional() })).nullish())
    .nullish(),
  errors: z.array(z.string()).nullish(),
});

export interface ServiceStatus {
  available: number;
  total: number;
  replicas: number;
  /** replicas running the latest manifest (Kubernetes updatedReplicas) */
  updatedReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
  uris: string[];
}

export interface ForwardedPort {
  host: string;
  port: number;
  externalPort: number;
  proto: string;
}

export interface LeasedIp {
  ip: string;
  port: number;
  externalPort: number;
  protocol: string;
}

export interface LeaseStatus {
  services: Record<string, ServiceStatus>;
  forwardedPorts: Record<string, ForwardedPort[]>;
  ips: Record<string, LeasedIp[]>;
  errors: string[];
}

export function parseLeaseStatus(json: unknown): LeaseStatus {
  const raw = rawStatusSchema.parse(json);
  const services: Record<string, ServiceStatus> = {};
  for (const [name, s] of Object.entries(raw.services ?? {})) {
    services[name] = {
      available: s.available,
      total: s.total,
      replicas: s.replicas,
      updatedReplicas: s.updated_replicas ?? s.replicas,
      readyReplicas: s.ready_replicas,
      availableReplicas: s.available_replicas,
      uris: s.uris ?? [],
    };
  }
  const forwardedPorts: Record<string, ForwardedPort[]> = {};
  for (const [name, ports] of Object.entries(raw.forwarded_ports ?? {})) {
    forwardedPorts[name] = (ports ?? []).map((p) => ({ host: p.host, port: p.port, externalPort: p.externalPort, proto: p.proto ?? "TCP" }));
  }
  const ips: Record<string, LeasedIp[]> = {};
  for (const [name, list] of Object.entries(raw.ips ?? {})) {
    ips[name] = (list ?? []).map((i) => ({ ip: i.IP, port: i.Port, externalPort: i.ExternalPort, protocol: i.Protocol ?? "TCP" }));
  }
  return { services, forwardedPorts, ips, errors: raw.errors ?? [] };
}

export interface LeaseRef {
  dseq: string | bigint;
  gseq: number;
  oseq: number;
}

export async function getLeaseStatus(args: { hostUri: string; lease: LeaseRef; auth: GatewayAuth; timeoutMs?: number; pinnedCertSha256?: string; limit?: Limiter }): Promise<LeaseStatus> {
  const { dseq, gseq, oseq } = args.lease;
  const url = gatewayUrl(args.hostUri, `/lease/${String(dseq)}/${gseq}/${oseq}/status`);
  const res = expectOk(url, await gatewayRequest({ method: "GET", url, auth: args.auth, timeoutMs: args.timeoutMs ?? 15_000, pinnedCertSha256: args.pinnedCertSha256, limit: args.limit }));
  try {
    return parseLeaseStatus(JSON.parse(res.body));
  } catch (error) {
    throw new Error(`provider gateway ${url} returned a lease status we cannot read: ${(error as Error).message}`);
  }
}
