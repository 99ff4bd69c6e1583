/* test_render.c - the renderer: the layout model on a hand-made timeline
 * (exact positions, lanes, rows, same-day order), no two labels and no label
 * and marker meeting (hand-made, generated 1,000 events, the fixtures' gold
 * when present), nothing outside the canvas, the SVG against a stored one
 * (normalised), the PNG against a stored one (with a tolerance), and the
 * same bytes from the same input. */
#include "helpers.h"

#include <dirent.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../tools/synth.h"

#define EPS 1e-9

static void load(const char *path, dl_event_list *l) {
    dl_log_reader *r;
    dl_error err;
    assert_int_equal(dl_log_reader_open(path, &r, &err), DL_OK);
    for (;;) {
        dl_event *ev = dl_event_list_add(l);
        bool got;
        assert_int_equal(dl_log_reader_next(r, ev, &got, &err), DL_OK);
        if (!got) {
            dl_event_clear(ev);
            l->n--;
            break;
        }
    }
    dl_log_reader_free(r);
}

static dl_render_model *layout(const dl_event_list *l, const dl_render_options *o) {
    dl_render_model *m = NULL;
    dl_error err;
    dl_error_clear(&err);
    dl_status st = dl_render_layout(l->items, l->n, o, &m, &err);
    if (st != DL_OK) fail_msg("layout: %s", err.message);
    return m;
}

static long find_lane(const dl_render_model *m, const char *key) {
    for (size_t i = 0; i < m->n_lanes; i++)
        if (strcmp(m->lanes[i].key, key) == 0) return (long)i;
    return -1;
}

/* The marker of the event with the given id (single events only). */
static const dl_render_marker *marker_of(const dl_render_model *m, const dl_event_list *sorted, const char *id) {
    for (size_t i = 0; i < m->n_markers; i++)
        if (m->markers[i].count == 1 && strcmp(sorted->items[m->markers[i].event].id, id) == 0) return &m->markers[i];
    fail_msg("no marker for %s", id);
    return NULL;
}

static const dl_render_label *label_with(const dl_render_model *m, dl_text_kind kind, const char *text) {
    for (size_t i = 0; i < m->n_labels; i++)
        if (m->labels[i].kind == kind && strcmp(m->labels[i].text, text) == 0) return &m->labels[i];
    return NULL;
}

/* The events in the renderer's order (dated, by first day, stable). */
static void dated_in_order(const dl_event_list *in, dl_event_list *out) {
    for (size_t i = 0; i < in->n; i++)
        if (in->items[i].date.when.start != DL_DAY_NONE) assert_int_equal(dl_event_copy(dl_event_list_add(out), &in->items[i]), DL_OK);
    for (size_t i = 1; i < out->n; i++)
        for (size_t j = i; j > 0 && out->items[j].date.when.start < out->items[j - 1].date.when.start; j--) {
            dl_event t = out->items[j];
            out->items[j] = out->items[j - 1];
            out->items[j - 1] = t;
        }
}

/* ---- Overlap checks ------------------------------------------------------- */

static bool contains(const unsigned char *hay, size_t n, const char *needle) {
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(hay + i, needle, k) == 0) return true;
    return false;
}

static bool meet(dl_rect a, dl_rect b) {
    return a.x < b.x + b.w - 0.01 && b.x < a.x + a.w - 0.01 && a.y < b.y + b.h - 0.01 && b.y < a.y + a.h - 0.01;
}

static int cmp_label_x(const void *a, const void *b) {
    const dl_render_label *x = *(dl_render_label *const *)a, *y = *(dl_render_label *const *)b;
    return x->box.x < y->box.x ? -1 : x->box.x > y->box.x;
}

/* No two labels meet, no label meets a marker, and everything is inside the
 * canvas (a sweep over x keeps this fast on thousands of labels). */
