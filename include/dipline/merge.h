/*
 * dipline/merge.h - events from many articles -> one ordered timeline.
 *
 * Ten outlets report the same meeting; a timeline needs it once, with all ten
 * mentions.  A dl_timeline takes events as a stream (dl_timeline_add), keeps
 * each mention once in compact form (strings interned, the input event is not
 * kept), and on dl_timeline_finish folds the events that report the same
 * happening into one and orders the result.
 *
 * Same happening: the CAMEO codes share a root (and are not listed as
 * exclusive, like a phone call and a visit), actor and target are compatible
 * (same canonical name; or the same country when one side is the country, its
 * government or an institution of it, i.e. not a different person; sectors
 * agree when both are known; either way round for symmetric actions such as
 * meetings and calls), negation agrees, and the dates agree: the intervals
 * overlap the event's anchor (its most precise date); a publication-dated
 * (inferred) mention matches a date up to `window_days` before publication,
 * or any date its own article gives the event elsewhere; two mentions known
 * only by publication dates (a day apart at most) need the same names.
 * Rules are data (data/merge.txt).  The merged event keeps every mention, the
 * most precise (earliest) date, the most specific code, the most specific
 * actor and target, and a confidence that grows with independent articles:
 * 1 - prod(1 - c_a) over distinct articles a (c_a: the article's highest
 * mention confidence), capped at 0.99 when several articles agree.
 *
 * The result depends only on the set of input mentions, never on their
 * order: merging A+B or B+A gives the same bytes.  Each output mention
 * carries how its own article coded the event where that differs from the
 * merged event (dl_mention.coded), so a timeline can be merged again:
 * merge(merge(A,B),C) = merge(A,merge(B,C)) = merge(A,B,C).  A mention read
 * twice (same article, sentence, offsets and coding) is kept once.
 *
 * Ownership: a dl_timeline owns everything it holds; dl_timeline_event()
 * returns an owned copy the caller clears.
 */
#ifndef DIPLINE_MERGE_H
#define DIPLINE_MERGE_H

#include "dipline/common.h"
#include "dipline/event.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dl_merge_options {
    /* How many days before its publication date an inferred
     * (publication-dated) mention may have happened; default 2. */
    int window_days;
    /* Merge rules replacing the bundled data/merge.txt, or NULL. */
    const char *rules_path;
    /* Filters for a report, applied after merging (they never change what
     * merges with what).  An event passes when it passes every filter
     * given.  from/to: date.start within [from, to] (DL_DAY_NONE: open). */
    dl_day from, to;
    /* Case-insensitive: part of the actor's or target's canonical name
     * (any of them). */
    const char *const *actors;
    size_t n_actors;
    /* Actor or target country code, exact (any of them). */
    const char *const *countries;
    size_t n_countries;
    /* CAMEO roots ("04"), any of them. */
    const char *const *roots;
    size_t n_roots;
    /* Distinct articles reporting the event, at least (0 or 1: all). */
    size_t min_sources;
} dl_merge_options;

/* Defaults: window 2 days, no filters, bundled rules. */
void dl_merge_options_init(dl_merge_options *o);

typedef struct dl_merge_stats {
    size_t in_events;    /* events added */
    size_t in_mentions;  /* mentions added */
    size_t duplicates;   /* mentions dropped as exact duplicates */
    size_t merged;       /* events after merging, before filters */
    size_t folded;       /* input events folded into another: pieces - merged,
                          * where a piece is an input event's share of an
                          * output event (normally in_events - merged) */
    size_t split;        /* extra pieces: input (merged) events whose mentions
                          * now belong to several events (normally 0) */
    size_t filtered;     /* events removed by the filters */
    size_t out_events;   /* events in the timeline: merged - filtered */
    size_t out_mentions; /* mentions in those events */
} dl_merge_stats;

typedef struct dl_timeline dl_timeline;

/* A new, empty timeline (opts may be NULL: defaults).  Fails when the
 * rules file cannot be read or parsed. */
dl_status dl_timeline_new(const dl_merge_options *opts, dl_timeline **out, dl_error *err);
/* Add one event (its mentions are copied in compact form; ev stays the
 * caller's).  An event without mentions counts as one mention with no
 * article.  DL_ERR_USAGE after dl_timeline_finish. */
dl_status dl_timeline_add(dl_timeline *tl, const dl_event *ev, dl_error *err);
/* Record an article for the output's "articles" list (deduplicated by id). */
dl_status dl_timeline_add_article(dl_timeline *tl, const dl_article_info *a, dl_error *err);
/* Add every event and article of an open log. */
dl_status dl_timeline_add_log(dl_timeline *tl, dl_log_reader *r, dl_error *err);
/* Fold, order and filter.  Call once, after the last add. */
dl_status dl_timeline_finish(dl_timeline *tl, dl_error *err);

/* After finish: the events in order. */
size_t dl_timeline_count(const dl_timeline *tl);
/* Fill *out with an owned copy of event i (clear it with dl_event_clear). */
dl_status dl_timeline_event(const dl_timeline *tl, size_t i, dl_event *out);
/* Articles, sorted by id. */
size_t dl_timeline_n_articles(const dl_timeline *tl);
const dl_article_info *dl_timeline_article(const dl_timeline *tl, size_t i);
/* Write the events and articles to w (not finished: the caller may set the
 * stats with dl_log_writer_set_extra and then finish). */
dl_status dl_timeline_write(const dl_timeline *tl, dl_log_writer *w, dl_error *err);
void dl_timeline_stats(const dl_timeline *tl, dl_merge_stats *out);
/* The stats as a JSON object text for the log's "stats" member (malloc'd). */
char *dl_merge_stats_json(const dl_merge_stats *s);

void dl_timeline_free(dl_timeline *tl);

/* ---- The matching rules (exposed for tests and for --explain) ----------- */

typedef struct dl_merge_rules dl_merge_rules;

/* Parse rules text (the data/merge.txt format); `name` is used in errors. */
dl_status dl_merge_rules_parse(const char *name, const char *text, size_t len,
                               dl_merge_rules **out, dl_error *err);
/* The bundled rules, or those of `path` when not NULL. */
dl_status dl_merge_rules_load(const char *path, dl_merge_rules **out, dl_error *err);
void dl_merge_rules_free(dl_merge_rules *r);
/* Actor and target interchangeable for this code? */
bool dl_merge_rules_symmetric(const dl_merge_rules *r, const char *code);
/* May codes a and b (same root) describe the same happening? */
bool dl_merge_rules_codes_compatible(const dl_merge_rules *r, const char *a, const char *b);
/* Is this canonical name a person (not a state, body or group)? */
bool dl_merge_rules_is_person(const dl_merge_rules *r, const char *name);
/* May entities a and b be the same actor (see the top of this file)? */
bool dl_merge_rules_entities_compatible(const dl_merge_rules *r, const dl_entity *a,
                                        const dl_entity *b);

#ifdef __cplusplus
}
#endif
#endif
