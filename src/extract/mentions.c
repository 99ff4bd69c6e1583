/* mentions.c - actor phrases and coreference.
 *
 * An actor phrase is built from dictionary items around a head:
 *
 *   [det] [modifiers] HEAD [of COUNTRY] [NAME]
 *
 * modifiers give a country ("Russian", "Russia's", "NATO", "Kremlin") or
 * qualify an office ("deputy", "former"); the head is a name, an office
 * ("foreign minister"), a generic agent ("troops"), a seat of power ("the
 * Kremlin"), a capital, a demonym or a pronoun.  An office tied to a country
 * resolves to whoever held it on the article's date.  Pronouns, bare offices
 * ("the minister") and descriptions ("the alliance") resolve to the last
 * compatible actor mentioned before. */
#include <stdlib.h>
#include <string.h>

#include "coder.h"
#include "extract_private.h"

/* ---- entities from the dictionary --------------------------------------- */

static void ent_clear(entity *e) {
    memset(e, 0, sizeof *e);
    e->actor = NONE;
    e->role = NONE;
    e->where = NONE;
}

static void set_country(article_ctx *c, entity *e, const char *code, const char *sector) {
    ent_clear(e);
    uint32_t a = dl_lexicon_find_code(c->lex, code);
    const dl_actor_def *def = a != DL_WORD_NONE ? dl_lexicon_actor(c->lex, a) : NULL;
    e->type = def && def->kind == DL_ACTOR_ORG ? E_ORG : E_COUNTRY;
    e->actor = a != DL_WORD_NONE ? a : NONE;
    dl_strlcpy(e->country, code, sizeof e->country);
    dl_strlcpy(e->sector, sector ? sector : "", sizeof e->sector);
    if (def) {
        dl_strlcpy(e->name, def->name, sizeof e->name);
        e->where = def->where;
    }
}

/* A person: country and sector from the office held on the article's date,
 * else the dictionary's home country and sector. */
static void set_person(article_ctx *c, entity *e, uint32_t actor) {
    ent_clear(e);
    const dl_actor_def *def = dl_lexicon_actor(c->lex, actor);
    e->type = E_PERSON;
    e->actor = actor;
    e->where = def->where;
    dl_strlcpy(e->name, def->name, sizeof e->name);
    char country[12];
    uint32_t role = dl_lexicon_person_role(c->lex, actor, c->dct, country);
    if (role != DL_WORD_NONE) {
        e->role = role;
        dl_strlcpy(e->country, country, sizeof e->country);
        dl_strlcpy(e->sector, dl_lexicon_role(c->lex, role)->sector, sizeof e->sector);
    } else {
        dl_strlcpy(e->country, def->code, sizeof e->country);
        dl_strlcpy(e->sector, def->sector, sizeof e->sector);
    }
}

/* Who held `role` of `country` on the article's date; "leader" falls back
 * to the head of government or of state (data/leader_roles.txt). */
static uint32_t role_holder(article_ctx *c, const char *country, uint32_t role) {
    uint32_t h = dl_lexicon_role_holder(c->lex, country, role, c->dct, 30);
    if (h != DL_WORD_NONE) return h;
    const dl_role_def *rd = dl_lexicon_role(c->lex, role);
    if (rd && dl_streq(rd->id, "leader")) {
        bool hog = false;
        const rules *r = extractor_rules(c->x);
        for (size_t i = 0; i < r->hog.n && !hog; i++) hog = dl_streq(r->hog.v[i], country);
        const char *first = hog ? "head_of_government" : "head_of_state";
        const char *second = hog ? "head_of_state" : "head_of_government";
        uint32_t r1 = dl_lexicon_find_role(c->lex, first), r2 = dl_lexicon_find_role(c->lex, second);
        if (r1 != DL_WORD_NONE) h = dl_lexicon_role_holder(c->lex, country, r1, c->dct, 30);
        if (h == DL_WORD_NONE && r2 != DL_WORD_NONE) h = dl_lexicon_role_holder(c->lex, country, r2, c->dct, 30);
    }
    return h;
}

/* ---- token helpers ----------------------------------------------------- */

static inline const char *norm(const article_ctx *c, uint32_t i) { return c->tok[i].norm; }
/* (always inlined: called for most tokens of most rules, and the compiler
 * would rather not copy it into so many places) */
static inline __attribute__((always_inline)) bool is(const article_ctx *c, uint32_t i, const char *w) {
    return word_is(norm(c, i), w);
}
static inline uint32_t wclass(const article_ctx *c, uint32_t i) { return c->tok[i].wclass; }

/* A word of direction before a place ("eastern Ukraine", "the occupied
 * West Bank"): RULE_LIST_COMPASS (rules.c). */
static bool is_compass(const article_ctx *c, uint32_t i) {
    return rule_listed(extractor_rules(c->x), RULE_LIST_COMPASS, c->tok[i].hash, norm(c, i));
}

static inline uint32_t tflags(const article_ctx *c, uint32_t i) { return c->doc->tokens[i].flags; }

/* Dictionary phrases at token i (not beyond end), fitting the text's case.
 * Remembered per token: asked again with the same end, or with a nearer
 * one that the longest phrase still fits before, the answer is the same.
 * (Always inlined: asked a third of a million times for 1,500 articles,
 * mostly answered at once.) */
static inline __attribute__((always_inline)) size_t lex_at(article_ctx *c, uint32_t i, uint32_t end,
                                                            const dl_phrase **ph, size_t *n) {
    if (i >= end || c->tok[i].word == DL_WORD_NONE) return 0;
    tokinfo *t = &c->tok[i];
    if (t->lex_end && (t->lex_end == end || (end < t->lex_end && t->lex_len <= end - i))) {
        *ph = t->lex_ph;
        *n = t->lex_n;
        return t->lex_len;
    }
    /* (no phrase starts with most words: then none is looked for, k = 0) */
    size_t k = !dl_lexicon_may_start_actor(c->lex, t->word) ? 0 : end - i < 24 ? end - i : 24;
    *ph = NULL;
    *n = 0;
    size_t len = k ? dl_lexicon_match(c->lex, c->words + i, c->tflags + i, k, ph, n) : 0; /* (no call for most) */
    t->lex_end = end;
    t->lex_len = (uint32_t)len;
    t->lex_n = (uint32_t)*n;
    t->lex_ph = *ph;
    return len;
}

/* The first fitting meaning of a given kind among ph[0..n).  (Always
 * inlined: called half a million times for 1,500 articles, from a dozen
 * places, mostly to look at one or two meanings.) */
static inline __attribute__((always_inline)) const dl_phrase *pick(article_ctx *c, uint32_t i, const dl_phrase *ph,
                                                                    size_t n, dl_phrase_kind kind) {
    uint32_t fl[24];
    for (size_t k = 0; k < n; k++) {
        if (ph[k].kind != kind) continue;
        for (uint32_t j = 0; j < ph[k].n_words && j < 24; j++) fl[j] = tflags(c, i + j);
        if (dl_phrase_fits(&ph[k], fl)) return &ph[k];
    }
    return NULL;
}

/* The office among the fitting meanings: one bound to a country ("@GBR")
 * before a general one of the same words. */
static const dl_phrase *pick_role(article_ctx *c, uint32_t i, const dl_phrase *ph, size_t n) {
    const dl_phrase *any = pick(c, i, ph, n, DL_PH_ROLE);
    if (!any || any->country[0]) return any;
    uint32_t fl[24];
    for (size_t k = 0; k < n; k++) {
        if (ph[k].kind != DL_PH_ROLE || !ph[k].country[0] || ph[k].index != any->index) continue;
        for (uint32_t j = 0; j < ph[k].n_words && j < 24; j++) fl[j] = tflags(c, i + j);
        if (dl_phrase_fits(&ph[k], fl)) return &ph[k];
    }
    return any;
}

/* Best person among the fitting meanings of `kind` (by date fit). */
static const dl_phrase *pick_person(article_ctx *c, uint32_t i, const dl_phrase *ph, size_t n, dl_phrase_kind kind,
                                    int *fit_out) {
    const dl_phrase *best = NULL;
    int best_fit = -1;
    uint32_t fl[24];
    for (size_t k = 0; k < n; k++) {
        if (ph[k].kind != kind) continue;
        const dl_actor_def *a = dl_lexicon_actor(c->lex, ph[k].index);
        if (!a || a->kind != DL_ACTOR_PERSON) continue;
        for (uint32_t j = 0; j < ph[k].n_words && j < 24; j++) fl[j] = tflags(c, i + j);
        if (!dl_phrase_fits(&ph[k], fl)) continue;
        int fit = dl_lexicon_person_fit(c->lex, ph[k].index, c->dct);
        if (fit > best_fit) {
            best_fit = fit;
            best = &ph[k];
        }
    }
    if (fit_out) *fit_out = best_fit;
    return best;
}

static const dl_phrase *pick_place(article_ctx *c, uint32_t i, const dl_phrase *ph, size_t n) {
    uint32_t fl[24];
    for (size_t k = 0; k < n; k++) {
        if (ph[k].kind != DL_PH_NAME) continue;
        const dl_actor_def *a = dl_lexicon_actor(c->lex, ph[k].index);
        if (!a || a->kind == DL_ACTOR_PERSON) continue;
        for (uint32_t j = 0; j < ph[k].n_words && j < 24; j++) fl[j] = tflags(c, i + j);
        if (dl_phrase_fits(&ph[k], fl)) return &ph[k];
    }
    return NULL;
}

