// Which resources the SDK offers: the exported classes that are Pulumi dynamic resources.
import * as pulumi from "@pulumi/pulumi";

export type ResourceClass = new (name: string, args: any, opts?: pulumi.CustomResourceOptions) => pulumi.dynamic.Resource;

/** Exported dynamic resource classes of an SDK module, by export name (which is also the resource type). */
export function sdkResourceClasses(sdk: Record<string, unknown>): Record<string, ResourceClass> {
  const classes: Record<string, ResourceClass> = {};
  for (const [name, value] of Object.entries(sdk)) {
    if (typeof value === "function" && value.prototype instanceof pulumi.dynamic.Resource) classes[name] = value as ResourceClass;
  }
  return classes;
}
