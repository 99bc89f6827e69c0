import { expect } from "chai";
import * as v1beta5 from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import type { EncodeObject } from "@cosmjs/proto-signing";
import { BidEngine, type EngineFaults } from "./bid-engine";
import type { ChainClient } from "./chain";
import { defaultProviderConfigs, providerAttributes } from "./config";
import { groupSpec } from "./fixtures";
import type { ProviderConfig } from "./index";
import { Inventory } from "./inventory";

const PROVIDER = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";
const TENANT = "akash1vk44dry4cn6xyg3jgyjqflentr7rv8z29pwqta";

function order(dseq: number, spec = groupSpec({})): v1beta5.Order {
  return v1beta5.Order.fromPartial({ id: { owner: TENANT, dseq, gseq: 1, oseq: 1 }, state: 1, spec });
}

function setup(bidTimeoutMs = 60_000, overrides: Partial<ProviderConfig> = {}) {
  const config = { ...defaultProviderConfigs()[2], ...overrides }; // sim-us-east
  const sent: EncodeObject[] = [];
  let orders: v1beta5.Order[] = [];
  /** our bids still open on chain: every bid we placed, unless a test says otherwise */
  let openBids: (sent: EncodeObject[]) => v1beta5.Bid[] = (all) =>
    all.filter((m) => m.typeUrl === "/akash.market.v1beta5.MsgCreateBid").map((m) => v1beta5.Bid.fromPartial({ id: (m.value as v1beta5.MsgCreateBid).id, state: 1 }));
  const chain = {
    address: PROVIDER,
    openOrders: async () => orders,
    bids: async () => openBids(sent),
    auditorAttributes: async () => [],
    txs: { submit: async (m: EncodeObject) => void sent.push(m) },
  } as unknown as ChainClient;
  const inventory = new Inventory(config.capacity);
  const faults: EngineFaults = { noBids: false, slowBidsMs: 0, offline: false };
  const engine = new BidEngine(chain, config, providerAttributes(config), inventory, bidTimeoutMs, faults, () => undefined);
  return { engine, sent, inventory, faults, setOrders: (o: v1beta5.Order[]) => (orders = o), setOpenBids: (f: typeof openBids) => (openBids = f) };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

describe("providers/bid-engine", () => {
  it("bids once on each matching order, with the real provider's default deposit (500000uakt) and the group's resources", async () => {
    const t = setup();
    t.setOrders([order(1), order(2, groupSpec({ attributes: [{ key: "region", value: "mars" }] }))]);
    await t.engine.scan(new Set());
    await settle();
    await t.engine.scan(new Set());
    await settle();
    expect(t.sent).to.have.length(1);
    expect(t.sent[0].typeUrl).to.equal("/akash.market.v1beta5.MsgCreateBid");
    const bid = t.sent[0].value as v1beta5.MsgCreateBid;
    expect(bid.id).to.deep.include({ owner: TENANT, gseq: 1, oseq: 1, provider: PROVIDER, bseq: 0 });
    expect(bid.deposit!.amount).to.deep.equal({ denom: "uakt", amount: "500000" });
    expect(bid.resourcesOffer.map((o) => o.count)).to.deep.equal([1]);
    expect(t.engine.orders).to.equal(1);
  });

  it("deposits the configured bidDeposit", async () => {
    const t = setup(60_000, { bidDeposit: { denom: "uact", amount: "750000" } });
    t.setOrders([order(1)]);
    await t.engine.scan(new Set());
    await settle();
    expect((t.sent[0].value as v1beta5.MsgCreateBid).deposit!.amount).to.deep.equal({ denom: "uact", amount: "750000" });
  });

  it("withdraws a bid whose order went to another provider and frees its reservation, keeps a won lease's", async () => {
    const t = setup();
    t.setOrders([order(1), order(2)]);
    await t.engine.scan(new Set());
    await settle();
    const reserved = t.inventory.free().cpuMillis;
    t.setOrders([]);
    await t.engine.scan(new Set([`${TENANT}/1/1/1`]));
    await settle();
    expect(t.inventory.free().cpuMillis).to.equal(reserved + 500n, "order 2 was lost, order 1 became our lease");
    expect(t.inventory.isHeld(`${TENANT}/1/1/1`)).to.equal(true);
    const closes = t.sent.filter((m) => m.typeUrl === "/akash.market.v1beta5.MsgCloseBid").map((m) => m.value as v1beta5.MsgCloseBid);
    expect(closes.map((c) => [c.id!.dseq.toString(), c.reason])).to.deep.equal([["2", 10002]]);
  });

  it("does not close a bid the chain no longer holds open (lost and refunded already, or our lease not seen yet)", async () => {
    const t = setup();
    t.setOrders([order(1)]);
    await t.engine.scan(new Set());
    await settle();
    t.setOpenBids(() => []);
    t.setOrders([]);
    await t.engine.scan(new Set());
    await settle();
    expect(t.sent.map((m) => m.typeUrl)).to.deep.equal(["/akash.market.v1beta5.MsgCreateBid"]);
    expect(t.engine.orders).to.equal(0);
  });

  it("withdraws bids after the bid timeout, and never with the timeout disabled", async () => {
    const t = setup(1);
    t.setOrders([order(1)]);
    await t.engine.scan(new Set());
    await settle();
    t.engine.expire(new Set());
    await settle();
    expect(t.sent.map((m) => m.typeUrl)).to.deep.equal(["/akash.market.v1beta5.MsgCreateBid", "/akash.market.v1beta5.MsgCloseBid"]);
    expect((t.sent[1].value as v1beta5.MsgCloseBid).reason).to.equal(10002);
    const never = setup(0);
    never.setOrders([order(1)]);
    await never.engine.scan(new Set());
    await settle();
    never.engine.expire(new Set());
    await settle();
    expect(never.sent).to.have.length(1);
  });

  it("does not bid while the no-bids fault is on, and catches up when it is off", async () => {
    const t = setup();
    t.faults.noBids = true;
    t.setOrders([order(1)]);
    await t.engine.scan(new Set());
    await settle();
    expect(t.sent).to.have.length(0);
    t.faults.noBids = false;
    await t.engine.scan(new Set());
    await settle();
    expect(t.sent).to.have.length(1);
  });
});
