// Schema source of akash.Deployment. The output schemas mirror the interfaces in resources/deployment/inputs.ts
// (whose doc comments describe them); the Assert types below stop compilation when the two drift apart.
import { z } from "zod";
import { bidPolicySchema } from "../market/policy";
import {
  deploymentInputsSchema,
  gatewayAuthSchema,
  type CandidateOutput,
  type DeploymentOutputs,
  type EscrowOutput,
  type ForwardedPortOutput,
  type GroupSelectionOutput,
  type LeasedIpOutput,
  type LeaseOutput,
} from "../resources/deployment/inputs";
import type { Assert, ResourceSchemaSource, Same } from "./resourceSource";

const int = z.number().int();
const declaredIn = (name: string) => ({ file: "provider/src/resources/deployment/inputs.ts", name });

const lease = z.object({
  gseq: int,
  oseq: int,
  provider: z.string(),
  hostUri: z.string(),
  pricePerBlock: z.string(),
  denom: z.string(),
  pricePerMonthUsd: z.number(),
});

const forwardedPort = z.object({ host: z.string(), port: int, externalPort: int, proto: z.string() });
const leasedIp = z.object({ ip: z.string(), port: int, externalPort: int, proto: z.string() });

const candidate = z.object({
  provider: z.string(),
  pricePerMonthUsd: z.number().optional(),
  score: z.number().optional(),
  rejected: z.string().optional(),
  chosen: z.boolean(),
});

const groupSelection = z.object({
  gseq: int,
  group: z.string(),
  chosen: z.string().optional(),
  candidates: z.array(candidate),
});

const escrow = z.object({
  balance: z.number(),
  ratePerBlock: z.number(),
  runwayHours: z.number(),
  estimatedCloseTime: z.string(),
});

const outputs = z.object({
  dseq: z.string(),
  owner: z.string(),
  version: z.string(),
  state: z.string(),
  leases: z.array(lease),
  uris: z.record(z.string(), z.array(z.string())),
  forwardedPorts: z.record(z.string(), z.array(forwardedPort)),
  ips: z.record(z.string(), z.array(leasedIp)),
  selection: z.array(groupSelection),
  escrow,
  estimatedMaxMonthlyUsd: z.number(),
});

export type DeploymentSchemaMatches = [
  Assert<Same<z.output<typeof lease>, LeaseOutput>>,
  Assert<Same<z.output<typeof forwardedPort>, ForwardedPortOutput>>,
  Assert<Same<z.output<typeof leasedIp>, LeasedIpOutput>>,
  Assert<Same<z.output<typeof candidate>, CandidateOutput>>,
  Assert<Same<z.output<typeof groupSelection>, GroupSelectionOutput>>,
  Assert<Same<z.output<typeof escrow>, EscrowOutput>>,
  Assert<Same<z.output<typeof outputs>, DeploymentOutputs>>,
];

export const deploymentSchemaSource: ResourceSchemaSource = {
  description: "An Akash deployment from an SDL, leased to providers chosen by a bid policy.",
  // check validates bidPolicy with the market module's schema; the schema shows that shape.
  inputs: deploymentInputsSchema.extend({ bidPolicy: bidPolicySchema.optional() }),
  outputs,
  namedTypes: {
    BidPolicy: { schema: bidPolicySchema, docs: { file: "provider/src/market/policy.ts", name: "bidPolicySchema" } },
    Lease: { schema: lease, docs: declaredIn("LeaseOutput") },
    ForwardedPort: { schema: forwardedPort, docs: declaredIn("ForwardedPortOutput") },
    LeasedIp: { schema: leasedIp, docs: declaredIn("LeasedIpOutput") },
    BidCandidate: { schema: candidate, docs: declaredIn("CandidateOutput") },
    GroupSelection: { schema: groupSelection, docs: declaredIn("GroupSelectionOutput") },
    DeploymentEscrow: { schema: escrow, docs: declaredIn("EscrowOutput") },
    GatewayAuth: { schema: gatewayAuthSchema, docs: declaredIn("gatewayAuthSchema") },
  },
  secrets: ["secretEnv", "gatewayAuth"],
};
