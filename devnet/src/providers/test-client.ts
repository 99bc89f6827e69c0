/**
 * Test support: a plain HTTPS client for the provider gateway (self-signed server certificate, optional
 * bearer token or client certificate), answering status, body and content type.
 */
import * as https from "node:https";

export interface GatewayReply {
  status: number;
  body: string;
  type?: string;
}

export function gatewayRequest(
  baseUrl: string,
  method: string,
  path: string,
  opts: { token?: string; authorization?: string; body?: string; cert?: { key: string; cert: string } } = {},
): Promise<GatewayReply> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.authorization) headers.authorization = opts.authorization;
    const req = https.request(
      { host: url.hostname, port: url.port, method, path: url.pathname, headers, rejectUnauthorized: false, agent: false, timeout: 10_000, ...(opts.cert ?? {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString(), type: res.headers["content-type"] }));
      },
    );
    req.on("timeout", () => req.destroy(new Error(`gateway request ${method} ${path} timed out`)));
    req.on("error", reject);
    req.end(opts.body);
  });
}
