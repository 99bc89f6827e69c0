/** Provider gateway client: auth (JWT or mTLS), manifest delivery, lease status, readiness and /status probes. */
export { gatewayRequest, GatewayError, type GatewayAuth } from "./https";
export { createProviderJwt, jwtSource, DEFAULT_JWT_SCOPE, type JwtScope } from "./jwt";
export { sendManifest, type SendManifestOptions } from "./manifest";
export { getLeaseStatus, parseLeaseStatus, type LeaseStatus, type ServiceStatus, type ForwardedPort, type LeasedIp, type LeaseRef } from "./leaseStatus";
export { awaitLeaseReady, LeaseNotReadyError, pendingServices, type ReadyLease } from "./readiness";
export { probeProviderStatus, type ProbeResult } from "./providerStatus";
