// Prints the text of a PDF as tools built on pdf.js give it, the way many
// reports circulate. Used by scripts/pdftext-corpus.sh:
//   npm install --prefix "$dir" pdf-parse@2.4.5 @opendocsg/pdf2md@0.2.1
//   NODE_PATH="$dir/node_modules" node scripts/pdfjs.mjs text file.pdf
//   NODE_PATH="$dir/node_modules" node scripts/pdfjs.mjs markdown file.pdf
// text is pdf-parse's (Firefox's viewer's reading, pages parted by
// "-- 2 of 5 --"); markdown is @opendocsg/pdf2md's PDF-to-Markdown.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(process.env.NODE_PATH + '/');
const [mode, file] = process.argv.slice(2);
const data = readFileSync(file);
if (mode === 'text') {
	const { PDFParse } = require('pdf-parse');
	const parser = new PDFParse({ data });
	process.stdout.write((await parser.getText()).text);
	await parser.destroy();
} else if (mode === 'markdown') {
	const pdf2md = require('@opendocsg/pdf2md');
	process.stdout.write(await pdf2md(new Uint8Array(data)));
} else {
	console.error('usage: pdfjs.mjs text|markdown file.pdf');
	process.exit(2);
}
