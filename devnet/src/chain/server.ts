/**
 * The loopback HTTP server speaking CometBFT's JSON-RPC envelope: POST / with a request or a batch,
 * GET /<method>?name=value (URI style: strings quoted, bytes 0x-hex); params by name or by position.
 * Malformed input gets CometBFT's error shapes (-32700 parse error and -32600 invalid request with
 * HTTP 500, -32601/-32602/-32603 in a 200 response), never a crash.
 */
import type * as http from "node:http";
import { LoopbackServer } from "./http";
import { RpcError, type Route, type RpcMethods } from "./rpc";

type JsonRpcId = string | number | null;

interface RpcResponse {
  jsonrpc: "2.0";
  id: JsonRpcId;
  result?: unknown;
  error?: { code: number; message: string; data: string };
}

function errorResponse(id: JsonRpcId, err: RpcError): RpcResponse {
  return { jsonrpc: "2.0", id, error: { code: err.code, message: err.rpcMessage, data: err.data } };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error(`request body too large (limit ${limit} bytes)`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Go's %v of a []json.RawMessage: each raw value as its list of byte values. */
const goRawMessages = (values: unknown[]) => `[${values.map((v) => `[${[...Buffer.from(JSON.stringify(v))].join(" ")}]`).join(" ")}]`;

/**
 * CometBFT jsonParamsToArgs: an object is taken by name, an array by position (exactly one value per
 * declared argument), anything else is refused.
 */
function namedParams(route: Route, params: unknown): Record<string, unknown> {
  if (params === undefined || params === null) return {};
  const fail = (detail: string) => new RpcError(-32602, "Invalid params", `error converting json params to arguments: ${detail}`);
  if (Array.isArray(params)) {
    if (params.length !== route.args.length) {
      throw fail(`expected ${route.args.length} parameters ([${route.args.join(" ")}]), got ${params.length} (${goRawMessages(params)})`);
    }
    return Object.fromEntries(route.args.map((name, i) => [name, params[i]]));
  }
  if (typeof params !== "object") {
    const kind = typeof params === "boolean" ? "bool" : typeof params;
    throw fail(`unknown type for JSON params: json: cannot unmarshal ${kind} into Go value of type []json.RawMessage. Expected map or array`);
  }
  return params as Record<string, unknown>;
}

export class RpcServer {
  private readonly http = new LoopbackServer((req, res) => {
    this.handle(req, res).catch((err) => send(res, 500, errorResponse(-1, new RpcError(-32603, "Internal error", String(err?.message ?? err)))));
  });

  constructor(private readonly rpc: RpcMethods) {}

  listen(port: number): Promise<number> {
    return this.http.listen(port);
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private async call(method: string, params: unknown, id: JsonRpcId): Promise<RpcResponse> {
    const route = Object.prototype.hasOwnProperty.call(this.rpc.routes, method) ? this.rpc.routes[method] : undefined;
    if (!route) return errorResponse(id, new RpcError(-32601, "Method not found", ""));
    try {
      return { jsonrpc: "2.0", id, result: await route.call(namedParams(route, params)) };
    } catch (err) {
      if (err instanceof RpcError) return errorResponse(id, err);
      return errorResponse(id, new RpcError(-32603, "Internal error", (err as Error).message ?? String(err)));
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method === "GET") return this.handleUri(url, res);
    if (req.method !== "POST") return send(res, 405, { error: "use POST (JSON-RPC) or GET /<method>" });
    let text: string;
    try {
      text = await readBody(req, 10 * 1024 * 1024);
    } catch (err) {
      return send(res, 500, errorResponse(-1, new RpcError(-32600, "Invalid Request", (err as Error).message)));
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (err) {
      return send(res, 500, errorResponse(-1, new RpcError(-32700, "Parse error", `error unmarshaling request: ${(err as Error).message}`)));
    }
    const batch = Array.isArray(body);
    const requests = batch ? (body as unknown[]) : [body];
    if (requests.length === 0) return send(res, 500, errorResponse(-1, new RpcError(-32600, "Invalid Request", "error unmarshaling request: empty batch")));
    const responses: RpcResponse[] = [];
    for (const request of requests) {
      const r = request as { jsonrpc?: unknown; id?: unknown; method?: unknown; params?: unknown };
      if (typeof r !== "object" || r === null || r.jsonrpc !== "2.0" || typeof r.method !== "string") {
        const id = typeof r === "object" && r !== null && (typeof r.id === "string" || typeof r.id === "number") ? r.id : -1;
        if (!batch) return send(res, 500, errorResponse(id, new RpcError(-32600, "Invalid Request", "error unmarshaling request: expected a JSON-RPC 2.0 request object with a method")));
        responses.push(errorResponse(id, new RpcError(-32600, "Invalid Request", "expected a JSON-RPC 2.0 request object with a method")));
        continue;
      }
      if (r.id === undefined) continue; // notification: no response
      const id = typeof r.id === "string" || typeof r.id === "number" ? r.id : null;
      if (url.pathname !== "/") {
        responses.push(errorResponse(id, new RpcError(-32600, "Invalid Request", `path ${url.pathname} is invalid`)));
        continue;
      }
      responses.push(await this.call(r.method, r.params, id));
    }
    if (responses.length === 0) {
      res.writeHead(200);
      res.end();
      return;
    }
    send(res, 200, batch ? responses : responses[0]);
  }

  /** GET /status, GET /abci_query?path="/cosmos...."&data=0x..., as CometBFT's URI handlers. */
  private async handleUri(url: URL, res: http.ServerResponse): Promise<void> {
    const method = url.pathname.slice(1);
    if (method === "") {
      const names = Object.keys(this.rpc.routes).sort();
      return send(res, 200, { jsonrpc: "2.0", id: -1, result: { endpoints: names.map((n) => `/${n}`) } });
    }
    const params: Record<string, unknown> = {};
    for (const [name, value] of url.searchParams) {
      params[name] = value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1) : value;
    }
    // URI []byte params are hex (0x-prefixed); JSON-RPC bodies carry base64, which the methods expect.
    for (const name of ["tx", "hash"]) {
      const v = params[name];
      if (typeof v === "string" && v.startsWith("0x")) params[name] = Buffer.from(v.slice(2), "hex").toString("base64");
    }
    send(res, 200, await this.call(method, params, -1));
  }
}