static void check_clear(const dl_render_model *m, const char *what) {
    const dl_render_label **ls = malloc((m->n_labels + 1) * sizeof *ls);
    for (size_t i = 0; i < m->n_labels; i++) ls[i] = &m->labels[i];
    qsort(ls, m->n_labels, sizeof *ls, cmp_label_x);
    for (size_t i = 0; i < m->n_labels; i++) {
        dl_rect a = ls[i]->box;
        if (a.x < -0.01 || a.y < -0.01 || a.x + a.w > m->width + 0.01 || a.y + a.h > m->height + 0.01)
            fail_msg("%s: label '%s' (%.1f,%.1f %.1fx%.1f) is outside the %gx%g canvas", what, ls[i]->text, a.x, a.y,
                     a.w, a.h, m->width, m->height);
        for (size_t j = i + 1; j < m->n_labels && ls[j]->box.x < a.x + a.w; j++)
            if (meet(a, ls[j]->box))
                fail_msg("%s: labels '%s' (%.1f,%.1f %.1fx%.1f, marker %ld) and '%s' (%.1f,%.1f %.1fx%.1f, marker %ld) overlap",
                         what, ls[i]->text, a.x, a.y, a.w, a.h, ls[i]->marker, ls[j]->text, ls[j]->box.x, ls[j]->box.y,
                         ls[j]->box.w, ls[j]->box.h, ls[j]->marker);
    }
    for (size_t k = 0; k < m->n_markers; k++) {
        dl_rect b = m->markers[k].box;
        if (b.x < 0 || b.y < 0 || b.x + b.w > m->width || b.y + b.h > m->height)
            fail_msg("%s: marker %zu is outside the canvas", what, k);
        for (size_t i = 0; i < m->n_labels; i++)
            if (meet(m->labels[i].box, b)) fail_msg("%s: label '%s' covers marker %zu", what, m->labels[i].text, k);
    }
    free(ls);
}

/* Every event is drawn once: as a marker, in a cluster, or counted as not shown. */
static void check_all_drawn(const dl_render_model *m) {
    size_t n = 0;
    for (size_t i = 0; i < m->n_markers; i++) n += m->markers[i].count;
    assert_int_equal(n + m->n_hidden, m->n_events);
}

/* ---- The hand-made timeline, exactly ----------------------------------------- */

