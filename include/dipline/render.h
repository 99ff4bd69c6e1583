/*
 * dipline/render.h - timeline pictures: PNG, SVG and PDF from one drawing code.
 *
 * Two steps.  dl_render_layout() turns a list of events and options into a
 * layout model: plain structs holding every position on the canvas (axis
 * ticks and their labels, lanes, markers, connectors, cards, label boxes with
 * their measured text extents, legend, title, footer).  dl_render_draw() then
 * paints a model on any cairo context, and dl_render_write() / _to_buffer()
 * make a PNG, SVG or PDF of it.  The model can be inspected (tests do) or
 * drawn on a surface of your own.
 *
 * Units: model coordinates are CSS pixels (1/96 inch).  An SVG is written in
 * px, a PDF scaled to points (1 px = 0.75 pt), a PNG at `dpi` (96: 1 px).
 *
 * Text is measured and drawn with pango through a private fontconfig
 * configuration (data/fonts.conf, compiled in) that knows only the DejaVu
 * fonts of Debian's fonts-dejavu-core (/usr/share/fonts/truetype/dejavu),
 * with hinting off, so the layout does not depend on the user's fonts or
 * screen ($DIPLINE_FONT_DIR names another folder holding DejaVuSans.ttf and
 * DejaVuSans-Bold.ttf, for systems that keep them elsewhere).  The first layout makes that configuration the process's current
 * fontconfig configuration.  The renderer serialises itself with a mutex;
 * call dl_render_cleanup() at exit to release the font caches.
 */
#ifndef DIPLINE_RENDER_H
#define DIPLINE_RENDER_H

#include <cairo.h>

#include "dipline/common.h"
#include "dipline/event.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { DL_LAYOUT_AUTO = 0, DL_LAYOUT_LANES, DL_LAYOUT_LIST } dl_layout_kind;
typedef enum { DL_THEME_LIGHT = 0, DL_THEME_DARK, DL_THEME_PRINT } dl_theme;
/* What a lane stands for in the lanes layout. */
typedef enum { DL_LANES_AUTO = 0, DL_LANES_ACTOR, DL_LANES_COUNTRY } dl_lane_key;
typedef enum { DL_IMAGE_NONE = 0, DL_IMAGE_PNG, DL_IMAGE_SVG, DL_IMAGE_PDF } dl_image_format;

typedef struct dl_render_options {
    dl_layout_kind layout;  /* AUTO: a list for a few events, lanes otherwise */
    dl_lane_key lanes;      /* AUTO: actors when they fit, else countries */
    dl_theme theme;
    double width;           /* px; 0: 1200 */
    double height;          /* px; 0: as tall as the content needs */
    const char *title;      /* NULL: a title naming the main actors */
    dl_day from, to;        /* inclusive; DL_DAY_NONE: no limit */
    /* Only events whose actor or target matches one of these (canonical
     * name, country code or actor code; ASCII case ignored); they also get
     * the lanes, in this order.  NULL/0: everyone. */
    const char *const *actors;
    size_t n_actors;
    size_t max_lanes;       /* 0: 10 (plus one "other actors" lane) */
    double dpi;             /* PNG resolution; 0: 96 */
    /* PDF creation date (ISO 8601, "2022-02-10T00:00:00Z").  NULL: from
     * $SOURCE_DATE_EPOCH, else the last event's day, so the same timeline
     * always gives the same bytes. */
    const char *pdf_date;
} dl_render_options;

/* Defaults: everything automatic, from/to open (DL_DAY_NONE). */
void dl_render_options_init(dl_render_options *o);

/* ---- The layout model ----------------------------------------------------- */

typedef struct dl_rect {
    double x, y, w, h;
} dl_rect;

