import { Client } from 'pg';

/**
 * Test instrumentation installed in the fault tests' databases (never in the application's schema): a trigger that
 * records every insert and update of `network_views` with the server's clock, in the same transaction as the write.
 * A row in `fault_view_writes` is therefore there exactly when the view write committed, and its time tells whether
 * that happened before a fault. This is how the tests prove "committed offsets never pass unprocessed work" and
 * count work done twice.
 */
export const VIEW_WRITE_AUDIT_SQL = `
  CREATE TABLE fault_view_writes (
    id             bigserial   PRIMARY KEY,
    ticket_id      text        NOT NULL,
    ticket_version integer     NOT NULL,
    status         text        NOT NULL,
    written_at     timestamptz NOT NULL DEFAULT clock_timestamp()
  );
  CREATE INDEX ix_fault_view_writes_ticket ON fault_view_writes (ticket_id, ticket_version);
  CREATE FUNCTION fault_record_view_write() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO fault_view_writes (ticket_id, ticket_version, status) VALUES (NEW.ticket_id, NEW.ticket_version, NEW.status);
    RETURN NEW;
  END $$;
  CREATE TRIGGER fault_view_writes AFTER INSERT OR UPDATE ON network_views
    FOR EACH ROW EXECUTE FUNCTION fault_record_view_write();`;

/** Installs the audit trigger in the database at `url` (run once on the template database). */
export async function installViewWriteAudit(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(VIEW_WRITE_AUDIT_SQL);
  } finally {
    await client.end();
  }
}
