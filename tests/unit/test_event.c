/* Unit tests: the event model, the CAMEO table, log writing and streaming
 * reading (event/). */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "event/event_json.h"
#include "helpers.h"

static void make_event(dl_event *ev, const char *article, long sentence) {
    memset(ev, 0, sizeof *ev);
    ev->id = strdup("truss-moscow:7:1");
    dl_when_set_day(&ev->date.when, dl_day_from_ymd(2022, 2, 10));
    ev->date.basis = strdup("on Thursday");
    dl_entity_set(&ev->actor, "Mr Lavrov", "Sergey Lavrov", "RUS", "GOV");
    assert_true(dl_action_set_code(&ev->action, "112"));
    ev->action.text = strdup("accused");
    ev->has_target = true;
    dl_entity_set(&ev->target, "her", "Liz Truss", "GBR", "GOV");
    ev->quote = strdup("\xe2\x80\x9cmute\xe2\x80\x9d");
    ev->confidence = 0.8;
    dl_mention m = {.article = (char *)article, .sentence = sentence, .start = 10, .end = 50,
                    .text = "Mr Lavrov accused her of \"not listening\"."};
    assert_int_equal(dl_event_add_mention(ev, &m), DL_OK);
}

static void cameo_table(void **state) {
    (void)state;
    const dl_cameo_code *c = dl_cameo_lookup("112");
    assert_non_null(c);
    assert_int_equal(c->quadclass, 3);
    assert_true(c->goldstein < 0);
    assert_non_null(dl_cameo_lookup("042"));
    assert_non_null(dl_cameo_lookup("1246"));
    assert_null(dl_cameo_lookup("999"));
    /* every root 01..20 is there */
    for (int r = 1; r <= 20; r++) {
        char code[4];
        snprintf(code, sizeof code, "%02d", r);
        assert_non_null(dl_cameo_lookup(code));
    }
    dl_action a = {0};
    assert_true(dl_action_set_code(&a, "163"));
    assert_string_equal(a.root, "16");
    assert_int_equal(a.quadclass, 4);
}

static void json_round_trip(void **state) {
    (void)state;
    dl_event ev, back;
    make_event(&ev, "truss-moscow", 7);
    char *s = dl_event_to_json_text(&ev, false);
    assert_non_null(s);
    assert_non_null(strstr(s, "\"code\":\"RUSGOV\""));
    assert_int_equal(dl_event_from_json_text(s, strlen(s), &back, NULL), DL_OK);
    char *s2 = dl_event_to_json_text(&back, false);
    assert_string_equal(s, s2);
    free(s);
    free(s2);
    dl_event_clear(&back);
    dl_event copy;
    assert_int_equal(dl_event_copy(&copy, &ev), DL_OK);
    assert_string_equal(copy.target.name, "Liz Truss");
    assert_int_equal(copy.n_mentions, 1);
    dl_event_clear(&copy);
    dl_event_clear(&ev);
}

/* Write a log in every form, read it back as a stream. */
static void write_then_read(void **state) {
    (void)state;
    dl_format formats[] = {DL_FORMAT_JSON, DL_FORMAT_JSONL};
    for (size_t f = 0; f < 2; f++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&buf, &len);
        dl_log_writer_options o = {.format = formats[f], .pretty = true};
        dl_log_writer *w = dl_log_writer_new(mem, &o);
        dl_article_info info = {"truss-moscow", "T", "S", NULL, "2022-02-10"};
        assert_int_equal(dl_log_writer_article(w, &info, NULL), DL_OK);
        for (int i = 0; i < 5; i++) {
            dl_event ev;
            make_event(&ev, "truss-moscow", i);
            assert_int_equal(dl_log_writer_event(w, &ev, NULL), DL_OK);
            dl_event_clear(&ev);
        }
        assert_int_equal(dl_log_writer_finish(w, NULL), DL_OK);
        dl_log_writer_free(w);
        fclose(mem);
        dl_log_reader *r;
        assert_int_equal(dl_log_reader_open_buffer("log", buf, len, &r, NULL), DL_OK);
        int n = 0;
        for (;;) {
            dl_event ev;
            bool got;
            dl_error e;
            dl_status st = dl_log_reader_next(r, &ev, &got, &e);
            if (st != DL_OK) fail_msg("format %zu: %s (line %ld)", f, e.message, e.line);
            if (!got) break;
            assert_int_equal(ev.mentions[0].sentence, n);
            assert_string_equal(ev.actor.name, "Sergey Lavrov");
            dl_event_clear(&ev);
            n++;
        }
        assert_int_equal(n, 5);
        if (formats[f] == DL_FORMAT_JSON) {
            assert_int_equal(dl_log_reader_n_articles(r), 1);
            assert_string_equal(dl_log_reader_article(r, 0)->published, "2022-02-10");
        }
        dl_log_reader_free(r);
        free(buf);
    }
}

