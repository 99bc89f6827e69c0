/** SDL compiler: Akash SDL (2.0/2.1) -> GroupSpecs, provider manifest and the Go-exact manifest version hash. */
export { compileSdl, type CompiledSdl, type CompileOptions } from "./compile";
export { SdlError, formatIssue, type SdlIssue } from "./errors";
export { manifestVersion, sortedManifestJson } from "./hash";
export { groupSpecToJson } from "./proto";
export type { GroupSpecJson } from "./groups";
export type { ManifestGroup, ManifestService } from "./manifest";
export type { ParsedSdl } from "./schema";
