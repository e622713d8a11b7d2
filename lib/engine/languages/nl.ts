import type { LanguageProfile } from './profile';

export const dutch: LanguageProfile = {
  code: 'nl',
  name: 'Dutch',
  functionWords: 'het een van zijn niet ook bij door maar wordt werd naar deze voor met dat op te er',
  // Stop words apply to every text, English included: none is also an English word ("door", "van").
  stopWords:
    'het een ik in hij niet zijn is aan voor maar of mijn dit zich bij ook mij uit daar haar naar ' +
    'heb heeft hebben deze zal zij geen omdat iets worden toch waren veel meer doen toen moet zonder ' +
    'dus alles onder eens hier wie werd altijd wordt kunnen ons zelf tegen kon niets uw iemand ' +
    'geweest andere volgens zei',
  abbreviations: 'dhr mevr bijv ca nr blz mln mld jl vs',
  compounds: true,
};
