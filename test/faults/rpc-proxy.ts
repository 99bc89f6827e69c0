// An RPC endpoint in front of the devnet that loses a chosen broadcast: the plugin's tx then has an unknown
// outcome, as when an endpoint dies mid-request. The broadcast either still reaches the chain (only its answer
// is lost) or never does, and the endpoint then stays down for a while, so the queue's own look-up of the tx
// fails too and the error reaches the resource.
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface LostBroadcast {
  /** which broadcast_tx_sync to lose, counting from 1 */
  nth: number;
  /** whether the chain still gets the tx (only the answer is lost) */
  reachesChain: boolean;
  /** how long every request fails afterwards */
  downMs: number;
}

export interface RpcProxy {
  url: string;
  /** resolves once the chosen broadcast was lost and the endpoint is back */
  lose(plan: LostBroadcast): Promise<void>;
  stop(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });

export async function startRpcProxy(target: string): Promise<RpcProxy> {
  let downUntil = 0;
  let broadcasts = 0;
  let plan: (LostBroadcast & { done: () => void }) | undefined;

  const forward = (req: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: IncomingMessage["headers"]; body: Buffer }>((resolve, reject) => {
      const up = request(target + (req.url ?? "/"), { method: req.method, headers: req.headers }, async (res) => {
        resolve({ status: res.statusCode ?? 502, headers: res.headers, body: await readBody(res) });
      });
      up.on("error", reject);
      up.end(body);
    });

  const server: Server = createServer(async (req, res) => {
    try {
      const body = await readBody(req);
      if (Date.now() < downUntil) return void req.socket.destroy();
      const lost = plan && /"broadcast_tx_sync"/.test(body.toString()) && ++broadcasts === plan.nth ? plan : undefined;
      if (lost) {
        plan = undefined;
        if (lost.reachesChain) await forward(req, body);
        downUntil = Date.now() + lost.downMs;
        setTimeout(lost.done, lost.downMs);
        return void req.socket.destroy();
      }
      const answer = await forward(req, body);
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    } catch {
      req.socket.destroy();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    lose: (p) =>
      new Promise<void>((done) => {
        broadcasts = 0;
        plan = { ...p, done };
      }),
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
