import type { LanguageProfile } from './profile';

// Written as the engine compares words: accents folded (że -> ze, są -> sa); ł is a letter of its own.
// Stop words leave out every word that is also an English word (in the 30,000 most frequent):
// they apply to every text, English included.
export const polish: LanguageProfile = {
  code: 'pl',
  name: 'Polish',
  functionWords:
    'w i z ze na do sie nie jest przez przy dla od ktory ktora ktore sa oraz tez czy juz jej tym jego moze rowniez bedzie było byc tylko kiedy został',
  stopWords:
    'a aby az bardzo bez bowiem by być był była byli było były bedzie beda cie czy czyli dla ' +
    'dlaczego dlatego do gdy gdyby gdyz gdzie i ile inne inny jak jaki jakie jeden jedna jedno jego ' +
    'jej jemu jesli jestem jeszcze jezeli juz kazdy kiedy kilka kto ktora ktore ktorego ktorej ktory ' +
    'ktorych ktorym ktorzy lecz lub miedzy mnie moze mozna my nad nawet nich niego niej nimi niz on ' +
    'ona one oni oraz podczas ponad poniewaz przed przez przy roku rowniez sobie swoje taka taki ' +
    'takie takze tego tej teraz tez to tych tylko tym was we według wiele wielu wiec własnie wszyscy ' +
    'wszystko wtedy zeby został została zostały powiedział powiedziała',
  abbreviations: 'np tzw itd itp godz ul dr prof mgr inz mln mld tys wg nr',
  inflections: 'owie ami ach ego emu ich ymi imi ych iem owi ow om em ie ej ia ii iu ym im ac ec ic a e i o u y ę ą',
};
