/**
 * Devnet benchmarks (numbers only, no assertions): bank-send throughput through the real RPC path
 * (broadcast_tx_sync -> CheckTx -> block -> DeliverTx) and query latency for cosmjs-style abci_query
 * reads, then deployment+lease pairs and queries with 1,000 active leases. Targets: 200 tx/s, query p50
 * under 5 ms.
 */
import { QueryClient, setupBankExtension, type SigningStargateClient } from "@cosmjs/stargate";
import { connectComet } from "@cosmjs/tendermint-rpc";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { MsgCreateDeployment, MsgCreateProvider, QueryDeploymentRequest } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { MsgCreateBid, MsgCreateLease, QueryLeaseRequest, QueryLeaseResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import type { Devnet } from "../devnet/src";
import { fundedWallet, startTestDevnet, type FundedWallet } from "../devnet/src/testing";
import { compileSdl } from "../provider/src/sdl";

const senders = Number(process.env.BENCH_SENDERS ?? 20);
const txsPerSender = Number(process.env.BENCH_TXS_PER_SENDER ?? 50);
const queries = Number(process.env.BENCH_QUERIES ?? 2000);
const leaseCount = Number(process.env.BENCH_LEASES ?? 1000);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

type Msg = { typeUrl: string; value: unknown };

/** An offline signer with fixed account number and a fee big enough for any market message. */
async function signerFor(devnet: Devnet, w: FundedWallet): Promise<(msgs: Msg[], sequence: number) => Promise<Uint8Array>> {
  const { accountNumber } = (await w.client.getAccount(w.address))!;
  const fee = { amount: [{ denom: "uakt", amount: "10000" }], gas: "400000" };
  return async (msgs, sequence) => TxRaw.encode(await w.client.sign(w.address, msgs, fee, "", { accountNumber, sequence, chainId: devnet.chainId })).finish();
}

/** Broadcasts pre-signed txs (each list in order, lists concurrently) and waits until all are committed. */
async function broadcastAll(devnet: Devnet, client: SigningStargateClient, lists: Uint8Array[][]): Promise<number> {
  const hashes = (await Promise.all(lists.map(async (txs) => {
    const out: string[] = [];
    for (const tx of txs) out.push(await client.broadcastTxSync(tx));
    return out;
  }))).flat();
  const results = await Promise.all(hashes.map((h) => devnet.chain.node.waitForTx(h)));
  const failed = results.filter((r) => r.result.code !== 0);
  if (failed.length > 0) throw new Error(`${failed.length} txs failed, first: ${failed[0].result.codespace}/${failed[0].result.code} ${failed[0].result.log}`);
  return hashes.length;
}

async function latency(label: string, count: number, run: (i: number) => Promise<unknown>): Promise<void> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await run(i);
    latencies.push(performance.now() - t);
  }
  latencies.sort((a, b) => a - b);
  console.log(`${label}: p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms over ${count} queries`);
}

async function benchBankSends(devnet: Devnet): Promise<void> {
  const wallets = await Promise.all(Array.from({ length: senders }, () => fundedWallet(devnet)));
  const signed = await Promise.all(wallets.map(async (w) => {
    const sign = await signerFor(devnet, w);
    const msg = { typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: w.address, toAddress: devnet.demoAddress, amount: [{ denom: "uakt", amount: "1" }] } };
    return Promise.all(Array.from({ length: txsPerSender }, (_, sequence) => sign([msg], sequence)));
  }));
  const start = performance.now();
  const count = await broadcastAll(devnet, wallets[0].client, signed);
  const seconds = (performance.now() - start) / 1000;
  console.log(`devnet bank sends: ${count} txs in ${seconds.toFixed(2)} s = ${(count / seconds).toFixed(0)} tx/s (target 200 tx/s)`);
}

async function benchQueries(devnet: Devnet): Promise<void> {
  const comet = await connectComet(devnet.rpcUrl);
  const query = QueryClient.withExtensions(comet, setupBankExtension);
  await latency("devnet bank balance query (target p50 < 5 ms)", queries, () => query.bank.balance(devnet.demoAddress, "uakt"));
  comet.disconnect();
}

/**
 * Deployment + lease pairs per second (MsgCreateDeployment, MsgCreateBid, MsgCreateLease, all through
 * RPC; signing happens beforehand) and query latency with `leaseCount` active leases.
 */
