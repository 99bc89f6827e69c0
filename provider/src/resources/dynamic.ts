// The dynamic provider object every resource class registers with. Its hooks are serialized into the state's
// `__provider`, so they capture only a ModuleRef and loadModule (both plain, see hook-module.ts) and reach the
// resource's implementation module at call time; credentials come from `configure`, never from the closure.
import type * as pulumi from "@pulumi/pulumi";
import { loadModule, type ModuleRef } from "./hook-module";

/**
 * What a resource's implementation module exports. `provider` is the deserialized provider object, the
 * `this` of configure and of every later hook (the key under which configure stored the config).
 */
export interface ResourceHooks {
  configure(provider: object, config: pulumi.dynamic.Config): void;
  check(provider: object, olds: any, news: any): Promise<pulumi.dynamic.CheckResult>;
  diff(provider: object, id: string, olds: any, news: any): Promise<pulumi.dynamic.DiffResult>;
  create(provider: object, inputs: any): Promise<pulumi.dynamic.CreateResult>;
  read(provider: object, id: string, props: any): Promise<pulumi.dynamic.ReadResult>;
  update(provider: object, id: string, olds: any, news: any): Promise<pulumi.dynamic.UpdateResult>;
  delete(provider: object, id: string, props: any): Promise<void>;
}

/** The provider for the resource implemented by the module at `impl` (a ModuleRef to a ResourceHooks module). */
export function akashProvider(impl: ModuleRef): pulumi.dynamic.ResourceProvider {
  return {
    async configure(req) {
      loadModule<ResourceHooks>(impl).configure(this, req.config);
    },
    async check(olds, news) {
      return loadModule<ResourceHooks>(impl).check(this, olds, news);
    },
    async diff(id, olds, news) {
      return loadModule<ResourceHooks>(impl).diff(this, id, olds, news);
    },
    async create(inputs) {
      return loadModule<ResourceHooks>(impl).create(this, inputs);
    },
    async read(id, props) {
      return loadModule<ResourceHooks>(impl).read(this, id, props);
    },
    async update(id, olds, news) {
      return loadModule<ResourceHooks>(impl).update(this, id, olds, news);
    },
    async delete(id, props) {
      await loadModule<ResourceHooks>(impl).delete(this, id, props);
    },
  };
}
