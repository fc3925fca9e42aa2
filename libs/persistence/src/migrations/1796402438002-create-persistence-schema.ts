import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The initial cellscope schema: tickets (with the complaint-number generator), cells, usage records,
 * network views (+ their cells) and the re-correlation schedule. Hand-written SQL; `down` drops it all.
 */
export class CreatePersistenceSchema1796402438002 implements MigrationInterface {
  name = 'CreatePersistenceSchema1796402438002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE complaint_no_seq AS bigint START WITH 1`);
    // CS + UTC date of receipt + at least 7 digits; never truncates once the sequence passes 9,999,999.
    await queryRunner.query(`
      CREATE FUNCTION next_complaint_no() RETURNS varchar LANGUAGE sql VOLATILE AS $$
        SELECT 'CS' || to_char(now() AT TIME ZONE 'UTC', 'YYYYMMDD') || lpad(s.n::text, greatest(7, length(s.n::text)), '0')
        FROM (SELECT nextval('complaint_no_seq') AS n) AS s
      $$`);

    await queryRunner.query(`
      CREATE TABLE tickets (
        ticket_id        varchar(64)  PRIMARY KEY,
        complaint_no     varchar(32)  NOT NULL DEFAULT next_complaint_no(),
        version          integer      NOT NULL,
        status           varchar(16)  NOT NULL,
        msisdn           varchar(16)  NOT NULL,
        reported_at      timestamptz  NOT NULL,
        occurred_at      timestamptz  NOT NULL,
        symptom          varchar(32),
        description      text,
        location_lat     double precision,
        location_lon     double precision,
        location_address varchar(200),
        cell_ids         text[],
        subscriber       jsonb,
        region           varchar(64),
        received_at      timestamptz  NOT NULL DEFAULT now(),
        updated_at       timestamptz  NOT NULL DEFAULT now(),
        CONSTRAINT uq_tickets_complaint_no UNIQUE (complaint_no),
        CONSTRAINT ck_tickets_version CHECK (version >= 1)
      )`);

    await queryRunner.query(`
      CREATE TABLE cells (
        cell_id      varchar(64)      PRIMARY KEY,
        name         text             NOT NULL,
        site_id      varchar(64)      NOT NULL,
        site_name    text,
        site_type    varchar(16)      NOT NULL,
        network_type varchar(4)       NOT NULL,
        band         varchar(32),
        lat          double precision NOT NULL,
        lon          double precision NOT NULL,
        azimuth      smallint,
        region       varchar(64),
        vendor       varchar(64),
        status       varchar(16)      NOT NULL,
        updated_at   timestamptz      NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX ix_cells_site_id ON cells (site_id)`);
    await queryRunner.query(`CREATE INDEX ix_cells_lat_lon ON cells (lat, lon)`);

    await queryRunner.query(`
      CREATE TABLE usage_records (
        msisdn   varchar(16) NOT NULL,
        cell_id  varchar(64) NOT NULL,
        start_at timestamptz NOT NULL,
        end_at   timestamptz NOT NULL,
        bytes_dl bigint,
        bytes_ul bigint,
        CONSTRAINT pk_usage_records PRIMARY KEY (msisdn, cell_id, start_at)
      )`);
    await queryRunner.query(`CREATE INDEX ix_usage_records_msisdn_end_start ON usage_records (msisdn, end_at, start_at)`);
    await queryRunner.query(`CREATE INDEX ix_usage_records_cell_end ON usage_records (cell_id, end_at)`);

    await queryRunner.query(`
      CREATE TABLE network_views (
        ticket_id       varchar(64) PRIMARY KEY,
        complaint_no    varchar(32) NOT NULL,
        ticket_version  integer     NOT NULL,
        status          varchar(16) NOT NULL,
        verdict_cause   varchar(32) NOT NULL,
        network_related boolean,
        serving_cell_id varchar(64),
        msisdn          varchar(16) NOT NULL,
        occurred_at     timestamptz NOT NULL,
        correlated_at   timestamptz NOT NULL,
        document        jsonb       NOT NULL,
        document_hash   char(64)    NOT NULL,
        CONSTRAINT uq_network_views_complaint_no UNIQUE (complaint_no)
      )`);
    await queryRunner.query(`CREATE INDEX ix_network_views_msisdn ON network_views (msisdn)`);
    await queryRunner.query(`CREATE INDEX ix_network_views_serving_cell_occurred ON network_views (serving_cell_id, occurred_at)`);
    await queryRunner.query(`CREATE INDEX ix_network_views_verdict_cause ON network_views (verdict_cause)`);
    await queryRunner.query(`CREATE INDEX ix_network_views_status ON network_views (status)`);
    await queryRunner.query(`CREATE INDEX ix_network_views_occurred_at ON network_views (occurred_at)`);

    await queryRunner.query(`
      CREATE TABLE network_view_cells (
        ticket_id   varchar(64) NOT NULL,
        cell_id     varchar(64) NOT NULL,
        role        varchar(16) NOT NULL,
        occurred_at timestamptz NOT NULL,
        CONSTRAINT pk_network_view_cells PRIMARY KEY (ticket_id, cell_id),
        CONSTRAINT fk_network_view_cells_ticket FOREIGN KEY (ticket_id) REFERENCES network_views (ticket_id) ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_network_view_cells_cell_role_occurred ON network_view_cells (cell_id, role, occurred_at)`,
    );
    await queryRunner.query(`CREATE INDEX ix_network_view_cells_occurred_at ON network_view_cells (occurred_at)`);

    await queryRunner.query(`
      CREATE TABLE recorrelation_schedule (
        ticket_id   varchar(64) PRIMARY KEY,
        due_at      timestamptz NOT NULL,
        reason      text        NOT NULL,
        attempts    integer     NOT NULL DEFAULT 0,
        lease_until timestamptz,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX ix_recorrelation_schedule_due_at ON recorrelation_schedule (due_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE recorrelation_schedule`);
    await queryRunner.query(`DROP TABLE network_view_cells`);
    await queryRunner.query(`DROP TABLE network_views`);
    await queryRunner.query(`DROP TABLE usage_records`);
    await queryRunner.query(`DROP TABLE cells`);
    await queryRunner.query(`DROP TABLE tickets`);
    await queryRunner.query(`DROP FUNCTION next_complaint_no()`);
    await queryRunner.query(`DROP SEQUENCE complaint_no_seq`);
  }
}
