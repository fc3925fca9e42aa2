import { maskMsisdn, NetworkView } from '@cellscope/domain';
import { ApiPermission, roleHasPermission } from '../auth/api-permission';
import { ApiPrincipal } from '../auth/api-principal';

/** Whether MSISDNs must be masked for this caller (every role without SEE_UNMASKED_MSISDN, e.g. handler). */
export function mustMaskMsisdn(principal: ApiPrincipal): boolean {
  return !roleHasPermission(principal.role, ApiPermission.SEE_UNMASKED_MSISDN);
}

/** The caller's copy of a view: the MSISDN masked (138****5678) unless the role may see it. */
export function viewForPrincipal(view: NetworkView, principal: ApiPrincipal): NetworkView {
  return mustMaskMsisdn(principal) ? { ...view, msisdn: maskMsisdn(view.msisdn) } : view;
}
