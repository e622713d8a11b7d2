import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'tmp/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Pages are untrusted: nothing is ever evaluated or parsed as HTML from a string.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM with lib/ui/dom.ts; page text must never be parsed as HTML.' },
        { property: 'outerHTML', message: 'Build DOM with lib/ui/dom.ts.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM with lib/ui/dom.ts.' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