/* The country of the first place in [from, end) after "in" (with "the"
 * and words of direction between) that is not `except`: "in southeastern
 * Serbia", "in the capital, Pristina".  NULL when there is none. */
static const char *located_country(article_ctx *c, uint32_t from, uint32_t end, const char *except) {
    for (uint32_t k = from; k + 1 < end; k++) {
        if (!is(c, k, "in")) continue;
        uint32_t m = k + 1;
        while (m < end && (is(c, m, "the") || is_compass(c, m))) m++;
        const dl_phrase *ph;
        size_t n;
        if (m >= end || !lex_at(c, m, end, &ph, &n)) continue;
        const dl_phrase *pl = pick_place(c, m, ph, n);
        if (!pl) pl = pick(c, m, ph, n, DL_PH_PLACE);
        if (!pl) pl = pick(c, m, ph, n, DL_PH_CAPITAL);
        if (!pl) continue;
        const char *code = dl_lexicon_actor(c->lex, pl->index)->code;
        if (!dl_streq(code, except)) return code;
    }
    return NULL;
}

/* Has this person been mentioned earlier in the article?  A mention's entity
 * is final once it is pushed (until resolve_first_person(), which runs after
 * every sentence's mentions), so new mentions are entered in a per-actor
 * table as they come: constant time per mention, however long the article. */
static bool seen_person(article_ctx *c, uint32_t actor) {
    size_t n_actors = dl_lexicon_n_actors(c->lex);
    /* one bit per actor: the table is cleared for every article that asks */
    if (!c->seen_person && n_actors) c->seen_person = calloc((n_actors + 7) / 8, 1);
    if (!c->seen_person || actor >= n_actors) {
        for (size_t k = c->mentions.n; k-- > 0;)
            if (c->mentions.v[k].ent.type == E_PERSON && c->mentions.v[k].ent.actor == actor) return true;
        return false;
    }
    for (; c->seen_upto < c->mentions.n; c->seen_upto++) {
        const entity *e = &c->mentions.v[c->seen_upto].ent;
        if (e->type == E_PERSON && e->actor < n_actors) c->seen_person[e->actor / 8] |= (uint8_t)(1u << (e->actor % 8));
    }
    return (c->seen_person[actor / 8] >> (actor % 8)) & 1;
}

/* Capitalised words that are not dictionary words of any closed class: an
 * unknown person's name after an office ("minister Dubem Oniya"). */
static uint32_t unknown_name(const article_ctx *c, uint32_t i, uint32_t end) {
    uint32_t j = i;
    while (j < end && j < i + 3) {
        const dl_token *t = &c->doc->tokens[j];
        if (t->kind != DL_TOK_WORD || !(t->flags & DL_TF_CAP) || (t->flags & DL_TF_UPPER && t->end - t->start > 4))
            break;
        if (wclass(c, j) & ~(DL_W_STOPNAME | DL_W_TITLE)) break;
        if (c->tok[j].vforms || c->tok[j].timex) break;
        j++;
        /* "J." initials continue a name */
    }
    return j - i;
}

/* ---- coreference --------------------------------------------------------- */

/* The last mention (before `before`, within `sentences` sentences) whose
 * entity satisfies ok(); NULL if none. */
static const mention *last_match(const article_ctx *c, size_t before, uint32_t sentence, uint32_t sentences,
                                 bool (*ok)(const mention *, const void *), const void *arg) {
    for (size_t k = before; k-- > 0;) {
        const mention *m = &c->mentions.v[k];
        if (m->sentence + sentences < sentence) break;
        if (m->ent.type == E_NONE || m->first_person) continue;
        if (ok(m, arg)) return m;
    }
    return NULL;
}

/* Is mention m in subject position (a finite verb follows within two
 * tokens)?  Only known for sentences whose verbs have been found. */
static bool in_subject_position(const article_ctx *c, const mention *m) {
    /* (the group may start before its verb: "Mr Biden was scheduled to speak") */
    for (uint32_t t = m->end; t < m->end + 6 && t < c->doc->n_tokens; t++) {
        if (c->tok[t].vg != NONE) {
            const vgroup *g = &c->vgroups.v[c->tok[t].vg];
            return !g->noun && (t < m->end + 3 || g->first <= m->end + 2);
        }
        if (c->tok[t].mention != NONE) return false;
    }
    return false;
}

static bool is_person_gender(const mention *m, const void *arg) {
    char g = *(const char *)arg;
    return m->ent.type == E_PERSON && !m->locative && (!g || !m->ent.gender || m->ent.gender == g);
}

static bool is_plural_actor(const mention *m, const void *arg) {
    (void)arg;
    if (m->locative) return false;
    return m->plural || m->ent.type == E_GROUP || m->ent.type == E_COUNTRY || m->ent.type == E_ORG;
}

/* "it" also stands for a government, ministry or army named as such ("the
 * Mozambique government ... it"). */
static bool is_state_or_body(const mention *m, const void *arg) {
    (void)arg;
    if (m->locative) return false;
    if ((m->ent.type == E_COUNTRY || m->ent.type == E_ORG) && !m->plural) return true;
    return m->ent.type == E_GROUP && m->kind == M_AGENT && m->ent.country[0] &&
           (dl_streq(m->ent.sector, "GOV") || dl_streq(m->ent.sector, "MIL"));
}

/* A place: named as one ("Donetsk", "in Ukraine") or by a place noun
 * ("separatist regions in eastern Ukraine"); arg is the article_ctx. */
static bool is_place(const mention *m, const void *arg) {
    const article_ctx *c = arg;
    if (!m->ent.country[0] || m->ent.type == E_PERSON) return false;
    if (m->kind == M_PLACE || m->locative) return true;
    for (uint32_t t = m->start; t < m->end; t++) {
        const char *w = norm(c, t);
        size_t n = strlen(w);
        char one[32]; /* ("regions": the singular) */
        if (n > 1 && n < sizeof one && w[n - 1] == 's') {
            memcpy(one, w, n - 1);
            one[n - 1] = 0;
            w = one;
        }
        if (word_in(w, place_nouns)) return true;
    }
    return false;
}

static bool is_state(const mention *m, const void *arg) {
    (void)arg;
    return !m->locative && (m->ent.type == E_COUNTRY || m->ent.type == E_ORG) && !m->plural;
}

static bool is_country(const mention *m, const void *arg) {
    (void)arg;
    return m->ent.type == E_COUNTRY && m->ent.country[0];
}

static bool is_org(const mention *m, const void *arg) {
    (void)arg;
    return m->ent.type == E_ORG;
}

static bool has_role(const mention *m, const void *arg) {
    uint32_t role = *(const uint32_t *)arg;
    return m->ent.type == E_PERSON && m->ent.role == role;
}

/* Resolve a third-person pronoun at mention index k. */
/* "him", "them", or "her" not before a noun ("told her that", "thanked
 * her for"): a pronoun that is the object of a verb or preposition. */
static bool object_pronoun(const article_ctx *c, const mention *m) {
    if (is(c, m->start, "him") || is(c, m->start, "them")) return true;
    if (!is(c, m->start, "her")) return false;
    uint32_t n = m->start + 1;
    if (n >= c->doc->n_tokens || c->doc->tokens[n].kind != DL_TOK_WORD) return true;
    return (wclass(c, n) & (DL_W_PREP | DL_W_SUBORD)) || is(c, n, "to") || is(c, n, "that");
}

/* Does a clause boundary lie among tokens [a, b): a comma, a conjunction
 * or a word that opens a clause? */
static bool clause_break(const article_ctx *c, uint32_t a, uint32_t b) {
    static const char *const w[] = {",", ";", ":", "that", "and", "but", "or", "who", "which", "said",
                                    "when", "while", "after", "before", "because", "if", "as", NULL};
    for (uint32_t t = a; t < b; t++)
        if (word_in(norm(c, t), w)) return true;
    return false;
}

/* Is x a body that the possessive pronoun m owns ("units of its ...")? */
static bool owned_by(const article_ctx *c, const mention *x, const mention *m) {
    return x->sentence == m->sentence && x->end + 1 == m->start && is(c, x->end, "of");
}

