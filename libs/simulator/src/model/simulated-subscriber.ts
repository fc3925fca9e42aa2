/** Daily routine of a subscriber: commuters spend office hours on their work cell. */
export type SubscriberRoutine = 'COMMUTER' | 'HOME_BASED';

/** A simulated mobile line: its number, where it lives and works, and what the customer-service system knows about it. */
export interface SimulatedSubscriber {
  msisdn: string;
  /** Cell of the home (nights, evenings, weekends). */
  homeCellId: string;
  /** Cell of the workplace (commuters) or of the daytime neighbourhood (home-based). */
  workCellId: string;
  routine: SubscriberRoutine;
  fiveGEnabled: boolean;
  volteEnabled: boolean;
  terminal: string;
  plan: string;
  /** false for lines the signalling probes do not see: such a subscriber has no usage records at all. */
  probeVisible: boolean;
}
