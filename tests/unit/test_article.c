/* Unit tests: the article reader (article/): three input forms, folders,
 * buffers, and every bad-input case it reports. */
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

typedef struct {
    dl_article *a[8];
    size_t n;
    dl_status st[8];
    dl_error err[8];
    size_t n_err;
} results;

/* Read everything from one buffer, keeping going past errors. */
static void read_buffer(const char *name, const char *data, size_t len, const dl_reader_options *opt, results *res) {
    memset(res, 0, sizeof *res);
    dl_reader *r = dl_reader_new(opt);
    assert_non_null(r);
    assert_int_equal(dl_reader_add_buffer(r, name, data, len, NULL), DL_OK);
    for (int guard = 0; guard < 32; guard++) {
        dl_article *a = NULL;
        dl_error e;
        dl_error_clear(&e);
        dl_status st = dl_reader_next(r, &a, &e);
        if (st != DL_OK) {
            if (res->n_err < 8) {
                res->st[res->n_err] = st;
                res->err[res->n_err++] = e;
            }
            continue;
        }
        if (!a) break;
        if (res->n < 8) res->a[res->n++] = a;
        else dl_article_free(a);
    }
    dl_reader_free(r);
}

static void free_results(results *res) {
    for (size_t i = 0; i < res->n; i++) dl_article_free(res->a[i]);
}

static void json_object_form(void **state) {
    (void)state;
    const char *j = "{\n  \"id\": \"truss-moscow\",\n  \"title\": \"T\",\n  \"source\": \"S\",\n  \"url\": \"u\",\n"
                    "  \"published\": \"2022-02-10T14:05:00Z\",\n  \"text\": \"Liz Truss met Sergey Lavrov.\"\n}\n";
    results r;
    read_buffer("x/truss.json", j, strlen(j), NULL, &r);
    assert_int_equal(r.n_err, 0);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.a[0]->id, "truss-moscow");
    assert_string_equal(r.a[0]->title, "T");
    assert_int_equal(r.a[0]->published, dl_day_from_ymd(2022, 2, 10));
    assert_string_equal(r.a[0]->text, "Liz Truss met Sergey Lavrov.");
    free_results(&r);
    /* id defaults to the file name stem */
    const char *k = "{\"published\": \"2022-02-10\", \"text\": \"Body.\"}";
    read_buffer("dir/macron-kyiv.json", k, strlen(k), NULL, &r);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.a[0]->id, "macron-kyiv");
    free_results(&r);
}

static void json_lines_form(void **state) {
    (void)state;
    const char *j = "{\"id\":\"a\",\"published\":\"2022-02-07\",\"text\":\"One.\"}\n"
                    "\n"
                    "{\"published\":\"2022-02-08\",\"text\":\"Two.\"}\n"
                    "{\"id\":\"c\",\"published\":\"2022-02-09\",\"text\":\"Three.\"}\n";
    results r;
    read_buffer("corpus.jsonl", j, strlen(j), NULL, &r);
    assert_int_equal(r.n_err, 0);
    assert_int_equal(r.n, 3);
    assert_string_equal(r.a[0]->id, "a");
    assert_string_equal(r.a[1]->id, "corpus:3"); /* stem:line */
    assert_int_equal(r.a[1]->origin_line, 3);
    assert_string_equal(r.a[2]->text, "Three.");
    free_results(&r);
}

/* Lines after the first are read straight from the text when they are flat
 * objects (reader.c, article_direct); anything else goes through jansson.
 * Both ways must read the same. */
