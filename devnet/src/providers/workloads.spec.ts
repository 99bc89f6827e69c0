import { expect } from "chai";
import * as net from "node:net";
import { parityCase } from "./fixtures";
import { parseManifest } from "./manifest-check";
import { LeaseWorkload } from "./workloads";

async function get(uri: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://${uri}/`);
  return { status: res.status, text: await res.text() };
}

function readTcp(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(port, "127.0.0.1");
    socket.on("data", (c) => chunks.push(c));
    socket.on("end", () => resolve(Buffer.concat(chunks).toString()));
    socket.on("error", reject);
  });
}

describe("providers/workloads", () => {
  const workloads: LeaseWorkload[] = [];
  afterEach(async () => {
    await Promise.all(workloads.splice(0).map((w) => w.stop()));
  });

  function workload(stepMs: number, stalled?: () => boolean): LeaseWorkload {
    const w = new LeaseWorkload("akash1owner/5/1/1", "sim-test", stepMs, () => "203.0.113.9", stalled);
    workloads.push(w);
    return w;
  }

  it("serves each global HTTP exposure on loopback and reports it as the service URI", async () => {
    const [group] = parseManifest(parityCase("v2.0", "simple").manifestJson).groups;
    const w = workload(0);
    await w.apply(group);
    const status = w.status();
    expect(Object.keys(status.services)).to.deep.equal(["web"]);
    expect(status.services.web).to.deep.include({ name: "web", available: 2, total: 2, replicas: 2, ready_replicas: 2, observed_generation: 1 });
    expect(status.services.web.uris).to.have.length(1);
    expect(status.services.web.uris![0]).to.match(/^127\.0\.0\.1:\d+$/);
    const res = await get(status.services.web.uris![0]);
    expect(res.status).to.equal(200);
    expect(res.text).to.contain("service web running image nginx").and.contain("akash1owner/5/1/1");
    // the UDP 12345 exposure is a forwarded port
    expect(status.forwarded_ports!.web).to.have.length(1);
    expect(status.forwarded_ports!.web[0]).to.deep.include({ host: "127.0.0.1", port: 12345, proto: "UDP", name: "web" });
    expect(status.ips).to.equal(null);
  });

  it("answers 503 until a replica is ready, then serves; an update restarts into the new image", async () => {
    const [group] = parseManifest(parityCase("v2.0", "simple").manifestJson).groups;
    const w = workload(60_000);
    await w.apply(group, Date.now());
    const uri = w.status().services.web.uris![0];
    expect((await get(uri)).status).to.equal(503);
    const w2 = workload(0);
    await w2.apply(group);
    const uri2 = w2.status().services.web.uris![0];
    expect((await get(uri2)).text).to.contain("image nginx (generation 1)");
    const updated = { ...group, services: group.services!.map((s) => ({ ...s, image: "nginx:1.27" })) };
    await w2.apply(updated);
    expect(w2.status().services.web.observed_generation).to.equal(2);
    expect(w2.status().services.web.uris).to.deep.equal([uri2], "the URI survives an update");
    expect((await get(uri2)).text).to.contain("image nginx:1.27 (generation 2)");
  });

  it("while stalled (the never-ready fault) reports no replica available however long it waits, and serves once cleared", async () => {
    const [group] = parseManifest(parityCase("v2.0", "simple").manifestJson).groups;
    let stalled = true;
    const w = workload(0, () => stalled);
    await w.apply(group, Date.now() - 3_600_000);
    const web = w.status().services.web;
    expect(web).to.deep.include({ replicas: 2, total: 2, available: 0, ready_replicas: 0, available_replicas: 0 });
    expect((await get(web.uris![0])).status).to.equal(503);
    stalled = false;
    expect(w.status().services.web).to.deep.include({ available: 2, available_replicas: 2 });
    expect((await get(web.uris![0])).status).to.equal(200);
  });

  it("lists TCP forwarded ports and leased IPs in the Go status shape", async () => {
    const [group] = parseManifest(parityCase("v2.0", "ip-endpoint").manifestJson).groups;
    const w = workload(0);
    await w.apply(group);
    const status = w.status();
    expect(status.ips).to.not.equal(null);
    const [service] = Object.keys(status.ips!);
    expect(status.ips![service][0]).to.have.all.keys("Port", "ExternalPort", "Protocol", "IP");
    expect(status.ips![service][0].IP).to.equal("203.0.113.9");
    const tcp = Object.values(status.forwarded_ports ?? {}).flat().find((p) => p.proto === "TCP");
    if (!tcp) return expect.fail("the global 443 exposure should be a forwarded TCP port");
    expect(await readTcp(tcp.externalPort)).to.contain(`service ${tcp.name} running`);
  });
});
