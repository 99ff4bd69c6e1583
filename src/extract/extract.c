/* extract.c - article -> events: the extractor and the per-article pipeline.
 *
 *   dl_doc_new()      sentences and tokens                  (text/)
 *   dl_timex_tag()    time expressions                      (timex/)
 *   tag_words()       word ids and classes                  words.c
 *   find_mentions()   actor phrases, coreference            mentions.c
 *   find_vgroups()    verbs, tense, voice, modality         vgroups.c
 *   find_speakers()   who speaks each sentence              coder.c
 *   code_sentence()   patterns, source, target -> events    coder.c
 *
 * The extractor owns the dictionaries and rule lists; it is read-only once
 * built, so threads may share it.  Everything made for one article is freed
 * when the article is done. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_private.h"

struct dl_extractor {
    dl_extract_options opt;
    dl_lexicon *lex;
    rules rules;
};

const rules *extractor_rules(const dl_extractor *x) { return &x->rules; }
bool extractor_explain(const dl_extractor *x) { return x->opt.explain; }
bool extractor_all_modalities(const dl_extractor *x) { return x->opt.all_modalities; }

dl_status dl_extractor_new(const dl_extract_options *opts, dl_extractor **out, dl_error *err) {
    *out = NULL;
    dl_extractor *x = calloc(1, sizeof *x);
    if (!x) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    if (opts) x->opt = *opts;
    dl_lexicon_options lo = {.actors_path = x->opt.actors_path, .agents_path = x->opt.agents_path,
                             .verbs_path = x->opt.verbs_path, .roles_path = x->opt.roles_path};
    dl_status st = dl_lexicon_load(&lo, &x->lex, err);
    if (st == DL_OK) st = rules_load(&x->rules, err);
    if (st != DL_OK) {
        dl_extractor_free(x);
        return st;
    }
    *out = x;
    return DL_OK;
}

void dl_extractor_free(dl_extractor *x) {
    if (!x) return;
    dl_lexicon_free(x->lex);
    rules_free(&x->rules);
    free(x);
}

const dl_lexicon *dl_extractor_lexicon(const dl_extractor *x) { return x->lex; }

/* Is the verb group in the past tense: "met", "had met", "was met", "did
 * not meet" (not "meets", "has met", "will meet", "would meet")? */
static bool past_tense(const article_ctx *c, const vgroup *g) {
    /* "toured the site before holding talks", "met him to discuss":
     * a gerund or infinitive has the tense of the finite verb it hangs on */
    if (!g->noun && !g->future && !g->hypothetical && (g->infinitive || g->gerund)) {
        for (uint32_t k = g->first; k-- > c->doc->sentences[g->sentence].first_token;) {
            uint32_t v = c->tok[k].vg;
            if (v == NONE || c->vgroups.v[v].noun) continue;
            const vgroup *h = &c->vgroups.v[v];
            return h->finite && !h->infinitive && !h->gerund && past_tense(c, h);
        }
        return false;
    }
    if (g->noun || g->future || g->hypothetical || g->infinitive || g->gerund || g->participle) return false;
    static const char *const past[] = {"had", "was", "were", "did", NULL};
    static const char *const present[] = {"has", "have", "is", "are", "am", "does", "do", NULL};
    for (uint32_t k = g->first; k < g->start; k++) {
        const char *w = dl_doc_norm(c->doc, k);
        if (word_in(w, past)) return true;
        if (word_in(w, present)) return false;
    }
    /* no auxiliary: the verb's own form ("met", "also sharpened") */
    return (g->forms & DL_VF_PAST) != 0;
}

/* Can expression t be a story's day: a day (in the week before the
 * publication date) counted from the publication date ("on Monday",
 * "Feb. 10"), not from another date ("the previous day") or back from now
 * ("three days ago"), which look back from the story? */
static bool story_day(const article_ctx *c, const dl_timex *t) {
    if (t->type != DL_TIMEX_DATE && t->type != DL_TIMEX_TIME) return false;
    if (t->role != DL_TIMEX_POINT || t->when.start == DL_DAY_NONE) return false;
    if (t->when.granularity != DL_GRAN_DAY || t->when.end != t->when.start) return false;
    if (t->when.start > c->dct || t->when.start < c->dct - 7) return false;
    if (!t->anchored_to_dct) return false;
    return !(t->end - t->start >= 3 && !memcmp(c->doc->text + t->end - 3, "ago", 3));
}

