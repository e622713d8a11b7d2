import type { LanguageProfile } from './profile';

export const french: LanguageProfile = {
  code: 'fr',
  name: 'French',
  functionWords: 'le la les de des et en du un une que qui dans pour sur est au par pas ne avec',
};
