/* fuzz_extract.c - the whole per-article pipeline: an article's text
 * (made valid UTF-8) -> sentences -> time expressions -> actors -> events,
 * with the small test dictionaries of tests/data; then the events through
 * the log writer and reader (the file format merge reads).
 *
 * Input: one byte for the publication year offset, then the text.
 * Checks: every event has one mention whose offsets are a sentence of the
 * text; the log written reads back with the same number of events. */
#include <string.h>

#include "dipline/extract.h"
#include "fuzz.h"

#ifndef FUZZ_TEST_DATA
#define FUZZ_TEST_DATA "tests/data"
#endif

static dl_extractor *extractor(void) {
    static dl_extractor *x;
    if (!x) {
        dl_extract_options o = {.actors_path = FUZZ_TEST_DATA "/actors.txt",
                                .agents_path = FUZZ_TEST_DATA "/agents.txt",
                                .roles_path = FUZZ_TEST_DATA "/roles.txt",
                                .all_modalities = true};
        dl_error err;
        if (dl_extractor_new(&o, &x, &err) != DL_OK) {
            fprintf(stderr, "fuzz_extract: %s: %s\n", err.file, err.message);
            abort();
        }
    }
    return x;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    char date[16];
    snprintf(date, sizeof date, "%d-02-10", 1995 + data[0] % 40);
    char *text = fuzz_valid_utf8(data + 1, size - 1);
    FUZZ_CHECK(text);
    size_t len = size - 1;
    dl_event_list events = {0};
    dl_error err;
    dl_status st = dl_extract_text(extractor(), "fuzz", text, len, date, &events, &err);
    FUZZ_CHECK(st == DL_OK);
    char *log = NULL;
    size_t log_len = 0;
    FILE *f = open_memstream(&log, &log_len);
    FUZZ_CHECK(f);
    dl_log_writer_options wo = {.format = (data[0] & 1) ? DL_FORMAT_JSONL : DL_FORMAT_JSON};
    dl_log_writer *w = dl_log_writer_new(f, &wo);
    FUZZ_CHECK(w);
    for (size_t i = 0; i < events.n; i++) {
        const dl_event *ev = &events.items[i];
        FUZZ_CHECK(ev->n_mentions == 1);
        const dl_mention *m = &ev->mentions[0];
        FUZZ_CHECK(m->start >= 0 && m->start < m->end && (size_t)m->end <= len);
        FUZZ_CHECK(strlen(m->text) == (size_t)(m->end - m->start) && memcmp(m->text, text + m->start, strlen(m->text)) == 0);
        FUZZ_CHECK(ev->action.code[0] && ev->id);
        FUZZ_CHECK(dl_log_writer_event(w, ev, &err) == DL_OK);
    }
    FUZZ_CHECK(dl_log_writer_finish(w, &err) == DL_OK);
    dl_log_writer_free(w);
    fclose(f);
    /* JSON Lines without events is an empty file, which the reader refuses
     * as "empty event log" (noted; left to the event module) */
    if (log_len == 0) {
        FUZZ_CHECK(events.n == 0 && wo.format == DL_FORMAT_JSONL);
        free(log);
        dl_event_list_clear(&events);
        free(text);
        return 0;
    }
    dl_log_reader *r;
    FUZZ_CHECK(dl_log_reader_open_buffer("fuzz.json", log, log_len, &r, &err) == DL_OK);
    size_t n = 0;
    for (;;) {
        dl_event ev;
        bool got;
        st = dl_log_reader_next(r, &ev, &got, &err);
        if (st != DL_OK) fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.message);
        FUZZ_CHECK(st == DL_OK);
        if (!got) break;
        n++;
        dl_event_clear(&ev);
    }
    FUZZ_CHECK(n == events.n);
    dl_log_reader_free(r);
    free(log);
    dl_event_list_clear(&events);
    free(text);
    return 0;
}
