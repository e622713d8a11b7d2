import type { LanguageProfile } from './profile';

// Written as the engine compares words: й as и, ї as і (accents and breves folded). No lexicon
// yet: translations from Ukrainian are found by numbers, names and cognates only.
export const ukrainian: LanguageProfile = {
  code: 'uk',
  name: 'Ukrainian',
  functionWords: 'і та що це від його але є які якии було була він вона іх також через після в на не за з у до',
  stopWords:
    'і та в у на що не з із зі до за як це від він вона вони його іі іх але про для які якии яка було ' +
    'була були є бути також через після або між під над чи ще вже тільки коли де так сказав заявив',
};
