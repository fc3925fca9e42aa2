import fc from 'fast-check';
import type { NetworkView } from '@cellscope/domain';
import { canonicalJson, hashNetworkView } from './network-view-hash';

/** hashNetworkView(view()) as the first implementation computed it; views stored since then carry such hashes. */
const HASH_OF_DEFAULT_VIEW = '1d514bf926a345ffab0d00a4c4053c4e3f77c8e5dd8fe2d18a54405e1fbdfb06';

/** The definition canonicalJson must keep to (stored hashes depend on it): sorted keys, undefined members dropped. */
function referenceCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : referenceCanonicalJson(item))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${referenceCanonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}

function view(overrides: Partial<NetworkView> = {}): NetworkView {
  return {
    ticketId: 'T-1',
    complaintNo: 'CS202612040000001',
    status: 'FINAL',
    version: 1,
    msisdn: '8613800000001',
    symptom: 'SLOW_DATA',
    symptomSource: 'TICKET',
    reportedAt: '2026-12-04T10:00:00.000Z',
    occurredAt: '2026-12-04T09:30:00.000Z',
    window: { from: '2026-12-04T08:30:00.000Z', to: '2026-12-04T10:30:00.000Z' },
    kpiDataThrough: '2026-12-04T11:00:00.000Z',
    userSide: { fiveGEnabled: true },
    cells: [],
    verdict: {
      networkRelated: false,
      cause: 'NO_NETWORK_ISSUE',
      confidence: 0.8,
      summary: { zh: '无', en: 'none' },
      evidence: [],
      suggestedReply: { zh: '无', en: 'none' },
    },
    correlatedAt: '2026-12-04T11:05:00.000Z',
    ...overrides,
  };
}

describe('hashNetworkView', () => {
  it('is a sha256 hex digest', () => {
    expect(hashNetworkView(view())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores correlatedAt', () => {
    expect(hashNetworkView(view({ correlatedAt: '2026-12-05T00:00:00.000Z' }))).toBe(hashNetworkView(view()));
  });

  it('does not depend on key order', () => {
    const reordered = view({ window: { to: '2026-12-04T10:30:00.000Z', from: '2026-12-04T08:30:00.000Z' } });
    const original = view();
    expect(Object.keys(reordered.window)).not.toEqual(Object.keys(original.window));
    expect(hashNetworkView(reordered)).toBe(hashNetworkView(original));
  });

  it('treats an undefined member like an absent one', () => {
    expect(hashNetworkView(view({ incidentId: undefined }))).toBe(hashNetworkView(view()));
  });

  it('changes with the content', () => {
    const base = hashNetworkView(view());
    expect(hashNetworkView(view({ status: 'PROVISIONAL' }))).not.toBe(base);
    expect(hashNetworkView(view({ kpiDataThrough: null }))).not.toBe(base);
    expect(hashNetworkView(view({ incidentId: 'INC-1' }))).not.toBe(base);
    expect(hashNetworkView(view({ userSide: { fiveGEnabled: false } }))).not.toBe(base);
  });

  it('keeps the canonical text of the reference definition for any JSON-like value (stored hashes stay valid)', () => {
    const leaf = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true }));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('tree')), fc.dictionary(fc.string(), tie('tree'))),
    }));
    fc.assert(
      fc.property(tree, (value) => {
        expect(canonicalJson(value)).toBe(referenceCanonicalJson(value));
      }),
      { numRuns: 500 },
    );
  });

  it('pins the hash of a known view (a changed canonical form would report every stored view as changed)', () => {
    expect(hashNetworkView(view())).toBe(HASH_OF_DEFAULT_VIEW);
  });
});
