/**
 * The inputs of chain-sdk's Go unit tests (go/sdl/_testdata) behave as those tests assert
 * (v2_test.go, v2_1_test.go, v2_ip_test.go, storage_test.go, sdl_test.go).
 */
import { expect } from "chai";
import { compileSdl, SdlError, groupSpecToJson, type CompiledSdl, type GroupSpecJson, type ManifestGroup } from "../../provider/src/sdl";
import { fixture, fixtureFiles } from "./fixtures";

const compile = (file: string): CompiledSdl => compileSdl(fixture("go-sdl-testdata", file), { file });

function rejection(file: string): string {
  try {
    compile(file);
  } catch (err) {
    if (err instanceof SdlError) return err.issues.map((i) => `${i.path}: ${i.message}`).join("\n");
    throw err;
  }
  throw new Error(`${file} was accepted`);
}

const httpDefaults = { maxBodySize: 1048576, readTimeout: 60000, sendTimeout: 60000, nextTries: 3, nextTimeout: 0, nextCases: ["error", "timeout"] };

/**
 * go/manifest/v2beta3 Groups.CheckAgainstGSpecs: each manifest service has the resources of a unit of its group
 * and stays within the unit's replicas and endpoints, and every unit's replicas and endpoints are used up.
 */
function checkAgainstGroupSpecs(manifest: ManifestGroup[], specs: GroupSpecJson[]): void {
  expect(manifest.map((g) => g.name)).to.deep.equal(specs.map((g) => g.name));
  manifest.forEach((group, g) => {
    const left = new Map(
      specs[g]!.resources.map((u) => {
        const kinds = u.resource.endpoints.map((e) => e.kind ?? 0);
        const count = (kind: number) => kinds.filter((k) => k === kind).length;
        return [u.resource.id, { unit: u, replicas: u.count, http: count(0), port: count(1), ip: count(2) }];
      }),
    );
    for (const svc of group.services) {
      const budget = left.get(svc.resources.id);
      expect(budget, `${svc.name}: resources ID ${svc.resources.id}`).to.not.equal(undefined);
      const { unit } = budget!;
      for (const key of ["cpu", "gpu", "memory", "storage"] as const) expect(svc.resources[key], `${svc.name} ${key}`).to.deep.equal(unit.resource[key]);
      expect(svc.count, `${svc.name}: replicas`).to.be.at.most(budget!.replicas);
      budget!.replicas -= svc.count;
      for (const e of svc.expose.filter((x) => x.global)) {
        const ingress = e.proto === "TCP" && (e.externalPort || e.port) === 80;
        if (ingress) budget!.http--;
        else budget!.port--;
        if (e.ip !== "") budget!.ip--;
      }
    }
    for (const [id, b] of left) expect([b.replicas, b.http, b.port, b.ip], `group ${group.name} unit ${id}: unused`).to.deep.equal([0, 0, 0, 0]);
  });
}