static void resolve_pronoun(article_ctx *c, mention *m, size_t k, uint32_t word) {
    int person;
    bool plural, poss;
    char gender;
    if (!dl_lexicon_pronoun(c->lex, word, &person, &plural, &poss, &gender)) return;
    if (person == 1) {
        m->first_person = true; /* resolved once speakers are known */
        m->plural = plural;
        return;
    }
    if (person != 3) return;
    /* "It is a pleasure to welcome ...", "It is good to see you": the
     * speaker's own act */
    if (is(c, m->start, "it") && m->start + 4 < c->doc->n_tokens &&
        (is(c, m->start + 1, "is") || is(c, m->start + 1, "was") || is(c, m->start + 1, "'s"))) {
        uint32_t q = m->start + 2;
        if (is(c, q, "a") || is(c, q, "an") || is(c, q, "my") || is(c, q, "our")) q++;
        if (is(c, q, "great") || is(c, q, "real") || is(c, q, "very") || is(c, q, "particular")) q++;
        static const char *const glad[] = {"pleasure", "honour", "honor", "privilege", "good", "nice", "great",
                                           "wonderful", "delight", NULL};
        if (word_in(norm(c, q), glad) && q + 1 < c->doc->n_tokens && is(c, q + 1, "to")) {
            m->first_person = true;
            return;
        }
    }
    const mention *a = NULL;
    if (gender == 'm' || gender == 'f') {
        /* an object pronoun is not the subject of its own clause, nor
         * anyone else who is that person ("Mr Macron said Mr Putin had
         * assured him": Macron) */
        bool object = object_pronoun(c, m);
        const mention *subject = NULL;
        /* prefer the last person in subject position in this or the previous
         * sentence ("Lavrov met Truss. He said ...": Lavrov) */
        for (size_t q = k; q-- > 0 && !a;) {
            const mention *x = &c->mentions.v[q];
            if (x->sentence + 1 < m->sentence) break;
            if (object && !subject && x->sentence == m->sentence && is_person_gender(x, &gender) &&
                !x->first_person && !clause_break(c, x->end, m->start)) {
                subject = x;
                continue;
            }
            if (subject && x->ent.name[0] && dl_streq(x->ent.name, subject->ent.name)) continue;
            if (x->sentence < m->sentence && is_person_gender(x, &gender) && !x->first_person &&
                in_subject_position(c, x))
                a = x;
            if (x->sentence == m->sentence && is_person_gender(x, &gender) && !x->first_person) a = x;
        }
        if (!a) a = last_match(c, k, m->sentence, 3, is_person_gender, &gender);
    }
    /* "ordered troops into them": places */
    else if (plural && m->start > 0 && is(c, m->start - 1, "into")) a = last_match(c, k, m->sentence, 2, is_place, c);
    else if (plural) a = last_match(c, k, m->sentence, 2, is_plural_actor, NULL);
    else {
        /* "it": only nearby; and not past a body of the same sentence that
         * dipline could not place ("The opposition party said it ...") */
        for (size_t q = k; q-- > 0 && c->mentions.v[q].sentence == m->sentence;) {
            const mention *x = &c->mentions.v[q];
            /* (not "units of its ...": the body "its" owns) */
            if (owned_by(c, x, m)) continue;
            if (x->kind == M_AGENT && !x->ent.country[0] && !x->after_prep && !x->locative &&
                !dl_streq(x->ent.sector, "MED"))
                return;
        }
        /* "Egypt, which has a dispute with Ethiopia, said it stood with
         * Somalia": "it" right after a speech verb is the speaker, the
         * sentence's first actor outside a phrase */
        uint32_t before = m->start > 0 ? m->start - 1 : 0;
        if (m->start > 0 && is(c, before, "that") && before > 0) before--;
        /* ... and "Britain has been ..., and last month it began": "it"
         * opening a clause joined to the first is that clause's subject */
        uint32_t b2 = m->start;
        while (b2 > 0 && (c->tok[b2 - 1].timex || (wclass(c, b2 - 1) & DL_W_ADV))) b2--;
        bool joined = b2 >= 2 && m->start > 0 && (is(c, b2 - 1, "and") || is(c, b2 - 1, "but")) && is(c, b2 - 2, ",");
        if (m->start > 0 && ((wclass(c, before) & DL_W_SPEECH) || joined)) {
            for (size_t q = first_mention(c, m->sentence); q < k && !a; q++) {
                const mention *x = &c->mentions.v[q];
                if (x->after_prep || x->locative || x->possessive || x->owner) continue;
                if (is_state_or_body(x, NULL)) a = x;
                break; /* only the first */
            }
        }
        if (!a) a = last_match(c, k, m->sentence, 1, is_state_or_body, NULL);
    }
    if (!a) return;
    m->ent = a->ent;
    m->plural = plural;
    m->resolved_by_coref = true;
    m->antecedent = (uint32_t)(a - c->mentions.v);
    /* "some units of its military districts": the owned body is the owner's */
    if (poss && k > 0) {
        mention *x = &c->mentions.v[k - 1];
        if (owned_by(c, x, m) && x->kind == M_AGENT && !x->ent.country[0] && a->ent.country[0]) {
            memcpy(x->ent.country, a->ent.country, sizeof x->ent.country);
            x->ent.type = E_GROUP;
        }
    }
}

/* An office without a country ("the foreign minister", "the chancellor"). */
static void resolve_role(article_ctx *c, mention *m, size_t k, uint32_t role) {
    const mention *a = last_match(c, k, m->sentence, 8, has_role, &role);
    if (a) {
        m->ent = a->ent;
        m->resolved_by_coref = true;
        return;
    }
    /* the publisher's country ("The Foreign Secretary said" on gov.uk) */
    if (c->publisher.country[0]) {
        uint32_t p = role_holder(c, c->publisher.country, role);
        if (p != DL_WORD_NONE) {
            set_person(c, &m->ent, p);
            m->resolved_by_coref = true;
        }
    }
}

/* ---- building phrases ---------------------------------------------------- */

#define MAX_COUNTRIES 4

typedef struct np {
    uint32_t start, end;
    mention_kind kind;
    entity ent;
    bool plural;
    /* several countries sharing one head ("Hungarian and Romanian officials") */
    char countries[MAX_COUNTRIES][12];
    int n_countries;
    uint32_t role;  /* the office named, for one holder per country */
    bool owner;     /* "the American warnings": only the adjective */
} np;

/* Word lists of parse_np(): see rule_listed() (rules.c). */
static bool is_office_qualifier(const article_ctx *c, uint32_t j) {
    return rule_listed(extractor_rules(c->x), RULE_LIST_QUALIFIER, c->tok[j].hash, norm(c, j));
}

static bool is_plain_adjective(const article_ctx *c, uint32_t j) {
    return rule_listed(extractor_rules(c->x), RULE_LIST_PLAIN_ADJ, c->tok[j].hash, norm(c, j));
}

/* Does an office or agent phrase start at j, after at most `skip` plain
 * words ("NATO peacekeeping troops", "Irish nationalist guerrillas")?
 * Returns its start or NONE. */
static uint32_t head_after(article_ctx *c, uint32_t j, uint32_t end, int skip) {
    for (int k = 0; k <= skip && j < end; k++, j++) {
        const dl_phrase *ph;
        size_t n;
        if (lex_at(c, j, end, &ph, &n) && (pick(c, j, ph, n, DL_PH_ROLE) || pick(c, j, ph, n, DL_PH_AGENT))) return j;
        const dl_token *t = &c->doc->tokens[j];
        if (t->kind != DL_TOK_WORD || (wclass(c, j) & ~DL_W_TITLE) || c->tok[j].vforms & (DL_VF_PAST | DL_VF_S) ||
            c->tok[j].timex)
            return NONE;
    }
    return NONE;
}

/* Do the capitalised given names before a surname fit the person ("Omar El
 * Bashir" is not "Mohammed al-Bashir")?  Initials and first letters are
 * enough ("Sergei"/"Sergey", "J."). */
static bool given_names_fit(article_ctx *c, uint32_t person, uint32_t a, uint32_t b) {
    const char *name = dl_lexicon_actor(c->lex, person)->name;
    for (uint32_t q = a; q < b; q++) {
        const dl_token *t = &c->doc->tokens[q];
        if (t->kind != DL_TOK_WORD || !(t->flags & DL_TF_CAP)) continue;
        char first = (char)dl_lower((unsigned char)c->doc->text[t->start]);
        bool found = false;
        for (const char *w = name; *w && !found; w++)
            if ((w == name || w[-1] == ' ' || w[-1] == '-') && dl_lower((unsigned char)*w) == first) found = true;
        if (!found) return false;
    }
    return true;
}

/* Is a surname alone unlikely to mean the dictionary's person `person`:
 * "King Hassan of Morocco", "Prime Minister Smith of Australia" ("of
 * COUNTRY" after token k names another country), or a person whose offices
 * all began years after the article?  (Not Tanzania's President Hassan.) */
/* The country of "of COUNTRY" at token k, or NULL. */
static const char *country_after(article_ctx *c, uint32_t k, uint32_t end) {
    if (k + 1 >= end || !is(c, k, "of")) return NULL;
    const dl_phrase *ph;
    size_t n;
    size_t l = lex_at(c, k + 1, end, &ph, &n);
    const dl_phrase *pl = l ? pick_place(c, k + 1, ph, n) : NULL;
    return pl ? dl_lexicon_actor(c->lex, pl->index)->code : NULL;
}

static bool country_clash(article_ctx *c, uint32_t person, uint32_t k, uint32_t end) {
    /* (also: a surname of somebody whose offices all came later) */
    if (dl_lexicon_person_later(c->lex, person, c->dct)) return true;
    const char *named = country_after(c, k, end);
    if (!named) return false;
    entity e;
    set_person(c, &e, person);
    return e.country[0] && !dl_streq(e.country, named);
}

/* Is token i (after a dash) a country adjective ("Russian-German")? */
static bool pair_after_dash(article_ctx *c, uint32_t i, uint32_t end) {
    if (i >= end || (tflags(c, i - 1) & DL_TF_SPACE)) return false;
    const dl_phrase *ph;
    size_t n;
    return lex_at(c, i, end, &ph, &n) && pick(c, i, ph, n, DL_PH_ADJ);
}

