/* Unit tests: time expressions (timex/): every form with a fixed DCT, the
 * edge cases of the calendar, TimeML in and out, the event-dating rule, and
 * a regression test on our own fixtures (fixtures/timex). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

/* Thursday 10 February 2022, the day of the Truss-Lavrov talks. */
#define DCT "2022-02-10"

typedef struct {
    dl_doc *doc;
    dl_timex_list tl;
    const char *text;
} tagged;

static tagged tag(const char *text, const char *dct) {
    tagged t = {.text = text};
    assert_int_equal(dl_doc_new(text, strlen(text), &t.doc, NULL), DL_OK);
    dl_error err;
    assert_int_equal(dl_timex_tag(t.doc, dct ? dl_day_parse(dct) : DL_DAY_NONE, &t.tl, &err), DL_OK);
    return t;
}

static void untag(tagged *t) {
    dl_timex_list_clear(&t->tl);
    dl_doc_free(t->doc);
}

static void dump(const tagged *t) {
    for (size_t k = 0; k < t->tl.n; k++) {
        const dl_timex *x = &t->tl.items[k];
        print_message("  [%.*s] %s %s %s\n", (int)(x->end - x->start), t->text + x->start,
                      dl_timex_type_name(x->type), x->value, x->mod);
    }
}

/* The expression whose text is `span`, or NULL. */
static const dl_timex *find(const tagged *t, const char *span) {
    for (size_t k = 0; k < t->tl.n; k++) {
        const dl_timex *x = &t->tl.items[k];
        if (x->end - x->start == strlen(span) && memcmp(t->text + x->start, span, strlen(span)) == 0) return x;
    }
    return NULL;
}

/* In `text` said on `dct`, `span` is a time expression of `type` and `value`. */
static void expect_at(const char *dct, const char *text, const char *span, const char *type, const char *value) {
    tagged t = tag(text, dct);
    const dl_timex *x = find(&t, span);
    if (!x) {
        dump(&t);
        fail_msg("\"%s\": no expression \"%s\"", text, span);
    }
    if (strcmp(dl_timex_type_name(x->type), type) != 0 || strcmp(x->value, value) != 0) {
        dump(&t);
        fail_msg("\"%s\": \"%s\" is %s %s, want %s %s", text, span, dl_timex_type_name(x->type), x->value, type, value);
    }
    untag(&t);
}

static void expect(const char *text, const char *span, const char *type, const char *value) {
    expect_at(DCT, text, span, type, value);
}

/* `text` has no time expression at all. */
static void expect_none(const char *text) {
    tagged t = tag(text, DCT);
    if (t.tl.n) {
        dump(&t);
        fail_msg("\"%s\": want no expression", text);
    }
    untag(&t);
}

static void absolute_dates(void **state) {
    (void)state;
    expect("The talks were held on Feb. 10, 2022 in Moscow.", "Feb. 10, 2022", "DATE", "2022-02-10");
    expect("Truss arrived on 10 February.", "10 February", "DATE", "2022-02-10");
    expect("The statement is dated 2022-02-10.", "2022-02-10", "DATE", "2022-02-10");
    expect("The deadline of 2/24/2022 passed.", "2/24/2022", "DATE", "2022-02-24");
    expect("Ministers will meet again on February 20.", "February 20", "DATE", "2022-02-20");
    expect("The accord was signed on November 20.", "November 20", "DATE", "2021-11-20");
    expect("The accord was signed on February 20.", "February 20", "DATE", "2021-02-20");
    /* a tense read from an -ed word far away is weak: the nearer date wins */
    expect_at("2021-11-02", "The rights, which expire Nov. 21, can be exercised at any time from now on and traded.",
              "Nov. 21", "DATE", "2021-11-21");
    expect("Exercises began in January 2022.", "January 2022", "DATE", "2022-01");
    expect("It was founded in July of 1997.", "July of 1997", "DATE", "1997-07");
    expect("Troops arrived in January.", "January", "DATE", "2022-01");
    expect("The summit is due in June.", "June", "DATE", "2022-06");
    expect("NATO said on Thursday, Feb. 10, that it was ready.", "Thursday, Feb. 10", "DATE", "2022-02-10");
    expect("The treaty dates from 1997.", "1997", "DATE", "1997");
    expect("He was born on the 3rd of March 1950.", "the 3rd of March 1950", "DATE", "1950-03-03");
    /* the second day of "April 24 and 25" */
    expect("The summit will be held on April 24 and 25.", "25", "DATE", "2022-04-25");
    /* "may" and "march" as words */
    expect_none("Protesters may march on the embassy.");
}

