import type { RepositoryContractFactory } from './repository-contract-factory';

export type { RepositoryContractFactory };

/** Registers the factory's hooks in the current describe block and returns accessors for the tests. */
export function useRepositoryContract<T>(factory: RepositoryContractFactory<T>): {
  repository: () => T;
  peer: () => Promise<T>;
} {
  let current: T | undefined;
  beforeAll(async () => {
    await factory.setUp?.();
  });
  afterAll(async () => {
    await factory.tearDown?.();
  });
  beforeEach(async () => {
    current = await factory.fresh();
  });
  return {
    repository: () => {
      if (current === undefined) throw new Error('repository used outside a test');
      return current;
    },
    peer: () => factory.peer(),
  };
}
