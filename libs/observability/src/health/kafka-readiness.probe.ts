import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@cellscope/config';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { ReadinessProbe } from './readiness-probe';

/** Kafka is ready when an admin client can describe the cluster; the in-process bus (`CELLSCOPE_BUS=memory`) always is. */
@Injectable()
export class KafkaReadinessProbe extends ReadinessProbe implements OnApplicationShutdown {
  readonly name = 'kafka';
  private admin: Admin | null = null;

  constructor(private readonly config: AppConfig) {
    super();
  }

  async check(): Promise<Record<string, unknown>> {
    if (this.config.CELLSCOPE_BUS !== 'kafka') return { mode: this.config.CELLSCOPE_BUS };
    try {
      const admin = await this.connectedAdmin();
      const cluster = await admin.describeCluster();
      return { brokers: cluster.brokers.length, controller: cluster.controller };
    } catch (error) {
      await this.reset();
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.reset();
  }

  private async connectedAdmin(): Promise<Admin> {
    if (this.admin) return this.admin;
    const kafka = new Kafka({
      clientId: `${this.config.KAFKA_CLIENT_ID}-health`,
      brokers: this.config.KAFKA_BROKERS,
      connectionTimeout: 2000,
      requestTimeout: 2000,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    this.admin = admin;
    return admin;
  }

  private async reset(): Promise<void> {
    const admin = this.admin;
    this.admin = null;
    if (admin) await admin.disconnect().catch(() => undefined);
  }
}