static void weekdays(void **state) {
    (void)state;
    /* said on a Thursday: "Thursday" is today, in both tenses */
    expect("Lavrov met Truss on Thursday.", "Thursday", "DATE", "2022-02-10");
    expect("Lavrov will meet Truss on Thursday.", "Thursday", "DATE", "2022-02-10");
    expect("The ministers met on Monday.", "Monday", "DATE", "2022-02-07");
    expect("The ministers will meet on Monday.", "Monday", "DATE", "2022-02-14");
    expect("The talks are due to resume on Monday.", "Monday", "DATE", "2022-02-14");
    expect("Moscow plans to reply on Saturday.", "Saturday", "DATE", "2022-02-12");
    expect("After Thursday's talks, Truss left.", "Thursday", "DATE", "2022-02-10");
    expect("They spoke last Thursday.", "last Thursday", "DATE", "2022-02-03");
    expect("They will speak next Thursday.", "next Thursday", "DATE", "2022-02-17");
    /* a named day keeps its part of day in the span, not in the value
     * (TempEval-3); "this morning", "last night" are times of day */
    expect("They spoke on Tuesday night.", "Tuesday night", "DATE", "2022-02-08");
    expect("She said it on Friday morning.", "Friday morning", "DATE", "2022-02-04");
    expect("He called late last night.", "late last night", "TIME", "2022-02-09TNI");
    expect("He arrived yesterday afternoon.", "yesterday afternoon", "TIME", "2022-02-09TAF");
}

static void relative_dates(void **state) {
    (void)state;
    expect("Talks began last week.", "last week", "DATE", "2022-W05");
    expect("Talks continue this week.", "this week", "DATE", "2022-W06");
    expect("A summit is planned for next month.", "next month", "DATE", "2022-03");
    expect("The convoy left two days ago.", "two days ago", "DATE", "2022-02-08");
    expect("Sanctions were announced yesterday.", "yesterday", "DATE", "2022-02-09");
    expect("Talks resume today.", "today", "DATE", "2022-02-10");
    expect("Talks resume tomorrow.", "tomorrow", "DATE", "2022-02-11");
    expect("He will speak tonight.", "tonight", "TIME", "2022-02-10TNI");
    expect("She landed this morning.", "this morning", "TIME", "2022-02-10TMO");
    expect("Troops massed at the border earlier this year.", "earlier this year", "DATE", "2022");
    expect("The two sides met again later on Thursday.", "later on Thursday", "DATE", "2022-02-10");
    expect("Exports fell last year.", "last year", "DATE", "2021");
    expect("The plan was drawn up five years ago.", "five years ago", "DATE", "2017");
    /* anchored to the last date mentioned, not to the DCT */
    expect("The envoy arrived on Feb. 3. The previous day he had been in Minsk.", "The previous day", "DATE",
           "2022-02-02");
    expect("The envoy arrived on Feb. 3. A week later he left.", "A week later", "DATE", "2022-02-10");
    expect("The envoy arrived on Feb. 3. That day the talks failed.", "That day", "DATE", "2022-02-03");
    expect("The envoy arrived on Feb. 3 and left the next day.", "the next day", "DATE", "2022-02-04");
    expect("The pact was signed in 1997. The following year it was extended.", "The following year", "DATE", "1998");
}

static void spans_and_roles(void **state) {
    (void)state;
    tagged t = tag("The drills will last until February 20. Talks were held from Monday to Wednesday.", DCT);
    const dl_timex *u = find(&t, "February 20");
    assert_non_null(u);
    assert_int_equal(u->role, DL_TIMEX_UNTIL);
    assert_string_equal(u->value, "2022-02-20");
    const dl_timex *a = find(&t, "Monday"), *b = find(&t, "Wednesday");
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(a->role, DL_TIMEX_RANGE_FROM);
    assert_int_equal(b->role, DL_TIMEX_RANGE_TO);
    assert_string_equal(a->value, "2022-02-07");
    assert_string_equal(b->value, "2022-02-09");
    untag(&t);
    t = tag("Sanctions have been in place since Monday.", DCT);
    assert_int_equal(find(&t, "Monday")->role, DL_TIMEX_SINCE);
    untag(&t);
    /* a moved deadline: "to" is "until", and the date lies ahead */
    t = tag("Moscow extended the deadline to Feb. 14.", DCT);
    assert_int_equal(find(&t, "Feb. 14")->role, DL_TIMEX_UNTIL);
    assert_string_equal(find(&t, "Feb. 14")->value, "2022-02-14");
    untag(&t);
}

