/**
 * The provider gateway (REST on HTTPS, self-signed like a real provider's on-chain certificate), with the
 * real routes, middleware order and error shapes of provider gateway/rest: auth (mTLS or JWT; mTLS only on a
 * provider configured without JWT) runs for every route, then provider/owner/deployment or lease authorization
 * and the JWT scope of the route.
 */
import * as https from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { TLSSocket } from "node:tls";
import {
  ErrAuthAmbiguous,
  ErrInvalidAuthHeader,
  ErrUnauthorized,
  HttpError,
} from "./http-error";
import { authorize, authorizeForProvider, cachingJwtVerifier, mtlsClaims, type Claims, type LeaseRef, type PermissionScope, type PubkeyLookup } from "./jwt";
import type { ManifestGroup } from "./manifest-check";
import { verifyClientCertificate, type CertificateLookup } from "./mtls";
import type { LeaseStatus, ServiceStatus } from "./workloads";

export interface GatewayBackend {
  address: string;
  status(): unknown;
  version(): unknown;
  submitManifest(owner: string, dseq: bigint, body: string): Promise<void>;
  /** undefined: no manifest deployed for the lease (404) */
  leaseStatus(lease: LeaseRef): LeaseStatus | undefined;
  serviceStatus(lease: LeaseRef, service: string): ServiceStatus | undefined;
  leaseManifest(lease: LeaseRef): ManifestGroup | undefined;
  lookupPubkey: PubkeyLookup;
  lookupCertificate: CertificateLookup;
  /** whether to fail every request with a 5xx (fault injection) */
  failing(): boolean;
}

const JSON_TYPE = "application/json; charset=UTF-8";
const MAX_BODY = 16 * 1024 * 1024;

function send(res: ServerResponse, status: number, body: string, type = "text/plain; charset=utf-8"): void {
  res.writeHead(status, { "content-type": type, "x-content-type-options": "nosniff" });
  res.end(body);
}

function sendError(res: ServerResponse, error: HttpError): void {
  if (error.format === "json") send(res, error.status, JSON.stringify({ message: error.message }), "application/json");
  else send(res, error.status, `${error.message}\n`);
}

function sendJson(res: ServerResponse, value: unknown): void {
  send(res, 200, JSON.stringify(value), JSON_TYPE);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new HttpError(413, "request body too large"));
      else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Parses a uint like Go's strconv.ParseUint(s, 10, bits) and the path parsers built on it. */
function parseUint(text: string, bits: 32 | 64, what: string): bigint {
  if (!/^\d+$/.test(text)) throw new HttpError(400, `${what}: strconv.ParseUint: parsing "${text}": invalid syntax`);
  const value = BigInt(text);
  if (value >= 1n << BigInt(bits)) throw new HttpError(400, `${what}: strconv.ParseUint: parsing "${text}": value out of range`);
  return value;
}

type Route =
  | { kind: "public"; handler: "version" | "address" | "status" }
  | { kind: "manifest-put"; dseq: string }
  | { kind: "lease"; dseq: string; gseq: string; oseq: string; handler: "manifest" | "status" | "service-status"; service?: string };

function route(method: string, path: string): Route | "not-found" | "method-not-allowed" {
  const match = (re: RegExp) => re.exec(path);
  const allow = (route: Route, allowed: string) => (method === allowed ? route : "method-not-allowed");
  if (path === "/version") return allow({ kind: "public", handler: "version" }, "GET");
  if (path === "/address") return allow({ kind: "public", handler: "address" }, "GET");
  if (path === "/status") return allow({ kind: "public", handler: "status" }, "GET");
  let m = match(/^\/deployment\/([^/]+)\/manifest$/);
  if (m) return allow({ kind: "manifest-put", dseq: m[1] }, "PUT");
  m = match(/^\/lease\/([^/]+)\/([^/]+)\/([^/]+)\/(manifest|status)$/);
  if (m) return allow({ kind: "lease", dseq: m[1], gseq: m[2], oseq: m[3], handler: m[4] as "manifest" | "status" }, "GET");
  m = match(/^\/lease\/([^/]+)\/([^/]+)\/([^/]+)\/service\/([^/]*)\/status$/);
  if (m) return allow({ kind: "lease", dseq: m[1], gseq: m[2], oseq: m[3], handler: "service-status", service: m[4] }, "GET");
  return "not-found";
}

export class Gateway {
  private server: https.Server | undefined;
  private readonly sockets = new Set<Socket>();
  private port = 0;
  private readonly verifyJwt: (token: string) => Promise<Claims>;

  constructor(
    private readonly backend: GatewayBackend,
    private readonly tls: { key: string; cert: string },
    /** false: mTLS only, the Authorization header is never read */
    private readonly acceptJwt = true,
  ) {
    this.verifyJwt = cachingJwtVerifier(backend.lookupPubkey);
  }

