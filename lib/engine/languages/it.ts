import type { LanguageProfile } from './profile';

export const italian: LanguageProfile = {
  code: 'it',
  name: 'Italian',
  functionWords: 'il di che la e per un una in del della non sono con gli le si da al',
};
