/* Unit tests: merging events across articles (merge/): each matching rule,
 * the merged event, ordering, filters, and properties over randomised inputs
 * (no mention lost or doubled, independent of input order, associative,
 * idempotent). */
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

/* ---- building events ------------------------------------------------------ */

typedef struct spec {
    const char *article;
    long sentence;
    const char *date;  /* TIMEX value, or NULL: the publication date below */
    const char *pub;   /* publication date (for date NULL) */
    const char *actor, *actor_country;
    const char *code;
    const char *target, *target_country; /* both NULL: no target */
    double confidence;
    bool negated;
} spec;

static void make(dl_event *ev, const spec *s) {
    memset(ev, 0, sizeof *ev);
    char id[64];
    snprintf(id, sizeof id, "%s:%ld:%s", s->article, s->sentence, s->code);
    ev->id = strdup(id);
    if (s->date) {
        assert_true(dl_when_parse(&ev->date.when, s->date));
        ev->date.basis = strdup("on that day");
    } else {
        dl_when_set_day(&ev->date.when, dl_day_parse(s->pub ? s->pub : "2022-02-10"));
        ev->date.basis = strdup("publication");
        ev->date.inferred = true;
    }
    assert_int_equal(dl_entity_set(&ev->actor, s->actor, s->actor, s->actor_country, NULL), DL_OK);
    if (s->target || s->target_country) {
        ev->has_target = true;
        assert_int_equal(dl_entity_set(&ev->target, s->target, s->target, s->target_country, NULL), DL_OK);
    }
    assert_true(dl_action_set_code(&ev->action, s->code));
    ev->action.text = strdup("did");
    ev->confidence = s->confidence ? s->confidence : 0.5;
    ev->negated = s->negated;
    char text[128];
    snprintf(text, sizeof text, "Sentence %ld of %s.", s->sentence, s->article);
    dl_mention m = {.article = (char *)s->article, .sentence = s->sentence, .start = s->sentence * 100,
                    .end = s->sentence * 100 + 50, .text = text};
    assert_int_equal(dl_event_add_mention(ev, &m), DL_OK);
}

/* Merge the specs (with options); returns the finished timeline. */
static dl_timeline *merge_specs(const spec *specs, size_t n, const dl_merge_options *o) {
    dl_timeline *tl;
    dl_error err;
    assert_int_equal(dl_timeline_new(o, &tl, &err), DL_OK);
    for (size_t i = 0; i < n; i++) {
        dl_event ev;
        make(&ev, &specs[i]);
        assert_int_equal(dl_timeline_add(tl, &ev, &err), DL_OK);
        dl_event_clear(&ev);
    }
    assert_int_equal(dl_timeline_finish(tl, &err), DL_OK);
    return tl;
}

static size_t count_of(const spec *specs, size_t n) {
    dl_timeline *tl = merge_specs(specs, n, NULL);
    size_t k = dl_timeline_count(tl);
    dl_timeline_free(tl);
    return k;
}

#define N(a) (sizeof(a) / sizeof *(a))

/* ---- the rules -------------------------------------------------------------- */

static dl_merge_rules *bundled(void) {
    dl_merge_rules *r;
    dl_error err;
    assert_int_equal(dl_merge_rules_load(NULL, &r, &err), DL_OK);
    return r;
}

static void rule_symmetric(void **state) {
    (void)state;
    dl_merge_rules *r = bundled();
    const char *yes[] = {"04", "040", "041", "042", "043", "044", "046", "057", "061"};
    const char *no[] = {"045", "036", "112", "0256", "190", "051", ""};
    for (size_t i = 0; i < N(yes); i++)
        if (!dl_merge_rules_symmetric(r, yes[i])) fail_msg("%s should be symmetric", yes[i]);
    for (size_t i = 0; i < N(no); i++)
        if (dl_merge_rules_symmetric(r, no[i])) fail_msg("%s should not be symmetric", no[i]);
    dl_merge_rules_free(r);
}

static void rule_codes(void **state) {
    (void)state;
    dl_merge_rules *r = bundled();
    assert_true(dl_merge_rules_codes_compatible(r, "040", "042"));
    assert_true(dl_merge_rules_codes_compatible(r, "042", "044"));
    assert_true(dl_merge_rules_codes_compatible(r, "041", "040"));
    assert_true(dl_merge_rules_codes_compatible(r, "130", "1312"));
    assert_true(dl_merge_rules_codes_compatible(r, "111", "112"));
    assert_false(dl_merge_rules_codes_compatible(r, "041", "042")); /* a call is not a visit */
    assert_false(dl_merge_rules_codes_compatible(r, "044", "041"));
    assert_false(dl_merge_rules_codes_compatible(r, "036", "040")); /* roots differ */
    dl_merge_rules_free(r);
}

