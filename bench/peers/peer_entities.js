// Times entity extraction of a peer NLP library on a JSON Lines corpus.
// Usage: node peer_entities.js wink|compromise FILE.jsonl [FILE.jsonl ...]
// Prints one JSON line: {"peer", "documents", "bytes", "seconds", "entities"}.
'use strict';
const fs = require('fs');
const readline = require('readline');

async function main() {
  const [peer, ...files] = process.argv.slice(2);
  let extract;
  if (peer === 'wink') {
    const winkNLP = require('wink-nlp');
    const model = require('wink-eng-lite-web-model');
    const nlp = winkNLP(model);
    extract = (text) => nlp.readDoc(text).entities().out().length;
  } else if (peer === 'compromise') {
    const nlp = require('compromise');
    extract = (text) => {
      const doc = nlp(text);
      return doc.people().length + doc.places().length + doc.organizations().length;
    };
  } else {
    throw new Error('unknown peer ' + peer);
  }
  let documents = 0, bytes = 0, entities = 0;
  const texts = [];
  for (const file of files) {
    const rl = readline.createInterface({input: fs.createReadStream(file), crlfDelay: Infinity});
    for await (const line of rl) {
      if (!line.trim()) continue;
      const rec = JSON.parse(line);
      if (typeof rec.text === 'string') texts.push(rec.text);
    }
  }
  const start = process.hrtime.bigint();  // reading is not timed: only extraction
  for (const text of texts) {
    entities += extract(text);
    documents += 1;
    bytes += Buffer.byteLength(text, 'utf8');
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({peer, documents, bytes, seconds, entities}));
}
main().catch((e) => { console.error(e.message); process.exit(1); });
