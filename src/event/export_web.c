/* export_web.c - timelines for the web from the same events:
 *
 * `--format timelinejs`: Knight Lab TimelineJS 3 JSON: {"events": [slide...],
 * "title": slide}.  A slide has "unique_id", "start_date" (and "end_date"
 * for a week, quarter, ... ) as {"year", "month", "day"} down to the
 * event's precision, "display_date" when the precision is not a day, month
 * or year, "text" {"headline": "Actor → Target: Action", "text": the
 * quotation, the sentence, the date's basis and the sources; both HTML} and
 * "group" = the actor, so each actor gets a row.
 *
 * `--format vis`: items and groups for vis-timeline: {"items": [{"id",
 * "content", "start", "end" (exclusive, for ranges), "type", "group",
 * "title", "className": "quadN", "event_id"}], "groups": [{"id",
 * "content"}]} - `new vis.Timeline(el, data.items, data.groups)`.
 *
 * Both stream: the wrapper opens at the first event and closes in finish,
 * which adds what needs the whole list (the title slide; the groups). */
#include <jansson.h>
#include <string.h>

#include "export.h"

/* Append s with the HTML special characters escaped. */
static void html(dl_buf *b, const char *s) {
    for (; s && *s; s++) {
        switch (*s) {
        case '<': dl_buf_puts(b, "&lt;"); break;
        case '>': dl_buf_puts(b, "&gt;"); break;
        case '&': dl_buf_puts(b, "&amp;"); break;
        case '"': dl_buf_puts(b, "&quot;"); break;
        default: dl_buf_putc(b, *s);
        }
    }
}

/* The action's label without the codebook's ", not specified below". */
static void label(dl_buf *b, const dl_action *a) {
    const char *l = a->label ? a->label : a->code;
    const char *cut = strstr(l, ", not specified below");
    dl_buf_append(b, l, cut ? (size_t)(cut - l) : strlen(l));
}

/* "Sergey Lavrov → Liz Truss: Accuse" (plain text) into x->tmp from pos. */
static void headline(dl_export *x, const dl_event *ev) {
    ex_entity_label(x, &ev->actor, &x->tmp);
    if (!x->tmp.len) dl_buf_puts(&x->tmp, "(unknown)");
    if (ev->has_target) {
        dl_buf_puts(&x->tmp, " \xe2\x86\x92 ");
        ex_entity_label(x, &ev->target, &x->tmp);
    }
    dl_buf_puts(&x->tmp, ": ");
    label(&x->tmp, &ev->action);
    if (ev->negated) dl_buf_puts(&x->tmp, " (negated)");
    if (ev->hypothetical) dl_buf_puts(&x->tmp, " (hypothetical)");
}

/* The actor's row label. */
static char *group_label(dl_export *x, const dl_event *ev) {
    dl_buf_reset(&x->tmp);
    ex_entity_label(x, &ev->actor, &x->tmp);
    if (!x->tmp.len) dl_buf_puts(&x->tmp, "(unknown)");
    return x->tmp.data;
}

static json_t *tl_date(dl_day d, dl_granularity g) {
    int y, m, dd;
    dl_day_to_ymd(d, &y, &m, &dd);
    json_t *o = json_object();
    json_object_set_new(o, "year", json_integer(y));
    if (g < DL_GRAN_YEAR) json_object_set_new(o, "month", json_integer(m));
    if (g <= DL_GRAN_WEEK) json_object_set_new(o, "day", json_integer(dd));
    return o;
}

/* The slide text: quotation, sentence, date basis, sources (HTML). */
static void slide_text(dl_export *x, const dl_event *ev, dl_buf *b) {
    if (ev->quote) {
        dl_buf_puts(b, "<blockquote>");
        html(b, ev->quote);
        dl_buf_puts(b, "</blockquote>");
    }
    if (ev->n_mentions && ev->mentions[0].text) {
        dl_buf_puts(b, "<p>");
        html(b, ev->mentions[0].text);
        dl_buf_puts(b, "</p>");
    }
    dl_buf_puts(b, "<p>Date: ");
    html(b, ev->date.when.value);
    if (dl_event_date_by_publication(&ev->date)) dl_buf_puts(b, " (publication date)");
    else {
        /* inferred: the story's day, from an earlier sentence */
        dl_buf_puts(b, ev->date.inferred ? " (from the story: &ldquo;" : " (&ldquo;");
        html(b, ev->date.basis);
        dl_buf_puts(b, "&rdquo;)");
    }
    dl_buf_puts(b, ". CAMEO ");
    html(b, ev->action.code);
    dl_buf_puts(b, ".</p><p>Sources: ");
    size_t it = 0, k = 0;
    for (const char *id; (id = ex_next_article(ev, &it)); k++) {
        const dl_article_info *a = ex_article(x, id);
        if (k) dl_buf_puts(b, "; ");
        if (a && a->url) {
            dl_buf_puts(b, "<a href=\"");
            html(b, a->url);
            dl_buf_puts(b, "\">");
        }
        html(b, a && a->title ? a->title : id);
        if (a && a->url) dl_buf_puts(b, "</a>");
        if (a && (a->source || a->published)) {
            dl_buf_puts(b, " (");
            html(b, a->source);
            if (a->source && a->published) dl_buf_puts(b, ", ");
            html(b, a->published);
            dl_buf_putc(b, ')');
        }
    }
    dl_buf_puts(b, ".</p>");
}

/* Write one object as compact JSON after a separator. */
static dl_status emit(dl_export *x, json_t *o) {
    char *s = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6)) : NULL;
    json_decref(o);
    if (!s) return DL_ERR_NOMEM;
    fputs(x->n_out++ ? ",\n  " : "\n  ", x->f);
    fputs(s, x->f);
    free(s);
    return DL_OK;
}

