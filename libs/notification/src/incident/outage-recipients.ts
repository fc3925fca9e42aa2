import { NetworkView } from '@cellscope/domain';
import { normalizeMsisdn } from '../policy/msisdn-normalization';

/** Where the recipients of an OUTAGE_NOTICE come from. */
export interface OutageRecipientSources {
  /** The incident's cells. */
  cellIds: readonly string[];
  /** Recent views (tickets) that may have one of the cells as SERVING cell. */
  views: readonly NetworkView[];
  /** Subscribers with recent usage on the cells (already capped). */
  usageMsisdns: readonly string[];
}

/**
 * The subscribers affected by an outage: ticket holders whose view has one of the incident's cells as SERVING cell,
 * then subscribers with usage on the cells; normalised (no leading +), each once, ticket holders first (each group
 * in msisdn order).
 */
export function outageRecipients(sources: OutageRecipientSources): string[] {
  const cells = new Set(sources.cellIds);
  const holders = new Set<string>();
  for (const view of sources.views) {
    if (view.cells.some((cell) => cell.role === 'SERVING' && cells.has(cell.cellId))) holders.add(normalizeMsisdn(view.msisdn));
  }
  const users = new Set<string>();
  for (const msisdn of sources.usageMsisdns) {
    const normalized = normalizeMsisdn(msisdn);
    if (!holders.has(normalized)) users.add(normalized);
  }
  return [...[...holders].sort(), ...[...users].sort()];
}
