/* Unit tests: the event-data exports of the log writer (event/export*.c):
 * ICEWS CSV, GDELT TSV, TimelineJS and vis-timeline JSON. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

/* An event on `day` (granularity from `value`) with the given names. */
static void make(dl_event *ev, const char *id, const char *value, const char *actor_name, const char *country,
                 const char *sector, const char *sentence) {
    memset(ev, 0, sizeof *ev);
    ev->id = strdup(id);
    assert_true(dl_when_parse(&ev->date.when, value));
    ev->date.basis = strdup("publication");
    ev->date.inferred = true;
    dl_entity_set(&ev->actor, "x", actor_name, country, sector);
    assert_true(dl_action_set_code(&ev->action, "042"));
    ev->has_target = true;
    dl_entity_set(&ev->target, "y", "Liz Truss", "GBR", "GOV");
    dl_mention m = {.article = "a1", .sentence = 2, .start = 0, .end = 10, .text = (char *)sentence};
    assert_int_equal(dl_event_add_mention(ev, &m), DL_OK);
}

/* Write events (and article a1 first) in a format; the caller frees. */
static char *write_all(dl_format f, dl_event *evs, size_t n) {
    /* static: gcc -O2 takes the returned buffer for a pointer to this
     * frame (-Wdangling-pointer) when the stream's variables are locals */
    static char *buf;
    static size_t len;
    buf = NULL;
    len = 0;
    FILE *mem = open_memstream(&buf, &len);
    dl_log_writer_options o = {.format = f};
    dl_log_writer *w = dl_log_writer_new(mem, &o);
    assert_non_null(w);
    dl_article_info a = {"a1", "Title <b>", "Wire, Inc.", "https://example.org/?a=1&b=2", "2022-02-11"};
    assert_int_equal(dl_log_writer_article(w, &a, NULL), DL_OK);
    for (size_t i = 0; i < n; i++) assert_int_equal(dl_log_writer_event(w, &evs[i], NULL), DL_OK);
    assert_int_equal(dl_log_writer_finish(w, NULL), DL_OK);
    dl_log_writer_free(w);
    fclose(mem);
    return buf;
}

static void format_names(void **state) {
    (void)state;
    static const struct { const char *name; dl_format f; } names[] = {
        {"json", DL_FORMAT_JSON}, {"jsonl", DL_FORMAT_JSONL}, {"csv", DL_FORMAT_CSV}, {"tsv", DL_FORMAT_TSV},
        {"timelinejs", DL_FORMAT_TIMELINEJS}, {"vis", DL_FORMAT_VIS}, {"csv-dipline", DL_FORMAT_CSV_DIPLINE}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        dl_format f;
        assert_true(dl_format_parse(names[i].name, &f));
        assert_int_equal(f, names[i].f);
    }
    dl_format f;
    assert_false(dl_format_parse("xml", &f));
    assert_false(dl_format_parse(NULL, &f));
}

static void csv_icews(void **state) {
    (void)state;
    dl_event ev[2];
    make(&ev[0], "a1:2:1", "2022-02-10", "Smith, John \"Jack\"", "GBR", "GOV", "line one\nline two");
    make(&ev[1], "a1:3:1", "2022-W06", NULL, "RUS", "MIL", "plain");
    char *out = write_all(DL_FORMAT_CSV, ev, 2);
    const char *want =
        "Event ID,Event Date,Source Name,Source Sectors,Source Country,Event Text,CAMEO Code,Intensity,"
        "Target Name,Target Sectors,Target Country,Story ID,Sentence Number,Publisher\r\n"
        "a1:2:1,2022-02-10,\"Smith, John \"\"Jack\"\"\",Government,United Kingdom,Make a visit,042,1.9,"
        "Liz Truss,Government,United Kingdom,a1,3,\"Wire, Inc.\"\r\n"
        "a1:3:1,2022-02-07,Military (Russia),Military,Russia,Make a visit,042,1.9,"
        "Liz Truss,Government,United Kingdom,a1,3,\"Wire, Inc.\"\r\n";
    assert_string_equal(out, want);
    free(out);
    dl_event_clear(&ev[0]);
    dl_event_clear(&ev[1]);
}

static void tsv_gdelt(void **state) {
    (void)state;
    dl_event ev;
    make(&ev, "a1:2:1", "2022-02-10", "Tab\there", "NATO", "GOV", "s");
    char *out = write_all(DL_FORMAT_TSV, &ev, 1);
    char *row = strchr(out, '\n') + 1;
    size_t tabs = 0;
    for (char *p = out; p < row; p++) tabs += *p == '\t';
    assert_int_equal(tabs, 29); /* 30 columns */
    size_t rtabs = 0;
    for (char *p = row; *p && *p != '\n'; p++) rtabs += *p == '\t';
    assert_int_equal(rtabs, tabs); /* the tab in the name became a space */
    assert_non_null(strstr(row, "1\t20220210\t202202\t2022\t2022.1123\tNATOGOV\tTab here\t\tNATO\tGOV\t"));
    assert_non_null(strstr(row, "\t042\t042\t04\t1\t1.9\t1\t1\t1\t20220211\thttps://example.org/?a=1&b=2\n"));
    free(out);
    dl_event_clear(&ev);
}

