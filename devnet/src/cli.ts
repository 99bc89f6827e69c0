/**
 * `pulumi-akash devnet`: runs the devnet in the foreground until SIGINT/SIGTERM (every committed block
 * is on disk when it exits) and prints a one-screen summary of how to reach it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { demoMnemonic, parseAccountArg, parseDevnetConfig } from "./config";
import { startDevnet, type Devnet, type DevnetOptions } from "./index";

const usage = `usage: pulumi-akash devnet [options]

  --data-dir <dir>        chain data directory (default .devnet/ in the current directory)
  --port <port>           CometBFT RPC port on 127.0.0.1 (default 26657)
  --rest-port <port>      REST (grpc-gateway style) port (default 1317)
  --block-time <ms>       block interval (default 1000; mainnet is about 6000)
  --chain-id <id>         chain id of a new chain (default akash-devnet-1)
  --min-gas-price <p>     validator minimum gas price (default 0.0025uakt)
  --account <m-or-a>=<coins>
                          fund a mnemonic or akash1... address at genesis, e.g.
                          --account akash1...=1000000000uakt,50000000uact (repeatable)
  --config <file>         devnet config (JSON or YAML: chainId, blockTimeMs, accounts, modules...)
  --no-providers          run the chain without simulated providers
  --reset                 wipe the data directory and start a new chain
  -h, --help              show this help`;

export interface CliArgs {
  options: DevnetOptions;
  configFile?: string;
}

export function parseDevnetArgs(args: string[]): CliArgs | "help" {
  const options: DevnetOptions = { dataDir: ".devnet", port: 26657, restPort: 1317, accounts: [] };
  let configFile: string | undefined;
  const value = (i: number, flag: string): string => {
    const v = args[i + 1];
    if (v === undefined || v.startsWith("--")) throw new Error(`${flag} needs a value`);
    return v;
  };
  const int = (text: string, flag: string): number => {
    if (!/^\d+$/.test(text)) throw new Error(`${flag} must be a non-negative integer, got "${text}"`);
    return Number(text);
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf("=");
    const [flag, inline] = arg.startsWith("--") && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const next = () => inline ?? value(i++, flag);
    switch (flag) {
      case "-h":
      case "--help":
        return "help";
      case "--data-dir":
        options.dataDir = next();
        break;
      case "--port":
        options.port = int(next(), flag);
        break;
      case "--rest-port":
        options.restPort = int(next(), flag);
        break;
      case "--block-time":
        options.blockTimeMs = int(next(), flag);
        break;
      case "--chain-id":
        options.chainId = next();
        break;
      case "--min-gas-price":
        options.minGasPrice = next();
        break;
      case "--account":
        options.accounts!.push(parseAccountArg(next()));
        break;
      case "--config":
        configFile = next();
        break;
      case "--no-providers":
        options.providers = false;
        break;
      case "--reset":
        options.reset = true;
        break;
      default:
        throw new Error(`unknown option "${arg}"`);
    }
  }
  return { options, configFile };
}

/** Merges a config file under the command line (flags win). */
function withConfigFile(options: DevnetOptions, file: string): DevnetOptions {
  const text = fs.readFileSync(file, "utf8");
  const raw = file.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  const config = parseDevnetConfig(raw, path.resolve(file));
  return {
    ...options,
    chainId: options.chainId ?? config.chainId,
    blockTimeMs: options.blockTimeMs ?? config.blockTimeMs,
    minGasPrice: options.minGasPrice ?? config.minGasPrice,
    demoMnemonic: config.demo.mnemonic,
    auditorMnemonic: config.auditor.mnemonic,
    accounts: [...config.accounts, ...(options.accounts ?? [])],
    genesis: config.modules,
  };
}

export function summary(devnet: Devnet, dataDir: string): string {
  const mnemonic = devnet.demoMnemonic === demoMnemonic ? devnet.demoMnemonic : "(from your config; not printed)";
  const lines = [
    "Akash devnet is running",
    `  chain id      ${devnet.chainId}`,
    `  RPC           ${devnet.rpcUrl}   (CometBFT 0.38 JSON-RPC, for cosmjs)`,
    `  REST          ${devnet.restUrl ?? "(off)"}`,
    `  data dir      ${path.resolve(dataDir)}`,
    `  demo account  ${devnet.demoAddress}`,
    `  demo mnemonic ${mnemonic}`,
    `  auditor       ${devnet.auditorAddress}`,
  ];
  const providers = devnet.providers?.providers ?? [];
  if (providers.length > 0) {
    lines.push("  providers");
    const width = Math.max(...providers.map((p) => p.name.length));
    for (const p of providers) lines.push(`    ${p.name.padEnd(width)}  ${p.address}  ${p.hostUri}`);
  }
  lines.push("", "Press Ctrl+C to stop (state is kept; --reset starts over).");
  return lines.join("\n");
}

export async function devnetCommand(args: string[]): Promise<number> {
  let parsed: CliArgs | "help";
  try {
    parsed = parseDevnetArgs(args);
  } catch (err) {
    console.error(`pulumi-akash devnet: ${(err as Error).message}\n\n${usage}`);
    return 2;
  }
  if (parsed === "help") {
    console.log(usage);
    return 0;
  }
  let devnet: Devnet;
  let options = parsed.options;
  try {
    if (parsed.configFile) options = withConfigFile(options, parsed.configFile);
    devnet = await startDevnet(options);
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { port?: number };
    const hint = e.code === "EADDRINUSE" ? ` (port ${e.port} is taken: is another devnet running? choose another with --port / --rest-port)` : "";
    console.error(`pulumi-akash devnet: ${e.message}${hint}`);
    return 1;
  }
  console.log(summary(devnet, options.dataDir ?? ".devnet"));
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  console.log("stopping devnet...");
  await devnet.stop();
  return 0;
}
