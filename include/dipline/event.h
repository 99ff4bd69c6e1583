/*
 * dipline/event.h - events, the event log, and its JSON forms.
 *
 * An event is one actor-action-target happening with a date and the places
 * in the input that report it (mentions).  The event log is the JSON document
 * of SPEC.md ("schema": "dipline/events/1").  Writers stream: events go out as
 * they are made; the small article list is written at the end.  Readers
 * stream too, one event at a time, from a JSON log or a JSON Lines stream.
 *
 * Ownership: every char * in these structs is owned by the struct that holds
 * it (malloc'd, NUL-terminated) unless noted; dl_event_clear() frees them.
 * (The events of a pooled dl_event_list are the exception: see there.)
 */
#ifndef DIPLINE_EVENT_H
#define DIPLINE_EVENT_H

#include <stdio.h>

#include "dipline/common.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DL_SCHEMA "dipline/events/1"

/* An actor or target. */
typedef struct dl_entity {
    char *text;    /* the words in the sentence ("Mr Lavrov") */
    char *name;    /* canonical name ("Sergey Lavrov"), NULL if only a country */
    char *country; /* ISO 3166-1 alpha-3 or organisation code, NULL if unknown */
    char *sector;  /* GOV, MIL, LEG, JUD, OPP, REB, BUS, MED, ... or NULL */
    char *code;    /* country + sector ("RUSGOV"), NULL if unknown */
} dl_entity;

typedef struct dl_action {
    char *text;       /* the verb phrase as written */
    char code[8];     /* CAMEO code, "042" */
    char root[3];     /* first two digits, "04" */
    const char *label;/* CAMEO label (static, from the codebook); may be NULL */
    int quadclass;    /* 1 VC, 2 MC, 3 VK, 4 MK; 0 unknown */
    double goldstein; /* Goldstein scale value */
} dl_action;

struct dl_event;

typedef struct dl_mention {
    char *article;   /* article id */
    long sentence;   /* 0-based sentence index in the article */
    long start, end; /* byte offsets of the sentence in the article text */
    char *text;      /* the sentence text */
    /* How this mention's own extraction coded the event, when it differs
     * from the event that holds it (after merge: another article's date,
     * actor name or code won), or NULL when it is the same.  Owned (freed by
     * dl_event_clear); has no mentions of its own.  In JSON, the mention's
     * "coded" object holds only the members that differ (id, date, actor,
     * action, target, quote, negated, hypothetical, confidence), so merged
     * timelines can be merged again exactly. */
    struct dl_event *coded;
} dl_mention;

/* The basis of an event dated by its article's publication date. */
#define DL_BASIS_PUBLICATION "publication"

typedef struct dl_event_date {
    dl_when when;    /* value, start, end, granularity */
    char *basis;     /* time expression used, or DL_BASIS_PUBLICATION */
    bool inferred;   /* true when the sentence itself gives no date: the
                        story's day (basis: the earlier expression) or the
                        publication date */
} dl_event_date;

/* Is the date the article's publication date (basis "publication", or
 * none at all)? */
bool dl_event_date_by_publication(const dl_event_date *d);

typedef struct dl_event {
    char *id;            /* "article:sentence:n" after extract */
    dl_event_date date;
    dl_entity actor;
    dl_action action;
    bool has_target;
    dl_entity target;
    char *quote;         /* quoted words, or NULL */
    bool negated;
    bool hypothetical;
    double confidence;   /* 0..1 */
    dl_mention *mentions;
    size_t n_mentions;
    size_t cap_mentions;
    /* Source of the coding, for --explain: "verbs.txt:123; actors.tsv:45".
     * Not part of the schema; written only when the writer is told to. */
    char *explain;
} dl_event;

/* Free everything an event owns and zero it (the struct itself is not
 * freed). */
