/* export.c - what the event-data exports share (see export.h): the article
 * table, code and sector names, actor groups, and the dispatch from the
 * log writer to the format files. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"

/* ---- string map ---------------------------------------------------------- */

static uint64_t hash(const char *s) {
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static ex_slot *slot_of(const ex_map *m, const char *key) {
    size_t mask = m->n_slots - 1;
    for (size_t i = (size_t)hash(key) & mask;; i = (i + 1) & mask)
        if (!m->slots[i].key || strcmp(m->slots[i].key, key) == 0) return &m->slots[i];
}

static bool map_get(const ex_map *m, const char *key, uint32_t *idx) {
    if (!m->n_slots || !key) return false;
    const ex_slot *s = slot_of(m, key);
    if (!s->key) return false;
    *idx = s->idx;
    return true;
}

/* Insert key -> idx (an existing key keeps its first index). */
static bool map_put(ex_map *m, const char *key, uint32_t idx) {
    if ((m->n + 1) * 2 > m->n_slots) {
        size_t n = m->n_slots ? m->n_slots * 2 : 64;
        ex_map g = {calloc(n, sizeof *g.slots), n, 0};
        if (!g.slots) return false;
        for (size_t i = 0; i < m->n_slots; i++)
            if (m->slots[i].key) {
                *slot_of(&g, m->slots[i].key) = m->slots[i];
                g.n++;
            }
        free(m->slots);
        *m = g;
    }
    ex_slot *s = slot_of(m, key);
    if (s->key) return true;
    *s = (ex_slot){key, idx};
    m->n++;
    return true;
}

/* ---- names from the bundled data ----------------------------------------- */

/* data/countries.txt and data/orgs.txt: "COUNTRY RUS | Russia", "ORG NATO |
 * North Atlantic Treaty Organization | IGO" (record lines only). */
static bool load_code_names(dl_export *x, const char *file, const char *keyword, bool org) {
    size_t len;
    const char *t = dl_data_get(file, &len);
    if (!t) return true;
    size_t kl = strlen(keyword);
    for (const char *p = t, *end = t + len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        if ((size_t)(e - p) > kl && strncmp(p, keyword, kl) == 0 && p[kl] == ' ') {
            const char *c = p + kl + 1, *bar = memchr(c, '|', (size_t)(e - c));
            if (bar) {
                const char *ce = bar;
                while (ce > c && ce[-1] == ' ') ce--;
                const char *n = bar + 1;
                while (n < e && *n == ' ') n++;
                const char *ne = n;
                while (ne < e && *ne != '|' && *ne != '#') ne++;
                while (ne > n && (ne[-1] == ' ' || ne[-1] == '\r')) ne--;
                ex_name nm = {dl_strndup(c, (size_t)(ce - c)), dl_strndup(n, (size_t)(ne - n)), org};
                if (!nm.code || !nm.name || !vec_push(&x->names, nm)) {
                    free(nm.code);
                    free(nm.name);
                    return false;
                }
            }
        }
        p = e + 1;
    }
    return true;
}

/* data/actor_types.txt: "CODE Name". */
static bool load_sector_names(dl_export *x) {
    size_t len;
    const char *t = dl_data_get("actor_types.txt", &len);
    if (!t) return true;
    for (const char *p = t, *end = t + len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        const char *sp = memchr(p, ' ', (size_t)(e - p));
        if (*p != '#' && sp && sp > p) {
            const char *ne = e;
            while (ne > sp && (ne[-1] == ' ' || ne[-1] == '\r')) ne--;
            ex_name nm = {dl_strndup(p, (size_t)(sp - p)), dl_strndup(sp + 1, (size_t)(ne - sp - 1)), false};
            if (!nm.code || !nm.name || !vec_push(&x->sectors, nm)) {
                free(nm.code);
                free(nm.name);
                return false;
            }
        }
        p = e + 1;
    }
    return true;
}

static bool index_names(ex_map *m, const ex_name *v, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!map_put(m, v[i].code, (uint32_t)i)) return false;
    return true;
}

/* ---- the exporter -------------------------------------------------------- */

bool dl_export_handles(dl_format f) {
    return f == DL_FORMAT_CSV || f == DL_FORMAT_TSV || f == DL_FORMAT_TIMELINEJS || f == DL_FORMAT_VIS;
}

dl_export *dl_export_new(FILE *f, dl_format format, const char *generator) {
    const ex_ops *ops = format == DL_FORMAT_CSV          ? &dl_ex_csv
                        : format == DL_FORMAT_TSV        ? &dl_ex_tsv
                        : format == DL_FORMAT_TIMELINEJS ? &dl_ex_timelinejs
                        : format == DL_FORMAT_VIS        ? &dl_ex_vis
                                                         : NULL;
    if (!ops) return NULL;
    dl_export *x = calloc(1, sizeof *x);
    if (!x) return NULL;
    x->f = f;
    x->ops = ops;
    x->generator = generator ? generator : "dipline " DL_VERSION;
    if (!load_code_names(x, "countries.txt", "COUNTRY", false) || !load_code_names(x, "orgs.txt", "ORG", true) ||
        !load_sector_names(x) || !index_names(&x->name_index, x->names.v, x->names.n) ||
        !index_names(&x->sector_index, x->sectors.v, x->sectors.n)) {
        dl_export_free(x);
        return NULL;
    }
    return x;
}