static void test_lanes_model(void **state) {
    (void)state;
    dl_event_list l = {0}, sorted = {0};
    load(src_path("tests/render/small.json"), &l);
    dated_in_order(&l, &sorted);
    dl_render_options o;
    dl_render_options_init(&o);
    o.layout = DL_LAYOUT_LANES;
    dl_render_model *m = layout(&l, &o);
    assert_int_equal(m->layout, DL_LAYOUT_LANES);
    assert_int_equal(m->lane_key, DL_LANES_ACTOR);
    assert_int_equal(m->n_events, 13);
    assert_int_equal(m->n_undated, 1);
    assert_int_equal(m->n_articles, 8);
    assert_int_equal(m->n_clusters, 0);
    assert_true(m->width == 1200);

    /* Lanes: every actor (they fit), the target NATO with the room left,
     * in order of first appearance, an actor before its target. */
    const char *keys[] = {"Joe Biden",   "Vladimir Putin", "Sergey Lavrov",        "Antony Blinken",    "NATO",
                          "Olaf Scholz", "Liz Truss",      "Emmanuel Macron",      "Recep Tayyip Erdoğan",
                          "Volodymyr Zelensky"};
    assert_int_equal(m->n_lanes, 10);
    for (size_t i = 0; i < 10; i++) assert_string_equal(m->lanes[i].key, keys[i]);
    for (size_t i = 1; i < m->n_lanes; i++)
        assert_true(fabs(m->lanes[i].box.y - (m->lanes[i - 1].box.y + m->lanes[i - 1].box.h)) < EPS);
    assert_int_equal(m->lanes[4].n_events, 0); /* NATO only as a target */
    assert_int_equal(m->lanes[3].n_events, 3);

    /* Every event in its actor's lane. */
    assert_int_equal(m->n_markers, 13);
    for (size_t i = 0; i < m->n_markers; i++) {
        const dl_event *ev = &sorted.items[m->markers[i].event];
        assert_int_equal(m->markers[i].lane, find_lane(m, ev->actor.name));
        const dl_rect *band = &m->lanes[m->markers[i].lane].box;
        assert_true(m->markers[i].box.y >= band->y && m->markers[i].box.y + m->markers[i].box.h <= band->y + band->h);
    }

    /* Proportional spacing: x moves px_per_day per day inside a segment. */
    double ppd = m->axis.px_per_day;
    assert_true(ppd > 5);
    const dl_render_marker *e1 = marker_of(m, &sorted, "hand:1"), *e2 = marker_of(m, &sorted, "hand:2"),
                           *e3 = marker_of(m, &sorted, "hand:3"), *e4 = marker_of(m, &sorted, "hand:4"),
                           *e5 = marker_of(m, &sorted, "hand:5"), *e6 = marker_of(m, &sorted, "hand:6"),
                           *e7 = marker_of(m, &sorted, "hand:7"), *e8 = marker_of(m, &sorted, "hand:8"),
                           *e9 = marker_of(m, &sorted, "hand:9"), *e12 = marker_of(m, &sorted, "hand:12");
    assert_true(fabs(e2->x - e3->x) < EPS);
    assert_true(fabs((e4->x - e3->x) - 11 * ppd) < EPS);
    assert_true(fabs((e9->x - e7->x) - 5 * ppd) < EPS);
    assert_true(fabs((e12->x - e9->x) - 9 * ppd) < EPS);
    assert_true(fabs(e7->x - e8->x) < EPS);
    /* Two empty stretches are squeezed into breaks: November to January,
     * and 22 January to 9 February (the month of February counts by its
     * middle); each break is narrower than the days it leaves out. */
    assert_int_equal(m->axis.n_gaps, 2);
    const dl_render_gap *g = &m->axis.gaps[0], *g2 = &m->axis.gaps[1];
    assert_true(g->from > dl_day_from_ymd(2021, 11, 10) && g->to < dl_day_from_ymd(2022, 1, 10));
    assert_true(g2->from > dl_day_from_ymd(2022, 1, 21) && g2->to < dl_day_from_ymd(2022, 2, 10));
    assert_true(g->x0 > e1->x && g->x1 < e2->x && g2->x0 > e5->x && g2->x1 < e7->x);
    assert_true(e2->x - e1->x < 61 * ppd);
    assert_true(fabs((e2->x - e1->x) - ((61 - (g->to - g->from + 1)) * ppd + (g->x1 - g->x0))) < EPS);
    assert_true(fabs((e7->x - e4->x) - ((20 - (g2->to - g2->from + 1)) * ppd + (g2->x1 - g2->x0))) < EPS);
    /* Markers of single days sit mid-day; February (a month) is marked in
     * its middle, with a bar from its first day (inside the break) to the
     * end of the axis (a date known to the month does not stretch it). */
    assert_true(fabs((e9->x - e6->x) - 0.5 * ppd) < EPS);
    assert_true(e6->span_x0 > g2->x0 && e6->span_x0 < g2->x1);
    assert_true(fabs(e6->span_x1 - m->axis.x1) < EPS);
    assert_true(fabs(e3->span_x1 - e3->span_x0) < EPS);

    /* Same day, same lane: in source order, top to bottom. */
    assert_int_equal(e4->lane, e5->lane);
    assert_int_equal(e4->tier, 0);
    assert_int_equal(e5->tier, 1);
    assert_true(e5->y > e4->y);
    /* Marker size grows with sources. */
    assert_int_equal(e5->sources, 3);
    assert_true(e5->r > e4->r);
    assert_int_equal(e12->sources, 4);

    /* Labels: the action and the target (the lane names the actor). */
    const dl_render_label *lb = label_with(m, DL_TEXT_EVENT, "Consult → Antony Blinken");
    assert_non_null(lb);
    assert_true(&m->markers[lb->marker] == e2);
    assert_true(fabs(lb->box.x - (e2->x + e2->r + 4)) < EPS);
    assert_non_null(label_with(m, DL_TEXT_EVENT, "Accuse → Liz Truss"));
    assert_int_equal(m->n_short, 1); /* "Express intent to engage in material cooperation →…" */
    assert_non_null(label_with(m, DL_TEXT_EVENT, "Use conventional military force → UKR"));
    assert_non_null(label_with(m, DL_TEXT_LANE, "Recep Tayyip Erdoğan"));
    assert_non_null(label_with(m, DL_TEXT_LANE_NOTE, "target of 2 events"));

    /* Connectors: to the target's lane, when it has one (UKR has none). */
    assert_int_equal(m->n_connectors, 11);
    for (size_t i = 0; i < m->n_connectors; i++) {
        const dl_render_connector *c = &m->connectors[i];
        assert_true(c->from_lane != c->to_lane);
        assert_true((c->y1 > c->y0) == (c->to_lane > c->from_lane));
        const dl_rect *tb = &m->lanes[c->to_lane].box;
        assert_true(c->y1 > tb->y && c->y1 < tb->y + tb->h);
    }

    /* Axis: days under the months (the breaks leave room for each day's
     * number); ticks in order. */
    assert_int_equal(m->axis.minor, DL_UNIT_DAY);
    assert_int_equal(m->axis.major, DL_UNIT_MONTH);
    for (size_t i = 1; i < m->axis.n_ticks; i++) assert_true(m->axis.ticks[i].x > m->axis.ticks[i - 1].x);
    assert_non_null(label_with(m, DL_TEXT_AXIS_MAJOR, "November 2021"));
    assert_non_null(label_with(m, DL_TEXT_AXIS_MAJOR, "January 2022"));
    assert_non_null(label_with(m, DL_TEXT_AXIS_MAJOR, "February 2022"));
    assert_non_null(label_with(m, DL_TEXT_SUBTITLE, "10 November 2021 – 28 February 2022 · 13 events"));
    check_clear(m, "small lanes");
    check_all_drawn(m);
    dl_render_model_free(m);
    dl_event_list_clear(&l);
    dl_event_list_clear(&sorted);
}

