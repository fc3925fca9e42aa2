/**
 * How a contract suite gets the adapter under test. Every adapter of a persistence port runs the same suite
 * (`describe<Port>Contract(factory)` in a `*.contract.ts` file), from its own spec, with a factory for its store.
 */
export interface RepositoryContractFactory<T> {
  /** Once before the suite (create the store). */
  setUp?(): Promise<void>;
  /** Before each test: empties the store and returns the repository under test. */
  fresh(): Promise<T>;
  /** A second, independent repository on the same store, as another process would hold one (concurrency tests). */
  peer(): Promise<T>;
  /** Once after the suite (close and remove the store). */
  tearDown?(): Promise<void>;
}
