// The dynamic provider object every resource class registers with. Its hooks are serialized into the state's
// `__provider`, so they capture only a ModuleRef and loadModule (both plain, see hook-module.ts) and reach the
// resource's implementation module at call time; credentials come from `configure`, never from the closure.
import type * as pulumi from "@pulumi/pulumi";
import { loadModule, moduleRef, type ModuleRef } from "./hook-module";

/** Where configure records its result (see config.ts); every hook after configure checks it first. */
const CONFIG_MODULE = moduleRef(require.resolve("./config"));
type ConfigModule = typeof import("./config");

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
  // The implementation, after rethrowing a failed configure: the host caches the provider before configure runs
  // and never calls it again, so without this a later hook would run with no config at all.
  const configured = (provider: object): ResourceHooks => {
    loadModule<ConfigModule>(CONFIG_MODULE).providerConfig(provider);
    return loadModule<ResourceHooks>(impl);
  };
  return {
    async configure(req) {
      loadModule<ResourceHooks>(impl).configure(this, req.config);
    },
    async check(olds, news) {
      return configured(this).check(this, olds, news);
    },
    async diff(id, olds, news) {
      return configured(this).diff(this, id, olds, news);
    },
    async create(inputs) {
      return configured(this).create(this, inputs);
    },
    async read(id, props) {
      return configured(this).read(this, id, props);
    },
    async update(id, olds, news) {
      return configured(this).update(this, id, olds, news);
    },
    async delete(id, props) {
      await configured(this).delete(this, id, props);
    },
  };
}