static void test_list_model(void **state) {
    (void)state;
    dl_event_list l = {0}, sorted = {0};
    load(src_path("tests/render/small.json"), &l);
    dated_in_order(&l, &sorted);
    dl_render_model *m = layout(&l, NULL);
    assert_int_equal(m->layout, DL_LAYOUT_LIST); /* few events: a list */
    assert_int_equal(m->n_cards, 13);
    assert_int_equal(m->n_hidden, 0);
    /* Cards top to bottom in time order, same-day ones in source order. */
    for (size_t i = 0; i < m->n_cards; i++) {
        const dl_render_marker *mk = &m->markers[m->cards[i].marker];
        assert_int_equal(mk->event, i);
        assert_true(fabs(mk->x - m->spine_x) < EPS);
        assert_true(mk->y > m->cards[i].box.y && mk->y < m->cards[i].box.y + m->cards[i].box.h);
        if (i) assert_true(m->cards[i].box.y >= m->cards[i - 1].box.y + m->cards[i - 1].box.h + 8 - EPS);
    }
    assert_string_equal(sorted.items[m->markers[m->cards[1].marker].event].id, "hand:2");
    assert_string_equal(sorted.items[m->markers[m->cards[2].marker].event].id, "hand:3");
    /* A date once per day, level with its first card's marker. */
    size_t dates = 0;
    for (size_t i = 0; i < m->n_labels; i++) dates += m->labels[i].kind == DL_TEXT_DATE;
    assert_int_equal(dates, 9);
    const dl_render_label *d = label_with(m, DL_TEXT_DATE, "10 Jan 2022");
    assert_non_null(d);
    assert_true(fabs(d->box.y + d->box.h / 2 - m->markers[d->marker].y) < EPS);
    assert_true(d->box.x + d->box.w < m->spine_x - 8);
    assert_non_null(label_with(m, DL_TEXT_DATE, "Feb 2022"));
    assert_non_null(label_with(m, DL_TEXT_NOTE, "⋯ 2 months later"));
    assert_non_null(label_with(m, DL_TEXT_HEADLINE, "Sergey Lavrov (RUS) → Consult → Antony Blinken (USA)"));
    assert_non_null(label_with(m, DL_TEXT_QUOTE, "“Её позиция — это разговор немого с глухим.”"));
    assert_non_null(label_with(m, DL_TEXT_META, "CAMEO 190 · Goldstein -10.0 · 4 sources"));
    check_clear(m, "small list");
    check_all_drawn(m);
    dl_render_model_free(m);
    dl_event_list_clear(&l);
    dl_event_list_clear(&sorted);
}

static void test_filters(void **state) {
    (void)state;
    dl_event_list l = {0};
    load(src_path("tests/render/small.json"), &l);
    dl_render_options o;
    dl_render_options_init(&o);
    o.layout = DL_LAYOUT_LANES;
    const char *actors[] = {"sergey lavrov", "UKR"};
    o.actors = actors;
    o.n_actors = 2;
    dl_render_model *m = layout(&l, &o);
    /* Lavrov acts in 2 events and is the target of 3; UKR is the target of
     * 2 and Zelensky (UKR) acts once. */
    assert_int_equal(m->n_events, 8);
    assert_int_equal(m->n_filtered, 5);
    assert_int_equal(m->n_lanes, 3);
    assert_string_equal(m->lanes[0].key, "Sergey Lavrov"); /* as the events spell it */
    assert_string_equal(m->lanes[1].key, "UKR");
    assert_true(m->lanes[2].other);
    check_clear(m, "actors");
    dl_render_model_free(m);

    dl_render_options_init(&o);
    o.from = dl_day_from_ymd(2022, 2, 12);
    o.to = dl_day_from_ymd(2022, 2, 22);
    m = layout(&l, &o);
    assert_int_equal(m->n_events, 4); /* the month of February, 15, 18, 21 */
    assert_int_equal(m->axis.n_ticks, 0);
    dl_render_model_free(m);
    o.layout = DL_LAYOUT_LANES;
    m = layout(&l, &o);
    assert_true(m->axis.d0 == o.from && m->axis.d1 == o.to);
    for (size_t i = 0; i < m->n_markers; i++)
        assert_true(m->markers[i].span_x0 >= m->axis.x0 - EPS && m->markers[i].span_x1 <= m->axis.x1 + EPS);
    check_clear(m, "from-to");
    dl_render_model_free(m);
    dl_event_list_clear(&l);
}