  get hostUri(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  /** The port it listens on (or last listened on). */
  get listeningPort(): number {
    return this.port;
  }

  /** Starts listening (on `port`, or the port used before, or any free one). */
  async start(port = this.port): Promise<void> {
    if (this.server) return;
    const server = https.createServer(
      { key: this.tls.key, cert: this.tls.cert, minVersion: "TLSv1.3", requestCert: true, rejectUnauthorized: false },
      (req, res) => void this.handle(req, res),
    );
    server.on("connection", (s: Socket) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
    server.on("tlsClientError", () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening and drops every connection (clients see connection refused/reset). */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async authenticate(req: IncomingMessage): Promise<Claims | undefined> {
    // Without JWT support a bearer token is not even parsed: a request carrying only a JWT is unauthenticated (401).
    const header = this.acceptJwt ? req.headers.authorization : undefined;
    let token = "";
    if (header) {
      const parts = header.trim().split(/\s+/);
      if (parts.length !== 2 || parts[0].toLowerCase() !== "bearer") throw ErrInvalidAuthHeader;
      token = parts[1];
    }
    const socket = req.socket as TLSSocket & { akashOwner?: string };
    const peer = socket.getPeerCertificate?.(false);
    let claims: Claims | undefined;
    if (peer && peer.raw) {
      // The real provider verifies the client certificate in the TLS handshake; a refused certificate
      // therefore ends the connection rather than producing an HTTP answer.
      if (socket.akashOwner === undefined) {
        try {
          socket.akashOwner = await verifyClientCertificate(peer.raw, this.backend.lookupCertificate);
        } catch {
          socket.destroy();
          throw undefined;
        }
      }
      claims = mtlsClaims(socket.akashOwner);
    }
    if (claims && token) throw ErrAuthAmbiguous;
    if (token) claims = await this.verifyJwt(token);
    return claims;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      if (this.backend.failing()) throw new HttpError(500, "kube: internal error");
      const url = new URL(req.url ?? "/", "https://provider");
      const target = route(req.method ?? "GET", url.pathname);
      // like gorilla/mux, unmatched routes answer before any middleware (auth included) runs
      if (target === "not-found") return send(res, 404, "404 page not found\n");
      if (target === "method-not-allowed") return send(res, 405, "");
      const claims = await this.authenticate(req);
      if (target.kind === "public") {
        if (target.handler === "address") return sendJson(res, { address: this.backend.address });
        if (target.handler === "version") return sendJson(res, this.backend.version());
        return sendJson(res, { ...(this.backend.status() as object), address: this.backend.address });
      }
      const provider = this.backend.address;
      if (!claims || !authorizeForProvider(claims, provider) || !claims.iss) throw ErrUnauthorized;
      const owner = claims.iss;
      if (target.kind === "manifest-put") {
        const dseq = parseUint(target.dseq, 64, "dseq");
        if (!authorize(claims, { owner, dseq, provider })) throw ErrUnauthorized;
        if (!authorize(claims, { owner, dseq, provider }, "send-manifest")) throw ErrUnauthorized;
        await this.backend.submitManifest(owner, dseq, await readBody(req));
        return send(res, 200, "");
      }
      const lease: LeaseRef = {
        owner,
        dseq: parseUint(target.dseq, 64, "dseq"),
        gseq: Number(parseUint(target.gseq, 32, "gseq")),
        oseq: Number(parseUint(target.oseq, 32, "oseq")),
        provider,
      };
      if (!authorize(claims, lease)) throw ErrUnauthorized;
      const scopes: Record<string, PermissionScope | undefined> = { manifest: "get-manifest", status: "status", "service-status": undefined };
      const scope = scopes[target.handler];
      if (scope && !authorize(claims, lease, scope)) throw ErrUnauthorized;
      if (target.handler === "manifest") {
        const group = this.backend.leaseManifest(lease);
        return group ? sendJson(res, [group]) : send(res, 404, "lease not found\n");
      }
      if (target.handler === "status") {
        const status = this.backend.leaseStatus(lease);
        if (!status) {
          res.writeHead(404);
          return void res.end();
        }
        return sendJson(res, status);
      }
      if (!target.service) throw new HttpError(400, "empty service name");
      const status = this.backend.serviceStatus(lease, target.service);
      if (!status) throw new HttpError(404, "kube: no service for that lease");
      return sendJson(res, status);
    } catch (e) {
      if (e === undefined) return; // connection already dropped
      if (e instanceof HttpError) return sendError(res, e);
      send(res, 500, `${(e as Error).message}\n`);
    }
  }
}