static void periods(void **state) {
    (void)state;
    expect("Fighting flared last summer.", "last summer", "DATE", "2021-SU");
    expect("A new round is expected this spring.", "this spring", "DATE", "2022-SP");
    expect("Gas flows fell in the winter of 2020.", "the winter of 2020", "DATE", "2020-WI");
    expect("Growth slowed in the first quarter of 2022.", "the first quarter of 2022", "DATE", "2022-Q1");
    expect("Third-quarter exports fell.", "Third-quarter", "DATE", "2021-Q3");
    expect("Output rose in the second half of 2021.", "the second half of 2021", "DATE", "2021-H2");
    expect("The alliance grew in the 1990s.", "the 1990s", "DATE", "199");
    expect("The alliance grew in the mid-1990s.", "the mid-1990s", "DATE", "199");
    expect("It was the worst war of the 20th century.", "the 20th century", "DATE", "19");
    expect("Troops will leave by the end of the month.", "the end of the month", "DATE", "2022-02");
    expect("Talks stalled in early 2021.", "early 2021", "DATE", "2021");
    expect("Markets were closed on Christmas Day.", "Christmas Day", "DATE", "2021-12-25");
    expect("Markets were closed for Thanksgiving.", "Thanksgiving", "DATE", "2021-11-25");
    expect("Talks will resume after Easter.", "Easter", "DATE", "2022-04-17");
    tagged t = tag("Talks stalled in early 2021.", DCT);
    assert_string_equal(find(&t, "early 2021")->mod, "START");
    untag(&t);
}

static void times_of_day(void **state) {
    (void)state;
    expect("The meeting began at 10:30 a.m. on Thursday.", "10:30 a.m.", "TIME", "2022-02-10T10:30");
    expect("The ultimatum will expire at 5 p.m. Friday.", "5 p.m. Friday", "TIME", "2022-02-11T17:00");
    expect("Shelling stopped at midnight.", "midnight", "TIME", "2022-02-10T24:00");
    expect("The vote is at noon Saturday.", "noon Saturday", "TIME", "2022-02-12T12:00");
    expect("Convoys moved at 1430 GMT.", "1430 GMT", "TIME", "2022-02-10T14:30");
}

static void durations(void **state) {
    (void)state;
    expect("They talked for three hours.", "three hours", "DURATION", "PT3H");
    expect("The blockade lasted 100 days.", "100 days", "DURATION", "P100D");
    expect("It signed a two-year deal.", "two-year", "DURATION", "P2Y");
    expect("Prices rose over the past three years.", "the past three years", "DURATION", "P3Y");
    expect("Refugees spent 2 1/2 years in camps.", "2 1/2 years", "DURATION", "P2Y6M");
    expect("The ceasefire held for several weeks.", "several weeks", "DURATION", "PXW");
    expect("He waited for about a week.", "about a week", "DURATION", "P1W");
    expect("The region has been at war for decades.", "decades", "DURATION", "PXE");
    expect("The crisis could last a few days.", "a few days", "DURATION", "PXD");
    expect("She spoke for half an hour.", "half an hour", "DURATION", "PT30M");
    tagged t = tag("He waited for about a week.", DCT);
    assert_string_equal(find(&t, "about a week")->mod, "APPROX");
    untag(&t);
    expect_none("He is 52 years old.");
}

static void references_and_sets(void **state) {
    (void)state;
    expect("The alliance is now larger.", "now", "DATE", "PRESENT_REF");
    expect("Tensions have recently grown.", "recently", "DATE", "PAST_REF");
    expect("Talks may resume in the future.", "the future", "DATE", "FUTURE_REF");
    expect("Exercises are held daily.", "daily", "SET", "P1D");
    expect("The council meets every Thursday.", "every Thursday", "SET", "XXXX-WXX-4");
    expect("They meet twice a year.", "a year", "SET", "P1Y");
    expect("Reports are published annually.", "annually", "SET", "P1Y");
}

