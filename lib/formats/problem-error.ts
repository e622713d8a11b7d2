/**
 * Errors that carry a `Problem` (model/problem.ts), so the interface can say them in the
 * reader's language; their `message` is the English wording, for the CLI and logs.
 */
import english from '../../public/_locales/en/messages.json';
import type { Problem, ProblemCode } from '../model';

/** A problem with its values. */
export const problem = (code: ProblemCode, ...values: string[]): Problem =>
  values.length ? { code, values } : { code };

/** The English sentence of a problem, from the same catalogue the interface reads. */
export function englishProblem(p: Problem): string {
  const key = `problem${p.code[0].toUpperCase()}${p.code.slice(1)}` as keyof typeof english;
  const values = [...(p.values ?? []), ...(p.cause ? [englishProblem(p.cause)] : [])];
  return english[key].message.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '');
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(englishProblem(problem));
  }
}