static void rule_person(void **state) {
    (void)state;
    dl_merge_rules *r = bundled();
    const char *persons[] = {"Sergey Lavrov", "Jens Stoltenberg", "Ursula von der Leyen", "Mohammed bin Salman",
                             "Antony J. Blinken", "Jean-Yves Le Drian"};
    const char *bodies[] = {"Russia", "United States", "NATO", "European Council", "European Union",
                            "senior U.S. administration official", "G7", "Saudi Arabia", "South Korea",
                            "Biden administration officials", "Russian diplomatic mission in Geneva",
                            "U.S. State Department", "Government of Russia", NULL};
    for (size_t i = 0; i < N(persons); i++)
        if (!dl_merge_rules_is_person(r, persons[i])) fail_msg("'%s' should be a person", persons[i]);
    for (size_t i = 0; i < N(bodies); i++)
        if (dl_merge_rules_is_person(r, bodies[i])) fail_msg("'%s' should not be a person", bodies[i]);
    dl_merge_rules_free(r);
}

static void rule_entities(void **state) {
    (void)state;
    dl_merge_rules *r = bundled();
    dl_entity truss = {.name = "Liz Truss", .country = "GBR", .sector = "GOV"};
    dl_entity uk = {.name = "United Kingdom", .country = "GBR"};
    dl_entity gbr = {.country = "GBR"};
    dl_entity johnson = {.name = "Boris Johnson", .country = "GBR", .sector = "GOV"};
    dl_entity army = {.country = "GBR", .sector = "MIL"};
    dl_entity lavrov = {.name = "Sergey Lavrov", .country = "RUS"};
    dl_entity unknown = {0}, unknown2 = {.text = "they"};
    dl_entity ec = {.name = "European Council", .country = "EU"}, eu = {.name = "European Union", .country = "EU"};
    assert_true(dl_merge_rules_entities_compatible(r, &truss, &truss));
    assert_true(dl_merge_rules_entities_compatible(r, &truss, &uk));  /* person <-> own state */
    assert_true(dl_merge_rules_entities_compatible(r, &gbr, &truss)); /* only the country known */
    assert_true(dl_merge_rules_entities_compatible(r, &ec, &eu));     /* two bodies of one country */
    assert_false(dl_merge_rules_entities_compatible(r, &truss, &johnson)); /* two people */
    assert_false(dl_merge_rules_entities_compatible(r, &truss, &army));    /* sectors differ */
    assert_false(dl_merge_rules_entities_compatible(r, &truss, &lavrov));  /* countries differ */
    assert_true(dl_merge_rules_entities_compatible(r, &unknown, &unknown2));
    assert_false(dl_merge_rules_entities_compatible(r, &unknown, &gbr));
    dl_merge_rules_free(r);
}

static void rule_file_errors(void **state) {
    (void)state;
    struct { const char *text, *msg; long line; } bad[] = {
        {"symmetric 040\nbogus 1\n", "unknown keyword", 2},
        {"symmetric 04x\n", "CAMEO code", 1},
        {"# c\n\nexclusive 041 042\n", "both sides", 3},
        {"exclusive 041 | 042 | 043\n", "one '|'", 1},
    };
    for (size_t i = 0; i < N(bad); i++) {
        dl_merge_rules *r = NULL;
        dl_error err;
        assert_int_equal(dl_merge_rules_parse("x.txt", bad[i].text, strlen(bad[i].text), &r, &err), DL_ERR_INPUT);
        assert_null(r);
        if (!strstr(err.message, bad[i].msg)) fail_msg("[%s] lacks [%s]", err.message, bad[i].msg);
        assert_int_equal(err.line, bad[i].line);
    }
    dl_merge_options o;
    dl_merge_options_init(&o);
    o.rules_path = "/nonexistent/merge.txt";
    dl_timeline *tl = NULL;
    dl_error err;
    assert_int_not_equal(dl_timeline_new(&o, &tl, &err), DL_OK);
    assert_null(tl);
}

/* ---- matching ----------------------------------------------------------------- */

