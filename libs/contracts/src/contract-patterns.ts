/** Identifier rule shared by ticketId and cellId (contracts.md): 1..64 of [A-Za-z0-9._:-]. */
export const ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;
/** MSISDN rule: 8..15 digits with an optional leading +. */
export const MSISDN_PATTERN = /^\+?\d{8,15}$/;
/** ISO 8601 timestamp that carries its offset (Z or ±hh:mm). */
export const TIMESTAMP_WITH_OFFSET_PATTERN =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
