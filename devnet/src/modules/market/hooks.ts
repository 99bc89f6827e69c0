import type { Context } from "../../chain/types";
import type { DeploymentKeeper, GroupState } from "../deployment/keeper";
import { deploymentErrors } from "../deployment/errors";
import type { EscrowHooks } from "../escrow/keeper";
import type { Account, Payment } from "../escrow/types";
import { marketErrors } from "./errors";
import { LeaseClosedReason, type MarketKeeper } from "./keeper";

/**
 * Escrow → deployment/market hooks (node x/market/hooks/hooks.go): a closed or overdrawn deployment account
 * closes the deployment and its groups; a closed or overdrawn lease payment closes the order, bid and lease.
 */
export function createEscrowHooks(market: MarketKeeper): EscrowHooks {
  const deployments = (ctx: Context) => ctx.keeper<DeploymentKeeper>("deployment");

  return {
    onEscrowAccountClosed(ctx: Context, account: Account): void {
      // Bid deposit accounts are not deployments: the node's hook returns ErrInvalidEscrowID for them, which
      // callers either ignore or treat as a reason to stop (CreateLease's losing-bid loop).
      if (account.id.scope !== "deployment") throw deploymentErrors.invalidEscrowId();
      const [owner, dseq] = account.id.xid.split("/");
      const dk = deployments(ctx);
      const deployment = dk.getDeployment(ctx, { owner, dseq });
      if (!deployment || deployment.state !== "active") return;
      dk.closeDeployment(ctx, deployment);
      const state: GroupState = account.state === "overdrawn" ? "insufficient_funds" : "closed";
      for (const group of dk.getGroups(ctx, deployment)) {
        if (group.state === "closed") continue;
        dk.onCloseGroup(ctx, group, state);
        market.onGroupClosed(ctx, group, state);
      }
    },

    onEscrowPaymentClosed(ctx: Context, payment: Payment): void {
      if (payment.id.aid.scope !== "deployment") return;
      const [owner, dseq] = payment.id.aid.xid.split("/");
      const [gseq, oseq, provider] = payment.id.xid.split("/");
      if (!owner || !dseq || !gseq || !oseq || !provider) return;
      const id = { owner, dseq, gseq: Number(gseq), oseq: Number(oseq), provider, bseq: 0 };
      const bid = market.getBid(ctx, id);
      if (!bid || bid.state !== "active") return;
      const order = market.getOrder(ctx, id);
      if (!order) throw marketErrors.orderNotFound();
      const lease = market.getLease(ctx, id);
      if (!lease) throw marketErrors.leaseNotFound();
      market.onOrderClosed(ctx, order);
      market.onBidClosed(ctx, bid);
      if (payment.state === "overdrawn") market.onLeaseClosed(ctx, lease, "insufficient_funds", LeaseClosedReason.insufficientFunds);
      else market.onLeaseClosed(ctx, lease, "closed", LeaseClosedReason.unspecified);
    },
  };
}
