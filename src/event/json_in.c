/* json_in.c - one event parsed straight from its JSON text into a dl_event.
 *
 * Merging a million events is mostly reading them; building a jansson tree
 * per event and walking it again cost three times the merge itself.  This
 * parser reads the text once (with the strict scanner of common/json_scan.h)
 * and fills the event's fields as they come; members it does not know are
 * checked and skipped.  The reading of each member is that of the event
 * schema (SPEC.md), as it was with jansson:
 *   - a string field holding anything but a string reads as null;
 *   - "negated"/"hypothetical" are true only when JSON true;
 *   - "confidence" that is not a number reads as 0.5;
 *   - "mentions[].sentence/start/end" read as 0 unless integers;
 *   - a known CAMEO code fills label, quad class and Goldstein from the
 *     codebook; an unknown one keeps what the log says;
 *   - a mention's "coded" object holds only the members that differ from its
 *     event: it is applied over a copy of the whole event, so it is read
 *     after the event's other members, wherever it stands;
 *   - a member given twice: the last one counts.
 * With an arena (a log reader's batch), every string, mention list and
 * "coded" event is allocated in it: the event is then borrowed, freed with
 * the arena rather than dl_event_clear(), and parsing calls malloc only for
 * a new arena chunk. */
#include <stdlib.h>
#include <string.h>

#include "../common/json_scan.h"
#include "event_json.h"

typedef struct {
    size_t mention;            /* index in ev->mentions */
    const char *at, *end;      /* the "coded" object's text */
} coded_span;

typedef VEC(coded_span) coded_list;
typedef dl_json_cur cur;
typedef struct {
    coded_list coded; /* the mentions' "coded" objects, read last */
    dl_arena *arena;  /* NULL: malloc'd (owned) strings */
} parse_ctx;
#define CODED(c) (&((parse_ctx *)(c)->user)->coded)
#define ARENA(c) (((parse_ctx *)(c)->user)->arena)

static char *dup_n(cur *c, const char *s, size_t n) {
    return ARENA(c) ? dl_arena_strndup(ARENA(c), s, n) : dl_strndup(s, n);
}

/* Drop a string the event holds (arena strings go with their arena). */
static void release(cur *c, char *s) {
    if (!ARENA(c)) free(s);
}

#define IS(k, kn, lit) ((kn) == sizeof lit - 1 && memcmp(k, lit, sizeof lit - 1) == 0)

/* A string member's value: a copy, or NULL when not a string. */
static bool str_value(cur *c, char **dst) {
    release(c, *dst);
    *dst = NULL;
    if (!dl_json_peek_is(c, '"')) return dl_json_skip(c);
    const char *s;
    size_t n;
    if (!dl_json_string(c, &s, &n)) return false;
    if (!(*dst = dup_n(c, s, n))) {
        c->nomem = true;
        return dl_json_fail(c, "out of memory");
    }
    return true;
}

/* A string value as a NUL-terminated string in `small` (or, when longer,
 * in *heap, which the caller frees); *out NULL when not a string. */
static bool text_value(cur *c, char *small, size_t cap, char **heap, const char **out) {
    *out = NULL;
    if (!dl_json_peek_is(c, '"')) return dl_json_skip(c);
    const char *s;
    size_t n;
    if (!dl_json_string(c, &s, &n)) return false;
    free(*heap);
    *heap = NULL;
    if (n < cap) {
        memcpy(small, s, n);
        small[n] = 0;
        *out = small;
    } else if ((*out = *heap = dl_strndup(s, n)) == NULL) {
        c->nomem = true;
        return dl_json_fail(c, "out of memory");
    }
    return true;
}

static bool bool_value(cur *c, bool *dst) {
    *dst = false;
    if (dl_json_peek_is(c, 't')) return *dst = dl_json_word(c, "true", 4);
    return dl_json_skip(c);
}

/* A number value: *is_num false (and 0) when not a number. */
static bool num_value(cur *c, double *d, bool *is_num, bool *is_int, long long *i) {
    *d = 0;
    *i = 0;
    *is_num = *is_int = false;
    dl_json_ws(c);
    if (c->p < c->end && (*c->p == '-' || (*c->p >= '0' && *c->p <= '9'))) {
        *is_num = true;
        return dl_json_number(c, d, is_int, i);
    }
    return dl_json_skip(c);
}

