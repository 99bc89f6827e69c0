// The akash.Deployment resource's inputs (validated with zod in check) and outputs (what create, update and
// read return and what the SDK class declares).
import { z } from "zod";
import { credentialProblems } from "./gateway-auth";

const seconds = (what: string, fallback: number) =>
  z
    .number({ error: `${what} must be a number of seconds` })
    .positive(`${what} must be more than 0 seconds`)
    .max(24 * 3600, `${what} must be at most 86400 seconds (24 h)`)
    .default(fallback);

/** Env values per service that never appear in plain state or logs; merged into the SDL's env at compile time. */
const secretEnvSchema = z.record(
  z.string(),
  z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, "env names are letters, digits, _ . - and start with a letter or _"), z.string()),
);

/** One PEM block whose END label repeats its BEGIN label, e.g. `CERTIFICATE` or `(?:EC )?PRIVATE KEY`. */
const pemBlock = (label: string) => new RegExp(`^\\s*-----BEGIN (${label})-----\\r?\\n(?:[A-Za-z0-9+/=]+\\r?\\n)+-----END \\1-----\\s*$`);

/** mTLS credentials for provider gateways; the messages never quote them (the key is secret). */
export const gatewayAuthSchema = z
  .object({
    /** The client certificate (PEM), an akash.Certificate's certPem: its CN is the wallet, and it is published on chain. */
    certPem: z
      .string({ error: "gatewayAuth.certPem must be the certificate's PEM text, e.g. an akash.Certificate's certPem" })
      .regex(pemBlock("CERTIFICATE"), "gatewayAuth.certPem must be one PEM certificate (-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----), e.g. an akash.Certificate's certPem"),
    /** Its private key (PEM), the same akash.Certificate's privateKeyPem. */
    privateKeyPem: z
      .string({ error: "gatewayAuth.privateKeyPem must be the private key's PEM text, e.g. an akash.Certificate's privateKeyPem" })
      .regex(pemBlock("(?:EC )?PRIVATE KEY"), "gatewayAuth.privateKeyPem must be one PEM private key (-----BEGIN PRIVATE KEY----- ... -----END PRIVATE KEY-----), e.g. an akash.Certificate's privateKeyPem"),
  })
  .strict()
  .superRefine(
    (credentials, ctx) => {
      for (const problem of credentialProblems(credentials)) ctx.addIssue({ code: "custom", path: [problem.path], message: problem.message });
    },
    // Only PEM-shaped text is worth parsing; its shape errors already say what to pass.
    { when: (payload) => payload.issues.length === 0 },
  );

export const deploymentInputsSchema = z
  .object({
    /** SDL text (YAML). `readSdl(path)` in the SDK reads it from a file and fills sdlPath. */
    sdl: z.string({ error: "sdl must be the SDL text (YAML)" }).min(1, "sdl is empty"),
    /** Where the SDL came from, for error messages only. */
    sdlPath: z.string().optional(),
    /** Escrow deposit in ACT (1 ACT = 1 USD), at least 0.5. */
    deposit: z.number({ error: "deposit must be a number of ACT" }).min(0.5, "deposit must be at least 0.5 ACT (the chain's minimum)").default(5),
    /** Bid policy; validated by the market module's schema. */
    bidPolicy: z.record(z.string(), z.unknown()).optional(),
    /** How long to wait for acceptable bids, in seconds. */
    bidTimeout: seconds("bidTimeout", 180),
    /** How long to wait for every service to be available after the manifest is sent, in seconds. */
    readyTimeout: seconds("readyTimeout", 600),
    /** An existing deployment's dseq to take over instead of creating one (dynamic providers cannot be imported). */
    adopt: z.union([z.string().regex(/^[1-9][0-9]*$/, "adopt must be a dseq (a positive integer)"), z.number().int().positive()]).transform(String).optional(),
    /** `{ service: { NAME: value } }`: env values kept secret, added to the SDL's env of that service. */
    secretEnv: secretEnvSchema.optional(),
    /** mTLS with the wallet's on-chain certificate instead of the default JWT, for providers that accept only mTLS. */
    gatewayAuth: gatewayAuthSchema.optional(),
    /**
     * A stable identity of the resource (the SDK sets project/stack/name, or parent URN/name). Its hash forms the
     * dseq's low six digits, so an up after a crash between the deployment tx and the end of create finds that
     * deployment and finishes it instead of paying for a second one.
     */
    resourceKey: z.string().min(1, "resourceKey must not be empty").max(1024, "resourceKey must be at most 1024 characters").optional(),
  })
  .strict();

export type DeploymentInputs = z.output<typeof deploymentInputsSchema>;

export const DEPLOYMENT_INPUT_NAMES = Object.keys(deploymentInputsSchema.shape) as Array<keyof DeploymentInputs>;

/** The input fields of a property bag that also holds outputs and `__provider` (olds are old outputs). */
export function inputsOf(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(DEPLOYMENT_INPUT_NAMES.filter((k) => props[k] !== undefined).map((k) => [k, props[k]]));
}

export interface LeaseOutput {
  gseq: number;
  oseq: number;
  provider: string;
  hostUri: string;
  /** uact per block, decimal string */
  pricePerBlock: string;
  denom: string;
  pricePerMonthUsd: number;
}

export interface ForwardedPortOutput {
  host: string;
  port: number;
  externalPort: number;
  proto: string;
}

export interface LeasedIpOutput {
  ip: string;
  port: number;
  externalPort: number;
  proto: string;
}

export interface CandidateOutput {
  provider: string;
  pricePerMonthUsd?: number;
  score?: number;
  /** The policy rule that excluded this bid, with a short detail. */
  rejected?: string;
  chosen: boolean;
}

export interface GroupSelectionOutput {
  gseq: number;
  group: string;
  chosen?: string;
  candidates: CandidateOutput[];
}

export interface EscrowOutput {
  /** ACT left in the escrow account */
  balance: number;
  /** ACT per block paid to all leases */
  ratePerBlock: number;
  runwayHours: number;
  estimatedCloseTime: string;
}

export interface DeploymentOutputs {
  dseq: string;
  owner: string;
  /** Manifest version hash (hex), equal to the on-chain deployment hash. */
  version: string;
  /** active, or closed: <reason> when refresh found it closed. */
  state: string;
  leases: LeaseOutput[];
  uris: Record<string, string[]>;
  forwardedPorts: Record<string, ForwardedPortOutput[]>;
  ips: Record<string, LeasedIpOutput[]>;
  selection: GroupSelectionOutput[];
  escrow: EscrowOutput;
  /** Upper bound from the SDL's pricing (what the chain lets providers charge), USD per month. */
  estimatedMaxMonthlyUsd: number;
}
