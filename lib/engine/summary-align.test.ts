import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MemoryStore, seedPackFromDisk } from '../../test/support/engine-fixtures';
import { prepareArticle } from './article';
import { analyse } from './analyse';
import { buildComparison } from './explain';
import { alignSummary } from './summary-align';
import { buildTextModel } from './text-model';

const original = [
  'The city council approved a budget of 40 million dollars for the new harbour bridge on Monday after months of debate.',
  'Mayor Anna Petrova said construction would begin in April and take about three years.',
  'Opponents argued that the money should go to schools and repairing the old tram network instead.',
  'Engineers from the firm Halvorsen presented a design with two lanes for cars and a wide path for bicycles.',
  'The bridge will replace a ferry that carries about 9,000 passengers a day across the harbour.',
  'Ferry workers fear losing their jobs, and their union has called a protest for next week.',
  'The council promised to retrain ferry staff for work on the new tram line along the bridge.',
  'A final vote on the contract with Halvorsen is expected in February.',
];
// Each sentence condenses two or three of the original's, in its order, in other words.
const summary = [
  'On Monday the council backed a 40 million dollar harbour bridge, which Mayor Anna Petrova said would be built from April over three years.',
  'Designed by Halvorsen with two car lanes and a bicycle path, it will replace a ferry used by 9,000 passengers a day.',
  'The ferry union plans a protest over jobs, though the council promised to retrain staff for the tram line.',
];

const fixture = (name: string) => {
  const [of, title, ...paragraphs] = readFileSync(new URL(`../../fixtures/summaries/${name}`, import.meta.url), 'utf8')
    .split(/\r?\n/)
    .filter(Boolean);
  return { of: of.replace(/^seed:/, ''), title, paragraphs };
};

describe('summaries', () => {
  it('pair each sentence with the run of the original it condenses, in order', () => {
    const pairs = alignSummary(buildTextModel(summary), buildTextModel(original));
    expect(pairs.map((p) => [p.page, p.original, p.through])).toEqual([
      [0, 0, 1],
      [1, 3, 4],
      [2, 5, 6],
    ]);
  });

  it('leave out runs out of the original order', () => {
    const shuffled = [summary[2], summary[0], summary[1]];
    const pairs = alignSummary(buildTextModel(shuffled), buildTextModel(original));
    expect(pairs.map((p) => p.page)).toEqual([1, 2]);
  });

  it('are shown beside the runs they condense on the compare page', () => {
    const rows = buildComparison(summary, original, [], undefined, true);
    const text = (segments?: { text: string }[]) => (segments ?? []).map((s) => s.text).join('');
    const paired = rows.filter((r) => r.page && r.original);
    expect(paired).toHaveLength(3);
    expect(text(paired[0].original)).toBe(`${original[0]} ${original[1]}`);
    expect(rows.filter((r) => r.kind === 'removed').map((r) => text(r.original))).toEqual([original[2], original[7]]);
  });

  it('written by hand, are found as summaries of the seeds they condense, and of nothing once those are gone', async () => {
    const seeds = (await seedPackFromDisk()).originals;
    const names = readdirSync(new URL('../../fixtures/summaries/', import.meta.url)).filter((n) =>
      n.startsWith('seed-'),
    );
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) {
      const { of, title, paragraphs } = fixture(name);
      const page = prepareArticle({ title, paragraphs });
      const found = await analyse(page, new MemoryStore(seeds));
      expect([found.verdict, found.original?.id], name).toEqual(['summary', of]);
      expect(found.alteration!.reworded).toBeGreaterThan(found.alteration!.verbatim);
      // The other seeds report the same events: topic alone must not make a summary of them.
      const others = await analyse(page, new MemoryStore(seeds.filter((s) => s.id !== of)));
      expect(others.verdict, name).toBe('none');
    }
  });
});
