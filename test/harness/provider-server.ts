// Runs @pulumi/pulumi's own dynamic-provider plugin (the process the Pulumi engine launches for every
// `pulumi-nodejs:dynamic:*` resource) and talks to it over gRPC the way the engine does
// (pulumi/pulumi sdk/go/common/resource/plugin/provider_plugin.go). Each call applies the engine's rules:
// secrets are stripped unless the provider accepts them and re-marked on the way back (annotateSecrets),
// unknowns only travel in preview, and Create/Update are not called in preview unless the provider supports it.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { EventEmitter, once } from "node:events";
import * as readline from "node:readline";
import * as grpc from "@grpc/grpc-js";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as statusproto from "@pulumi/pulumi/proto/status_pb";
import {
  annotateSecrets,
  fromWire,
  isSecret,
  secret,
  toWire,
  type PropertyMap,
  type PropertyValue,
} from "./properties";
import { leakedSecrets, serializeProvider } from "./provider-string";

export interface ProviderServerOptions {
  /** Working directory of the plugin: the Pulumi project directory (modules are resolved from here). */
  cwd?: string;
  /** Environment of the plugin; the engine passes its own environment through. Default: process.env. */
  env?: NodeJS.ProcessEnv;
  project?: string;
  stack?: string;
  /** Deadline of every RPC, in ms. */
  timeoutMs?: number;
  /** How long the plugin may take to print its port (loading @pulumi/pulumi is slow on a busy machine). */
  startTimeoutMs?: number;
  /** Called with every line the plugin prints, as the engine would show it (e.g. to stream progress). */
  onLog?: (line: LogLine) => void;
}

/** A line the plugin wrote: the engine shows stdout as info and stderr as info-err diagnostics. */
export interface LogLine {
  stream: "stdout" | "stderr";
  text: string;
}

/** The capabilities the plugin reported from Configure. */
export interface ProviderProtocol {
  acceptSecrets: boolean;
  supportsPreview: boolean;
}

export interface InitFailure {
  id: string;
  properties: PropertyMap;
  reasons: string[];
}

/** A failed provider call. For a partial failure (resource created, not initialized) `initFailure` is set. */
export class ProviderError extends Error {
  constructor(
    readonly method: string,
    readonly code: grpc.status,
    /** The raw gRPC status message. */
    readonly details: string,
    readonly initFailure?: InitFailure,
  ) {
    // The engine reports an init failure by its reasons (plugin.InitError), anything else by its message.
    super(initFailure ? initFailure.reasons.join("; ") || "resource init failed" : details);
    this.name = "ProviderError";
  }
}

export type DiffChanges = "unknown" | "none" | "some";

export interface DiffResult {
  changes: DiffChanges;
  replaces: string[];
  stables: string[];
  diffs: string[];
  deleteBeforeReplace: boolean;
}

export interface CheckResult {
  inputs: PropertyMap;
  failures: Array<{ property: string; reason: string }>;
}

export interface OutputOptions {
  preview?: boolean;
  /** The `additionalSecretOutputs` resource option: the engine marks these outputs secret. */
  additionalSecretOutputs?: string[];
}

const DYNAMIC_PACKAGE = "pulumi-nodejs";

export function makeUrn(type: string, name: string, opts: { project?: string; stack?: string } = {}): string {
  return `urn:pulumi:${opts.stack ?? "dev"}::${opts.project ?? "harness"}::${type}::${name}`;
}

function urnParts(urn: string): { type: string; name: string } {
  const parts = urn.split("::");
  if (parts.length < 4) throw new Error(`harness: malformed URN ${urn}`);
  const types = parts[2].split("$");
  return { type: types[types.length - 1], name: parts.slice(3).join("::") };
}

type Unary<Req, Res> = (
  request: Req,
  metadata: grpc.Metadata,
  options: Partial<grpc.CallOptions>,
  callback: (error: grpc.ServiceError | null, response: Res) => void,
) => grpc.ClientUnaryCall;

