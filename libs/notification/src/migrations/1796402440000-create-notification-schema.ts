import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notifier's tables: `incidents`, the outbox `sms_notifications` and `sms_opt_outs`. Hand-written SQL;
 * `down` drops them.
 */
export class CreateNotificationSchema1796402440000 implements MigrationInterface {
  name = 'CreateNotificationSchema1796402440000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE incidents (
        incident_id          varchar(64) PRIMARY KEY,
        kind                 varchar(32) NOT NULL,
        state                varchar(16) NOT NULL,
        site_id              varchar(64),
        cell_ids             text[]      NOT NULL,
        cause                varchar(16) NOT NULL,
        opened_at            timestamptz NOT NULL,
        resolved_at          timestamptz,
        last_interval_at     timestamptz,
        healthy_intervals    integer     NOT NULL DEFAULT 0,
        absorbed_by          varchar(64),
        affected_subscribers integer     NOT NULL DEFAULT 0,
        updated_at           timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_incidents_kind CHECK (kind IN ('CELL_OUTAGE', 'SITE_OUTAGE', 'COMPLAINT_CLUSTER')),
        CONSTRAINT ck_incidents_state CHECK (state IN ('OPEN', 'RESOLVED'))
      )`);
    await queryRunner.query(`CREATE INDEX ix_incidents_opened_at ON incidents (opened_at)`);
    await queryRunner.query(`CREATE INDEX ix_incidents_open ON incidents (incident_id) WHERE state = 'OPEN'`);
    await queryRunner.query(`CREATE INDEX ix_incidents_absorbed_by ON incidents (absorbed_by) WHERE absorbed_by IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE sms_notifications (
        notification_id varchar(64) PRIMARY KEY,
        msisdn          varchar(16) NOT NULL,
        kind            varchar(32) NOT NULL,
        incident_id     varchar(64),
        ticket_id       varchar(64),
        language        varchar(8)  NOT NULL,
        text            text        NOT NULL,
        cell_ids        text[]      NOT NULL,
        created_at      timestamptz NOT NULL,
        not_before      timestamptz NOT NULL,
        published_at    timestamptz,
        CONSTRAINT ck_sms_notifications_kind CHECK (kind IN ('OUTAGE_NOTICE', 'RECOVERY_NOTICE', 'TICKET_UPDATE'))
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_sms_notifications_unpublished ON sms_notifications (created_at, notification_id) WHERE published_at IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX ix_sms_notifications_msisdn_created ON sms_notifications (msisdn, created_at)`);
    await queryRunner.query(
      `CREATE INDEX ix_sms_notifications_incident_kind ON sms_notifications (incident_id, kind) WHERE incident_id IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE sms_opt_outs (
        msisdn     varchar(16) PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE sms_opt_outs`);
    await queryRunner.query(`DROP TABLE sms_notifications`);
    await queryRunner.query(`DROP TABLE incidents`);
  }
}
