/** The chain client: connection with failover, signer, the per-signer tx queue, typed messages and queries. */
export { connectAkashClient, type AkashClient, type AkashClientConfig } from "./client";
export { ChainConnection, type ConnectionOptions } from "./connection";
export { CONFIG_KEYS, ConfigError, ChainTxError, TxTimeoutError } from "./errors";
export { signerFromMnemonic, type AkashSigner } from "./signer";
export { TxQueue, type TxResult, type TxQueueOptions, type TxQueueStats, type SubmitOptions } from "./txQueue";
export { sharedTxQueue } from "./txQueues";
export { createAkashRegistry, typeUrlOf } from "./registry";
export { latestBlock, blockAt, estimateBlockTime, DEFAULT_BLOCK_TIME_SECONDS } from "./blocks";
export { msgCreateDeployment, msgUpdateDeployment, msgCloseDeployment, type DeploymentRef } from "./deployment/messages";
export { queryDeployment, queryDeploymentParams } from "./deployment/queries";
export { msgCreateLease, msgCloseLease, type BidRef } from "./market/messages";
export { queryBids, queryLeases, queryMarketParams, type MarketFilter } from "./market/queries";
export { queryProvider, queryAuditedAttributes } from "./provider/queries";
export { queryBalances, queryBalance } from "./bank/queries";
export { msgDepositDeployment, deploymentEscrowId } from "./escrow/messages";
export { escrowRunway, toDisplayUnits, type EscrowRunway, type EscrowRunwayInput } from "./escrow/runway";