static void json_lines_direct(void **state) {
    (void)state;
    const char *j =
        "{\"id\": \"first\", \"published\": \"2022-02-10\", \"text\": \"One.\"}\n"
        "{\"id\": 42, \"headline\": \"H\", \"publisher\": \"P\", \"link\": \"L\", \"body\": \"B\", \"date\": \"2022-02-11\"}\n"
        "{\"id\": \"n\", \"title\": \"caf\\u00e9 \\\"q\\\"\", \"text\": \"a\\nb\", \"date\": \"2022-02-12\", "
        "\"meta\": {\"k\": [1, 2]}}\n"
        "{\"id\": -0, \"title\": null, \"headline\": \"second key\", \"text\": \"t\", \"published\": \"2022-02-13\", "
        "\"x\": 1.5e3, \"y\": true}\n"
        "{\"i\\u0064\": \"esc\", \"text\": \"t\", \"published\": \"2022-02-14\"}\n"
        "{\"id\": 1.5, \"text\": \"t\", \"body\": \"ignored\", \"published\": \"2022-02-15\"}\n"
        "{\"id\": \"dup\", \"text\": \"x\", \"text\": \"y\", \"published\": \"2022-02-10\"}\n"
        "{\"id\": \"nt\", \"text\": 5, \"body\": \"b\", \"published\": \"2022-02-10\"}\n";
    results r;
    read_buffer("in/lines.jsonl", j, strlen(j), NULL, &r);
    assert_int_equal(r.n, 6);
    assert_string_equal(r.a[1]->id, "42");
    assert_string_equal(r.a[1]->title, "H");
    assert_string_equal(r.a[1]->source, "P");
    assert_string_equal(r.a[1]->url, "L");
    assert_string_equal(r.a[1]->text, "B");
    assert_string_equal(r.a[2]->title, "caf\xc3\xa9 \"q\"");
    assert_string_equal(r.a[2]->text, "a\nb");
    assert_string_equal(r.a[3]->id, "0");
    assert_string_equal(r.a[3]->title, "second key");
    assert_string_equal(r.a[4]->id, "esc");
    assert_string_equal(r.a[5]->id, "lines:6"); /* a real is no id */
    assert_string_equal(r.a[5]->text, "t");
    assert_int_equal(r.n_err, 2);
    if (!strstr(r.err[0].message, "malformed JSON")) fail_msg("%s", r.err[0].message); /* repeated key */
    assert_int_equal(r.err[0].line, 7);
    if (!strstr(r.err[1].message, "\"text\" is not a string")) fail_msg("%s", r.err[1].message);
    assert_int_equal(r.err[1].line, 8);
    free_results(&r);
}

static void text_form(void **state) {
    (void)state;
    const char *t = "Title: Scholz in Kyiv\nSource: Test Wire\nURL: https://example.org/x\nPublished: 2022-02-14\n"
                    "ID: scholz-kyiv\n\nKYIV \xe2\x80\x94 Olaf Scholz arrived.\n";
    results r;
    read_buffer("a.txt", t, strlen(t), NULL, &r);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.a[0]->id, "scholz-kyiv");
    assert_string_equal(r.a[0]->url, "https://example.org/x");
    assert_int_equal(r.a[0]->text_line, 7);
    assert_string_equal(r.a[0]->text, "KYIV \xe2\x80\x94 Olaf Scholz arrived.\n");
    free_results(&r);
    /* Markdown with front matter; the heading is the title */
    const char *m = "---\ndate: 2022-02-15\n---\n# Scholz meets Putin\n\nThey talked for hours.\n";
    read_buffer("b.md", m, strlen(m), NULL, &r);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.a[0]->title, "Scholz meets Putin");
    assert_int_equal(r.a[0]->published, dl_day_from_ymd(2022, 2, 15));
    free_results(&r);
    /* no header at all: "--date" supplies the date */
    const char *p = "Russia: talks went well.\nNATO disagreed.";
    dl_reader_options o = {.default_date = "2022-02-01"};
    read_buffer("c.txt", p, strlen(p), &o, &r);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.a[0]->text, p); /* "Russia:" is not a header key */
    free_results(&r);
    /* English and RFC 2822 dates */
    const char *e = "Date: Thu, 10 Feb 2022 14:05:00 GMT\n\nBody.";
    read_buffer("d.txt", e, strlen(e), NULL, &r);
    assert_int_equal(r.n, 1);
    assert_int_equal(r.a[0]->published, dl_day_from_ymd(2022, 2, 10));
    free_results(&r);
}

