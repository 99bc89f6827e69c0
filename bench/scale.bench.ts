// npm run bench:scale — N Deployments in one `pulumi up`, as the engine runs them (concurrent creates through
// Pulumi's dynamic-provider plugin server), against a devnet with fixed 500 ms blocks; then destroyed.
// Compared with a sequential baseline that sends one tx per deployment step from a plain cosmjs client, the way
// existing Akash tools do (one deployment after another, so it never collides on sequences itself; every tx is
// checked, and any failure is listed with the chain's or provider's reason). Also prints, per batched run, when
// the last deployment reached each step (from the plugin's progress lines), to see where the time goes.
// Prints a table and writes bench-results/scale.json. Numbers only, no assertions.
// SCALE_SIZES=1,5,20 (default) picks N; SCALE_MODES=batched or sequential runs one side only.
import * as fs from "node:fs";
import * as path from "node:path";
import type { EncodeObject } from "@cosmjs/proto-signing";
import { assertIsDeliverTxSuccess, type SigningStargateClient } from "@cosmjs/stargate";
import { startTestDevnet, fundedWallet } from "../devnet/src/testing";
import type { Devnet } from "../devnet/src";
import { Deployment } from "../sdk";
import { compileSdl } from "../provider/src/sdl";
import { tenantSdl } from "../provider/src/sdl/testing";
import { msgCloseDeployment, msgCreateDeployment } from "../provider/src/chain/deployment/messages";
import { msgCreateLease } from "../provider/src/chain/market/messages";
import { signerFromMnemonic } from "../provider/src/chain/signer";
import { createProviderJwt } from "../provider/src/gateway/jwt";
import { sendManifest } from "../provider/src/gateway/manifest";
import { getLeaseStatus } from "../provider/src/gateway/leaseStatus";
import { awaitLeaseReady } from "../provider/src/gateway/readiness";
import { destroy, makeUrn, registerWithMocks, secret, startProviderServer, up, type ResourceState } from "../test/harness";
import { repoRoot } from "../provider/src/schema/repoRoot";
import { fetchBids } from "../provider/src/market/chainBids";
import { ChainConnection } from "../provider/src/chain/connection";

const BLOCK_MS = 500;
const SIZES = (process.env.SCALE_SIZES ?? "1,5,20").split(",").map(Number);
/** Batched runs per N; the median one (by time to ready) is reported: 500 ms blocks make one run's phase luck ±0.5 s. */
const REPEATS = Math.max(1, Number(process.env.SCALE_REPEATS ?? 3));
/** SCALE_MODES=batched or sequential runs one side only (e.g. while tuning). */
const MODES = (process.env.SCALE_MODES ?? "batched,sequential").split(",");

const SDL = tenantSdl({ cpu: 0.1, memory: "128Mi", storage: "256Mi", price: 100 });
const POLICY = { auditedOnly: false, minBids: 1, bidWindow: 1, reachability: false };

interface Measure {
  n: number;
  mode: "batched (pulumi-akash)" | "sequential baseline";
  readyMs: number;
  destroyMs: number;
  blocks: number;
  txs: number;
  gasPerDeployment: number;
  /** sequence mismatches seen: txs rejected in a block, CheckTx rejections, and our queue's resyncs */
  sequenceErrors: number;
  failed: number;
  /** why each failed resource or deployment failed (first line of the error) */
  failures: string[];
  /** batched: time to ready of every repeat (the row is the median one) */
  readyMsRuns?: number[];
  /** batched runs: when the last of the N deployments reached each step (ms after the start) */
  phasesMs?: Record<Phase, number | undefined>;
}

/** The plugin's progress lines marking each step of a Deployment's create (see resources/deployment). */
const PHASES = {
  created: /deployment \d+ created \(deposit/,
  leased: /lease created for group/,
  manifest: /manifest accepted by/,
  ready: / ready on /,
} as const;
type Phase = keyof typeof PHASES;
const SEQUENCE_RESYNC = /account sequence resynced/;
const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0];

/** Txs the wallet sent between two heights, with their gas and any sequence-mismatch failures. */
async function walletTxs(client: SigningStargateClient, owner: string, from: number, to: number) {
  const txs = (await client.searchTx(`message.sender='${owner}'`)).filter((t) => t.height >= from && t.height <= to);
  return {
    txs: txs.length,
    gas: txs.reduce((s, t) => s + Number(t.gasUsed), 0),
    sequenceErrors: txs.filter((t) => t.code === 32).length,
  };
}

