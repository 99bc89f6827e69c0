import { expect } from "chai";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ChainConnection } from "./connection";
import { ChainTxError, ConfigError } from "./errors";

/** A minimal CometBFT JSON-RPC endpoint: `status` for the given chain id and an `abci_query` echo. */
async function fakeRpc(chainId: string, name: string): Promise<{ url: string; server: Server; queries: number }> {
  const state = { url: "", server: undefined as unknown as Server, queries: 0 };
  state.server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const { id, method, params } = JSON.parse(body);
      let result: unknown;
      if (method === "status") {
        result = {
          node_info: {
            id: "aa".repeat(20),
            listen_addr: "tcp://127.0.0.1:26656",
            network: chainId,
            version: "0.38.21",
            channels: "",
            moniker: name,
            other: {},
            protocol_version: { p2p: "8", block: "11", app: "0" },
          },
          sync_info: {
            latest_block_hash: "AB".repeat(32),
            latest_app_hash: "CD".repeat(32),
            latest_block_height: "42",
            latest_block_time: "2026-01-01T00:00:00Z",
            catching_up: false,
          },
          validator_info: {
            address: "EF".repeat(20),
            pub_key: { type: "tendermint/PubKeyEd25519", value: Buffer.alloc(32).toString("base64") },
            voting_power: "10",
          },
        };
      } else if (method === "abci_query") {
        state.queries++;
        result =
          params.path === "/fail"
            ? { response: { code: 5, codespace: "deployment", log: "deployment not found", height: "42" } }
            : { response: { code: 0, value: Buffer.from(name).toString("base64"), height: "42" } };
      }
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ jsonrpc: "2.0", id, result }));
    });
  });
  await new Promise<void>((r) => state.server.listen(0, "127.0.0.1", r));
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  return state;
}

const close = (s: Server) =>
  new Promise<void>((r) => {
    s.closeAllConnections();
    s.close(() => r());
  });

describe("ChainConnection", () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).filter((s) => s.listening).map(close));
  });

  async function rpc(chainId: string, name: string) {
    const r = await fakeRpc(chainId, name);
    servers.push(r.server);
    return r;
  }

  it("skips a dead first endpoint and uses the live second one", async () => {
    const live = await rpc("testnet-1", "second");
    const conn = await ChainConnection.connect({ endpoints: ["http://127.0.0.1:1", live.url], chainId: "testnet-1", requestTimeoutMs: 2000 });
    expect(conn.endpoint).to.equal(live.url);
    expect(Buffer.from(await conn.abciQuery("/x", new Uint8Array())).toString()).to.equal("second");
    conn.disconnect();
  });

  it("fails over to the next endpoint when the current one dies mid-use", async () => {
    const first = await rpc("testnet-1", "first");
    const second = await rpc("testnet-1", "second");
    const logs: string[] = [];
    const conn = await ChainConnection.connect({ endpoints: [first.url, second.url], chainId: "testnet-1", requestTimeoutMs: 2000, log: (m) => logs.push(m) });
    expect(Buffer.from(await conn.abciQuery("/x", new Uint8Array())).toString()).to.equal("first");
    await close(first.server);
    expect(Buffer.from(await conn.abciQuery("/x", new Uint8Array())).toString()).to.equal("second");
    expect(conn.endpoint).to.equal(second.url);
    expect(logs.join("\n")).to.contain(`RPC endpoint ${first.url} failed`);
    conn.disconnect();
  });

  it("logs a failover to the view whose request met it, and the other views use the new endpoint", async () => {
    const first = await rpc("testnet-1", "first");
    const second = await rpc("testnet-1", "second");
    const conn = await ChainConnection.connect({ endpoints: [first.url, second.url], chainId: "testnet-1", requestTimeoutMs: 2000 });
    const lines: string[] = [];
    const web = conn.withLog((m) => lines.push(`web: ${m}`));
    const db = conn.withLog((m) => lines.push(`db: ${m}`));
    await close(first.server);
    expect(Buffer.from(await db.abciQuery("/x", new Uint8Array([7]))).toString()).to.equal("second");
    expect(lines).to.have.length(2);
    expect(lines[0]).to.match(new RegExp(`^db: RPC endpoint ${first.url} failed \\(.*\\); failing over \\(for every resource using it\\)$`));
    expect(lines[1]).to.equal(`db: now using RPC endpoint ${second.url}`);
    expect(web.endpoint).to.equal(second.url);
    expect(Buffer.from(await web.abciQuery("/x", new Uint8Array([8]))).toString()).to.equal("second");
    expect(lines).to.have.length(2);
    conn.disconnect();
  });

  it("sends identical queries in flight once, and later or different ones again", async () => {
    const only = await rpc("testnet-1", "only");
    const conn = await ChainConnection.connect({ endpoints: [only.url], chainId: "testnet-1" });
    const same = await Promise.all([1, 2, 3].map(() => conn.abciQuery("/x", new Uint8Array([1]))));
    expect(same.map((v) => Buffer.from(v).toString())).to.deep.equal(["only", "only", "only"]);
    expect(only.queries).to.equal(1);
    await conn.abciQuery("/x", new Uint8Array([1]));
    await Promise.all([conn.abciQuery("/x", new Uint8Array([1])), conn.abciQuery("/x", new Uint8Array([2])), conn.abciQuery("/y", new Uint8Array([1]))]);
    expect(only.queries).to.equal(5);
    conn.disconnect();
  });

  it("names akash:chainId and both ids when the endpoints serve another chain", async () => {
    const other = await rpc("akashnet-2", "main");
    const error = await ChainConnection.connect({ endpoints: [other.url], chainId: "sandbox-2" }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).to.contain("akash:chainId").and.contain('"sandbox-2"').and.contain('"akashnet-2"');
  });

  it("names akash:rpcEndpoint when no endpoint answers", async () => {
    const error = await ChainConnection.connect({ endpoints: ["http://127.0.0.1:1"], chainId: "x", requestTimeoutMs: 1000 }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ConfigError);
    expect((error as Error).message).to.contain("akash:rpcEndpoint").and.contain("http://127.0.0.1:1");
    const none = await ChainConnection.connect({ endpoints: [], chainId: "x" }).catch((e: unknown) => e);
    expect((none as Error).message).to.contain("akash:rpcEndpoint");
  });

  it("turns a failed query into a ChainTxError with the node's codespace and code, without failing over", async () => {
    const only = await rpc("testnet-1", "only");
    const conn = await ChainConnection.connect({ endpoints: [only.url], chainId: "testnet-1" });
    const error = await conn.abciQuery("/fail", new Uint8Array()).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ChainTxError).and.include({ codespace: "deployment", code: 5 });
    expect(only.queries).to.equal(1);
    conn.disconnect();
  });
});
