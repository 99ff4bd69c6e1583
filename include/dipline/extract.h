/*
 * dipline/extract.h - article -> coded events.
 *
 * An extractor holds the dictionaries (loaded once) and is read-only after
 * dl_extractor_new(), so one extractor may serve several threads at once.
 * dl_extract_article() runs the per-article pipeline:
 *   split sentences -> tag time expressions -> find actors -> code actions
 *   -> events (one per mention, dated by the governing time expression).
 */
#ifndef DIPLINE_EXTRACT_H
#define DIPLINE_EXTRACT_H

#include "dipline/article.h"
#include "dipline/common.h"
#include "dipline/event.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dl_extract_options {
    /* Dictionary files replacing the bundled ones (NULL: bundled). */
    const char *actors_path;
    const char *agents_path;
    const char *verbs_path;
    const char *roles_path;
    /* Record where each coding came from (dictionary file:line) in
     * dl_event.explain. */
    bool explain;
    /* Also code negated and hypothetical verbs (flagged in the event);
     * by default they make no event. */
    bool all_modalities;
    /* At most this many events from one sentence (0: the default,
     * DL_DEFAULT_MAX_EVENTS).  A sentence that yields more (a table or a
     * list flattened into one "sentence") fails its article with
     * DL_ERR_LIMIT, naming the sentence. */
    size_t max_events_per_sentence;
} dl_extract_options;

#define DL_DEFAULT_MAX_EVENTS 100

typedef struct dl_extractor dl_extractor;

/* Load dictionaries and build the extractor.  `opts` may be NULL.
 * On success *out must be freed with dl_extractor_free(). */
dl_status dl_extractor_new(const dl_extract_options *opts, dl_extractor **out,
                           dl_error *err);
void dl_extractor_free(dl_extractor *x);

/* The extractor's dictionaries (owned by it). */
const struct dl_lexicon *dl_extractor_lexicon(const dl_extractor *x);

/* Extract the events of one article, appending them to `out`.  Thread-safe
 * for distinct `out` lists.  On failure `out` is left as it was. */
dl_status dl_extract_article(const dl_extractor *x, const dl_article *a,
                             dl_event_list *out, dl_error *err);

/* A human-readable account of how an article is coded: every sentence with
 * its actor phrases, verbs, speaker and events (for debugging dictionaries;
 * `dipline extract --trace`).  *out is malloc'd; the caller frees it. */
dl_status dl_extract_trace(const dl_extractor *x, const dl_article *a, char **out, dl_error *err);

/* Convenience for library users: extract from a text buffer with a
 * publication date ("2022-02-10"). */
dl_status dl_extract_text(const dl_extractor *x, const char *id, const char *text,
                          size_t len, const char *published, dl_event_list *out,
                          dl_error *err);

#ifdef __cplusplus
}
#endif
#endif
