/** Test helper: a small valid SDL, edited per test and written out as YAML text. */
import { stringify } from "yaml";

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
