import { expect } from "chai";
import { IssueList } from "./errors";
import { endpointSequenceNumbers, exposeEndpoints, manifestExposes } from "./expose";
import { parsedSdl, sampleSdl, type SdlDoc } from "./testing";

function sdlOf(edit: (d: SdlDoc) => void) {
  return parsedSdl(sampleSdl(edit));
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

  it("orders 14 exposes that tie on (service, port, proto, global) the way Go's sort.Sort (pdqsort) does", () => {
    // Ports 7000-7006 twice each: once on the shared ingress (as = port), once on a leased IP (as = port + 1000).
    const plain = [7001, 7005, 7006, 7003, 7004];
    const leased = [7002, 7006, 7004];
    const sdl = sdlOf((d) => {
      d.endpoints = { myip: { kind: "ip" } };
      d.services.web.expose = [
        ...plain.map((port) => ({ port, as: port, proto: "udp", to: [{ global: true }] })),
        ...leased.map((port) => ({ port, as: port + 1000, proto: "udp", to: [{ global: true, ip: "myip" }] })),
        { port: 7000, as: 7000, proto: "udp", to: [{ global: true }] },
        ...[7000, 7005, 7003, 7001].map((port) => ({ port, as: port + 1000, proto: "udp", to: [{ global: true, ip: "myip" }] })),
        { port: 7002, as: 7002, proto: "udp", to: [{ global: true }] },
      ];
    });
    const exposes = manifestExposes(sdl.services.web!.expose, endpointSequenceNumbers(sdl), [], new IssueList());
    // The order hand-traced in ./pdqsort.spec.ts; a stable sort would put 7001 before 8001 and 7004 before 8004.
    expect(exposes.map((e) => e.externalPort)).to.deep.equal([7000, 8000, 8001, 7001, 7002, 8002, 7003, 8003, 8004, 7004, 8005, 7005, 8006, 7006]);
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
