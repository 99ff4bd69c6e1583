/* render_private.h - what the renderer's files share: fonts and text
 * measuring (fonts.c), the time scale and axis (axis.c), the model builder
 * and the prepared events (layout.c), the two layouts (lanes.c, list.c) and
 * the themes (draw.c).  Not part of the public API. */
#ifndef DL_RENDER_PRIVATE_H
#define DL_RENDER_PRIVATE_H

#include "dipline/render.h"

/* ---- Fonts and text (fonts.c) --------------------------------------------
 * Every function here expects the render lock to be held. */

/* One more font than text kinds: the small bold figures inside pills. */
#define RT_BADGE DL_TEXT_N_KINDS
#define RT_N_FONTS (DL_TEXT_N_KINDS + 1)

void rt_lock(void);
void rt_unlock(void);
/* Load the private fontconfig configuration and make the pango context
 * (once; again after dl_render_cleanup). */
dl_status rt_init(dl_error *err);
/* Logical width and height of a text in px. */
void rt_size(int font, const char *text, double *w, double *h);
double rt_width(int font, const char *text);
double rt_line_height(int font);
/* Wrap text into at most max_lines lines no wider than max_w, breaking at
 * words (inside a word only when it is wider than a line), and end the last
 * line with "…" when text is left over (*cut set).  malloc'd, lines joined
 * by '\n'; NULL when out of memory. */
char *rt_fit(int font, const char *text, double max_w, int max_lines, bool *cut);
/* A copy of s fit for display: valid UTF-8, control characters and runs of
 * white space turned into one space, trimmed.  malloc'd. */
char *rt_clean(const char *s);
/* Draw text with its logical top-left at (x, y). */
void rt_draw(cairo_t *cr, int font, const char *text, double x, double y, dl_align align);

/* ---- The time scale (axis.c) ---------------------------------------------
 * Time is a number of days since 1970-01-01 (fractions are times of day);
 * x grows with it at one rate, except across compressed empty stretches,
 * which get a fixed width. */
#define RS_MAX_SEGS 6

typedef struct rscale {
    int n;                                /* segments */
    double t0[RS_MAX_SEGS], t1[RS_MAX_SEGS];
    double x0[RS_MAX_SEGS], x1[RS_MAX_SEGS];
    double ppd;                           /* px per day */
} rscale;

/* An interval of time an event covers: [t0, t1). */
typedef struct rspan {
    double t0, t1;
} rspan;

/* Build the scale over [lo, hi) onto [x0, x1].  spans (sorted by t0) are the
 * occupied times; long empty stretches between them are compressed when
 * `compress`.  Returns false when out of memory. */
bool rscale_build(rscale *s, const rspan *spans, size_t n, double lo, double hi, double x0,
                  double x1, bool compress);
double rscale_x(const rscale *s, double t);
/* The start of the calendar unit (day, week, month ...) that holds t. */
double r_unit_floor(dl_time_unit u, double t);

/* ---- The model under construction (layout.c) ------------------------------ */

/* An event prepared for layout. */
typedef struct rev {
    const dl_event *ev;
    size_t index;        /* position in time order */
    double t, t0, t1;    /* where it is drawn, and the time it covers */
    dl_day day;          /* its first day */
    int quad;            /* 0-4 */
    size_t sources;      /* distinct articles */
    char action[96];     /* short action label ("Accuse") */
    long lane, target_lane;
} rev;

typedef struct rctx {
    const dl_render_options *o;
    dl_render_model *m;
    rev *ev;             /* time order */
    size_t n;
    dl_error *err;
    bool nomem;
    size_t cap_labels, cap_markers, cap_connectors, cap_lanes, cap_cards, cap_legend;
} rctx;

#define R_MARGIN 24.0

/* Add a label: the text (copied) is measured; x is its left edge, centre or
 * right edge as `align` says.  Returns its index, -1 when out of memory. */
long rm_label(rctx *c, dl_text_kind kind, const char *text, double x, double y, dl_align align,
              long marker);
/* The same with the text already malloc'd (taken). */
long rm_label_take(rctx *c, dl_text_kind kind, char *text, double x, double y, dl_align align,
                   long marker);
dl_render_marker *rm_marker(rctx *c);
dl_render_connector *rm_connector(rctx *c);
dl_render_lane *rm_lane(rctx *c);
dl_render_card *rm_card(rctx *c);
dl_render_tick *rm_tick(rctx *c, size_t *cap);
dl_render_gap *rm_gap(rctx *c, size_t *cap);

/* Whether an entity is `want`: its canonical name, country or actor code
 * (ASCII case ignored). */
bool r_entity_matches(const dl_entity *e, const char *want);
/* Marker radius for a number of sources. */
double r_marker_radius(size_t sources);
/* "Vladimir Putin (RUS)", "NATO", "unknown". */
void r_entity_name(const dl_entity *e, bool with_country, char *buf, size_t size);
/* "Consult ×5, Accuse ×3, …" for a set of events; malloc'd. */
char *r_action_summary(rev *const *evs, size_t n, int max_items);
/* Most frequent quad class among events. */
int r_majority_quad(rev *const *evs, size_t n);
/* Date text of an event at its granularity: "10 Feb 2022", "Feb 2022". */
void r_date_text(const rev *e, char *buf, size_t size);

/* Title, date range and legend from the top; returns the y below them. */
double r_header(rctx *c);
/* Footer with the figures at y (its top); returns its height. */
double r_footer(rctx *c, double y);
double r_footer_height(rctx *c);

/* The layouts: fill c->m below y_top.  height 0: as tall as needed. */
dl_status r_layout_lanes(rctx *c, double y_top);
dl_status r_layout_list(rctx *c, double y_top);
/* The axis under the lanes: ticks, labels, gaps at y (the axis line).
 * Returns the height it takes below y. */
double r_axis(rctx *c, const rscale *s, double y);
/* Height the axis will take (before it is built). */
double r_axis_height(void);

/* ---- Themes (draw.c) ----------------------------------------------------- */
typedef struct rrgb {
    double r, g, b;
} rrgb;

typedef struct rtheme {
    rrgb bg, fg, muted, grid, band, axis, card, card_line, halo;
    rrgb quad[5];        /* 0 unknown, 1-4 quad classes */
    bool hollow_verbal;  /* print: verbal classes drawn as outlines */
} rtheme;

const rtheme *r_theme(dl_theme t);

#endif
