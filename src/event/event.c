/* event.c - the event model: ownership helpers; one event to and from JSON
 * text (SPEC.md, "Output: the JSON event log"; json_out.c and json_in.c do
 * the work). */
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "event_json.h"

void dl_entity_clear(dl_entity *e) {
    free(e->text);
    free(e->name);
    free(e->country);
    free(e->sector);
    free(e->code);
    memset(e, 0, sizeof *e);
}

static bool set_str(char **dst, const char *s) {
    free(*dst);
    *dst = NULL;
    if (!s) return true;
    *dst = dl_strdup(s);
    return *dst != NULL;
}

dl_status dl_entity_set(dl_entity *e, const char *text, const char *name, const char *country,
                        const char *sector) {
    bool ok = set_str(&e->text, text) && set_str(&e->name, name) && set_str(&e->country, country) &&
              set_str(&e->sector, sector);
    free(e->code);
    e->code = NULL;
    if (ok && country) {
        size_t nc = strlen(country), ns = sector ? strlen(sector) : 0;
        e->code = malloc(nc + ns + 1);
        if (e->code) { /* country + sector */
            memcpy(e->code, country, nc);
            if (ns) memcpy(e->code + nc, sector, ns);
            e->code[nc + ns] = 0;
        }
        ok = e->code != NULL;
    }
    return ok ? DL_OK : DL_ERR_NOMEM;
}

bool dl_event_date_by_publication(const dl_event_date *d) {
    return !d->basis || strcmp(d->basis, DL_BASIS_PUBLICATION) == 0;
}

void dl_event_clear(dl_event *ev) {
    if (!ev) return;
    free(ev->id);
    free(ev->date.basis);
    dl_entity_clear(&ev->actor);
    dl_entity_clear(&ev->target);
    free(ev->action.text);
    free(ev->quote);
    free(ev->explain);
    for (size_t i = 0; i < ev->n_mentions; i++) {
        free(ev->mentions[i].article);
        free(ev->mentions[i].text);
        if (ev->mentions[i].coded) {
            dl_event_clear(ev->mentions[i].coded);
            free(ev->mentions[i].coded);
        }
    }
    free(ev->mentions);
    memset(ev, 0, sizeof *ev);
}

static bool copy_entity(dl_entity *d, const dl_entity *s) {
    memset(d, 0, sizeof *d);
    return set_str(&d->text, s->text) && set_str(&d->name, s->name) && set_str(&d->country, s->country) &&
           set_str(&d->sector, s->sector) && set_str(&d->code, s->code);
}

dl_status dl_event_add_mention(dl_event *ev, const dl_mention *m) {
    if (ev->n_mentions == ev->cap_mentions) {
        size_t cap = ev->cap_mentions ? ev->cap_mentions * 2 : 2;
        dl_mention *p = realloc(ev->mentions, cap * sizeof *p);
        if (!p) return DL_ERR_NOMEM;
        ev->mentions = p;
        ev->cap_mentions = cap;
    }
    dl_mention *d = &ev->mentions[ev->n_mentions];
    *d = *m;
    d->article = dl_strdup(m->article ? m->article : "");
    d->text = dl_strdup(m->text ? m->text : "");
    d->coded = m->coded ? malloc(sizeof *d->coded) : NULL;
    bool ok = d->article && d->text && (!m->coded || d->coded);
    if (ok && m->coded && dl_event_copy(d->coded, m->coded) != DL_OK) ok = false;
    if (!ok) {
        free(d->article);
        free(d->text);
        free(d->coded);
        return DL_ERR_NOMEM;
    }
    ev->n_mentions++;
    return DL_OK;
}

dl_status dl_event_copy(dl_event *dst, const dl_event *src) {
    memset(dst, 0, sizeof *dst);
    dst->date.when = src->date.when;
    dst->date.inferred = src->date.inferred;
    dst->action = src->action;
    dst->action.text = NULL;
    dst->has_target = src->has_target;
    dst->negated = src->negated;
    dst->hypothetical = src->hypothetical;
    dst->confidence = src->confidence;
    bool ok = set_str(&dst->id, src->id) && set_str(&dst->date.basis, src->date.basis) &&
              copy_entity(&dst->actor, &src->actor) && copy_entity(&dst->target, &src->target) &&
              set_str(&dst->action.text, src->action.text) && set_str(&dst->quote, src->quote) &&
              set_str(&dst->explain, src->explain);
    for (size_t i = 0; ok && i < src->n_mentions; i++) ok = dl_event_add_mention(dst, &src->mentions[i]) == DL_OK;
    if (!ok) {
        dl_event_clear(dst);
        return DL_ERR_NOMEM;
    }
    return DL_OK;
}

dl_event *dl_event_list_add(dl_event_list *l) {
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        dl_event *p = realloc(l->items, cap * sizeof *p);
        if (!p) return NULL;
        l->items = p;
        l->cap = cap;
    }
    dl_event *ev = &l->items[l->n++];
    memset(ev, 0, sizeof *ev);
    return ev;
}

void dl_event_list_clear(dl_event_list *l) {
    dl_event_list_reset(l);
    free(l->items);
    if (l->pool) dl_arena_free(l->pool);
    free(l->pool);
    memset(l, 0, sizeof *l);
}

dl_status dl_event_list_use_pool(dl_event_list *l) {
    if (l->pool) return DL_OK;
    l->pool = calloc(1, sizeof *l->pool);
    return l->pool ? DL_OK : DL_ERR_NOMEM;
}

void dl_event_list_reset(dl_event_list *l) {
    if (l->pool) dl_arena_reset(l->pool); /* the events' strings were there */
    else
        for (size_t i = 0; i < l->n; i++) dl_event_clear(&l->items[i]);
    l->n = 0;
}

void dl_article_info_clear(dl_article_info *a) {
    free(a->id);
    free(a->title);
    free(a->source);
    free(a->url);
    free(a->published);
    memset(a, 0, sizeof *a);
}

/* ---- to JSON (json_out.c writes the text) ------------------------------- */

char *dl_event_to_json_text(const dl_event *ev, bool explain) {
    dl_buf b = {0};
    if (!dl_event_json(&b, ev, explain, -1)) {
        dl_buf_free(&b);
        return NULL;
    }
    return dl_buf_take(&b);
}

/* ---- from JSON (json_in.c reads the text) ------------------------------ */

dl_status dl_event_from_json_text(const char *text, size_t len, dl_event *ev, dl_error *err) {
    size_t at;
    const char *why;
    dl_status st = dl_event_parse(text, len, ev, &at, &why);
    if (st == DL_OK) return DL_OK;
    long line = 1;
    for (size_t i = 0; i < at; i++) line += text[i] == '\n';
    if (st == DL_ERR_NOMEM) return dl_error_set(err, st, NULL, line, (long)at, "out of memory");
    return dl_error_set(err, st, NULL, line, (long)at, "invalid JSON: %s", why);
}
