/**
 * What runs for a lease once its manifest is accepted: per service, a roll-out of its replicas and, per
 * global exposure, a tiny loopback server standing in for the container (HTTP ingress -> an HTTP server
 * whose address is the service URI; other ports -> TCP/UDP servers listed as forwarded ports).
 * The lease status JSON is built here in the chain-sdk go/provider/client LeaseStatus shape.
 */
import * as dgram from "node:dgram";
import * as http from "node:http";
import * as net from "node:net";
import type { AddressInfo } from "node:net";
import { externalPort, isIngress, type ManifestGroup, type ManifestService } from "./manifest-check";
import { nextRollout, replicaStatus, rolledOut, type ReplicaStatus, type Rollout } from "./rollout";

export interface ServiceStatus extends ReplicaStatus {
  name: string;
  uris: string[] | null;
}

export interface ForwardedPortStatus {
  host: string;
  port: number;
  externalPort: number;
  proto: string;
  name: string;
}

export interface LeasedIPStatus {
  Port: number;
  ExternalPort: number;
  Protocol: string;
  IP: string;
}

export interface LeaseStatus {
  services: Record<string, ServiceStatus>;
  forwarded_ports: Record<string, ForwardedPortStatus[]> | null;
  ips: Record<string, LeasedIPStatus[]> | null;
}

interface Endpoint {
  key: string;
  kind: "http" | "tcp" | "udp";
  close(): Promise<void>;
  port: number;
}

interface ServiceState {
  rollout: Rollout;
  /** the manifest of the generation being rolled out, and the one it replaces */
  current: ManifestService;
  previous?: ManifestService;
}

const HOST = "127.0.0.1";

export class LeaseWorkload {
  private readonly services = new Map<string, ServiceState>();
  private readonly endpoints = new Map<string, Endpoint>();
  private group: ManifestGroup | undefined;

  constructor(
    /** "owner/dseq/gseq/oseq", shown in responses */
    private readonly leaseLabel: string,
    private readonly providerName: string,
    private readonly startupMs: number,
    private readonly leasedIp: (service: string, sequence: number) => string,
    /** true while new replicas cannot start (stuck pulling or crash-looping): none becomes available */
    private readonly stalled: () => boolean = () => false,
  ) {}

  /** Time each replica takes to start; never while stalled. */
  private get stepMs(): number {
    return this.stalled() ? Number.POSITIVE_INFINITY : this.startupMs;
  }

  get manifestGroup(): ManifestGroup | undefined {
    return this.group;
  }

  /** Deploys (or updates: a new generation for every service) the lease's manifest group. */
  async apply(group: ManifestGroup, nowMs = Date.now()): Promise<void> {
    this.group = group;
    const wanted = new Set<string>();
    for (const service of group.services ?? []) {
      const state = this.services.get(service.name);
      const rollout = nextRollout(state?.rollout, service.count, nowMs, this.stepMs);
      const previous = state && rolledOut(state.rollout, nowMs, this.stepMs) ? state.current : state?.previous;
      this.services.set(service.name, { rollout, current: service, previous });
      for (const expose of service.expose ?? []) {
        if (!expose.global) continue;
        const kind = isIngress(expose) ? "http" : expose.proto === "UDP" ? "udp" : "tcp";
        const key = `${service.name}/${kind}/${expose.port}/${externalPort(expose)}`;
        wanted.add(key);
        if (!this.endpoints.has(key)) this.endpoints.set(key, await this.listen(key, kind, service.name));
      }
    }
    for (const [name] of this.services) {
      if (!(group.services ?? []).some((s) => s.name === name)) this.services.delete(name);
    }
    for (const [key, endpoint] of this.endpoints) {
      if (!wanted.has(key)) {
        this.endpoints.delete(key);
        await endpoint.close();
      }
    }
  }

  async stop(): Promise<void> {
    const endpoints = [...this.endpoints.values()];
    this.endpoints.clear();
    this.services.clear();
    await Promise.all(endpoints.map((e) => e.close()));
  }