/* A country modifier at i: an adjective ("Russian", "NATO"), a possessive
 * name ("Russia's"), a seat ("Kremlin") or a name used as a noun adjunct
 * before an office or agent ("Kremlin spokesman").  Returns its length and
 * the code; 0 if none. */
static size_t country_modifier(article_ctx *c, uint32_t i, uint32_t end, char code[12], char sector[8]) {
    const dl_phrase *ph;
    size_t n;
    size_t len = lex_at(c, i, end, &ph, &n);
    if (!len) return 0;
    sector[0] = 0;
    const dl_phrase *p = pick(c, i, ph, n, DL_PH_ADJ);
    bool poss = i + len < end && is(c, i + (uint32_t)len, "'s");
    /* "the US rejected", "NATO warns": a name that is also an adjective is
     * the name before a verb form */
    bool led_next = i + len + 1 < end && c->doc->tokens[i + len].kind == DL_TOK_DASH &&
                    !(tflags(c, i + (uint32_t)len) & DL_TF_SPACE) && is(c, i + (uint32_t)len + 1, "led");
    if (p && !poss && !led_next && pick_place(c, i, ph, n)) {
        uint32_t nx = i + (uint32_t)len;
        bool noun_next = nx < end && c->doc->tokens[nx].kind == DL_TOK_WORD && c->tok[nx].mention == NONE &&
                         !c->tok[nx].timex && !(c->tok[nx].vforms & (DL_VF_PAST | DL_VF_S)) &&
                         !(wclass(c, nx) & ~(DL_W_STOPNAME | DL_W_TITLE));
        if (!noun_next) return 0;
    }
    /* a hyphenated compound ("Moscow-backed") is not a country modifier,
     * except "-led": a "Saudi-led coalition", "US-led forces" are the
     * leader's */
    bool led = false;
    if (i + len < end && c->doc->tokens[i + len].kind == DL_TOK_DASH && !(tflags(c, i + (uint32_t)len) & DL_TF_SPACE)) {
        /* "Russian-German talks": one side of a pair, an owner by itself */
        if (p && pair_after_dash(c, i + (uint32_t)len + 1, end)) {
            dl_strlcpy(code, dl_lexicon_actor(c->lex, p->index)->code, 12);
            return len;
        }
        if (!(i + len + 1 < end && is(c, i + (uint32_t)len + 1, "led"))) return 0;
        led = true;
        if (!p) p = pick_place(c, i, ph, n);
        if (!p || head_after(c, i + (uint32_t)len + 2, end, 2) == NONE) return 0;
    }
    if (!p) {
        p = pick_place(c, i, ph, n);
        if (!p) {
            p = pick(c, i, ph, n, DL_PH_SEAT);
            if (p) dl_strlcpy(sector, p->sector, 8);
        }
        if (!p) p = pick(c, i, ph, n, DL_PH_CAPITAL);
        if (!p) p = pick(c, i, ph, n, DL_PH_PLACE); /* "Darfur rebels" */
        if (!p) return 0;
        /* a name is a modifier only with 's or before an office/agent
         * ("Kremlin spokesman", "NATO peacekeeping troops") */
        if (!poss && head_after(c, i + (uint32_t)len, end, 2) == NONE) return 0;
    }
    const dl_actor_def *a = dl_lexicon_actor(c->lex, p->index);
    if (!a || a->kind == DL_ACTOR_PERSON) return 0;
    dl_strlcpy(code, a->code, 12);
    return len + (poss ? 1 : 0) + (led ? 2 : 0);
}

/* Can parse_np() find an actor phrase at token i?  Most tokens: no
 * dictionary phrase starts there, and the word neither opens a phrase
 * (determiner, pronoun, title) nor is a modifier that parse_np() steps
 * over; every path of parse_np() would return false.  Inline, so that
 * find_mentions() asks before calling. */
static inline bool np_may_start(const article_ctx *c, uint32_t i, uint32_t end) {
    return !(i < end && !(wclass(c, i) & (DL_W_DET | DL_W_PRON | DL_W_TITLE)) &&
             !dl_lexicon_may_start_actor(c->lex, c->tok[i].word) && !is_office_qualifier(c, i) &&
             !is_plain_adjective(c, i));
}

/* Try to read an actor phrase starting at token i; fills *out and returns
 * true on success. */
