import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { AppConfig } from './app-config';

/** Thrown at start-up when a setting is missing or invalid; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function flatten(errors: ValidationError[]): { variable: string; message: string }[] {
  return errors.map((e) => ({
    variable: e.property,
    message: Object.values(e.constraints ?? {}).join('; ') || 'invalid',
  }));
}

/**
 * Builds the validated configuration from an environment (process.env by default) plus explicit overrides
 * (used by the embedded mode and by tests). Empty strings count as unset.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const defaults = new AppConfig();
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  Object.assign(config, overrides);
  const errors = validateSync(config, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) throw new ConfigError(flatten(errors));
  return config;
}
