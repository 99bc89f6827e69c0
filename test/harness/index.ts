// A small engine-like harness for testing our Pulumi dynamic providers without the Pulumi CLI.
export * from "./properties";
export * from "./provider-server";
export * from "./provider-string";
export * from "./engine";
export * from "./register";
export * from "./probe-provider";
export * from "./example-program";