static void expect_error(const char *name, const char *data, size_t len, const char *fragment, long line) {
    results r;
    read_buffer(name, data, len, NULL, &r);
    assert_int_equal(r.n, 0);
    if (r.n_err != 1) fail_msg("%s: %zu errors, first [%s]", name, r.n_err, r.n_err ? r.err[0].message : "");
    if (!strstr(r.err[0].message, fragment)) fail_msg("error [%s] lacks [%s]", r.err[0].message, fragment);
    assert_string_equal(r.err[0].file, name);
    if (line > 0) assert_int_equal(r.err[0].line, line);
    assert_int_not_equal(r.st[0], DL_OK);
    free_results(&r);
}

static void bad_inputs(void **state) {
    (void)state;
    expect_error("empty.json", "", 0, "empty file", -1);
    expect_error("blank.txt", "\n  \n", 4, "empty file", -1);
    expect_error("nodate.json", "{\"text\": \"x\"}", 13, "no publication date", 1);
    expect_error("notext.json", "{\"published\": \"2022-02-10\"}", 27, "no \"text\"", 1);
    expect_error("numtext.json", "{\"published\": \"2022-02-10\", \"text\": 5}", 38, "not a string", 1);
    expect_error("emptybody.json", "{\"published\": \"2022-02-10\", \"text\": \"  \"}", 41, "empty body", 1);
    expect_error("baddate.json", "{\"published\": \"soon\", \"text\": \"x\"}", 34, "unrecognised publication date", 1);
    expect_error("trunc.json", "{\"published\": \"2022-02-10\",\n \"text\": \"x", 39, "malformed JSON", 2);
    expect_error("array.json", "[1]", 3, "expected a JSON object", -1);
    expect_error("header.txt", "Published: 2022-02-10\n\n", 23, "empty body", -1);
    /* invalid UTF-8 and NUL bytes in text form: line and byte offset */
    expect_error("latin1.txt", "Date: 2022-02-10\n\nCaf\xe9 talks.", 29, "invalid UTF-8", 3);
    expect_error("nul.txt", "Date: 2022-02-10\n\nA\0B", 21, "NUL byte", 3);
    /* in JSON: jansson rejects both */
    expect_error("latin1.json", "{\"published\":\"2022-02-10\",\"text\":\"Caf\xe9\"}", 39, "malformed JSON", 1);
    expect_error("nul.json", "{\"published\":\"2022-02-10\",\"text\":\"A\\u0000B\"}", 44, "malformed JSON", 1);
    /* deep nesting */
    char deep[300];
    memset(deep, '[', 200);
    deep[200] = 0;
    expect_error("deep.json", deep, 200, "nested deeper", 1);
}

static void keep_going_in_lines(void **state) {
    (void)state;
    const char *j = "{\"id\":\"a\",\"published\":\"2022-02-07\",\"text\":\"One.\"}\n"
                    "{\"id\":\"b\",\"published\":\"2022-02-07\",\"text\":\n"
                    "{\"id\":\"c\",\"published\":\"2022-02-09\",\"text\":\"Three.\"}\n";
    results r;
    read_buffer("c.jsonl", j, strlen(j), NULL, &r);
    assert_int_equal(r.n, 2);
    assert_int_equal(r.n_err, 1);
    assert_int_equal(r.err[0].line, 2);
    assert_string_equal(r.a[1]->id, "c");
    free_results(&r);
}

static void line_limit(void **state) {
    (void)state;
    dl_reader_options o = {.max_line_bytes = 100};
    char big[400];
    snprintf(big, sizeof big, "{\"id\":\"a\",\"published\":\"2022-02-07\",\"text\":\"One.\"}\n{\"text\":\"%0200d\"}\n"
                              "{\"id\":\"c\",\"published\":\"2022-02-09\",\"text\":\"Three.\"}\n", 7);
    results r;
    read_buffer("big.jsonl", big, strlen(big), &o, &r);
    assert_int_equal(r.n, 2);
    assert_int_equal(r.n_err, 1);
    assert_int_equal(r.st[0], DL_ERR_LIMIT);
    assert_non_null(strstr(r.err[0].message, "longer than the limit"));
    free_results(&r);
}