async function benchDeploymentsAndLeases(devnet: Devnet): Promise<void> {
  const tenantsCount = 10;
  const providersCount = 5;
  const perTenant = Math.ceil(leaseCount / tenantsCount);
  const rich = [{ denom: "uakt", amount: "100000000000" }, { denom: "uact", amount: "100000000000" }];
  const tenants = await Promise.all(Array.from({ length: tenantsCount }, () => fundedWallet(devnet, rich)));
  const providers = await Promise.all(Array.from({ length: providersCount }, () => fundedWallet(devnet, rich)));
  const providerSigners = await Promise.all(providers.map((p) => signerFor(devnet, p)));
  await broadcastAll(devnet, providers[0].client, await Promise.all(providers.map(async (p, i) => [
    await providerSigners[i]([{ typeUrl: `/${MsgCreateProvider.$type}`, value: MsgCreateProvider.fromPartial({ owner: p.address, hostUri: "https://provider.bench:8443", attributes: [{ key: "region", value: "us-west" }], info: { email: "", website: "" } }) }], 0),
  ])));

  const sdl = compileSdl(benchSdl, { file: "devnet.bench SDL" });
  const pairs = tenants.flatMap((t, ti) => Array.from({ length: perTenant }, (_, k) => ({ t, ti, k, dseq: 1000 + k, p: (ti * perTenant + k) % providersCount })));
  const key = (x: (typeof pairs)[number]) => ({ owner: x.t.address, dseq: String(x.dseq), gseq: 1, oseq: 1, provider: providers[x.p].address, bseq: 0 });
  const tenantSigners = await Promise.all(tenants.map((t) => signerFor(devnet, t)));
  const deployMsg = (x: (typeof pairs)[number]) => ({
    typeUrl: `/${MsgCreateDeployment.$type}`,
    value: MsgCreateDeployment.fromPartial({ id: { owner: x.t.address, dseq: String(x.dseq) }, groups: sdl.groups, hash: sdl.version, deposit: { amount: { denom: "uact", amount: "5000000" }, sources: [1] } }),
  });
  const bidMsg = (x: (typeof pairs)[number]) => ({
    typeUrl: `/${MsgCreateBid.$type}`,
    value: MsgCreateBid.fromPartial({ id: key(x), price: { denom: "uact", amount: "50" }, deposit: { amount: { denom: "uact", amount: "500000" }, sources: [1] } }),
  });
  const leaseMsg = (x: (typeof pairs)[number]) => ({ typeUrl: `/${MsgCreateLease.$type}`, value: MsgCreateLease.fromPartial({ bidId: key(x) }) });
  /** One tx list per signer: its pairs' messages with consecutive sequences from `first`. */
  const signEach = (signers: typeof tenantSigners, mine: (x: (typeof pairs)[number], i: number) => boolean, msg: (x: (typeof pairs)[number]) => Msg, first: number) =>
    Promise.all(signers.map((sign, i) => Promise.all(pairs.filter((x) => mine(x, i)).map((x, n) => sign([msg(x)], first + n)))));
  const deployTxs = await signEach(tenantSigners, (x, i) => x.ti === i, deployMsg, 0);
  const bidTxs = await signEach(providerSigners, (x, i) => x.p === i, bidMsg, 1);
  const leaseTxs = await signEach(tenantSigners, (x, i) => x.ti === i, leaseMsg, perTenant);

  const start = performance.now();
  await broadcastAll(devnet, tenants[0].client, deployTxs);
  await broadcastAll(devnet, tenants[0].client, bidTxs);
  await broadcastAll(devnet, tenants[0].client, leaseTxs);
  const seconds = (performance.now() - start) / 1000;
  console.log(`devnet deployment+lease pairs: ${pairs.length} pairs (3 txs each) in ${seconds.toFixed(2)} s = ${(pairs.length / seconds).toFixed(1)} pairs/s`);

  const comet = await connectComet(devnet.rpcUrl);
  const qc = new QueryClient(comet);
  await latency(`devnet lease query with ${pairs.length} active leases`, queries / 2, async (i) => {
    const x = pairs[i % pairs.length];
    const res = QueryLeaseResponse.decode((await qc.queryAbci("/akash.market.v1beta5.Query/Lease", QueryLeaseRequest.encode(QueryLeaseRequest.fromPartial({ id: key(x) })).finish())).value);
    if (res.lease?.state !== 1) throw new Error(`lease ${JSON.stringify(key(x))} not active`);
  });
  await latency(`devnet deployment query with ${pairs.length} active leases`, queries / 2, async (i) => {
    const x = pairs[i % pairs.length];
    await qc.queryAbci("/akash.deployment.v1beta4.Query/Deployment", QueryDeploymentRequest.encode(QueryDeploymentRequest.fromPartial({ id: { owner: x.t.address, dseq: String(x.dseq) } })).finish());
  });
  comet.disconnect();
}

/** One small web service priced in uact (JSON is YAML, so the SDL compiler takes it as is). */
const benchSdl = JSON.stringify({
  version: "2.0",
  services: { web: { image: "nginx:1.25", expose: [{ port: 80, as: 80, to: [{ global: true }] }] } },
  profiles: {
    compute: { web: { resources: { cpu: { units: 0.1 }, memory: { size: "128Mi" }, storage: { size: "512Mi" } } } },
    placement: { dcloud: { pricing: { web: { denom: "uact", amount: 100 } } } },
  },
  deployment: { web: { dcloud: { profile: "web", count: 1 } } },
});

async function main(): Promise<void> {
  const devnet = await startTestDevnet({ providers: false, blockTimeMs: 200 });
  try {
    await benchBankSends(devnet);
    await benchQueries(devnet);
    await benchDeploymentsAndLeases(devnet);
  } finally {
    await devnet.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