static void test_errors(void **state) {
    (void)state;
    dl_event_list l = {0};
    load(src_path("tests/render/small.json"), &l);
    dl_render_model *m = NULL;
    dl_error err;
    dl_render_options o;
    dl_render_options_init(&o);
    assert_int_equal(dl_render_layout(l.items, 0, &o, &m, &err), DL_ERR_INPUT);
    assert_null(m);
    assert_non_null(strstr(err.message, "no events"));
    assert_int_equal(dl_render_layout(l.items + 13, 1, &o, &m, &err), DL_ERR_INPUT); /* the undated one */
    assert_non_null(strstr(err.message, "usable date"));
    o.from = dl_day_from_ymd(2030, 1, 1);
    assert_int_equal(dl_render_layout(l.items, l.n, &o, &m, &err), DL_ERR_INPUT);
    assert_non_null(strstr(err.message, "chosen dates"));
    dl_render_options_init(&o);
    o.width = 100;
    assert_int_equal(dl_render_layout(l.items, l.n, &o, &m, &err), DL_ERR_USAGE);
    dl_render_options_init(&o);
    o.layout = DL_LAYOUT_LANES;
    o.height = 200;
    assert_int_equal(dl_render_layout(l.items, l.n, &o, &m, &err), DL_ERR_USAGE);
    assert_non_null(strstr(err.message, "too small"));

    assert_int_equal(dl_image_format_from_path("a/b.PNG"), DL_IMAGE_PNG);
    assert_int_equal(dl_image_format_from_path("x.svg"), DL_IMAGE_SVG);
    assert_int_equal(dl_image_format_from_path("x.pdf"), DL_IMAGE_PDF);
    assert_int_equal(dl_image_format_from_path("x.svg/y"), DL_IMAGE_NONE);
    assert_int_equal(dl_image_format_from_path("x"), DL_IMAGE_NONE);

    /* A file that cannot be written leaves nothing behind. */
    m = layout(&l, NULL);
    char dir[] = "/tmp/dl-render-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/none/t.png", dir);
    assert_int_equal(dl_render_write(m, path, DL_IMAGE_NONE, 0, &err), DL_ERR_IO);
    snprintf(path, sizeof path, "%s/t.txt", dir);
    assert_int_equal(dl_render_write(m, path, DL_IMAGE_NONE, 0, &err), DL_ERR_USAGE);
    snprintf(path, sizeof path, "%s/t.svg", dir);
    assert_int_equal(dl_render_write(m, path, DL_IMAGE_NONE, 0, &err), DL_OK);
    assert_int_equal(dl_render_write(m, path, DL_IMAGE_PNG, 5000, &err), DL_ERR_USAGE);
    DIR *d = opendir(dir);
    size_t files = 0;
    struct dirent *de;
    while ((de = readdir(d))) files += de->d_name[0] != '.' || strlen(de->d_name) > 2;
    closedir(d);
    assert_int_equal(files, 1); /* t.svg, no temporary file */
    unlink(path);
    rmdir(dir);
    dl_render_model_free(m);
    dl_event_list_clear(&l);
}

/* Names with invalid UTF-8 and control characters are drawn cleaned. */
static void test_bad_text(void **state) {
    (void)state;
    dl_event_list l = {0};
    for (int i = 0; i < 3; i++) {
        dl_event *ev = dl_event_list_add(&l);
        dl_when_set_day(&ev->date.when, dl_day_from_ymd(2022, 2, 10 + i));
        ev->date.when.granularity = DL_GRAN_DAY;
        dl_entity_set(&ev->actor, "x", "Bad\xff name\n\twith\x01 controls", "R\xc3", "GOV");
        dl_action_set_code(&ev->action, i == 2 ? "999" : "042");
        ev->quote = strdup("\xe2\x80 broken\x7f quote");
    }
    for (int layout_kind = DL_LAYOUT_LANES; layout_kind <= DL_LAYOUT_LIST; layout_kind++) {
        dl_render_options o;
        dl_render_options_init(&o);
        o.layout = (dl_layout_kind)layout_kind;
        dl_render_model *m = layout(&l, &o);
        for (size_t i = 0; i < m->n_labels; i++) {
            const char *t = m->labels[i].text;
            for (const char *p = t; *p; p++) assert_true((unsigned char)*p >= 0x20 || *p == '\n');
            assert_non_null(strstr(m->title, "Bad"));
        }
        if (m->layout == DL_LAYOUT_LANES) assert_non_null(label_with(m, DL_TEXT_EVENT, "Make a visit"));
        else assert_non_null(label_with(m, DL_TEXT_HEADLINE, "Bad� name with controls (R�) → Make a visit"));
        check_clear(m, "bad text");
        dl_render_model_free(m);
    }
    dl_event_list_clear(&l);
}