static bool entity(cur *c, dl_entity *e, bool *is_object) {
    if (ARENA(c)) memset(e, 0, sizeof *e);
    else dl_entity_clear(e);
    *is_object = dl_json_peek_is(c, '{');
    if (!*is_object) return dl_json_skip(c);
    c->p++;
    bool first = true;
    const char *k;
    size_t kn;
    while (dl_json_next_key(c, &first, &k, &kn)) {
        bool ok = IS(k, kn, "text")      ? str_value(c, &e->text)
                  : IS(k, kn, "name")    ? str_value(c, &e->name)
                  : IS(k, kn, "country") ? str_value(c, &e->country)
                  : IS(k, kn, "sector")  ? str_value(c, &e->sector)
                  : IS(k, kn, "code")    ? str_value(c, &e->code)
                                         : dl_json_skip(c);
        if (!ok) return false;
    }
    return !c->why;
}

static bool date(cur *c, dl_event_date *dt) {
    memset(&dt->when, 0, sizeof dt->when);
    dt->when.start = dt->when.end = DL_DAY_NONE;
    dt->inferred = false;
    release(c, dt->basis);
    dt->basis = NULL;
    if (!dl_json_peek_is(c, '{')) return dl_json_skip(c);
    c->p++;
    enum { VALUE, START, END, GRAN };
    char small[4][48], *heap[4] = {0};
    const char *v[4] = {0};
    bool first = true;
    const char *k;
    size_t kn;
    while (dl_json_next_key(c, &first, &k, &kn)) {
        int f = IS(k, kn, "value") ? VALUE : IS(k, kn, "start") ? START : IS(k, kn, "end") ? END
              : IS(k, kn, "granularity") ? GRAN : -1;
        bool ok = f >= 0                  ? text_value(c, small[f], sizeof small[f], &heap[f], &v[f])
                  : IS(k, kn, "basis")    ? str_value(c, &dt->basis)
                  : IS(k, kn, "inferred") ? bool_value(c, &dt->inferred)
                                          : dl_json_skip(c);
        if (!ok) break;
    }
    bool ok = !c->why;
    if (ok) {
        if (v[VALUE]) dl_strlcpy(dt->when.value, v[VALUE], sizeof dt->when.value);
        dt->when.start = v[START] ? dl_day_parse(v[START]) : DL_DAY_NONE;
        dt->when.end = v[END] ? dl_day_parse(v[END]) : DL_DAY_NONE;
        dt->when.granularity = dl_granularity_parse(v[GRAN]);
        if (dt->when.start == DL_DAY_NONE && v[VALUE]) {
            dl_when w;
            if (dl_when_parse(&w, v[VALUE])) dt->when = w;
        }
        if (dt->when.end == DL_DAY_NONE) dt->when.end = dt->when.start;
    }
    for (int i = 0; i < 4; i++) free(heap[i]);
    return ok;
}

static bool action(cur *c, dl_action *ac) {
    release(c, ac->text);
    memset(ac, 0, sizeof *ac);
    if (!dl_json_peek_is(c, '{')) return dl_json_skip(c);
    c->p++;
    char small[48], *heap = NULL;
    const char *code = NULL;
    bool q_num, q_int, g_num, g_int;
    double q = 0, g = 0;
    long long qi = 0, gi;
    bool first = true;
    const char *k;
    size_t kn;
    while (dl_json_next_key(c, &first, &k, &kn)) {
        bool ok = IS(k, kn, "code")        ? text_value(c, small, sizeof small, &heap, &code)
                  : IS(k, kn, "text")      ? str_value(c, &ac->text)
                  : IS(k, kn, "quadclass") ? num_value(c, &q, &q_num, &q_int, &qi)
                  : IS(k, kn, "goldstein") ? num_value(c, &g, &g_num, &g_int, &gi)
                                           : dl_json_skip(c);
        if (!ok) break;
    }
    bool ok = !c->why;
    if (ok && code && !dl_action_set_code(ac, code)) { /* keep an unknown code as given */
        dl_strlcpy(ac->code, code, sizeof ac->code);
        dl_strlcpy(ac->root, code, sizeof ac->root); /* the first two characters */
        ac->quadclass = (int)qi;
        ac->goldstein = g;
    }
    free(heap);
    return ok;
}

