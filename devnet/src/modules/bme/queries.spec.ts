import { expect } from "chai";
import { testChain } from "../registry-kit/testing";
import { createModule } from "./index";

const owner = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";
type Records = { records: Array<{ status: number; pendingRecord?: unknown; executedRecord?: unknown }>; pagination: { nextKey: Uint8Array } };

describe("bme queries", () => {
  const chain = testChain([createModule()], { bme: { params: { minEpochBlocks: 2 } } });
  before(() => {
    chain.fund(owner, [{ denom: "uakt", amount: "100000000" }]);
    chain.nextBlock();
    chain.deliver("/akash.bme.v1.MsgMintACT", { owner, to: owner, coinsToBurn: { denom: "uakt", amount: "20000000" } });
    chain.deliver("/akash.bme.v1.MsgMintACT", { owner, to: owner, coinsToBurn: { denom: "uakt", amount: "1000000" } });
    for (let i = 0; i < 3; i++) chain.nextBlock();
    chain.deliver("/akash.bme.v1.MsgMintACT", { owner, to: owner, coinsToBurn: { denom: "uakt", amount: "30000000" } });
  });

  it("lists pending, executed and canceled records in that order, with filters and paging", () => {
    const all = chain.query<Records>("/akash.bme.v1.Query/LedgerRecords", {});
    expect(all.records.map((r) => r.status)).to.deep.equal([1, 2, 3]);
    expect(all.records[0]!.pendingRecord).to.not.equal(undefined);
    expect(all.records[1]!.executedRecord).to.not.equal(undefined);
    const executed = chain.query<Records>("/akash.bme.v1.Query/LedgerRecords", { filters: { status: "ledger_record_status_executed", source: owner } });
    expect(executed.records).to.have.length(1);
    const first = chain.query<Records>("/akash.bme.v1.Query/LedgerRecords", { pagination: { limit: 1 } });
    const rest = chain.query<Records>("/akash.bme.v1.Query/LedgerRecords", { pagination: { key: first.pagination.nextKey } });
    expect([...first.records, ...rest.records].map((r) => r.status)).to.deep.equal([1, 2, 3]);
    expect(() => chain.query("/akash.bme.v1.Query/LedgerRecords", { filters: { status: "bogus" } })).to.throw("invalid status filter value");
    expect(chain.query<Records>("/akash.bme.v1.Query/LedgerRecords", { pagination: { reverse: true } }).records.map((r) => r.status)).to.deep.equal([3, 2, 1]);
    expect(() => chain.query("/akash.bme.v1.Query/LedgerRecords", { pagination: { offset: 1 } })).to.throw("if offset is set, filter.status must be provided");
  });

  it("reports status, thresholds and the vault", () => {
    const status = chain.query<{ status: number; warnThreshold: string; haltThreshold: string; mintsAllowed: boolean }>("/akash.bme.v1.Query/Status", {});
    expect(status).to.deep.include({ status: 1, warnThreshold: "0.95", haltThreshold: "0.9", mintsAllowed: true });
    const vault = chain.query<{ vaultState: { totalMinted: unknown[]; remintCredits: unknown[] } }>("/akash.bme.v1.Query/VaultState", {});
    expect(vault.vaultState.totalMinted).to.deep.include({ denom: "uact", amount: "20000000" });
    expect(vault.vaultState.remintCredits).to.deep.equal([{ denom: "uakt", amount: "20000000" }]);
  });
});
