/* extract.c - article -> events: the per-article pipeline.
 *
 *   dl_doc_new()        sentences and tokens           (text/)
 *   ...                 time expressions, actors, actions (later stages)
 *
 * The extractor owns the loaded dictionaries; it is read-only once built. */
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "dipline/extract.h"
#include "dipline/text.h"

struct dl_extractor {
    dl_extract_options opt;
};

dl_status dl_extractor_new(const dl_extract_options *opts, dl_extractor **out, dl_error *err) {
    *out = NULL;
    dl_extractor *x = calloc(1, sizeof *x);
    if (!x) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    if (opts) x->opt = *opts;
    *out = x;
    return DL_OK;
}

void dl_extractor_free(dl_extractor *x) { free(x); }

dl_status dl_extract_article(const dl_extractor *x, const dl_article *a, dl_event_list *out, dl_error *err) {
    (void)x;
    (void)out;
    dl_doc *doc;
    dl_status st = dl_doc_new(a->text, a->text_len, &doc, err);
    if (st != DL_OK) return st;
    dl_doc_free(doc);
    return DL_OK;
}

dl_status dl_extract_text(const dl_extractor *x, const char *id, const char *text, size_t len,
                          const char *published, dl_event_list *out, dl_error *err) {
    dl_article a = {0};
    a.id = (char *)(id ? id : "text");
    a.text = (char *)text;
    a.text_len = len;
    a.published = dl_day_parse(published);
    if (a.published == DL_DAY_NONE)
        return dl_error_set(err, DL_ERR_USAGE, a.id, -1, -1, "bad publication date \"%s\"", published ? published : "");
    return dl_extract_article(x, &a, out, err);
}
