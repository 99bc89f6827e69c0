/**
 * The 15 places where the official TypeScript SDK differs from Go (research sdl-sdk.md section 2.5, D1-D15):
 * the compiler follows Go in each.
 */
import { expect } from "chai";
import { compileSdl, groupSpecToJson, SdlError } from "../../provider/src/sdl";
import { sampleSdl, type SdlDoc } from "../../provider/src/sdl/testing";

const compile = (edit: (d: SdlDoc) => void) => compileSdl(sampleSdl(edit));
const resources = (d: SdlDoc) => d.profiles.compute.web.resources;

function rejects(edit: (d: SdlDoc) => void): string {
  try {
    compile(edit);
  } catch (err) {
    if (err instanceof SdlError) return err.message;
    throw err;
  }
  throw new Error("accepted");
}

describe("TS SDK divergences (D1-D15): following Go", () => {
  const shared = (version: string) => (d: SdlDoc) => {
    d.version = version;
    d.services.api = { image: "api", expose: [{ port: 3000, to: [{ global: true }] }] };
    d.deployment.api = { dc: { profile: "web", count: 1 } };
  };

  it("D1: v2.0 keeps one resource unit per service; only v2.1 shares units", () => {
    expect(compile(shared("2.0")).groups[0]!.resources).to.have.length(2);
    expect(compile(shared("2.1")).groups[0]!.resources).to.have.length(1);
  });

  it("D2: an expose without `to` becomes a non-global entry", () => {
    const c = compile((d) => d.services.web.expose.push({ port: 6379 }));
    expect(c.manifest[0]!.services[0]!.expose.map((e) => [e.port, e.global, e.service])).to.deep.include([6379, false, ""]);
  });

  it("D3: volumes are re-sorted by size", () => {
    const c = compile((d) => (resources(d).storage = [{ size: "10Gi" }, { name: "b", size: "5Gi" }]));
    expect(c.manifest[0]!.services[0]!.resources.storage!.map((s) => s.name)).to.deep.equal(["b", "default"]);
  });

  it("D4: sizes are case-sensitive, bare numbers are bytes, fractions round down", () => {
    expect(rejects((d) => (resources(d).memory.size = "1Gb"))).to.match(/"1Gb" is not a size/);
    expect(compile((d) => (resources(d).memory.size = 1073741824)).manifest[0]!.services[0]!.resources.memory!.size.val).to.equal("1073741824");
    expect(compile((d) => (resources(d).memory.size = "1.1Gi")).manifest[0]!.services[0]!.resources.memory!.size.val).to.equal("1181116006");
  });

  it("D5: CPU units are whole millicores (1.005 -> 1004)", () => {
    expect(compile((d) => (resources(d).cpu.units = 1.005)).manifest[0]!.services[0]!.resources.cpu!.units.val).to.equal("1004");
  });

  it("D6: GPU keys are sorted, ram normalised to Gi, 80G rejected, empty nvidia list is the wildcard", () => {
    const gpu = (nvidia: unknown) => (d: SdlDoc) => (resources(d).gpu = { units: 1, attributes: { vendor: { nvidia } } });
    const keys = (nvidia: unknown) => compile(gpu(nvidia)).manifest[0]!.services[0]!.resources.gpu!.attributes!.map((a) => a.key);
    expect(keys([{ model: "t4" }, { model: "a100", ram: "40960Mi" }])).to.deep.equal(["vendor/nvidia/model/a100/ram/40Gi", "vendor/nvidia/model/t4"]);
    expect(keys([])).to.deep.equal(["vendor/nvidia/model/*"]);
    expect(rejects(gpu([{ model: "a100", ram: "80G" }]))).to.match(/"80G" is not a size/);
  });

  it("D7: placement attributes sort in byte order and keep raw values", () => {
    const text = sampleSdl().replace("    dc:\n", "    dc:\n      attributes:\n        region_1: a\n        region1: b\n        Zone: c\n        apple: 1.0\n");
    const attrs = groupSpecToJson(compileSdl(text).groups[0]!).requirements.attributes!;
    expect(attrs).to.deep.equal([
      { key: "Zone", value: "c" },
      { key: "apple", value: "1.0" },
      { key: "region1", value: "b" },
      { key: "region_1", value: "a" },
    ]);
  });

  it("D8: non-global `to` entries count in leased-IP sequence numbers", () => {
    const c = compile((d) => {
      d.endpoints = { ip: { kind: "ip" } };
      d.services.web.expose = [{ port: 80, to: [{ global: true, ip: "ip" }, { service: "web" }] }];
    });
    expect(c.manifest[0]!.services[0]!.expose.find((e) => e.ip === "ip")!.endpointSequenceNumber).to.equal(2);
  });

  it("D9: v2.0 drops the registry email, v2.1 keeps it trimmed", () => {
    const creds = (version: string) =>
      compile((d) => {
        d.version = version;
        d.services.web.credentials = { host: "r.io", username: "u", password: "p", email: " a@b.c " };
      }).manifest[0]!.services[0]!.credentials!.email;
    expect([creds("2.0"), creds("2.1")]).to.deep.equal(["", "a@b.c"]);
  });

  it("D10: U+2028 and U+2029 are escaped in the hashed JSON", () => {
    expect(compile((d) => (d.services.web.args = ["a\u2028b\u2029"])).manifestJson).to.contain('"a\\u2028b\\u2029"');
  });

  it("D11: accepts what Go accepts (unknown service keys, null attributes, numeric signedBy, Tcp, yes, version 2.0, ram without persistent)", () => {
    const text = [
      "version: 2.0",
      "services:",
      "  web:",
      "    image: nginx",
      "    depends_on: [db]",
      "    expose:",
      "      - port: 80",
      "        proto: Tcp",
      "        to:",
      "          - global: yes",
      "profiles:",
      "  compute:",
      "    web:",
      "      resources:",
      "        cpu: { units: 1 }",
      "        memory: { size: 1Gi }",
      "        storage:",
      "          - size: 1Gi",
      "          - name: shm",
      "            size: 1Gi",
      "            attributes: { class: ram }",
      "  placement:",
      "    dc:",
      "      attributes:",
      "      signedBy:",
      "        anyOf: [1]",
      "      pricing:",
      "        web: { denom: uact, amount: 10 }",
      "deployment:",
      "  web:",
      "    dc: { profile: web, count: 1 }",
      "",
    ].join("\n");
    const c = compileSdl(text);
    expect(c.manifest[0]!.services[0]!.expose[0]).to.include({ proto: "TCP", global: true });
    expect(groupSpecToJson(c.groups[0]!).requirements.signed_by.any_of).to.deep.equal(["1"]);
  });

  it("D12: rejects what the provider or chain rejects (service name, env name, no global, limits, hostnames, denom)", () => {
    expect(rejects((d) => {
      [d.services.Web_Svc, d.deployment.Web_Svc] = [d.services.web, d.deployment.web];
      delete d.services.web;
      delete d.deployment.web;
    })).to.match(/service name "Web_Svc" is invalid/);
    expect(rejects((d) => (d.services.web.env = ["1BAD=x"]))).to.match(/env var name/);
    expect(rejects((d) => (d.services.web.expose[0].to = [{ service: "x" }]))).to.match(/zero global services/);
    expect(rejects((d) => (d.deployment.web.dc.count = 0))).to.match(/count must be at least 1/);
    expect(rejects((d) => (resources(d).memory.size = "10Ti"))).to.match(/invalid unit memory/);
    expect(rejects((d) => (d.services.web.expose[0].accept = ["bad_host"]))).to.match(/invalid hostname/);
    expect(rejects((d) => (resources(d).cpu.attributes = { gen: "x" }))).to.match(/unsupported cpu attribute/);
    expect(rejects((d) => (d.profiles.placement.dc.pricing.web.denom = "ufoo"))).to.match(/pricing denom "ufoo" is not accepted by the chain/);
  });

  it("D13: params without storage give storage null; proxy_buffer_size 0 is omitted", () => {
    const c = compile((d) => (d.services.web.params = { permissions: { read: ["logs"] } }));
    expect(c.manifest[0]!.services[0]!.params).to.deep.equal({ storage: null, permissions: { read: ["logs"] } });
    expect(c.manifestJson).to.not.contain("proxyBufferSize");
  });

  it("D14: read_timeout above 60 s is rejected", () => {
    expect(rejects((d) => (d.services.web.expose[0].http_options = { read_timeout: 500000 }))).to.match(/read timeout cannot be greater than 60000/);
  });

  it("D15: resource unit ids are numbered 1..N and endpoints are lists (no akashjs string concatenation)", () => {
    const c = compile(shared("2.0"));
    expect(c.groups[0]!.resources.map((u) => u.resource!.id)).to.deep.equal([1, 2]);
    expect(c.groups[0]!.resources[1]!.resource!.endpoints).to.be.an("array").with.length(1);
  });
});