/* The story's day for sentence s: the day the lead gives (its first
 * LEAD_SENTENCES + 1 sentences), else the last day an earlier sentence
 * gave.  News tells a story from that day on ("Mr Macron flew to Moscow
 * on Monday. ... Mr Putin also warned NATO."): a past-tense event without
 * a date of its own most likely happened that day, not on the day the
 * article came out; later sentences that name other days are mostly
 * background.  NULL when there is none. */
#define LEAD_SENTENCES 2

static const dl_timex *narrative_date(const article_ctx *c, uint32_t s) {
    if (c->dct == DL_DAY_NONE) return NULL;
    /* the lead's day, when the first sentences give one */
    for (size_t k = 0; k < c->timexes.n; k++) {
        const dl_timex *t = &c->timexes.items[k];
        if (t->sentence >= s || t->sentence > LEAD_SENTENCES) break;
        if (story_day(c, t)) return t;
    }
    for (size_t k = c->timexes.n; k-- > 0;) {
        const dl_timex *t = &c->timexes.items[k];
        if (t->sentence < s && story_day(c, t)) return t;
    }
    return NULL;
}

/* Days in a duration of whole days or weeks ("P1D", "P2D", "P1W"); 0 for
 * hours and minutes ("PT5H": the same day); -1 for anything else. */
static int duration_days(const char *v) {
    if (v[0] != 'P') return -1;
    if (v[1] == 'T') return 0;
    char *end;
    long n = strtol(v + 1, &end, 10);
    if (end == v + 1 || n < 0 || n > 60) return -1;
    if (!strcmp(end, "D")) return (int)n;
    if (!strcmp(end, "W")) return (int)(7 * n);
    return -1;
}

/* Is there a finite verb among tokens [from, to)? */
static bool finite_verb_in(const article_ctx *c, uint32_t from, uint32_t to) {
    for (uint32_t q = from; q < to; q++) {
        uint32_t v = c->tok[q].vg;
        if (v != NONE && c->vgroups.v[v].finite && !c->vgroups.v[v].noun) return true;
    }
    return false;
}

/* "unveiled sanctions on Tuesday, a day after Putin recognised the
 * regions", "met Zelensky on Monday, a day before he was due in Moscow":
 * a verb in a clause of "<duration> after/before" happened that long
 * before/after the date that dates the main clause.  Returns the shift
 * in days (negative: earlier), or 0 when the verb is in no such clause or
 * the date it took is the clause's own; *rel is then the duration's
 * expression and *rel_end the byte after its "after"/"before". */
static int relative_clause_shift(const article_ctx *c, uint32_t s, const vgroup *g, const dl_when *when,
                                 const char *basis, const dl_timex **rel, size_t *rel_end) {
    if (when->start == DL_DAY_NONE || when->granularity != DL_GRAN_DAY) return 0;
    uint32_t first = (uint32_t)c->doc->sentences[s].first_token;
    for (size_t k = 0; k < c->timexes.n; k++) {
        const dl_timex *d = &c->timexes.items[k];
        if (d->sentence > s) break; /* (the list is in text order) */
        if (d->sentence != s || d->type != DL_TIMEX_DURATION) continue;
        uint32_t r = d->first_token + d->n_tokens; /* "after" / "before" */
        if (r >= g->start || d->first_token < first) continue;
        bool after = word_is(dl_doc_norm(c->doc, r), "after"), before = word_is(dl_doc_norm(c->doc, r), "before");
        if (!after && !before) continue;
        /* the verb is in that clause: no clause mark between */
        bool inside = true;
        for (uint32_t q = r + 1; q < g->start && inside; q++) {
            const char *w = dl_doc_norm(c->doc, q);
            /* "a day after Putin recognised the regions and ordered troops
             * in": a verb joined to the clause's own verb is inside it */
            if (word_is(w, "and") && q + 1 == g->first && finite_verb_in(c, r + 1, q))
                continue;
            inside = !(word_is(w, ";") || word_is(w, ":") || word_is(w, "--") || word_is(w, "and") ||
                       word_is(w, "but") || word_is(w, ","));
        }
        if (!inside) continue;
        /* the date must be the main clause's, before the duration */
        if (basis < c->doc->text + c->doc->tokens[first].start ||
            basis >= c->doc->text + c->doc->tokens[d->first_token].start)
            return 0;
        int n = duration_days(d->value);
        if (n <= 0) return 0;
        *rel = d;
        *rel_end = c->doc->tokens[r].end;
        return after ? -n : n;
    }
    return 0;
}