/* A bad (or too long) first line of JSON Lines loses only that line. */
static void bad_first_line(void **state) {
    (void)state;
    const char *j = "{\"id\":\"a\",\"published\":\"2022-02-07\"}\n"
                    "{\"id\":\"b\",\"published\":\"2022-02-08\",\"text\":\"Two.\"}\n";
    results r;
    read_buffer("first.jsonl", j, strlen(j), NULL, &r);
    assert_int_equal(r.n_err, 1);
    assert_int_equal(r.err[0].line, 1);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.a[0]->id, "b");
    free_results(&r);
    dl_reader_options o = {.max_line_bytes = 100};
    char big[400];
    snprintf(big, sizeof big, "{\"text\":\"%0200d\"}\n{\"id\":\"c\",\"published\":\"2022-02-09\",\"text\":\"Three.\"}\n", 7);
    read_buffer("big.jsonl", big, strlen(big), &o, &r);
    assert_int_equal(r.n_err, 1);
    assert_int_equal(r.st[0], DL_ERR_LIMIT);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.a[0]->id, "c");
    free_results(&r);
}

/* UTF-16 is named; invalid UTF-8 after a long blank lead keeps its place. */
static void encodings(void **state) {
    (void)state;
    expect_error("u16.txt", "\xff\xfeR\0u\0", 6, "UTF-16 text", 1);
    char t[600];
    size_t n = 0;
    for (; n < 300; n++) t[n] = '\n';
    n += (size_t)snprintf(t + n, sizeof t - n, "Date: 2022-02-10\n\nab\xe9");
    results r;
    read_buffer("late.txt", t, n, NULL, &r);
    assert_int_equal(r.n_err, 1);
    assert_int_equal(r.err[0].line, 303);
    assert_int_equal(r.err[0].offset, (long)n - 1);
    free_results(&r);
}

static void repair_mode(void **state) {
    (void)state;
    dl_reader_options o = {.repair_utf8 = true};
    /* Windows-1252 curly quotes (0x93 0x94) and an e-acute (0xE9) */
    const char *t = "Date: 2022-02-10\n\n\x93" "Caf\xe9\x94 talks.";
    results r;
    read_buffer("w.txt", t, strlen(t), &o, &r);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.a[0]->text, "\xe2\x80\x9c" "Caf\xc3\xa9\xe2\x80\x9d talks.");
    assert_int_equal(r.a[0]->utf8_repairs, 3);
    free_results(&r);
}

static void folders_sorted(void **state) {
    (void)state;
    dl_reader *r = dl_reader_new(NULL);
    dl_error e;
    assert_int_equal(dl_reader_add_path(r, src_path("tests/unit/no-such-dir"), &e), DL_ERR_INPUT);
    assert_int_equal(dl_reader_add_path(r, src_path("fixtures/articles"), &e), DL_OK);
    char prev[256] = "";
    size_t n = 0;
    for (;;) {
        dl_article *a;
        assert_int_equal(dl_reader_next(r, &a, &e), DL_OK);
        if (!a) break;
        assert_true(strcmp(prev, a->origin) < 0);
        snprintf(prev, sizeof prev, "%s", a->origin);
        assert_int_not_equal(a->published, DL_DAY_NONE);
        n++;
        dl_article_free(a);
    }
    assert_true(n >= 6);
    dl_reader_free(r);
}

static void utf8_check(void **state) {
    (void)state;
    size_t off;
    const char *why;
    assert_true(dl_utf8_check("plain \xe2\x80\x94 ok", 12, &off, &why));
    assert_false(dl_utf8_check("ab\xc0\xaf", 4, &off, &why)); /* overlong */
    assert_int_equal(off, 2);
    assert_false(dl_utf8_check("ab\xed\xa0\x80", 5, &off, &why)); /* surrogate */
    assert_false(dl_utf8_check("ab\xe2\x80", 4, &off, &why));     /* truncated */
    assert_int_equal(off, 2);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_object_form),
        cmocka_unit_test(json_lines_form),
        cmocka_unit_test(json_lines_direct),
        cmocka_unit_test(text_form),
        cmocka_unit_test(bad_inputs),
        cmocka_unit_test(keep_going_in_lines),
        cmocka_unit_test(line_limit),
        cmocka_unit_test(bad_first_line),
        cmocka_unit_test(encodings),
        cmocka_unit_test(repair_mode),
        cmocka_unit_test(folders_sorted),
        cmocka_unit_test(utf8_check),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