/* ---- Generated and real timelines ----------------------------------------------- */

static void test_generated_1000(void **state) {
    (void)state;
    dl_event_list l = {0};
    size_t n_art;
    synth_options so = {.seed = 11, .events = 1000, .days = 365, .start = dl_day_from_ymd(2021, 10, 1)};
    assert_int_equal(synth_timeline(&so, &l, &n_art), DL_OK);
    const double widths[] = {640, 1200, 2400};
    for (size_t w = 0; w < 3; w++) {
        for (int lk = DL_LAYOUT_LANES; lk <= DL_LAYOUT_LIST; lk++) {
            dl_render_options o;
            dl_render_options_init(&o);
            o.width = widths[w];
            o.layout = (dl_layout_kind)lk;
            dl_render_model *m = layout(&l, &o);
            char what[64];
            snprintf(what, sizeof what, "1000 events, %s, width %g", lk == DL_LAYOUT_LANES ? "lanes" : "list", o.width);
            check_clear(m, what);
            check_all_drawn(m);
            assert_true(m->height < 30000);
            if (lk == DL_LAYOUT_LANES) {
                assert_true(m->n_lanes <= 11);
                assert_true(m->n_clusters > 0);
            } else {
                assert_true(m->n_cards <= 240);
            }
            dl_render_model_free(m);
        }
    }
    /* A fixed height folds more and stays inside it. */
    dl_render_options o;
    dl_render_options_init(&o);
    o.layout = DL_LAYOUT_LANES;
    o.height = 700;
    o.lanes = DL_LANES_COUNTRY;
    dl_render_model *m = layout(&l, &o);
    assert_true(m->height == 700);
    assert_int_equal(m->lane_key, DL_LANES_COUNTRY);
    check_clear(m, "1000 events in 700 px");
    check_all_drawn(m);
    dl_render_model_free(m);
    o.layout = DL_LAYOUT_LIST;
    m = layout(&l, &o);
    assert_true(m->n_hidden > 0);
    check_clear(m, "1000 events listed in 700 px");
    check_all_drawn(m);
    dl_render_model_free(m);
    dl_event_list_clear(&l);
}

static void test_generated_5000(void **state) {
    (void)state;
    dl_event_list l = {0};
    size_t n_art;
    synth_options so = {.seed = 7, .events = 5000, .days = 365, .start = dl_day_from_ymd(2021, 10, 1)};
    assert_int_equal(synth_timeline(&so, &l, &n_art), DL_OK);
    dl_render_model *m = layout(&l, NULL);
    assert_int_equal(m->layout, DL_LAYOUT_LANES);
    assert_true(m->n_labels < 600); /* counted clusters, not 5,000 labels */
    assert_true(m->height < 2000);
    check_clear(m, "5000 events");
    check_all_drawn(m);
    dl_render_model_free(m);
    dl_event_list_clear(&l);
}

/* The fixtures' hand-made gold timeline (its own format), when the tree has it. */
static bool load_gold(const char *path, dl_event_list *l) {
    json_error_t je;
    json_t *doc = json_load_file(path, 0, &je);
    if (!doc) return false;
    json_t *evs = json_object_get(doc, "events"), *e;
    size_t i;
    json_array_foreach(evs, i, e) {
        dl_event *ev = dl_event_list_add(l);
        ev->id = strdup(json_string_value(json_object_get(e, "timeline_id")));
        const char *date = json_string_value(json_object_get(e, "date"));
        if (date) dl_when_parse(&ev->date.when, date);
        else ev->date.when.start = ev->date.when.end = DL_DAY_NONE;
        dl_entity_set(&ev->actor, NULL, json_string_value(json_object_get(e, "actor")),
                      json_string_value(json_object_get(e, "actor_country")), NULL);
        const char *t = json_string_value(json_object_get(e, "target"));
        if (t) {
            ev->has_target = true;
            dl_entity_set(&ev->target, NULL, t, json_string_value(json_object_get(e, "target_country")), NULL);
        }
        dl_action_set_code(&ev->action, json_string_value(json_object_get(e, "cameo_code")));
        json_t *arts = json_object_get(e, "articles"), *a;
        size_t k;
        json_array_foreach(arts, k, a) {
            dl_mention mm = {.article = (char *)json_string_value(a), .text = "-"};
            dl_event_add_mention(ev, &mm);
        }
    }
    json_decref(doc);
    return l->n > 0;
}