static void expect_log_error(const char *text, const char *fragment) {
    dl_log_reader *r;
    assert_int_equal(dl_log_reader_open_buffer("bad.json", text, strlen(text), &r, NULL), DL_OK);
    dl_status st = DL_OK;
    dl_error e;
    dl_error_clear(&e);
    for (int i = 0; i < 10 && st == DL_OK; i++) {
        dl_event ev;
        bool got;
        st = dl_log_reader_next(r, &ev, &got, &e);
        if (st == DL_OK) {
            dl_event_clear(&ev);
            if (!got) break;
        }
    }
    assert_int_not_equal(st, DL_OK);
    if (!strstr(e.message, fragment)) fail_msg("error [%s] lacks [%s]", e.message, fragment);
    dl_log_reader_free(r);
}

static void bad_logs(void **state) {
    (void)state;
    expect_log_error("", "empty");
    expect_log_error("{\"schema\": \"other/1\", \"events\": []}", "unsupported schema");
    expect_log_error("{\"schema\": \"dipline/events/1\", \"events\": [{\"id\": 1,", "end of file");
    expect_log_error("{\"events\": 5}", "not an array");
    expect_log_error("{\"events\": [{\"id\": \"x\"}]}", "not an event");
    expect_log_error("{\"events\": []} trailing", "after the end");
    expect_log_error("{\"events\": [{\"action\": {\"code\": \"040\"}, \"mentions\": [], \"x\": tru}]}", "invalid JSON");
    expect_log_error("hello", "not an event log");
}


/* dl_log_writer_events() on any number of threads writes the bytes that
 * one dl_log_writer_event() per event writes, in every format. */
typedef struct { dl_event *evs; } at_ctx;
static bool at_event(void *ctx, size_t i, unsigned slot, dl_event *ev) {
    (void)slot;
    *ev = ((at_ctx *)ctx)->evs[i];
    return true;
}

static char *write_all(dl_format format, bool pretty, dl_event *evs, size_t n, unsigned jobs) {
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    dl_log_writer_options o = {.format = format, .pretty = pretty, .jobs = jobs};
    dl_log_writer *w = dl_log_writer_new(mem, &o);
    dl_log_writer_event(w, &evs[0], NULL); /* one before: the separators go on */
    if (jobs) {
        at_ctx c = {evs + 1};
        assert_int_equal(dl_log_writer_events(w, n - 1, at_event, &c, NULL), DL_OK);
    } else {
        for (size_t i = 1; i < n; i++) assert_int_equal(dl_log_writer_event(w, &evs[i], NULL), DL_OK);
    }
    assert_int_equal(dl_log_writer_finish(w, NULL), DL_OK);
    dl_log_writer_free(w);
    fclose(mem);
    return buf;
}

static void events_on_threads(void **state) {
    (void)state;
    enum { N = 2000 };
    dl_event *evs = calloc(N, sizeof *evs);
    for (int i = 0; i < N; i++) make_event(&evs[i], i % 3 ? "a" : "b", i);
    const dl_format formats[] = {DL_FORMAT_JSON, DL_FORMAT_JSON, DL_FORMAT_JSONL, DL_FORMAT_CSV, DL_FORMAT_CSV_DIPLINE};
    for (size_t f = 0; f < sizeof formats / sizeof *formats; f++) {
        char *want = write_all(formats[f], f != 1, evs, N, 0);
        const unsigned jobs[] = {1, 2, 3, 8};
        for (size_t j = 0; j < sizeof jobs / sizeof *jobs; j++) {
            char *got = write_all(formats[f], f != 1, evs, N, jobs[j]);
            assert_string_equal(got, want);
            free(got);
        }
        free(want);
    }
    for (int i = 0; i < N; i++) dl_event_clear(&evs[i]);
    free(evs);
}

