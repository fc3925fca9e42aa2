/** A cell id outside the contract's id rule (1..64 of [A-Za-z0-9._:-]); raised before any query is built. */
export class InvalidCellIdError extends Error {
  readonly code = 'INVALID_CELL_ID';
  readonly retriable = false;

  constructor(readonly cellId: unknown) {
    super(`Invalid cellId ${JSON.stringify(typeof cellId === 'string' ? cellId.slice(0, 80) : cellId)}: must be 1..64 of [A-Za-z0-9._:-]`);
    this.name = 'InvalidCellIdError';
  }
}
