/** The `module` argument of pulumi.dynamic.Resource for all our resources. */
export const AKASH_MODULE = "akash";

/** The type token a resource of `type` registers with. */
export function akashTypeToken(type: string): string {
  return `pulumi-nodejs:dynamic/${AKASH_MODULE}:${type}`;
}
