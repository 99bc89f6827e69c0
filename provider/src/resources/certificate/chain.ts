// cert module (akash.cert.v1) messages and the one query the resource needs. The chain takes the
// certificate and public key as the UTF-8 bytes of their PEM text.
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

export async function queryCertificateState(conn: ChainConnection, owner: string, serial: string): Promise<CertificateState> {
  const res = await conn.query(
    "/akash.cert.v1.Query/Certificates",
    QueryCertificatesRequest,
    { filter: { owner, serial, state: "" } },
    QueryCertificatesResponse,
  );
  const found = res.certificates.find((c) => c.serial === serial);
  if (!found) return "missing";
  return found.certificate?.state === Cert_State.valid ? "valid" : "revoked";
}

/** cert code 1 (not found) or 4 (already revoked): revoking is already done. */
export function isAlreadyRevoked(error: unknown): boolean {
  if (!(error instanceof ChainTxError)) return false;
  return (error.codespace === "cert" && (error.code === 1 || error.code === 4)) || /certificate (not found|already revoked)/i.test(error.log);
}
