/**
 * HTTPS requests to a provider gateway. Providers serve self-signed certificates, so, like Console, we do
 * not verify the CA; a caller may instead pin the certificate's SHA-256 fingerprint (e.g. the provider's
 * on-chain certificate). Every request has a hard deadline.
 */
import { request } from "node:https";
import type { TLSSocket } from "node:tls";
import type { Limiter } from "./limiter";

/** JWT bearer (what Console uses) or mTLS with the tenant's on-chain certificate. Never both: providers answer 400. */
export type GatewayAuth = { kind: "jwt"; token: string } | { kind: "mtls"; certPem: string; keyPem: string };

export interface GatewayRequest {
  method: "GET" | "PUT" | "POST";
  url: string;
  body?: string;
  auth?: GatewayAuth;
  timeoutMs: number;
  /** expected SHA-256 fingerprint of the provider's certificate (hex, colons optional) */
  pinnedCertSha256?: string;
  /** the process's cap on concurrent gateway requests; the deadline starts once a slot is free */
  limit?: Limiter;
}

export interface GatewayResponse {
  status: number;
  body: string;
}

/** A gateway call that failed: no answer (status undefined) or an HTTP error with the provider's message. */
export class GatewayError extends Error {
  constructor(
    readonly url: string,
    readonly status: number | undefined,
    readonly providerMessage: string,
  ) {
    super(status === undefined ? `provider gateway ${url}: ${providerMessage}` : `provider gateway ${url} answered ${status}: ${providerMessage || "(no message)"}`);
    this.name = "GatewayError";
  }
}

const normalizeFingerprint = (f: string) => f.replace(/:/g, "").toUpperCase();

export function gatewayRequest(req: GatewayRequest): Promise<GatewayResponse> {
  return req.limit ? req.limit.run(() => send(req)) : send(req);
}

function send(req: GatewayRequest): Promise<GatewayResponse> {
  return new Promise<GatewayResponse>((resolve, reject) => {
    const headers: Record<string, string> = { accept: "application/json" };
    if (req.body !== undefined) {
      headers["content-type"] = "application/json";
      headers["content-length"] = String(Buffer.byteLength(req.body));
    }
    if (req.auth?.kind === "jwt") headers.authorization = `Bearer ${req.auth.token}`;
    const r = request(req.url, {
      method: req.method,
      headers,
      rejectUnauthorized: false,
      // Providers ask for a client certificate only when SNI is not their public hostname (provider gateway/utils).
      servername: req.auth?.kind === "mtls" ? "" : undefined,
      cert: req.auth?.kind === "mtls" ? req.auth.certPem : undefined,
      key: req.auth?.kind === "mtls" ? req.auth.keyPem : undefined,
      agent: false,
    });
    const timer = setTimeout(() => r.destroy(new GatewayError(req.url, undefined, `no answer within ${req.timeoutMs} ms`)), req.timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error instanceof GatewayError ? error : new GatewayError(req.url, undefined, error.message));
    };
    r.on("error", fail);
    if (req.pinnedCertSha256) {
      r.on("socket", (socket) => {
        socket.once("secureConnect", () => {
          const actual = (socket as TLSSocket).getPeerCertificate().fingerprint256 ?? "";
          if (normalizeFingerprint(actual) !== normalizeFingerprint(req.pinnedCertSha256!)) {
            r.destroy(new GatewayError(req.url, undefined, `certificate fingerprint ${actual} does not match the pinned ${req.pinnedCertSha256}`));
          }
        });
      });
    }
    r.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("error", fail);
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    r.end(req.body);
  });
}

/** Throws a GatewayError carrying the provider's message for any non-2xx answer. */
export function expectOk(url: string, res: GatewayResponse): GatewayResponse {
  if (res.status >= 200 && res.status < 300) return res;
  throw new GatewayError(url, res.status, res.body.trim().slice(0, 2000));
}

/** "https://provider.example.com:8443" + "/deployment/1/manifest", tolerant of a trailing slash. */
export function gatewayUrl(hostUri: string, path: string): string {
  return `${hostUri.replace(/\/+$/, "")}${path}`;
}
