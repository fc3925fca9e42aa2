import { readFileSync } from 'node:fs';
import { AppConfig } from '@cellscope/config';
import { InfluxSchema, InfluxSchemaError, parseInfluxSchema } from './influx-schema';

/**
 * The schema mapping in force: parsed from the JSON file at INFLUX_SCHEMA_FILE when set, else the default
 * schema of kpis.md. A missing or malformed file throws InfluxSchemaError naming the file.
 */
export function loadInfluxSchema(config: Pick<AppConfig, 'INFLUX_SCHEMA_FILE'>): InfluxSchema {
  const path = config.INFLUX_SCHEMA_FILE;
  if (path === undefined || path === '') return InfluxSchema.DEFAULT;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InfluxSchemaError([`INFLUX_SCHEMA_FILE ${path}: ${(e as Error).message}`]);
  }
  try {
    return parseInfluxSchema(json);
  } catch (e) {
    if (e instanceof InfluxSchemaError) throw new InfluxSchemaError(e.problems.map((p) => `INFLUX_SCHEMA_FILE ${path}: ${p}`));
    throw e;
  }
}
