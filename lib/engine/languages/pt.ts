import type { LanguageProfile } from './profile';

export const portuguese: LanguageProfile = {
  code: 'pt',
  name: 'Portuguese',
  functionWords: 'o a de que e do da em um uma os no na para com não por as dos das',
};