void dl_export_free(dl_export *x) {
    if (!x) return;
    for (size_t i = 0; i < x->arts.n; i++) dl_article_info_clear(&x->arts.v[i]);
    free(x->arts.v);
    for (size_t i = 0; i < x->names.n; i++) free(x->names.v[i].code), free(x->names.v[i].name);
    free(x->names.v);
    for (size_t i = 0; i < x->sectors.n; i++) free(x->sectors.v[i].code), free(x->sectors.v[i].name);
    free(x->sectors.v);
    for (size_t i = 0; i < x->groups.n; i++) free(x->groups.v[i]);
    free(x->groups.v);
    free(x->art_index.slots);
    free(x->name_index.slots);
    free(x->sector_index.slots);
    free(x->group_index.slots);
    dl_buf_free(&x->row);
    dl_buf_free(&x->tmp);
    free(x);
}

static dl_status nomem(dl_error *err) { return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory"); }

dl_status dl_export_article(dl_export *x, const dl_article_info *a, dl_error *err) {
    uint32_t seen;
    if (!a->id || map_get(&x->art_index, a->id, &seen)) return DL_OK;
    dl_article_info c = {dl_strdup(a->id), dl_strdup(a->title), dl_strdup(a->source), dl_strdup(a->url),
                         dl_strdup(a->published)};
    bool ok = c.id && (!a->title || c.title) && (!a->source || c.source) && (!a->url || c.url) &&
              (!a->published || c.published);
    if (!ok || !vec_push(&x->arts, c)) {
        dl_article_info_clear(&c);
        return nomem(err);
    }
    /* the id string stays where it is when the array grows */
    if (!map_put(&x->art_index, c.id, (uint32_t)(x->arts.n - 1))) return nomem(err);
    return DL_OK;
}

static void begin(dl_export *x) {
    if (x->started) return;
    x->started = true;
    x->ops->begin(x);
}

dl_status dl_export_event(dl_export *x, const dl_event *ev, dl_error *err) {
    begin(x);
    dl_status st = x->ops->event(x, ev);
    if (st != DL_OK) return nomem(err);
    x->n_events++;
    return DL_OK;
}

dl_status dl_export_finish(dl_export *x, dl_error *err) {
    begin(x);
    x->ops->finish(x);
    if (x->tmp.failed || x->row.failed) return nomem(err);
    return DL_OK;
}

/* ---- helpers for the formats --------------------------------------------- */

const dl_article_info *ex_article(const dl_export *x, const char *id) {
    uint32_t i;
    return map_get(&x->art_index, id, &i) ? &x->arts.v[i] : NULL;
}

const char *ex_code_name(const dl_export *x, const char *code, bool *org) {
    uint32_t i;
    if (!map_get(&x->name_index, code, &i)) return NULL;
    if (org) *org = x->names.v[i].org;
    return x->names.v[i].name;
}

void ex_sector_names(const dl_export *x, const char *sector, dl_buf *b) {
    if (!sector) return;
    /* three-letter parts ("GOVMIL"); a remainder of one or two letters
     * stays with the part before it */
    size_t n = strlen(sector);
    for (size_t i = 0; i < n;) {
        size_t k = n - i < 3 ? n - i : 3;
        if (n - i - k > 0 && n - i - k < 3) k = n - i;
        uint32_t j;
        char part[4];
        snprintf(part, sizeof part, "%.3s", sector + i);
        if (i) dl_buf_putc(b, ',');
        if (k == 3 && map_get(&x->sector_index, part, &j)) dl_buf_puts(b, x->sectors.v[j].name);
        else dl_buf_append(b, sector + i, k);
        i += k;
    }
}

void ex_entity_label(const dl_export *x, const dl_entity *e, dl_buf *b) {
    const char *cname = e->country ? ex_code_name(x, e->country, NULL) : NULL;
    bool is_place = !e->name || (cname && strcmp(e->name, cname) == 0);
    if (!is_place) {
        dl_buf_puts(b, e->name);
        return;
    }
    const char *place = cname ? cname : e->country;
    if (e->sector && e->sector[0] && place) {
        /* ICEWS style: "Military (Russia)" */
        ex_sector_names(x, e->sector, b);
        dl_buf_printf(b, " (%s)", place);
    } else if (place) {
        dl_buf_puts(b, place);
    } else if (e->name) {
        dl_buf_puts(b, e->name);
    }
}

size_t ex_group(dl_export *x, const char *label) {
    uint32_t i;
    if (map_get(&x->group_index, label, &i)) return i;
    char *c = dl_strdup(label);
    if (!c || !vec_push(&x->groups, c)) {
        free(c);
        return SIZE_MAX;
    }
    if (!map_put(&x->group_index, c, (uint32_t)(x->groups.n - 1))) return SIZE_MAX;
    return x->groups.n - 1;
}

const char *ex_next_article(const dl_event *ev, size_t *i) {
    for (; *i < ev->n_mentions; (*i)++) {
        const char *id = ev->mentions[*i].article;
        bool seen = !id;
        for (size_t j = 0; j < *i && !seen; j++) seen = ev->mentions[j].article && strcmp(ev->mentions[j].article, id) == 0;
        if (!seen) {
            (*i)++;
            return id;
        }
    }
    return NULL;
}
