import { describe, expect, it } from 'vitest';
import { splitMdl } from './entries';

const MDL = `{UTF-8}
:MACRO: DOUBLE(x)
DOUBLE = 2 * x
	~	x
	~		|

:END OF MACRO:
Heat Loss= (Teacup - Room) / \\
		Time Constant
	~	Degrees/Minute
	~	Long comment \\
		on two lines.
	|

Note = "a | b" + 1 ~~|

********************************************************
	.Control
********************************************************~
		Simulation Control Parameters
	|

FINAL TIME  = 30
	~	Minute
	~		|

\\\\\\---/// Sketch information - do not modify anything except names
V300  Do not put anything below this section - it will be ignored
*View 1
10,1,Heat Loss,307,235,40,20,3,3,0,0,0,0,0,0
///---\\\\\\
:L<%^E!@
`;

describe('splitting a .mdl', () => {
	const parts = splitMdl(MDL);

	it('joins line continuations and keeps the line each entry starts on', () => {
		expect(parts.entries[0]).toMatchObject({
			equation: 'Heat Loss= (Teacup - Room) / Time Constant',
			units: 'Degrees/Minute',
			comment: 'Long comment on two lines.',
			line: 8
		});
	});

	it('does not split at a | inside a quoted name, and reads ~~| as no units and no comment', () => {
		expect(parts.entries[1]).toMatchObject({ equation: 'Note = "a | b" + 1', units: '', line: 15 });
	});

	it('puts entries after a group header into that group', () => {
		expect(parts.entries[2]).toMatchObject({
			equation: 'FINAL TIME  = 30',
			group: 'Control',
			line: 23
		});
		expect(parts.entries).toHaveLength(3);
	});

	it('reads macros with their parameters and their own entries', () => {
		expect(parts.macros).toHaveLength(1);
		expect(parts.macros[0]).toMatchObject({ name: 'DOUBLE', parameters: ['x'], line: 2 });
		expect(parts.macros[0].entries[0].equation).toBe('DOUBLE = 2 * x');
	});

	it('keeps the sketch apart', () => {
		expect(parts.sketch).toContain('*View 1');
		expect(parts.sketch).not.toContain(':L<%^E!@');
	});

	it('reads CR and CRLF line endings alike', () => {
		expect(splitMdl(MDL.replace(/\n/g, '\r\n')).entries[0].line).toBe(8);
	});
});
