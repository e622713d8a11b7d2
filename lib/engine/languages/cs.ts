import type { LanguageProfile } from './profile';

// Written as the engine compares words: accents folded (které -> ktere, že -> ze).
export const czech: LanguageProfile = {
  code: 'cs',
  name: 'Czech',
  functionWords:
    'a v se ze na je z s k do ve pro za jako nez jsou jsem bylo byl ktery ktera ktere take nebo jeho jejich podle kdyz jsme aby bude avsak vice rekl',
  stopWords:
    'a aby ale ani ano asi az bez by byl byla byli bylo byt co coz do ho i jak jake jako je jeho jej jeji ' +
    'jejich jen jeste ji jine jiz jsem jsi jsme jsou jste k kam kde kdo kdyz ke ktera ktere kteri kterou ' +
    'ktery ma me mezi mi mne mnou muj muze my na nad nam nas nasi ne nebo neni nez ni nic nich nim o od on ' +
    'ona oni ono ony pak po podle pokud pouze prave pred pri proc proto protoze s se si sice sve svych ' +
    'svym ta tak take takze tam te tedy temu tento teto tim timto to tohle toho tohoto tomto tomu tu tuto ' +
    'ty tyto u uz v vam vas vase ve vice vsak z za zda zde ze rekl rekla uvedl uvedla',
  abbreviations: 'tzv napr tj atd resp mj str c cca mld mil tis sv ing mudr judr phdr doc prof',
  // Accents are folded before matching, so the endings are written without them.
  inflections:
    'ovi ami ech emi ich ima ych ymi ymu eho emu ete eti ite ova ove ovy ani eni ost at et it ou um em ej mi ho mu ti a e i o u y',
};
