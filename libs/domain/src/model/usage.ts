/** Time a subscriber spent on a cell, from signalling/xDR probes (the UsageRecord of contracts.md). */
export interface UsageRecord {
  msisdn: string;
  cellId: string;
  start: Date;
  end: Date;
  bytesDl?: number;
  bytesUl?: number;
}
