// GPU inference on Akash: Ollama on one NVIDIA GPU from an audited provider, under a monthly price cap.
import * as pulumi from "@pulumi/pulumi";
import * as akash from "pulumi-akash";

const config = new pulumi.Config();

const ollama = new akash.Deployment("ollama", {
  ...akash.readSdl("deploy.yaml"),
  deposit: config.getNumber("deposit") ?? 20,
  bidPolicy: {
    // Only bids on these GPU models; the SDL's gpu attributes ask for the same two.
    gpuModels: ["rtx4090", "a100"],
    // Providers whose attributes the network's auditor signed (enforced on chain through signedBy).
    auditedOnly: true,
    maxPricePerMonthUsd: config.getNumber("maxPricePerMonthUsd") ?? 500,
    // Wait for two bids if they come, then weigh price against being audited.
    minBids: 2,
    bidWindow: "60s",
    strategy: { weighted: { price: 1, audited: 0.5 } },
  },
  bidTimeout: 300,
  // Pulling the image and the model takes a while on a fresh GPU node.
  readyTimeout: 1800,
});

/** The Ollama HTTP API, e.g. `curl $(pulumi stack output apiUrl)/api/tags`. */
export const apiUrl = ollama.uris.apply((uris) => `http://${uris.ollama[0]}`);
export const provider = ollama.leases.apply((leases) => leases[0]?.provider);
export const pricePerMonthUsd = ollama.leases.apply((leases) => leases.reduce((sum, lease) => sum + lease.pricePerMonthUsd, 0));
export const estimatedMaxMonthlyUsd = ollama.estimatedMaxMonthlyUsd;
/** Every bid with its score or the rule that rejected it (e.g. a GPU model not in gpuModels). */
export const selection = ollama.selection;
