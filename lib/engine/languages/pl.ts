import type { LanguageProfile } from './profile';

// Written as the engine compares words: accents folded (że -> ze, są -> sa); ł is a letter of its own.
export const polish: LanguageProfile = {
  code: 'pl',
  name: 'Polish',
  functionWords:
    'w i z ze na do sie nie jest przez przy dla od ktory ktora ktore sa oraz tez czy juz jej tym jego moze rowniez bedzie było byc tylko kiedy został',
  stopWords:
    'a aby ale ani az bardzo bez bo bowiem by być był była byli było były bedzie beda ci cie co cos czy ' +
    'czyli dla dlaczego dlatego do gdy gdyby gdyz gdzie go i ich ile im inne inny iz ja jak jaki jakie je ' +
    'jeden jedna jedno jego jej jemu jesli jest jestem jeszcze jezeli juz kazdy kiedy kilka kto ktora ' +
    'ktore ktorego ktorej ktory ktorych ktorym ktorzy lecz lub ma maja mam mi miedzy mnie moze mozna mu my ' +
    'na nad nam nas nawet nic nich nie niego niej nim nimi niz o od on ona one oni ono oraz po podczas ' +
    'ponad poniewaz przed przez przy roku rowniez sa sie sobie swoje ta tak taka taki takie takze tam te ' +
    'tego tej teraz tez to tu tych tylko tym u w was we według wiele wielu wiec własnie wszyscy wszystko ' +
    'wtedy z za ze zeby został została zostały powiedział powiedziała',
  abbreviations: 'np tzw itd itp godz ul dr prof mgr inz ok mln mld tys wg nr',
  inflections: 'owie ami ach ego emu ich ymi imi ych iem owi ow om em ie ej ia ii iu ym im ac ec ic a e i o u y ę ą',
};
