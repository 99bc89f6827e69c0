// akash.Deployment's check in preview, through the plugin server: unknown inputs (a password from
// random.RandomPassword, a cap from another stack) are left out, and everything known is still judged and planned.
// This is the first preview of examples/with-random: its secretEnv is unknown until the password exists.
import { expect } from "chai";
import { Deployment } from "../../sdk";
import { tenantSdl } from "../../provider/src/sdl/testing";
import { pricePerMonthUsd } from "../../provider/src/market/price";
import { CheckFailedError, makeUrn, plain, registerWithMocks, secret, startProviderServer, UNKNOWN, up, type PropertyMap, type ProviderServer } from "../harness";
import { registeredInputs } from "./support";

const SDL = tenantSdl({ price: 1000 });
const BAD_SDL = SDL.replace("profile: web", "profile: nope");
/** 1000 uact per block at the average 6.098 s block (preview has no chain to measure one). */
const ESTIMATE = Math.round(pricePerMonthUsd(1000, "uact")! * 100) / 100;

describe("akash.Deployment preview with unknown inputs (plugin server)", function () {
  this.timeout(60_000);
  const urn = makeUrn("pulumi-nodejs:dynamic/akash:Deployment", "web");
  let server: ProviderServer;
  let base: PropertyMap;

  before(async () => {
    server = await startProviderServer({ env: { ...process.env, AKASH_MNEMONIC: "", AKASH_NETWORK: "" } });
    await server.configure({ "akash:network": "devnet" });
    const { registrations } = await registerWithMocks(() => new Deployment("web", { sdl: SDL }));
    base = registeredInputs(registrations[0]);
  });
  after(async () => server?.stop());

  const inputs = (props: PropertyMap): PropertyMap => ({ ...base, ...props });
  const checked = (props: PropertyMap) => server.check(urn, {}, inputs(props), { preview: true });
  async function failures(props: PropertyMap): Promise<Array<{ property: string; reason: string }>> {
    const error = await up(server, urn, inputs(props), undefined, { preview: true }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, "preview should fail").to.be.instanceOf(CheckFailedError);
    return (error as CheckFailedError).failures;
  }

  it("fails a bad SDL although secretEnv is unknown, naming the file, line and SDL path", async () => {
    const found = await failures({ sdl: BAD_SDL, sdlPath: "deploy.yaml", secretEnv: UNKNOWN });
    expect(new Set(found.map((f) => f.property))).to.deep.equal(new Set(["sdl"]));
    expect(found.map((f) => f.reason)).to.satisfy((reasons: string[]) => reasons.some((r) => /^deploy\.yaml:\d+:\d+ deployment\.web\.dcloud\.profile/.test(r)));
  });

  it("shows estimatedMaxMonthlyUsd whenever the SDL is known, keeping the unknowns for apply", async () => {
    const withSecret = await checked({ secretEnv: secret(UNKNOWN) as never });
    expect(withSecret.failures).to.deep.equal([]);
    expect(plain(withSecret.inputs.estimatedMaxMonthlyUsd)).to.equal(ESTIMATE);
    const partialPolicy = await checked({ bidPolicy: { maxPricePerMonthUsd: UNKNOWN, minBids: 2 }, deposit: UNKNOWN });
    expect(partialPolicy.failures).to.deep.equal([]);
    expect(plain(partialPolicy.inputs.estimatedMaxMonthlyUsd)).to.equal(ESTIMATE);
    // what was unknown stays unknown; what was known gets its defaults
    expect(partialPolicy.inputs.bidPolicy).to.deep.equal({ maxPricePerMonthUsd: UNKNOWN, minBids: 2 });
    expect(partialPolicy.inputs.deposit).to.equal(UNKNOWN);
    expect(partialPolicy.inputs).to.include({ bidTimeout: 180, readyTimeout: 600 });
    const planned = await up(server, urn, inputs({ secretEnv: UNKNOWN }), undefined, { preview: true });
    expect(planned.op).to.equal("create");
    expect(plain(planned.state.outputs.estimatedMaxMonthlyUsd)).to.equal(ESTIMATE);
  });

  it("fails known bad fields next to unknown ones: a policy field, a secretEnv service, a deposit", async () => {
    const policy = await failures({ bidPolicy: { maxPricePerMonthUsd: UNKNOWN, minBids: 0 } });
    expect(policy.map((f) => f.property)).to.deep.equal(["bidPolicy"]);
    expect(policy[0].reason).to.contain("bidPolicy.minBids");
    // the service name is known even while its value is not
    const service = await failures({ secretEnv: { api: { TOKEN: UNKNOWN } } });
    expect(service).to.deep.equal([{ property: "secretEnv.api", reason: 'the SDL has no service named "api" (services: web)' }]);
    // with the SDL itself unknown, the other inputs and the policy are still judged
    expect((await failures({ sdl: UNKNOWN, deposit: 0.1 })).map((f) => f.property)).to.deep.equal(["deposit"]);
    const unknownSdlPolicy = await failures({ sdl: UNKNOWN, bidPolicy: { strategy: { weighted: { uptime: 1 } } } });
    expect(unknownSdlPolicy[0].reason).to.contain("the supported weights are price, audited, region");
  });

  it("accepts gatewayAuth while an akash.Certificate of the same up is not created yet, and judges any known part of it", async () => {
    const pending = await checked({ gatewayAuth: secret(UNKNOWN) as never });
    expect(pending.failures).to.deep.equal([]);
    expect(plain(pending.inputs.estimatedMaxMonthlyUsd)).to.equal(ESTIMATE);
    const badCert = await failures({ gatewayAuth: secret({ certPem: "not a certificate", privateKeyPem: UNKNOWN }) });
    expect(badCert.map((f) => f.property)).to.deep.equal(["gatewayAuth.certPem"]);
    expect(badCert[0].reason).to.contain("must be one PEM certificate");
  });

  it("previews an unknown SDL with good known inputs as a create, without an estimate", async () => {
    const planned = await up(server, urn, inputs({ sdl: UNKNOWN, deposit: 2, bidPolicy: { minBids: 2 } }), undefined, { preview: true });
    expect(planned.op).to.equal("create");
    expect(planned.state.outputs.estimatedMaxMonthlyUsd).to.equal(undefined);
  });
});
