import prettier from 'eslint-config-prettier';
import { includeIgnoreFile } from '@eslint/compat';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { fileURLToPath } from 'node:url';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';
import { layerRules } from './eslint.layers.js';

const gitignorePath = fileURLToPath(new URL('./.gitignore', import.meta.url));

// As the Svelte team's own apps (sv create's template): recommended JS, TypeScript and Svelte rules,
// with prettier owning layout.
export default ts.config(
	includeIgnoreFile(gitignorePath),
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node }
		},
		rules: {
			// typescript-eslint advises this off: TypeScript itself reports undefined names.
			'no-undef': 'off',
			// `const { id: _id, ...rest } = v` drops a field: the underscore says it is meant.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }
			]
		}
	},
	{
		files: ['**/*.svelte.ts'],
		rules: {
			// State classes keep Sets and Maps in `$state.raw` and replace them whole, never mutate
			// them, so SvelteSet and SvelteMap would only add cost.
			'svelte/prefer-svelte-reactivity': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	// Layers only point down: a back-edge between src/lib folders fails lint.
	...layerRules()
);