static void same_meeting_one_event(void **state) {
    (void)state;
    /* Three outlets, three codings of one visit: a visit, a hosting seen
     * from the other side, a country-level meeting. */
    spec s[] = {
        {"a", 1, "2022-02-07", NULL, "Emmanuel Macron", "FRA", "042", "Vladimir Putin", "RUS", 0.6, false},
        {"b", 4, "2022-02-07", NULL, "Vladimir Putin", "RUS", "043", "Emmanuel Macron", "FRA", 0.6, false},
        {"c", 2, "2022-02-07", NULL, "France", "FRA", "040", "Russia", "RUS", 0.6, false},
        {"c", 3, "2022-02-07", NULL, NULL, "FRA", "040", NULL, "RUS", 0.6, false},
    };
    dl_timeline *tl = merge_specs(s, N(s), NULL);
    assert_int_equal(dl_timeline_count(tl), 1);
    dl_event ev;
    assert_int_equal(dl_timeline_event(tl, 0, &ev), DL_OK);
    assert_int_equal(ev.n_mentions, 4);
    assert_string_equal(ev.mentions[0].article, "a");
    assert_string_equal(ev.mentions[3].article, "c");
    assert_string_equal(ev.action.code, "042"); /* most specific, then lowest */
    assert_string_equal(ev.actor.name, "Emmanuel Macron");
    assert_string_equal(ev.target.name, "Vladimir Putin");
    assert_string_equal(ev.date.when.value, "2022-02-07");
    /* 1 - 0.4^3 over three articles */
    assert_true(ev.confidence > 0.935 && ev.confidence < 0.937);
    /* b coded it the other way round: its mention says so */
    assert_non_null(ev.mentions[1].coded);
    assert_string_equal(ev.mentions[1].coded->actor.name, "Vladimir Putin");
    assert_string_equal(ev.mentions[1].coded->action.code, "043");
    /* a coded it as the event says, but for its own confidence */
    assert_non_null(ev.mentions[0].coded);
    assert_true(ev.mentions[0].coded->confidence == 0.6);
    assert_string_equal(ev.mentions[0].coded->id, ev.id);
    dl_event_clear(&ev);
    dl_merge_stats st;
    dl_timeline_stats(tl, &st);
    assert_int_equal(st.in_events, 4);
    assert_int_equal(st.out_events, 1);
    assert_int_equal(st.folded, 3);
    assert_int_equal(st.out_mentions, 4);
    dl_timeline_free(tl);
}

static void direction_matters_unless_symmetric(void **state) {
    (void)state;
    spec accuse[] = {
        {"a", 1, "2022-02-10", NULL, "Sergey Lavrov", "RUS", "112", "Liz Truss", "GBR", 0, false},
        {"b", 1, "2022-02-10", NULL, "Liz Truss", "GBR", "112", "Sergey Lavrov", "RUS", 0, false},
    };
    assert_int_equal(count_of(accuse, N(accuse)), 2);
    spec meet[] = {
        {"a", 1, "2022-02-10", NULL, "Sergey Lavrov", "RUS", "040", "Liz Truss", "GBR", 0, false},
        {"b", 1, "2022-02-10", NULL, "Liz Truss", "GBR", "040", "Sergey Lavrov", "RUS", 0, false},
    };
    assert_int_equal(count_of(meet, N(meet)), 1);
}

static void roots_and_exclusive_codes(void **state) {
    (void)state;
    spec s[] = {
        {"a", 1, "2022-02-10", NULL, "Liz Truss", "GBR", "111", "Russia", "RUS", 0, false},
        {"b", 1, "2022-02-10", NULL, "Liz Truss", "GBR", "112", "Russia", "RUS", 0, false},
        {"c", 1, "2022-02-10", NULL, "Liz Truss", "GBR", "112", "Russia", "RUS", 0, false},
        {"d", 1, "2022-02-10", NULL, "Liz Truss", "GBR", "130", "Russia", "RUS", 0, false},
        {"e", 1, "2022-02-10", NULL, "Liz Truss", "GBR", "1312", "Russia", "RUS", 0, false},
    };
    dl_timeline *tl = merge_specs(s, N(s), NULL);
    assert_int_equal(dl_timeline_count(tl), 2); /* root 11 and root 13 */
    dl_event ev;
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(dl_timeline_event(tl, i, &ev), DL_OK);
        if (strcmp(ev.action.root, "11") == 0) assert_string_equal(ev.action.code, "112"); /* most mentions */
        else assert_string_equal(ev.action.code, "1312");                                 /* most specific */
        dl_event_clear(&ev);
    }
    dl_timeline_free(tl);
    spec call_visit[] = {
        {"a", 1, "2022-02-10", NULL, "Joe Biden", "USA", "041", "Vladimir Putin", "RUS", 0, false},
        {"b", 1, "2022-02-10", NULL, "Joe Biden", "USA", "042", "Vladimir Putin", "RUS", 0, false},
        {"c", 1, "2022-02-10", NULL, "Joe Biden", "USA", "040", "Vladimir Putin", "RUS", 0, false},
    };
    assert_int_equal(count_of(call_visit, N(call_visit)), 2);
    spec negated[] = {
        {"a", 1, "2022-02-10", NULL, "Joe Biden", "USA", "040", "Vladimir Putin", "RUS", 0, false},
        {"b", 1, "2022-02-10", NULL, "Joe Biden", "USA", "040", "Vladimir Putin", "RUS", 0, true},
    };
    assert_int_equal(count_of(negated, N(negated)), 2);
}

