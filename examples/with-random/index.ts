// Akash beside another Pulumi provider: a random password (@pulumi/random) becomes a secret env value of
// the deployment. It never appears in the SDL, in plain state or in logs.
import * as random from "@pulumi/random";
import * as akash from "pulumi-akash";

const password = new random.RandomPassword("ide-password", { length: 24, special: false });

const ide = new akash.Deployment("ide", {
  ...akash.readSdl("deploy.yaml"),
  deposit: 5,
  secretEnv: { ide: { PASSWORD: password.result } },
  bidPolicy: { maxPricePerMonthUsd: 20 },
});

export const url = ide.uris.apply((uris) => `http://${uris.ide[0]}`);
/** `pulumi stack output idePassword --show-secrets` to log in. */
export const idePassword = password.result;
