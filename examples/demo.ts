// make demo: the web-app example on a fresh local devnet, driven exactly as `pulumi up` drives it (Pulumi's own
// dynamic-provider plugin server over gRPC, the program's registered inputs), then updated in place and
// destroyed. Prints the URL, what it answers, and the refunded escrow.
import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { startDevnet } from "../devnet/src";
import { destroy, makeUrn, plain, registerExample, secret, startProviderServer, up, type PropertyMap } from "../test/harness";

const say = (line = "") => console.log(line);

function get(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve(body.trim()));
      })
      .on("error", reject);
  });
}

/** The inputs `pulumi up` would register for the example's Deployment, with project config `image`. */
async function webappInputs(image?: string): Promise<PropertyMap> {
  // As in preview: the resource's outputs are unknown, so the program's exports do not run yet.
  const { registrations } = await registerExample("webapp", image ? { image } : {}, { preview: true });
  const web = registrations.find((r) => r.type === "pulumi-nodejs:dynamic/akash:Deployment")!;
  return Object.fromEntries(Object.entries(web.inputs).filter(([, v]) => v !== undefined)) as PropertyMap;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-akash-demo-"));
  say("== starting the local Akash devnet (chain + 4 simulated providers)");
  const devnet = await startDevnet({ dataDir, port: 0, restPort: 0, blockTimeMs: 500, quiet: true });
  const server = await startProviderServer({
    cwd: path.join(__dirname, "..", "..", "examples", "webapp"),
    timeoutMs: 600_000,
    onLog: (line) => line.text.startsWith("akash.") && say(`   | ${line.text}`),
  });
  try {
    say(`   rpc ${devnet.rpcUrl}, chain ${devnet.chainId}, wallet ${devnet.demoAddress}`);
    await server.configure({
      "akash:network": "devnet",
      "akash:rpcEndpoint": devnet.rpcUrl,
      "akash:chainId": devnet.chainId,
      "akash:auditor": devnet.auditorAddress,
      "akash:mnemonic": secret(devnet.demoMnemonic),
    });
    const urn = makeUrn("pulumi-nodejs:dynamic/akash:Deployment", "web");

    say("\n== pulumi up: examples/webapp");
    const first = await up(server, urn, await webappInputs());
    const outs = plain(first.state.outputs) as any;
    const url = `http://${outs.uris.web[0]}`;
    say(`   dseq ${outs.dseq}, provider ${outs.leases[0].provider}, $${outs.leases[0].pricePerMonthUsd}/month`);
    say(`   url: ${url}`);
    say(`   curl ${url}\n   > ${(await get(url)).split("\n").join("\n   > ")}`);

    say("\n== pulumi config set image nginxdemos/hello:plain-text && pulumi up (in place)");
    const second = await up(server, urn, await webappInputs("nginxdemos/hello:plain-text"), first.state);
    const outs2 = plain(second.state.outputs) as any;
    say(`   ${second.op}: same dseq ${outs2.dseq}, manifest version ${String(outs2.version).slice(0, 16)}...`);
    say(`   curl ${url}\n   > ${(await get(`http://${outs2.uris.web[0]}`)).split("\n").join("\n   > ")}`);

    say("\n== pulumi destroy");
    await destroy(server, second.state);
    await server.flushLogs();
    const refund = /escrow refund ([\d.]+) ACT/.exec(server.logText());
    say(`   deployment ${outs2.dseq} closed; refunded escrow: ${refund ? refund[1] : "?"} ACT`);
    say(`   leaked secrets in plugin output: ${(await server.leakedInLogs([devnet.demoMnemonic])).length}`);
  } finally {
    await server.stop();
    await devnet.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
