/**
 * The contract between the devnet's chain core (RPC server, tx pipeline, blocks, persistence, auth, bank)
 * and the state-machine modules (deployment, market, escrow, cert, provider, audit, bme, authz).
 * The core owns everything here except the modules' own handlers.
 */
/**
 * A generated message codec, from chain-sdk or cosmjs-types (only the parts the core needs; the two
 * generators use different BinaryReader/Writer classes, hence the loose types).
 */
export interface Codec<T> {
  readonly $type?: string;
  readonly typeUrl?: string;
  encode(message: T, writer?: any): { finish(): Uint8Array };
  decode(input: Uint8Array, length?: number): T;
  fromPartial(object: any): T;
  toJSON?(message: T): unknown;
}

/**
 * Ordered key-value state. Values are plain JSON data (bigints as decimal strings, bytes as base64),
 * so the core can persist them without knowing the modules. Keys are '/'-separated strings such as
 * `deployment/deployments/<owner>/<dseq, zero-padded to 20 digits>`; numeric key parts are zero-padded
 * so that lexical order is numeric order.
 */
export interface KVStore {
  get<T>(key: string): T | undefined;
  has(key: string): boolean;
  set<T>(key: string, value: T): void;
  delete(key: string): void;
  /** Entries whose key starts with `prefix`, in ascending key order; safe to mutate while iterating. */
  entries<T>(prefix: string): Array<[string, T]>;
}

export interface BlockInfo {
  chainId: string;
  height: number;
  time: Date;
}

/** ABCI error as the chain returns it: the codespace and code are what cosmjs shows users. */
export class ChainError extends Error {
  constructor(
    readonly codespace: string,
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = "ChainError";
  }

  /** cosmos-sdk `errors.Wrap`: "<context>: <base message>", same codespace and code. */
  wrap(context: string): ChainError {
    return new ChainError(this.codespace, this.code, `${context}: ${this.message}`);
  }
}

export interface Coin {
  denom: string;
  amount: string;
}

/** Bank keeper exposed by the core to modules. Amounts are integer strings or bigints. */
export interface Bank {
  balance(address: string, denom: string): bigint;
  balances(address: string): Coin[];
  /** Account-to-account transfer; fails with sdk code 5 "insufficient funds" like x/bank. */
  send(from: string, to: string, coins: Coin[]): void;
  /** Module account address, e.g. moduleAddress("escrow") = akash14pphss726thpwws3yc458hggufynm9x77l4l2u. */
  moduleAddress(module: string): string;
  mint(module: string, coins: Coin[]): void;
  burn(module: string, coins: Coin[]): void;
}

/** Auth keeper: account lookups (the JWT verifier needs an account's on-chain public key). */
export interface Auth {
  /** The secp256k1 compressed public key of an account that has signed a transaction, if any. */
  pubkey(address: string): Uint8Array | undefined;
  accountExists(address: string): boolean;
}

export interface EventAttribute {
  key: string;
  value: string;
}

export interface Events {
  /** A plain ABCI event. */
  emit(type: string, attributes: EventAttribute[]): void;
  /**
   * A typed event as cosmos-sdk `EmitTypedEvent` writes it: type = proto full name, one attribute per
   * field with the field's proto-JSON value (JSON.stringify'd), plus `msg_index` added by the core.
   */
  emitTyped(type: string, fields: Record<string, unknown>): void;
}

/** What a message or query handler sees. Writes go to a branch that is discarded if the handler throws. */
export interface Context {
  block: BlockInfo;
  store: KVStore;
  bank: Bank;
  auth: Auth;
  events: Events;
  /** Charge gas the way the store's gas meter would (the core charges per read/write already). */
  consumeGas(amount: number, descriptor: string): void;
  /** Other modules' keepers, looked up by module name (see Module.keeper). */
  keeper<K>(module: string): K;
}

export interface MsgHandler<T> {
  /** e.g. "/akash.deployment.v1beta4.MsgCreateDeployment" */
  typeUrl: string;
  codec: Codec<T>;
  /** Response codec, used to encode the handler's return value into the tx result `data`. */
  response: Codec<any>;
  /** Addresses that must have signed the tx (cosmos GetSigners). */
  signers(msg: T): string[];
  /** Stateless checks (cosmos ValidateBasic); run in CheckTx and DeliverTx before `handle`. */
  validateBasic?(msg: T): void;
  handle(ctx: Context, msg: T): unknown;
}

export interface QueryHandler<Req, Res> {
  /** gRPC method path used as the abci_query path, e.g. "/akash.deployment.v1beta4.Query/Deployment" */
  path: string;
  request: Codec<Req>;
  response: Codec<Res>;
  handle(ctx: Context, req: Req): Res;
  /** Optional grpc-gateway REST route, e.g. "GET /akash/deployment/v1beta4/deployments/info". */
  rest?: string;
}

export interface Module {
  name: string;
  msgs: MsgHandler<any>[];
  queries: QueryHandler<any, any>[];
  /** Object other modules reach through ctx.keeper(name); functions take the caller's Context. */
  keeper?: unknown;
  /** Amino JSON names for SIGN_MODE_LEGACY_AMINO_JSON, typeUrl -> amino type, if supported. */
  aminoTypes?: Record<string, string>;
  initGenesis?(ctx: Context, genesis: unknown): void;
  beginBlock?(ctx: Context): void;
  endBlock?(ctx: Context): void;
}

/** cosmos.base.query.v1beta1 pagination, shared by every list query. */
export interface PageRequestLike {
  key?: Uint8Array;
  offset?: bigint | number | { toString(): string };
  limit?: bigint | number | { toString(): string };
  countTotal?: boolean;
  reverse?: boolean;
}