export class ProviderServer {
  private protocol: ProviderProtocol = { acceptSecrets: false, supportsPreview: false };
  readonly project: string;
  readonly stack: string;

  private constructor(
    private readonly child: ChildProcess,
    private readonly client: provrpc.ResourceProviderClient,
    /** Every line the plugin wrote besides its port, in order (pipes lag: see waitForLog). */
    readonly logs: LogLine[],
    private readonly lineEvents: EventEmitter,
    private readonly timeoutMs: number,
    options: ProviderServerOptions,
  ) {
    this.project = options.project ?? "harness";
    this.stack = options.stack ?? "dev";
  }

  /** Spawns the plugin like the engine does and waits for the port it prints. */
  static async start(options: ProviderServerOptions = {}): Promise<ProviderServer> {
    const cwd = options.cwd ?? process.cwd();
    const timeoutMs = options.timeoutMs ?? 30_000;
    const startTimeoutMs = options.startTimeoutMs ?? 60_000;
    const project = options.project ?? "harness";
    // pulumi-resource-pulumi-nodejs (the plugin binary) runs exactly this script, resolved from the project.
    const script = require.resolve("@pulumi/pulumi/cmd/dynamic-provider", { paths: [cwd] });
    const child = spawn(process.execPath, [script, ENGINE_ADDRESS_PLACEHOLDER], {
      cwd,
      env: {
        ...(options.env ?? process.env),
        PULUMI_NODEJS_PROJECT: project,
        PULUMI_PROJECT: project,
        // The engine sends only `pulumi-nodejs:*` config (namespace stripped) here; stack config arrives in Configure.
        PULUMI_CONFIG: "{}",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const logs: LogLine[] = [];
    const lineEvents = new EventEmitter();
    const record = (stream: LogLine["stream"]) => (text: string) => {
      logs.push({ stream, text });
      options.onLog?.({ stream, text });
      lineEvents.emit("line");
    };
    readline.createInterface({ input: child.stderr! }).on("line", record("stderr"));
    const stdout = readline.createInterface({ input: child.stdout! });
    const port = await new Promise<number>((resolve, reject) => {
      const fail = (error: Error) => {
        clearTimeout(timer);
        child.kill();
        reject(new Error(`${error.message}\n${logs.map((l) => l.text).join("\n")}`));
      };
      const timer = setTimeout(() => fail(new Error(`plugin printed no port within ${startTimeoutMs} ms`)), startTimeoutMs);
      child.once("exit", (code) => fail(new Error(`plugin exited (${code}) before printing its port`)));
      stdout.once("line", (line) => {
        clearTimeout(timer);
        const n = Number(line.trim());
        if (Number.isInteger(n) && n > 0) resolve(n);
        else fail(new Error(`plugin wrote an invalid port: ${line}`));
        stdout.on("line", record("stdout"));
      });
    });
    child.removeAllListeners("exit");
    const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return new ProviderServer(child, client, logs, lineEvents, timeoutMs, options);
  }

  /**
   * Waits until the plugin has written a line containing `text`. Its output is a pipe that can lag behind
   * RPC responses; and since each stream is ordered, a line seen means all earlier lines of that stream are in.
   */
  async waitForLog(text: string, stream?: LogLine["stream"], timeoutMs = this.timeoutMs): Promise<LogLine> {
    const deadline = AbortSignal.timeout(timeoutMs);
    for (;;) {
      const line = this.logs.find((l) => l.text.includes(text) && (!stream || l.stream === stream));
      if (line) return line;
      try {
        await once(this.lineEvents, "line", { signal: deadline });
      } catch {
        throw new Error(`plugin wrote no line containing ${JSON.stringify(text)} within ${timeoutMs} ms`);
      }
    }
  }

  /** Makes the plugin write a marker on stdout and stderr and waits for both: every earlier line is then in. */
  async flushLogs(): Promise<void> {
    const marker = `harness-flush-${randomUUID()}`;
    const provider = await serializeProvider(markerProvider);
    await this.check(makeUrn("pulumi-nodejs:dynamic:Resource", "harness-flush"), {}, { __provider: provider.text, marker });
    await Promise.all([this.waitForLog(marker, "stdout"), this.waitForLog(marker, "stderr")]);
  }

  /** The `secrets` found verbatim in everything the plugin wrote so far. */
  async leakedInLogs(secrets: string[]): Promise<string[]> {
    await this.flushLogs();
    return leakedSecrets(this.logText(), secrets);
  }

  /** All plugin output as one string, e.g. to scan for leaked secrets. */
  logText(): string {
    return this.logs.map((l) => l.text).join("\n");
  }

  /**
   * CheckConfig then Configure, as the engine does for the default `pulumi-nodejs` provider. For dynamic providers
   * the engine sends the WHOLE stack config with namespaces kept (`akash:mnemonic`), secret keys marked secret.
   */
  async configure(config: PropertyMap): Promise<ProviderProtocol> {
    const urn = makeUrn(`pulumi:providers:${DYNAMIC_PACKAGE}`, "default", this);
    let inputs = config;
    try {
      const req = new provproto.CheckRequest();
      req.setUrn(urn);
      req.setName("default");
      req.setType(`pulumi:providers:${DYNAMIC_PACKAGE}`);
      req.setOlds(struct({}));
      req.setNews(struct(toWire(config, { keepUnknowns: false, keepSecrets: false })));
      const resp = await this.call<provproto.CheckRequest, provproto.CheckResponse>("checkConfig", this.client.checkConfig, req);
      inputs = fromStruct(resp.getInputs());
      annotateSecrets(inputs, config);
    } catch (error) {
      // The dynamic provider does not implement CheckConfig: the engine then uses the config as is.
      if (!(error instanceof ProviderError && error.code === grpc.status.UNIMPLEMENTED)) throw error;
    }
    const req = new provproto.ConfigureRequest();
    for (const [key, value] of Object.entries(inputs)) {
      const raw = isSecret(value) ? value.value : value;
      req.getVariablesMap().set(`${DYNAMIC_PACKAGE}:config:${key}`, typeof raw === "string" ? raw : JSON.stringify(raw));
    }
    req.setArgs(struct(toWire(inputs, { keepUnknowns: true, keepSecrets: true })));
    req.setAcceptsecrets(true);
    req.setAcceptresources(true);
    req.setSendsOldInputs(true);
    req.setSendsOldInputsToDelete(true);
    req.setUrn(urn);
    req.setName("default");
    req.setType(`pulumi:providers:${DYNAMIC_PACKAGE}`);
    const resp = await this.call<provproto.ConfigureRequest, provproto.ConfigureResponse>("configure", this.client.configure, req);
    this.protocol = { acceptSecrets: resp.getAcceptsecrets(), supportsPreview: resp.getSupportspreview() };
    return this.protocol;
  }

  async check(urn: string, olds: PropertyMap, news: PropertyMap, opts: { preview?: boolean } = {}): Promise<CheckResult> {
    const req = new provproto.CheckRequest();
    this.identify(req, urn);
    req.setOlds(this.wire(olds, !!opts.preview));
    req.setNews(this.wire(news, !!opts.preview));
    const resp = await this.call<provproto.CheckRequest, provproto.CheckResponse>("check", this.client.check, req);
    const inputs = fromStruct(resp.getInputs());
    if (!this.protocol.acceptSecrets) annotateSecrets(inputs, news);
    const failures = resp.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() }));
    return { inputs, failures };
  }