static void timelinejs_dates(void **state) {
    (void)state;
    dl_event ev[4];
    make(&ev[0], "a1:2:1", "2022-02-10", "Sergey Lavrov", "RUS", "GOV", "<script>x</script>");
    make(&ev[1], "a1:2:2", "2022-W06", "Sergey Lavrov", "RUS", "GOV", "s");
    make(&ev[2], "a1:2:3", "2022-02", "Sergey Lavrov", "RUS", "GOV", "s");
    make(&ev[3], "a1:2:4", "2022", "A & B", "RUS", "GOV", "s");
    char *out = write_all(DL_FORMAT_TIMELINEJS, ev, 4);
    json_error_t je;
    json_t *d = json_loads(out, 0, &je);
    if (!d) fail_msg("not JSON: %s", je.text);
    json_t *evs = json_object_get(d, "events");
    assert_int_equal(json_array_size(evs), 4);
    json_t *s0 = json_array_get(evs, 0), *s1 = json_array_get(evs, 1), *s2 = json_array_get(evs, 2),
           *s3 = json_array_get(evs, 3);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(s0, "start_date"), "day")), 10);
    assert_null(json_object_get(s0, "end_date"));
    /* a week: its days, and the TIMEX3 value to show */
    assert_int_equal(json_integer_value(json_object_get(json_object_get(s1, "end_date"), "day")), 13);
    assert_string_equal(json_string_value(json_object_get(s1, "display_date")), "2022-W06");
    /* a month: no day; a year: only the year */
    assert_null(json_object_get(json_object_get(s2, "start_date"), "day"));
    assert_int_equal(json_integer_value(json_object_get(json_object_get(s2, "start_date"), "month")), 2);
    assert_null(json_object_get(json_object_get(s3, "start_date"), "month"));
    /* HTML escaped, group = the actor */
    const char *text = json_string_value(json_object_get(json_object_get(s0, "text"), "text"));
    assert_non_null(strstr(text, "&lt;script&gt;"));
    assert_null(strstr(text, "<script>"));
    assert_non_null(strstr(text, "<a href=\"https://example.org/?a=1&amp;b=2\">Title &lt;b&gt;</a>"));
    const char *h3 = json_string_value(json_object_get(json_object_get(s3, "text"), "headline"));
    assert_string_equal(h3, "A &amp; B \xe2\x86\x92 Liz Truss: Make a visit");
    assert_string_equal(json_string_value(json_object_get(s0, "group")), "Sergey Lavrov");
    assert_string_equal(json_string_value(json_object_get(s0, "unique_id")), "e1-a1-2-1");
    assert_non_null(json_object_get(d, "title"));
    json_decref(d);
    free(out);
    for (int i = 0; i < 4; i++) dl_event_clear(&ev[i]);
}

static void vis_items_groups(void **state) {
    (void)state;
    dl_event ev[3];
    make(&ev[0], "a1:2:1", "2022-02-10", "Sergey Lavrov", "RUS", "GOV", "s");
    make(&ev[1], "a1:2:2", "2022-W06", "Liz Truss", "GBR", "GOV", "s");
    make(&ev[2], "a1:2:3", "2022-02-11", "Sergey Lavrov", "RUS", "GOV", "s");
    char *out = write_all(DL_FORMAT_VIS, ev, 3);
    json_t *d = json_loads(out, 0, NULL);
    assert_non_null(d);
    json_t *items = json_object_get(d, "items"), *groups = json_object_get(d, "groups");
    assert_int_equal(json_array_size(items), 3);
    assert_int_equal(json_array_size(groups), 2); /* one per actor */
    json_t *w = json_array_get(items, 1);
    assert_string_equal(json_string_value(json_object_get(w, "type")), "range");
    assert_string_equal(json_string_value(json_object_get(w, "start")), "2022-02-07");
    assert_string_equal(json_string_value(json_object_get(w, "end")), "2022-02-14"); /* exclusive */
    assert_int_equal(json_integer_value(json_object_get(json_array_get(items, 2), "group")), 0);
    assert_string_equal(json_string_value(json_object_get(json_array_get(groups, 1), "content")), "Liz Truss");
    json_decref(d);
    free(out);
    for (int i = 0; i < 3; i++) dl_event_clear(&ev[i]);
}

/* Nothing to write still makes a valid document. */
static void empty_documents(void **state) {
    (void)state;
    dl_format fs[] = {DL_FORMAT_TIMELINEJS, DL_FORMAT_VIS};
    for (int i = 0; i < 2; i++) {
        char *out = write_all(fs[i], NULL, 0);
        json_t *d = json_loads(out, 0, NULL);
        assert_non_null(d);
        json_decref(d);
        free(out);
    }
    char *csv = write_all(DL_FORMAT_CSV, NULL, 0);
    assert_non_null(strstr(csv, "Event ID,"));
    free(csv);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(format_names),   cmocka_unit_test(csv_icews),       cmocka_unit_test(tsv_gdelt),
        cmocka_unit_test(timelinejs_dates), cmocka_unit_test(vis_items_groups), cmocka_unit_test(empty_documents),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