static void people_and_their_states(void **state) {
    (void)state;
    /* Two meetings on one day by different people: a country-level report
     * joins one of them and does not chain them together. */
    spec s[] = {
        {"a", 1, "2022-01-10", NULL, "Wendy Sherman", "USA", "044", "Sergey Ryabkov", "RUS", 0, false},
        {"b", 1, "2022-01-10", NULL, "Antony Blinken", "USA", "044", "Sergey Lavrov", "RUS", 0, false},
        {"c", 1, "2022-01-10", NULL, "United States", "USA", "044", "Russia", "RUS", 0, false},
        {"d", 1, "2022-01-10", NULL, "Wendy Sherman", "USA", "044", "Russia", "RUS", 0, false},
    };
    dl_timeline *tl = merge_specs(s, N(s), NULL);
    assert_int_equal(dl_timeline_count(tl), 2);
    for (size_t i = 0; i < 2; i++) {
        dl_event ev;
        assert_int_equal(dl_timeline_event(tl, i, &ev), DL_OK);
        if (strcmp(ev.actor.name, "Wendy Sherman") == 0) {
            assert_string_equal(ev.target.name, "Sergey Ryabkov");
            assert_true(ev.n_mentions >= 2);
        } else {
            assert_string_equal(ev.actor.name, "Antony Blinken");
        }
        dl_event_clear(&ev);
    }
    dl_timeline_free(tl);
}

static void dates_refine_and_separate(void **state) {
    (void)state;
    /* A week-dated and a publication-dated report take the day's date. */
    spec s[] = {
        {"a", 1, "2022-W06", NULL, "Olaf Scholz", "DEU", "042", "Joe Biden", "USA", 0, false},
        {"b", 1, NULL, "2022-02-08", "Olaf Scholz", "DEU", "042", "Joe Biden", "USA", 0, false},
        {"c", 1, "2022-02-07", NULL, "Olaf Scholz", "DEU", "042", "Joe Biden", "USA", 0, false},
    };
    dl_timeline *tl = merge_specs(s, N(s), NULL);
    assert_int_equal(dl_timeline_count(tl), 1);
    dl_event ev;
    assert_int_equal(dl_timeline_event(tl, 0, &ev), DL_OK);
    assert_string_equal(ev.date.when.value, "2022-02-07");
    assert_false(ev.date.inferred);
    assert_int_equal(ev.n_mentions, 3);
    dl_event_clear(&ev);
    dl_timeline_free(tl);
    /* Two days stay two events; a week report joins one, not both. */
    spec two[] = {
        {"a", 1, "2022-02-07", NULL, "Olaf Scholz", "DEU", "042", "Joe Biden", "USA", 0, false},
        {"b", 1, "2022-02-10", NULL, "Olaf Scholz", "DEU", "042", "Joe Biden", "USA", 0, false},
        {"c", 1, "2022-W06", NULL, "Olaf Scholz", "DEU", "042", "Joe Biden", "USA", 0, false},
    };
    assert_int_equal(count_of(two, N(two)), 2);
    /* Publication dates: within the window before publication, not after. */
    spec late[] = {
        {"a", 1, "2022-02-07", NULL, "Olaf Scholz", "DEU", "042", "Joe Biden", "USA", 0, false},
        {"b", 1, NULL, "2022-02-09", "Olaf Scholz", "DEU", "042", "Joe Biden", "USA", 0, false},
        {"c", 1, NULL, "2022-02-10", "Olaf Scholz", "DEU", "042", "Joe Biden", "USA", 0, false},
        {"d", 1, NULL, "2022-02-06", "Olaf Scholz", "DEU", "042", "Joe Biden", "USA", 0, false},
    };
    assert_int_equal(count_of(late, N(late)), 3); /* a+b, c alone (c-d 4 days apart), d alone */
    dl_merge_options o;
    dl_merge_options_init(&o);
    o.window_days = 0;
    tl = merge_specs(late, 2, &o);
    assert_int_equal(dl_timeline_count(tl), 2);
    dl_timeline_free(tl);
    /* Undated in an article that dates the event elsewhere: the article's
     * date, however late it was published; not another article's. */
    spec own[] = {
        {"a", 1, "2022-02-07", NULL, "Olaf Scholz", "DEU", "042", "Joe Biden", "USA", 0, false},
        {"a", 5, NULL, "2022-02-15", "Germany", "DEU", "040", "Joe Biden", "USA", 0, false},
        {"b", 2, NULL, "2022-02-15", "Germany", "DEU", "040", "Joe Biden", "USA", 0, false},
    };
    tl = merge_specs(own, N(own), NULL);
    assert_int_equal(dl_timeline_count(tl), 2);
    assert_int_equal(dl_timeline_event(tl, 0, &ev), DL_OK);
    assert_int_equal(ev.n_mentions, 2);
    assert_string_equal(ev.mentions[1].article, "a");
    dl_event_clear(&ev);
    dl_timeline_free(tl);
    /* Two publication-dated reports only: the same names, a day apart. */
    spec pubs[] = {
        {"a", 1, NULL, "2022-02-09", "Olaf Scholz", "DEU", "042", "Joe Biden", "USA", 0, false},
        {"b", 1, NULL, "2022-02-10", "Olaf Scholz", "DEU", "042", "Joe Biden", "USA", 0, false},
        {"c", 1, NULL, "2022-02-10", "Germany", "DEU", "042", "Joe Biden", "USA", 0, false},
    };
    assert_int_equal(count_of(pubs, N(pubs)), 2);
}