static bool parse_np(article_ctx *c, uint32_t i, uint32_t end, np *out) {
    if (!np_may_start(c, i, end)) return false;
    memset(out, 0, sizeof *out);
    out->ent.actor = out->ent.role = out->ent.where = NONE; /* (ent_clear() of the zeroed entity) */
    out->role = NONE;
    uint32_t j = i;
    bool det = false, qualified = false, former = false, titled = false;
    char mod_sector[8] = "";
    uint32_t poss_pron_country = 0;
    entity poss_ent; /* read only when poss_pron_country is set */
    if (j < end && (wclass(c, j) & DL_W_DET) && !(wclass(c, j) & DL_W_PRON) && !is(c, j, "that") &&
        !is(c, j, "which") && !is(c, j, "what") && !is(c, j, "whose")) {
        det = true;
        j++;
    }
    /* a possessive pronoun as modifier: "his spokesman", "their troops" */
    if (!det && j < end && (wclass(c, j) & DL_W_PRON)) {
        int person;
        bool plural, poss;
        char g;
        if (dl_lexicon_pronoun(c->lex, c->tok[j].word, &person, &plural, &poss, &g) && poss && person == 3) {
            mention tmp = {.sentence = c->cur_sentence};
            ent_clear(&tmp.ent);
            resolve_pronoun(c, &tmp, c->mentions.n, c->tok[j].word);
            if (tmp.ent.country[0]) {
                poss_ent = tmp.ent;
                poss_pron_country = 1;
            }
        }
    }
    uint32_t after_det = j;
    if (poss_pron_country) j++;
    /* modifiers */
    for (int guard = 0; j < end && guard < 8; guard++) {
        char code[12], sector[8];
        size_t l = country_modifier(c, j, end, code, sector);
        if (l) {
            if (out->n_countries < MAX_COUNTRIES) dl_strlcpy(out->countries[out->n_countries++], code, 12);
            if (sector[0]) dl_strlcpy(mod_sector, sector, sizeof mod_sector);
            j += (uint32_t)l;
            /* "Hungarian and Romanian officials" */
            if (j + 1 < end && (is(c, j, "and") || is(c, j, ",") || is(c, j, "or"))) {
                char code2[12], sector2[8];
                size_t l2 = country_modifier(c, j + 1, end, code2, sector2);
                if (l2) {
                    j++;
                    continue;
                }
            }
            continue;
        }
        /* an office or agent starts the head ("Foreign Secretary") */
        {
            const dl_phrase *hp;
            size_t hn;
            if (lex_at(c, j, end, &hp, &hn) && (pick(c, j, hp, hn, DL_PH_ROLE) || pick(c, j, hp, hn, DL_PH_AGENT)))
                break;
        }
        const char *w = norm(c, j);
        if (is_office_qualifier(c, j)) {
            qualified = true;
            if (dl_streq(w, "former") || dl_streq(w, "ex") || dl_streq(w, "late")) former = true;
            j++;
            if (j < end && c->doc->tokens[j].kind == DL_TOK_DASH) j++; /* "ex-" */
            continue;
        }
        /* ("is visiting Russia": a verb after an auxiliary) */
        if (is_plain_adjective(c, j) && j + 1 < end &&
            !(c->tok[j].vforms && j > 0 && (wclass(c, j - 1) & (DL_W_BE | DL_W_HAVE | DL_W_MODAL | DL_W_DO)))) {
            j++;
            continue;
        }
        /* "Irish nationalist guerrillas", "Nicaragua's Sandinista government" */
        if (out->n_countries && j + 1 < end && head_after(c, j, end, 2) != NONE && head_after(c, j, end, 0) == NONE) {
            j = head_after(c, j, end, 2);
            continue;
        }
        if ((wclass(c, j) & DL_W_TITLE) && (tflags(c, j) & DL_TF_ABBREV || is(c, j, "mr") || is(c, j, "mrs") ||
                                           is(c, j, "ms") || is(c, j, "dr"))) {
            titled = true;
            if (is(c, j, "mr")) out->ent.gender = 'm';
            if (is(c, j, "mrs") || is(c, j, "ms") || is(c, j, "miss")) out->ent.gender = 'f';
            j++;
            continue;
        }
        break;
    }
    if (j >= end) return false;
    char gender = out->ent.gender;
    /* a pronoun ("I", "we", "he"; "US" in capitals is the country) */
    if (j == i && (wclass(c, j) & DL_W_PRON) && !(wclass(c, j) & DL_W_DET) &&
        !((tflags(c, j) & DL_TF_UPPER) && is(c, j, "us"))) {
        out->start = j;
        out->end = j + 1;
        out->kind = M_PRONOUN;
        return true;
    }
    const dl_phrase *ph;
    size_t n;
    size_t len = lex_at(c, j, end, &ph, &n);
    const char *country = out->n_countries ? out->countries[0] : poss_pron_country ? poss_ent.country : NULL;
    const dl_phrase *p;
    /* an office (a title that names one country's office first: "the
     * foreign secretary" is Britain's) */
    if (len && (p = pick_role(c, j, ph, n))) {
        const dl_role_def *role = dl_lexicon_role(c->lex, p->index);
        uint32_t k = j + (uint32_t)len;
        uint32_t role_idx = p->index;
        if (!country && p->country[0]) country = p->country;
        /* "... of Russia", "of the Russian Federation", "the leaders of
         * Britain, France and Germany" */
        if (k + 1 < end && is(c, k, "of")) {
            uint32_t m = k + 1;
            for (int guard = 0; guard < MAX_COUNTRIES; guard++) {
                if (m < end && is(c, m, "the")) m++;
                const dl_phrase *ph2;
                size_t n2;
                size_t l2 = lex_at(c, m, end, &ph2, &n2);
                const dl_phrase *pl = l2 ? pick_place(c, m, ph2, n2) : NULL;
                if (!pl) break;
                const char *code = dl_lexicon_actor(c->lex, pl->index)->code;
                if (!country || guard == 0) country = code;
                if (out->n_countries < MAX_COUNTRIES) dl_strlcpy(out->countries[out->n_countries++], code, 12);
                k = m + (uint32_t)l2;
                if (k + 1 < end && (is(c, k, ",") || is(c, k, "and"))) {
                    uint32_t nx = k + 1;
                    if (is(c, k, ",") && nx < end && is(c, nx, "and")) nx++;
                    const dl_phrase *ph3;
                    size_t n3;
                    uint32_t nn = nx < end && is(c, nx, "the") ? nx + 1 : nx;
                    size_t l3 = lex_at(c, nn, end, &ph3, &n3);
                    if (l3 && pick_place(c, nn, ph3, n3) && !(l3 + nn < end && is(c, nn + (uint32_t)l3, "'s"))) {
                        m = nx;
                        continue;
                    }
                }
                break;
            }
        }
        /* a name after the office: "Foreign Minister Sergey Lavrov" */
        const dl_phrase *ph3;
        size_t n3;
        size_t l3 = lex_at(c, k, end, &ph3, &n3);
        int fit;
        const dl_phrase *pp = l3 ? pick_person(c, k, ph3, n3, DL_PH_NAME, &fit) : NULL;
        if (!pp) {
            /* "Secretary of State Antony J. Blinken": the surname is the last
             * capitalised word of the name that follows */
            uint32_t nl = unknown_name(c, k, end);
            for (uint32_t q = nl; q-- > 0 && !pp;) {
                size_t l4 = lex_at(c, k + q, end, &ph3, &n3);
                if (!l4 || q + l4 != nl) continue; /* the surname ends the name */
                const dl_phrase *ps = pick_person(c, k + q, ph3, n3, DL_PH_SURNAME, &fit);
                if (!ps) ps = pick_person(c, k + q, ph3, n3, DL_PH_NAME, &fit);
                /* the person must fit the office's country or the date, and
                 * the given names before the surname */
                const dl_actor_def *pa = ps ? dl_lexicon_actor(c->lex, ps->index) : NULL;
                if (ps && (fit >= 2 || !country || (pa && dl_streq(pa->code, country))) &&
                    given_names_fit(c, ps->index, k, k + q) && !country_clash(c, ps->index, k + q + (uint32_t)l4, end)) {
                    pp = ps;
                    l3 = q + l4;
                }
            }
        }
        out->start = i;
        out->kind = M_ROLE;
        if (!qualified) out->role = role_idx;
        if (pp) {
            set_person(c, &out->ent, pp->index);
            out->ent.where = pp->where;
            out->end = k + (uint32_t)l3;
            out->kind = M_NAME;
        } else if ((l3 = unknown_name(c, k, end)) > 0 && !det) {
            /* an unknown person: name from the text, country from the office */
            out->ent.type = E_PERSON;
            size_t a = c->doc->tokens[k].start, b = c->doc->tokens[k + l3 - 1].end;
            snprintf(out->ent.name, sizeof out->ent.name, "%.*s", (int)(b - a), c->doc->text + a);
            /* "Prime Minister Smith of Australia": the country after the name */
            const char *after = country_after(c, k + l3, end);
            if (!country && after) country = after;
            if (country) dl_strlcpy(out->ent.country, country, sizeof out->ent.country);
            dl_strlcpy(out->ent.sector, role->sector, sizeof out->ent.sector);
            out->ent.where = p->where;
            out->end = k + (uint32_t)l3;
            out->kind = M_NAME;
        } else if (country) {
            out->end = k;
            uint32_t holder = qualified ? DL_WORD_NONE : role_holder(c, country, role_idx);
            if (holder != DL_WORD_NONE) {
                set_person(c, &out->ent, holder);
                out->ent.where = p->where;
                out->kind = M_NAME;
            } else {
                /* a deputy, a former holder, or an office we cannot staff:
                 * the country's government */
                set_country(c, &out->ent, country, role->sector);
                out->ent.type = E_GROUP;
                out->ent.where = p->where;
            }
        } else {
            out->end = k;
            out->ent.type = E_NONE;
            out->ent.role = role_idx; /* resolved later by coreference */
            if (former || qualified) out->ent.role = NONE;
        }
        (void)titled;
        out->ent.gender = gender;
        return true;
    }
    /* a generic agent: "troops", "officials", "the government" */
    if (len && (p = pick(c, j, ph, n, DL_PH_AGENT))) {
        const dl_agent_def *ag = dl_lexicon_agent(c->lex, p->index);
        uint32_t k = j + (uint32_t)len;
        /* "a state of emergency", "the state of the economy": not the state */
        if (len == 1 && is(c, j, "state") && k + 1 < end && is(c, k, "of") && !(tflags(c, k + 1) & DL_TF_CAP))
            return false;
        /* used as a title: "Minister Lavrov", "Ambassador Julie Smith" */
        if (!det && k < end && (tflags(c, j) & DL_TF_CAP)) {
            const dl_phrase *ph4;
            size_t n4;
            int fit4;
            size_t l4 = lex_at(c, k, end, &ph4, &n4);
            const dl_phrase *pp4 = l4 ? pick_person(c, k, ph4, n4, DL_PH_NAME, &fit4) : NULL;
            if (!pp4 && l4) {
                pp4 = pick_person(c, k, ph4, n4, DL_PH_SURNAME, &fit4);
                if (pp4 && country_clash(c, pp4->index, k + (uint32_t)l4, end)) pp4 = NULL;
            }
            if (pp4) {
                set_person(c, &out->ent, pp4->index);
                out->ent.where = pp4->where;
                out->start = i;
                out->end = k + (uint32_t)l4;
                out->kind = M_NAME;
                return true;
            }
        }
        if (!country && ag->country[0]) country = ag->country;
        /* "officials of the European Union", "forces from Belarus", "opposition
         * groups in Zimbabwe" */
        if (!country && k + 2 < end && c->doc->tokens[k].kind == DL_TOK_WORD && !wclass(c, k) &&
            !c->tok[k].vforms && c->tok[k].mention == NONE && (is(c, k + 1, "of") || is(c, k + 1, "in")))
            k++;
        /* "a spokesman for the State Department", "a spokeswoman for NATO" */
        bool voice = strncmp(norm(c, j + (uint32_t)len - 1), "spokes", 6) == 0;
        if (!country && k + 1 < end &&
            (is(c, k, "of") || is(c, k, "from") || is(c, k, "in") || (voice && is(c, k, "for")))) {
            uint32_t m = k + 1;
            if (m < end && is(c, m, "the")) m++;
            /* "doctors from two American aid groups": a count, then the
             * country's adjective */
            bool counted = false;
            while (m + 1 < end && !is(c, k, "in") &&
                   ((wclass(c, m) & DL_W_QUANT) || c->doc->tokens[m].kind == DL_TOK_NUMBER)) {
                m++;
                counted = true;
            }
            /* "regions in eastern Ukraine" */
            if (m + 1 < end && is_compass(c, m) && !(tflags(c, m) & DL_TF_CAP)) m++;
            const dl_phrase *ph2;
            size_t n2;
            size_t l2 = lex_at(c, m, end, &ph2, &n2);
            const dl_phrase *pl = l2 ? pick_place(c, m, ph2, n2) : NULL;
            if (!pl && l2) pl = pick(c, m, ph2, n2, DL_PH_CAPITAL);
            if (!pl && l2) pl = pick(c, m, ph2, n2, DL_PH_PLACE);
            /* ("of the European Union's member states": a possessive form) */
            if (!pl && l2 && (counted || is(c, m + (uint32_t)l2 - 1, "'s"))) pl = pick(c, m, ph2, n2, DL_PH_ADJ);
            if (!pl && l2 && !is(c, k, "in")) pl = pick(c, m, ph2, n2, DL_PH_SEAT); /* "of the Kremlin" */
            /* (troops and embassies "in" a country are another's) */
            const char *head = norm(c, j + (uint32_t)len - 1);
            bool abroad = dl_streq(ag->sector, "MIL") || !strncmp(head, "embass", 6) || !strncmp(head, "consul", 6);
            bool in_ok = !is(c, k, "in") || !abroad;
            if (pl && in_ok) {
                country = dl_lexicon_actor(c->lex, pl->index)->code;
                k = m + (uint32_t)l2;
                /* ("two American aid groups": the adjective's noun too) */
                if (pl->kind == DL_PH_ADJ) {
                    const dl_phrase *ph3;
                    size_t n3;
                    while (k < end && c->doc->tokens[k].kind == DL_TOK_WORD && !wclass(c, k) && !c->tok[k].vforms &&
                           (lex_at(c, k, end, &ph3, &n3) == 0 || pick(c, k, ph3, n3, DL_PH_AGENT)))
                        k++;
                }
            }
        }
        out->start = i;
        out->end = k;
        out->kind = M_AGENT;
        out->plural = true;
        /* "military aid", "government bonds": an agent word modifying a noun */
        if (k == j + (uint32_t)len && k < end && c->doc->tokens[k].kind == DL_TOK_WORD && !wclass(c, k) &&
            !(tflags(c, k) & DL_TF_CAP) && c->tok[k].mention == NONE && !c->tok[k].timex) {
            const dl_phrase *ph5;
            size_t n5;
            size_t l5 = lex_at(c, k, end, &ph5, &n5);
            bool agent_next = l5 && (pick(c, k, ph5, n5, DL_PH_AGENT) || pick(c, k, ph5, n5, DL_PH_ROLE));
            /* "Russian forces pull back": a plural agent before a plain verb
             * is its subject */
            const char *hw = norm(c, k - 1);
            size_t hl = strlen(hw);
            bool subject = (c->tok[k].vforms & DL_VF_BASE) && hl > 3 && hw[hl - 1] == 's' && hw[hl - 2] != 's';
            /* "demanded that the Turkish government provide": a clause's subject */
            if ((c->tok[k].vforms & DL_VF_BASE) && i > 0 && is(c, i - 1, "that")) subject = true;
            if (!agent_next && !subject && !(c->tok[k].vforms & (DL_VF_PAST | DL_VF_S))) {
                if (!country) return false;
                set_country(c, &out->ent, country, NULL);
                out->owner = true;
                out->kind = M_NAME;
                out->end = j; /* the country words only */
                if (out->end <= out->start) return false;
                return true;
            }
        }
        if (country) {
            set_country(c, &out->ent, country, mod_sector[0] && dl_streq(ag->sector, "GOV") ? mod_sector : ag->sector);
            out->ent.type = E_GROUP;
            out->ent.where = p->where;
        } else {
            out->ent.type = E_NONE; /* an agent without a country is no actor */
            dl_strlcpy(out->ent.sector, ag->sector, sizeof out->ent.sector);
        }
        return true;
    }
    /* "his Russian counterpart": whoever holds his office in that country */
    if ((is(c, j, "counterpart") || is(c, j, "counterparts")) && out->n_countries && poss_pron_country &&
        poss_ent.type == E_PERSON && poss_ent.role != NONE) {
        uint32_t h = role_holder(c, out->countries[0], poss_ent.role);
        out->start = i;
        out->end = j + 1;
        out->kind = M_NAME;
        if (h != DL_WORD_NONE) set_person(c, &out->ent, h);
        else {
            set_country(c, &out->ent, out->countries[0], "GOV");
            out->ent.type = E_GROUP;
        }
        return true;
    }
    /* modifiers without a head: "Russia's" before another noun (but "Bosnian
     * Serbs" is a people, read below) */
    bool people_head = len && pick(c, j, ph, n, DL_PH_PEOPLE) && !(j > i && is(c, j - 1, "'s"));
    if (j > after_det && out->n_countries && !poss_pron_country && !people_head) {
        /* the possessor alone ("Russia's actions"): a possessive mention */
        uint32_t k = j;
        if (k > i && is(c, k - 1, "'s")) {
            set_country(c, &out->ent, out->countries[0], mod_sector[0] ? mod_sector : NULL);
            out->start = i;
            out->end = k - 1;
            out->kind = M_NAME;
            out->n_countries = 1;
            return true;
        }
        /* "the American warnings": the adjective names the owner (also one
         * side of "Russian-German talks") */
        bool pair = c->doc->tokens[j].kind == DL_TOK_DASH && pair_after_dash(c, j + 1, end);
        if ((pair || (c->doc->tokens[j].kind == DL_TOK_WORD && !(c->tok[j].wclass & (DL_W_PREP | DL_W_CONJ | DL_W_SUBORD)))) &&
            c->tok[j].mention == NONE && !c->tok[j].timex) {
            set_country(c, &out->ent, out->countries[0], NULL);
            uint32_t a0 = i;
            while (a0 < j && (wclass(c, a0) & (DL_W_DET | DL_W_QUANT))) a0++;
            out->start = a0;
            out->end = j;
            out->kind = M_NAME;
            out->n_countries = 1;
            out->owner = true;
            return true;
        }
        return false;
    }
    if (!len) {
        /* a pronoun */
        if (!det && (wclass(c, j) & DL_W_PRON) && j == i) {
            out->start = j;
            out->end = j + 1;
            out->kind = M_PRONOUN;
            return true;
        }
        return false;
    }
    /* a name: person, country, organisation */
    int fit = -1;
    const dl_phrase *pp = pick_person(c, j, ph, n, DL_PH_NAME, &fit);
    const dl_phrase *pl = pick_place(c, j, ph, n);
    if (pp && pl) {
        /* "Jordan", "Georgia": a place unless titled */
        if (!titled && !out->n_countries) pp = NULL;
        else pl = NULL;
    }
    if (!pp && !pl) {
        const dl_phrase *ps = pick_person(c, j, ph, n, DL_PH_SURNAME, &fit);
        /* a surname ends the name: "President Abdelaziz Bouteflika" is not
         * someone called Abdelaziz */
        if (ps && j + len < end && unknown_name(c, j + (uint32_t)len, end) > 0 &&
            !(c->doc->tokens[j + len].flags & DL_TF_SENT_START))
            ps = NULL;
        if (ps && country_clash(c, ps->index, j + (uint32_t)len, end)) ps = NULL;
        if (ps) {
            bool ok = titled || seen_person(c, ps->index) || (j > 0 && (wclass(c, j - 1) & DL_W_TITLE)) ||
                      (!(wclass(c, j) & DL_W_STOPNAME) && fit >= 2);
            if (ok) pp = ps;
        }
    }
    if (pp) {
        set_person(c, &out->ent, pp->index);
        out->ent.where = pp->where;
        out->ent.gender = gender;
        out->start = i;
        out->end = j + (uint32_t)len;
        out->kind = M_NAME;
        /* "Chancellor Olaf Scholz of Germany": absorb "of Germany" */
        uint32_t k = out->end;
        if (k + 1 < end && is(c, k, "of")) {
            const dl_phrase *ph2;
            size_t n2;
            size_t l2 = lex_at(c, k + 1, end, &ph2, &n2);
            if (l2 && pick_place(c, k + 1, ph2, n2)) out->end = k + 1 + (uint32_t)l2;
        }
        return true;
    }
    if (pl) {
        const dl_actor_def *a = dl_lexicon_actor(c->lex, pl->index);
        set_country(c, &out->ent, a->code, NULL);
        out->ent.where = pl->where;
        out->start = i;
        out->end = j + (uint32_t)len;
        out->kind = M_NAME;
        return true;
    }
    if ((p = pick(c, j, ph, n, DL_PH_SEAT))) {
        const dl_actor_def *a = dl_lexicon_actor(c->lex, p->index);
        set_country(c, &out->ent, a->code, p->sector);
        out->ent.where = p->where;
        out->start = i;
        out->end = j + (uint32_t)len;
        out->kind = M_NAME;
        return true;
    }
    if ((p = pick(c, j, ph, n, DL_PH_CAPITAL))) {
        /* "the Minsk agreements", "the Moscow talks": a place name as modifier
         * (not after a preposition: "in the capital city of Algiers demanding") */
        uint32_t nx = j + (uint32_t)len;
        bool after_prep = j > 0 && (wclass(c, j - 1) & DL_W_PREP);
        if (nx < end && c->doc->tokens[nx].kind == DL_TOK_WORD && !wclass(c, nx) && c->tok[nx].mention == NONE &&
            !c->tok[nx].timex && !(c->tok[nx].vforms & (DL_VF_PAST | DL_VF_S)) && !after_prep)
            return false;
        const dl_actor_def *a = dl_lexicon_actor(c->lex, p->index);
        set_country(c, &out->ent, a->code, "GOV");
        out->ent.where = p->where;
        out->start = i;
        out->end = j + (uint32_t)len;
        out->kind = M_CAPITAL;
        return true;
    }
    if ((p = pick(c, j, ph, n, DL_PH_PLACE))) {
        /* "the Basra refinery": a place name as modifier */
        uint32_t nx = j + (uint32_t)len;
        bool after_prep = j > 0 && (wclass(c, j - 1) & DL_W_PREP);
        if (nx < end && c->doc->tokens[nx].kind == DL_TOK_WORD && !wclass(c, nx) && c->tok[nx].mention == NONE &&
            !c->tok[nx].timex && !(c->tok[nx].vforms & (DL_VF_PAST | DL_VF_S)) && !after_prep)
            return false;
        const dl_actor_def *a = dl_lexicon_actor(c->lex, p->index);
        set_country(c, &out->ent, a->code, NULL);
        out->ent.where = p->where;
        out->start = i;
        out->end = j + (uint32_t)len;
        out->kind = M_PLACE;
        return true;
    }
    if ((p = pick(c, j, ph, n, DL_PH_PEOPLE))) {
        const dl_actor_def *a = dl_lexicon_actor(c->lex, p->index);
        /* "Bosnian Serbs", "Turkish Kurds": a people of the country named
         * first; "ethnic Albanians in southern Serbia": of where they live */
        const char *code = out->n_countries ? out->countries[0] : a->code;
        uint32_t k = j + (uint32_t)len;
        if (k + 1 < end && (is(c, k, "in") || is(c, k, "of"))) {
            uint32_t m = k + 1;
            while (m < end && (is(c, m, "the") || is(c, m, "northern") || is(c, m, "southern") ||
                               is(c, m, "eastern") || is(c, m, "western") || is(c, m, "central") ||
                               is(c, m, "north") || is(c, m, "south") || is(c, m, "east") || is(c, m, "west")))
                m++;
            const dl_phrase *ph2;
            size_t n2;
            size_t l2 = m < end ? lex_at(c, m, end, &ph2, &n2) : 0;
            const dl_phrase *pl = l2 ? pick_place(c, m, ph2, n2) : NULL;
            if (!pl && l2) pl = pick(c, m, ph2, n2, DL_PH_PLACE);
            if (!pl && l2) pl = pick(c, m, ph2, n2, DL_PH_CAPITAL);
            if (pl) {
                code = dl_lexicon_actor(c->lex, pl->index)->code;
                k = m + (uint32_t)l2;
            }
        }
        /* "ethnic Albanians demonstrated in Serbia", "killed three ethnic
         * Albanians in southeastern Serbia": "ethnic" says they live
         * elsewhere, where the sentence places things */
        if (dl_streq(code, a->code) && j > 0 && is(c, j - 1, "ethnic")) {
            const char *where = located_country(c, k, end, a->code);
            if (where) code = where;
        }
        /* a people living in another country is a population of it, not
         * its state ("Albanians in Serbia" demanding autonomy from Serbia) */
        set_country(c, &out->ent, code, !dl_streq(code, a->code) ? "CVL" : NULL);
        out->ent.where = p->where;
        out->start = i;
        out->end = k;
        out->kind = M_PEOPLE;
        out->plural = true;
        return true;
    }
    return false;
}

