import { Logger } from '@nestjs/common';
import { Kafka, logLevel, LogEntry } from 'kafkajs';
import { AppConfig } from '@cellscope/config';

const logger = new Logger('kafkajs');

function toNestLog(level: logLevel) {
  return ({ namespace, log }: LogEntry) => {
    const { message, ...extra } = log;
    const text = `[${namespace}] ${message} ${Object.keys(extra).length ? JSON.stringify(extra) : ''}`.trim();
    if (level === logLevel.ERROR) logger.error(text);
    else if (level === logLevel.WARN) logger.warn(text);
    else logger.debug(text);
  };
}

/** Builds the kafkajs client from configuration, logging through Nest's logger. */
export function createKafkaClient(config: AppConfig, clientSuffix: string): Kafka {
  return new Kafka({
    clientId: `${config.KAFKA_CLIENT_ID}-${clientSuffix}`,
    brokers: config.KAFKA_BROKERS,
    connectionTimeout: 5000,
    requestTimeout: 30000,
    retry: { initialRetryTime: 300, retries: 8, maxRetryTime: 10000 },
    logLevel: logLevel.WARN,
    logCreator: () => (entry) => toNestLog(entry.level)(entry),
  });
}