void dl_event_clear(dl_event *ev);
/* Deep-copy src into *dst (which is overwritten).  DL_ERR_NOMEM on failure. */
dl_status dl_event_copy(dl_event *dst, const dl_event *src);
/* Append a copy of m to ev's mentions. */
dl_status dl_event_add_mention(dl_event *ev, const dl_mention *m);
/* Set an entity field from a byte span (NULL s allowed: sets NULL). */
dl_status dl_entity_set(dl_entity *e, const char *text, const char *name,
                        const char *country, const char *sector);
void dl_entity_clear(dl_entity *e);
/* Fill code/root/label/quadclass/goldstein from the CAMEO codebook.
 * Returns false when code is not a CAMEO code. */
bool dl_action_set_code(dl_action *a, const char *code);

/* CAMEO codebook lookups (the bundled data/cameo.tsv). */
typedef struct dl_cameo_code {
    const char *code;
    const char *label;
    int quadclass;
    double goldstein;
} dl_cameo_code;
const dl_cameo_code *dl_cameo_lookup(const char *code);

/* A growable array of events.
 *
 * Ownership: each event of a list owns its strings (dl_event_clear() frees
 * them), unless the list has a pool (dl_event_list_use_pool()).  The
 * extractor then puts the strings and mention arrays of the events it
 * appends in that pool, a few large blocks instead of a malloc per string
 * (strings the same for several events, such as a sentence with two
 * events, may be shared).  The events of a pooled list belong to the list
 * as a whole: read them, but don't clear or change one (dl_event_copy() an
 * event to keep or change it).  A zeroed list has no pool. */
struct dl_arena;
typedef struct dl_event_list {
    dl_event *items;
    size_t n, cap;
    struct dl_arena *pool; /* NULL: each event owns its strings */
} dl_event_list;

/* Append a new zeroed event and return it (NULL when out of memory). */
dl_event *dl_event_list_add(dl_event_list *l);
/* Clear every event and the array, and free the pool if any (the list
 * struct itself stays, zeroed). */
void dl_event_list_clear(dl_event_list *l);
/* Give the empty list l a pool (see dl_event_list); DL_ERR_NOMEM on
 * failure.  Freed by dl_event_list_clear(). */
dl_status dl_event_list_use_pool(dl_event_list *l);
/* Empty l for reuse: its events are cleared (a pooled list's pool is
 * emptied instead), the array and one block of the pool are kept, so a
 * list refilled again and again (an article at a time) stops allocating. */
void dl_event_list_reset(dl_event_list *l);

/* What the log says about an article. */
typedef struct dl_article_info {
    char *id, *title, *source, *url, *published;
} dl_article_info;
void dl_article_info_clear(dl_article_info *a);

/* ---- Writing ------------------------------------------------------------ */

typedef enum {
    DL_FORMAT_JSON = 0,  /* "json": the dipline/events/1 document */
    DL_FORMAT_JSONL,     /* "jsonl": one event per line */
    DL_FORMAT_CSV,       /* "csv": one row per event, ICEWS columns (Event ID,
                            Event Date, Source Name, Source Sectors, Source
                            Country, Event Text, CAMEO Code, Intensity, Target
                            Name, Target Sectors, Target Country, Story ID,
                            Sentence Number, Publisher), RFC 4180 quoting */
    DL_FORMAT_TSV,       /* "tsv": one row per event, GDELT 1.0 column names */
    DL_FORMAT_TIMELINEJS,/* "timelinejs": Knight Lab TimelineJS 3 JSON */
    DL_FORMAT_VIS,       /* "vis": vis-timeline {"items": [...], "groups": [...]} */
    DL_FORMAT_CSV_DIPLINE/* "csv-dipline": one row per event, dipline's own
                            columns (event_id, date, date_start, ...) */
} dl_format;

/* "json", "jsonl", "csv", "tsv", "timelinejs", "vis", "csv-dipline" ->
 * format; returns false for an unknown name. */
bool dl_format_parse(const char *name, dl_format *out);

typedef struct dl_log_writer dl_log_writer;

