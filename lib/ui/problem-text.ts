/** A problem (model/problem.ts) in the reader's language; a string kept by an older version is shown as it is. */
import type { Problem, ProblemCode } from '../model';
import type { MessageKey, Translate } from './i18n';

type ProblemKey = `problem${Capitalize<ProblemCode>}`;
// Every problem code has its sentence in the catalogues: this fails to compile otherwise.
const keyOf = (code: ProblemCode): MessageKey & ProblemKey =>
  `problem${code[0].toUpperCase()}${code.slice(1)}` as ProblemKey;

export function problemText(problem: Problem | string, t: Translate): string {
  if (typeof problem === 'string') return problem;
  const values = [...(problem.values ?? []), ...(problem.cause ? [problemText(problem.cause, t)] : [])];
  return t(keyOf(problem.code), ...values);
}
