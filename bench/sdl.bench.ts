/**
 * SDL compile time: median over repeated compiles of the largest awesome-akash corpus SDL and of a generated
 * 50-service SDL (targets: under 5 ms and 50 ms). Prints numbers only.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import { compileSdl } from "../provider/src/sdl";

function repoRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, "package.json"))) dir = dirname(dir);
  return dir;
}

function generated(services: number): string {
  const doc: Record<string, any> = { version: "2.0", services: {}, profiles: { compute: {}, placement: { dc: { attributes: { region: "us-west" }, pricing: {} } } }, deployment: {} }; // eslint-disable-line @typescript-eslint/no-explicit-any
  for (let i = 0; i < services; i++) {
    const name = `svc-${i}`;
    doc.services[name] = {
      image: `example/app-${i}:1.0`,
      env: [`INDEX=${i}`, "MODE=production"],
      expose: [{ port: 8080, as: 80, accept: [`app${i}.example.com`], to: [{ global: true }] }, { port: 9000 + i, to: [{ service: `svc-${(i + 1) % services}` }] }],
      params: { storage: { data: { mount: "/data" } } },
    };
    doc.profiles.compute[name] = {
      resources: { cpu: { units: 0.5 }, memory: { size: "512Mi" }, storage: [{ size: "1Gi" }, { name: "data", size: "10Gi", attributes: { persistent: true, class: "beta2" } }] },
    };
    doc.profiles.placement.dc.pricing[name] = { denom: "uact", amount: 100 };
    doc.deployment[name] = { dc: { profile: name, count: 1 } };
  }
  return stringify(doc);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median wall-clock and CPU milliseconds per compile (CPU time is less disturbed by a busy machine). */
function measure(text: string, runs: number): string {
  for (let i = 0; i < 20; i++) compileSdl(text);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const startCpu = process.cpuUsage();
    compileSdl(text);
    const used = process.cpuUsage(startCpu);
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    cpu.push((used.user + used.system) / 1000);
  }
  return `median ${median(wall).toFixed(3)} ms (cpu ${median(cpu).toFixed(3)} ms)`;
}

const corpus = join(repoRoot(__dirname), "..", "shared", "akash", "fixtures", "sdl-corpus");
const largest = readdirSync(corpus)
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => join(corpus, f))
  .sort((a, b) => statSync(b).size - statSync(a).size)[0]!;

console.log(`largest corpus SDL (${largest.split("/").pop()}): ${measure(readFileSync(largest, "utf8"), 200)}`);
console.log(`generated 50-service SDL: ${measure(generated(50), 50)}`);
