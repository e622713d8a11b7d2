import type { LanguageProfile } from './profile';

export const dutch: LanguageProfile = {
  code: 'nl',
  name: 'Dutch',
  functionWords: 'het een van zijn niet ook bij door maar wordt werd naar deze voor met dat op te er',
  // Only words that are not also English content words ("die", "want", "men" are left out).
  stopWords:
    'de het een en van ik te dat in hij niet zijn is op aan met als voor er maar om hem zou of wat mijn ' +
    'dit zo door ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze u nog zal zij ' +
    'nu geen omdat iets worden toch waren veel meer doen toen moet zonder kan dus alles onder eens hier ' +
    'wie werd altijd wordt kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere volgens zei',
  abbreviations: 'dhr mevr bijv ca nr blz mln mld jl vs',
  compounds: true,
};
