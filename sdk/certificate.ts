// akash.Certificate: an on-chain mTLS client certificate (for providers that require mTLS); delete revokes it.
import * as pulumi from "@pulumi/pulumi";
import { moduleRef } from "../provider/src/resources/hook-module";
import { akashProvider } from "../provider/src/resources/dynamic";
import { AKASH_MODULE } from "./token";

const IMPL = moduleRef(require.resolve("../provider/src/resources/certificate/hooks"));

export interface CertificateArgs {
  /** Days the certificate is valid from creation; a change creates a new certificate. Default 365. */
  validDays?: pulumi.Input<number>;
}

export class Certificate extends pulumi.dynamic.Resource {
  /** Serial number (decimal); with the owner, the certificate's id on chain. */
  declare readonly serial: pulumi.Output<string>;
  declare readonly owner: pulumi.Output<string>;
  declare readonly certPem: pulumi.Output<string>;
  declare readonly publicKeyPem: pulumi.Output<string>;
  /** Secret. */
  declare readonly privateKeyPem: pulumi.Output<string>;
  /** ISO expiry time. */
  declare readonly expiresAt: pulumi.Output<string>;

  constructor(name: string, args: CertificateArgs = {}, opts: pulumi.CustomResourceOptions = {}) {
    super(
      akashProvider(IMPL),
      name,
      { ...args, serial: undefined, owner: undefined, certPem: undefined, publicKeyPem: undefined, privateKeyPem: undefined, expiresAt: undefined },
      { ...opts, additionalSecretOutputs: ["privateKeyPem", ...(opts.additionalSecretOutputs ?? [])] },
      AKASH_MODULE,
      "Certificate",
    );
  }
}
