/** A half-open time range [from, to). */
export interface TimeWindow {
  from: Date;
  to: Date;
}