/* What a piece of text is: chooses its font and colour. */
typedef enum {
    DL_TEXT_TITLE = 0,
    DL_TEXT_SUBTITLE,   /* date range under the title */
    DL_TEXT_LEGEND,
    DL_TEXT_AXIS,       /* minor tick label: "10", "Feb", "2022" */
    DL_TEXT_AXIS_MAJOR, /* second axis row: "February 2022" */
    DL_TEXT_GAP,        /* length of a compressed empty stretch: "5 mo" */
    DL_TEXT_LANE,       /* lane name */
    DL_TEXT_LANE_NOTE,  /* under a lane name: country, event count */
    DL_TEXT_EVENT,      /* an event's label beside its marker */
    DL_TEXT_CLUSTER,    /* a cluster's label: "Consult ×5, Accuse ×3" */
    DL_TEXT_DATE,       /* list layout: the date column */
    DL_TEXT_HEADLINE,   /* list layout: actor → action → target */
    DL_TEXT_QUOTE,      /* list layout: the quote */
    DL_TEXT_META,       /* list layout: code, sources */
    DL_TEXT_NOTE,       /* list layout: "4 months later", "+12 more" */
    DL_TEXT_FOOTER,
    DL_TEXT_N_KINDS
} dl_text_kind;

typedef enum { DL_ALIGN_LEFT = 0, DL_ALIGN_CENTER, DL_ALIGN_RIGHT } dl_align;

/* A piece of text: drawn with its logical box's top-left at (box.x, box.y);
 * box.w/h are the extents pango measured.  Lines are split by '\n'. */
typedef struct dl_render_label {
    char *text;          /* owned */
    dl_rect box;
    dl_text_kind kind;
    dl_align align;      /* of lines within the box */
    long marker;         /* the marker it belongs to, or -1 */
} dl_render_label;

/* An event, or a cluster of events, on the canvas. */
typedef struct dl_render_marker {
    double x, y;         /* centre */
    double r;            /* radius; half the height of a cluster's pill */
    dl_rect box;         /* what it covers (a pill is wider than 2r) */
    double span_x0, span_x1; /* the time it covers: a bar behind it, when wider than the marker */
    int quadclass;       /* 1-4, 0 unknown (a cluster: its most frequent) */
    size_t sources;      /* distinct articles reporting it (a cluster: events) */
    size_t count;        /* events it stands for: 1, or a cluster's size */
    long lane;           /* lanes layout: lane index; -1 in the list layout */
    int tier;            /* row within the lane, 0 at the top */
    size_t event;        /* index (in the filtered, ordered events) of its first event */
} dl_render_marker;

/* Lanes layout: a line from an event to its target's lane. */
typedef struct dl_render_connector {
    double x, y0, y1;    /* vertical, from the marker (y0) to the target lane (y1) */
    int quadclass;
    long from_lane, to_lane;
} dl_render_connector;

typedef struct dl_render_lane {
    char *key;           /* owned: actor name or country code ("" for other) */
    dl_rect box;         /* the lane's band across the canvas */
    size_t n_events;
    int tiers;           /* rows of markers in it */
    bool other;          /* the "other actors" lane */
} dl_render_lane;

typedef struct dl_render_tick {
    double x;
    bool major;          /* start of a larger unit (month, year): longer, gridline */
} dl_render_tick;

/* An empty stretch of time squeezed to a fixed width. */
typedef struct dl_render_gap {
    double x0, x1;
    dl_day from, to;     /* the days left out, inclusive */
} dl_render_gap;

typedef enum {
    DL_UNIT_HOUR = 0, DL_UNIT_3HOURS, DL_UNIT_6HOURS, DL_UNIT_12HOURS,
    DL_UNIT_DAY, DL_UNIT_2DAYS, DL_UNIT_WEEK, DL_UNIT_MONTH, DL_UNIT_QUARTER,
    DL_UNIT_YEAR, DL_UNIT_2YEARS, DL_UNIT_5YEARS, DL_UNIT_10YEARS, DL_UNIT_NONE
} dl_time_unit;

typedef struct dl_render_axis {
    double y;            /* the axis line */
    double x0, x1;       /* the plot's horizontal extent */
    dl_day d0, d1;       /* first and last day shown */
    double px_per_day;
    dl_time_unit minor, major; /* major DL_UNIT_NONE: one row */
    dl_render_tick *ticks;
    size_t n_ticks;
    dl_render_gap *gaps;
    size_t n_gaps;
} dl_render_axis;

