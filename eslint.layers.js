// The layers of src/lib, lowest first: document → engine → worker → UI (README, "Layout").
// Each folder names the folders it may import values from; importing any other folder of src/lib,
// or the CLI or routes, fails lint. Type-only imports are free: they vanish at build time and add
// no run-time edge.
/** @type {Record<string, string[]>} */
const LAYERS = {
	model: [],
	layout: [],
	engine: ['model'],
	results: ['model', 'engine'],
	xmile: ['model', 'engine'],
	vensim: ['model'],
	data: ['model'],
	analysis: ['model', 'engine', 'data'],
	units: ['model', 'engine', 'xmile'],
	edits: ['model', 'engine'],
	editor: ['model', 'engine'],
	conformance: ['model', 'engine', 'xmile', 'vensim', 'units', 'results'],
	worker: ['model', 'engine', 'units', 'xmile', 'results', 'data', 'analysis'],
	charts: ['model', 'engine', 'results'],
	storage: ['model', 'engine', 'xmile', 'vensim', 'units', 'edits', 'results'],
	diagram: ['model', 'engine', 'edits', 'editor', 'units', 'layout', 'charts', 'results'],
	notebook: [
		'model',
		'engine',
		'edits',
		'editor',
		'units',
		'xmile',
		'layout',
		'charts',
		'results',
		'worker',
		'diagram',
		'storage',
		'data',
		'analysis'
	],
	examples: [
		'model',
		'engine',
		'edits',
		'units',
		'xmile',
		'layout',
		'results',
		'worker',
		'storage',
		'notebook',
		'data',
		'analysis'
	],
	// Test-only helpers for the fuzz test (src/lib/fuzz/inputs.fuzz.spec.ts); nothing imports them.
	fuzz: []
};

// Tests and the helpers only tests use may reach anywhere: they check a layer, they are not one.
const TEST_FILES = ['**/*.spec.ts', 'src/lib/examples/shared-checks.ts'];

/**
 * A specifier that names one of `folders` of src/lib: `$lib/folder…` or `../folder…` from any depth.
 * @param {string[]} folders
 */
function folderPattern(folders) {
	return `^(?:\\$lib/|(?:\\.\\./)+)(?:${folders.join('|')})(?:/|$)`;
}

/** One eslint config block per folder of src/lib, forbidding imports against the layers. */
export function layerRules() {
	const folders = Object.keys(LAYERS);
	return folders.map((folder) => {
		const allowed = new Set([folder, ...LAYERS[folder]]);
		const forbidden = folders.filter((f) => !allowed.has(f));
		/** @type {Array<{ regex: string, message: string, allowTypeImports?: boolean }>} */
		const patterns = [
			{
				regex: '^(?:\\.\\./)+(?:routes|cli)(?:/|$)',
				message: 'src/lib is below the app: it may not import routes or the CLI.'
			}
		];
		if (forbidden.length > 0) {
			patterns.push({
				regex: folderPattern(forbidden),
				allowTypeImports: true,
				message: `src/lib/${folder} may import values only from ${[...LAYERS[folder]].join(', ') || 'itself'} (eslint.layers.js).`
			});
		}
		return {
			files: [`src/lib/${folder}/**/*.ts`, `src/lib/${folder}/**/*.svelte`],
			ignores: TEST_FILES,
			rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] }
		};
	});
}

/** Every folder of src/lib has a layer, so a new folder cannot slip past the rules. */
export const LAYER_FOLDERS = Object.keys(LAYERS);
