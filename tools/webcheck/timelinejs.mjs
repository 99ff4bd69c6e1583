// Load a `dipline --format timelinejs` file with TimelineJS 3's own
// TimelineConfig (what `new TL.Timeline(el, data)` builds first): it checks
// every slide's dates, assigns ids, sanitises the HTML, and logs errors.
// Exit 0 when the config is valid, keeps every event and keeps our ids.
import './setup.mjs';
import fs from 'fs';
import { TimelineConfig } from '@knight-lab/timelinejs/src/js/core/TimelineConfig.js';

const data = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const ids = data.events.map(e => e.unique_id);
let config, thrown = null;
try {
    config = new TimelineConfig(data);
    config.validate();
} catch (e) {
    thrown = String(e.message_key || e) + (e.detail ? ': ' + e.detail : '');
}
const kept = config ? config.events.length : 0;
const after = new Set(config ? config.events.map(e => e.unique_id) : []);
const report = {
    consumer: 'TimelineJS 3 TimelineConfig', events: ids.length, kept,
    valid: !thrown && config.isValid(), errors: thrown ? [thrown] : config.getErrors(),
    ids_changed: ids.filter(id => !after.has(id)).length,
    title: !!(config && config.title),
};
console.log(JSON.stringify(report));
process.exit(report.valid && kept === ids.length && report.ids_changed === 0 ? 0 : 1);