static void test_fixture_gold(void **state) {
    (void)state;
    dl_event_list l = {0};
    struct stat st;
    const char *path = src_path("fixtures/timeline_gold.json");
    if (stat(path, &st) != 0 || !load_gold(path, &l)) {
        dl_event_list_clear(&l);
        skip();
    }
    const double widths[] = {800, 1200};
    for (size_t w = 0; w < 2; w++)
        for (int lk = DL_LAYOUT_LANES; lk <= DL_LAYOUT_LIST; lk++) {
            dl_render_options o;
            dl_render_options_init(&o);
            o.width = widths[w];
            o.layout = (dl_layout_kind)lk;
            dl_render_model *m = layout(&l, &o);
            check_clear(m, "fixtures gold");
            check_all_drawn(m);
            dl_render_model_free(m);
        }
    dl_event_list_clear(&l);
}

/* ---- Output: stored pictures, same bytes --------------------------------------- */

static bool updating(void) {
    const char *u = getenv("DIPLINE_UPDATE_GOLDEN");
    return u && *u && strcmp(u, "0") != 0;
}

static void write_file(const char *path, const unsigned char *data, size_t len) {
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

/* SVG without what may vary between cairo and pango builds: numbers are
 * rounded to whole px, and the glyph outlines (<symbol> paths) dropped. */
static char *normalise_svg(const char *s) {
    size_t n = strlen(s);
    char *out = malloc(n + 1), *o = out;
    bool in_symbol = false;
    for (const char *p = s; *p;) {
        if (strncmp(p, "<symbol", 7) == 0) in_symbol = true;
        if (strncmp(p, "</symbol>", 9) == 0) in_symbol = false;
        if (in_symbol && strncmp(p, " d=\"", 4) == 0) {
            const char *q = strchr(p + 4, '"');
            p = q ? q + 1 : p + 4;
            continue;
        }
        if ((*p >= '0' && *p <= '9') || (*p == '-' && p[1] >= '0' && p[1] <= '9')) {
            char *end;
            double v = strtod(p, &end);
            o += sprintf(o, "%.0f", fabs(v) < 0.5 ? 0.0 : v);
            p = end;
            continue;
        }
        *o++ = *p++;
    }
    *o = 0;
    return out;
}

static void test_svg_golden(void **state) {
    (void)state;
    dl_event_list l = {0};
    load(src_path("tests/render/small.json"), &l);
    dl_render_options o;
    dl_render_options_init(&o);
    o.layout = DL_LAYOUT_LANES;
    dl_render_model *m = layout(&l, &o);
    unsigned char *svg;
    size_t len;
    dl_error err;
    assert_int_equal(dl_render_to_buffer(m, DL_IMAGE_SVG, 0, &svg, &len, &err), DL_OK);
    assert_non_null(strstr((char *)svg, "width=\"1200px\""));
    const char *path = src_path("tests/render/small-lanes.svg");
    if (updating()) write_file(path, svg, len);
    char *want = slurp(path, NULL);
    char *a = normalise_svg((char *)svg), *b = normalise_svg(want);
    if (strcmp(a, b) != 0) {
        size_t i = 0;
        while (a[i] && a[i] == b[i]) i++;
        fail_msg("SVG differs from %s at normalised byte %zu: '%.60s' vs '%.60s'", path, i, a + i, b + i);
    }
    free(a);
    free(b);
    free(want);
    free(svg);
    dl_render_model_free(m);
    dl_event_list_clear(&l);
}

typedef struct png_read {
    const unsigned char *data;
    size_t len, pos;
} png_read;

static cairo_status_t read_mem(void *closure, unsigned char *data, unsigned int len) {
    png_read *r = closure;
    if (r->pos + len > r->len) return CAIRO_STATUS_READ_ERROR;
    memcpy(data, r->data + r->pos, len);
    r->pos += len;
    return CAIRO_STATUS_SUCCESS;
}

static void test_png_reference(void **state) {
    (void)state;
    dl_event_list l = {0};
    load(src_path("tests/render/small.json"), &l);
    dl_render_model *m = layout(&l, NULL);
    unsigned char *png;
    size_t len;
    dl_error err;
    assert_int_equal(dl_render_to_buffer(m, DL_IMAGE_PNG, 0, &png, &len, &err), DL_OK);
    const char *path = src_path("tests/render/small-list.png");
    if (updating()) write_file(path, png, len);
    png_read r = {png, len, 0};
    cairo_surface_t *got = cairo_image_surface_create_from_png_stream(read_mem, &r);
    cairo_surface_t *want = cairo_image_surface_create_from_png(path);
    assert_int_equal(cairo_surface_status(got), CAIRO_STATUS_SUCCESS);
    assert_int_equal(cairo_surface_status(want), CAIRO_STATUS_SUCCESS);
    int w = cairo_image_surface_get_width(got), h = cairo_image_surface_get_height(got);
    assert_int_equal(w, cairo_image_surface_get_width(want));
    assert_int_equal(h, cairo_image_surface_get_height(want));
    /* Tolerance: antialiasing may differ a little between builds. */
    const unsigned char *a = cairo_image_surface_get_data(got), *b = cairo_image_surface_get_data(want);
    int sa = cairo_image_surface_get_stride(got), sb = cairo_image_surface_get_stride(want);
    size_t far = 0;
    double sum = 0;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w * 4; x++) {
            int d = abs(a[y * sa + x] - b[y * sb + x]);
            sum += d;
            far += d > 64;
        }
    double mean = sum / ((double)w * h * 4);
    if (mean > 1.0 || far > (size_t)w * h * 4 / 200)
        fail_msg("PNG differs from %s: mean difference %.3f, %zu channel values off by more than 64", path, mean, far);
    cairo_surface_destroy(got);
    cairo_surface_destroy(want);
    free(png);
    dl_render_model_free(m);
    dl_event_list_clear(&l);
}