static void ordering(void **state) {
    (void)state;
    spec s[] = {
        {"z", 1, "2022-02-10", NULL, "Liz Truss", "GBR", "040", "Sergey Lavrov", "RUS", 0, false},
        {"a", 9, "2022-02", NULL, "Liz Truss", "GBR", "111", "Russia", "RUS", 0, false},
        {"b", 1, "2022-W05", NULL, "Joe Biden", "USA", "130", "Russia", "RUS", 0, false},
        {"a", 2, "2022-02-01", NULL, "Joe Biden", "USA", "010", NULL, NULL, 0, false},
        {"c", 1, "2022-02-10", NULL, "Joe Biden", "USA", "120", "Russia", "RUS", 0, false},
    };
    dl_timeline *tl = merge_specs(s, N(s), NULL);
    assert_int_equal(dl_timeline_count(tl), 5);
    /* 01-31 (week 5), 02-01 day, 02 month (starts 02-01, coarser), 02-10 c, 02-10 z */
    const char *want[] = {"130", "010", "111", "120", "040"};
    for (size_t i = 0; i < 5; i++) {
        dl_event ev;
        assert_int_equal(dl_timeline_event(tl, i, &ev), DL_OK);
        if (strcmp(ev.action.code, want[i]) != 0) fail_msg("event %zu: %s, want %s", i, ev.action.code, want[i]);
        dl_event_clear(&ev);
    }
    dl_error err;
    dl_event extra;
    make(&extra, &s[0]);
    assert_int_equal(dl_timeline_add(tl, &extra, &err), DL_ERR_USAGE);
    dl_event_clear(&extra);
    dl_timeline_free(tl);
}

static void filters(void **state) {
    (void)state;
    spec s[] = {
        {"a", 1, "2022-02-07", NULL, "Emmanuel Macron", "FRA", "042", "Vladimir Putin", "RUS", 0, false},
        {"b", 1, "2022-02-07", NULL, "Emmanuel Macron", "FRA", "042", "Vladimir Putin", "RUS", 0, false},
        {"a", 2, "2022-02-10", NULL, "Liz Truss", "GBR", "112", "Russia", "RUS", 0, false},
        {"a", 3, "2022-02-12", NULL, "Joe Biden", "USA", "041", "Vladimir Putin", "RUS", 0, false},
    };
    struct { const char *what; size_t want; } cases[] = {
        {"none", 3}, {"from", 2}, {"to", 1}, {"actor", 2}, {"country", 1}, {"root", 2}, {"sources", 1},
    };
    const char *putin[] = {"putin"}, *gbr[] = {"GBR"}, *r04[] = {"04"};
    for (size_t i = 0; i < N(cases); i++) {
        dl_merge_options o;
        dl_merge_options_init(&o);
        const char *w = cases[i].what;
        if (!strcmp(w, "from")) o.from = dl_day_parse("2022-02-08");
        if (!strcmp(w, "to")) o.to = dl_day_parse("2022-02-09");
        if (!strcmp(w, "actor")) o.actors = putin, o.n_actors = 1;
        if (!strcmp(w, "country")) o.countries = gbr, o.n_countries = 1;
        if (!strcmp(w, "root")) o.roots = r04, o.n_roots = 1;
        if (!strcmp(w, "sources")) o.min_sources = 2;
        dl_timeline *tl = merge_specs(s, N(s), &o);
        if (dl_timeline_count(tl) != cases[i].want)
            fail_msg("filter %s: %zu events, want %zu", w, dl_timeline_count(tl), cases[i].want);
        dl_merge_stats st;
        dl_timeline_stats(tl, &st);
        assert_int_equal(st.merged, 3);
        assert_int_equal(st.filtered, 3 - cases[i].want);
        dl_timeline_free(tl);
    }
}

/* ---- properties over randomised inputs ------------------------------------ */

static uint64_t rng;
static unsigned rnd(unsigned n) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

/* A random log: happenings reported by several articles, each report coded
 * a little differently (names dropped, weeks, publication dates, swapped
 * symmetric sides, other codes of the root), plus unrelated events. */
