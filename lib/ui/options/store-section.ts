/** How many originals the store holds and the room they take. */
import { count, megabytes } from '../format';
import type { Section } from './context';

export async function showStoreSummary(s: Section): Promise<void> {
  const { t } = s;
  const [{ total }, used] = await Promise.all([s.backend.listOriginals('', 0, 1), s.env.storageUsed()]);
  s.$('store-summary').textContent =
    used === undefined
      ? t('optionsSummary', count(total, t))
      : t('optionsSummaryUsed', count(total, t), megabytes(used, t));
}