/* Is verb group g a past perfect ("had assured") reported by a speech verb
 * that stands between it and the time expression at `basis` ("on Tuesday,
 * Macron said Putin had assured him")?  The time is then the telling's. */
static bool reported_earlier(const article_ctx *c, uint32_t s, const vgroup *g, const char *basis) {
    bool had = false;
    for (uint32_t k = g->first; k < g->start; k++) had |= word_is(dl_doc_norm(c->doc, k), "had");
    if (!had || g->noun || g->infinitive || g->gerund) return false;
    uint32_t first = (uint32_t)c->doc->sentences[s].first_token;
    const char *text = c->doc->text;
    if (!basis || basis < text || basis >= text + c->doc->len) return false;
    size_t at = (size_t)(basis - text);
    for (uint32_t k = g->first; k-- > first && c->doc->tokens[k].start > at;) {
        uint32_t v = c->tok[k].vg;
        if (v == NONE || c->vgroups.v[v].noun) continue;
        const vgroup *h = &c->vgroups.v[v];
        if (!h->finite || h->infinitive || h->gerund) continue;
        return (c->tok[k].wclass & DL_W_SPEECH) != 0; /* the nearest finite verb before */
    }
    return false;
}

/* "Hours later, Putin recognised ...", "He then instructed ...": a
 * sentence that says it follows the one before happened on that one's day.
 * Returns the last day-precise date of sentence s - 1 when sentence s opens
 * with "<hours|minutes|moments> later", "shortly after(wards)", "soon
 * after(wards)" or "afterwards", or when "then" stands right before the
 * verb; else NULL. */
static const dl_timex *sequel_date(const article_ctx *c, uint32_t s, const vgroup *g) {
    if (s == 0) return NULL;
    const dl_sentence *se = &c->doc->sentences[s];
    uint32_t first = se->first_token + se->n_lead, end = se->first_token + se->n_tokens;
    bool sequel = false;
    if (first + 1 < end) {
        const char *w0 = dl_doc_norm(c->doc, first), *w1 = dl_doc_norm(c->doc, first + 1);
        sequel = ((word_is(w0, "hours") || word_is(w0, "minutes") || word_is(w0, "moments")) && word_is(w1, "later")) ||
                 ((word_is(w0, "shortly") || word_is(w0, "soon")) &&
                  (word_is(w1, "after") || word_is(w1, "afterwards") || word_is(w1, "afterward"))) ||
                 ((word_is(w0, "afterwards") || word_is(w0, "afterward")) && word_is(w1, ","));
    }
    for (uint32_t q = g->first; q < g->start && !sequel; q++) sequel = word_is(dl_doc_norm(c->doc, q), "then");
    if (!sequel) return NULL;
    for (size_t k = c->timexes.n; k-- > 0;) {
        const dl_timex *t = &c->timexes.items[k];
        if (t->sentence >= s) continue;
        if (t->sentence < s - 1) break;
        if ((t->type == DL_TIMEX_DATE || t->type == DL_TIMEX_TIME) && t->role == DL_TIMEX_POINT &&
            t->when.start != DL_DAY_NONE && t->when.granularity == DL_GRAN_DAY && t->when.end == t->when.start &&
            (c->dct == DL_DAY_NONE || t->when.start <= c->dct))
            return t;
    }
    return NULL;
}

/* Date an event by time expression t of another clause or sentence. */
static void take_date(const article_ctx *c, const dl_timex *t, dl_when *when, const char **basis,
                      size_t *basis_len) {
    *when = t->when;
    dl_strlcpy(when->value, t->value, sizeof when->value);
    *basis = c->doc->text + t->start;
    *basis_len = t->end - t->start;
}