/* Year wrap-around, ISO weeks at year ends, leap years. */
static void calendar_edges(void **state) {
    (void)state;
    expect_at("2022-01-03", "Prices fell last month.", "last month", "DATE", "2021-12");
    expect_at("2022-01-03", "Prices fell in December.", "December", "DATE", "2021-12");
    expect_at("2021-12-15", "Talks resume next month.", "next month", "DATE", "2022-01");
    expect_at("2021-12-15", "Talks resume in January.", "January", "DATE", "2022-01");
    expect_at("2022-01-02", "They met on Friday.", "Friday", "DATE", "2021-12-31");
    expect_at("2021-12-30", "They will meet on Monday.", "Monday", "DATE", "2022-01-03");
    /* 3 January 2021 is a Sunday in ISO week 53 of 2020 */
    expect_at("2021-01-03", "Talks continue this week.", "this week", "DATE", "2020-W53");
    expect_at("2021-01-03", "Talks began last week.", "last week", "DATE", "2020-W52");
    /* 30 December 2024 is the Monday of ISO week 1 of 2025 */
    expect_at("2024-12-30", "Talks continue this week.", "this week", "DATE", "2025-W01");
    expect_at("2024-12-30", "Talks resume next week.", "next week", "DATE", "2025-W02");
    expect_at("2024-12-30", "Talks began last week.", "last week", "DATE", "2024-W52");
    /* leap years */
    expect_at("2024-03-01", "The vote took place yesterday.", "yesterday", "DATE", "2024-02-29");
    expect_at("2025-03-01", "The vote took place on Feb. 29.", "Feb. 29", "DATE", "2024-02-29");
    expect_at("2024-03-01", "Exports fell on Feb. 29. A year earlier they had risen.", "A year earlier", "DATE",
              "2023-02-28");
    expect_at("2024-02-28", "The vote is tomorrow.", "tomorrow", "DATE", "2024-02-29");
    expect_at("2023-02-28", "The vote is tomorrow.", "tomorrow", "DATE", "2023-03-01");
}

/* Without a DCT, what depends on it stays underspecified. */
static void no_dct(void **state) {
    (void)state;
    expect_at(NULL, "Sanctions were announced yesterday.", "yesterday", "DATE", "XXXX-XX-XX");
    expect_at(NULL, "Lavrov met Truss on Thursday.", "Thursday", "DATE", "XXXX-WXX-4");
    expect_at(NULL, "Talks resume on Feb. 20.", "Feb. 20", "DATE", "XXXX-02-20");
    expect_at(NULL, "The pact dates from 1997.", "1997", "DATE", "1997");
    expect_at(NULL, "They talked for three hours.", "three hours", "DURATION", "PT3H");
}

/* The interval of days an expression covers. */
static void intervals(void **state) {
    (void)state;
    tagged t = tag("Talks began last week. They will end in March.", DCT);
    const dl_timex *w = find(&t, "last week"), *m = find(&t, "March");
    assert_int_equal(w->when.start, dl_day_from_ymd(2022, 1, 31));
    assert_int_equal(w->when.end, dl_day_from_ymd(2022, 2, 6));
    assert_int_equal(w->when.granularity, DL_GRAN_WEEK);
    assert_int_equal(m->when.start, dl_day_from_ymd(2022, 3, 1));
    assert_int_equal(m->when.end, dl_day_from_ymd(2022, 3, 31));
    untag(&t);
}

/* ---- event dating ------------------------------------------------------------ */

/* Date the event whose verb is the first token `verb` of sentence `s`. */
static void expect_event(const char *text, int s, const char *verb, const char *value, const char *start,
                         const char *end, const char *basis, bool inferred) {
    tagged t = tag(text, DCT);
    const dl_sentence *sen = &t.doc->sentences[s];
    uint32_t v = UINT32_MAX;
    for (uint32_t k = sen->first_token; k < sen->first_token + sen->n_tokens; k++)
        if (strcmp(dl_doc_norm(t.doc, k), verb) == 0) {
            v = k;
            break;
        }
    assert_true(v != UINT32_MAX);
    dl_when w;
    const char *b;
    size_t bl;
    bool inf;
    dl_timex_date_event(t.doc, &t.tl, (uint32_t)s, v, dl_day_parse(DCT), &w, &b, &bl, &inf);
    char got_start[16], got_end[16];
    dl_day_format(w.start, got_start);
    dl_day_format(w.end, got_end);
    if (strcmp(w.value, value) || strcmp(got_start, start) || strcmp(got_end, end) || strlen(basis) != bl ||
        memcmp(b, basis, bl) || inf != inferred)
        fail_msg("\"%s\" / %s: got %s [%s..%s] basis \"%.*s\" inferred %d", text, verb, w.value, got_start, got_end,
                 (int)bl, b, inf);
    untag(&t);
}

