/* export_csv.c - `--format csv`: one row per event with the columns of the
 * ICEWS event files (RFC 4180 CSV: comma-separated, fields with commas,
 * quotes or line breaks quoted, quotes doubled, CRLF line ends, a header
 * row).  Actor names follow ICEWS: a person or body by name, a sector of a
 * country as "Military (Russia)", countries by name; sectors are spelled
 * out ("Government"); Story ID holds the article id(s) of the event (';'
 * between several after a merge), Sentence Number the 1-based sentence of
 * its first mention, Publisher the articles' sources. */
#include <string.h>

#include "export.h"

static const char *const columns[] = {
    "Event ID",       "Event Date",  "Source Name", "Source Sectors", "Source Country",
    "Event Text",     "CAMEO Code",  "Intensity",   "Target Name",    "Target Sectors",
    "Target Country", "Story ID",    "Sentence Number", "Publisher"};

/* Append one field, quoted when it must be. */
static void field(dl_buf *b, const char *s, size_t n) {
    bool quote = n && (s[0] == ' ' || s[n - 1] == ' ');
    for (size_t i = 0; i < n && !quote; i++) quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (!quote) {
        dl_buf_append(b, s, n);
        return;
    }
    dl_buf_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') dl_buf_putc(b, '"');
        dl_buf_putc(b, s[i]);
    }
    dl_buf_putc(b, '"');
}

static void put(dl_buf *row, const char *s, bool first) {
    if (!first) dl_buf_putc(row, ',');
    if (s) field(row, s, strlen(s));
}

/* Build a value in x's scratch buffer from `pos`, then quote it into row. */
static void put_scratch(dl_export *x, dl_buf *row, size_t pos) {
    dl_buf_putc(row, ',');
    field(row, x->tmp.data ? x->tmp.data + pos : "", x->tmp.len - pos);
    x->tmp.len = pos;
    if (x->tmp.data) x->tmp.data[pos] = 0;
}

static void entity(dl_export *x, dl_buf *row, const dl_entity *e) {
    size_t pos = x->tmp.len;
    if (e) ex_entity_label(x, e, &x->tmp);
    put_scratch(x, row, pos);
    if (e) ex_sector_names(x, e->sector, &x->tmp);
    put_scratch(x, row, pos);
    const char *cn = e && e->country ? ex_code_name(x, e->country, NULL) : NULL;
    put(row, cn ? cn : e ? e->country : NULL, false);
}

static void begin(dl_export *x) {
    for (size_t i = 0; i < sizeof columns / sizeof *columns; i++) fprintf(x->f, "%s%s", i ? "," : "", columns[i]);
    fputs("\r\n", x->f);
}

static dl_status event(dl_export *x, const dl_event *ev) {
    dl_buf *row = &x->row;
    dl_buf_reset(row);
    char day[16];
    put(row, ev->id, true);
    put(row, ev->date.when.start != DL_DAY_NONE ? dl_day_format(ev->date.when.start, day) : ev->date.when.value, false);
    entity(x, row, &ev->actor);
    put(row, ev->action.label, false);
    put(row, ev->action.code, false);
    if (ev->action.label || ev->action.quadclass) dl_buf_printf(row, ",%.1f", ev->action.goldstein);
    else dl_buf_putc(row, ',');
    entity(x, row, ev->has_target ? &ev->target : NULL);
    /* story ids, sentence, publishers */
    size_t pos = x->tmp.len, it = 0;
    for (const char *id; (id = ex_next_article(ev, &it));) {
        if (x->tmp.len > pos) dl_buf_putc(&x->tmp, ';');
        dl_buf_puts(&x->tmp, id);
    }
    put_scratch(x, row, pos);
    if (ev->n_mentions) dl_buf_printf(row, ",%ld", ev->mentions[0].sentence + 1);
    else dl_buf_putc(row, ',');
    it = 0;
    for (const char *id; (id = ex_next_article(ev, &it));) {
        const dl_article_info *a = ex_article(x, id);
        if (!a || !a->source || !a->source[0]) continue;
        /* distinct publishers */
        const char *have = x->tmp.len > pos ? x->tmp.data + pos : "";
        size_t sl = strlen(a->source);
        bool dup = false;
        for (const char *p = have; !dup && (p = strstr(p, a->source)); p++)
            dup = (p == have || p[-1] == ';') && (p[sl] == ';' || p[sl] == 0);
        if (dup) continue;
        if (x->tmp.len > pos) dl_buf_putc(&x->tmp, ';');
        dl_buf_puts(&x->tmp, a->source);
    }
    put_scratch(x, row, pos);
    dl_buf_puts(row, "\r\n");
    if (row->failed || x->tmp.failed) return DL_ERR_NOMEM;
    fwrite(row->data, 1, row->len, x->f);
    return DL_OK;
}

static void finish(dl_export *x) { (void)x; }

const ex_ops dl_ex_csv = {begin, event, finish};
