import { expect } from "chai";
import { IssueList } from "./errors";
import { endpointSequenceNumbers, exposeEndpoints, manifestExposes } from "./expose";
import { parseYaml } from "./parse";
import { sdlSchema } from "./schema";
import { sampleSdl, type SdlDoc } from "./testing";

function sdlOf(edit: (d: SdlDoc) => void) {
  return sdlSchema.parse(parseYaml(sampleSdl(edit)).root);
}

describe("sdl/expose", () => {
  it("numbers leased IPs over sorted `to.ip`, counting non-global `to` entries as \"\" (Go v2.go)", () => {
    const sdl = sdlOf((d) => {
      d.services.web.expose = [
        { port: 80, to: [{ global: true, ip: "b" }, { service: "db" }] },
        { port: 81, to: [{ global: true, ip: "a" }, { global: true }] },
      ];
    });
    expect([...endpointSequenceNumbers(sdl)]).to.deep.equal([["", 1], ["a", 2], ["b", 3]]);
  });

  it("emits a non-global entry for an expose without `to`, and one entry per `to`, in Go's order", () => {
    const sdl = sdlOf((d) => {
      d.services.web.expose = [{ port: 6379 }, { port: 80, accept: ["a.example.com"], to: [{ global: true }, { service: "api" }] }];
    });
    const issues = new IssueList();
    const exposes = manifestExposes(sdl.services.web!.expose, new Map(), ["services", "web", "expose"], issues);
    expect(issues.issues).to.deep.equal([]);
    expect(exposes.map((e) => [e.service, e.port, e.global, e.hosts])).to.deep.equal([
      ["", 80, true, ["a.example.com"]],
      ["", 6379, false, null],
      ["api", 80, false, ["a.example.com"]],
    ]);
    expect(exposeEndpoints(exposes)).to.deep.equal([{ sequence_number: 0 }]);
  });

  it("applies HTTP option defaults and rejects values over Go's limits", () => {
    const sdl = sdlOf((d) => {
      d.services.web.expose[0].http_options = { max_body_size: 104857601, read_timeout: 70000, next_cases: ["off", "error"], proxy_buffer_size: 4096 };
    });
    const issues = new IssueList();
    const [e] = manifestExposes(sdl.services.web!.expose, new Map(), ["services", "web", "expose"], issues);
    expect(issues.issues.map((i) => i.path)).to.deep.equal([
      "services.web.expose[0].http_options.max_body_size",
      "services.web.expose[0].http_options.read_timeout",
      "services.web.expose[0].http_options.next_cases",
    ]);
    expect(e!.httpOptions.sendTimeout).to.equal(60000);
    expect(e!.httpOptions.proxyBufferSize).to.equal(4096);
  });

  it("classifies endpoints: TCP 80 is shared HTTP, others random ports, plus leased IPs", () => {
    const sdl = sdlOf((d) => {
      d.services.web.expose = [{ port: 8080, as: 80, to: [{ global: true }] }, { port: 53, proto: "udp", to: [{ global: true, ip: "ip1" }] }];
      d.endpoints = { ip1: { kind: "ip" } };
    });
    const exposes = manifestExposes(sdl.services.web!.expose, endpointSequenceNumbers(sdl), [], new IssueList());
    expect(exposeEndpoints(exposes)).to.deep.equal([{ kind: 1, sequence_number: 0 }, { kind: 2, sequence_number: 1 }, { sequence_number: 0 }]);
  });
});
