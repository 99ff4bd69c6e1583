/* synth.h - synthetic timelines for tests and benchmarks of the renderer.
 *
 * Deterministic for a seed (its own random generator, no libc rand): the
 * same seed, count and span give the same events on every machine.  The
 * events look like merged news coding of crisis diplomacy: well-known
 * actors with country codes (some names accented or in Cyrillic), CAMEO
 * codes 010-204 weighted towards talk, bursts of activity with quiet weeks
 * between, a few week- or month-long dates and times of day, one to a dozen
 * sources, quotes now and then. */
#ifndef DL_SYNTH_H
#define DL_SYNTH_H

#include "dipline/event.h"

typedef struct synth_options {
    uint64_t seed;
    size_t events;
    int days;           /* span of the timeline */
    dl_day start;       /* its first day */
} synth_options;

/* Append the events (time order) to *out; *n_articles tells how many
 * article ids ("synth-0001" ...) they cite. */
dl_status synth_timeline(const synth_options *o, dl_event_list *out, size_t *n_articles);

#endif
