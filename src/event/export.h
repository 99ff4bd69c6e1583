/* export.h - the event-data exports of the log writer (private to
 * src/event/): ICEWS-style CSV (export_csv.c), GDELT-like TSV
 * (export_tsv.c), TimelineJS and vis-timeline JSON (export_web.c).
 *
 * writer.c hands every call for these formats to dl_export_*; export.c
 * keeps what the formats share: the articles seen (for publisher, title and
 * URL columns), the names of country and organisation codes (from the
 * bundled data/countries.txt and data/orgs.txt), the names of sector codes
 * (data/actor_types.txt), and the groups (actors) of the web formats.
 * Events stream out as they come; the article list is expected before the
 * events that cite it (extract and merge give it so); a cited article not
 * seen yet leaves its columns empty. */
#ifndef DL_EVENT_EXPORT_H
#define DL_EVENT_EXPORT_H

#include <stdio.h>

#include "../common/util.h"
#include "dipline/event.h"

/* A string -> index map (open addressing); the keys are owned elsewhere
 * and must not move (they are the strings of the tables below). */
typedef struct ex_slot {
    const char *key; /* NULL = empty */
    uint32_t idx;
} ex_slot;
typedef struct ex_map {
    ex_slot *slots;
    size_t n_slots, n;
} ex_map;

typedef struct ex_name {
    char *code, *name;
    bool org;
} ex_name;

typedef struct dl_export dl_export;

/* One format: begin (header), one event, finish (closing). */
typedef struct ex_ops {
    void (*begin)(dl_export *x);
    dl_status (*event)(dl_export *x, const dl_event *ev);
    void (*finish)(dl_export *x);
} ex_ops;

struct dl_export {
    FILE *f;
    const ex_ops *ops;
    const char *generator;
    bool started;
    size_t n_events;            /* events given */
    size_t n_out;               /* web formats: objects written */
    VEC(dl_article_info) arts;  /* copies, owned */
    ex_map art_index;
    VEC(ex_name) names;         /* country and organisation codes */
    ex_map name_index;
    VEC(ex_name) sectors;       /* sector codes (org unused) */
    ex_map sector_index;
    VEC(char *) groups;         /* web formats: actor labels, owned */
    ex_map group_index;
    dl_buf row, tmp;            /* scratch for the formats */
};

/* Does the exporter write this format? */
bool dl_export_handles(dl_format f);
/* NULL when out of memory or for a format it does not handle. */
dl_export *dl_export_new(FILE *f, dl_format format, const char *generator);
dl_status dl_export_article(dl_export *x, const dl_article_info *a, dl_error *err);
dl_status dl_export_event(dl_export *x, const dl_event *ev, dl_error *err);
/* Write what closes the document; flushing is the writer's. */
dl_status dl_export_finish(dl_export *x, dl_error *err);
void dl_export_free(dl_export *x);

/* ---- for the format files ---------------------------------------------- */

extern const ex_ops dl_ex_csv, dl_ex_tsv, dl_ex_timelinejs, dl_ex_vis;

/* The article with this id, or NULL. */
const dl_article_info *ex_article(const dl_export *x, const char *id);
/* The name of a country or organisation code ("RUS" -> "Russia"), or NULL;
 * *org (may be NULL) tells an organisation. */
const char *ex_code_name(const dl_export *x, const char *code, bool *org);
/* Append the names of a sector code, comma-separated ("GOVMIL" ->
 * "Government,Military"); unknown parts as they are. */
void ex_sector_names(const dl_export *x, const char *sector, dl_buf *b);
/* Append a display label for an entity: its name, or "Military (Russia)"
 * when it is a sector of a country, or the country's name, or its code;
 * "" when it has nothing. */
void ex_entity_label(const dl_export *x, const dl_entity *e, dl_buf *b);
/* Index of a group label, added if new; SIZE_MAX when out of memory. */
size_t ex_group(dl_export *x, const char *label);
/* Distinct article ids of an event's mentions, in mention order: call with
 * *i = 0, then while it returns non-NULL. */
const char *ex_next_article(const dl_event *ev, size_t *i);

#endif