  /** `olds` are the old OUTPUTS (what the dynamic provider's diff receives); `oldInputs` travel alongside. */
  async diff(
    id: string,
    urn: string,
    state: { oldInputs: PropertyMap; oldOutputs: PropertyMap; news: PropertyMap },
    opts: { preview?: boolean } = {},
  ): Promise<DiffResult> {
    const req = new provproto.DiffRequest();
    this.identify(req, urn);
    req.setId(id);
    req.setOldInputs(this.wire(state.oldInputs, !!opts.preview));
    req.setOlds(this.wire(state.oldOutputs, !!opts.preview));
    req.setNews(this.wire(state.news, !!opts.preview));
    const resp = await this.call<provproto.DiffRequest, provproto.DiffResponse>("diff", this.client.diff, req);
    const changes = resp.getChanges();
    return {
      changes:
        changes === provproto.DiffResponse.DiffChanges.DIFF_SOME
          ? "some"
          : changes === provproto.DiffResponse.DiffChanges.DIFF_NONE
            ? "none"
            : "unknown",
      replaces: resp.getReplacesList(),
      stables: resp.getStablesList(),
      diffs: resp.getDiffsList(),
      deleteBeforeReplace: resp.getDeletebeforereplace(),
    };
  }

  /** In preview the engine does not call a provider without preview support: the inputs stand in for outputs. */
  async create(urn: string, props: PropertyMap, opts: OutputOptions = {}): Promise<{ id: string; outputs: PropertyMap }> {
    if (opts.preview && !this.protocol.supportsPreview) return { id: "", outputs: { ...props } };
    const req = new provproto.CreateRequest();
    this.identify(req, urn);
    req.setProperties(this.wire(props, !!opts.preview));
    req.setPreview(!!opts.preview);
    const resp = await this.call<provproto.CreateRequest, provproto.CreateResponse>("create", this.client.create, req, (e) =>
      this.finishInitFailure(e, props, opts),
    );
    // The engine's own check (the resource's state is then unknown to it).
    if (!resp.getId()) throw new Error(`plugin returned empty resource.ID from create '${urn}'`);
    return { id: resp.getId(), outputs: this.outputs(fromStruct(resp.getProperties()), props, opts) };
  }

