// A public web app on Akash: one HTTP service, leased from the cheapest audited provider under a price cap.
import * as pulumi from "@pulumi/pulumi";
import * as akash from "pulumi-akash";

const config = new pulumi.Config();
// Changing the image (pulumi config set image nginxdemos/hello:plain-text) updates the lease in place.
const image = config.get("image") ?? "nginxdemos/hello:0.4";

const sdl = akash.readSdl("deploy.yaml");

const web = new akash.Deployment("web", {
  ...sdl,
  sdl: sdl.sdl.replace(/image: nginxdemos\/hello:\S+/, `image: ${image}`),
  deposit: 5,
  bidPolicy: {
    maxPricePerMonthUsd: 10,
    strategy: "cheapest",
    bidWindow: "30s",
  },
});

/** Providers report host names (the ingress serves plain HTTP on them). */
export const url = web.uris.apply((uris) => `http://${uris.web[0]}`);
export const pricePerMonthUsd = web.leases.apply((leases) => leases.reduce((sum, lease) => sum + lease.pricePerMonthUsd, 0));
export const provider = web.leases.apply((leases) => leases[0]?.provider);
export const dseq = web.dseq;