typedef struct dl_log_writer_options {
    dl_format format;
    bool explain;   /* write each event's "explain" field */
    bool pretty;    /* indent JSON (default: on for DL_FORMAT_JSON) */
    const char *generator; /* default "dipline " DL_VERSION */
    /* A JSON object text written as the document's top-level "stats"
     * member (counts from merge, say); NULL for none. */
    const char *extra_json;
    /* Threads making the text of the events given to dl_log_writer_events()
     * (JSON and JSON Lines; 0: one per processor).  The output is the same
     * bytes for any number. */
    unsigned jobs;
} dl_log_writer_options;

/* Start writing to f (not closed by the writer).  NULL opts: JSON.  Returns
 * NULL when out of memory.  Every format streams: an event is written when
 * it is given; what closes the document (JSON's article list, TimelineJS's
 * title slide, vis's groups) is written by dl_log_writer_finish(). */
dl_log_writer *dl_log_writer_new(FILE *f, const dl_log_writer_options *opts);
/* Record an article for the "articles" list (written at the end).  The
 * exports (csv, tsv, timelinejs, vis) fill publisher, title, URL and date
 * columns from it: give an article before the events that cite it. */
dl_status dl_log_writer_article(dl_log_writer *w, const dl_article_info *a,
                                dl_error *err);
dl_status dl_log_writer_event(dl_log_writer *w, const dl_event *ev, dl_error *err);
/* Event i of a sequence, filled into *ev (borrowed: it stays valid until the
 * next call with the same slot); false when out of memory.  Called from
 * several threads at once, each with its own slot (0 .. jobs - 1, at most
 * 63). */
typedef bool (*dl_event_at)(void *ctx, size_t i, unsigned slot, dl_event *ev);
/* Write events 0 .. n-1 in order, as many dl_log_writer_event() calls would
 * (the same bytes), making their text on opt.jobs threads where the format
 * allows (JSON, JSON Lines); the others are written one by one. */
dl_status dl_log_writer_events(dl_log_writer *w, size_t n, dl_event_at at, void *ctx, dl_error *err);
/* Finish the document (closing brackets, article list) and flush. */
dl_status dl_log_writer_finish(dl_log_writer *w, dl_error *err);
/* Set the extra_json member before finish (copied). */
dl_status dl_log_writer_set_extra(dl_log_writer *w, const char *extra_json);
void dl_log_writer_free(dl_log_writer *w);

/* ---- Reading ------------------------------------------------------------ */

typedef struct dl_log_reader dl_log_reader;

/* Open an event log (JSON document, or JSON Lines of events) at path ("-" is
 * standard input).  The JSON document is read as a stream: memory holds one
 * event at a time, not the whole file. */
dl_status dl_log_reader_open(const char *path, dl_log_reader **out, dl_error *err);
/* The same over a memory buffer (copied). */
dl_status dl_log_reader_open_buffer(const char *name, const char *data, size_t len,
                                    dl_log_reader **out, dl_error *err);
/* Read the next event into *ev (cleared first).  Returns DL_OK and sets
 * *got to false at the end of the log. */
dl_status dl_log_reader_next(dl_log_reader *r, dl_event *ev, bool *got, dl_error *err);
/* The same without a copy: *ev is lent (owned by the reader, never to be
 * cleared or changed) and stays valid until the next call on r or
 * dl_log_reader_free().  *ev is NULL at the end of the log. */
dl_status dl_log_reader_next_view(dl_log_reader *r, const dl_event **ev, bool *got, dl_error *err);
/* The articles of the log, once the events are exhausted (events are
 * parsed ahead in a thread of the reader's own; before their end these say
 * none). */
size_t dl_log_reader_n_articles(const dl_log_reader *r);
const dl_article_info *dl_log_reader_article(const dl_log_reader *r, size_t i);
void dl_log_reader_free(dl_log_reader *r);

/* Parse one event from a JSON object text (strict JSON; a member given
 * twice: the last one counts, as in a log). */
dl_status dl_event_from_json_text(const char *json, size_t len, dl_event *ev,
                                  dl_error *err);
/* Serialise one event as compact JSON; the caller frees the result. */
char *dl_event_to_json_text(const dl_event *ev, bool explain);

#ifdef __cplusplus
}
#endif
#endif
