/**
 * The last item of each key, scanning from the end of `items` until `maxKeys` keys are found, newest first.
 *
 * A consumer that handles each partition in order has handled everything before an item once it has handled that
 * item. With items keyed (and so partitioned) by `keyOf`, the last items of enough distinct keys include the last
 * item of every partition, so checking that they arrived checks that all items arrived.
 */
export function latestPerKey<T>(items: readonly T[], keyOf: (item: T) => string, maxKeys: number): T[] {
  const seen = new Set<string>();
  const latest: T[] = [];
  for (let i = items.length - 1; i >= 0 && latest.length < maxKeys; i--) {
    const key = keyOf(items[i]);
    if (seen.has(key)) continue;
    seen.add(key);
    latest.push(items[i]);
  }
  return latest;
}
