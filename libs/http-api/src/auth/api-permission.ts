import { ApiRole } from './api-role';

/** What a caller may do; each endpoint and RPC requires one permission. */
export enum ApiPermission {
  /** Read a ticket's network view and search tickets. */
  READ_TICKETS = 'READ_TICKETS',
  /** Submit a TicketEvent over HTTP (POST /tickets). */
  SUBMIT_TICKETS = 'SUBMIT_TICKETS',
  /** Ask for a ticket to be correlated again. */
  RECORRELATE = 'RECORRELATE',
  /** Read one cell: inventory, latest KPIs and KPI series (the panel's charts). */
  READ_CELLS = 'READ_CELLS',
  /** Network-wide NOC queries: degraded cells, complaint hot-spots. */
  READ_NETWORK = 'READ_NETWORK',
  /** List and read incidents (affected cells listed, affected subscribers only counted). */
  READ_INCIDENTS = 'READ_INCIDENTS',
  /** Opt subscribers out of (and back into) proactive SMS. */
  MANAGE_OPT_OUTS = 'MANAGE_OPT_OUTS',
  /** See subscriber numbers unmasked; without it every MSISDN in a response is masked (138****5678). */
  SEE_UNMASKED_MSISDN = 'SEE_UNMASKED_MSISDN',
}

/** The role matrix (documented in docs/api.md). */
export const ROLE_PERMISSIONS: Readonly<Record<ApiRole, readonly ApiPermission[]>> = {
  handler: [ApiPermission.READ_TICKETS, ApiPermission.SUBMIT_TICKETS, ApiPermission.READ_CELLS, ApiPermission.READ_INCIDENTS],
  noc: [
    ApiPermission.READ_TICKETS,
    ApiPermission.RECORRELATE,
    ApiPermission.READ_CELLS,
    ApiPermission.READ_NETWORK,
    ApiPermission.SEE_UNMASKED_MSISDN,
    ApiPermission.READ_INCIDENTS,
    ApiPermission.MANAGE_OPT_OUTS,
  ],
  admin: Object.values(ApiPermission),
};

/** Whether a role carries a permission. */
export function roleHasPermission(role: ApiRole, permission: ApiPermission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