/* A definite description from data/descriptions.txt at token i. */
static bool parse_description(article_ctx *c, uint32_t i, uint32_t end, size_t *len_out, const desc_rule **rule) {
    const rules *r = extractor_rules(c->x);
    for (uint32_t k = r->desc_first[rule_bucket_of(c->tok[i].hash)]; k != RULE_END; k = r->desc.v[k].next) {
        const desc_rule *d = &r->desc.v[k];
        if (i + (uint32_t)d->ph.n > end) continue;
        /* last word first: the rules of a bucket mostly share their first
         * ("the alliance", "the country"), which token i then always is */
        int w = d->ph.n;
        while (w > 0 && is(c, i + (uint32_t)w - 1, d->ph.words[w - 1])) w--;
        if (w == 0) {
            *len_out = (size_t)d->ph.n;
            *rule = d;
            return true;
        }
    }
    return false;
}

static bool push_mention(article_ctx *c, mention m) {
    if (!vec_push(&c->mentions, m)) return false;
    uint32_t idx = (uint32_t)(c->mentions.n - 1);
    for (uint32_t t = m.start; t < m.end; t++)
        if (c->tok[t].mention == NONE) c->tok[t].mention = idx;
    return true;
}

const char *const place_nouns[] = {"city",   "town",    "village", "capital",   "province", "region",
                                   "district", "port",   "area",    "enclave",   "island",   "outskirts",
                                   "suburbs", "streets", "centre",  "center",    "county",   NULL};

