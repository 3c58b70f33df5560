// The NER peer of bench/run.sh: compromise (https://github.com/spencermountain/compromise)
// finds the people, places and organizations of every record of the given
// JSON Lines files, the same text newsgraph's pipeline reads (title and
// text). Prints one line:
//   peer compromise documents=D entities=E input_mb=M seconds=S mb_per_s=R peak_rss_mb=G
// seconds covers reading the JSON and the NER, as newsgraph's figure does.
'use strict';
const fs = require('fs');
const nlp = require('compromise');

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node ner_peer.js FILE.jsonl...');
  process.exit(2);
}
let bytes = 0;
let documents = 0;
let entities = 0;
const start = process.hrtime.bigint();
for (const file of files) {
  const content = fs.readFileSync(file, 'utf8');
  bytes += Buffer.byteLength(content, 'utf8');
  for (const line of content.split('\n')) {
    if (!line.trim()) continue;
    let record;
    try {
      record = JSON.parse(line);
    } catch (e) {
      continue;
    }
    const text = [record.title || '', record.text || record.body || ''].join('\n\n');
    if (!text.trim()) continue;
    const doc = nlp(text);
    entities += doc.people().length + doc.places().length +
        doc.organizations().length;
    ++documents;
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const mb = bytes / 1e6;
const peak = process.resourceUsage().maxRSS / 1024;  // KiB -> MiB-ish
console.log(`peer compromise documents=${documents} entities=${entities} ` +
            `input_mb=${mb.toFixed(1)} seconds=${seconds.toFixed(2)} ` +
            `mb_per_s=${(mb / seconds).toFixed(2)} peak_rss_mb=${peak.toFixed(0)}`);