static void test_same_bytes(void **state) {
    (void)state;
    dl_event_list l = {0};
    load(src_path("tests/render/small.json"), &l);
    const dl_image_format fmts[] = {DL_IMAGE_SVG, DL_IMAGE_PDF, DL_IMAGE_PNG};
    for (int lk = DL_LAYOUT_LANES; lk <= DL_LAYOUT_LIST; lk++)
        for (size_t f = 0; f < 3; f++) {
            unsigned char *bytes[2];
            size_t len[2];
            for (int k = 0; k < 2; k++) {
                /* a fresh layout each time, after other drawing in between */
                dl_render_options o;
                dl_render_options_init(&o);
                o.layout = (dl_layout_kind)lk;
                dl_render_model *m = layout(&l, &o);
                dl_error err;
                unsigned char *junk;
                size_t jl;
                assert_int_equal(dl_render_to_buffer(m, DL_IMAGE_SVG, 0, &junk, &jl, &err), DL_OK);
                free(junk);
                assert_int_equal(dl_render_to_buffer(m, fmts[f], 0, &bytes[k], &len[k], &err), DL_OK);
                dl_render_model_free(m);
            }
            assert_int_equal(len[0], len[1]);
            assert_memory_equal(bytes[0], bytes[1], len[0]);
            if (fmts[f] == DL_IMAGE_PDF) {
                /* the creation date is the last day of the timeline (cairo
                 * 1.16 leaves out the "D:" later versions write) */
                assert_true(contains(bytes[0], len[0], "/CreationDate (D:20220228") ||
                            contains(bytes[0], len[0], "/CreationDate (20220228"));
                assert_true(contains(bytes[0], len[0], "Diplomatic timeline"));
            }
            free(bytes[0]);
            free(bytes[1]);
        }
    dl_event_list_clear(&l);
}

/* Themes, sizes and resolutions all draw; cleanup releases everything and
 * rendering starts again afterwards. */
static void test_draw_everything(void **state) {
    (void)state;
    dl_event_list l = {0};
    load(src_path("tests/render/small.json"), &l);
    for (int theme = DL_THEME_LIGHT; theme <= DL_THEME_PRINT; theme++) {
        dl_render_options o;
        dl_render_options_init(&o);
        o.theme = (dl_theme)theme;
        o.layout = DL_LAYOUT_LANES;
        o.width = 480;
        dl_render_model *m = layout(&l, &o);
        check_clear(m, "narrow");
        unsigned char *png;
        size_t len;
        dl_error err;
        assert_int_equal(dl_render_to_buffer(m, DL_IMAGE_PNG, 192, &png, &len, &err), DL_OK);
        png_read r = {png, len, 0};
        cairo_surface_t *s = cairo_image_surface_create_from_png_stream(read_mem, &r);
        assert_int_equal(cairo_image_surface_get_width(s), 960); /* 192 dpi: twice the px */
        cairo_surface_destroy(s);
        free(png);
        dl_render_model_free(m);
        dl_render_cleanup();
    }
    dl_event_list_clear(&l);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lanes_model),    cmocka_unit_test(test_list_model),
        cmocka_unit_test(test_filters),        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_bad_text),       cmocka_unit_test(test_generated_1000),
        cmocka_unit_test(test_generated_5000), cmocka_unit_test(test_fixture_gold),
        cmocka_unit_test(test_svg_golden),     cmocka_unit_test(test_png_reference),
        cmocka_unit_test(test_same_bytes),     cmocka_unit_test(test_draw_everything),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    dl_render_cleanup();
    return rc;
}
