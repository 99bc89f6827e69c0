/**
 * Market module query cost with 1,000 active leases (in-memory chain state, no RPC): prints the mean time
 * per query for the lookups clients and providers make most. Run: node dist/bench/market.bench.js
 */
import { performance } from "node:perf_hooks";
import { TYPE, address, createBid, createDeployment, fund, leaseId, marketplace } from "../devnet/src/modules/market-common/fixtures";

const LEASES = 1000;
const tenants = Array.from({ length: 10 }, (_, i) => address(`bench-tenant-${i}`));
const providers = Array.from({ length: 4 }, (_, i) => address(`bench-provider-${i}`));

function build() {
  const m = marketplace();
  for (const a of [...tenants, ...providers]) fund(m.ctx, a, [{ denom: "uact", amount: "100000000000" }]);
  for (const p of providers) m.providers.set(p, []);
  for (let i = 0; i < LEASES; i++) {
    const owner = tenants[i % tenants.length];
    const provider = providers[i % providers.length];
    const dseq = 1000 + i;
    m.ctx.deliver(TYPE.createDeployment, createDeployment(owner, dseq));
    m.ctx.deliver(TYPE.createBid, createBid(owner, dseq, provider, "50"));
    m.ctx.deliver(TYPE.createLease, { bidId: leaseId(owner, dseq, provider) });
  }
  return m.ctx;
}

function time(label: string, runs: number, fn: () => unknown): void {
  fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) fn();
  console.log(`${label.padEnd(48)} ${((performance.now() - start) / runs).toFixed(3)} ms/op`);
}

const setupStart = performance.now();
const ctx = build();
console.log(`setup: ${LEASES} deployments + bids + leases in ${((performance.now() - setupStart) / 1000).toFixed(2)} s`);
const owner = tenants[3];
const provider = providers[3]; // lease 1003 went to provider 1003 % 4
time("Deployment (one, with groups + escrow account)", 200, () => ctx.query("/akash.deployment.v1beta4.Query/Deployment", { id: { owner, dseq: "1003" } }));
time("Deployments (owner, limit 100)", 50, () => ctx.query("/akash.deployment.v1beta4.Query/Deployments", { filters: { owner }, pagination: { limit: 100 } }));
time("Lease (one, with payment)", 200, () => ctx.query("/akash.market.v1beta5.Query/Lease", { id: leaseId(owner, 1003, provider) }));
time("Leases (provider, state active, limit 100)", 50, () => ctx.query("/akash.market.v1beta5.Query/Leases", { filters: { provider, state: "active" }, pagination: { limit: 100 } }));
time("Leases (owner + dseq)", 200, () => ctx.query("/akash.market.v1beta5.Query/Leases", { filters: { owner, dseq: "1003" } }));
time("Orders (state open, all)", 50, () => ctx.query("/akash.market.v1beta5.Query/Orders", { filters: { state: "open" } }));
let height = ctx.block.height;
time("MsgWithdrawLease (settle + pay out)", 100, () => {
  ctx.setHeight(++height);
  ctx.deliver(TYPE.withdrawLease, { id: leaseId(owner, 1003, provider) });
});