/* Lent events (dl_log_reader_next_view) are those dl_log_reader_next()
 * copies, "coded" mentions included, across batches. */
static void lent_events(void **state) {
    (void)state;
    dl_buf log = {0};
    for (int i = 0; i < 700; i++)
        dl_buf_printf(&log,
                      "{\"id\":\"a:%d:1\",\"actor\":{\"name\":\"N%d\",\"country\":\"RUS\"},"
                      "\"action\":{\"code\":\"042\",\"text\":\"visited\"},"
                      "\"mentions\":[{\"article\":\"a\",\"sentence\":%d,\"text\":\"s%d\"},"
                      "{\"article\":\"b\",\"sentence\":1,\"coded\":{\"actor\":{\"name\":\"M\"},\"id\":\"b:1:%d\"}}]}\n",
                      i, i % 7, i, i, i);
    dl_log_reader *a, *b;
    assert_int_equal(dl_log_reader_open_buffer("log", log.data, log.len, &a, NULL), DL_OK);
    assert_int_equal(dl_log_reader_open_buffer("log", log.data, log.len, &b, NULL), DL_OK);
    int k = 0;
    for (;; k++) {
        const dl_event *v;
        dl_event ev;
        bool got_v, got;
        assert_int_equal(dl_log_reader_next_view(a, &v, &got_v, NULL), DL_OK);
        assert_int_equal(dl_log_reader_next(b, &ev, &got, NULL), DL_OK);
        assert_int_equal(got_v, got);
        if (!got) break;
        dl_buf x = {0}, y = {0};
        assert_true(dl_event_json(&x, v, false, -1));
        assert_true(dl_event_json(&y, &ev, false, -1));
        assert_string_equal(x.data, y.data);
        assert_string_equal(v->mentions[1].coded->actor.name, "M");
        assert_string_equal(v->mentions[1].coded->action.text, "visited");
        dl_buf_free(&x);
        dl_buf_free(&y);
        dl_event_clear(&ev);
    }
    assert_int_equal(k, 700);
    dl_log_reader_free(a);
    dl_log_reader_free(b);
    dl_buf_free(&log);
}

/* The reader parses events in place in 256 KiB blocks: events cut by a
 * block's end (small ones, and one larger than a block) read whole, in
 * order, with the same bytes as written; a log cut inside its last event is
 * an error at the end of the file. */
static void events_across_blocks(void **state) {
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    dl_log_writer_options o = {.format = DL_FORMAT_JSONL};
    dl_log_writer *w = dl_log_writer_new(mem, &o);
    size_t big = 600 * 1024;
    char *text = malloc(big + 1);
    for (size_t i = 0; i < big; i++) text[i] = "abc \"\\x\xc3\xa9"[i % 10];
    text[big] = 0;
    /* keep the UTF-8 whole: end on an ASCII byte */
    for (size_t i = big; i-- > 0 && (unsigned char)text[i] >= 0x80;) text[i] = 'z';
    for (int i = 0; i < 3000; i++) {
        dl_event ev;
        make_event(&ev, "blocks", i);
        if (i == 1500) {
            free(ev.mentions[0].text);
            ev.mentions[0].text = strdup(text);
        }
        assert_int_equal(dl_log_writer_event(w, &ev, NULL), DL_OK);
        dl_event_clear(&ev);
    }
    assert_int_equal(dl_log_writer_finish(w, NULL), DL_OK);
    dl_log_writer_free(w);
    fclose(mem);
    for (int cut = 0; cut < 2; cut++) {
        dl_log_reader *r;
        size_t n = cut ? len - 10 : len;
        assert_int_equal(dl_log_reader_open_buffer("blocks", buf, n, &r, NULL), DL_OK);
        int k = 0;
        dl_status st;
        for (;;) {
            dl_event ev;
            bool got;
            dl_error e;
            st = dl_log_reader_next(r, &ev, &got, &e);
            if (st != DL_OK) {
                if (!strstr(e.message, "end of file")) fail_msg("%s", e.message);
                break;
            }
            if (!got) break;
            assert_int_equal(ev.mentions[0].sentence, k);
            if (k == 1500) assert_string_equal(ev.mentions[0].text, text);
            dl_event_clear(&ev);
            k++;
        }
        assert_int_equal(k, cut ? 2999 : 3000);
        assert_int_equal(st, cut ? DL_ERR_INPUT : DL_OK);
        dl_log_reader_free(r);
    }
    free(text);
    free(buf);
}