void event_date(const article_ctx *c, uint32_t s, const vgroup *g, dl_when *when, const char **basis,
                size_t *basis_len, bool *inferred) {
    dl_timex_date_event(c->doc, &c->timexes, s, g->start, c->dct, when, basis, basis_len, inferred);
    if (!*inferred) {
        const dl_timex *rel = NULL;
        size_t rel_end = 0;
        int shift = relative_clause_shift(c, s, g, when, *basis, &rel, &rel_end);
        if (shift) {
            dl_when_set_day(when, when->start + shift);
            /* the basis: "a day after" (counted from the main clause's date) */
            *basis = c->doc->text + rel->start;
            *basis_len = rel_end - rel->start;
            return;
        }
    }
    if (!*inferred && reported_earlier(c, s, g, *basis)) {
        /* "On Tuesday, Macron said Putin had assured him ...": the
         * assurance came before the day the speaker told of it, most
         * likely on the story's day */
        const dl_timex *t = narrative_date(c, s);
        if (t && t->when.start < when->start) {
            take_date(c, t, when, basis, basis_len);
            *inferred = true;
        }
        return;
    }
    if (!*inferred || !past_tense(c, g)) return;
    const dl_timex *t = sequel_date(c, s, g);
    if (!t) t = narrative_date(c, s);
    if (!t || t->when.start == c->dct) return;
    take_date(c, t, when, basis, basis_len); /* still inferred: the sentence itself does not say when */
}

static void ctx_free(article_ctx *c) {
    dl_timex_list_clear(&c->timexes);
    free(c->tok);
    free(c->words); /* and tflags */
    free(c->cands);
    free(c->mentions.v);
    free(c->vgroups.v);
    free(c->noise);
    free(c->speaker);
    free(c->speaker_ent);
    free(c->seen_person);
    free(c->mention_at); /* (and vgroup_at) */
}

/* Fail an article whose sentence s yielded n events, over the limit. */
static dl_status too_many_events(const dl_article *a, const dl_doc *doc, uint32_t s, size_t n, size_t limit,
                                 dl_error *err) {
    return dl_error_set(err, DL_ERR_LIMIT, a->origin, a->origin_line, -1,
                        "article '%s': sentence %u (byte %zu of the text) yields %zu events, more than the "
                        "limit of %zu (--max-events-per-sentence)",
                        a->id, s, doc->sentences[s].start, n, limit);
}

/* Set up the state of one article (freed by ctx_free() whatever happens)
 * and tag its time expressions. */
static dl_status ctx_open(article_ctx *c, const dl_extractor *x, const dl_article *a, const dl_doc *doc,
                          dl_event_list *out, dl_error *err) {
    *c = (article_ctx){.x = x, .lex = x->lex, .a = a, .doc = doc, .dct = a->published, .out = out,
                       .meeting_src = NONE, .meeting_tgt = NONE, .meeting_sentence = NONE, .meeting_vg = NONE,
                       .sig_sentence = NONE, .pooled_sentence = NONE};
    size_t ns = doc->n_sentences ? doc->n_sentences : 1, nt = doc->n_tokens ? doc->n_tokens : 1;
    c->tok = malloc(nt * sizeof *c->tok); /* set by tag_words() */
    c->words = malloc(nt * 2 * sizeof *c->words);
    c->tflags = c->words ? c->words + doc->n_tokens : NULL;
    c->noise = calloc(ns, sizeof *c->noise);
    c->speaker = calloc(ns, sizeof *c->speaker);
    c->speaker_ent = calloc(ns, sizeof *c->speaker_ent);
    if (!c->tok || !c->words || !c->noise || !c->speaker || !c->speaker_ent) return DL_ERR_NOMEM;
    /* room for the actor phrases and verb groups of a news article (about
     * one of each per ten tokens), rather than growing to it; a long text
     * grows from there */
    size_t guess = nt / 8 + 16 < 1024 ? nt / 8 + 16 : 1024;
    if (!vec_reserve(&c->mentions, guess) || !vec_reserve(&c->vgroups, guess)) return DL_ERR_NOMEM;
    return dl_timex_tag(doc, c->dct, &c->timexes, err);
}