static bool mentions(cur *c, dl_event *ev);

/* The members of an event (`top`) or of a mention's "coded" object, each
 * applied to ev as it comes. */
static bool members(cur *c, dl_event *ev, bool top) {
    if (!dl_json_expect(c, '{', top ? "an event must be a JSON object" : "expected an object")) return false;
    bool first = true;
    const char *k;
    size_t kn;
    while (dl_json_next_key(c, &first, &k, &kn)) {
        bool ok, obj;
        double d;
        bool is_num, is_int;
        long long i;
        if (IS(k, kn, "id")) ok = str_value(c, &ev->id);
        else if (IS(k, kn, "date")) ok = date(c, &ev->date);
        else if (IS(k, kn, "actor")) ok = entity(c, &ev->actor, &obj);
        else if (IS(k, kn, "target")) ok = entity(c, &ev->target, &ev->has_target);
        else if (IS(k, kn, "action")) ok = action(c, &ev->action);
        else if (IS(k, kn, "quote")) ok = str_value(c, &ev->quote);
        else if (IS(k, kn, "negated")) ok = bool_value(c, &ev->negated);
        else if (IS(k, kn, "hypothetical")) ok = bool_value(c, &ev->hypothetical);
        else if (IS(k, kn, "confidence")) {
            ok = num_value(c, &d, &is_num, &is_int, &i);
            ev->confidence = is_num ? d : 0.5;
        } else if (top && IS(k, kn, "explain")) ok = str_value(c, &ev->explain);
        else if (top && IS(k, kn, "mentions")) ok = mentions(c, ev);
        else ok = dl_json_skip(c);
        if (!ok) return false;
    }
    return !c->why;
}

static void drop_mentions(cur *c, dl_event *ev) {
    for (size_t i = 0; !ARENA(c) && i < ev->n_mentions; i++) {
        free(ev->mentions[i].article);
        free(ev->mentions[i].text);
    }
    ev->n_mentions = 0;
    CODED(c)->n = 0;
}

static bool mention(cur *c, dl_event *ev) {
    if (!dl_json_peek_is(c, '{')) return dl_json_skip(c); /* not an object: no mention */
    c->p++;
    if (ev->n_mentions == ev->cap_mentions) {
        size_t cap = ev->cap_mentions ? ev->cap_mentions * 2 : 2;
        dl_mention *p = !ARENA(c) ? realloc(ev->mentions, cap * sizeof *p) : dl_arena_alloc(ARENA(c), cap * sizeof *p);
        if (p && ARENA(c) && ev->n_mentions) memcpy(p, ev->mentions, ev->n_mentions * sizeof *p);
        if (!p) {
            c->nomem = true;
            return dl_json_fail(c, "out of memory");
        }
        ev->mentions = p;
        ev->cap_mentions = cap;
    }
    dl_mention *m = &ev->mentions[ev->n_mentions++];
    memset(m, 0, sizeof *m);
    bool first = true;
    const char *k;
    size_t kn;
    double d;
    bool is_num, is_int;
    long long i;
    while (dl_json_next_key(c, &first, &k, &kn)) {
        bool ok;
        if (IS(k, kn, "article")) ok = str_value(c, &m->article);
        else if (IS(k, kn, "text")) ok = str_value(c, &m->text);
        else if (IS(k, kn, "sentence") || IS(k, kn, "start") || IS(k, kn, "end")) {
            long *dst = kn == 8 ? &m->sentence : kn == 5 ? &m->start : &m->end;
            ok = num_value(c, &d, &is_num, &is_int, &i);
            *dst = is_int ? (long)i : 0;
        } else if (IS(k, kn, "coded") && dl_json_peek_is(c, '{')) {
            coded_span sp = {ev->n_mentions - 1, c->p, NULL};
            ok = dl_json_skip(c);
            sp.end = c->p;
            size_t j = 0; /* the last "coded" of a mention counts */
            while (j < CODED(c)->n && CODED(c)->v[j].mention != sp.mention) j++;
            if (j < CODED(c)->n) CODED(c)->v[j] = sp;
            else if (ok && !vec_push(CODED(c), sp)) {
                c->nomem = true;
                return dl_json_fail(c, "out of memory");
            }
        } else ok = dl_json_skip(c);
        if (!ok) return false;
    }
    if (c->why) return false;
    if ((!m->article && !(m->article = dup_n(c, "", 0))) || (!m->text && !(m->text = dup_n(c, "", 0)))) {
        c->nomem = true;
        return dl_json_fail(c, "out of memory");
    }
    return true;
}

