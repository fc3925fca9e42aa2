import { VerdictCause } from '@cellscope/domain';
import { CityProfile } from './city/city-profile';
import { DeliveryDelays } from './delivery-schedule';
import { FaultRates } from './fault-plan';
import { SeedInput } from './random/seeded-random';

/** What buildScenario simulates. Everything but seed and now has a default. */
export interface ScenarioOptions {
  /** Same seed (and options) → same scenario. */
  seed: SeedInput;
  /** The simulated present: data delivered up to now forms the snapshot, later data the stream. Never read from a clock here. */
  now: Date;
  /** Sites in the region (default 300, about 1,000 cells). */
  sites?: number;
  /** Subscribers (default 2,000). */
  subscribers?: number;
  /** Complaints reported in the history, exactly (default 300); the live stream continues at the same rate. */
  tickets?: number;
  /** Length of the history before now, hours (default 48). */
  historyHours?: number;
  /** The city (default Hohhot). */
  city?: CityProfile;
  faultRates?: Partial<FaultRates>;
  /** Relative weight of each expected verdict cause among the complaints (default DEFAULT_CAUSE_MIX). */
  causeMix?: Partial<Record<VerdictCause, number>>;
  delays?: Partial<DeliveryDelays>;
  /** Share of complaints without a symptom (default 0.15). */
  freeTextShare?: number;
}
