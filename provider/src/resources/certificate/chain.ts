// cert module (akash.cert.v1) messages and the certificate query (akash.Certificate's state, a Deployment's check
// of its gatewayAuth). The chain takes the certificate and public key as the UTF-8 bytes of their PEM text.
import type { EncodeObject } from "@cosmjs/proto-signing";
import {
  Cert_State,
  MsgCreateCertificate,
  MsgRevokeCertificate,
  QueryCertificatesRequest,
  QueryCertificatesResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { ChainConnection } from "../../chain/connection";
import { ChainTxError } from "../../chain/errors";
import { typeUrlOf } from "../../chain/registry";

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

export function msgCreateCertificate(owner: string, certPem: string, publicKeyPem: string): EncodeObject {
  return {
    typeUrl: typeUrlOf(MsgCreateCertificate),
    value: MsgCreateCertificate.fromPartial({ owner, cert: utf8.encode(certPem), pubkey: utf8.encode(publicKeyPem) }),
  };
}

export function msgRevokeCertificate(owner: string, serial: string): EncodeObject {
  return { typeUrl: typeUrlOf(MsgRevokeCertificate), value: MsgRevokeCertificate.fromPartial({ id: { owner, serial } }) };
}

export type CertificateState = "valid" | "revoked" | "missing";

export interface OnChainCertificate {
  state: "valid" | "revoked";
  certPem: string;
}

/** The certificate the chain holds under (owner, serial), whatever its state. */
export async function queryCertificate(conn: ChainConnection, owner: string, serial: string): Promise<OnChainCertificate | undefined> {
  const res = await conn.query(
    "/akash.cert.v1.Query/Certificates",
    QueryCertificatesRequest,
    { filter: { owner, serial, state: "" } },
    QueryCertificatesResponse,
  );
  const found = res.certificates.find((c) => c.serial === serial);
  if (!found) return undefined;
  return { state: found.certificate?.state === Cert_State.valid ? "valid" : "revoked", certPem: fromUtf8.decode(found.certificate?.cert ?? new Uint8Array()) };
}

export async function queryCertificateState(conn: ChainConnection, owner: string, serial: string): Promise<CertificateState> {
  return (await queryCertificate(conn, owner, serial))?.state ?? "missing";
}

/** cert code 1 (not found) or 4 (already revoked): revoking is already done. */
export function isAlreadyRevoked(error: unknown): boolean {
  if (!(error instanceof ChainTxError)) return false;
  return (error.codespace === "cert" && (error.code === 1 || error.code === 4)) || /certificate (not found|already revoked)/i.test(error.log);
}
