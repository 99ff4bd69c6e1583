/* fuzz_article.c - the article reader (all three input forms, limits, UTF-8
 * repair) and the tokeniser/sentence splitter on what it hands out.
 *
 * Input: one mode byte, then the file.  Mode bits: 1 --repair-utf8,
 * 2 a default date, 4 small limits (256-byte lines, 4 KB articles, depth 4),
 * 8 name the buffer *.jsonl instead of *.txt (names never decide the form,
 * this checks it). */
#include <string.h>

#include "dipline/article.h"
#include "dipline/text.h"
#include "fuzz.h"

static void check_doc(const dl_article *a) {
    dl_doc *d;
    dl_error err;
    if (dl_doc_new(a->text, a->text_len, &d, &err) != DL_OK) return;
    size_t next = 0, prev_end = 0;
    for (size_t i = 0; i < d->n_tokens; i++) {
        const dl_token *t = &d->tokens[i];
        FUZZ_CHECK(t->start < t->end && t->end <= a->text_len && t->start >= prev_end);
        FUZZ_CHECK(t->end - t->start <= DL_MAX_TOKEN_BYTES + 4);
        FUZZ_CHECK(t->norm + t->norm_len < d->norm_len + 1 && strlen(dl_doc_norm(d, i)) == t->norm_len);
        prev_end = t->end;
    }
    for (size_t i = 0; i < d->n_sentences; i++) {
        const dl_sentence *s = &d->sentences[i];
        /* in order, without overlap (bullet markers lie between sentences) */
        FUZZ_CHECK(s->first_token >= next && s->n_tokens > 0 && s->n_tokens <= DL_MAX_SENTENCE_TOKENS + 16);
        FUZZ_CHECK(s->start == d->tokens[s->first_token].start);
        FUZZ_CHECK(s->end == d->tokens[s->first_token + s->n_tokens - 1].end);
        FUZZ_CHECK(s->n_lead < s->n_tokens);
        next = s->first_token + s->n_tokens;
    }
    FUZZ_CHECK(next <= d->n_tokens);
    dl_doc_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    uint8_t mode = data[0];
    dl_reader_options o = {0};
    o.repair_utf8 = mode & 1;
    if (mode & 2) o.default_date = "2022-02-10";
    if (mode & 4) {
        o.max_line_bytes = 256;
        o.max_article_bytes = 4096;
        o.max_json_depth = 4;
    }
    dl_reader *r = dl_reader_new(&o);
    FUZZ_CHECK(r);
    dl_error err;
    FUZZ_CHECK(dl_reader_add_buffer(r, mode & 8 ? "fuzz.jsonl" : "fuzz.txt", (const char *)data + 1, size - 1,
                                    &err) == DL_OK);
    /* every call consumes input (an article or a bad one), so the loop ends
     * within size + 1 calls */
    size_t calls = 0, articles = 0, failures = 0;
    for (;;) {
        FUZZ_CHECK(++calls <= size + 1);
        dl_article *a = NULL;
        dl_status st = dl_reader_next(r, &a, &err);
        if (st != DL_OK) {
            FUZZ_CHECK(!a && err.status == st && err.message[0] && err.file[0]);
            failures++;
            continue;
        }
        if (!a) break;
        articles++;
        FUZZ_CHECK(a->id && a->origin && a->text && a->published != DL_DAY_NONE);
        FUZZ_CHECK(strlen(a->text) == a->text_len && a->text_len > 0);
        FUZZ_CHECK(dl_utf8_check(a->text, a->text_len, NULL, NULL));
        FUZZ_CHECK(o.repair_utf8 || a->utf8_repairs == 0);
        FUZZ_CHECK(a->text_len <= 3 * (o.max_article_bytes ? o.max_article_bytes : DL_DEFAULT_MAX_ARTICLE));
        check_doc(a);
        dl_article_free(a);
    }
    FUZZ_CHECK(dl_reader_count(r) == articles && dl_reader_failures(r) == failures);
    dl_reader_free(r);
    return 0;
}