/* Table where each sentence's mentions and verb groups begin (see
 * article_ctx.mention_at), once the lists are complete. */
static dl_status table_sentences(article_ctx *c) {
    size_t ns = c->doc->n_sentences;
    c->mention_at = malloc(2 * (ns + 1) * sizeof *c->mention_at);
    if (!c->mention_at) return DL_ERR_NOMEM;
    c->vgroup_at = c->mention_at + ns + 1;
    size_t m = 0, g = 0;
    for (uint32_t s = 0; s <= ns; s++) { /* both lists are in sentence order */
        while (m < c->mentions.n && c->mentions.v[m].sentence < s) m++;
        while (g < c->vgroups.n && c->vgroups.v[g].sentence < s) g++;
        c->mention_at[s] = (uint32_t)m;
        c->vgroup_at[s] = (uint32_t)g;
    }
    return DL_OK;
}

/* The reading passes, before any coding: words, the publisher, each
 * sentence's actors, verbs and lists, then speakers and persons. */
static dl_status read_article(article_ctx *c) {
    dl_status st = DL_OK;
    tag_words(c);
    find_publisher(c);
    for (uint32_t s = 0; s < c->doc->n_sentences && st == DL_OK; s++) {
        c->noise[s] = sentence_is_noise(c, s);
        if (c->noise[s]) continue;
        st = find_mentions(c, s);
        if (st == DL_OK) st = find_vgroups(c, s);
        if (st == DL_OK) code_link_groups(c, s);
    }
    if (st != DL_OK) return st;
    find_speakers(c);
    resolve_first_person(c);
    resolve_second_person(c);
    return table_sentences(c);
}

dl_status dl_extract_article(const dl_extractor *x, const dl_article *a, dl_event_list *out, dl_error *err) {
    dl_doc *doc;
    dl_status st = dl_doc_new(a->text, a->text_len, &doc, err);
    if (st != DL_OK) return st;
    size_t n0 = out->n, limit = x->opt.max_events_per_sentence ? x->opt.max_events_per_sentence : DL_DEFAULT_MAX_EVENTS;
    uint32_t over = NONE; /* the sentence over the limit */
    size_t n_over = 0;
    article_ctx c;
    st = ctx_open(&c, x, a, doc, out, err);
    if (st == DL_OK) st = read_article(&c);
    for (uint32_t s = 0; s < doc->n_sentences && st == DL_OK; s++) {
        size_t before = out->n;
        st = code_sentence(&c, s);
        if (st == DL_OK && out->n - before > limit) {
            over = s;
            n_over = out->n - before;
            st = DL_ERR_LIMIT;
        }
    }
    if (st == DL_ERR_LIMIT && over != NONE) too_many_events(a, doc, over, n_over, limit, err);
    else if (st != DL_OK) dl_error_set(err, st, a->origin, a->origin_line, -1, "article '%s': %s", a->id, dl_status_name(st));
    ctx_free(&c);
    dl_doc_free(doc);
    if (st != DL_OK) {
        /* nothing of a failed article stays in the list (a pool's strings
         * stay until the pool is emptied) */
        for (size_t i = n0; i < out->n && !out->pool; i++) dl_event_clear(&out->items[i]);
        out->n = n0;
        return st;
    }
    return DL_OK;
}

dl_status dl_extract_text(const dl_extractor *x, const char *id, const char *text, size_t len, const char *published,
                          dl_event_list *out, dl_error *err) {
    dl_article a = {0};
    a.id = (char *)(id ? id : "text");
    a.text = (char *)text;
    a.text_len = len;
    a.published = dl_day_parse(published);
    a.origin = a.id;
    if (a.published == DL_DAY_NONE)
        return dl_error_set(err, DL_ERR_USAGE, a.id, -1, -1, "bad publication date \"%s\"", published ? published : "");
    return dl_extract_article(x, &a, out, err);
}

/* ---- tracing ---------------------------------------------------------------- */

static const char *kind_name(mention_kind k) {
    static const char *const names[] = {"?", "name", "agent", "role", "pronoun", "capital", "people", "descr", "place"};
    return (unsigned)k < sizeof names / sizeof *names ? names[k] : "?";
}

