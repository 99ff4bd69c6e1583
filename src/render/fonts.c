/* fonts.c - the renderer's text: a private fontconfig configuration that
 * knows only DejaVu (data/fonts.conf), one pango context with fixed font
 * options (no hinting, no metric rounding) so that a text measures the same
 * on every machine and at every scale, and the measuring and wrapping the
 * layouts need.  All of it runs under one mutex (rt_lock). */
#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "render_private.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static PangoFontMap *fontmap;
static PangoContext *context;
static PangoLayout *layouts[RT_N_FONTS];

/* Size (px) and weight of each kind of text. */
static const struct {
    double size;
    bool bold;
} fonts[RT_N_FONTS] = {
    [DL_TEXT_TITLE] = {20, true},     [DL_TEXT_SUBTITLE] = {12, false},
    [DL_TEXT_LEGEND] = {11, false},   [DL_TEXT_AXIS] = {11, false},
    [DL_TEXT_AXIS_MAJOR] = {11, true}, [DL_TEXT_GAP] = {10, false},
    [DL_TEXT_LANE] = {12, true},      [DL_TEXT_LANE_NOTE] = {10, false},
    [DL_TEXT_EVENT] = {11, false},    [DL_TEXT_CLUSTER] = {11, false},
    [DL_TEXT_DATE] = {12, true},      [DL_TEXT_HEADLINE] = {13, true},
    [DL_TEXT_QUOTE] = {12, false},    [DL_TEXT_META] = {10, false},
    [DL_TEXT_NOTE] = {11, false},     [DL_TEXT_FOOTER] = {10, false},
    [RT_BADGE] = {9, true},
};

void rt_lock(void) { pthread_mutex_lock(&lock); }
void rt_unlock(void) { pthread_mutex_unlock(&lock); }

/* The fonts: Debian's fonts-dejavu-core.  They are added one by one as
 * application fonts, which fontconfig scans without reading or writing a
 * cache.  DIPLINE_FONT_DIR names another folder holding the same files. */
static const char *const font_files[] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};
#define FONT_DIR "/usr/share/fonts/truetype/dejavu"

static dl_status load_config(dl_error *err) {
    size_t len;
    const char *conf = dl_data_get("fonts.conf", &len);
    FcConfig *cfg = FcConfigCreate();
    if (!cfg) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    if (!conf || !FcConfigParseAndLoadFromMemory(cfg, (const FcChar8 *)conf, FcTrue) ||
        !FcConfigBuildFonts(cfg)) {
        FcConfigDestroy(cfg);
        return dl_error_set(err, DL_ERR_IO, "fonts.conf", -1, -1, "cannot load the font configuration");
    }
    const char *dir = getenv("DIPLINE_FONT_DIR");
    if (!dir || !*dir) dir = FONT_DIR;
    for (size_t i = 0; i < sizeof font_files / sizeof *font_files; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, font_files[i]);
        if (!FcConfigAppFontAddFile(cfg, (const FcChar8 *)path)) {
            FcConfigDestroy(cfg);
            return dl_error_set(err, DL_ERR_IO, path, -1, -1,
                                "cannot load the font (install Debian's fonts-dejavu-core)");
        }
    }
    /* Current before pango makes its font map: its fontconfig start-up then
     * finds a configuration and loads no other.  SetCurrent takes a reference. */
    FcConfigSetCurrent(cfg);
    FcConfigDestroy(cfg);
    return DL_OK;
}

