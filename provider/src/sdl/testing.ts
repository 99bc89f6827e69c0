/** Test helpers: a small valid SDL, edited per test and written out as YAML text; decoding it; a tenant SDL builder. */
import { stringify } from "yaml";
import { decodeSdl, type DecodedSdl } from "./decode";
import { IssueList, SdlError, type SdlIssue } from "./errors";
import { parseYaml } from "./parse";
import type { ParsedSdl } from "./schema";

export type SdlDoc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function sampleDoc(): SdlDoc {
  return {
    version: "2.0",
    services: { web: { image: "nginx:1.27", expose: [{ port: 80, as: 80, to: [{ global: true }] }] } },
    profiles: {
      compute: { web: { resources: { cpu: { units: 0.5 }, memory: { size: "512Mi" }, storage: { size: "1Gi" } } } },
      placement: { dc: { pricing: { web: { denom: "uact", amount: 1000 } } } },
    },
    deployment: { web: { dc: { profile: "web", count: 1 } } },
  };
}

export function sampleSdl(edit?: (doc: SdlDoc) => void): string {
  const doc = sampleDoc();
  edit?.(doc);
  return stringify(doc);
}

/** Decodes SDL text (no cross-reference checks): the result, if any, and the problems found. */
export function decodeText(text: string): { decoded: DecodedSdl | undefined; issues: SdlIssue[] } {
  const parsed = parseYaml(text);
  const issues = new IssueList(parsed.locate);
  return { decoded: decodeSdl(parsed.root, issues), issues: [...parsed.issues, ...issues.issues] };
}

/** Decodes SDL text that must decode cleanly, for tests of the stages after decoding. */
export function parsedSdl(text: string): ParsedSdl {
  const { decoded, issues } = decodeText(text);
  if (!decoded || issues.length > 0) throw new SdlError(issues);
  return decoded.sdl;
}

/** A one-service SDL (nginx behind an HTTP ingress) with the placement and price under test. */
export function tenantSdl(opts: {
  image?: string;
  count?: number;
  price?: number | string;
  attributes?: string;
  signedBy?: string;
  gpu?: string;
  cpu?: number;
  memory?: string;
  storage?: string;
  denom?: string;
  /** env entries, e.g. ["MODE=demo"] */
  env?: string[];
}): string {
  return `version: "2.0"
services:
  web:
    image: ${opts.image ?? "nginx:1.25"}${opts.env?.length ? `\n    env:\n${opts.env.map((e) => `      - ${e}`).join("\n")}` : ""}
    expose:
      - port: 80
        as: 80
        to:
          - global: true
profiles:
  compute:
    web:
      resources:
        cpu: { units: ${opts.cpu ?? 0.5} }
        memory: { size: ${opts.memory ?? "512Mi"} }
        storage: { size: ${opts.storage ?? "1Gi"} }${opts.gpu ? `\n        gpu:\n          units: 1\n          attributes:\n            vendor:\n              nvidia:\n                - model: ${opts.gpu}` : ""}
  placement:
    dcloud:${opts.attributes ? `\n      attributes:\n${opts.attributes}` : ""}${opts.signedBy ? `\n      signedBy:\n        anyOf:\n          - ${opts.signedBy}` : ""}
      pricing:
        web: { denom: ${opts.denom ?? "uact"}, amount: ${opts.price ?? 1000} }
deployment:
  web:
    dcloud:
      profile: web
      count: ${opts.count ?? 1}
`;
}
