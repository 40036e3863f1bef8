// Converts a report the way converters written in JavaScript do, for the
// corpora of scripts/pdftext-corpus.sh and scripts/convert-corpus.sh:
//   NODE_PATH="$(scripts/jsconvert-install.sh DIR)" node scripts/jsconvert.mjs MODE FILE
// MODE is one of
//   pdf-text          pdf-parse's text of a PDF (pdf.js, the reading of
//                     Firefox's viewer; pages parted by "-- 2 of 5 --")
//   pdf-markdown      @opendocsg/pdf2md's Markdown of a PDF (on pdf.js)
//   turndown          turndown's Markdown of a web page (tables as text)
//   turndown-gfm      the same with turndown-plugin-gfm (pipe tables)
//   html-to-text      html-to-text's text of a web page (scrapers' choice)
//   mammoth-markdown  mammoth's Markdown of a Word file
//   mammoth-text      mammoth's raw text of a Word file
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(process.env.NODE_PATH + '/');
const [mode, file] = process.argv.slice(2);
const page = () => readFileSync(file, 'utf8');

function turndown(gfm) {
	const TurndownService = require('turndown');
	const td = new TurndownService({ headingStyle: 'atx' });
	if (gfm) td.use(require('turndown-plugin-gfm').gfm);
	td.remove(['script', 'style']);
	return td.turndown(page());
}

const modes = {
	'pdf-text': async () => {
		const { PDFParse } = require('pdf-parse');
		const parser = new PDFParse({ data: readFileSync(file) });
		const { text } = await parser.getText();
		await parser.destroy();
		return text;
	},
	'pdf-markdown': async () => require('@opendocsg/pdf2md')(new Uint8Array(readFileSync(file))),
	turndown: async () => turndown(false),
	'turndown-gfm': async () => turndown(true),
	'html-to-text': async () => require('html-to-text').convert(page(), { wordwrap: false }),
	'mammoth-markdown': async () => (await require('mammoth').convertToMarkdown({ path: file })).value,
	'mammoth-text': async () => (await require('mammoth').extractRawText({ path: file })).value,
};

if (!modes[mode]) {
	console.error(`usage: jsconvert.mjs ${Object.keys(modes).join('|')} FILE`);
	process.exit(2);
}
process.stdout.write(await modes[mode]());