dl_status dl_extract_trace(const dl_extractor *x, const dl_article *a, char **out, dl_error *err) {
    *out = NULL;
    dl_event_list events = {0};
    dl_doc *doc;
    dl_status st = dl_doc_new(a->text, a->text_len, &doc, err);
    if (st != DL_OK) return st;
    article_ctx c;
    dl_buf b = {0};
    st = ctx_open(&c, x, a, doc, &events, err);
    if (st == DL_OK) st = read_article(&c);
    if (st == DL_OK) {
        if (c.publisher.country[0]) dl_buf_printf(&b, "publisher: %s\n", c.publisher.country);
        size_t kt = 0, km = 0, kv = 0; /* each list is in sentence order */
        for (uint32_t s = 0; s < doc->n_sentences; s++) {
            const dl_sentence *sent = &doc->sentences[s];
            dl_buf_printf(&b, "\n[%u]%s %.*s\n", s, c.noise[s] ? " (noise)" : "", (int)(sent->end - sent->start),
                          doc->text + sent->start);
            if (c.speaker_ent[s].type != E_NONE)
                dl_buf_printf(&b, "  speaker: %s %s\n", c.speaker_ent[s].name, c.speaker_ent[s].country);
            for (; kt < c.timexes.n && c.timexes.items[kt].sentence <= s; kt++) {
                const dl_timex *tx = &c.timexes.items[kt];
                if (tx->sentence == s)
                    dl_buf_printf(&b, "  time   [%.*s] %s %s\n", (int)(tx->end - tx->start), doc->text + tx->start,
                                  dl_timex_type_name(tx->type), tx->value);
            }
            for (; km < c.mentions.n && c.mentions.v[km].sentence <= s; km++) {
                const mention *m = &c.mentions.v[km];
                if (m->sentence != s) continue;
                size_t st0 = doc->tokens[m->start].start, en = doc->tokens[m->end - 1].end;
                dl_buf_printf(&b, "  actor  [%.*s] %s -> %s %s %s group=%u%s%s%s%s%s\n", (int)(en - st0), doc->text + st0,
                              kind_name(m->kind), m->ent.name[0] ? m->ent.name : "-",
                              m->ent.country[0] ? m->ent.country : "-", m->ent.sector[0] ? m->ent.sector : "-",
                              m->group, m->locative ? " locative" : "", m->possessive ? " possessive" : "",
                              m->resolved_by_coref ? " coref" : "", m->first_person ? " 1st" : "",
                              m->owner ? " owner" : "");
            }
            for (; kv < c.vgroups.n && c.vgroups.v[kv].sentence <= s; kv++) {
                const vgroup *g = &c.vgroups.v[kv];
                if (g->sentence != s) continue;
                size_t st0 = doc->tokens[g->first].start, en = doc->tokens[g->end - 1].end;
                const dl_verb_block *bl = dl_lexicon_block(x->lex, g->block);
                dl_buf_printf(&b, "  verb   [%.*s] %s%s%s%s%s%s%s%s%s\n", (int)(en - st0), doc->text + st0, bl->name,
                              g->noun ? " noun" : "", g->finite ? " finite" : "", g->passive ? " passive" : "",
                              g->negated ? " negated" : "", g->hypothetical ? " hypothetical" : "",
                              g->future ? " future" : "", g->infinitive ? " infinitive" : "",
                              g->gerund ? " gerund" : "");
            }
            size_t before = events.n;
            if (st == DL_OK) st = code_sentence(&c, s);
            for (size_t k = before; k < events.n; k++) {
                const dl_event *ev = &events.items[k];
                dl_buf_printf(&b, "  EVENT  %s %s -> %s %s (%s)\n", ev->actor.country ? ev->actor.country : "-",
                              ev->action.code, ev->has_target && ev->target.country ? ev->target.country : "-",
                              ev->action.text ? ev->action.text : "", ev->actor.name ? ev->actor.name : "");
            }
        }
    }
    ctx_free(&c);
    dl_doc_free(doc);
    dl_event_list_clear(&events);
    if (st != DL_OK) {
        dl_buf_free(&b);
        return dl_error_set(err, st, a->origin, -1, -1, "trace failed");
    }
    *out = dl_buf_take(&b);
    return DL_OK;
}