/* List layout: an event card (or a "+N more" summary). */
typedef struct dl_render_card {
    dl_rect box;
    long marker;         /* its marker on the spine */
    bool summary;        /* stands for several events */
} dl_render_card;

typedef struct dl_render_swatch {
    dl_rect box;         /* where the sample marker is drawn */
    int quadclass;       /* 1-4; 0: the marker-size key */
} dl_render_swatch;

typedef struct dl_render_model {
    double width, height;
    dl_layout_kind layout;   /* the one chosen */
    dl_lane_key lane_key;    /* the one chosen (lanes layout) */
    dl_theme theme;
    dl_rect plot;            /* lanes: the area of the lanes; list: the cards column */
    dl_render_axis axis;     /* lanes layout only (n_ticks 0 otherwise) */
    double spine_x, spine_y0, spine_y1; /* list layout: the vertical time line */

    dl_render_label *labels;  size_t n_labels;
    dl_render_marker *markers; size_t n_markers;
    dl_render_connector *connectors; size_t n_connectors;
    dl_render_lane *lanes;    size_t n_lanes;
    dl_render_card *cards;    size_t n_cards;
    dl_render_swatch *legend; size_t n_legend;

    /* Figures for the footer and for callers. */
    size_t n_events;     /* events drawn (after --from/--to/--actors) */
    size_t n_articles;   /* distinct articles among their mentions */
    size_t n_clusters;   /* markers standing for several events */
    size_t n_clustered;  /* events inside clusters */
    size_t n_undated;    /* events left out: no usable date */
    size_t n_filtered;   /* events left out by --from/--to/--actors */
    size_t n_hidden;     /* events that did not fit a fixed --height */
    size_t n_short;      /* labels shortened with "…" to fit */
    dl_day first, last;  /* date range of the drawn events */
    char *pdf_date;      /* owned: creation date written into a PDF */
    char *title;         /* owned: the title text (also in labels) */
} dl_render_model;

/* Lay out `events` (any order: they are sorted by date, stably).  On success
 * *out is a new model (free with dl_render_model_free).  DL_ERR_INPUT when
 * no event is left to draw, DL_ERR_USAGE for impossible options. */
dl_status dl_render_layout(const dl_event *events, size_t n, const dl_render_options *opts,
                           dl_render_model **out, dl_error *err);
void dl_render_model_free(dl_render_model *m);

/* Draw the model on cr in model units (px): scale cr first for another
 * resolution.  cr's state is saved and restored. */
dl_status dl_render_draw(const dl_render_model *m, cairo_t *cr, dl_error *err);

/* The format named by a file name's extension (.png .svg .pdf, any case);
 * DL_IMAGE_NONE when it names none. */
dl_image_format dl_image_format_from_path(const char *path);
/* "png" ... -> format; DL_IMAGE_NONE for an unknown name. */
dl_image_format dl_image_format_parse(const char *name);

/* Render to memory: *data is malloc'd (caller frees).  `dpi` matters for
 * PNG only (0: 96).  SVG element ids and PDF dates are fixed, so the same
 * model always gives the same bytes. */
dl_status dl_render_to_buffer(const dl_render_model *m, dl_image_format fmt, double dpi,
                              unsigned char **data, size_t *len, dl_error *err);
/* Render to a file, whole or not at all (a temporary file beside `path`,
 * renamed over it).  fmt DL_IMAGE_NONE: from the extension.  "-" writes to
 * standard output (fmt required). */
dl_status dl_render_write(const dl_render_model *m, const char *path, dl_image_format fmt,
                          double dpi, dl_error *err);
/* Layout and write in one go (what `dipline build -o` needs). */
dl_status dl_render_file(const dl_event *events, size_t n, const dl_render_options *opts,
                         const char *path, dl_error *err);

/* Release the renderer's fonts and the static caches of cairo, pango and
 * fontconfig (for leak checkers, at exit).  Rendering again afterwards
 * starts afresh. */
void dl_render_cleanup(void);

#ifdef __cplusplus
}
#endif
#endif
