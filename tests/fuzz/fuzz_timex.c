/* fuzz_timex.c - the time-expression tagger, event dating and TimeML.
 *
 * Input: three bytes for the document creation time (0xFF first: none),
 * a mode byte (bit 1: the rest is a TimeML document to read, tag and write
 * back; else plain text, made valid UTF-8), then the text.
 *
 * Checks: expressions lie inside the text, in text order, in their sentence,
 * with values that fit; a TimeML document written from the text reads back
 * to the same text. */
#include <string.h>

#include "dipline/article.h"
#include "dipline/text.h"
#include "dipline/timex.h"
#include "fuzz.h"

static void tag_and_check(const char *text, size_t len, dl_day dct) {
    dl_doc *d;
    dl_error err;
    if (dl_doc_new(text, len, &d, &err) != DL_OK) return;
    dl_timex_list tl = {0};
    FUZZ_CHECK(dl_timex_tag(d, dct, &tl, &err) == DL_OK);
    for (size_t k = 0; k < tl.n; k++) {
        const dl_timex *t = &tl.items[k];
        FUZZ_CHECK(t->start < t->end && t->end <= len);
        FUZZ_CHECK(t->n_tokens > 0 && t->first_token + t->n_tokens <= d->n_tokens);
        FUZZ_CHECK(t->start == d->tokens[t->first_token].start);
        FUZZ_CHECK(t->end == d->tokens[t->first_token + t->n_tokens - 1].end);
        FUZZ_CHECK(t->sentence < d->n_sentences);
        FUZZ_CHECK(memchr(t->value, 0, sizeof t->value) && memchr(t->mod, 0, sizeof t->mod));
        FUZZ_CHECK(t->value[0]);
        if (k > 0) FUZZ_CHECK(tl.items[k - 1].sentence <= t->sentence && tl.items[k - 1].end <= t->start);
        if (t->when.start != DL_DAY_NONE) FUZZ_CHECK(t->when.end != DL_DAY_NONE && t->when.start <= t->when.end);
    }
    /* date an event at each sentence's first and last token */
    for (uint32_t s = 0; s < d->n_sentences; s++) {
        const dl_sentence *sen = &d->sentences[s];
        uint32_t toks[2] = {sen->first_token, sen->first_token + sen->n_tokens - 1};
        for (int i = 0; i < 2; i++) {
            dl_when w;
            const char *basis;
            size_t basis_len;
            bool inferred;
            dl_timex_date_event(d, &tl, s, toks[i], dct, &w, &basis, &basis_len, &inferred);
            FUZZ_CHECK(basis && memchr(w.value, 0, sizeof w.value));
            if (!inferred) FUZZ_CHECK(basis >= text && basis + basis_len <= text + len);
        }
    }
    /* TimeML out and in again: the same text */
    char *xml = NULL;
    size_t xml_len = 0;
    FILE *f = open_memstream(&xml, &xml_len);
    FUZZ_CHECK(f);
    dl_status st = dl_timeml_write(f, "fuzz", dct, text, len, &tl, &err);
    fclose(f);
    FUZZ_CHECK(st == DL_OK);
    dl_timeml_doc doc;
    st = dl_timeml_read(xml, xml_len, "fuzz.tml", &doc, &err);
    if (st != DL_OK) fprintf(stderr, "%s\n%s\n", err.message, xml);
    FUZZ_CHECK(st == DL_OK);
    FUZZ_CHECK(doc.text_len == len && memcmp(doc.text, text, len) == 0);
    FUZZ_CHECK(doc.dct == dct);
    dl_timeml_doc_clear(&doc);
    free(xml);
    dl_timex_list_clear(&tl);
    dl_doc_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 4) return 0;
    dl_day dct = data[0] == 0xFF ? DL_DAY_NONE
                                 : dl_day_from_ymd(1990 + data[0] % 60, 1 + data[1] % 12, 1 + data[2] % 28);
    bool timeml = data[3] & 1;
    data += 4;
    size -= 4;
    if (timeml) {
        dl_timeml_doc doc;
        dl_error err;
        if (dl_timeml_read((const char *)data, size, "fuzz.tml", &doc, &err) != DL_OK) return 0;
        FUZZ_CHECK(dl_utf8_check(doc.text, doc.text_len, NULL, NULL));
        tag_and_check(doc.text, doc.text_len, doc.dct);
        dl_timeml_doc_clear(&doc);
        return 0;
    }
    char *text = fuzz_valid_utf8(data, size);
    FUZZ_CHECK(text);
    tag_and_check(text, size, dct);
    free(text);
    return 0;
}
