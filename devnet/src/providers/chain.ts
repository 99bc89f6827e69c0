/**
 * The simulated provider's view of the chain, over CometBFT RPC exactly like a real provider daemon:
 * a cosmjs signing client with the Akash registry, and ABCI queries encoded with chain-sdk codecs.
 */
import * as v1 from "@akashnetwork/chain-sdk/private-types/akash.v1";
import * as v1beta4 from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import * as v1beta5 from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { fromBase64 } from "@cosmjs/encoding";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { GasPrice, QueryClient, SigningStargateClient } from "@cosmjs/stargate";
import { connectComet, type CometClient } from "@cosmjs/tendermint-rpc";
import { createAkashRegistry } from "../../../provider/src/chain/registry";
import type { Attribute } from "./attributes";
import { TxQueue } from "./tx-queue";

interface Codec<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(input: Uint8Array): T;
  fromPartial(object: any): T;
}

const PAGE_LIMIT = 500;

export class ChainClient {
  private constructor(
    readonly address: string,
    readonly comet: CometClient,
    readonly signer: SigningStargateClient,
    readonly txs: TxQueue,
    private readonly queryClient: QueryClient,
  ) {}

  static async connect(rpcUrl: string, mnemonic: string, memo: string): Promise<ChainClient> {
    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(mnemonic, { prefix: "akash" });
    const [account] = await wallet.getAccounts();
    const comet = await connectComet(rpcUrl);
    const signer = SigningStargateClient.createWithSigner(comet, wallet, {
      registry: createAkashRegistry(),
      gasPrice: GasPrice.fromString("0.025uakt"),
      broadcastPollIntervalMs: 100,
      broadcastTimeoutMs: 30_000,
    });
    return new ChainClient(account.address, comet, signer, new TxQueue(signer, account.address, memo), new QueryClient(comet));
  }

  async height(): Promise<number> {
    return (await this.comet.status()).syncInfo.latestBlockHeight;
  }

  private async query<Req, Res>(path: string, req: Codec<Req>, res: Codec<Res>, value: unknown): Promise<Res> {
    const response = await this.queryClient.queryAbci(path, req.encode(req.fromPartial(value)).finish());
    return res.decode(response.value);
  }

  /** Follows next_key pagination of a list query. */
  private async list<Req, Res extends { pagination?: { nextKey: Uint8Array } }, Item>(
    path: string,
    req: Codec<Req>,
    res: Codec<Res>,
    value: Record<string, unknown>,
    items: (r: Res) => Item[],
  ): Promise<Item[]> {
    const all: Item[] = [];
    let key: Uint8Array | undefined;
    do {
      const page = await this.query(path, req, res, { ...value, pagination: { limit: PAGE_LIMIT, key } });
      all.push(...items(page));
      key = page.pagination?.nextKey?.length ? page.pagination.nextKey : undefined;
    } while (key);
    return all;
  }

  openOrders(): Promise<v1beta5.Order[]> {
    return this.list("/akash.market.v1beta5.Query/Orders", v1beta5.QueryOrdersRequest, v1beta5.QueryOrdersResponse, { filters: { state: "open" } }, (r) => r.orders);
  }

  bids(filters: { provider?: string; state?: string; owner?: string; dseq?: bigint }): Promise<v1beta5.Bid[]> {
    return this.list("/akash.market.v1beta5.Query/Bids", v1beta5.QueryBidsRequest, v1beta5.QueryBidsResponse, { filters: longs(filters) }, (r) =>
      r.bids.map((b) => b.bid!).filter(Boolean),
    );
  }

  leases(filters: { provider?: string; state?: string; owner?: string; dseq?: bigint }): Promise<v1.Lease[]> {
    return this.list("/akash.market.v1beta5.Query/Leases", v1beta5.QueryLeasesRequest, v1beta5.QueryLeasesResponse, { filters: longs(filters) }, (r) =>
      r.leases.map((l) => l.lease!).filter(Boolean),
    );
  }

  deployment(owner: string, dseq: bigint): Promise<v1beta4.QueryDeploymentResponse> {
    return this.query("/akash.deployment.v1beta4.Query/Deployment", v1beta4.QueryDeploymentRequest, v1beta4.QueryDeploymentResponse, {
      id: { owner, dseq: dseq.toString() },
    });
  }

  async provider(owner: string): Promise<v1beta4.QueryProviderResponse["provider"] | undefined> {
    try {
      return (await this.query("/akash.provider.v1beta4.Query/Provider", v1beta4.QueryProviderRequest, v1beta4.QueryProviderResponse, { owner })).provider;
    } catch (e) {
      if (/not found|invalid provider/i.test((e as Error).message)) return undefined;
      throw e;
    }
  }

  /** Attributes `auditor` signed for `owner` (empty if none). */
  async auditorAttributes(auditor: string, owner: string): Promise<Attribute[]> {
    try {
      const res = await this.query("/akash.audit.v1.Query/ProviderAuditorAttributes", v1.QueryProviderAuditorRequest, v1.QueryProvidersResponse, { auditor, owner });
      return res.providers.flatMap((p) => p.attributes.map(({ key, value }) => ({ key, value })));
    } catch (e) {
      if (/not found/i.test((e as Error).message)) return [];
      throw e;
    }
  }

  /** The account's secp256k1 public key, once it has signed a transaction. */
  async accountPubkey(address: string): Promise<Uint8Array | undefined> {
    const account = await this.signer.getAccount(address);
    const pubkey = account?.pubkey;
    if (!pubkey || pubkey.type !== "tendermint/PubKeySecp256k1") return undefined;
    return fromBase64(pubkey.value as string);
  }

  /** A certificate by (owner, decimal serial), with its state ("valid"/"revoked"). */
  async certificate(owner: string, serial: string): Promise<{ cert: Uint8Array; valid: boolean } | undefined> {
    const res = await this.query("/akash.cert.v1.Query/Certificates", v1.QueryCertificatesRequest, v1.QueryCertificatesResponse, {
      filter: { owner, serial, state: "" },
      pagination: { limit: 10 },
    });
    const found = res.certificates.find((c) => c.serial === serial)?.certificate;
    return found ? { cert: found.cert, valid: found.state === 1 } : undefined;
  }

  disconnect(): void {
    this.txs.stop();
    this.signer.disconnect();
  }
}

function longs(filters: { dseq?: bigint } & Record<string, unknown>): Record<string, unknown> {
  const { dseq, ...rest } = filters;
  return dseq === undefined ? rest : { ...rest, dseq: dseq.toString() };
}
