/* event.c - the event model: ownership helpers and the JSON form of one
 * event (SPEC.md, "Output: the JSON event log"). */
#include <jansson.h>
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
        size_t n = strlen(country) + (sector ? strlen(sector) : 0) + 1;
        e->code = malloc(n);
        if (e->code) snprintf(e->code, n, "%s%s", country, sector ? sector : "");
        ok = e->code != NULL;
    }
    return ok ? DL_OK : DL_ERR_NOMEM;
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
    for (size_t i = 0; i < l->n; i++) dl_event_clear(&l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
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

/* ---- from JSON ---------------------------------------------------------- */

static const char *get_str(json_t *o, const char *key) {
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static bool entity_from(dl_entity *e, json_t *o) {
    dl_entity_clear(e);
    if (!json_is_object(o)) return true;
    return set_str(&e->text, get_str(o, "text")) && set_str(&e->name, get_str(o, "name")) &&
           set_str(&e->country, get_str(o, "country")) && set_str(&e->sector, get_str(o, "sector")) &&
           set_str(&e->code, get_str(o, "code"));
}

static dl_day day_from(json_t *o, const char *key) {
    const char *s = get_str(o, key);
    return s ? dl_day_parse(s) : DL_DAY_NONE;
}

static bool date_from(dl_event_date *dt, json_t *d) {
    memset(&dt->when, 0, sizeof dt->when);
    dt->when.start = dt->when.end = DL_DAY_NONE;
    dt->inferred = false;
    free(dt->basis);
    dt->basis = NULL;
    if (!json_is_object(d)) return true;
    const char *v = get_str(d, "value");
    if (v) snprintf(dt->when.value, sizeof dt->when.value, "%s", v);
    dt->when.start = day_from(d, "start");
    dt->when.end = day_from(d, "end");
    dt->when.granularity = dl_granularity_parse(get_str(d, "granularity"));
    if (dt->when.start == DL_DAY_NONE && v) {
        dl_when w;
        if (dl_when_parse(&w, v)) dt->when = w;
    }
    if (dt->when.end == DL_DAY_NONE) dt->when.end = dt->when.start;
    dt->inferred = json_is_true(json_object_get(d, "inferred"));
    return set_str(&dt->basis, get_str(d, "basis"));
}

static bool action_from(dl_action *ac, json_t *a) {
    free(ac->text);
    memset(ac, 0, sizeof *ac);
    if (!json_is_object(a)) return true;
    const char *code = get_str(a, "code");
    if (code && !dl_action_set_code(ac, code)) {
        /* Keep an unknown code as given, with what the log says. */
        snprintf(ac->code, sizeof ac->code, "%s", code);
        snprintf(ac->root, sizeof ac->root, "%.2s", code);
        ac->quadclass = (int)json_integer_value(json_object_get(a, "quadclass"));
        ac->goldstein = json_number_value(json_object_get(a, "goldstein"));
    }
    return set_str(&ac->text, get_str(a, "text"));
}

/* Set the event's members from `o`: all of them, or (only_present) just
 * those `o` has, as for a mention's "coded" object over a copy of its event. */
static bool fields_from(dl_event *ev, json_t *o, bool only_present) {
#define HAS(k) (!only_present || json_object_get(o, k))
    bool ok = true;
    if (HAS("id")) ok = ok && set_str(&ev->id, get_str(o, "id"));
    if (HAS("date")) ok = ok && date_from(&ev->date, json_object_get(o, "date"));
    if (HAS("actor")) ok = ok && entity_from(&ev->actor, json_object_get(o, "actor"));
    if (HAS("target")) {
        json_t *t = json_object_get(o, "target");
        ev->has_target = json_is_object(t);
        ok = ok && entity_from(&ev->target, t);
    }
    if (HAS("action")) ok = ok && action_from(&ev->action, json_object_get(o, "action"));
    if (HAS("quote")) ok = ok && set_str(&ev->quote, get_str(o, "quote"));
    if (HAS("negated")) ev->negated = json_is_true(json_object_get(o, "negated"));
    if (HAS("hypothetical")) ev->hypothetical = json_is_true(json_object_get(o, "hypothetical"));
    if (HAS("confidence")) {
        json_t *c = json_object_get(o, "confidence");
        ev->confidence = json_is_number(c) ? json_number_value(c) : 0.5;
    }
#undef HAS
    return ok;
}

/* A mention's own coding: a copy of the event's members (no mentions, no
 * explain) with the "coded" object's members over them. */
static dl_event *coded_from(const dl_event *ev, json_t *c) {
    dl_event *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    dl_event base = *ev;
    base.mentions = NULL;
    base.n_mentions = base.cap_mentions = 0;
    base.explain = NULL;
    if (dl_event_copy(d, &base) != DL_OK) {
        free(d);
        return NULL;
    }
    if (!fields_from(d, c, true)) {
        dl_event_clear(d);
        free(d);
        return NULL;
    }
    return d;
}

dl_status dl_event_from_json(json_t *o, dl_event *ev, const char *file, long line, dl_error *err) {
    memset(ev, 0, sizeof *ev);
    if (!json_is_object(o))
        return dl_error_set(err, DL_ERR_INPUT, file, line, -1, "an event must be a JSON object");
    bool ok = fields_from(ev, o, false) && set_str(&ev->explain, get_str(o, "explain"));
    json_t *ms = json_object_get(o, "mentions");
    size_t i;
    json_t *m;
    if (json_is_array(ms)) {
        json_array_foreach(ms, i, m) {
            if (!ok) break;
            if (!json_is_object(m)) continue;
            dl_mention mm = {
                .article = (char *)get_str(m, "article"),
                .sentence = (long)json_integer_value(json_object_get(m, "sentence")),
                .start = (long)json_integer_value(json_object_get(m, "start")),
                .end = (long)json_integer_value(json_object_get(m, "end")),
                .text = (char *)get_str(m, "text"),
            };
            json_t *c = json_object_get(m, "coded");
            if (json_is_object(c) && !(mm.coded = coded_from(ev, c))) {
                ok = false;
                break;
            }
            ok = dl_event_add_mention(ev, &mm) == DL_OK;
            if (mm.coded) {
                dl_event_clear(mm.coded);
                free(mm.coded);
            }
        }
    }
    if (!ok) {
        dl_event_clear(ev);
        return dl_error_set(err, DL_ERR_NOMEM, file, line, -1, "out of memory");
    }
    return DL_OK;
}

dl_status dl_event_from_json_text(const char *text, size_t len, dl_event *ev, dl_error *err) {
    json_error_t je;
    json_t *o = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
    if (!o) {
        memset(ev, 0, sizeof *ev);
        return dl_error_set(err, DL_ERR_INPUT, NULL, je.line, je.position, "invalid JSON: %s", je.text);
    }
    dl_status st = dl_event_from_json(o, ev, NULL, -1, err);
    json_decref(o);
    return st;
}
