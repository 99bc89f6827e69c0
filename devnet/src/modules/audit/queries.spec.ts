import { expect } from "chai";
import { testChain } from "../registry-kit/testing";
import { createModule } from "./index";

const owner = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";
const auditorA = "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq7cdc78";
const auditorB = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";
type Res = { providers: Array<{ owner: string; auditor: string }>; pagination?: { nextKey: Uint8Array } };

describe("audit queries", () => {
  const chain = testChain([createModule()]);
  before(() => {
    for (const auditor of [auditorA, auditorB]) chain.deliver("/akash.audit.v1.MsgSignProviderAttributes", { owner, auditor, attributes: [{ key: "k1", value: auditor }] });
  });

  it("filters by provider, auditor and the pair", () => {
    expect(chain.query<Res>("/akash.audit.v1.Query/ProviderAttributes", { owner }).providers.map((p) => p.auditor)).to.deep.equal([auditorA, auditorB]);
    expect(chain.query<Res>("/akash.audit.v1.Query/AuditorAttributes", { auditor: auditorB }).providers).to.have.length(1);
    expect(chain.query<Res>("/akash.audit.v1.Query/ProviderAuditorAttributes", { owner, auditor: auditorA }).providers[0]).to.deep.include({ owner, auditor: auditorA });
  });

  it("pages every record", () => {
    const first = chain.query<Res>("/akash.audit.v1.Query/AllProvidersAttributes", { pagination: { limit: 1 } });
    const second = chain.query<Res>("/akash.audit.v1.Query/AllProvidersAttributes", { pagination: { key: first.pagination!.nextKey } });
    expect([...first.providers, ...second.providers].map((p) => p.auditor)).to.deep.equal([auditorA, auditorB]);
  });

  it("fails with the node's errors", () => {
    expect(() => chain.query("/akash.audit.v1.Query/ProviderAttributes", { owner: "x" })).to.throw().that.deep.includes({ codespace: "sdk", code: 18 });
    expect(() => chain.query("/akash.audit.v1.Query/ProviderAttributes", { owner: auditorA })).to.throw().that.deep.includes({ codespace: "sdk", code: 22 });
  });
});