static size_t random_specs(spec *out, size_t n, char (*names)[16]) {
    static const char *people[][2] = {{"Joe Biden", "USA"},       {"Antony Blinken", "USA"}, {"Vladimir Putin", "RUS"},
                                      {"Sergey Lavrov", "RUS"},   {"Liz Truss", "GBR"},      {"Olaf Scholz", "DEU"},
                                      {"Emmanuel Macron", "FRA"}, {"Jens Stoltenberg", "NATO"}};
    static const char *states[] = {"United States", "United States", "Russia", "Russia", "United Kingdom",
                                   "Germany", "France", "NATO"}; /* the people's own */
    static const char *codes[][3] = {{"040", "042", "044"}, {"041", "041", "040"}, {"111", "112", "110"},
                                     {"130", "1312", "138"}, {"010", "012", "013"}, {"036", "030", "036"}};
    size_t k = 0;
    while (k < n) {
        unsigned a = rnd(8), t = rnd(8), c = rnd(6), day = 1 + rnd(20);
        if (t == a) t = (a + 1) % 8;
        unsigned reports = 1 + rnd(4);
        for (unsigned r = 0; r < reports && k < n; r++, k++) {
            spec *s = &out[k];
            memset(s, 0, sizeof *s);
            snprintf(names[k], 16, "art%02u", rnd(30));
            s->article = names[k];
            s->sentence = (long)rnd(40);
            static char dates[4096][16], pubs[4096][16];
            snprintf(dates[k], 16, "2022-02-%02u", day);
            snprintf(pubs[k], 16, "2022-02-%02u", day + rnd(3));
            unsigned how = rnd(10);
            if (how == 0) snprintf(dates[k], 16, "2022-W%02d", day < 7 ? 5 : day < 14 ? 6 : day < 21 ? 7 : 8);
            s->date = how == 1 ? NULL : dates[k];
            s->pub = pubs[k];
            bool swap = c < 2 && rnd(2);
            unsigned x = swap ? t : a, y = swap ? a : t;
            unsigned drop = rnd(8); /* their state's name, or only the country */
            s->actor = drop == 0 ? states[x] : drop == 1 ? NULL : people[x][0];
            s->actor_country = people[x][1];
            s->code = codes[c][rnd(3)];
            if (c != 4) {
                s->target = rnd(4) == 0 ? NULL : people[y][0];
                s->target_country = people[y][1];
            }
            s->confidence = 0.25 * (1 + rnd(3));
            s->negated = rnd(50) == 0;
        }
    }
    return k;
}

/* A log (JSON document) of specs[idx[0..n)]. */
static char *log_of(const spec *specs, const size_t *idx, size_t n) {
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    dl_log_writer_options o = {.format = DL_FORMAT_JSON};
    dl_log_writer *w = dl_log_writer_new(mem, &o);
    for (size_t i = 0; i < n; i++) {
        dl_event ev;
        make(&ev, &specs[idx[i]]);
        assert_int_equal(dl_log_writer_event(w, &ev, NULL), DL_OK);
        dl_event_clear(&ev);
    }
    assert_int_equal(dl_log_writer_finish(w, NULL), DL_OK);
    dl_log_writer_free(w);
    fclose(mem);
    return buf;
}

/* Merge logs (text) into a timeline log (text, no stats). */
static char *merge_logs(char *const *logs, size_t n) {
    dl_timeline *tl;
    dl_error err;
    assert_int_equal(dl_timeline_new(NULL, &tl, &err), DL_OK);
    for (size_t i = 0; i < n; i++) {
        dl_log_reader *r;
        assert_int_equal(dl_log_reader_open_buffer("log", logs[i], strlen(logs[i]), &r, &err), DL_OK);
        if (dl_timeline_add_log(tl, r, &err) != DL_OK) fail_msg("%s", err.message);
        dl_log_reader_free(r);
    }
    assert_int_equal(dl_timeline_finish(tl, &err), DL_OK);
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    dl_log_writer_options o = {.format = DL_FORMAT_JSON};
    dl_log_writer *w = dl_log_writer_new(mem, &o);
    assert_int_equal(dl_timeline_write(tl, w, &err), DL_OK);
    assert_int_equal(dl_log_writer_finish(w, &err), DL_OK);
    dl_log_writer_free(w);
    fclose(mem);
    dl_timeline_free(tl);
    return buf;
}