static void event_dating(void **state) {
    (void)state;
    expect_event("Lavrov met Truss on Thursday in Moscow.", 0, "met", "2022-02-10", "2022-02-10", "2022-02-10",
                 "Thursday", false);
    /* the nearest expression of the clause */
    expect_event("Lavrov met Truss on Monday and will meet Blinken on Friday.", 0, "meet", "2022-02-11",
                 "2022-02-11", "2022-02-11", "Friday", false);
    expect_event("Lavrov met Truss on Monday and will meet Blinken on Friday.", 0, "met", "2022-02-07", "2022-02-07",
                 "2022-02-07", "Monday", false);
    /* another clause of the sentence, when the verb's has none */
    expect_event("On Monday the talks ended; the ministers left.", 0, "left", "2022-02-07", "2022-02-07",
                 "2022-02-07", "Monday", false);
    /* a range gives its start and end */
    expect_event("Talks were held from Monday to Wednesday.", 0, "held", "2022-02-07", "2022-02-07", "2022-02-09",
                 "Monday to Wednesday", false);
    /* a month gives the days it covers */
    expect_event("Russia massed troops in January.", 0, "massed", "2022-01", "2022-01-01", "2022-01-31", "January",
                 false);
    /* "until" bounds, durations and sets do not date; the DCT does */
    expect_event("Troops will stay until February 20.", 0, "stay", "2022-02-10", "2022-02-10", "2022-02-10",
                 "publication", true);
    expect_event("They talked for three hours.", 0, "talked", "2022-02-10", "2022-02-10", "2022-02-10", "publication",
                 true);
    expect_event("Lavrov accused Truss of not listening.", 0, "accused", "2022-02-10", "2022-02-10", "2022-02-10",
                 "publication", true);
    /* an expression in another sentence does not count */
    expect_event("Talks were held on Monday. Lavrov accused Truss.", 1, "accused", "2022-02-10", "2022-02-10",
                 "2022-02-10", "publication", true);
    /* a year naming another happening ("the 2015 accords") does not date */
    expect_event("The leaders discussed the 2015 accords.", 0, "discussed", "2022-02-10", "2022-02-10", "2022-02-10",
                 "publication", true);
    expect_event("The leaders met in 2015.", 0, "met", "2015", "2015-01-01", "2015-12-31", "2015", false);
    /* "now" is the publication day, said in the text */
    expect_event("Troops are now leaving.", 0, "leaving", "2022-02-10", "2022-02-10", "2022-02-10", "now", false);
}

/* ---- TimeML ---------------------------------------------------------------- */

static void timeml_round_trip(void **state) {
    (void)state;
    const char *xml =
        "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>t1</DOCID>\n"
        "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2022-02-10\" functionInDocument=\"CREATION_TIME\">"
        "2022-02-10</TIMEX3></DCT>\n<TEXT>\nTruss &amp; Lavrov <EVENT eid=\"e1\">met</EVENT> "
        "<TIMEX3 tid=\"t9\" type=\"DATE\" value=\"x\">Thursday</TIMEX3> &lt;in Moscow&gt;.\n</TEXT>\n</TimeML>\n";
    dl_timeml_doc d;
    dl_error err;
    assert_int_equal(dl_timeml_read(xml, strlen(xml), "t1.tml", &d, &err), DL_OK);
    assert_string_equal(d.text, "\nTruss & Lavrov met Thursday <in Moscow>.\n");
    assert_string_equal(d.docid, "t1");
    assert_int_equal(d.dct, dl_day_from_ymd(2022, 2, 10));
    dl_doc *doc;
    assert_int_equal(dl_doc_new(d.text, d.text_len, &doc, NULL), DL_OK);
    dl_timex_list tl = {0};
    assert_int_equal(dl_timex_tag(doc, d.dct, &tl, &err), DL_OK);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(dl_timeml_write(f, d.docid, d.dct, d.text, d.text_len, &tl, &err), DL_OK);
    fclose(f);
    assert_non_null(strstr(buf, "<TEXT>\nTruss &amp; Lavrov met <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2022-02-10\""));
    assert_non_null(strstr(buf, ">Thursday</TIMEX3> &lt;in Moscow&gt;.\n</TEXT>"));
    /* read back: the same text */
    dl_timeml_doc d2;
    assert_int_equal(dl_timeml_read(buf, len, "out.tml", &d2, &err), DL_OK);
    assert_string_equal(d2.text, d.text);
    dl_timeml_doc_clear(&d2);
    free(buf);
    dl_timex_list_clear(&tl);
    dl_doc_free(doc);
    dl_timeml_doc_clear(&d);
    /* not TimeML */
    assert_int_equal(dl_timeml_read("<x>hello</x>", 12, "bad.tml", &d, &err), DL_ERR_INPUT);
    assert_non_null(strstr(err.message, "<TEXT>"));
    assert_int_equal(dl_timeml_read("<TEXT>open", 10, "bad.tml", &d, &err), DL_ERR_INPUT);
}

