/* fuzz_eventlog.c - the event-log reader that `merge`, `render` and `build`
 * use (dipline/events/1 documents, arrays of events, JSON Lines), each
 * event's JSON round trip, and the merge of what was read.
 *
 * Checks: every event read serialises to JSON that reads back to the same
 * JSON; the merge loses no mention (every mention read is in the timeline
 * exactly once, or counted as an exact duplicate). */
#include <string.h>

#include "dipline/event.h"
#include "dipline/merge.h"
#include "fuzz.h"

static void round_trip(const dl_event *ev) {
    char *a = dl_event_to_json_text(ev, true);
    FUZZ_CHECK(a);
    dl_event back;
    dl_error err;
    memset(&back, 0, sizeof back);
    dl_status st = dl_event_from_json_text(a, strlen(a), &back, &err);
    if (st != DL_OK) fprintf(stderr, "%s\n%s\n", err.message, a);
    FUZZ_CHECK(st == DL_OK);
    char *b = dl_event_to_json_text(&back, true);
    FUZZ_CHECK(b);
    if (strcmp(a, b) != 0) fprintf(stderr, "first:  %s\nsecond: %s\n", a, b);
    FUZZ_CHECK(strcmp(a, b) == 0);
    free(a);
    free(b);
    dl_event_clear(&back);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    dl_log_reader *r;
    dl_error err;
    if (dl_log_reader_open_buffer("fuzz.json", (const char *)data, size, &r, &err) != DL_OK) return 0;
    dl_timeline *tl;
    FUZZ_CHECK(dl_timeline_new(NULL, &tl, &err) == DL_OK);
    size_t events = 0, mentions = 0;
    for (;;) {
        dl_event ev;
        bool got;
        dl_status st = dl_log_reader_next(r, &ev, &got, &err);
        if (st != DL_OK) {
            FUZZ_CHECK(!got && err.message[0]);
            break;
        }
        if (!got) break;
        FUZZ_CHECK(++events <= size);
        round_trip(&ev);
        mentions += ev.n_mentions ? ev.n_mentions : 1;
        FUZZ_CHECK(dl_timeline_add(tl, &ev, &err) == DL_OK);
        dl_event_clear(&ev);
    }
    for (size_t i = 0; i < dl_log_reader_n_articles(r); i++)
        FUZZ_CHECK(dl_timeline_add_article(tl, dl_log_reader_article(r, i), &err) == DL_OK);
    FUZZ_CHECK(dl_timeline_finish(tl, &err) == DL_OK);
    dl_merge_stats s;
    dl_timeline_stats(tl, &s);
    FUZZ_CHECK(s.in_events == events && s.in_mentions == mentions);
    FUZZ_CHECK(s.out_mentions + s.duplicates == s.in_mentions);
    size_t out = 0;
    for (size_t i = 0; i < dl_timeline_count(tl); i++) {
        dl_event ev;
        FUZZ_CHECK(dl_timeline_event(tl, i, &ev) == DL_OK);
        out += ev.n_mentions;
        dl_event_clear(&ev);
    }
    FUZZ_CHECK(out == s.out_mentions);
    dl_timeline_free(tl);
    dl_log_reader_free(r);
    return 0;
}