async function batched(devnet: Devnet, n: number): Promise<Measure> {
  const wallet = await fundedWallet(devnet);
  let t0 = 0;
  const seen: Array<{ atMs: number; text: string }> = [];
  const server = await startProviderServer({ onLog: ({ text }) => t0 && seen.push({ atMs: Date.now() - t0, text }) });
  try {
    await server.configure({
      "akash:network": "devnet",
      "akash:rpcEndpoint": devnet.rpcUrl,
      "akash:chainId": devnet.chainId,
      "akash:mnemonic": secret(wallet.mnemonic),
    });
    const { registrations } = await registerWithMocks(() => new Deployment("web", { sdl: SDL }));
    const provider = registrations[0].inputs.__provider as string;
    // Warm-up, not measured: the plugin loads our modules and the wallet's account gets its pubkey on chain.
    const warm = await up(server, makeUrn("pulumi-nodejs:dynamic/akash:Deployment", "warm-up"), { __provider: provider, sdl: SDL, deposit: 1, bidPolicy: POLICY });
    await destroy(server, warm.state);
    const h0 = await wallet.client.getHeight();
    t0 = Date.now();
    const results = await Promise.allSettled(
      Array.from({ length: n }, (_, i) => up(server, makeUrn("pulumi-nodejs:dynamic/akash:Deployment", `web-${i}`), { __provider: provider, sdl: SDL, deposit: 1, bidPolicy: POLICY })),
    );
    const readyMs = Date.now() - t0;
    const h1 = await wallet.client.getHeight();
    const states = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.state as ResourceState] : []));
    const t1 = Date.now();
    await Promise.all(states.map((s) => destroy(server, s)));
    const destroyMs = Date.now() - t1;
    const h2 = await wallet.client.getHeight();
    const chain = await walletTxs(wallet.client, wallet.address, h0 + 1, h2);
    const failures = results.flatMap((r) => (r.status === "rejected" ? [firstLine(r.reason)] : []));
    for (const f of failures) console.error(`  failed: ${f}`);
    await server.flushLogs();
    const lastAt = (pattern: RegExp) => seen.filter((l) => pattern.test(l.text) && l.atMs <= readyMs).reduce<number | undefined>((m, l) => Math.max(m ?? 0, l.atMs), undefined);
    const phasesMs = Object.fromEntries(Object.entries(PHASES).map(([phase, pattern]) => [phase, lastAt(pattern)])) as Record<Phase, number | undefined>;
    return {
      n,
      mode: "batched (pulumi-akash)",
      readyMs,
      destroyMs,
      blocks: h1 - h0,
      txs: chain.txs,
      gasPerDeployment: Math.round(chain.gas / n),
      sequenceErrors: chain.sequenceErrors + seen.filter((l) => SEQUENCE_RESYNC.test(l.text)).length,
      failed: n - states.length,
      failures,
      phasesMs,
    };
  } finally {
    await server.stop();
  }
}

/** One tx per step and one deployment after another: create, wait for a bid, lease, manifest, ready. */
async function sequential(devnet: Devnet, n: number): Promise<Measure> {
  const wallet = await fundedWallet(devnet);
  const signer = await signerFromMnemonic(wallet.mnemonic);
  const compiled = compileSdl(SDL);
  const owner = wallet.address;
  const h0 = await wallet.client.getHeight();
  const t0 = Date.now();
  const dseqs: string[] = [];
  const failures: string[] = [];
  for (let i = 0; i < n; i++) {
    try {
      const dseq = String((await wallet.client.getHeight()) * 100 + i);
      await send(wallet.client, owner, [msgCreateDeployment({ owner, dseq, groups: compiled.groups, hash: compiled.version, deposit: { denom: "uact", amount: "1000000" } })]);
      dseqs.push(dseq);
      const bid = await firstBid(devnet, owner, dseq);
      await send(wallet.client, owner, [msgCreateLease({ owner, dseq, gseq: 1, oseq: 1, provider: bid.provider })]);
      const hostUri = devnet.providers!.providers.find((p) => p.address === bid.provider)!.hostUri;
      const auth = async () => ({ kind: "jwt" as const, token: await createProviderJwt(signer) });
      await sendManifest({ hostUri, dseq, manifestJson: compiled.manifestJson, auth });
      await awaitLeaseReady({ getStatus: async () => getLeaseStatus({ hostUri, lease: { dseq, gseq: 1, oseq: 1 }, auth: await auth() }), timeoutMs: 120_000, pollIntervalMs: 500 });
    } catch (error) {
      failures.push(firstLine(error));
      console.error(`  baseline failed: ${firstLine(error)}`);
    }
  }
  const readyMs = Date.now() - t0;
  const h1 = await wallet.client.getHeight();
  const t1 = Date.now();
  for (const dseq of dseqs) await send(wallet.client, owner, [msgCloseDeployment({ owner, dseq })]);
  const destroyMs = Date.now() - t1;
  const chain = await walletTxs(wallet.client, owner, h0 + 1, await wallet.client.getHeight());
  // A naive client's sequence collisions are rejected at CheckTx (never in a block): count those failures too.
  const checkTxSequenceErrors = failures.filter((f) => /account sequence mismatch|incorrect account sequence/i.test(f)).length;
  return {
    n,
    mode: "sequential baseline",
    readyMs,
    destroyMs,
    blocks: h1 - h0,
    txs: chain.txs,
    gasPerDeployment: Math.round(chain.gas / n),
    sequenceErrors: chain.sequenceErrors + checkTxSequenceErrors,
    failed: failures.length,
    failures,
  };
}

