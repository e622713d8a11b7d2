import type { LanguageProfile } from './profile';

export const spanish: LanguageProfile = {
  code: 'es',
  name: 'Spanish',
  functionWords: 'el la de que y en los las del se por un una con para es al lo como su más pero',
};
