/**
 * cert v1 Certificates query (node x/cert/keeper/grpc_query.go): filter by owner (and serial), state;
 * without a state filter it walks valid then revoked certificates; next_key resumes across states.
 */
import { Cert_State, QueryCertificatesRequest, QueryCertificatesResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { QueryHandler } from "../../chain/types";
import { isAccAddress } from "../registry-kit/address";
import { GrpcStatusError } from "../registry-kit/errors";
import { defaultPageLimit, paginateEntries } from "../../chain/pagination";
import { grpcQueries } from "../registry-kit/query";
import { certSearchPrefix, type CertKeeper, type CertState } from "./keeper";

const states: readonly CertState[] = ["valid", "revoked"];
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Our next_key: the states still to walk, then the store key to resume from. */
function encodeNextKey(remaining: readonly CertState[], storeKey: string): Uint8Array {
  return encoder.encode(`${remaining.join(",")}|${storeKey}`);
}

function decodeNextKey(key: Uint8Array): { remaining: CertState[]; storeKey: string } {
  const text = decoder.decode(key);
  const bar = text.indexOf("|");
  const remaining = text.slice(0, bar).split(",").filter((s): s is CertState => states.includes(s as CertState));
  if (bar < 0 || remaining.length === 0) throw new GrpcStatusError("Internal", "invalid pagination key");
  return { remaining, storeKey: text.slice(bar + 1) };
}

export function certQueries(keeper: CertKeeper): QueryHandler<any, any>[] {
  const certificates: QueryHandler<QueryCertificatesRequest, QueryCertificatesResponse> = {
    path: "/akash.cert.v1.Query/Certificates",
    rest: "GET /akash/cert/v1/certificates/list",
    request: QueryCertificatesRequest,
    response: QueryCertificatesResponse,
    handle(ctx, req) {
      const filter = req.filter ?? { owner: "", serial: "", state: "" };
      const offset = BigInt(req.pagination?.offset?.toString() ?? "0");
      if (offset > 0n && filter.state === "") {
        throw new GrpcStatusError("InvalidArgument", "invalid request parameters. if offset is set, filter.state must be provided");
      }
      let limit = Number(req.pagination?.limit?.toString() ?? "0") || defaultPageLimit;
      let walk: CertState[];
      let resumeKey: string | undefined;
      if (req.pagination?.key && req.pagination.key.length > 0) {
        ({ remaining: walk, storeKey: resumeKey } = decodeNextKey(req.pagination.key));
      } else if (filter.state !== "") {
        if (!states.includes(filter.state as CertState)) throw new GrpcStatusError("InvalidArgument", "invalid state value");
        walk = [filter.state as CertState];
      } else walk = [...states];
      if (filter.owner !== "" && !isAccAddress(filter.owner)) {
        throw new GrpcStatusError("Internal", `decoding bech32 failed: invalid address ${filter.owner}`);
      }
      const owner = filter.owner === "" ? undefined : filter.owner;
      const serial = owner && /^[+-]?\d+$/.test(filter.serial) ? BigInt(filter.serial) : undefined;
      const found: QueryCertificatesResponse["certificates"] = [];
      let nextKey: Uint8Array = new Uint8Array();
      for (const [idx, state] of walk.entries()) {
        const entries = keeper.entries(ctx, certSearchPrefix(state, owner, serial));
        const page = paginateEntries("", entries, {
          key: idx === 0 && resumeKey ? encoder.encode(resumeKey) : undefined,
          offset: resumeKey ? 0n : offset,
          limit,
        });
        found.push(
          ...page.items.map((entry) => ({
            certificate: { state: entry.state === "valid" ? Cert_State.valid : Cert_State.revoked, cert: Buffer.from(entry.cert), pubkey: Buffer.from(entry.pubkey) },
            serial: entry.serial.toString(),
          })),
        );
        limit -= page.items.length;
        if (limit === 0) {
          if (page.pagination.nextKey.length > 0) nextKey = encodeNextKey(walk.slice(idx), decoder.decode(page.pagination.nextKey));
          break;
        }
      }
      return QueryCertificatesResponse.fromPartial({ certificates: found, pagination: { nextKey, total: BigInt(found.length) } });
    },
  };
  return grpcQueries(certificates);
}
