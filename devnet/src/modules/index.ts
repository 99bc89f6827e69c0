/**
 * The modules the devnet app loads, in genesis / begin-block / end-block order. Each module folder's
 * index.ts exports `createModule(): Module`; add a line here to load one.
 */
import type { Module } from "../chain/types";
import { createModule as auth } from "./auth";
import { createModule as bank } from "./bank";
import { createModule as deployment } from "./deployment";
import { createModule as escrow } from "./escrow";
import { createModule as market } from "./market";
import { createModule as provider } from "./provider";
import { createModule as audit } from "./audit";
import { createModule as cert } from "./cert";
import { createModule as bme } from "./bme";
import { createModule as authz } from "./authz";
import { createModule as feegrant } from "./feegrant";

const factories: Array<() => Module> = [
  auth,
  bank,
  escrow,
  deployment,
  market,
  provider,
  audit,
  cert,
  bme,
  authz,
  feegrant,
];

export function createModules(): Module[] {
  return factories.map((create) => create());
}
