/* draw.c - paint a layout model on a cairo context.  Nothing is placed
 * here: every position comes from the model; this file only chooses
 * colours (the themes) and shapes.
 *
 * Quad classes are told apart by colour (Okabe-Ito, safe for colour-blind
 * readers) and by shape (cooperation round, conflict a diamond); the print
 * theme also draws verbal events hollow, so a grey photocopy keeps all four
 * apart. */
#include <math.h>
#include <stdio.h>

#include "render_private.h"

#define RGB(h) {((h) >> 16 & 255) / 255.0, ((h) >> 8 & 255) / 255.0, ((h)&255) / 255.0}

static const rtheme themes[] = {
    [DL_THEME_LIGHT] = {RGB(0xffffff), RGB(0x1f2328), RGB(0x5f6670), RGB(0xe4e7eb), RGB(0xf3f5f7), RGB(0x4a4f57),
                        RGB(0xfafbfc), RGB(0xd3d8de), RGB(0xffffff),
                        {RGB(0x8c8c8c), RGB(0x0072b2), RGB(0x009e73), RGB(0xe69f00), RGB(0xd55e00)}, false},
    [DL_THEME_DARK] = {RGB(0x14171c), RGB(0xe6e8eb), RGB(0x9ba3ae), RGB(0x2b3038), RGB(0x1b1f26), RGB(0xaab1bb),
                       RGB(0x1d2229), RGB(0x3a414b), RGB(0x14171c),
                       {RGB(0x9a9a9a), RGB(0x56b4e9), RGB(0x009e73), RGB(0xe69f00), RGB(0xd55e00)}, false},
    [DL_THEME_PRINT] = {RGB(0xffffff), RGB(0x000000), RGB(0x333333), RGB(0xc4c4c4), RGB(0xffffff), RGB(0x000000),
                        RGB(0xffffff), RGB(0x8a8a8a), RGB(0xffffff),
                        {RGB(0x777777), RGB(0x0072b2), RGB(0x009e73), RGB(0xe69f00), RGB(0xd55e00)}, true},
};

const rtheme *r_theme(dl_theme t) {
    return &themes[t >= DL_THEME_LIGHT && t <= DL_THEME_PRINT ? t : DL_THEME_LIGHT];
}

static void set(cairo_t *cr, rrgb c, double a) { cairo_set_source_rgba(cr, c.r, c.g, c.b, a); }

static void rounded(cairo_t *cr, dl_rect b, double r) {
    r = fmin(r, fmin(b.w, b.h) / 2);
    cairo_new_sub_path(cr);
    cairo_arc(cr, b.x + b.w - r, b.y + r, r, -M_PI / 2, 0);
    cairo_arc(cr, b.x + b.w - r, b.y + b.h - r, r, 0, M_PI / 2);
    cairo_arc(cr, b.x + r, b.y + b.h - r, r, M_PI / 2, M_PI);
    cairo_arc(cr, b.x + r, b.y + r, r, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr);
}

