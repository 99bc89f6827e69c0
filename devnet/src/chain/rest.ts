/**
 * A REST surface shaped like the node's grpc-gateway (port 1317 on a real node): each query handler's
 * `rest` route, request fields from the path and query string (snake_case, dotted for nested fields,
 * e.g. id.owner=...), proto-JSON responses with snake_case field names; errors as {code, message, details}.
 */
import type * as http from "node:http";
import type { Registry } from "@cosmjs/proto-signing";
import { BaseAccount, ModuleAccount } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { createAkashRegistry } from "../../../provider/src/chain/registry";
import { LoopbackServer } from "./http";
import type { ChainNode } from "./node";
import type { QueryHandler } from "./types";

interface Route {
  method: string;
  segments: string[];
  handler: QueryHandler<any, any>;
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

type JsonCodec = { decode(b: Uint8Array): unknown; toJSON?(m: unknown): unknown };

/** Types that appear inside Any fields of query responses (accounts, keys) besides the Akash messages. */
function anyTypes(): Registry {
  const registry = createAkashRegistry();
  for (const codec of [BaseAccount, ModuleAccount, PubKey]) registry.register(codec.typeUrl, codec);
  return registry;
}

/**
 * grpc-gateway JSON: snake_case field names, and Any values unpacked as {"@type": url, ...fields}
 * (left as {type_url, value} when the type is unknown).
 */
function gatewayJson(value: unknown, types: Registry): unknown {
  if (Array.isArray(value)) return value.map((v) => gatewayJson(v, types));
  if (value === null || typeof value !== "object") return value;
  const obj = value as Record<string, unknown>;
  if (typeof obj.typeUrl === "string" && typeof obj.value === "string" && Object.keys(obj).length === 2) {
    const codec = types.lookupType(obj.typeUrl) as JsonCodec | undefined;
    if (codec?.toJSON) {
      const inner = gatewayJson(codec.toJSON(codec.decode(Buffer.from(obj.value, "base64"))), types) as Record<string, unknown>;
      return { "@type": obj.typeUrl, ...inner };
    }
  }
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [snake(k), gatewayJson(v, types)]));
}

function setPath(target: Record<string, unknown>, dotted: string, value: string): void {
  const parts = dotted.split(".").map(camel);
  let cursor = target;
  for (const part of parts.slice(0, -1)) {
    cursor[part] = (cursor[part] as Record<string, unknown>) ?? {};
    cursor = cursor[part] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1];
  const existing = cursor[last];
  cursor[last] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
}

/** grpc-gateway status codes for the sdk codes most often seen. */
function grpcCodeOf(code: number): number {
  if (code === 22 || code === 38) return 5; // NotFound
  if (code === 18 || code === 7 || code === 10) return 3; // InvalidArgument
  return 2; // Unknown
}

export class RestServer {
  private readonly http = new LoopbackServer((req, res) => this.handle(req, res));
  private readonly routes: Route[] = [];
  private readonly anyTypes = anyTypes();

  constructor(private readonly node: ChainNode) {
    for (const handler of node.app.queryRoutes.values()) {
      if (!handler.rest) continue;
      const [method, path] = handler.rest.split(/\s+/);
      this.routes.push({ method, segments: path.split("/").filter(Boolean), handler });
    }
    // Literal segments win over parameters (".../balances/{address}/by_denom" vs ".../{address}").
    this.routes.sort((a, b) => b.segments.length - a.segments.length);
  }

  listen(port: number): Promise<number> {
    return this.http.listen(port);
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private match(method: string, segments: string[]): { route: Route; params: Record<string, string> } | undefined {
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const ok = route.segments.every((s, i) => {
        if (s.startsWith("{") && s.endsWith("}")) {
          params[s.slice(1, -1)] = decodeURIComponent(segments[i]);
          return true;
        }
        return s === segments[i];
      });
      if (ok) return { route, params };
    }
    return undefined;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const reply = (status: number, body: unknown) => {
      const text = JSON.stringify(body, null, 2);
      res.writeHead(status, { "content-type": "application/json" });
      res.end(text);
    };
    const found = this.match(req.method ?? "GET", url.pathname.split("/").filter(Boolean));
    if (!found) return reply(501, { code: 12, message: "Not Implemented", details: [] });
    const { route, params } = found;
    const request: Record<string, unknown> = {};
    for (const [k, v] of url.searchParams) setPath(request, k.replace(/^pagination\./, "pagination."), v);
    for (const [k, v] of Object.entries(params)) setPath(request, k, v);
    let data: Uint8Array;
    try {
      const codec = route.handler.request as { fromJSON?: (o: unknown) => unknown; fromPartial: (o: unknown) => unknown; encode: (m: any) => { finish(): Uint8Array } };
      data = codec.encode(codec.fromJSON ? codec.fromJSON(request) : codec.fromPartial(request)).finish();
    } catch (err) {
      return reply(400, { code: 3, message: (err as Error).message, details: [] });
    }
    const result = this.node.query(route.handler.path, data);
    if (result.code !== 0) return reply(grpcCodeOf(result.code) === 5 ? 404 : 400, { code: grpcCodeOf(result.code), message: result.log, details: [] });
    const response = route.handler.response.decode(result.value);
    const json = route.handler.response.toJSON ? route.handler.response.toJSON(response) : response;
    reply(200, gatewayJson(json, this.anyTypes));
  }
}