/* The hand-written serialiser (event/json_out.c) gives exactly the bytes
 * jansson gives for the same JSON: parse our text with jansson, dump it
 * again with the flags the logs have always used, compare. */
static void same_bytes_as_jansson(const char *text, size_t flags) {
    json_error_t je;
    json_t *o = json_loads(text, 0, &je);
    if (!o) fail_msg("not JSON (%s): %s", je.text, text);
    char *again = json_dumps(o, flags | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
    json_decref(o);
    assert_non_null(again);
    if (strcmp(again, text) != 0) fail_msg("differs from jansson:\n%s\n%s", text, again);
    free(again);
}

static void serialiser_matches_jansson(void **state) {
    (void)state;
    static const char *const strings[] = {
        "plain", "", "quote \" backslash \\ slash /", "tab\tnew\nline\rcr\bbs\fff",
        "\x01\x1f\x7f controls", "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80 \xe2\x80\xa8",
        NULL};
    static const double reals[] = {0,      -2,      0.85,     1.0 / 3, -10,  7.4,    1e-5,   123456789, 0.0001,
                                   12.3456, -0.0,   99.9999,  5e-5,    -0.1, 100.5,  0.3,    -99.99,    1e300};
    const size_t nr = sizeof reals / sizeof *reals;
    for (size_t k = 0; k < sizeof strings / sizeof *strings; k++) {
        dl_event ev;
        make_event(&ev, strings[k] ? strings[k] : "a", (long)k);
        free(ev.quote);
        ev.quote = strings[k] ? strdup(strings[k]) : NULL;
        free(ev.actor.name);
        ev.actor.name = strings[(k + 1) % 7] ? strdup(strings[(k + 1) % 7]) : NULL;
        ev.action.goldstein = reals[k % nr];
        ev.confidence = reals[(k + 4) % nr];
        ev.has_target = k % 2;
        ev.explain = strdup("verbs.txt:1");
        if (k % 3 == 0) { /* a mention coded differently, and one without mentions */
            dl_event other;
            assert_int_equal(dl_event_copy(&other, &ev), DL_OK);
            other.confidence = 0.25;
            other.negated = true;
            other.has_target = !ev.has_target;
            dl_mention m = {.article = "b", .sentence = 3, .start = -1, .end = 1L << 40, .text = "x", .coded = &other};
            assert_int_equal(dl_event_add_mention(&ev, &m), DL_OK);
            dl_event_clear(&other);
        }
        if (k == 4) {
            dl_event_clear(&ev);
            memset(&ev, 0, sizeof ev);
        }
        for (int pretty = 0; pretty < 2; pretty++) {
            for (size_t j = 0; j < nr; j++) { /* every real, in a coded mention's confidence */
                dl_event one;
                make_event(&one, "r", 1);
                one.confidence = reals[j];
                one.action.goldstein = reals[nr - 1 - j];
                dl_buf b = {0};
                assert_true(dl_event_json(&b, &one, false, pretty ? 0 : -1));
                same_bytes_as_jansson(b.data, pretty ? JSON_INDENT(2) : JSON_COMPACT);
                dl_buf_free(&b);
                dl_event_clear(&one);
            }
            dl_buf b = {0};
            assert_true(dl_event_json(&b, &ev, k % 2, pretty ? 0 : -1));
            same_bytes_as_jansson(b.data, pretty ? JSON_INDENT(2) : JSON_COMPACT);
            dl_buf_free(&b);
        }
        dl_event_clear(&ev);
    }
    /* Invalid UTF-8 never makes an invalid document. */
    dl_buf b = {0};
    dl_json_put_string(&b, "bad \xff\xc3( end");
    assert_string_equal(b.data, "\"bad \xef\xbf\xbd\xef\xbf\xbd( end\"");
    dl_buf_free(&b);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cameo_table),
        cmocka_unit_test(json_round_trip),
        cmocka_unit_test(write_then_read),
        cmocka_unit_test(bad_logs),
        cmocka_unit_test(serialiser_matches_jansson),
        cmocka_unit_test(events_across_blocks),
        cmocka_unit_test(events_on_threads),
        cmocka_unit_test(lent_events),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
