/* timeline.c - libdipline from a program of your own: extract the events
 * of two news texts held in memory, merge them into one timeline, print
 * it, and draw it on a cairo image surface saved as a PNG.
 *
 *   cc timeline.c $(pkg-config --cflags --libs dipline) -o timeline
 *   ./timeline timeline.png
 *
 * Exit status 0 when events were found and the picture written. */
#include <dipline/dipline.h>
#include <stdio.h>
#include <string.h>

/* Two short reports of the same meeting (written for this example). */
static const struct { const char *id, *published, *text; } articles[] = {
    {"wire-1", "2022-02-10",
     "Russian Foreign Minister Sergey Lavrov met British Foreign Secretary Liz Truss in Moscow on Thursday. "
     "Lavrov accused Britain of lecturing Russia about its troops."},
    {"wire-2", "2022-02-11",
     "Sergey Lavrov met Liz Truss in Moscow on Thursday, and the talks ended without agreement. "
     "On Friday, Germany urged Russia to withdraw its forces from the Ukrainian border."},
};

static int fail(const char *what, const dl_error *err) {
    char buf[1200];
    fprintf(stderr, "timeline: %s: %s\n", what, dl_error_format(err, buf, sizeof buf));
    return 1;
}

int main(int argc, char **argv) {
    const char *png = argc > 1 ? argv[1] : "timeline.png";
    dl_error err;
    dl_error_clear(&err);

    /* 1. The extractor loads the dictionaries once; reuse it for every text. */
    dl_extractor *x = NULL;
    if (dl_extractor_new(NULL, &x, &err) != DL_OK) return fail("dictionaries", &err);

    /* 2. Extract each text and add its events to a timeline, which merges
     *    the reports of one happening into one event. */
    dl_timeline *tl = NULL;
    if (dl_timeline_new(NULL, &tl, &err) != DL_OK) return fail("timeline", &err);
    for (size_t i = 0; i < sizeof articles / sizeof *articles; i++) {
        dl_event_list found = {0};
        const char *text = articles[i].text;
        if (dl_extract_text(x, articles[i].id, text, strlen(text), articles[i].published, &found, &err) != DL_OK)
            return fail("extract", &err);
        dl_article_info info = {(char *)articles[i].id, NULL, NULL, NULL, (char *)articles[i].published};
        dl_timeline_add_article(tl, &info, &err);
        for (size_t k = 0; k < found.n; k++)
            if (dl_timeline_add(tl, &found.items[k], &err) != DL_OK) return fail("merge", &err);
        dl_event_list_clear(&found);
    }
    if (dl_timeline_finish(tl, &err) != DL_OK) return fail("merge", &err);

    /* 3. Read the merged events back, in date order, and print them. */
    dl_event_list events = {0};
    for (size_t i = 0; i < dl_timeline_count(tl); i++) {
        dl_event *ev = dl_event_list_add(&events);
        if (!ev || dl_timeline_event(tl, i, ev) != DL_OK) return 1;
        printf("%s  %-16s %-4s %-40s %s  (%zu report%s)\n", ev->date.when.value,
               ev->actor.name ? ev->actor.name : "?", ev->action.code,
               ev->action.label ? ev->action.label : "", ev->has_target && ev->target.name ? ev->target.name : "",
               ev->n_mentions, ev->n_mentions == 1 ? "" : "s");
    }

    /* 4. Lay the timeline out and draw it on a cairo surface of our own. */
    dl_render_model *m = NULL;
    if (dl_render_layout(events.items, events.n, NULL, &m, &err) != DL_OK) return fail("layout", &err);
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)(m->width + 0.999), (int)(m->height + 0.999));
    cairo_t *cr = cairo_create(s);
    dl_status st = dl_render_draw(m, cr, &err);
    cairo_destroy(cr);
    if (st == DL_OK && cairo_surface_write_to_png(s, png) != CAIRO_STATUS_SUCCESS) st = DL_ERR_IO;
    cairo_surface_destroy(s);
    size_t n = events.n;
    printf("%zu events, %.0fx%.0f px picture: %s\n", n, m->width, m->height, st == DL_OK ? png : "failed");

    dl_render_model_free(m);
    dl_event_list_clear(&events);
    dl_timeline_free(tl);
    dl_extractor_free(x);
    dl_render_cleanup();
    return st == DL_OK && n > 0 ? 0 : 1;
}
