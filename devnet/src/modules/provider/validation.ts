/** Stateless checks of provider messages (chain-sdk go/node/provider/v1beta4/msgs.go ValidateBasic). */
import { accAddressBytes } from "../registry-kit/address";
import { sdkErrors } from "../../chain/errors";
import { GoUrlError, parseGoUrl } from "../registry-kit/go-url";
import { attributeErrors, providerErrors } from "./errors";

export interface AttributeLike {
  key: string;
  value: string;
}

/** Provider attribute keys (no wildcard): `AttributeNameRegexpString`. */
export const attributeKeyPattern = /^([a-zA-Z][\w/.\-]{1,126})$/;

/** `Attributes.ValidateWithRegex`: every key matches, no key twice. */
export function validateAttributes(attributes: AttributeLike[], pattern: RegExp = attributeKeyPattern): void {
  const seen = new Set<string>();
  for (const { key } of attributes) {
    if (!pattern.test(key)) throw attributeErrors.invalidKey;
    if (seen.has(key)) throw attributeErrors.duplicateKeys;
    seen.add(key);
  }
}

/** `validateProviderURI`: an absolute https URL with a host and no path. */
export function validateHostUri(value: string): void {
  let url;
  try {
    url = parseGoUrl(value);
  } catch (err) {
    if (err instanceof GoUrlError) throw providerErrors.invalidProviderUri;
    throw err;
  }
  if (url.scheme === "") throw providerErrors.notAbsProviderUri.wrap(`validating "${value}" for absolute URI`);
  if (url.scheme !== "https") throw providerErrors.invalidProviderUri.wrap(`scheme in "${value}" should be https`);
  if (url.host === "") throw providerErrors.invalidProviderUri.wrap(`validating "${value}" for valid host`);
  if (url.path !== "") throw providerErrors.invalidProviderUri.wrap(`path in "${value}" should be empty`);
}

/** `Info.Validate`: the website, when set, must parse as a URL. */
export function validateInfo(info: { email: string; website: string } | undefined): void {
  if (!info?.website) return;
  try {
    parseGoUrl(info.website);
  } catch {
    throw providerErrors.invalidInfoWebsite;
  }
}

export interface ProviderFields {
  owner: string;
  hostUri: string;
  attributes: AttributeLike[];
  info?: { email: string; website: string };
}

/** ValidateBasic of MsgCreateProvider / MsgUpdateProvider (`action` names the message in the address error). */
export function validateProviderMsg(msg: ProviderFields, action: "MsgCreate" | "MsgUpdate"): void {
  validateHostUri(msg.hostUri);
  try {
    accAddressBytes(msg.owner);
  } catch {
    throw sdkErrors.invalidAddress.wrap(`${action}: Invalid Provider Address`);
  }
  validateAttributes(msg.attributes);
  validateInfo(msg.info);
}
