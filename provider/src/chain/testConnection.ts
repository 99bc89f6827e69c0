/**
 * Test fixture: a stand-in for ChainConnection that answers gRPC query paths from handlers (given the
 * request as a plain object) and records every call, for unit tests of the query and tx helpers.
 */
import type { ChainConnection, ProtoCodec } from "./connection";

export type QueryHandler = (request: any) => unknown;

export interface FakeConnection {
  conn: ChainConnection;
  calls: Array<{ path: string; request: any }>;
}

/** `comet` stands in for the CometBFT client that `run` hands to its callback (only the methods a test uses). */
export function fakeConnection(handlers: Record<string, QueryHandler>, chainId = "fake-1", comet: object = {}): FakeConnection {
  const calls: FakeConnection["calls"] = [];
  const answer = (path: string, request: any) => {
    calls.push({ path, request });
    const handler = handlers[path];
    if (!handler) throw new Error(`fake connection: no handler for ${path}`);
    return handler(request);
  };
  const fake = {
    chainId,
    endpoint: "fake://",
    async query(path: string, request: ProtoCodec<unknown>, input: unknown, response: ProtoCodec<unknown>) {
      // Round-trip through the real codecs so field names and types are checked like on the wire.
      const decodedRequest = request.decode(request.encode(request.fromPartial(input ?? {})).finish());
      const result = await answer(path, decodedRequest);
      return response.decode(response.encode(response.fromPartial(result)).finish());
    },
    async run<T>(op: (client: any) => Promise<T>): Promise<T> {
      return op(comet);
    },
    async abciQuery(path: string, data: Uint8Array) {
      return (await answer(path, data)) as Uint8Array;
    },
    disconnect() {},
    withLog() {
      return fake;
    },
    get identity() {
      return fake;
    },
  };
  return { conn: fake as unknown as ChainConnection, calls };
}
