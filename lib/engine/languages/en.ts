import type { LanguageProfile } from './profile';

export const english: LanguageProfile = {
  code: 'en',
  name: 'English',
  functionWords: 'the and of to in is that was for with on as by he it his at from have has which were',
  stopWords:
    'a an the and or but nor so yet for of in on at to from by with without into onto upon about above ' +
    'below over under after before since until while during through between among against within ' +
    'is are was were be been being am do does did done have has had having will would shall should can ' +
    'could may might must it its it’s this that these those there here he she they them their theirs his ' +
    'her hers him we us our ours you your yours i me my mine who whom whose which what when where why how ' +
    'not no as if than then also too very just only even such both each other some any all more most ' +
    'said says say according mr ms mrs one two s t also up out off again further once',
  abbreviations:
    'mr mrs ms dr st gen maj col lt sgt capt gov sen rep rev prof jr sr inc ltd co corp vs ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec no fig est approx dept univ',
  // Closing paragraphs of an English repost or page ("Source link", "Leave a Reply", "More Stories",
  // "More from World", "Most read").
  trailers:
    /^(?:(original\s+)?source\s*(link|url)?|leave a (reply|comment)|more stories|must read|(related|recommended)( (articles|stories|posts|content|reading))?|you (may|might) also like|share this( article)?|comments?|more from [\p{L}' ]{1,40}|most (read|popular|viewed|shared)|read (more|next)|(top|latest) (stories|news)|trending( now)?|what to read next)[.…:!]*$/iu,
  boilerplateLines:
    /^your email address will not be published\.?|^required fields are marked|^advertisement$|^(photo|image|video):?$|^\(?(ap|reuters|afp)\)?$|^[a-z -]+ [−+×x*-] [a-z -]+ =\s*\S*$/i,
};
