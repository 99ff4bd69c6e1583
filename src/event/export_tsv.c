/* export_tsv.c - `--format tsv`: one tab-separated row per event with
 * GDELT 1.0 event-table column names, for scripts that load GDELT.  A
 * subset of GDELT's columns (no geography, no tone), in GDELT's order, with
 * a header row.  GDELT has no quoting: tabs and line breaks inside a value
 * become spaces.
 *
 *   GLOBALEVENTID   1, 2, ... in output order
 *   SQLDATE, MonthYear, Year, FractionDate   from the first day of the event
 *   ActorNCode      country + sector ("RUSGOV"); ActorNName a display name;
 *   ActorNCountryCode a country, ActorNKnownGroupCode an organisation
 *   ("NATO"); ActorNType1..3Code the three-letter parts of the sector
 *   IsRootEvent     1 when first reported in the first two sentences
 *   EventCode, EventBaseCode (3 digits), EventRootCode (2), QuadClass,
 *   GoldsteinScale, NumMentions, NumSources (publishers), NumArticles,
 *   DATEADDED       publication day of the first article (YYYYMMDD)
 *   SOURCEURL       URL of the first article, else its id */
#include <string.h>

#include "export.h"

static const char *const columns[] = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "DATEADDED", "SOURCEURL"};

/* A tab, then the value with tabs and line breaks as spaces. */
static void put(dl_buf *b, const char *s, size_t n) {
    dl_buf_putc(b, '\t');
    for (size_t i = 0; i < n; i++) dl_buf_putc(b, s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
}

static void puts0(dl_buf *b, const char *s) { put(b, s ? s : "", s ? strlen(s) : 0); }

static void actor(dl_export *x, dl_buf *row, const dl_entity *e) {
    puts0(row, e ? e->code : NULL);
    size_t pos = x->tmp.len;
    if (e) ex_entity_label(x, e, &x->tmp);
    put(row, x->tmp.data ? x->tmp.data + pos : "", x->tmp.len - pos);
    x->tmp.len = pos;
    bool org = false;
    if (e && e->country) ex_code_name(x, e->country, &org);
    puts0(row, e && !org ? e->country : NULL);
    puts0(row, e && org ? e->country : NULL);
    size_t sl = e && e->sector ? strlen(e->sector) : 0;
    for (size_t k = 0; k < 3; k++) put(row, sl > 3 * k ? e->sector + 3 * k : "", sl > 3 * k ? (sl - 3 * k < 3 ? sl - 3 * k : 3) : 0);
}

static void begin(dl_export *x) {
    for (size_t i = 0; i < sizeof columns / sizeof *columns; i++) fprintf(x->f, "%s%s", i ? "\t" : "", columns[i]);
    fputc('\n', x->f);
}

static dl_status event(dl_export *x, const dl_event *ev) {
    dl_buf *row = &x->row;
    dl_buf_reset(row);
    dl_buf_printf(row, "%zu", x->n_events + 1);
    dl_day d = ev->date.when.start;
    if (d != DL_DAY_NONE) {
        int y, m, dd;
        dl_day_to_ymd(d, &y, &m, &dd);
        double frac = y + (d - dl_day_from_ymd(y, 1, 1) + 1) / 365.0;
        dl_buf_printf(row, "\t%04d%02d%02d\t%04d%02d\t%04d\t%.4f", y, m, dd, y, m, y, frac);
    } else {
        dl_buf_puts(row, "\t\t\t\t");
    }
    actor(x, row, &ev->actor);
    actor(x, row, ev->has_target ? &ev->target : NULL);
    dl_buf_printf(row, "\t%d", ev->n_mentions && ev->mentions[0].sentence < 2 ? 1 : 0);
    size_t cl = strlen(ev->action.code);
    put(row, ev->action.code, cl);
    put(row, ev->action.code, cl < 3 ? cl : 3);
    puts0(row, ev->action.root);
    if (ev->action.quadclass) dl_buf_printf(row, "\t%d\t%.1f", ev->action.quadclass, ev->action.goldstein);
    else dl_buf_puts(row, "\t\t");
    /* counts: mentions, publishers, articles */
    size_t it = 0, n_articles = 0, n_sources = 0;
    const dl_article_info *first = NULL;
    const char *first_id = NULL;
    for (const char *id; (id = ex_next_article(ev, &it));) {
        const dl_article_info *a = ex_article(x, id);
        if (!n_articles++) first = a, first_id = id;
        if (!a || !a->source) {
            n_sources++; /* an unknown publisher counts as its own */
            continue;
        }
        bool seen = false;
        size_t jt = 0;
        for (const char *id2; !seen && (id2 = ex_next_article(ev, &jt)) && id2 != id;) {
            const dl_article_info *b = ex_article(x, id2);
            seen = b && b->source && strcmp(b->source, a->source) == 0;
        }
        if (!seen) n_sources++;
    }
    dl_buf_printf(row, "\t%zu\t%zu\t%zu", ev->n_mentions, n_sources, n_articles);
    dl_day pub = first && first->published ? dl_day_parse(first->published) : DL_DAY_NONE;
    if (pub != DL_DAY_NONE) {
        int y, m, dd;
        dl_day_to_ymd(pub, &y, &m, &dd);
        dl_buf_printf(row, "\t%04d%02d%02d", y, m, dd);
    } else {
        dl_buf_putc(row, '\t');
    }
    puts0(row, first && first->url ? first->url : first_id);
    dl_buf_putc(row, '\n');
    if (row->failed || x->tmp.failed) return DL_ERR_NOMEM;
    fwrite(row->data, 1, row->len, x->f);
    return DL_OK;
}

static void finish(dl_export *x) { (void)x; }

const ex_ops dl_ex_tsv = {begin, event, finish};
