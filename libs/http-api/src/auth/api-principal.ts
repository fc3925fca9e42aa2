import { ApiRole } from './api-role';

/** The authenticated caller of one request. */
export interface ApiPrincipal {
  role: ApiRole;
  /** A short, non-secret fingerprint of the key (for rate limiting and logs); never the key itself. */
  keyId: string;
}
