/**
 * `pulumi-akash sdl FILE [--json]`: compiles an SDL file and prints its deployment groups, the sorted manifest and
 * the version hash. Warnings go to stderr; a bad SDL prints every problem (file:line:col path: message (fix)) to
 * stderr and exits 1.
 */
import { readFile } from "node:fs/promises";
import { compileSdl, type CompiledSdl } from "./compile";
import { formatIssue, SdlError } from "./errors";
import type { GroupSpecJson } from "./groups";
import { sortedManifestJson } from "./hash";
import type { ManifestGroup } from "./manifest";
import { groupSpecToJson } from "./proto";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

const usage = "usage: pulumi-akash sdl FILE [--json]\n";

function bytes(val: string): string {
  const n = Number(val);
  for (const [suffix, unit] of [["Ti", 1024 ** 4], ["Gi", 1024 ** 3], ["Mi", 1024 ** 2], ["Ki", 1024]] as const) {
    if (n >= unit && n % unit === 0) return `${n / unit}${suffix}`;
  }
  return `${n}B`;
}

const endpointKinds = ["http", "port", "ip"];

function describeGroups(groups: GroupSpecJson[]): string[] {
  const lines: string[] = [];
  for (const g of groups) {
    const attrs = (g.requirements.attributes ?? []).map((a) => `${a.key}=${a.value ?? ""}`).join(", ");
    lines.push(`group ${g.name}${attrs ? ` (${attrs})` : ""}`);
    const { all_of: allOf, any_of: anyOf } = g.requirements.signed_by;
    if (allOf?.length) lines.push(`  signed by all of: ${allOf.join(", ")}`);
    if (anyOf?.length) lines.push(`  signed by any of: ${anyOf.join(", ")}`);
    for (const u of g.resources) {
      const r = u.resource;
      const storage = (r.storage ?? []).map((s) => `${s.name}=${bytes(s.size.val)}`).join(" ");
      const gpu = r.gpu && r.gpu.units.val !== "0" ? ` gpu ${r.gpu.units.val} (${(r.gpu.attributes ?? []).map((a) => a.key).join(", ")})` : "";
      const endpoints = r.endpoints.map((e) => endpointKinds[e.kind ?? 0] ?? String(e.kind)).join(",");
      lines.push(
        `  unit ${r.id}: count ${u.count}, cpu ${r.cpu?.units.val ?? 0}m, memory ${bytes(r.memory?.size.val ?? "0")}, storage ${storage || "none"}${gpu}, endpoints [${endpoints}], price ${Number(u.price.amount)} ${u.price.denom}/block`,
      );
    }
  }
  return lines;
}

/** The manifest as printed for people: registry passwords are masked (the --json output keeps them). */
function redacted(manifest: ManifestGroup[]): unknown {
  return manifest.map((g) => ({
    ...g,
    services: g.services.map((s) => (s.credentials ? { ...s, credentials: { ...s.credentials, password: "<redacted>" } } : s)),
  }));
}

function render(compiled: CompiledSdl, json: boolean): string {
  const groups = compiled.groups.map(groupSpecToJson);
  if (json) return `${JSON.stringify({ version: compiled.versionHex, groups, manifest: compiled.manifest })}\n`;
  const masked = compiled.manifest.some((g) => g.services.some((s) => s.credentials));
  return [
    `SDL version ${compiled.sdl.versionText}, pricing denom ${compiled.denom}`,
    "",
    ...describeGroups(groups),
    "",
    masked
      ? "manifest (sorted JSON with registry passwords masked; the version hashes the real passwords, see --json):"
      : "manifest (sorted JSON, as hashed):",
    sortedManifestJson(redacted(compiled.manifest)),
    "",
    `version: ${compiled.versionHex}`,
    "",
  ].join("\n");
}

export async function sdlCommand(args: string[], io: CliIo = processIo): Promise<number> {
  const json = args.includes("--json");
  const files = args.filter((a) => a !== "--json");
  if (files.length !== 1 || files[0]!.startsWith("-")) {
    io.stderr(usage);
    return files.some((f) => f === "--help" || f === "-h") ? 0 : 2;
  }
  const file = files[0]!;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    io.stderr(`pulumi-akash sdl: cannot read ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  let compiled: CompiledSdl;
  try {
    compiled = compileSdl(text, { file });
  } catch (err) {
    if (!(err instanceof SdlError)) throw err;
    io.stderr(`${err.issues.map(formatIssue).join("\n")}\n${file}: ${err.issues.length} problem(s); nothing was deployed\n`);
    return 1;
  }
  for (const warning of compiled.warnings) io.stderr(`warning: ${warning}\n`);
  io.stdout(render(compiled, json));
  return 0;
}
