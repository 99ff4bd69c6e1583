// Load a `dipline --format vis` file into vis-timeline: DataSets of items
// and groups (duplicate ids throw) and a Timeline drawn in jsdom.  Exit 0
// when every item is on the timeline, in a group that exists, with dates
// vis can read (end after start for ranges).
import './setup.mjs';
import fs from 'fs';
import { DataSet } from 'vis-data/peer';
import { Timeline } from 'vis-timeline/peer';

const data = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const errors = [];
let items, groups, shown = 0;
try {
    items = new DataSet(data.items);
    groups = new DataSet(data.groups);
    const el = document.createElement('div');
    document.body.appendChild(el);
    const timeline = new Timeline(el, items, groups, {});
    shown = Object.keys(timeline.itemSet.items).length;
    timeline.destroy();
} catch (e) {
    errors.push(String(e));
}
const gids = new Set(groups ? groups.getIds() : []);
const all = items ? items.get() : [];
const report = {
    consumer: 'vis-timeline Timeline', items: all.length, groups: gids.size, on_timeline: shown,
    orphans: all.filter(i => !gids.has(i.group)).length,
    bad_dates: all.filter(i => isNaN(Date.parse(i.start)) ||
                               (i.end !== undefined && !(Date.parse(i.end) > Date.parse(i.start)))).length,
    errors,
};
console.log(JSON.stringify(report));
process.exit(!errors.length && !report.orphans && !report.bad_dates && shown === all.length ? 0 : 1);
