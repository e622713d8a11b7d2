import type { LanguageProfile } from './profile';

export const german: LanguageProfile = {
  code: 'de',
  name: 'German',
  compounds: true,
  functionWords: 'der die das und in den von zu mit sich des auf ist im dem nicht ein eine als auch',
};
