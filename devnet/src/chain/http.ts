/** A loopback HTTP listener with a clean close, shared by the RPC and REST servers. */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

export class LoopbackServer {
  private server: http.Server | undefined;

  constructor(private readonly handler: http.RequestListener) {}

  /** Listens on 127.0.0.1:port (0 = any free port) and returns the port. */
  async listen(port: number): Promise<number> {
    const server = http.createServer(this.handler);
    server.keepAliveTimeout = 60_000;
    // Loopback only: no slow-client protection needed, and Node's periodic header/request timeout
    // sweep can reset busy keep-alive connections when a long block stalls the event loop.
    server.headersTimeout = 0;
    server.requestTimeout = 0;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    return (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