/* ---- regression: our own fixtures ------------------------------------------------
 * fixtures/timex/NAME.txt is an article ("Published:" header, blank line,
 * body); NAME.tsv lists every expression the tagger must find in the body:
 * TEXT<TAB>TYPE<TAB>VALUE, in order, checked by hand. */
static void fixtures(void **state) {
    (void)state;
    static const char *const names[] = {"moscow-talks", "geneva-round", "sanctions-timeline"};
    for (size_t n = 0; n < sizeof names / sizeof *names; n++) {
        char path[256];
        snprintf(path, sizeof path, "fixtures/timex/%s.txt", names[n]);
        size_t len;
        char *art = slurp(src_path(path), &len);
        char *published = strstr(art, "Published: ");
        assert_non_null(published);
        char dct[11];
        memcpy(dct, published + 11, 10);
        dct[10] = 0;
        char *body = strstr(art, "\n\n");
        assert_non_null(body);
        body += 2;
        tagged t = tag(body, dct);
        snprintf(path, sizeof path, "fixtures/timex/%s.tsv", names[n]);
        char *want = slurp(src_path(path), NULL);
        size_t k = 0;
        for (char *line = strtok(want, "\n"); line; line = strtok(NULL, "\n")) {
            if (line[0] == '#') continue;
            char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
            assert_non_null(tab2);
            *tab1 = *tab2 = 0;
            if (k >= t.tl.n) {
                dump(&t);
                fail_msg("%s: missing \"%s\"", names[n], line);
            }
            const dl_timex *x = &t.tl.items[k++];
            char got[256];
            snprintf(got, sizeof got, "%.*s", (int)(x->end - x->start), body + x->start);
            if (strcmp(got, line) || strcmp(dl_timex_type_name(x->type), tab1 + 1) || strcmp(x->value, tab2 + 1)) {
                dump(&t);
                fail_msg("%s: expression %zu is \"%s\" %s %s, want \"%s\" %s %s", names[n], k, got,
                         dl_timex_type_name(x->type), x->value, line, tab1 + 1, tab2 + 1);
            }
        }
        if (k != t.tl.n) {
            dump(&t);
            fail_msg("%s: %zu expressions, want %zu", names[n], t.tl.n, k);
        }
        free(want);
        untag(&t);
        free(art);
    }
}

/* Tagging must stay linear: a long text of dates and numbers. */
static void long_text(void **state) {
    (void)state;
    const char *unit = "On Feb. 10, 2022, two days after the 1990s ended, 10:30 a.m. 2022 last week 5 6 7 8. ";
    size_t n = strlen(unit), reps = 20000;
    char *text = malloc(n * reps + 1);
    for (size_t k = 0; k < reps; k++) memcpy(text + k * n, unit, n);
    text[n * reps] = 0;
    tagged t = tag(text, DCT);
    assert_true(t.tl.n >= reps * 4);
    untag(&t);
    free(text);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(absolute_dates),   cmocka_unit_test(weekdays),
        cmocka_unit_test(relative_dates),   cmocka_unit_test(spans_and_roles),
        cmocka_unit_test(periods),          cmocka_unit_test(times_of_day),
        cmocka_unit_test(durations),        cmocka_unit_test(references_and_sets),
        cmocka_unit_test(calendar_edges),   cmocka_unit_test(no_dct),
        cmocka_unit_test(intervals),        cmocka_unit_test(event_dating),
        cmocka_unit_test(timeml_round_trip), cmocka_unit_test(fixtures),
        cmocka_unit_test(long_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