  async read(
    id: string,
    urn: string,
    state: { outputs: PropertyMap; inputs?: PropertyMap },
  ): Promise<{ id: string; outputs: PropertyMap; inputs?: PropertyMap }> {
    const req = new provproto.ReadRequest();
    this.identify(req, urn);
    req.setId(id);
    req.setProperties(this.wire(state.outputs, false));
    if (state.inputs) req.setInputs(this.wire(state.inputs, false));
    const resp = await this.call<provproto.ReadRequest, provproto.ReadResponse>("read", this.client.read, req);
    const outputs = fromStruct(resp.getProperties());
    const inputs = resp.hasInputs() ? fromStruct(resp.getInputs()) : undefined;
    if (!this.protocol.acceptSecrets) {
      annotateSecrets(outputs, state.outputs);
      if (inputs && state.inputs) annotateSecrets(inputs, state.inputs);
    }
    return { id: resp.getId(), outputs, inputs };
  }

  async update(
    id: string,
    urn: string,
    state: { oldInputs: PropertyMap; oldOutputs: PropertyMap; news: PropertyMap },
    opts: OutputOptions = {},
  ): Promise<{ outputs: PropertyMap }> {
    if (opts.preview && !this.protocol.supportsPreview) return { outputs: { ...state.news } };
    const req = new provproto.UpdateRequest();
    this.identify(req, urn);
    req.setId(id);
    req.setOldInputs(this.wire(state.oldInputs, false));
    req.setOlds(this.wire(state.oldOutputs, false));
    req.setNews(this.wire(state.news, !!opts.preview));
    req.setPreview(!!opts.preview);
    const resp = await this.call<provproto.UpdateRequest, provproto.UpdateResponse>("update", this.client.update, req, (e) =>
      this.finishInitFailure(e, state.news, opts),
    );
    return { outputs: this.outputs(fromStruct(resp.getProperties()), state.news, opts) };
  }