/* Every mention of the input, as "article/sentence/start/id" lines, sorted. */
static int cmp_line(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static char **mention_keys(const char *log, size_t *n_out) {
    dl_log_reader *r;
    assert_int_equal(dl_log_reader_open_buffer("log", log, strlen(log), &r, NULL), DL_OK);
    char **keys = NULL;
    size_t n = 0;
    for (;;) {
        dl_event ev;
        bool got;
        assert_int_equal(dl_log_reader_next(r, &ev, &got, NULL), DL_OK);
        if (!got) break;
        for (size_t i = 0; i < ev.n_mentions; i++) {
            const dl_mention *m = &ev.mentions[i];
            const dl_event *c = m->coded ? m->coded : &ev;
            keys = realloc(keys, (n + 1) * sizeof *keys);
            char line[256];
            snprintf(line, sizeof line, "%s/%ld/%ld/%s/%s/%s", m->article, m->sentence, m->start, c->id,
                     c->action.code, c->date.when.value);
            keys[n++] = strdup(line);
        }
        dl_event_clear(&ev);
    }
    dl_log_reader_free(r);
    qsort(keys, n, sizeof *keys, cmp_line);
    *n_out = n;
    return keys;
}

static void free_keys(char **k, size_t n) {
    for (size_t i = 0; i < n; i++) free(k[i]);
    free(k);
}

static void properties(void **state) {
    (void)state;
    enum { N_EV = 300, ROUNDS = 12 };
    static spec specs[N_EV];
    static char names[N_EV][16];
    /* fixed inputs, plus fresh ones when DIPLINE_TEST_SEED is set (CI sets
     * it from the clock and prints it, so a failure can be replayed) */
    const char *env = getenv("DIPLINE_TEST_SEED");
    unsigned long seed = env ? strtoul(env, NULL, 10) : 0;
    if (env) print_message("properties: DIPLINE_TEST_SEED=%lu\n", seed);
    for (unsigned round = 0; round < (env ? 2u : 1u) * ROUNDS; round++) {
        rng = 0x9e3779b97f4a7c15ull ^ (round * 7919u + 1);
        if (round >= ROUNDS) rng ^= (uint64_t)seed * 0xbf58476d1ce4e5b9ull + round;
        size_t n = random_specs(specs, N_EV, names);
        /* Distinct mentions: renumber sentences so no two specs share one. */
        for (size_t i = 0; i < n; i++) specs[i].sentence = (long)i;
        size_t idx[N_EV], rev[N_EV];
        for (size_t i = 0; i < n; i++) idx[i] = i, rev[i] = n - 1 - i;
        char *all = log_of(specs, idx, n);
        char *all_rev = log_of(specs, rev, n);
        char *m_all = merge_logs(&all, 1);

        /* No loss: every input mention exactly once in the output. */
        size_t ni, no;
        char **ki = mention_keys(all, &ni), **ko = mention_keys(m_all, &no);
        assert_int_equal(ni, no);
        for (size_t i = 0; i < ni; i++) assert_string_equal(ki[i], ko[i]);
        free_keys(ki, ni);
        free_keys(ko, no);

        /* Order: reversed and shuffled inputs give the same bytes. */
        char *m_rev = merge_logs(&all_rev, 1);
        assert_string_equal(m_all, m_rev);
        for (size_t i = n - 1; i > 0; i--) {
            size_t j = rnd((unsigned)i + 1), t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        /* Split the shuffled events into three parts A, B, C. */
        size_t c1 = n / 3 + rnd(20), c2 = 2 * n / 3 + rnd(20);
        char *parts[3] = {log_of(specs, idx, c1), log_of(specs, idx + c1, c2 - c1), log_of(specs, idx + c2, n - c2)};
        char *m_abc = merge_logs(parts, 3);
        assert_string_equal(m_all, m_abc);
        char *cba[3] = {parts[2], parts[1], parts[0]};
        char *m_cba = merge_logs(cba, 3);
        assert_string_equal(m_all, m_cba);

        /* Associative: merge(merge(A,B),C) = merge(A,merge(B,C)). */
        char *m_ab = merge_logs(parts, 2);
        char *left[2] = {m_ab, parts[2]};
        char *m_left = merge_logs(left, 2);
        assert_string_equal(m_all, m_left);
        char *m_bc = merge_logs(parts + 1, 2);
        char *right[2] = {parts[0], m_bc};
        char *m_right = merge_logs(right, 2);
        assert_string_equal(m_all, m_right);

        /* Idempotent: a timeline merged with itself, or with a part of its
         * input, is the same timeline. */
        char *twice[2] = {m_all, m_all};
        char *m_twice = merge_logs(twice, 2);
        assert_string_equal(m_all, m_twice);
        char *again[2] = {m_all, parts[1]};
        char *m_again = merge_logs(again, 2);
        assert_string_equal(m_all, m_again);

        /* And the merge merged something. */
        dl_timeline *tl = merge_specs(specs, n, NULL);
        dl_merge_stats st;
        dl_timeline_stats(tl, &st);
        assert_true(st.out_events < n);
        assert_int_equal(st.folded, n - st.out_events);
        assert_int_equal(st.out_mentions, n);
        dl_timeline_free(tl);

        free(all), free(all_rev), free(m_all), free(m_rev), free(m_abc), free(m_cba);
        free(parts[0]), free(parts[1]), free(parts[2]);
        free(m_ab), free(m_left), free(m_bc), free(m_right), free(m_twice), free(m_again);
    }
}

/* A mention's own coding is written as the members that differ, and read
 * back whole. */
static void coded_round_trip(void **state) {
    (void)state;
    spec a = {"a", 1, "2022-02-07", NULL, "Emmanuel Macron", "FRA", "042", "Vladimir Putin", "RUS", 0.6, false};
    spec b = {"b", 2, "2022-W06", NULL, NULL, "FRA", "042", "Vladimir Putin", "RUS", 0.6, false};
    dl_event ev, cb;
    make(&ev, &a);
    make(&cb, &b);
    dl_mention m = {.article = "b", .sentence = 2, .start = 5, .end = 9, .text = "B.", .coded = &cb};
    assert_int_equal(dl_event_add_mention(&ev, &m), DL_OK);
    dl_event_clear(&cb);
    char *s = dl_event_to_json_text(&ev, false);
    const char *coded = strstr(s, "\"coded\":");
    assert_non_null(coded);
    assert_non_null(strstr(coded, "\"id\":\"b:2:042\""));
    assert_non_null(strstr(coded, "\"value\":\"2022-W06\""));
    assert_non_null(strstr(coded, "\"actor\":{\"text\":null,\"name\":null"));
    assert_null(strstr(coded, "\"target\"")); /* the same: not written */
    assert_null(strstr(coded, "\"action\""));
    dl_event back;
    assert_int_equal(dl_event_from_json_text(s, strlen(s), &back, NULL), DL_OK);
    assert_int_equal(back.n_mentions, 2);
    assert_null(back.mentions[0].coded);
    const dl_event *c = back.mentions[1].coded;
    assert_non_null(c);
    assert_string_equal(c->date.when.value, "2022-W06");
    assert_int_equal(c->date.when.granularity, DL_GRAN_WEEK);
    assert_null(c->actor.name);
    assert_string_equal(c->actor.country, "FRA");
    assert_string_equal(c->target.name, "Vladimir Putin");
    assert_string_equal(c->action.code, "042");
    char *s2 = dl_event_to_json_text(&back, false);
    assert_string_equal(s, s2);
    dl_event copy;
    assert_int_equal(dl_event_copy(&copy, &back), DL_OK);
    assert_string_equal(copy.mentions[1].coded->date.when.value, "2022-W06");
    dl_event_clear(&copy);
    free(s);
    free(s2);
    dl_event_clear(&back);
    dl_event_clear(&ev);
}

/* Duplicated input: kept once, counted. */
static void duplicates(void **state) {
    (void)state;
    spec s[] = {
        {"a", 1, "2022-02-07", NULL, "Emmanuel Macron", "FRA", "042", "Vladimir Putin", "RUS", 0, false},
        {"a", 1, "2022-02-07", NULL, "Emmanuel Macron", "FRA", "042", "Vladimir Putin", "RUS", 0, false},
        {"b", 1, "2022-02-07", NULL, "Emmanuel Macron", "FRA", "042", "Vladimir Putin", "RUS", 0, false},
    };
    dl_timeline *tl = merge_specs(s, N(s), NULL);
    dl_merge_stats st;
    dl_timeline_stats(tl, &st);
    assert_int_equal(st.in_events, 3);
    assert_int_equal(st.duplicates, 1);
    assert_int_equal(st.out_events, 1);
    assert_int_equal(st.out_mentions, 2);
    assert_int_equal(st.folded, 2);
    char *json = dl_merge_stats_json(&st);
    assert_non_null(strstr(json, "\"in\": 3, \"out\": 1, \"folded\": 2"));
    free(json);
    dl_timeline_free(tl);
}

/* The official texts through gold2log-like events are in scripts/merge-eval;
 * here only the fixtures' end-to-end run needs files (tests/cli). */

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rule_symmetric),
        cmocka_unit_test(rule_codes),
        cmocka_unit_test(rule_person),
        cmocka_unit_test(rule_entities),
        cmocka_unit_test(rule_file_errors),
        cmocka_unit_test(same_meeting_one_event),
        cmocka_unit_test(direction_matters_unless_symmetric),
        cmocka_unit_test(roots_and_exclusive_codes),
        cmocka_unit_test(people_and_their_states),
        cmocka_unit_test(dates_refine_and_separate),
        cmocka_unit_test(ordering),
        cmocka_unit_test(filters),
        cmocka_unit_test(coded_round_trip),
        cmocka_unit_test(duplicates),
        cmocka_unit_test(properties),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
