// akash.Deployment: an Akash deployment from an SDL, leased to providers chosen by a bid policy.
import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import { moduleRef } from "../provider/src/resources/hook-module";
import { akashProvider } from "../provider/src/resources/dynamic";
import type {
  EscrowOutput,
  ForwardedPortOutput,
  GroupSelectionOutput,
  LeasedIpOutput,
  LeaseOutput,
} from "../provider/src/resources/deployment/inputs";
import type { BidPolicyInput } from "../provider/src/market/policy";
import { AKASH_MODULE } from "./token";

const IMPL = moduleRef(require.resolve("../provider/src/resources/deployment/hooks"));

/** mTLS credentials for provider gateways: an akash.Certificate's outputs of the same wallet. */
export interface GatewayAuthArgs {
  certPem: pulumi.Input<string>;
  privateKeyPem: pulumi.Input<string>;
}

export interface DeploymentArgs {
  /** SDL text (YAML); see readSdl to read it from a file. */
  sdl: pulumi.Input<string>;
  /** Where the SDL came from, used in error messages. */
  sdlPath?: pulumi.Input<string>;
  /** Escrow deposit in ACT (1 ACT = 1 USD). Default 5, minimum 0.5. */
  deposit?: pulumi.Input<number>;
  /** Which bids are acceptable and how to choose among them. */
  bidPolicy?: pulumi.Input<BidPolicyInput>;
  /** Seconds to wait for acceptable bids. Default 180. */
  bidTimeout?: pulumi.Input<number>;
  /** Seconds to wait for all services to be available. Default 600. */
  readyTimeout?: pulumi.Input<number>;
  /** dseq of an existing deployment of this wallet to take over instead of creating one. */
  adopt?: pulumi.Input<string | number>;
  /** Env values kept secret: `{ service: { NAME: value } }`, added to that service's env. */
  secretEnv?: pulumi.Input<Record<string, pulumi.Input<Record<string, pulumi.Input<string>>>>>;
  /**
   * Authenticate to providers with mTLS instead of the default JWT (for providers that accept only mTLS):
   * `{ certPem: cert.certPem, privateKeyPem: cert.privateKeyPem }` of an akash.Certificate of this wallet. Secret.
   */
  gatewayAuth?: pulumi.Input<GatewayAuthArgs>;
  /**
   * Stable identity used to find a deployment an interrupted `pulumi up` created but never recorded.
   * Default `<project>/<stack>/<name>`, or `<parent URN>/<name>` under a parent resource; set it only to keep the
   * identity across a rename.
   */
  resourceKey?: pulumi.Input<string>;
}

export class Deployment extends pulumi.dynamic.Resource {
  /** Deployment sequence number: with the owner, the deployment's id on chain. */
  declare readonly dseq: pulumi.Output<string>;
  declare readonly owner: pulumi.Output<string>;
  /** Manifest version hash (hex), equal to the on-chain deployment hash. */
  declare readonly version: pulumi.Output<string>;
  declare readonly state: pulumi.Output<string>;
  declare readonly leases: pulumi.Output<LeaseOutput[]>;
  /** Per service, the HTTP URIs of its global ports. */
  declare readonly uris: pulumi.Output<Record<string, string[]>>;
  declare readonly forwardedPorts: pulumi.Output<Record<string, ForwardedPortOutput[]>>;
  declare readonly ips: pulumi.Output<Record<string, LeasedIpOutput[]>>;
  /** Per group, every bid with its score or the policy rule that rejected it. */
  declare readonly selection: pulumi.Output<GroupSelectionOutput[]>;
  declare readonly escrow: pulumi.Output<EscrowOutput>;
  /** Most the SDL's pricing lets providers charge, USD per month. Known in preview. */
  declare readonly estimatedMaxMonthlyUsd: pulumi.Output<number>;

  constructor(name: string, args: DeploymentArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(
      akashProvider(IMPL),
      name,
      {
        ...args,
        // Secret in the stack state too (inputs), not only in the outputs.
        secretEnv: args.secretEnv === undefined ? undefined : pulumi.secret(args.secretEnv),
        gatewayAuth: args.gatewayAuth === undefined ? undefined : pulumi.secret(args.gatewayAuth),
        resourceKey: args.resourceKey ?? defaultResourceKey(name, opts.parent),
        dseq: undefined,
        owner: undefined,
        version: undefined,
        state: undefined,
        leases: undefined,
        uris: undefined,
        forwardedPorts: undefined,
        ips: undefined,
        selection: undefined,
        escrow: undefined,
        estimatedMaxMonthlyUsd: undefined,
      },
      { ...opts, additionalSecretOutputs: ["secretEnv", "gatewayAuth", ...(opts.additionalSecretOutputs ?? [])] },
      AKASH_MODULE,
      "Deployment",
    );
  }
}

/**
 * `<project>/<stack>/<name>` at the top level (the form existing stacks recover by), `<parent URN>/<name>` under a
 * parent: same-named children of different parents are different resources, so they must not share a key.
 */
function defaultResourceKey(name: string, parent: pulumi.Resource | undefined): pulumi.Input<string> {
  const topLevel = `${pulumi.getProject()}/${pulumi.getStack()}/${name}`;
  if (parent === undefined) return topLevel;
  // urn:pulumi:<stack>::<project>::<qualified type>::<name>; a child of the stack itself is top-level too.
  return parent.urn.apply((urn) => (urn.split("::")[2] === "pulumi:pulumi:Stack" ? topLevel : `${urn}/${name}`));
}

/** Reads an SDL file for Deployment args: `new Deployment("web", { ...readSdl("deploy.yaml") })`. */
export function readSdl(path: string): { sdl: string; sdlPath: string } {
  return { sdl: fs.readFileSync(path, "utf8"), sdlPath: path };
}