/* ---- TimelineJS ---------------------------------------------------------- */

static void tl_begin(dl_export *x) { fputs("{\"events\": [", x->f); }

static dl_status tl_event(dl_export *x, const dl_event *ev) {
    const dl_when *w = &ev->date.when;
    if (w->start == DL_DAY_NONE) return DL_OK; /* TimelineJS needs a start */
    json_t *o = json_object();
    char id[96];
    size_t k = (size_t)snprintf(id, sizeof id, "e%zu-", x->n_events + 1);
    for (const char *p = ev->id ? ev->id : ""; *p && k + 1 < sizeof id; p++)
        id[k++] = dl_isalpha((unsigned char)*p) || dl_isdigit((unsigned char)*p) ? *p : '-';
    id[k] = 0;
    json_object_set_new(o, "unique_id", json_string(id));
    dl_granularity g = w->granularity ? w->granularity : DL_GRAN_DAY;
    json_object_set_new(o, "start_date", tl_date(w->start, g));
    if (w->end != DL_DAY_NONE && w->end != w->start && g != DL_GRAN_MONTH && g != DL_GRAN_YEAR)
        json_object_set_new(o, "end_date", tl_date(w->end, g));
    if (g != DL_GRAN_DAY && g != DL_GRAN_TIME && g != DL_GRAN_MONTH && g != DL_GRAN_YEAR)
        json_object_set_new(o, "display_date", json_string(w->value));
    dl_buf_reset(&x->tmp);
    headline(x, ev);
    json_t *text = json_object();
    dl_buf_reset(&x->row);
    html(&x->row, x->tmp.data); /* TimelineJS reads both as HTML */
    json_object_set_new(text, "headline", json_string(x->row.data ? x->row.data : ""));
    dl_buf_reset(&x->row);
    slide_text(x, ev, &x->row);
    json_object_set_new(text, "text", json_string(x->row.data ? x->row.data : ""));
    json_object_set_new(o, "text", text);
    json_object_set_new(o, "group", json_string(group_label(x, ev)));
    if (x->tmp.failed || x->row.failed) {
        json_decref(o);
        return DL_ERR_NOMEM;
    }
    return emit(x, o);
}

static void tl_finish(dl_export *x) {
    dl_buf_reset(&x->tmp);
    dl_buf_printf(&x->tmp, "%zu events from %zu article%s. Made with %s.", x->n_out, x->arts.n,
                  x->arts.n == 1 ? "" : "s", x->generator);
    json_t *t = json_pack("{s:{s:s,s:s}}", "text", "headline", "Diplomatic events", "text",
                          x->tmp.data ? x->tmp.data : "");
    char *s = t ? json_dumps(t, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    json_decref(t);
    fprintf(x->f, "%s],\n\"title\": %s}\n", x->n_out ? "\n" : "", s ? s : "{}");
    if (!s) x->tmp.failed = true;
    free(s);
}

const ex_ops dl_ex_timelinejs = {tl_begin, tl_event, tl_finish};

/* ---- vis-timeline ------------------------------------------------------- */

static void vis_begin(dl_export *x) { fputs("{\"items\": [", x->f); }

static dl_status vis_event(dl_export *x, const dl_event *ev) {
    const dl_when *w = &ev->date.when;
    if (w->start == DL_DAY_NONE) return DL_OK;
    size_t grp = ex_group(x, group_label(x, ev));
    if (grp == SIZE_MAX) return DL_ERR_NOMEM;
    char start[16], end[16];
    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer((json_int_t)x->n_out + 1));
    dl_buf_reset(&x->tmp);
    headline(x, ev);
    dl_buf_reset(&x->row);
    html(&x->row, x->tmp.data);
    json_object_set_new(o, "content", json_string(x->row.data ? x->row.data : ""));
    json_object_set_new(o, "start", json_string(dl_day_format(w->start, start)));
    bool range = w->end != DL_DAY_NONE && w->end > w->start;
    if (range) json_object_set_new(o, "end", json_string(dl_day_format(w->end + 1, end)));
    json_object_set_new(o, "type", json_string(range ? "range" : "box"));
    json_object_set_new(o, "group", json_integer((json_int_t)grp));
    dl_buf_reset(&x->row);
    if (ev->n_mentions && ev->mentions[0].text) html(&x->row, ev->mentions[0].text);
    json_object_set_new(o, "title", json_string(x->row.data ? x->row.data : ""));
    char cls[16];
    snprintf(cls, sizeof cls, "quad%d", ev->action.quadclass);
    json_object_set_new(o, "className", json_string(cls));
    if (ev->id) json_object_set_new(o, "event_id", json_string(ev->id));
    if (x->tmp.failed || x->row.failed) {
        json_decref(o);
        return DL_ERR_NOMEM;
    }
    return emit(x, o);
}

static void vis_finish(dl_export *x) {
    fprintf(x->f, "%s],\n\"groups\": [", x->n_out ? "\n" : "");
    for (size_t i = 0; i < x->groups.n; i++) {
        json_t *g = json_pack("{s:I,s:s}", "id", (json_int_t)i, "content", "");
        dl_buf_reset(&x->row);
        html(&x->row, x->groups.v[i]);
        if (g) json_object_set_new(g, "content", json_string(x->row.data ? x->row.data : ""));
        char *s = g ? json_dumps(g, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
        json_decref(g);
        if (!s) {
            x->tmp.failed = true;
            break;
        }
        fprintf(x->f, "%s\n  %s", i ? "," : "", s);
        free(s);
    }
    fprintf(x->f, "%s]}\n", x->groups.n ? "\n" : "");
}

const ex_ops dl_ex_vis = {vis_begin, vis_event, vis_finish};
