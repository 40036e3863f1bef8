// Prints the text of a PDF as pdf.js gives it (Firefox's viewer; Node's
// pdf-parse, which parts pages with "-- 2 of 5 --"), the way many
// circulate. Used by scripts/pdftext-corpus.sh; needs pdf-parse 2.4.5:
//   npm install --prefix "$dir" pdf-parse@2.4.5
//   NODE_PATH="$dir/node_modules" node scripts/pdfjs-text.mjs file.pdf
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(process.env.NODE_PATH + '/');
const { PDFParse } = require('pdf-parse');
const parser = new PDFParse({ data: readFileSync(process.argv[2]) });
const result = await parser.getText();
process.stdout.write(result.text);
await parser.destroy();