dl_status rt_init(dl_error *err) {
    if (context) return DL_OK;
    dl_status st = load_config(err);
    if (st != DL_OK) return st;
    fontmap = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (!fontmap) return dl_error_set(err, DL_ERR_IO, NULL, -1, -1, "cannot create a font map");
    context = pango_font_map_create_context(fontmap);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(context, fo);
    cairo_font_options_destroy(fo);
    pango_cairo_context_set_resolution(context, 96);
    pango_context_set_round_glyph_positions(context, FALSE);
    pango_context_set_language(context, pango_language_from_string("en"));
    pango_context_set_base_dir(context, PANGO_DIRECTION_LTR);
    for (int i = 0; i < RT_N_FONTS; i++) {
        PangoFontDescription *d = pango_font_description_new();
        pango_font_description_set_family_static(d, "DejaVu Sans");
        pango_font_description_set_absolute_size(d, fonts[i].size * PANGO_SCALE);
        pango_font_description_set_weight(d, fonts[i].bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        layouts[i] = pango_layout_new(context);
        pango_layout_set_font_description(layouts[i], d);
        pango_font_description_free(d);
    }
    return DL_OK;
}

void dl_render_cleanup(void) {
    rt_lock();
    for (int i = 0; i < RT_N_FONTS; i++) {
        if (layouts[i]) g_object_unref(layouts[i]);
        layouts[i] = NULL;
    }
    if (context) g_object_unref(context);
    context = NULL;
    /* Pango sorts fonts in worker threads that hold the font map (and the
     * fontconfig configuration) until they finish: wait until the map is
     * gone before the caches below are torn down (a second at most; if it
     * is still alive then, leave the caches, a leak being better than a
     * crash). */
    bool gone = true;
    if (fontmap) {
        GWeakRef ref;
        g_weak_ref_init(&ref, fontmap);
        g_object_unref(fontmap);
        fontmap = NULL;
        for (int i = 0; i < 1000; i++) {
            GObject *alive = g_weak_ref_get(&ref);
            if (!alive) break;
            g_object_unref(alive);
            g_usleep(1000);
        }
        GObject *alive = g_weak_ref_get(&ref);
        if (alive) {
            g_object_unref(alive);
            gone = false;
        }
        g_weak_ref_clear(&ref);
    }
    pango_cairo_font_map_set_default(NULL);
    if (gone) {
        cairo_debug_reset_static_data();
        FcFini();
    }
    rt_unlock();
}

void rt_size(int font, const char *text, double *w, double *h) {
    PangoLayout *l = layouts[font];
    PangoRectangle log;
    pango_layout_set_text(l, text, -1);
    pango_layout_get_extents(l, NULL, &log);
    if (w) *w = log.width / (double)PANGO_SCALE;
    if (h) *h = log.height / (double)PANGO_SCALE;
}

double rt_width(int font, const char *text) {
    double w;
    rt_size(font, text, &w, NULL);
    return w;
}

double rt_line_height(int font) {
    double h;
    rt_size(font, "Mg", NULL, &h);
    return h;
}

char *rt_clean(const char *s) {
    if (!s) s = "";
    char *valid = g_utf8_make_valid(s, -1);
    dl_buf b = {0};
    bool space = false;
    for (const unsigned char *p = (const unsigned char *)valid; *p; p++) {
        /* C0 controls, DEL and white space become one space; so do the C1
         * controls (U+0080-U+009F, encoded C2 80-9F). */
        bool ws = *p <= 0x20 || *p == 0x7f;
        if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
            ws = true;
            p++;
        }
        if (ws) {
            space = b.len > 0;
            continue;
        }
        if (space) dl_buf_putc(&b, ' ');
        space = false;
        dl_buf_putc(&b, (char)*p);
    }
    g_free(valid);
    if (b.failed) {
        dl_buf_free(&b);
        return NULL;
    }
    return b.data ? dl_buf_take(&b) : dl_strdup("");
}

/* Trim trailing spaces and punctuation that should not stand before "…". */
static void trim_end(dl_buf *b) {
    while (b->len && strchr(" ,;:-(", b->data[b->len - 1])) b->data[--b->len] = 0;
}

char *rt_fit(int font, const char *text, double max_w, int max_lines, bool *cut) {
    PangoLayout *l = layouts[font];
    if (cut) *cut = false;
    if (max_lines < 1) max_lines = 1;
    pango_layout_set_text(l, text, -1);
    pango_layout_set_width(l, max_w > 1 ? (int)(max_w * PANGO_SCALE) : PANGO_SCALE);
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    int n = pango_layout_get_line_count(l);
    dl_buf b = {0};
    size_t last_start = 0;
    for (int i = 0; i < n && i < max_lines; i++) {
        PangoLayoutLine *line = pango_layout_get_line_readonly(l, i);
        size_t len = (size_t)line->length;
        while (len && text[line->start_index + len - 1] == ' ') len--;
        if (i) dl_buf_putc(&b, '\n');
        last_start = b.len;
        dl_buf_append(&b, text + line->start_index, len);
    }
    pango_layout_set_width(l, -1);
    if (n > max_lines && !b.failed) {
        /* Text is left over: end the last line with an ellipsis, taking
         * characters off until it fits. */
        if (cut) *cut = true;
        for (;;) {
            trim_end(&b);
            dl_buf_puts(&b, "…");
            if (b.failed || b.len - last_start <= strlen("…") || rt_width(font, b.data + last_start) <= max_w) break;
            b.len -= strlen("…");
            /* step back one UTF-8 character */
            do b.len--;
            while (b.len > last_start && ((unsigned char)b.data[b.len] & 0xc0) == 0x80);
            b.data[b.len] = 0;
        }
    }
    if (b.failed) {
        dl_buf_free(&b);
        return NULL;
    }
    return b.data ? dl_buf_take(&b) : dl_strdup("");
}

void rt_draw(cairo_t *cr, int font, const char *text, double x, double y, dl_align align) {
    PangoLayout *l = layouts[font];
    pango_layout_set_text(l, text, -1);
    pango_layout_set_alignment(l, align == DL_ALIGN_CENTER  ? PANGO_ALIGN_CENTER
                                  : align == DL_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
                                                            : PANGO_ALIGN_LEFT);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, l);
    pango_layout_set_alignment(l, PANGO_ALIGN_LEFT);
}
