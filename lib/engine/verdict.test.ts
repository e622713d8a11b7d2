import { describe, expect, it } from 'vitest';
import { alignTexts } from './align';
import { buildTextModel } from './text-model';
import { isReuse } from './verdict';
import type { OriginalRecord } from '../model';

const long =
  'The training centre houses classrooms, a dormitory, a cafeteria, a computer laboratory and a fitness hall large enough to run both the academy course for new recruits and the yearly refresher training for every serving officer and sergeant in the whole state.';
const host = [
  'The council met on Monday to discuss the budget for next year and heard from residents about the state of the roads.',
  'Several speakers asked for more money for the library, which has cut its opening hours twice since the spring.',
];
const original = [
  'The division is based at the public safety grounds outside the capital, where it has worked since 1972.',
  long,
  'Applicants must be at least twenty-one years old and hold a valid driving licence.',
];

const verified = (page: string[]) => {
  const p = buildTextModel(page);
  const o = buildTextModel(original);
  const alignment = alignTexts(p, o);
  const v = {
    record: { id: 'o' } as OriginalRecord,
    model: o,
    alignment,
    aligned: alignment.verbatimWords + alignment.rewordedWords,
  };
  return isReuse(v, p);
};

describe('reuse', () => {
  it('counts one long sentence copied word for word into another article', () => {
    expect(verified([host[0], long, host[1], ...host])).toBe(true);
  });

  it('does not count the same long sentence when it is a quotation: two articles may quote one statement', () => {
    expect(verified([host[0], `The chief said: “${long}”`, host[1], ...host])).toBe(false);
  });
});
