/** A subscriber's opt-out from proactive SMS. */
export interface OptOut {
  /** The MSISDN without a leading +. */
  msisdn: string;
  since: Date;
}

/**
 * Port: subscribers who want no proactive SMS. MSISDNs are compared without a leading + (`+8613800000000` and
 * `8613800000000` are the same subscriber).
 */
export abstract class OptOutRepository {
  /** Opts a subscriber out (idempotent: a second call keeps the first `since`). */
  abstract add(msisdn: string, at: Date): Promise<OptOut>;
  /** Opts a subscriber back in; false when they had not opted out. */
  abstract remove(msisdn: string): Promise<boolean>;
  /** The opt-out of one subscriber, or null. */
  abstract find(msisdn: string): Promise<OptOut | null>;
  /** Which of these MSISDNs (returned as given) have opted out. */
  abstract findOptedOut(msisdns: readonly string[]): Promise<Set<string>>;
}
