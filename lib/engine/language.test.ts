import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';
import { tokenize } from './normalize';

describe('detectLanguage', () => {
  it('tells the languages of news prose apart', () => {
    expect(
      detectLanguage(
        tokenize(
          'The talks in Belarus ended without a deal, and the two sides said that they would meet again in the coming days. It was the second round of talks since the start of the war, which has driven a million people from their homes.',
        ),
      ),
    ).toBe('en');
    expect(
      detectLanguage(
        tokenize(
          'Las conversaciones en Bielorrusia terminaron sin acuerdo y las dos partes dijeron que se reunirán de nuevo en los próximos días. Fue la segunda ronda de conversaciones desde el comienzo de la guerra, que ha expulsado a un millón de personas de sus casas.',
        ),
      ),
    ).toBe('es');
    expect(
      detectLanguage(
        tokenize(
          'Les pourparlers au Bélarus se sont terminés sans accord et les deux parties ont dit qu’elles se reverraient dans les prochains jours. C’était le deuxième cycle de pourparlers depuis le début de la guerre, qui a chassé un million de personnes de leurs maisons.',
        ),
      ),
    ).toBe('fr');
    expect(
      detectLanguage(
        tokenize(
          'Die Gespräche in Belarus endeten ohne Einigung, und beide Seiten sagten, sie würden sich in den nächsten Tagen wieder treffen. Es war die zweite Runde der Gespräche seit dem Beginn des Krieges, der eine Million Menschen aus ihren Häusern vertrieben hat.',
        ),
      ),
    ).toBe('de');
  });

  it('says nothing on too little text', () => {
    expect(detectLanguage(tokenize('Kyiv, Kharkiv, 1,597'))).toBeUndefined();
  });
});