/* nouns that count people: "a group of", "scores of", "a crowd of" */
static const char *const count_nouns[] = {"group", "groups", "crowd", "crowds", "scores", "millions", "tens",
                                          "handful", "band", "gang", "contingent", "number", NULL};

static void fill_context(article_ctx *c, mention *m, uint32_t first) {
    m->antecedent = NONE;
    m->in_quote = (tflags(c, m->start) & DL_TF_IN_QUOTE) != 0;
    m->prep_word = NONE;
    m->group = c->next_group++;
    if (m->start > first && (wclass(c, m->start - 1) & DL_W_PREP)) {
        m->after_prep = true;
        m->prep_word = c->tok[m->start - 1].word;
        m->locative = (wclass(c, m->start - 1) & DL_W_LOCPREP) && !is(c, m->start - 1, "to") &&
                      !is(c, m->start - 1, "toward") && !is(c, m->start - 1, "towards") &&
                      !is(c, m->start - 1, "into") && !is(c, m->start - 1, "from");
    }
    /* "Hundreds of people", "a group of Moroccan diplomats", "300 of the
     * strikers": after a quantity, "of" heads no phrase of its own; the
     * people are the phrase's head, and can be a subject */
    if (m->after_prep && m->kind == M_AGENT && !(m->end < c->doc->n_tokens && is(c, m->end, "'s")) &&
        is(c, m->start - 1, "of") && m->start >= first + 2) {
        uint32_t q = m->start - 2;
        if ((wclass(c, q) & DL_W_QUANT) || c->doc->tokens[q].kind == DL_TOK_NUMBER ||
            word_in(norm(c, q), count_nouns)) {
            m->after_prep = false;
            m->locative = false;
            m->prep_word = NONE;
        }
    }
    /* "in southeastern Turkey", "in the occupied West Bank": a place after a
     * preposition and words of direction */
    if (!m->after_prep) {
        uint32_t b = m->start;
        for (bool more = true; more && b > first;) {
            more = false;
            if (is(c, b - 1, "the") || is_compass(c, b - 1)) {
                b--;
                more = true;
            }
        }
        if (b < m->start && b > first && (wclass(c, b - 1) & DL_W_LOCPREP) && !is(c, b - 1, "to") &&
            !is(c, b - 1, "from") && !is(c, b, "the"))
            m->locative = true;
    }
    /* "in the city of Algiers", "the streets of Kabul", "a village of
     * northern Iraq": a place named after a place noun and "of" */
    if (m->after_prep && is(c, m->start - 1, "of") && m->start >= first + 2 && word_in(norm(c, m->start - 2), place_nouns))
        m->locative = true;
    m->possessive = m->end < c->doc->n_tokens && is(c, m->end, "'s");
}

/* "the Obama administration", "the Bush government", "the Assad regime":
 * an agent named after a leader is of the leader's country.  The leader
 * is the mention just before it (which becomes a modifier) or a surname
 * every known bearer of which is of one country ("Bush"). */
static void leader_agent(article_ctx *c, np *p, uint32_t first, uint32_t end) {
    static const char *const after_leader[] = {"administration", "government", "regime", "cabinet", "camp",
                                               "aides", "loyalists", "supporters", NULL};
    if (!word_in(norm(c, p->start), after_leader) || p->start <= first) return;
    uint32_t b = p->start - 1;
    const char *country = NULL;
    if (c->tok[b].mention != NONE) {
        mention *pm = &c->mentions.v[c->tok[b].mention];
        if (pm->ent.type != E_PERSON || pm->possessive || !pm->ent.country[0]) return;
        pm->owner = true; /* a modifier now, not an actor */
        country = pm->ent.country;
    } else if (tflags(c, b) & DL_TF_CAP) {
        const dl_phrase *ph;
        size_t n;
        if (lex_at(c, b, end, &ph, &n) != 1) return;
        for (size_t k = 0; k < n; k++) {
            if (ph[k].kind != DL_PH_SURNAME && ph[k].kind != DL_PH_NAME) continue;
            const char *code = dl_lexicon_actor(c->lex, ph[k].index)->code;
            if (country && !dl_streq(country, code)) return;
            country = code;
        }
    }
    if (!country || !country[0]) return;
    dl_strlcpy(p->ent.country, country, sizeof p->ent.country);
    if (p->ent.type == E_NONE) p->ent.type = E_GROUP;
}

/* "of Britain", "of the United States" at token k: the description
 * before it ("the leaders of Britain, France and Germany") is no
 * reference back but offices of those places (parse_np()).  Returns the
 * place's phrase, or NULL. */
static const dl_phrase *of_place(article_ctx *c, uint32_t k, uint32_t end) {
    if (k + 1 >= end || !is(c, k, "of")) return NULL;
    uint32_t m = k + 1;
    if (m < end && is(c, m, "the")) m++;
    const dl_phrase *ph;
    size_t n;
    size_t l = lex_at(c, m, end, &ph, &n);
    return l ? pick_place(c, m, ph, n) : NULL;
}

/* "of Britain", "of the DPR": a description followed by "of" and a name
 * ("the leaders of the DPR and the LPR") says whose, and refers back to
 * no one. */
static bool of_name(article_ctx *c, uint32_t k, uint32_t end) {
    if (of_place(c, k, end)) return true;
    if (k + 1 >= end || !is(c, k, "of")) return false;
    uint32_t m = k + 1;
    if (m < end && is(c, m, "the")) m++;
    return m < end && (tflags(c, m) & DL_TF_CAP);
}