  async delete(id: string, urn: string, state: { outputs: PropertyMap; inputs: PropertyMap }): Promise<void> {
    const req = new provproto.DeleteRequest();
    this.identify(req, urn);
    req.setId(id);
    req.setProperties(this.wire(state.outputs, false));
    req.setOldInputs(this.wire(state.inputs, false));
    await this.call<provproto.DeleteRequest, unknown>("delete", this.client.delete, req);
  }

  /** Ends the plugin; SIGKILL plays a crash (the machine or CI runner going away mid-operation). */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    this.client.close();
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.kill(signal);
    await exited;
  }

  private identify(req: { setUrn(v: string): unknown; setName(v: string): unknown; setType(v: string): unknown }, urn: string) {
    const { type, name } = urnParts(urn);
    req.setUrn(urn);
    req.setName(name);
    req.setType(type);
  }

  private wire(props: PropertyMap, keepUnknowns: boolean): structproto.Struct {
    return struct(toWire(props, { keepUnknowns, keepSecrets: this.protocol.acceptSecrets }));
  }

  private outputs(outs: PropertyMap, inputs: PropertyMap, opts: OutputOptions): PropertyMap {
    if (!this.protocol.acceptSecrets) annotateSecrets(outs, inputs);
    for (const key of opts.additionalSecretOutputs ?? []) {
      if (key in outs) outs[key] = secret(outs[key] as PropertyValue);
    }
    return outs;
  }

  private finishInitFailure(error: ProviderError, inputs: PropertyMap, opts: OutputOptions): ProviderError {
    if (!error.initFailure) return error;
    const properties = this.outputs(error.initFailure.properties, inputs, opts);
    return new ProviderError(error.method, error.code, error.details, { ...error.initFailure, properties });
  }

  private call<Req, Res>(
    method: string,
    fn: Unary<Req, Res>,
    request: Req,
    mapError: (error: ProviderError) => ProviderError = (e) => e,
  ): Promise<Res> {
    return new Promise((resolve, reject) => {
      fn.call(this.client, request, new grpc.Metadata(), { deadline: Date.now() + this.timeoutMs }, (error, response) => {
        if (error) reject(mapError(toProviderError(method, error)));
        else resolve(response);
      });
    });
  }
}

// Writes its marker through the plugin's own stdout and stderr (see flushLogs).
const markerProvider = {
  async check(_olds: unknown, news: { marker: string }) {
    console.log(news.marker);
    console.error(news.marker);
    return { inputs: news };
  },
  async create(): Promise<never> {
    throw new Error("the harness log marker is never created");
  },
};

/** The engine passes its own gRPC address; the Node.js dynamic provider only checks that one is given. */
const ENGINE_ADDRESS_PLACEHOLDER = "127.0.0.1:0";

export function startProviderServer(options: ProviderServerOptions = {}): Promise<ProviderServer> {
  return ProviderServer.start(options);
}

function fromStruct(value: structproto.Struct | undefined): PropertyMap {
  return fromWire(value?.toJavaScript() ?? {});
}

function struct(obj: { [key: string]: unknown }): structproto.Struct {
  return structproto.Struct.fromJavaScript(obj as { [key: string]: structproto.JavaScriptValue });
}

/** Unpacks ErrorResourceInitFailed from grpc-status-details-bin, as the engine's parseError does. */
function toProviderError(method: string, error: grpc.ServiceError): ProviderError {
  const [bin] = error.metadata?.get("grpc-status-details-bin") ?? [];
  if (bin instanceof Buffer) {
    for (const detail of statusproto.Status.deserializeBinary(bin).getDetailsList()) {
      const init = detail.unpack(provproto.ErrorResourceInitFailed.deserializeBinary, "pulumirpc.ErrorResourceInitFailed");
      if (init) {
        return new ProviderError(method, error.code, error.details, {
          id: init.getId(),
          properties: fromStruct(init.getProperties()),
          reasons: init.getReasonsList(),
        });
      }
    }
  }
  return new ProviderError(method, error.code, error.details);
}