static bool mentions(cur *c, dl_event *ev) {
    drop_mentions(c, ev);
    if (!dl_json_peek_is(c, '[')) return dl_json_skip(c);
    c->p++;
    if (dl_json_lit(c, ']')) return true;
    do
        if (!mention(c, ev)) return false;
    while (dl_json_lit(c, ','));
    return dl_json_expect(c, ']', "expected ',' or ']'");
}

/* Each mention's own coding: a copy of the event (no mentions, no explain)
 * with its "coded" members over it. */
static bool apply_coded(cur *c, dl_event *ev) {
    for (size_t j = 0; j < CODED(c)->n; j++) {
        const coded_span *sp = &CODED(c)->v[j];
        dl_event base = *ev, *d = ARENA(c) ? dl_arena_alloc(ARENA(c), sizeof *d) : calloc(1, sizeof *d);
        base.mentions = NULL;
        base.n_mentions = base.cap_mentions = 0;
        base.explain = NULL;
        if (d && ARENA(c)) *d = base; /* shares the event's strings: nothing is freed one by one */
        else if (d && dl_event_copy(d, &base) != DL_OK) {
            free(d);
            d = NULL;
        }
        if (!d) {
            c->nomem = true;
            return dl_json_fail(c, "out of memory");
        }
        parse_ctx none = {.arena = ARENA(c)}; /* a "coded" object has no mentions */
        cur sub = {.p = sp->at, .end = sp->end, .user = &none};
        bool ok = members(&sub, d, false);
        dl_buf_free(&sub.tmp);
        if (!ok) { /* the text was checked already: only memory can fail */
            if (!ARENA(c)) {
                dl_event_clear(d);
                free(d);
            }
            c->nomem = true;
            return dl_json_fail(c, "out of memory");
        }
        ev->mentions[sp->mention].coded = d;
    }
    return true;
}

dl_status dl_event_parse_prefix(const char *text, size_t len, dl_event *ev, dl_arena *arena, size_t *used,
                                size_t *err_pos, const char **why) {
    memset(ev, 0, sizeof *ev);
    ev->date.when.start = ev->date.when.end = DL_DAY_NONE;
    ev->confidence = 0.5;
    parse_ctx ctx = {.arena = arena};
    cur c = {.p = text, .end = text + len, .user = &ctx};
    bool ok = members(&c, ev, true) && apply_coded(&c, ev);
    dl_buf_free(&c.tmp);
    free(ctx.coded.v);
    if (ok) {
        *used = (size_t)(c.p - text);
        return DL_OK;
    }
    if (arena) memset(ev, 0, sizeof *ev);
    else dl_event_clear(ev);
    *err_pos = (size_t)(c.at - text);
    *why = c.why;
    return c.nomem ? DL_ERR_NOMEM : DL_ERR_INPUT;
}

dl_status dl_event_parse(const char *text, size_t len, dl_event *ev, size_t *err_pos, const char **why) {
    size_t used;
    dl_status st = dl_event_parse_prefix(text, len, ev, NULL, &used, err_pos, why);
    if (st != DL_OK) return st;
    cur c = {.p = text + used, .end = text + len};
    dl_json_ws(&c);
    if (c.p == c.end) return DL_OK;
    dl_event_clear(ev);
    *err_pos = (size_t)(c.p - text);
    *why = "data after the event object";
    return DL_ERR_INPUT;
}