describe("Go unit-test inputs (go/sdl/_testdata)", () => {
  it("Test_V2_1_Parse_simple: one group, one unit with count 2, and the manifest Go expects", () => {
    const c = compile("v2.1-simple.yaml");
    const groups = c.groups.map(groupSpecToJson);
    expect(groups).to.have.length(1);
    expect(groups[0]!.resources).to.have.length(1);
    expect(groups[0]!.requirements.attributes![0]).to.deep.equal({ key: "region", value: "us-west" });
    const resources = {
      id: 1,
      cpu: { units: { val: "100" } },
      gpu: { units: { val: "0" } },
      memory: { size: { val: String(128 * 1024 ** 2) } },
      storage: [{ name: "default", size: { val: String(1024 ** 3) } }],
      endpoints: [{ sequence_number: 0 }, { kind: 1, sequence_number: 0 }],
    };
    expect(groups[0]!.resources[0]).to.deep.equal({ resource: resources, count: 2, price: { denom: "uact", amount: "50.000000000000000000" } });
    expect(c.manifest).to.deep.equal([
      {
        name: "westcoast",
        services: [
          {
            name: "web",
            image: "nginx",
            command: null,
            args: null,
            env: null,
            resources,
            count: 2,
            expose: [
              { port: 80, externalPort: 0, proto: "TCP", service: "", global: true, hosts: ["ahostname.com"], httpOptions: httpDefaults, ip: "", endpointSequenceNumber: 0 },
              { port: 12345, externalPort: 0, proto: "UDP", service: "", global: true, hosts: null, httpOptions: httpDefaults, ip: "", endpointSequenceNumber: 0 },
            ],
            credentials: null,
          },
        ],
      },
    ]);
  });

  it("TestV2_1_TEE_CPU / TestV2_1_TEE_CPUGPU: params.tee has the type and attestation, cpu-gpu keeps its GPU", () => {
    const cpu = compile("v2.1-tee-cpu.yaml").manifest;
    expect(cpu).to.have.length(1);
    expect(cpu[0]!.services[0]!.params!.tee).to.deep.equal({ type: "cpu", attestation: true });
    const gpu = compile("v2.1-tee-cpu-gpu.yaml").manifest[0]!.services[0]!;
    expect(gpu.params!.tee).to.deep.equal({ type: "cpu-gpu", attestation: true });
    expect(gpu.resources.gpu!.units.val).to.equal("1");
  });

  it("Test_V2_Cross_Validates / Test_V2_1_Cross_Validates: the manifest agrees with the deployment groups", () => {
    for (const file of ["legacy/deployment-v2.yaml", "simple3.yaml", "private_service.yaml", "v2.1-simple.yaml", "v2.1-simple3.yaml", "v2.1-private_service.yaml"]) {
      const c = compileSdl(fixture("go-sdl-testdata", ...file.split("/")), { file });
      checkAgainstGroupSpecs(c.manifest, c.groups.map(groupSpecToJson));
    }
  });

  it("TestV2ParseServiceMix2: v2.0 gives 2 resource units (ids 1, 2, count 1 each)", () => {
    const g = compile("service-mix2.yaml").groups.map(groupSpecToJson)[0]!;
    expect(g.resources.map((u) => [u.resource.id, u.count])).to.deep.equal([[1, 1], [2, 1]]);
    expect(g.requirements.attributes).to.have.length(2);
    expect(g.requirements.attributes![1]).to.deep.equal({ key: "region", value: "us-west" });
    expect(g.resources[0]!.resource.gpu!.attributes).to.deep.equal([{ key: "vendor/nvidia/model/*", value: "true" }]);
    expect(g.resources[0]!.resource.endpoints).to.deep.equal([{ sequence_number: 0 }, { kind: 1, sequence_number: 0 }]);
  });

  it("TestV2_1_ParseServiceMix2: v2.1 shares one unit with count 2 and both services' endpoints", () => {
    const c = compile("v2.1-service-mix2.yaml");
    const g = c.groups.map(groupSpecToJson)[0]!;
    expect(g.resources.map((u) => [u.resource.id, u.count])).to.deep.equal([[1, 2]]);
    expect(g.resources[0]!.resource.endpoints).to.have.length(4);
    expect(c.manifest[0]!.services.map((s) => [s.name, s.resources.id, s.count])).to.deep.equal([["svca", 1, 1], ["svcb", 1, 1]]);
  });

  it("TestV2ParseServiceMix / v2.1: two profiles give two units in both versions", () => {
    for (const file of ["service-mix.yaml", "v2.1-service-mix.yaml"]) {
      expect(compile(file).groups[0]!.resources.map((u) => u.resource!.id)).to.deep.equal([1, 2]);
    }
  });

  it("TestV2ParseSimpleGPU: one unit, count 2, GPU model a100", () => {
    for (const file of ["simple-gpu.yaml", "v2.1-simple-gpu.yaml"]) {
      const g = compile(file).groups.map(groupSpecToJson)[0]!;
      expect(g.resources).to.have.length(1);
      expect(g.resources[0]!.count).to.equal(2);
      expect(g.resources[0]!.resource.gpu!.attributes).to.deep.equal([{ key: "vendor/nvidia/model/a100", value: "true" }]);
      expect(g.requirements.attributes![1]).to.deep.equal({ key: "region", value: "us-west" });
    }
  });

  it("Test_v2_Parse_DeploymentNameServiceNameMismatch: a deployment naming no service is rejected", () => {
    for (const file of ["deployment-svc-mismatch.yaml", "v2.1-deployment-svc-mismatch.yaml"]) {
      expect(rejection(file)).to.match(/deployment\.webapp: no service named webapp/);
    }
  });

  it("simple2: only the deployed service is in the manifest, with 2 exposes and 1 host", () => {
    for (const file of ["simple2.yaml", "v2.1-simple2.yaml"]) {
      const services = compile(file).manifest[0]!.services;
      expect(services).to.have.length(1);
      expect(services[0]!.expose).to.have.length(2);
      expect(services[0]!.expose[0]!.hosts).to.have.length(1);
    }
  });

  it("profile names need not match service names", () => {
    for (const file of ["profile-svc-name-mismatch.yaml", "v2.1-profile-svc-name-mismatch.yaml"]) {
      expect(compile(file).manifest[0]!.services).to.have.length(1);
    }
  });

  it("Test_V2_1_Parse_credentials: host, username and password reach the manifest", () => {
    const creds = compile("v2.1-credentials.yaml").manifest[0]!.services[0]!.credentials!;
    expect([creds.host, creds.username, creds.password]).to.deep.equal(["https://test.com/v1", "foo", "foo"]);
    expect(rejection("v2.1-credentials-error.yaml")).to.match(/credentials/);
  });

  it("TestStorage_Invalid_*: mounts and volume references", () => {
    expect(rejection("storageClass1.yaml")).to.match(/expected an absolute path/);
    expect(rejection("storageClass2.yaml")).to.match(/expected an absolute path/);
    expect(rejection("storageClass3.yaml")).to.match(/references no-existing compute volume/);
    expect(rejection("storageClass4.yaml")).to.match(/already in use by volume/);
    expect(rejection("storageClass5.yaml")).to.match(/to have mount/);
    expect(compile("storageClass6.yaml").manifest).to.have.length(1);
  });

  it("reclamation: a valid window is read, an invalid or zero one is rejected", () => {
    expect(compile("simple-reclamation.yaml").sdl.reclamation).to.not.equal(undefined);
    expect(compile("v2.1-simple-reclamation.yaml").sdl.reclamation).to.not.equal(undefined);
    for (const file of ["simple-reclamation-invalid.yaml", "v2.1-reclamation-invalid.yaml"]) expect(rejection(file)).to.match(/min_window/);
    for (const file of ["simple-reclamation-zero.yaml", "v2.1-reclamation-zero.yaml"]) expect(rejection(file)).to.match(/must be > 0/);
  });

  it("TestSDLManifestVersion*: the hash changes with the manifest", () => {
    const simple = compile("simple.yaml").versionHex;
    expect(compile("private_service.yaml").versionHex).to.not.equal(simple);
    expect(compile("simple-double-ram.yaml").versionHex).to.not.equal(simple);
  });

  it("TestV2ParseSimpleWithIP: a UDP expose on leased IP with a sequence number", () => {
    for (const file of ["simple-with-ip.yaml", "v2.1-simple-with-ip.yaml"]) {
      const c = compile(file);
      const ipExpose = c.manifest[0]!.services[0]!.expose.find((e) => e.ip !== "")!;
      expect([ipExpose.proto, ipExpose.port, ipExpose.global]).to.deep.equal(["UDP", 12345, true]);
      expect(c.groups[0]!.resources[0]!.resource!.endpoints.some((e) => e.kind === 2 && e.sequenceNumber > 0)).to.equal(true);
    }
  });

  it("TestV2Parse_IP: legacy ip endpoint gives 2 endpoints and expose ip meow", () => {
    const c = compileSdl(fixture("go-sdl-testdata", "legacy", "deployment-v2-ip-endpoint.yaml"));
    const endpoints = c.groups[0]!.resources[0]!.resource!.endpoints;
    expect(endpoints).to.have.length(2);
    expect(endpoints.find((e) => e.kind === 2)!.sequenceNumber).to.be.greaterThan(0);
    expect(c.manifest[0]!.services[0]!.expose[0]!.ip).to.equal("meow");
  });

  it("TestV2Parse_SharedIP: both units carry the shared IP's sequence number", () => {
    const c = compileSdl(fixture("go-sdl-testdata", "legacy", "deployment-v2-shared-ip-endpoint.yaml"));
    const seqs = c.groups[0]!.resources.map((u) => u.resource!.endpoints.find((e) => e.kind === 2)!.sequenceNumber);
    expect(seqs).to.have.length(2);
    expect(seqs[0]).to.be.greaterThan(0);
    const services = c.manifest[0]!.services;
    expect(services.map((s) => s.resources.endpoints.find((e) => e.kind === 2)!.sequence_number)).to.deep.equal(seqs);
  });

  it("every legacy deployment compiles (TestV2Parse_Deployments, Cross_Validates, MultipleIP)", () => {
    for (const file of fixtureFiles("go-sdl-testdata", "legacy")) {
      expect(() => compileSdl(fixture("go-sdl-testdata", "legacy", file)), file).to.not.throw();
    }
  });
});