dl_status find_mentions(article_ctx *c, uint32_t s) {
    const dl_sentence *sent = &c->doc->sentences[s];
    uint32_t first = sent->first_token + sent->n_lead, end = sent->first_token + sent->n_tokens;
    /* "FOREIGN MINISTER LAVROV: ...": a lead that ends with a colon may be a
     * transcript's speaker label; its actors are read too */
    if (sent->n_lead && is(c, first - 1, ":")) first = sent->first_token;
    c->cur_sentence = s;
    for (uint32_t i = first; i < end;) {
        if (c->tok[i].timex) {
            i++;
            continue;
        }
        size_t dl;
        const desc_rule *d;
        if (parse_description(c, i, end, &dl, &d) && !of_name(c, i + (uint32_t)dl, end)) {
            mention m = {.start = i, .end = i + (uint32_t)dl, .head = i + (uint32_t)dl - 1, .sentence = s,
                         .kind = M_DESCR};
            ent_clear(&m.ent);
            fill_context(c, &m, first);
            size_t k = c->mentions.n;
            if (d->kind == DESC_CODE) {
                set_country(c, &m.ent, d->code, NULL);
            } else if (d->kind == DESC_COUNTRY) {
                const mention *a = last_match(c, k, s, 4, is_country, NULL);
                if (a) m.ent = a->ent;
            } else if (d->kind == DESC_ORG) {
                const mention *a = last_match(c, k, s, 4, is_org, NULL);
                if (a) m.ent = a->ent;
            } else if (d->kind == DESC_PLACE) {
                const mention *a = last_match(c, k, s, 2, is_place, c);
                if (a) m.ent = a->ent;
            } else {
                /* the last two distinct people (or states): one group */
                char g = 0;
                const mention *a = NULL, *b = NULL;
                uint32_t want_role = d->role[0] ? dl_lexicon_find_role(c->lex, d->role) : DL_WORD_NONE;
                for (size_t q = k; q-- > 0 && !b;) {
                    const mention *x = &c->mentions.v[q];
                    if (x->sentence + 6 < s) break;
                    bool want = d->kind == DESC_PERSONS2 || d->kind == DESC_PERSON ? is_person_gender(x, &g)
                                                                                   : is_state(x, NULL);
                    if (want && want_role != DL_WORD_NONE && x->ent.role != want_role) want = false;
                    /* "the two ministers": an office whose id names it */
                    if (want && want_role == DL_WORD_NONE && d->role[0]) {
                        const dl_role_def *rd = x->ent.role != NONE ? dl_lexicon_role(c->lex, x->ent.role) : NULL;
                        if (!rd || !strstr(rd->id, d->role)) want = false;
                    }
                    if (!want || x->first_person) continue;
                    /* "The African Union urged both sides": not the subject of
                     * the sentence the description is in */
                    if (x->sentence == s && !x->after_prep && !x->locative && !x->possessive && !x->owner) continue;
                    if (!a) a = x;
                    else if (!dl_streq(x->ent.name, a->ent.name) || !dl_streq(x->ent.country, a->ent.country))
                        b = x;
                }
                if (a) {
                    m.ent = a->ent;
                    m.resolved_by_coref = true;
                    m.plural = d->kind != DESC_PERSON;
                    mention m2 = m; /* before the push: it may move the mentions a and b point into */
                    if (b) m2.ent = b->ent;
                    if (!push_mention(c, m)) return DL_ERR_NOMEM;
                    if (b && d->kind != DESC_PERSON && !vec_push(&c->mentions, m2)) return DL_ERR_NOMEM;
                }
                i += (uint32_t)dl;
                continue;
            }
            m.resolved_by_coref = d->kind != DESC_CODE;
            if (!push_mention(c, m)) return DL_ERR_NOMEM;
            i += (uint32_t)dl;
            continue;
        }
        np p;
        if (!np_may_start(c, i, end) || !parse_np(c, i, end, &p) || p.end <= i) {
            i++;
            continue;
        }
        if (p.kind == M_AGENT) {
            /* "a press conference": an event noun, not the press */
            uint32_t a = p.end - 1;
            while (a > p.start && !(c->tok[a - 1].wclass & DL_W_DET)) a--;
            uint32_t k = a < end ? (end - a < 16 ? end - a : 16) : 0;
            const dl_verb_hit *hits;
            size_t nh;
            size_t vl = dl_lexicon_verb(c->lex, c->words + a, k, &hits, &nh);
            bool noun_event = false;
            for (size_t h = 0; h < nh; h++)
                if (dl_lexicon_block(c->lex, dl_lexicon_verb_def(c->lex, hits[h].verb)->block)->flags & DL_VB_NOUN)
                    noun_event = true;
            if (noun_event && a + vl > p.end) {
                i = p.end;
                continue;
            }
        }
        if (p.kind == M_AGENT && !p.ent.country[0]) leader_agent(c, &p, first, end);
        /* "the Security Council of the Russian Federation": a body that names
         * an organisation's is that country's when "of" names one */
        const dl_phrase *of;
        if (p.kind == M_NAME && p.ent.type == E_ORG && p.ent.sector[0] && (of = of_place(c, p.end, end))) {
            char sector[8];
            dl_strlcpy(sector, p.ent.sector, sizeof sector);
            set_country(c, &p.ent, dl_lexicon_actor(c->lex, of->index)->code, sector);
            p.ent.type = E_GROUP;
        }
        mention m = {.start = p.start, .end = p.end, .head = p.end - 1, .sentence = s, .kind = p.kind,
                     .ent = p.ent, .plural = p.plural, .owner = p.owner};
        fill_context(c, &m, first);
        if (p.kind == M_PLACE) m.locative = true;
        size_t k = c->mentions.n;
        if (p.kind == M_PRONOUN) resolve_pronoun(c, &m, k, c->tok[p.start].word);
        else if (p.kind == M_ROLE && m.ent.type == E_NONE && m.ent.role != NONE) resolve_role(c, &m, k, m.ent.role);
        if (!push_mention(c, m)) return DL_ERR_NOMEM;
        /* "Hungarian and Romanian officials", "the leaders of Britain and
         * France": one mention per country */
        for (int q = 1; q < p.n_countries && (m.ent.type == E_GROUP || p.role != NONE); q++) {
            mention m2 = m;
            uint32_t h = p.role != NONE ? role_holder(c, p.countries[q], p.role) : DL_WORD_NONE;
            if (h != DL_WORD_NONE) {
                set_person(c, &m2.ent, h);
            } else {
                set_country(c, &m2.ent, p.countries[q], m.ent.sector[0] ? m.ent.sector : "GOV");
                m2.ent.type = E_GROUP;
            }
            if (!vec_push(&c->mentions, m2)) return DL_ERR_NOMEM;
            /* same group as the first */
            c->mentions.v[c->mentions.n - 1].group = m.group;
        }
        i = p.end;
    }
    return DL_OK;
}

/* First-person pronouns ("we", "our", "I") stand for the sentence's speaker:
 * a person as "I", their country or institution as "we". */
void resolve_first_person(article_ctx *c) {
    for (size_t k = 0; k < c->mentions.n; k++) {
        mention *m = &c->mentions.v[k];
        if (!m->first_person) continue;
        const entity *sp = &c->speaker_ent[m->sentence];
        if (sp->type == E_NONE) continue;
        m->ent = *sp;
        m->resolved_by_coref = true;
        if (m->plural && sp->type == E_PERSON && sp->country[0]) {
            /* "we" said by a minister: the government (or institution) */
            set_country(c, &m->ent, sp->country, "GOV");
        }
    }
}

/* The publisher as an actor ("U.S. Department of State", "NATO"). */
void find_publisher(article_ctx *c) {
    ent_clear(&c->publisher);
    const char *src = c->a->source;
    if (!src || !*src) return;
    dl_doc *d;
    if (dl_doc_new(src, strlen(src), &d, NULL) != DL_OK) return;
    /* each token's word id and flags, looked up once */
    uint32_t *words = malloc((d->n_tokens ? d->n_tokens : 1) * 2 * sizeof *words), *fl = words + d->n_tokens;
    for (size_t j = 0; words && j < d->n_tokens; j++) {
        words[j] = dl_lexicon_word_hashed(c->lex, dl_doc_norm(d, j), d->tokens[j].norm_len, d->tokens[j].hash);
        fl[j] = d->tokens[j].flags;
    }
    for (size_t i = 0; words && i < d->n_tokens; i++) {
        size_t k = d->n_tokens - i < 24 ? d->n_tokens - i : 24;
        const dl_phrase *ph;
        size_t n;
        size_t len = dl_lexicon_match(c->lex, words + i, fl + i, k, &ph, &n);
        if (!len) continue;
        for (size_t q = 0; q < n; q++) {
            const dl_actor_def *a = dl_lexicon_actor(c->lex, ph[q].index);
            if ((ph[q].kind == DL_PH_NAME || ph[q].kind == DL_PH_SEAT) && a && a->kind != DL_ACTOR_PERSON) {
                set_country(c, &c->publisher, a->code, ph[q].kind == DL_PH_SEAT ? ph[q].sector : "GOV");
                free(words);
                dl_doc_free(d);
                return;
            }
        }
    }
    free(words);
    dl_doc_free(d);
}
