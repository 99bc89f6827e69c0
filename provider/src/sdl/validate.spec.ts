import { expect } from "chai";
import { compileSdl } from "./compile";
import { SdlError } from "./errors";
import { isValidHostname } from "./validate";
import { sampleSdl, type SdlDoc } from "./testing";

function problems(edit: (d: SdlDoc) => void): string[] {
  try {
    compileSdl(sampleSdl(edit));
  } catch (err) {
    if (err instanceof SdlError) return err.issues.map((i) => `${i.path}: ${i.message}`);
    throw err;
  }
  return [];
}

const resources = (d: SdlDoc) => d.profiles.compute.web.resources;

describe("sdl/validate", () => {
  it("accepts the sample", () => {
    expect(problems(() => undefined)).to.deep.equal([]);
  });

  it("rejects names the provider rejects: service names and env var names", () => {
    expect(problems((d) => {
      d.services.Web_Svc = d.services.web;
      delete d.services.web;
      d.deployment.Web_Svc = d.deployment.web;
      delete d.deployment.web;
    })).to.include('services.Web_Svc: service name "Web_Svc" is invalid');
    expect(problems((d) => (d.services.web.env = ["OK=1", "1BAD-NAME=x"]))).to.deep.equal(['services.web.env[1]: env var name "1BAD-NAME" is invalid']);
  });

  it("rejects bad and duplicated hostnames (DNS-1123, unique across the manifest)", () => {
    expect(problems((d) => (d.services.web.expose[0].accept = ["Example.com"]))[0]).to.match(/accept\[0\]: invalid hostname/);
    expect(problems((d) => (d.services.web.expose[0].accept = ["a.example.com", "a.example.com"]))).to.deep.equal([
      'services.web.expose[0].accept[1]: hostname "a.example.com" is duplicated, this is not allowed',
    ]);
    expect(isValidHostname("www.example.com")).to.equal(true);
    expect(isValidHostname("example.com/path")).to.equal(false);
  });

  it("rejects an SDL without any global service", () => {
    expect(problems((d) => (d.services.web.expose[0].to = [{ service: "x" }]))).to.deep.equal(["services: invalid manifest: zero global services"]);
  });

  it("enforces the chain's per-unit and group limits", () => {
    expect(problems((d) => (resources(d).cpu.units = "5m"))[0]).to.match(/cpu\.units: invalid unit CPU/);
    expect(problems((d) => (resources(d).cpu.units = 385))[0]).to.match(/invalid unit CPU/);
    expect(problems((d) => (resources(d).memory.size = "3Ti"))[0]).to.match(/memory\.size: invalid unit memory/);
    expect(problems((d) => (resources(d).storage.size = "1Mi"))[0]).to.match(/invalid unit storage/);
    expect(problems((d) => (resources(d).gpu = { units: 25, attributes: { vendor: { nvidia: null } } }))[0]).to.match(/invalid unit GPU/);
    expect(problems((d) => {
      resources(d).cpu.units = 50;
      d.deployment.web.dc.count = 500;
    }).join("\n")).to.match(/invalid total CPU/);
    expect(problems((d) => (d.profiles.placement.dc.pricing.web.amount = 10000001))[0]).to.match(/invalid unit price/);
  });

  it("rejects references to undefined profiles, placements and services, and missing pricing", () => {
    expect(problems((d) => (d.deployment.web.dc.profile = "nope"))).to.include("deployment.web.dc.profile: no compute profile named nope");
    expect(problems((d) => (d.deployment.web.other = { profile: "web", count: 1 }))).to.include("deployment.web.other: no placement profile named other");
    expect(problems((d) => (d.deployment.api = { dc: { profile: "web", count: 1 } }))).to.include("deployment.api: no service named api");
  });

  it("treats names like constructor and toString as undefined unless the SDL defines them", () => {
    expect(problems((d) => {
      d.deployment.web = { constructor: { profile: "toString", count: 1 } };
      d.services.web.expose[0].to = [{ global: true, ip: "valueOf" }];
    })).to.deep.equal([
      'services.web.expose[0].to[0].ip: no endpoint named "valueOf" exists',
      "deployment.web.constructor: no placement profile named constructor",
      "deployment.web.constructor.profile: no compute profile named toString",
    ]);
  });

  it("checks IP endpoints: declared, of kind ip, used, without port collisions", () => {
    expect(problems((d) => (d.services.web.expose[0].to = [{ global: true, ip: "lb" }]))).to.include('services.web.expose[0].to[0].ip: no endpoint named "lb" exists');
    expect(problems((d) => (d.endpoints = { lb: { kind: "ip" } }))).to.include('endpoints.lb: endpoint "lb" declared but never used');
    expect(problems((d) => {
      d.endpoints = { lb: { kind: "ip" } };
      d.services.web.expose = [
        { port: 80, as: 80, to: [{ global: true, ip: "lb" }] },
        { port: 81, as: 80, to: [{ global: true, ip: "lb" }] },
      ];
    }).join("\n")).to.match(/already in use by service "web"/);
  });

  it("checks leased-IP ports per (service, placement) like Go: one service in two placements collides with itself", () => {
    const twoPlacements = (d: SdlDoc) => {
      d.endpoints = { lb: { kind: "ip" } };
      d.services.web.expose[0].to = [{ global: true, ip: "lb" }];
      d.profiles.placement.dc2 = d.profiles.placement.dc;
      d.deployment.web.dc2 = { profile: "web", count: 1 };
    };
    expect(problems(twoPlacements)).to.deep.equal([
      'services.web.expose[0].to[0]: IP endpoint "lb" port 80 (as: 80, proto: "") is already in use by service "web" in placement dc',
    ]);
  });

  it("keys leased-IP port collisions by the proto as written, like Go (udp and UDP do not collide, but warn)", () => {
    const twoServices = (api: string, web: string) => (d: SdlDoc) => {
      d.endpoints = { lb: { kind: "ip" } };
      d.services.web.expose.push({ port: 53, as: 53, proto: web, to: [{ global: true, ip: "lb" }] });
      d.services.api = { image: "api:1", expose: [{ port: 53, as: 53, proto: api, to: [{ global: true, ip: "lb" }] }] };
      d.deployment.api = { dc: { profile: "web", count: 1 } };
    };
    expect(problems(twoServices("udp", "udp"))).to.deep.equal([
      'services.web.expose[1].to[0]: IP endpoint "lb" port 53 (as: 53, proto: "udp") is already in use by service "api"',
    ]);
    const c = compileSdl(sampleSdl(twoServices("udp", "UDP")));
    expect(c.warnings.join("\n")).to.match(/port 53\/UDP of IP endpoint "lb" is also exposed by service api/);
  });

  it("has no group storage total (the chain never sums storage), only the per-volume limit", () => {
    expect(problems((d) => {
      resources(d).storage.size = "32Ti";
      d.deployment.web.dc.count = 51;
    })).to.deep.equal([]);
    expect(problems((d) => (resources(d).storage.size = "33Ti"))[0]).to.match(/invalid unit storage/);
  });

  it("does not re-report references to entries that failed to decode, nor their consequences", () => {
    expect(problems((d) => (resources(d).cpu.units = "abc"))).to.deep.equal([
      'profiles.compute.web.resources.cpu.units: "abc" is not a number of CPUs (expected e.g. 0.5 or 500m)',
    ]);
    expect(problems((d) => (d.services.web.expose = "80"))).to.deep.equal(["services.web.expose: must be a list"]);
    expect(problems((d) => {
      d.endpoints = { lb: { kind: ["ip"] } };
      d.services.web.expose[0].to = [{ global: true, ip: "lb" }];
    })).to.deep.equal(["endpoints.lb.kind: must be a text value, not a list"]);
    // A missing profile is reported once: not also as missing pricing or missing volumes.
    expect(problems((d) => {
      d.deployment.web.dc.profile = "nope";
      d.services.web.params = { storage: { data: { mount: "/data" } } };
    })).to.deep.equal(["deployment.web.dc.profile: no compute profile named nope"]);
  });

  it("checks volume mounts and the v2.1 read-only ram rule", () => {
    const withVolumes = (version: string, params: object) => (d: SdlDoc) => {
      d.version = version;
      resources(d).storage = [{ size: "1Gi" }, { name: "shm", size: "1Gi", attributes: { class: "ram" } }];
      d.services.web.params = { storage: params };
    };
    expect(problems(withVolumes("2.1", { shm: { mount: "/dev/shm", readOnly: true } }))[0]).to.match(/readOnly=true is not allowed/);
    expect(problems(withVolumes("2.0", { shm: { mount: "/dev/shm", readOnly: true } }))).to.deep.equal([]);
    expect(problems(withVolumes("2.1", { shm: { mount: "/a" }, default: { mount: "/a" } }))[0]).to.match(/duplicated mount point/);
    expect(problems(withVolumes("2.1", { data: { mount: "/data" } }))[0]).to.match(/no-existing compute volume named "data"/);
  });

  it("warns about uakt/ibc pricing and rejects other denoms", () => {
    expect(compileSdl(sampleSdl((d) => (d.profiles.placement.dc.pricing.web.denom = "uakt"))).warnings.join("\n")).to.match(/only accepts uact/);
    expect(problems((d) => (d.profiles.placement.dc.pricing.web.denom = "ufoo"))).to.deep.equal(['profiles.placement: pricing denom "ufoo" is not accepted by the chain']);
  });
});
