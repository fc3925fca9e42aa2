import { Kafka, logLevel } from 'kafkajs';
import { InfluxHttpClient, InfluxKpiWriter, InfluxSchema } from '@cellscope/kpi';
import { KafkaMessagePublisher } from '@cellscope/messaging';
import { CountingScenarioSink } from '../sinks/counting-scenario.sink';
import { FanOutScenarioSink } from '../sinks/fan-out-scenario.sink';
import { KpiWriterScenarioSink } from '../sinks/kpi-writer-scenario.sink';
import { MessageScenarioSink, ScenarioTopics } from '../sinks/message-scenario.sink';
import { ScenarioSink } from '../sinks/scenario-sink';
import { SimTarget } from './sim-cli-options';

/** What createTargetSink needs to know. */
export interface TargetSinkOptions {
  target: SimTarget;
  kafkaBrokers: string[];
  topics: ScenarioTopics;
  /** Create missing topics (3 partitions, broker's replication factor) before writing. */
  createTopics: boolean;
  influxUrl: string;
  influxDb: string;
}

/** A Kafka sink: the shared KafkaMessagePublisher (idempotent producer, acks from all in-sync replicas) on the contract topics. */
export async function createKafkaSink(brokers: string[], topics: ScenarioTopics, createTopics: boolean): Promise<MessageScenarioSink> {
  const kafka = new Kafka({ clientId: 'cellscope-sim', brokers, logLevel: logLevel.WARN });
  if (createTopics) {
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({ waitForLeaders: true, topics: Object.values(topics).map((topic) => ({ topic, numPartitions: 3 })) });
    } finally {
      await admin.disconnect();
    }
  }
  const publisher = new KafkaMessagePublisher(kafka);
  return new MessageScenarioSink(publisher, { topics, onClose: () => publisher.onApplicationShutdown() });
}

/** An InfluxDB sink: the shared InfluxKpiWriter in the default schema of kpis.md; creates the database when missing. */
export async function createInfluxSink(url: string, database: string): Promise<KpiWriterScenarioSink> {
  const writer = new InfluxKpiWriter(new InfluxHttpClient({ url, database }), InfluxSchema.DEFAULT, { batchSize: 5000 });
  await writer.ensureDatabase();
  return new KpiWriterScenarioSink(writer);
}

/** The sink of a CLI target: counting only, Kafka, InfluxDB, or both. */
export async function createTargetSink(options: TargetSinkOptions): Promise<ScenarioSink> {
  switch (options.target) {
    case 'stdout-summary':
      return new CountingScenarioSink();
    case 'kafka':
      return createKafkaSink(options.kafkaBrokers, options.topics, options.createTopics);
    case 'influx':
      return createInfluxSink(options.influxUrl, options.influxDb);
    case 'both':
      return new FanOutScenarioSink([
        await createKafkaSink(options.kafkaBrokers, options.topics, options.createTopics),
        await createInfluxSink(options.influxUrl, options.influxDb),
      ]);
  }
}
