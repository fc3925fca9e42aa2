import { LeaderLock } from './leader-lock';

/** How the leader-lock contract gets replicas of the adapter under test. */
export interface LeaderLockContractFactory {
  setUp?(): Promise<void>;
  /** A new replica's lock, competing with every other one created for the current test. */
  create(): Promise<LeaderLock>;
  /** Simulates the replica dying without releasing (its lock session ends abruptly). */
  crash(lock: LeaderLock): Promise<void>;
  /** A lock whose store cannot be reached. */
  unreachable(): Promise<LeaderLock>;
  /** After each test: releases every lock created. */
  afterEach?(): Promise<void>;
  tearDown?(): Promise<void>;
}

/** Contract of LeaderLock: one leader at a time, sticky leadership, hand-over on release and on crash, fences. */
export function describeLeaderLockContract(factory: LeaderLockContractFactory): void {
  describe('LeaderLock contract', () => {
    beforeAll(async () => factory.setUp?.());
    afterEach(async () => factory.afterEach?.());
    afterAll(async () => factory.tearDown?.());

    it('makes exactly one of several replicas the leader, and keeps it the leader', async () => {
      const replicas = await Promise.all([factory.create(), factory.create(), factory.create(), factory.create()]);
      const first = await Promise.all(replicas.map((lock) => lock.acquire()));
      expect(first.filter(Boolean)).toHaveLength(1);
      const leader = replicas[first.indexOf(true)];
      for (let round = 0; round < 3; round++) {
        const again = await Promise.all(replicas.map((lock) => lock.acquire()));
        expect(again).toEqual(first);
      }
      expect(leader.fence()).toBeDefined();
      for (const follower of replicas.filter((lock) => lock !== leader)) expect(follower.fence()).toBeUndefined();
    });

    it('hands over at the next attempt once the leader releases', async () => {
      const a = await factory.create();
      const b = await factory.create();
      expect(await a.acquire()).toBe(true);
      expect(await b.acquire()).toBe(false);
      await a.release();
      expect(a.fence()).toBeUndefined();
      expect(await b.acquire()).toBe(true);
      expect(await a.acquire()).toBe(false);
    });

    it('hands over at the next attempt when the leader dies without releasing', async () => {
      const a = await factory.create();
      const b = await factory.create();
      expect(await a.acquire()).toBe(true);
      const deadFence = a.fence();
      await factory.crash(a);
      expect(await b.acquire()).toBe(true);
      expect(b.fence()).not.toEqual(deadFence);
      // The crashed replica, if it comes back, finds out it no longer leads.
      expect(await a.acquire()).toBe(false);
      expect(a.fence()).toBeUndefined();
    });

    it('answers false, without throwing, when its store cannot be reached', async () => {
      const lock = await factory.unreachable();
      await expect(lock.acquire()).resolves.toBe(false);
      expect(lock.fence()).toBeUndefined();
      await lock.release();
    });
  });
}