/* Cooperation round, conflict a diamond, unknown a square. */
static void shape(cairo_t *cr, int quad, double x, double y, double r) {
    cairo_new_path(cr);
    if (quad == 1 || quad == 2) {
        cairo_arc(cr, x, y, r, 0, 2 * M_PI);
    } else if (quad == 3 || quad == 4) {
        double d = r * 1.15;
        cairo_move_to(cr, x, y - d);
        cairo_line_to(cr, x + d, y);
        cairo_line_to(cr, x, y + d);
        cairo_line_to(cr, x - d, y);
    } else {
        cairo_rectangle(cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
    }
    cairo_close_path(cr);
}

static void paint_shape(cairo_t *cr, const rtheme *th, int quad, double x, double y, double r) {
    shape(cr, quad, x, y, r);
    if (th->hollow_verbal && (quad == 1 || quad == 3)) {
        set(cr, th->bg, 1);
        cairo_fill_preserve(cr);
        set(cr, th->quad[quad], 1);
        cairo_set_line_width(cr, 1.8);
        cairo_stroke(cr);
        return;
    }
    set(cr, th->quad[quad], 1);
    cairo_fill_preserve(cr);
    set(cr, th->bg, 1); /* a thin outline keeps touching markers apart */
    cairo_set_line_width(cr, 1);
    cairo_stroke(cr);
}

static void draw_marker(cairo_t *cr, const rtheme *th, const dl_render_marker *mk) {
    if (mk->span_x1 - mk->span_x0 > 2 * mk->r) {
        set(cr, th->quad[mk->quadclass], mk->count > 1 ? 0.5 : 0.35);
        if (mk->count > 1) {
            cairo_set_line_width(cr, 1.5);
            cairo_move_to(cr, mk->span_x0, mk->y);
            cairo_line_to(cr, mk->span_x1, mk->y);
            cairo_stroke(cr);
        } else {
            rounded(cr, (dl_rect){mk->span_x0, mk->y - 3, mk->span_x1 - mk->span_x0, 6}, 3);
            cairo_fill(cr);
        }
    }
    if (mk->count <= 1) {
        paint_shape(cr, th, mk->quadclass, mk->x, mk->y, mk->r);
        return;
    }
    /* a cluster: a pill with the number of events */
    rounded(cr, mk->box, mk->box.h / 2);
    set(cr, th->quad[mk->quadclass], 1);
    cairo_fill_preserve(cr);
    set(cr, th->bg, 1);
    cairo_set_line_width(cr, 1);
    cairo_stroke(cr);
    char num[32];
    snprintf(num, sizeof num, "%zu", mk->count);
    double w, h;
    rt_size(RT_BADGE, num, &w, &h);
    rrgb q = th->quad[mk->quadclass];
    if (0.2126 * q.r + 0.7152 * q.g + 0.0722 * q.b > 0.5) cairo_set_source_rgb(cr, 0, 0, 0); /* dark on light colours */
    else cairo_set_source_rgb(cr, 1, 1, 1);
    rt_draw(cr, RT_BADGE, num, mk->x - w / 2, mk->y - h / 2, DL_ALIGN_LEFT);
}

static void draw_connector(cairo_t *cr, const rtheme *th, const dl_render_connector *cn) {
    double dir = cn->y1 > cn->y0 ? 1 : -1;
    set(cr, th->quad[cn->quadclass], 0.6);
    cairo_set_line_width(cr, 1.2);
    cairo_move_to(cr, cn->x, cn->y0);
    cairo_line_to(cr, cn->x, cn->y1 - dir * 4);
    cairo_stroke(cr);
    cairo_move_to(cr, cn->x, cn->y1);
    cairo_line_to(cr, cn->x - 3.5, cn->y1 - dir * 6);
    cairo_line_to(cr, cn->x + 3.5, cn->y1 - dir * 6);
    cairo_close_path(cr);
    cairo_fill(cr);
}

/* A zig-zag across the lanes where time is left out. */
static void draw_break(cairo_t *cr, const rtheme *th, double x, double y0, double y1) {
    set(cr, th->muted, 0.8);
    cairo_set_line_width(cr, 1);
    cairo_move_to(cr, x, y0);
    int k = 0;
    for (double y = y0 + 4; y < y1; y += 4, k++) cairo_line_to(cr, x + (k % 2 ? 2.5 : -2.5), y);
    cairo_line_to(cr, x, y1);
    cairo_stroke(cr);
}

static rrgb label_colour(const rtheme *th, dl_text_kind k) {
    switch (k) {
    case DL_TEXT_SUBTITLE:
    case DL_TEXT_AXIS:
    case DL_TEXT_GAP:
    case DL_TEXT_LANE_NOTE:
    case DL_TEXT_QUOTE:
    case DL_TEXT_META:
    case DL_TEXT_NOTE:
    case DL_TEXT_FOOTER: return th->muted;
    default: return th->fg;
    }
}

static void draw_lanes(cairo_t *cr, const rtheme *th, const dl_render_model *m) {
    for (size_t i = 0; i < m->n_lanes; i++) {
        const dl_rect *b = &m->lanes[i].box;
        if (i % 2 == 1 && !th->hollow_verbal) {
            set(cr, th->band, 1);
            cairo_rectangle(cr, b->x, b->y, b->w, b->h);
            cairo_fill(cr);
        }
        set(cr, th->grid, 1);
        cairo_set_line_width(cr, 1);
        cairo_move_to(cr, b->x, b->y + b->h);
        cairo_line_to(cr, b->x + b->w, b->y + b->h);
        cairo_stroke(cr);
    }
    if (m->n_lanes) {
        set(cr, th->grid, 1);
        cairo_move_to(cr, m->lanes[0].box.x, m->plot.y);
        cairo_line_to(cr, m->lanes[0].box.x + m->lanes[0].box.w, m->plot.y);
        cairo_move_to(cr, m->plot.x - 8, m->plot.y);
        cairo_line_to(cr, m->plot.x - 8, m->plot.y + m->plot.h);
        cairo_stroke(cr);
    }
}

static void draw_axis(cairo_t *cr, const rtheme *th, const dl_render_model *m) {
    const dl_render_axis *ax = &m->axis;
    if (!ax->n_ticks && !ax->n_gaps) return;
    double top = m->plot.y, y = ax->y;
    /* grid: every major tick, and minor ones when they are not crowded */
    double spacing = ax->n_ticks > 1 ? (ax->x1 - ax->x0) / (double)ax->n_ticks : 0;
    cairo_set_line_width(cr, 1);
    for (size_t i = 0; i < ax->n_ticks; i++) {
        const dl_render_tick *t = &ax->ticks[i];
        if (!t->major && spacing < 24) continue;
        set(cr, th->grid, t->major ? 1 : 0.6);
        cairo_move_to(cr, t->x, top);
        cairo_line_to(cr, t->x, y);
        cairo_stroke(cr);
    }
    /* the axis line, segment by segment */
    set(cr, th->axis, 1);
    double x = ax->x0;
    for (size_t g = 0; g <= ax->n_gaps; g++) {
        double end = g < ax->n_gaps ? ax->gaps[g].x0 : ax->x1;
        cairo_move_to(cr, x, y);
        cairo_line_to(cr, end, y);
        if (g < ax->n_gaps) x = ax->gaps[g].x1;
    }
    cairo_stroke(cr);
    double major_len = r_axis_height() - rt_line_height(DL_TEXT_AXIS_MAJOR);
    for (size_t i = 0; i < ax->n_ticks; i++) {
        const dl_render_tick *t = &ax->ticks[i];
        cairo_move_to(cr, t->x, y);
        cairo_line_to(cr, t->x, y + (t->major ? major_len : 5));
    }
    cairo_stroke(cr);
    for (size_t g = 0; g < ax->n_gaps; g++) {
        const dl_render_gap *gp = &ax->gaps[g];
        set(cr, th->bg, 1);
        cairo_rectangle(cr, gp->x0 + 1, top, gp->x1 - gp->x0 - 2, y - top);
        cairo_fill(cr);
        draw_break(cr, th, gp->x0 + 3, top, y + 5);
        draw_break(cr, th, gp->x1 - 3, top, y + 5);
    }
}

static void draw_legend(cairo_t *cr, const rtheme *th, const dl_render_model *m) {
    for (size_t i = 0; i < m->n_legend; i++) {
        const dl_render_swatch *s = &m->legend[i];
        double cy = s->box.y + s->box.h / 2;
        if (s->quadclass) {
            paint_shape(cr, th, s->quadclass, s->box.x + s->box.w / 2, cy, 5.5);
            continue;
        }
        /* marker size key: 1, 3 and 10 sources */
        const size_t n[3] = {1, 3, 10};
        double x = s->box.x;
        for (int k = 0; k < 3; k++) {
            double r = r_marker_radius(n[k]);
            set(cr, th->muted, 1);
            cairo_new_path(cr);
            cairo_arc(cr, x + r, cy, r, 0, 2 * M_PI);
            cairo_fill(cr);
            x += 2 * r + 2;
        }
    }
}

dl_status dl_render_draw(const dl_render_model *m, cairo_t *cr, dl_error *err) {
    if (!m || !cr) return dl_error_set(err, DL_ERR_USAGE, NULL, -1, -1, "nothing to draw");
    const rtheme *th = r_theme(m->theme);
    rt_lock();
    dl_status st = rt_init(err);
    if (st != DL_OK) {
        rt_unlock();
        return st;
    }
    cairo_save(cr);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    set(cr, th->bg, 1);
    cairo_rectangle(cr, 0, 0, m->width, m->height);
    cairo_fill(cr);

    draw_lanes(cr, th, m);
    draw_axis(cr, th, m);
    if (m->layout == DL_LAYOUT_LIST && m->n_markers) {
        set(cr, th->axis, 0.5);
        cairo_set_line_width(cr, 2);
        cairo_move_to(cr, m->spine_x, m->spine_y0 - 10);
        cairo_line_to(cr, m->spine_x, m->spine_y1 + 10);
        cairo_stroke(cr);
    }
    for (size_t i = 0; i < m->n_cards; i++) {
        const dl_render_card *cd = &m->cards[i];
        rounded(cr, cd->box, 6);
        set(cr, th->card, 1);
        cairo_fill_preserve(cr);
        set(cr, th->card_line, 1);
        cairo_set_line_width(cr, 1);
        cairo_stroke(cr);
        int q = cd->marker >= 0 ? m->markers[cd->marker].quadclass : 0;
        set(cr, th->quad[q], 1);
        rounded(cr, (dl_rect){cd->box.x, cd->box.y, 4, cd->box.h}, 2);
        cairo_fill(cr);
    }
    for (size_t i = 0; i < m->n_connectors; i++) draw_connector(cr, th, &m->connectors[i]);
    for (size_t i = 0; i < m->n_markers; i++) draw_marker(cr, th, &m->markers[i]);
    draw_legend(cr, th, m);
    for (size_t i = 0; i < m->n_labels; i++) {
        const dl_render_label *l = &m->labels[i];
        if (l->kind == DL_TEXT_EVENT || l->kind == DL_TEXT_CLUSTER) {
            /* a halo of the lane's colour keeps text readable over connectors */
            long lane = l->marker >= 0 ? m->markers[l->marker].lane : -1;
            rrgb under = lane >= 0 && lane % 2 == 1 && !th->hollow_verbal ? th->band : th->bg;
            set(cr, under, 0.85);
            cairo_rectangle(cr, l->box.x - 1, l->box.y + 1, l->box.w + 2, l->box.h - 2);
            cairo_fill(cr);
        }
        set(cr, label_colour(th, l->kind), 1);
        rt_draw(cr, l->kind, l->text, l->box.x, l->box.y, l->align);
    }
    cairo_restore(cr);
    rt_unlock();
    cairo_status_t cs = cairo_status(cr);
    if (cs != CAIRO_STATUS_SUCCESS)
        return dl_error_set(err, cs == CAIRO_STATUS_NO_MEMORY ? DL_ERR_NOMEM : DL_ERR_IO, NULL, -1, -1,
                            "drawing failed: %s", cairo_status_to_string(cs));
    return DL_OK;
}
