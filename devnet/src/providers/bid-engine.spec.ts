import { expect } from "chai";
import * as v1beta5 from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import type { EncodeObject } from "@cosmjs/proto-signing";
import { BidEngine, type EngineFaults } from "./bid-engine";
import type { ChainClient } from "./chain";
import { defaultProviderConfigs, providerAttributes } from "./config";
import { groupSpec } from "./fixtures";
import { Inventory } from "./inventory";

const PROVIDER = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";
const TENANT = "akash1vk44dry4cn6xyg3jgyjqflentr7rv8z29pwqta";

function order(dseq: number, spec = groupSpec({})): v1beta5.Order {
  return v1beta5.Order.fromPartial({ id: { owner: TENANT, dseq, gseq: 1, oseq: 1 }, state: 1, spec });
}

function setup(bidTimeoutMs = 60_000) {
  const config = defaultProviderConfigs()[2]; // sim-us-east
  const sent: EncodeObject[] = [];
  let orders: v1beta5.Order[] = [];
  const chain = {
    address: PROVIDER,
    openOrders: async () => orders,
    auditorAttributes: async () => [],
    marketParams: async () => v1beta5.QueryParamsResponse.fromPartial({ params: { bidMinDeposits: [{ denom: "uact", amount: "500000" }, { denom: "uakt", amount: "500000" }] } }),
    txs: { submit: async (m: EncodeObject) => void sent.push(m) },
  } as unknown as ChainClient;
  const inventory = new Inventory(config.capacity);
  const faults: EngineFaults = { noBids: false, slowBidsMs: 0, offline: false };
  const engine = new BidEngine(chain, config, providerAttributes(config), inventory, bidTimeoutMs, faults, () => undefined);
  return { engine, sent, inventory, faults, setOrders: (o: v1beta5.Order[]) => (orders = o) };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

describe("providers/bid-engine", () => {
  it("bids once on each matching order, with a deposit in the order's denom and the group's resources", async () => {
    const t = setup();
    await t.engine.init();
    t.setOrders([order(1), order(2, groupSpec({ attributes: [{ key: "region", value: "mars" }] }))]);
    await t.engine.scan(new Set());
    await settle();
    await t.engine.scan(new Set());
    await settle();
    expect(t.sent).to.have.length(1);
    expect(t.sent[0].typeUrl).to.equal("/akash.market.v1beta5.MsgCreateBid");
    const bid = t.sent[0].value as v1beta5.MsgCreateBid;
    expect(bid.id).to.deep.include({ owner: TENANT, gseq: 1, oseq: 1, provider: PROVIDER, bseq: 0 });
    expect(bid.deposit!.amount).to.deep.equal({ denom: "uact", amount: "500000" });
    expect(bid.resourcesOffer.map((o) => o.count)).to.deep.equal([1]);
    expect(t.engine.orders).to.equal(1);
  });

  it("frees the reservation when the order goes away without a lease, keeps it for a won lease", async () => {
    const t = setup();
    t.setOrders([order(1), order(2)]);
    await t.engine.scan(new Set());
    await settle();
    const reserved = t.inventory.free().cpuMillis;
    t.setOrders([]);
    await t.engine.scan(new Set([`${TENANT}/1/1/1`]));
    expect(t.inventory.free().cpuMillis).to.equal(reserved + 500n, "order 2 was lost, order 1 became our lease");
    expect(t.inventory.isHeld(`${TENANT}/1/1/1`)).to.equal(true);
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