  /** Text a request to the service answers with, or undefined while no replica is ready. */
  serving(serviceName: string, nowMs = Date.now()): string | undefined {
    const state = this.services.get(serviceName);
    if (!state) return undefined;
    const status = replicaStatus(state.rollout, nowMs, this.stepMs);
    if (status.ready_replicas === 0) return undefined;
    const done = rolledOut(state.rollout, nowMs, this.stepMs);
    const manifest = done || !state.previous ? state.current : state.previous;
    const generation = done || !state.previous ? state.rollout.generation : state.rollout.generation - 1;
    return `service ${serviceName} running image ${manifest.image} (generation ${generation}) for lease ${this.leaseLabel} on provider ${this.providerName}\n`;
  }

  serviceStatus(serviceName: string, nowMs = Date.now()): ServiceStatus | undefined {
    const state = this.services.get(serviceName);
    if (!state) return undefined;
    const uris = [...this.endpoints.values()].filter((e) => e.kind === "http" && e.key.startsWith(`${serviceName}/`)).map((e) => `${HOST}:${e.port}`);
    return { name: serviceName, ...replicaStatus(state.rollout, nowMs, this.stepMs), uris: uris.length ? uris : null };
  }

  status(nowMs = Date.now()): LeaseStatus {
    const services: Record<string, ServiceStatus> = {};
    for (const name of this.services.keys()) services[name] = this.serviceStatus(name, nowMs)!;
    const forwarded: Record<string, ForwardedPortStatus[]> = {};
    const ips: Record<string, LeasedIPStatus[]> = {};
    for (const service of this.group?.services ?? []) {
      for (const expose of service.expose ?? []) {
        if (!expose.global) continue;
        if (!isIngress(expose)) {
          const kind = expose.proto === "UDP" ? "udp" : "tcp";
          const endpoint = this.endpoints.get(`${service.name}/${kind}/${expose.port}/${externalPort(expose)}`);
          if (endpoint) {
            (forwarded[service.name] ??= []).push({ host: HOST, port: expose.port, externalPort: endpoint.port, proto: expose.proto, name: service.name });
          }
        }
        if (expose.ip) {
          (ips[service.name] ??= []).push({
            Port: expose.port,
            ExternalPort: externalPort(expose),
            Protocol: expose.proto,
            IP: this.leasedIp(service.name, expose.endpointSequenceNumber),
          });
        }
      }
    }
    // Go leaves these maps nil (JSON null) when the manifest has no such exposure
    const hasForwarded = (this.group?.services ?? []).some((s) => (s.expose ?? []).some((e) => e.global && externalPort(e) !== 80));
    return {
      services,
      forwarded_ports: hasForwarded ? forwarded : null,
      ips: Object.keys(ips).length ? ips : null,
    };
  }

  private listen(key: string, kind: Endpoint["kind"], serviceName: string): Promise<Endpoint> {
    const answer = () => this.serving(serviceName);
    if (kind === "udp") {
      const socket = dgram.createSocket("udp4");
      socket.on("message", (_msg, rinfo) => socket.send(answer() ?? "service unavailable\n", rinfo.port, rinfo.address));
      return new Promise((resolve, reject) => {
        socket.once("error", reject);
        socket.bind(0, HOST, () =>
          resolve({ key, kind, port: socket.address().port, close: () => new Promise<void>((r) => socket.close(() => r())) }),
        );
      });
    }
    const server =
      kind === "http"
        ? http.createServer((req, res) => {
            const text = answer();
            res.writeHead(text ? 200 : 503, { "content-type": "text/plain; charset=utf-8" });
            res.end(req.method === "HEAD" ? undefined : (text ?? "no healthy upstream\n"));
          })
        : net.createServer((socket) => {
            socket.on("error", () => undefined);
            socket.end(answer() ?? "service unavailable\n");
          });
    const sockets = new Set<net.Socket>();
    server.on("connection", (s: net.Socket) => {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
    });
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, HOST, () =>
        resolve({
          key,
          kind,
          port: (server.address() as AddressInfo).port,
          close: () =>
            new Promise<void>((r) => {
              for (const s of sockets) s.destroy();
              server.close(() => r());
            }),
        }),
      );
    });
  }
}
