/**
 * The real TxBackend: cosmjs offline signing with explicit signer data, simulate with an explicit sequence
 * (cosmjs' own simulate re-reads the sequence from the chain, see console PR #3214), broadcast_tx_sync and
 * tx_search, all through the failover connection (logging a failover to the callers of the tx being sent).
 */
import { SigningStargateClient, accountFromAny, type StdFee } from "@cosmjs/stargate";
import { encodePubkey, type EncodeObject, type Registry } from "@cosmjs/proto-signing";
import { encodeSecp256k1Pubkey } from "@cosmjs/amino";
import { toHex } from "@cosmjs/encoding";
import { TxMsgData } from "cosmjs-types/cosmos/base/abci/v1beta1/abci";
import { QueryAccountRequest, QueryAccountResponse } from "cosmjs-types/cosmos/auth/v1beta1/query";
import { SimulateRequest, SimulateResponse } from "cosmjs-types/cosmos/tx/v1beta1/service";
import { AuthInfo, Fee, Tx, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { ChainTxError } from "./errors";
import type { ChainConnection } from "./connection";
import type { AkashSigner } from "./signer";
import type { IncludedTx, SignerData, TxBackend } from "./txQueue";
import { createAkashRegistry } from "./registry";

export function createTxBackend(connection: ChainConnection, signer: AkashSigner, registry: Registry = createAkashRegistry()): TxBackend {
  let offline: Promise<SigningStargateClient> | undefined;
  const pubkeyAny = encodePubkey(encodeSecp256k1Pubkey(signer.pubkey));

  return {
    chainId: connection.chainId,
    address: signer.address,

    async account(log) {
      let bytes: Uint8Array;
      try {
        bytes = await connection.withLog(log).abciQuery(
          "/cosmos.auth.v1beta1.Query/Account",
          QueryAccountRequest.encode({ address: signer.address }).finish(),
        );
      } catch (error) {
        if (error instanceof ChainTxError && /not found/i.test(error.log)) {
          throw new Error(`account ${signer.address} does not exist on chain ${connection.chainId} yet: send it some uakt for fees first`);
        }
        throw error;
      }
      const { account } = QueryAccountResponse.decode(bytes);
      if (!account) throw new Error(`account ${signer.address} not found on chain ${connection.chainId}`);
      const parsed = accountFromAny(account);
      return { accountNumber: parsed.accountNumber, sequence: parsed.sequence };
    },

    async simulate(messages, memo, sequence, log) {
      const tx = Tx.fromPartial({
        body: TxBody.fromPartial({ messages: messages.map((m) => registry.encodeAsAny(m)), memo }),
        authInfo: AuthInfo.fromPartial({
          fee: Fee.fromPartial({}),
          signerInfos: [{ publicKey: pubkeyAny, sequence: BigInt(sequence), modeInfo: { single: { mode: SignMode.SIGN_MODE_UNSPECIFIED } } }],
        }),
        signatures: [new Uint8Array()],
      });
      try {
        const bytes = await connection.withLog(log).abciQuery(
          "/cosmos.tx.v1beta1.Service/Simulate",
          SimulateRequest.encode(SimulateRequest.fromPartial({ txBytes: Tx.encode(tx).finish() })).finish(),
        );
        return Number(SimulateResponse.decode(bytes).gasInfo?.gasUsed ?? 0n);
      } catch (error) {
        if (error instanceof ChainTxError) throw new ChainTxError(error.codespace, error.code, error.log, { stage: "simulate" });
        throw error;
      }
    },

    async sign(messages: readonly EncodeObject[], fee: StdFee, memo: string, signerData: SignerData) {
      offline ??= SigningStargateClient.offline(signer.direct, { registry });
      const raw = await (await offline).sign(signer.address, messages, fee, memo, signerData);
      return TxRaw.encode(raw).finish();
    },

    async broadcastSync(txBytes, log) {
      let response;
      try {
        response = await connection.withLog(log).run((c) => c.broadcastTxSync({ tx: txBytes }));
      } catch (error) {
        // An identical tx already in the mempool (e.g. our own resend after a lost answer) is a success.
        if (error instanceof Error && /already exists in cache/i.test(error.message)) return;
        throw error;
      }
      if (response.code) {
        throw new ChainTxError(response.codespace ?? "", response.code, response.log ?? "", {
          stage: "broadcast",
          txHash: toHex(response.hash).toUpperCase(),
        });
      }
    },

    async findTx(hash, log): Promise<IncludedTx | undefined> {
      const { txs } = await connection.withLog(log).run((c) => c.txSearch({ query: `tx.hash='${hash}'` }));
      const tx = txs[0];
      if (!tx) return undefined;
      const msgResponses = tx.result.data ? TxMsgData.decode(tx.result.data).msgResponses : [];
      return {
        hash,
        height: tx.height,
        code: tx.result.code,
        codespace: tx.result.codespace ?? "",
        log: tx.result.log ?? "",
        events: tx.result.events.map((e) => ({
          type: e.type,
          attributes: e.attributes.map((a) => ({ key: a.key, value: a.value })),
        })),
        msgResponses: msgResponses.map((r) => ({ typeUrl: r.typeUrl, value: r.value })),
        gasUsed: Number(tx.result.gasUsed),
        gasWanted: Number(tx.result.gasWanted),
      };
    },
  };
}
