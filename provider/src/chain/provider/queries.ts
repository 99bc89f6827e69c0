/** Provider registry and audit queries: a provider's host URI and attributes, and auditor-signed attributes. */
import {
  QueryProviderRequest,
  QueryProviderResponse,
  type Provider,
} from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { QueryProviderAttributesRequest, QueryProvidersResponse, type AuditedProvider } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { ChainConnection } from "../connection";
import { isNotFound } from "../deployment/queries";
import { allPages, PAGE_LIMIT } from "../pagination";

/** The registered provider, or undefined if the address is not a provider. */
export async function queryProvider(conn: ChainConnection, owner: string): Promise<Provider | undefined> {
  try {
    const res = await conn.query("/akash.provider.v1beta4.Query/Provider", QueryProviderRequest, { owner }, QueryProviderResponse);
    return res.provider;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Attribute sets signed for this provider, one entry per auditor. */
export async function queryAuditedAttributes(conn: ChainConnection, owner: string): Promise<AuditedProvider[]> {
  try {
    return await allPages(async (key) => {
      const res = await conn.query(
        "/akash.audit.v1.Query/ProviderAttributes",
        QueryProviderAttributesRequest,
        { owner, pagination: { key, limit: PAGE_LIMIT } },
        QueryProvidersResponse,
      );
      return { items: res.providers, nextKey: res.pagination?.nextKey };
    });
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}