/**
 * What a careful CLI does: simulate for gas (with the 1.5 adjustment our queue uses too: cosmjs' "auto" 1.4
 * runs out of gas when a late bid lands between simulate and the lease), sign, broadcast, wait for the
 * block, and fail on a failed tx.
 */
async function send(client: SigningStargateClient, owner: string, messages: EncodeObject[]) {
  assertIsDeliverTxSuccess(await client.signAndBroadcast(owner, messages, 1.5));
}

async function medianOf(repeats: number, run: () => Promise<Measure>): Promise<Measure> {
  const runs: Measure[] = [];
  for (let i = 0; i < repeats; i++) runs.push(await run());
  const sorted = [...runs].sort((a, b) => a.readyMs - b.readyMs);
  return { ...sorted[Math.floor((sorted.length - 1) / 2)], readyMsRuns: runs.map((r) => r.readyMs), failed: Math.max(...runs.map((r) => r.failed)), sequenceErrors: Math.max(...runs.map((r) => r.sequenceErrors)) };
}

async function firstBid(devnet: Devnet, owner: string, dseq: string) {
  const conn = await ChainConnection.connect({ endpoints: [devnet.rpcUrl], chainId: devnet.chainId });
  try {
    for (let i = 0; i < 240; i++) {
      const bids = (await fetchBids(conn, owner, dseq)).filter((b) => b.state === "open");
      if (bids.length) return bids.sort((a, b) => Number(a.price.amount) - Number(b.price.amount))[0];
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`no bid for ${dseq}`);
  } finally {
    conn.disconnect();
  }
}

async function main() {
  const devnet = await startTestDevnet({ blockTimeMs: BLOCK_MS });
  const rows: Measure[] = [];
  try {
    if (MODES.includes("batched")) for (const n of SIZES) rows.push(await medianOf(REPEATS, () => batched(devnet, n)));
    if (MODES.includes("sequential")) for (const n of SIZES) rows.push(await sequential(devnet, n));
  } finally {
    await devnet.stop();
  }
  const one = rows.find((r) => r.mode.startsWith("batched") && r.n === 1);
  console.log(`\nScale benchmark: devnet blocks ${BLOCK_MS} ms, default simulated providers; batched rows: median of ${REPEATS} runs\n`);
  console.log("mode                     |   N | ready s | destroy s | blocks | txs | gas/deployment | seq errors | failed | T(N)/T(1)");
  for (const r of rows) {
    const base = rows.find((x) => x.mode === r.mode && x.n === 1) ?? one;
    const ratio = base ? (r.readyMs / base.readyMs).toFixed(2) : "-";
    console.log(
      `${r.mode.padEnd(24)} | ${String(r.n).padStart(3)} | ${(r.readyMs / 1000).toFixed(1).padStart(7)} | ${(r.destroyMs / 1000).toFixed(1).padStart(9)} | ${String(r.blocks).padStart(6)} | ${String(r.txs).padStart(3)} | ${String(r.gasPerDeployment).padStart(14)} | ${String(r.sequenceErrors).padStart(10)} | ${String(r.failed).padStart(6)} | ${ratio}`,
    );
  }
  const out = path.join(repoRoot(__dirname), "bench-results", "scale.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ blockTimeMs: BLOCK_MS, rows }, null, 2));
  console.log("\nbatched: when the last deployment reached each step (s after the start)");
  for (const r of rows) {
    if (!r.phasesMs) continue;
    const steps = Object.entries(r.phasesMs).map(([phase, ms]) => `${phase} ${ms === undefined ? "-" : (ms / 1000).toFixed(1)}`);
    const runs = r.readyMsRuns ? ` (ready in each run: ${r.readyMsRuns.map((ms) => (ms / 1000).toFixed(1)).join(", ")} s)` : "";
    console.log(`  N=${String(r.n).padEnd(3)} ${steps.join(", ")}${runs}`);
  }
  for (const r of rows) if (r.failures.length) console.log(`${r.mode} N=${r.n} failures:\n${r.failures.map((f) => `  ${f}`).join("\n")}`);
  console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
