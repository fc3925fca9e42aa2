/**
 * Where a complaining subscriber was around the complaint: the usage generator places the subscriber on `cellIndex`
 * for every 15-minute step starting in [from, to) (ms), except one optional step spent on a neighbour cell.
 * A step on a cell that is DOWN yields no record (no service).
 */
export interface UsagePin {
  msisdn: string;
  cellIndex: number;
  from: number;
  to: number;
  neighbourStep?: { at: number; cellIndex: number };
}

/** Gives the pins of one local day, by MSISDN. */
export interface UsagePinSource {
  pinsOfDay(day: number): ReadonlyMap<string, readonly UsagePin[]>;
}
