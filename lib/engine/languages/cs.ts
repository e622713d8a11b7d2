import type { LanguageProfile } from './profile';

// Written as the engine compares words: accents folded (které -> ktere, že -> ze).
// Stop words leave out every word that is also an English word (in the 30,000 most frequent):
// they apply to every text, English included.
export const czech: LanguageProfile = {
  code: 'cs',
  name: 'Czech',
  functionWords:
    'a v se ze na je z s k do ve pro za jako nez jsou jsem bylo byl ktery ktera ktere take nebo jeho jejich podle kdyz jsme aby bude avsak vice rekl',
  stopWords:
    'a aby ano asi az bez by byl byla byli bylo byt do i jak jako jeho jej jeji jejich jeste jine ' +
    'jiz jsem jsi jsme jsou jste kde kdo kdyz ktera ktere kteri kterou ktery me mezi mne mnou muj ' +
    'muze my nad nasi nebo neni nez nich on ona oni ony podle pokud pouze prave pred pri proc proto ' +
    'protoze s sice sve svych svym takze tedy temu tento teto timto to tohle toho tohoto tomto tomu ' +
    'tuto tyto uz vam vas vsak zda zde rekl rekla uvedl uvedla',
  abbreviations: 'tzv napr tj atd resp mj str cca mld tis sv mudr judr phdr prof',
  // Accents are folded before matching, so the endings are written without them.
  inflections:
    'ovi ami ech emi ich ima ych ymi ymu eho emu ete eti ite ova ove ovy ani eni ost at et it ou um em ej mi ho mu ti a e i o u y',
};
