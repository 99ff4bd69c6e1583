/* coder.c - from verbs and actor phrases to coded events.
 *
 * For every verb (or event noun) of a sentence:
 *   1. its code: the most specific pattern of its verb block that matches
 *      the words around it (data/verbs.txt), else the verb's default code;
 *   2. "X agreed to meet Y": a main verb and its infinitive complement
 *      combine into one code (data/compose.txt);
 *   3. its source: the subject, found by walking left over adverbs, time
 *      expressions, appositions and relative clauses; inherited through
 *      infinitives, gerunds and coordinated verbs; "by X" in the passive;
 *   4. its target: the pattern's '+' slot, else the object (directly or
 *      after to/with/against/on/into/from/toward/upon/at);
 *   5. conjoined actors multiply events; meetings with both sides in the
 *      subject ("Truss and Lavrov met") make one event;
 *   6. speech: "X said ..." is a statement event unless what X said is X's
 *      own coded act (then only that act is coded); first-person pronouns
 *      stand for the speaker.
 * Negated and hypothetical verbs make no event (unless their block names a
 * code for the negated form, or the caller asked for all modalities); a
 * conditional threat is still a threat. */
#include <stdlib.h>
#include <string.h>

#include "extract_private.h"

static inline const char *norm(const article_ctx *c, uint32_t i) { return c->tok[i].norm; }
/* Does CAMEO code `code` start with `root` (two digits)?  strncmp(code, root,
 * 2) == 0 written inline: the coder asks it many times of every candidate. */
static inline bool has_root(const char *code, const char *root) { return code[0] == root[0] && code[1] == root[1]; }

/* Force, coercion and posture: CAMEO roots 15-20. */
static bool coercive_code(const char *code) {
    return has_root(code, "15") || has_root(code, "16") || has_root(code, "17") || has_root(code, "18") ||
           has_root(code, "19") || has_root(code, "20");
}

/* (always inlined: called for most tokens of most rules, and the compiler
 * would rather not copy it into so many places) */
static inline __attribute__((always_inline)) bool is(const article_ctx *c, uint32_t i, const char *w) {
    return word_is(norm(c, i), w);
}
static inline uint32_t wc(const article_ctx *c, uint32_t i) { return c->tok[i].wclass; }

static uint32_t sent_first(const article_ctx *c, uint32_t s) {
    return c->doc->sentences[s].first_token + c->doc->sentences[s].n_lead;
}
static uint32_t sent_end(const article_ctx *c, uint32_t s) {
    return c->doc->sentences[s].first_token + c->doc->sentences[s].n_tokens;
}

static bool is_boundary_punct(const article_ctx *c, uint32_t i) {
    return c->tok[i].boundary; /* one of ; : . ? ! ( ) alone (tag_words) */
}

static bool is_weekdayish(const article_ctx *c, uint32_t i) {
    return rule_listed(extractor_rules(c->x), RULE_LIST_WEEKDAYISH, c->tok[i].hash, norm(c, i));
}

/* An adverb in -ly not in the word lists ("routinely", "unanimously"). */
static bool ly_adverb(const article_ctx *c, uint32_t i) {
    const dl_token *t = &c->doc->tokens[i];
    if (t->kind != DL_TOK_WORD || wc(c, i) || c->tok[i].mention != NONE || t->norm_len < 5) return false;
    const char *w = norm(c, i);
    return w[t->norm_len - 2] == 'l' && w[t->norm_len - 1] == 'y' && !dl_streq(w + t->norm_len - 4, "ally") &&
           !c->tok[i].vforms;
}

/* A token to pass over when looking for a subject or object. */
static bool skippable(const article_ctx *c, uint32_t i) {
    return c->tok[i].timex || (wc(c, i) & (DL_W_ADV | DL_W_DET | DL_W_QUANT)) || is_weekdayish(c, i) ||
           c->doc->tokens[i].kind == DL_TOK_NUMBER || ly_adverb(c, i);
}

/* ---- arguments ----------------------------------------------------------- */

static uint32_t subject_of(article_ctx *c, uint32_t gi, int depth);

/* The lemma of verb group g's verb ("agree" for "had agreed"). */
static const char *lemma_of(const article_ctx *c, const vgroup *g) { return dl_lexicon_verb_def(c->lex, g->verb)->lemma; }

/* Verbs that keep someone from an act: "blocked Poland from sending", "barred
 * X from entering" (the object is the gerund's subject, and the act did not
 * happen). */
static const char *const prevent_verbs[] = {"block", "prevent", "stop", "bar", "ban", "prohibit", "deter",
                                            "dissuade", "discourage", "restrain", NULL};

/* Verbs whose object is the subject of their infinitive ("urged Russia to
 * withdraw"). */
static bool object_control(const article_ctx *c, const vgroup *g) {
    const dl_verb_block *b = dl_lexicon_block(c->lex, g->block);
    if (has_root(b->code, "02") || has_root(b->code, "10") || dl_streq(b->name, "TELL")) return true;
    /* "allowed Ukraine to strike", "forced the army to withdraw" */
    static const char *const lemmas[] = {"allow", "permit", "force", "enable", "help", "order", "ask", "tell",
                                         "invite", "encourage", "urge", "persuade", "compel", "oblige", "instruct",
                                         "authorize", "authorise", "pressure", "push", "want", "expect",
                                         /* "thanked Scholz for making this visit" */
                                         "thank", "praise", "congratulate", "commend", "applaud", "reward", NULL};
    const char *lemma = lemma_of(c, g);
    return word_in(lemma, lemmas) || word_in(lemma, prevent_verbs);
}

/* The mention right before token i, skipping commas; NONE if none. */
static uint32_t mention_before(const article_ctx *c, uint32_t i, uint32_t first) {
    while (i > first && is(c, i - 1, ",")) i--;
    if (i > first && c->tok[i - 1].mention != NONE) return c->tok[i - 1].mention;
    return NONE;
}

/* Is the comma-delimited segment (a, b) a parenthetical to step over:
 * a relative clause, a participle phrase, or an apposition? */
static bool parenthetical(const article_ctx *c, uint32_t a, uint32_t b) {
    if (b <= a + 1) return false;
    uint32_t s = a + 1;
    /* "Russia, he said, would not accept": a speaker and a speech verb */
    if (c->tok[s].mention != NONE) {
        uint32_t e = c->mentions.v[c->tok[s].mention].end;
        uint32_t v = e < b ? c->tok[b - 1].vg : NONE;
        if (v != NONE && c->vgroups.v[v].first == e && c->vgroups.v[v].end == b && !c->vgroups.v[v].noun &&
            (dl_lexicon_block(c->lex, c->vgroups.v[v].block)->flags & DL_VB_SPEECH))
            return true;
    }
    if (wc(c, s) & DL_W_SUBORD) return is(c, s, "who") || is(c, s, "which") || is(c, s, "whose") || is(c, s, "where");
    if (c->tok[s].vg != NONE && !c->vgroups.v[c->tok[s].vg].finite) return true; /* "speaking after talks" */
    for (uint32_t k = s; k < b; k++)
        if (c->tok[k].vg != NONE && c->vgroups.v[c->tok[k].vg].finite) return false;
    return true;
}

/* The first finite verb group in tokens [a, b), scanning backwards. */
static uint32_t last_finite(const article_ctx *c, uint32_t a, uint32_t b) {
    for (uint32_t k = b; k-- > a;)
        if (c->tok[k].vg != NONE && c->vgroups.v[c->tok[k].vg].finite && !c->vgroups.v[c->tok[k].vg].noun)
            return c->tok[k].vg;
    return NONE;
}

/* Nouns for what someone writes or says: "a statement demanding ...",
 * "a resolution condemning ..." carry their author's act. */
static const char *const documents[] = {"statement", "declaration", "letter", "resolution", "communique",
                                        "message", "note", "report", "motion", "petition", "appeal",
                                        "editorial", "speech", "address", "statements", "letters",
                                        "resolutions", NULL};

static bool ends_in_ly(const char *w) {
    size_t n = strlen(w);
    return n > 4 && w[n - 2] == 'l' && w[n - 1] == 'y';
}

/* The subject of verb group gi: a mention index, or NONE. */
static bool usable(const entity *e) { return e->type != E_NONE && e->country[0]; }

/* "time for Russia to end its aggression": the mention X of "for X to V"
 * right before infinitive g, or NONE. */
static uint32_t for_subject(const article_ctx *c, const vgroup *g) {
    uint32_t first = sent_first(c, g->sentence);
    if (!g->infinitive || g->first <= first || c->tok[g->first - 1].mention == NONE) return NONE;
    uint32_t mi = c->tok[g->first - 1].mention;
    const mention *m = &c->mentions.v[mi];
    return m->start > first && is(c, m->start - 1, "for") ? mi : NONE;
}

static uint32_t subject_of(article_ctx *c, uint32_t gi, int depth);

/* "Putin ordered troops to deploy there": forces of no other side, ordered
 * (instructed, commanded) to act, act for whoever gave the order, as CAMEO
 * codes it.  Returns that subject of verb group oi, or NONE when oi is no
 * order or mention mi is no such force. */
static uint32_t commander_of(article_ctx *c, uint32_t oi, uint32_t mi, int depth) {
    static const char *const order[] = {"order", "instruct", "command", "direct", NULL};
    const mention *m = &c->mentions.v[mi];
    if (depth >= 3 || !word_in(lemma_of(c, &c->vgroups.v[oi]), order) || strcmp(m->ent.sector, "MIL") != 0)
        return NONE;
    uint32_t boss = subject_of(c, oi, depth + 1);
    if (boss == NONE || !usable(&c->mentions.v[boss].ent)) return NONE;
    if (m->ent.country[0] && strcmp(m->ent.country, c->mentions.v[boss].ent.country) != 0) return NONE;
    return boss;
}

static uint32_t subject_of(article_ctx *c, uint32_t gi, int depth) {
    const vgroup *g = &c->vgroups.v[gi];
    uint32_t first = sent_first(c, g->sentence);
    uint32_t fs = for_subject(c, g);
    if (fs != NONE) return fs;
    /* "Lavrov told reporters that ..., complaining that ...": a participle
     * clause after a comma (and a closing quotation mark) has the subject
     * of the clause it trails */
    uint32_t comma = g->first <= first + 1                                     ? first /* (none) */
                     : c->doc->tokens[g->first - 1].kind == DL_TOK_QUOTE ? g->first - 2
                                                                           : g->first - 1;
    if (g->gerund && depth < 3 && comma > first && is(c, comma, ",")) {
        uint32_t v = last_finite(c, first, comma);
        uint32_t sj = v != NONE ? subject_of(c, v, depth + 1) : NONE;
        if (sj != NONE && usable(&c->mentions.v[sj].ent)) return sj;
    }
    uint32_t p = g->first;
    bool adjacent = true; /* nothing but skippable words so far */
    for (int steps = 0; p > first && steps < 40; steps++) {
        uint32_t q = p - 1;
        if (c->tok[q].mention != NONE) {
            uint32_t mi = c->tok[q].mention;
            const mention *m = &c->mentions.v[mi];
            /* "a day after Putin recognised ...": a conjunction, not a
             * preposition, when a verb follows the name */
            if (m->after_prep && adjacent && !g->noun && g->finite && !g->future && !g->hypothetical &&
                (g->forms & DL_VF_PAST) &&
                (is(c, m->start - 1, "after") || is(c, m->start - 1, "before") || is(c, m->start - 1, "since") ||
                 is(c, m->start - 1, "as")))
                return mi;
            if (m->locative || (m->after_prep && !is(c, m->start - 1, "by"))) {
                bool of = m->after_prep && is(c, m->start - 1, "of");
                if (m->start <= first) break; /* a place opening the sentence */
                p = m->start - 1;
                /* "in the West Bank city of Hebron": the place noun too */
                if (of && m->locative && p > first + 1 && word_in(norm(c, p - 1), place_nouns)) p--;
                if (!of) adjacent = false;
                continue;
            }
            /* "telephoned X to discuss": X is the object of the verb before,
             * the infinitive's subject is that verb's (unless it is "urged X to") */
            if ((g->infinitive || g->gerund) && m->start > first) {
                uint32_t r = m->start;
                while (r > first && (skippable(c, r - 1) || (wc(c, r - 1) & DL_W_PREP))) r--;
                if (r > first && c->tok[r - 1].vg != NONE && !c->vgroups.v[c->tok[r - 1].vg].noun) {
                    const vgroup *o = &c->vgroups.v[c->tok[r - 1].vg];
                    if (!object_control(c, o)) {
                        p = r;
                        adjacent = false;
                        continue;
                    }
                    uint32_t boss = commander_of(c, c->tok[r - 1].vg, mi, depth);
                    return boss != NONE ? boss : mi;
                }
            }
            /* "the American warnings": an owner is a subject only through its
             * noun ("Russian aggression threatens"), found below */
            if (m->owner) {
                p = m->start;
                adjacent = false;
                continue;
            }
            /* "the European Union's 27 member states agreed": an agent of no
             * country is its possessor's */
            if (m->kind == M_AGENT && !usable(&m->ent)) {
                uint32_t r = m->start;
                while (r > first && r + 4 > m->start &&
                       (c->doc->tokens[r - 1].kind == DL_TOK_NUMBER ||
                        (c->doc->tokens[r - 1].kind == DL_TOK_WORD && !wc(c, r - 1) && c->tok[r - 1].mention == NONE)))
                    r--;
                uint32_t pm = r > first && is(c, r - 1, "'s")
                                  ? (c->tok[r - 1].mention != NONE ? c->tok[r - 1].mention
                                     : r - 1 > first             ? c->tok[r - 2].mention
                                                                 : NONE)
                                  : NONE;
                if (pm != NONE && usable(&c->mentions.v[pm].ent)) return pm;
            }
            return mi;
        }
        if (c->tok[q].vg != NONE) {
            uint32_t oi = c->tok[q].vg;
            const vgroup *o = &c->vgroups.v[oi];
            if (o->noun) {
                adjacent = false;
                p = o->first;
                continue;
            }
            /* "Russian forces sent to Belarus would go home": a participle
             * after the subject modifies it */
            if (o->participle && g->finite) {
                adjacent = false;
                p = o->first;
                continue;
            }
            if (depth >= 3) return NONE;
            /* "agreed to meet", "began withdrawing", "urged Russia to withdraw" */
            if (g->infinitive || g->gerund || !g->finite) {
                if (object_control(c, o)) {
                    for (uint32_t k = o->end; k < g->first; k++)
                        if (c->tok[k].mention != NONE) {
                            uint32_t boss = commander_of(c, oi, c->tok[k].mention, depth);
                            return boss != NONE ? boss : c->tok[k].mention;
                        }
                }
                return subject_of(c, oi, depth + 1);
            }
            /* "met Y and discussed Z": coordinated with the verb before */
            for (uint32_t k = o->end; k < g->first; k++)
                if (is(c, k, "and") || is(c, k, "but") || is(c, k, "then") || is(c, k, "or"))
                    return subject_of(c, oi, depth + 1);
            return NONE;
        }
        const char *w = norm(c, q);
        if (dl_streq(w, ",")) {
            /* find the comma before, and step over a parenthetical */
            uint32_t r = q;
            while (r > first && !is(c, r - 1, ",") && !is_boundary_punct(c, r - 1)) r--;
            uint32_t a = r > first && is(c, r - 1, ",") ? r - 1 : NONE;
            if (a != NONE && parenthetical(c, a, q)) {
                /* "Kenzo Oshima, the United Nations relief coordinator,
                 * demanded": a name dipline does not know, placed by its
                 * apposition */
                bool unknown_name = a > first;
                for (uint32_t t = first; t < a && unknown_name; t++)
                    unknown_name = c->tok[t].mention == NONE && c->doc->tokens[t].kind == DL_TOK_WORD &&
                                   (c->doc->tokens[t].flags & DL_TF_CAP) && c->tok[t].vg == NONE;
                if (unknown_name)
                    for (uint32_t t = a + 1; t < q; t++)
                        if (c->tok[t].mention != NONE && usable(&c->mentions.v[c->tok[t].mention].ent) &&
                            !c->mentions.v[c->tok[t].mention].locative)
                            return c->tok[t].mention;
                p = a;
                adjacent = false;
                continue;
            }
            /* "met X on Monday, then flew to Y": coordination across a comma */
            uint32_t v2 = last_finite(c, first, q);
            if (v2 != NONE && v2 != gi && depth < 3 && !(wc(c, q + 1) & DL_W_SUBORD) &&
                (is(c, q + 1, "and") || is(c, q + 1, "then") || is(c, q + 1, "but") || g->gerund))
                return subject_of(c, v2, depth + 1);
            p = q;
            adjacent = false;
            continue;
        }
        if (wc(c, q) & DL_W_SUBORD) {
            if ((is(c, q, "who") || is(c, q, "which") || is(c, q, "that")) && adjacent) {
                uint32_t ant = mention_before(c, q, first);
                if (ant != NONE) return ant;
                if (is(c, q, "that")) return NONE;
            }
            /* a gerund after "after/before/while/by": the main clause's subject */
            if (!g->finite && depth < 3) {
                uint32_t v2 = last_finite(c, first, q);
                if (v2 != NONE) return subject_of(c, v2, depth + 1);
            }
            return NONE;
        }
        if (is_boundary_punct(c, q)) return NONE;
        if (c->doc->tokens[q].kind == DL_TOK_QUOTE) return NONE;
        if (skippable(c, q) || (wc(c, q) & (DL_W_NEG | DL_W_MODAL | DL_W_BE | DL_W_HAVE | DL_W_DO)) ||
            ((wc(c, q) & DL_W_FUTURE) && q + 1 < g->first + 2 && (g->infinitive || is(c, q + 1, "to")))) {
            /* also "is due/scheduled/expected to" */
            p = q;
            continue;
        }
        if ((wc(c, q) & DL_W_CONJ) && adjacent) {
            /* "Putin met Macron and warned NATO", "was indicted by the court
             * and will resign": a verb right after "and" shares the subject
             * of the finite verb before (not that verb's object or agent) */
            /* (not "substantively and thoroughly discussed": adverbs joined) */
            bool adverbs = q > first && ((wc(c, q - 1) & DL_W_ADV) || ends_in_ly(norm(c, q - 1)));
            uint32_t v2 = g->finite && depth < 3 && !adverbs ? last_finite(c, first, q) : NONE;
            /* (a bare present after "and" may be a noun: "security and arms
             * control"; it must match the verb before) */
            bool verb_form = (g->forms & DL_VF_PAST) || g->first < g->start ||
                             (v2 != NONE && (g->forms & DL_VF_S) && (c->vgroups.v[v2].forms & DL_VF_S) &&
                              c->vgroups.v[v2].first == c->vgroups.v[v2].start);
            if (v2 != NONE && v2 != gi && verb_form) return subject_of(c, v2, depth + 1);
            /* "... and said": look for the verb before */
            p = q;
            adjacent = false;
            continue;
        }
        if ((wc(c, q) & DL_W_PREP)) {
            p = q;
            if (!is(c, q, "of")) adjacent = false;
            continue;
        }
        /* "we are ready to respond", "Russia is determined to": a predicative
         * adjective between the subject and the infinitive */
        if (g->infinitive && adjacent) {
            static const char *const preds[] = {"ready", "prepared", "willing", "able", "determined", "eager",
                                                "keen", "unwilling", "unable", "reluctant", "likely", "unlikely",
                                                "free", "happy", "glad", "open", "committed", NULL};
            if (word_in(norm(c, q), preds) && q > first &&
                ((wc(c, q - 1) & (DL_W_BE | DL_W_ADV)) || is(c, q - 1, "remains") || is(c, q - 1, "remain"))) {
                p = q;
                continue;
            }
        }
        /* "both sides are guilty of violating the ceasefire": the act of a
         * gerund after a predicative adjective is its subject's */
        if (g->gerund && q > first && (wc(c, q - 1) & DL_W_BE)) {
            static const char *const preds[] = {"guilty", "responsible", "capable", "culpable", "accused",
                                                "suspected", "intent", "bent", NULL};
            if (word_in(norm(c, q), preds)) {
                p = q;
                continue;
            }
        }
        /* "It is a pleasure to welcome": "it", the speaker (mentions.c) */
        if (g->infinitive && adjacent) {
            uint32_t k = q;
            while (k > first && !(c->tok[k].mention != NONE && c->mentions.v[c->tok[k].mention].first_person) &&
                   q - k < 5 && c->tok[k].vg == NONE)
                k--;
            if (c->tok[k].mention != NONE && c->mentions.v[c->tok[k].mention].first_person && is(c, k, "it"))
                return c->tok[k].mention;
        }
        /* "issued a statement demanding": the author of the statement */
        if (!g->finite && adjacent && word_in(norm(c, q), documents)) {
            p = q;
            adjacent = false;
            continue;
        }
        /* a plain noun: the subject is not an actor, unless a possessor
         * owns it ("Macron's office said") */
        if (adjacent && c->doc->tokens[q].kind == DL_TOK_WORD) {
            uint32_t k = q;
            while (k > first && c->tok[k - 1].mention == NONE && c->doc->tokens[k - 1].kind == DL_TOK_WORD &&
                   (!wc(c, k - 1) || (is(c, k - 1, "and") && k >= first + 2 && !wc(c, k - 2) &&
                                      c->tok[k - 2].mention == NONE && c->tok[k - 2].vg == NONE)) &&
                   c->tok[k - 1].vg == NONE && k + 6 > q)
                k--; /* (adjectives joined: "its Southern and Western districts") */
            /* inside an of-phrase ("the sides of the island of Cyprus have
             * agreed", "units of its military districts"): the head noun is
             * further left */
            {
                uint32_t d = k;
                while (d > first && (wc(c, d - 1) & (DL_W_DET | DL_W_QUANT)) && !(wc(c, d - 1) & DL_W_PRON)) d--;
                /* ("of its", "of their": a possessive determiner) */
                if (d > first + 1 && c->tok[d - 1].mention != NONE && c->mentions.v[c->tok[d - 1].mention].kind == M_PRONOUN &&
                    is(c, d - 2, "of") && c->mentions.v[c->tok[d - 1].mention].end == d)
                    d--;
                if (d > first && is(c, d - 1, "of")) {
                    p = d - 1;
                    continue;
                }
            }
            /* "Macron's office", "the American proposals", "Israeli army
             * bulldozers": the actor that owns the noun */
            /* "The Asia-Pacific Economic Cooperation (APEC) forum" */
            if (k > first + 1 && is(c, k - 1, ")")) {
                uint32_t o = k - 1;
                while (o > first && !is(c, o, "(") && k - o < 8) o--;
                if (is(c, o, "(")) k = o;
            }
            /* "the United States and its allies", "Russia and other states":
             * the named actor of a coordinated subject */
            {
                uint32_t d = k;
                while (d > first && (is(c, d - 1, "its") || is(c, d - 1, "their") || is(c, d - 1, "other") ||
                                     is(c, d - 1, "our") || is(c, d - 1, "my") || is(c, d - 1, "your") ||
                                     is(c, d - 1, "some") || is(c, d - 1, "several") || is(c, d - 1, "his") ||
                                     is(c, d - 1, "her") || (wc(c, d - 1) & DL_W_DET)))
                    d--;
                /* "Washington along with its allies", "together with" */
                uint32_t w = d; /* w - 1: the joining word; w - 2: the named actor */
                if (w > first + 2 && is(c, w - 1, "with") && (is(c, w - 2, "along") || is(c, w - 2, "together")))
                    w--;
                if (w > first + 1 && (is(c, w - 1, "and") || is(c, w - 1, "with") || is(c, w - 1, "along") ||
                                      is(c, w - 1, "together")) &&
                    c->tok[w - 2].mention != NONE) {
                    const mention *cm = &c->mentions.v[c->tok[w - 2].mention];
                    if (!cm->after_prep && !cm->locative && cm->kind != M_PRONOUN) return c->tok[w - 2].mention;
                }
            }
            if (k > first && c->tok[k - 1].mention != NONE) {
                const mention *om = &c->mentions.v[c->tok[k - 1].mention];
                if (om->possessive || om->owner || (!om->after_prep && !om->locative && om->kind != M_PRONOUN))
                    return c->tok[k - 1].mention;
            }
            if (k > first + 1 && is(c, k - 1, "'s") && c->tok[k - 2].mention != NONE) return c->tok[k - 2].mention;
            return NONE;
        }
        p = q;
        adjacent = false;
    }
    return NONE;
}

/* Is the preposition at token i one after which an actor is still the
 * target ("met with X", "sanctions on X")? */
static bool target_prep(const article_ctx *c, uint32_t i) {
    static const char *const w[] = {"to", "with", "against", "on", "toward", "towards", "into", "upon",
                                    "from", "at", NULL};
    return word_in(norm(c, i), w);
}

/* A plain word that may modify a noun ("bilateral", "five-hour"). */
static bool is_plain(const article_ctx *c, uint32_t i) {
    return c->doc->tokens[i].kind == DL_TOK_WORD && !wc(c, i) && c->tok[i].mention == NONE &&
           c->tok[i].vg == NONE && !(c->doc->tokens[i].flags & DL_TF_CAP);
}

static bool same_side(const entity *a, const entity *b);

/* The object of verb group g: the first actor after it in its clause (not
 * the source's own forces: "offered its troops to Lebanon"). */
static uint32_t object_of(article_ctx *c, const vgroup *g, bool allow_locative, const entity *src) {
    uint32_t end = sent_end(c, g->sentence);
    uint32_t p = g->end;
    for (int steps = 0; p < end && steps < 14; steps++) {
        if (c->tok[p].mention != NONE) {
            uint32_t mi = c->tok[p].mention;
            const mention *m = &c->mentions.v[mi];
            bool of_noun = m->after_prep && is(c, m->start - 1, "of") && m->start >= 2 &&
                           c->doc->tokens[m->start - 2].kind == DL_TOK_WORD && c->tok[m->start - 2].vg == NONE &&
                           !wc(c, m->start - 2);
            bool prep_ok = !m->after_prep || target_prep(c, m->start - 1) || allow_locative || of_noun;
            /* "Moscow-backed regions": a name inside a compound modifier */
            bool compound = m->end < end && is(c, m->end, "-") && !(c->doc->tokens[m->end].flags & DL_TF_SPACE);
            /* "conveyed our proposals to Russia": a possessive determiner
             * is not the object */
            if (m->kind == M_PRONOUN && (is(c, m->start, "our") || is(c, m->start, "their") || is(c, m->start, "its") ||
                                         is(c, m->start, "my") || is(c, m->start, "your") || is(c, m->start, "his") ||
                                         (is(c, m->start, "her") && m->end < end && c->tok[m->end].mention == NONE &&
                                          c->doc->tokens[m->end].kind == DL_TOK_WORD && !wc(c, m->end))))
                compound = true;
            if ((m->locative && !allow_locative) || !prep_ok || compound ||
                (src && m->ent.type == E_GROUP && !m->locative && same_side(src, &m->ent))) {
                p = m->end;
                continue;
            }
            return mi;
        }
        if (c->tok[p].vg != NONE && !c->vgroups.v[c->tok[p].vg].noun) return NONE;
        if (wc(c, p) & DL_W_SUBORD) return NONE;
        if (is_boundary_punct(c, p) || is(c, p, ",") || c->doc->tokens[p].kind == DL_TOK_QUOTE) return NONE;
        p++;
    }
    return NONE;
}

/* "demanded that the US cancel": the subject of a that-clause right after
 * the verb (skipping adverbs and "on Tuesday").  Returns the mention and the
 * clause's first verb group (or NONE). */
static uint32_t clause_subject(article_ctx *c, const vgroup *g, uint32_t *verb) {
    uint32_t end = sent_end(c, g->sentence);
    *verb = NONE;
    uint32_t p = g->end;
    while (p < end && !is(c, p, "that") && (skippable(c, p) || (wc(c, p) & DL_W_PREP) || is(c, p, ","))) p++;
    if (p < end && is(c, p, "that")) p++;
    else return NONE;
    while (p < end && skippable(c, p)) p++;
    if (p >= end || c->tok[p].mention == NONE || c->mentions.v[c->tok[p].mention].owner) return NONE;
    uint32_t mi = c->tok[p].mention;
    for (uint32_t q = c->mentions.v[mi].end; q < end && q < c->mentions.v[mi].end + 6; q++)
        if (c->tok[q].vg != NONE) {
            *verb = c->tok[q].vg;
            break;
        }
    return mi;
}

/* "was accused by X": the agent of a passive verb. */
static uint32_t passive_agent(article_ctx *c, const vgroup *g) {
    uint32_t end = sent_end(c, g->sentence);
    for (uint32_t p = g->end; p < end && p < g->end + 10; p++) {
        if (is(c, p, "by") && p + 1 < end) {
            for (uint32_t q = p + 1; q < end && q < p + 4; q++)
                if (c->tok[q].mention != NONE) return c->tok[q].mention;
            return NONE;
        }
        if (is_boundary_punct(c, p) || (c->tok[p].vg != NONE && !c->vgroups.v[c->tok[p].vg].noun)) return NONE;
    }
    return NONE;
}

/* ---- patterns ---------------------------------------------------------------- */

static uint32_t match_seq(const article_ctx *c, uint32_t pos, uint32_t end, const dl_word_seq *seq) {
    if (pos + seq->n_words > end) return 0;
    for (uint32_t k = 0; k < seq->n_words; k++) {
        uint32_t pw = dl_lexicon_seq_word(c->lex, seq->first_word + k);
        if (!dl_lexicon_word_matches(c->lex, c->tok[pos + k].word, pw)) return 0;
    }
    return seq->n_words;
}

typedef struct pmatch {
    uint32_t target, source; /* mentions, or NONE */
    int score;
    uint32_t end;            /* first token after the matched words */
} pmatch;

/* Match one element at or after *pos (forward) within `window` tokens. */
static bool match_elem(const article_ctx *c, const dl_pattern_elem *e, uint32_t *pos, uint32_t end, int window,
                       bool in_clause, bool after_party, pmatch *pm) {
    /* the window counts an actor phrase as one unit; words may still match
     * inside it ("expelled 45 Russian diplomats") */
    int units = 0;
    uint32_t cur_mention = NONE;
    const dl_word_sig *first_sig = dl_lexicon_elem_sig(c->lex, e, false); /* of the words that can start it */
    for (uint32_t q = *pos; q < end; q++) {
        uint32_t mq = c->tok[q].mention;
        if (mq == NONE || mq != cur_mention) units++;
        cur_mention = mq;
        if (units > window + 1) break;
        if (is_boundary_punct(c, q)) return false;
        /* a pattern's later elements stay in the clause of its first: "called
         * Putin on Sunday, the Elysee said" is no "called Putin the ..." nor
         * "called on +" (an apposition may come between: "accused Russia's
         * envoy, Mr X, of lying") */
        if (after_party && is(c, q, ",")) {
            uint32_t am = q + 1 < end ? c->tok[q + 1].mention : NONE;
            if (am == NONE || c->mentions.v[am].end >= end || !is(c, c->mentions.v[am].end, ",")) return false;
        }
        /* a quotation's party is inside it ("\"We will never accept this,\"
         * Lavrov told reporters": not the reporters) */
        if ((e->kind == DL_PE_TARGET || e->kind == DL_PE_SOURCE) && c->doc->tokens[q].kind == DL_TOK_QUOTE &&
            (c->doc->tokens[*pos > 0 ? *pos - 1 : 0].flags & DL_TF_IN_QUOTE))
            return false;
        if (e->kind == DL_PE_TARGET || e->kind == DL_PE_SOURCE || e->kind == DL_PE_SKIP_NP) {
            if (c->tok[q].mention != NONE) {
                uint32_t mi = c->tok[q].mention;
                /* "the NATO-Russia Council": a name inside a compound is
                 * passed for the next ("Russia") */
                uint32_t me = c->mentions.v[mi].end;
                if ((e->kind == DL_PE_TARGET || e->kind == DL_PE_SOURCE) && me + 1 < end &&
                    c->doc->tokens[me].kind == DL_TOK_DASH && !(c->doc->tokens[me].flags & DL_TF_SPACE) &&
                    c->tok[me + 1].mention != NONE) {
                    q = me;
                    continue;
                }
                if (e->kind == DL_PE_TARGET) pm->target = mi;
                if (e->kind == DL_PE_SOURCE) pm->source = mi;
                *pos = c->mentions.v[mi].end;
                pm->score += 1;
                return true;
            }
            /* "^": a noun phrase starts here (not a preposition, a time, a verb) */
            if (e->kind == DL_PE_SKIP_NP &&
                (c->doc->tokens[q].kind == DL_TOK_WORD || c->doc->tokens[q].kind == DL_TOK_QUOTE) &&
                !(wc(c, q) & (DL_W_PREP | DL_W_SUBORD | DL_W_CONJ)) && !c->tok[q].timex && c->tok[q].vg == NONE &&
                !is_weekdayish(c, q)) {
                *pos = q + 1;
                return true;
            }
            if (e->kind == DL_PE_SKIP_NP) return false; /* only right here */
            continue;
        }
        /* only the alternatives whose first word is this one can match */
        bool can_start = dl_word_sig_has(first_sig, c->tok[q].wslot);
        /* a near element of a pattern that finds a party stays in the
         * verb's clause: not past "that" ("said that forces sent to Belarus
         * ...": no "to +"), unless
         * "that" is the object and the element follows it ("make that
         * clear to Russia") */
        if (in_clause && window < 60 && !can_start && is(c, q, "that") &&
            !(q + 1 < end && dl_word_sig_has(first_sig, c->tok[q + 1].wslot)))
            return false;
        if (!can_start) continue; /* none (most words) */
        for (uint32_t a = dl_lexicon_alt_first(c->lex, e, c->tok[q].word, false); a != DL_WORD_NONE;
             a = dl_lexicon_alt_next(c->lex, a, false)) {
            const dl_word_seq *seq = dl_lexicon_alt(c->lex, a);
            uint32_t l = match_seq(c, q, end, seq);
            if (l) {
                *pos = q + l;
                pm->score += (int)l * 2;
                return true;
            }
        }
    }
    return false;
}

/* Match one element before *pos (backward). */
static bool match_elem_back(const article_ctx *c, const dl_pattern_elem *e, uint32_t *pos, uint32_t first,
                            pmatch *pm) {
    const dl_word_sig *last_sig = dl_lexicon_elem_sig(c->lex, e, true); /* of the words that can end it */
    for (uint32_t q = *pos; q-- > first && q + 7 > *pos;) {
        if (is_boundary_punct(c, q)) return false;
        if (e->kind == DL_PE_SOURCE || e->kind == DL_PE_TARGET) {
            if (c->tok[q].mention != NONE) {
                uint32_t mi = c->tok[q].mention;
                if (e->kind == DL_PE_SOURCE) pm->source = mi;
                else pm->target = mi;
                *pos = c->mentions.v[mi].start;
                pm->score += 1;
                return true;
            }
            continue;
        }
        if (e->kind == DL_PE_SKIP_NP) {
            *pos = q;
            return true;
        }
        /* a dash joins a compound ("Moscow-backed", "Israeli-occupied"):
         * only right before the verb, not inside a subject ("Saudi-led
         * forces bombed") */
        if (c->doc->tokens[q].kind == DL_TOK_DASH && q + 1 != *pos) continue;
        /* only the alternatives whose last word is this one can match */
        if (!dl_word_sig_has(last_sig, c->tok[q].wslot)) continue; /* none (most words) */
        for (uint32_t a = dl_lexicon_alt_first(c->lex, e, c->tok[q].word, true); a != DL_WORD_NONE;
             a = dl_lexicon_alt_next(c->lex, a, true)) {
            const dl_word_seq *seq = dl_lexicon_alt(c->lex, a);
            if (q + 1 < seq->n_words) continue;
            uint32_t st = q + 1 - seq->n_words;
            if (st < first) continue;
            if (match_seq(c, st, *pos, seq)) {
                *pos = st;
                pm->score += (int)seq->n_words * 2;
                return true;
            }
        }
    }
    return false;
}

/* How many units (words, or actor phrases) after the verb a pattern's
 * first element may start within (match_pattern(), near_words()). */
#define FIRST_WINDOW 5

/* The slots of the words a pattern's first element (FIRST_WINDOW) can reach
 * after the verb: match_elem()'s scan, without matching. */
static void near_words(const article_ctx *c, const vgroup *g, dl_word_sig *near) {
    memset(near, 0, sizeof *near);
    int units = 0;
    uint32_t cur_mention = NONE;
    for (uint32_t q = g->end, end = sent_end(c, g->sentence); q < end; q++) {
        uint32_t mq = c->tok[q].mention;
        if (mq == NONE || mq != cur_mention) units++;
        cur_mention = mq;
        if (units > FIRST_WINDOW + 1 || is_boundary_punct(c, q)) break;
        dl_word_sig_add(near, c->tok[q].wslot);
    }
}

/* Can the pattern's first element after the verb be among `near`
 * (near_words())?  One of words none of which is near cannot match: most
 * patterns, rejected without a scan. */
static bool first_near(const article_ctx *c, const dl_pattern *pt, const dl_word_sig *near) {
    if (!pt->n_post) return true;
    const dl_pattern_elem *e = dl_lexicon_elem(c->lex, pt->first_post);
    if ((e->flags & DL_PEF_ANYWHERE) || (e->kind != DL_PE_WORD && e->kind != DL_PE_PREP)) return true;
    return dl_word_sig_meets(dl_lexicon_elem_sig(c->lex, e, false), near);
}

static bool match_pattern(const article_ctx *c, const vgroup *g, const dl_pattern *pt, pmatch *pm) {
    uint32_t first = sent_first(c, g->sentence), end = sent_end(c, g->sentence);
    pm->target = pm->source = NONE;
    pm->score = 0;
    uint32_t pos = g->end;
    bool party = pt->post_party; /* does the pattern find a target or source after the verb? */
    bool after_party = false;
    for (uint32_t k = 0; k < pt->n_post; k++) {
        const dl_pattern_elem *e = dl_lexicon_elem(c->lex, pt->first_post + k);
        int window = (e->flags & DL_PEF_ANYWHERE)      ? 60
                     : k == 0                          ? FIRST_WINDOW
                     : (e->flags & DL_PEF_CONSECUTIVE) ? 3
                                                       : 4;
        if (!match_elem(c, e, &pos, end, window, party, after_party, pm)) return false;
        after_party = true; /* (any element: "on Sunday, the ..." is no "on +") */
    }
    pm->end = pos;
    pos = g->first;
    for (uint32_t k = pt->n_pre; k-- > 0;) {
        const dl_pattern_elem *e = dl_lexicon_elem(c->lex, pt->first_pre + k);
        if (!match_elem_back(c, e, &pos, first, pm)) return false;
    }
    return true;
}

/* The code of a verb group: best pattern, else the verb's, else the
 * block's.  *pattern_where is the pattern's dictionary line (or NONE).
 * `words` are the slots of the sentence's words (sentence_sig()), `near`
 * those near_words() of g. */
static void code_of_verb(const article_ctx *c, const vgroup *g, uint32_t verb, const dl_word_sig *words,
                         const dl_word_sig *near, char code[8], pmatch *best, uint32_t *where) {
    const dl_verb_def *v = dl_lexicon_verb_def(c->lex, verb);
    const dl_verb_block *b = dl_lexicon_block(c->lex, v->block);
    best->target = best->source = NONE;
    best->score = 0;
    best->end = g->end;
    *where = v->where;
    dl_strlcpy(code, v->code[0] ? v->code : b->code, 8);
    if (dl_streq(code, "---")) code[0] = 0;
    /* only the patterns whose words the sentence may have, in their order */
    for (uint32_t base = 0; base < b->n_patterns; base += 64) {
        for (uint64_t m = dl_lexicon_block_candidates(c->lex, b, words, base); m; m &= m - 1) {
            uint32_t k = base + (uint32_t)__builtin_ctzll(m);
            const dl_pattern *pt = dl_lexicon_pattern(c->lex, b->first_pattern + k);
            if (!first_near(c, pt, near) || !dl_lexicon_pattern_may_match(c->lex, pt, words)) continue;
            pmatch pm;
            if (!match_pattern(c, g, pt, &pm)) continue;
            if (pm.score > best->score) {
                *best = pm;
                *where = pt->where;
                dl_strlcpy(code, dl_streq(pt->code, "---") ? "" : pt->code, 8);
            }
        }
    }
}

/* The code of a verb group: over every reading of its words, the best
 * pattern, else a reading with a code of its own ("attack": criticise [---]
 * or assault [190]).  The chosen reading's block is stored in the group. */
static void code_of(const article_ctx *c, const vgroup *g, char code[8], pmatch *best, uint32_t *where) {
    /* the words of the sentence: a pattern that needs a word the sentence
     * lacks is not tried (the same for each of its verb groups) */
    if (c->sig_sentence != g->sentence) {
        article_ctx *mc = (article_ctx *)c;
        memset(&mc->sig, 0, sizeof mc->sig);
        for (uint32_t t = sent_first(c, g->sentence), e = sent_end(c, g->sentence); t < e; t++)
            dl_word_sig_add(&mc->sig, c->tok[t].wslot);
        mc->sig_sentence = g->sentence;
    }
    const dl_word_sig words = c->sig;
    dl_word_sig near;
    near_words(c, g, &near);
    code_of_verb(c, g, g->verb, &words, &near, code, best, where);
    for (int k = 0; k < 3 && g->alt_verbs[k] != NONE; k++) {
        char c2[8];
        pmatch p2;
        uint32_t w2;
        code_of_verb(c, g, g->alt_verbs[k], &words, &near, c2, &p2, &w2);
        bool better = p2.score > best->score || (p2.score == best->score && !code[0] && c2[0]);
        if (better) {
            dl_strlcpy(code, c2, 8);
            *best = p2;
            *where = w2;
            ((vgroup *)g)->verb = g->alt_verbs[k];
            ((vgroup *)g)->block = dl_lexicon_verb_def(c->lex, g->alt_verbs[k])->block;
        }
    }
}

/* ---- events -------------------------------------------------------------- */

typedef struct candidate {
    uint32_t vg;
    bool permitted;       /* the act is only permitted ("authorised X to ...") */
    uint32_t date_vg;     /* the verb group whose date it takes: vg, or the
                             meeting an event noun refers back to */
    bool mutual;          /* both sides of a conjoined subject act on each
                             other, whatever the code ("failed to agree") */
    char code[8];
    uint32_t where;       /* dictionary line of the coding */
    uint32_t source;      /* mention */
    uint32_t target;      /* mention or NONE */
    bool pattern;
    bool speech;
    bool negated, hypothetical;
    bool reverse_source;  /* source is an entity (the speaker), not a mention */
    entity speaker;
} candidate;

/* Society's sectors: rebels, the opposition, civilians, students, the
 * press ... (data/actor_types.txt). */
static const char *const society_sectors[] = {"REB", "INS", "OPP", "SEP", "UAF", "CVL", "EDU", "LAB", "REF",
                                                "HRI", "REL", "MED", "BUS", "HLH", "CRM", "AGR", "ENV",
                                                "SET", "PTY", "ELI", "NGO", NULL};
static const char *const state_sectors[] = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", NULL};
static const char *const irregular_sectors[] = {"REB", "INS", "SEP", "UAF", NULL};

/* A state's body and a part of its society: one country, two sides ("the
 * PKK demanded that the Turkish government", "police detained students",
 * "Albanians in Serbia against Serbian authorities"). */
enum { SIDE_NONE, SIDE_SOCIETY, SIDE_STATE };
static int sector_side(const entity *e) {
    if (!e->sector[0]) return e->type == E_COUNTRY ? SIDE_STATE : SIDE_NONE; /* most: a bare country */
    /* (the lists share no code: the short list of the state, where the
     * commonest sectors are, is read first) */
    if (word_in(e->sector, state_sectors)) return SIDE_STATE;
    return word_in(e->sector, society_sectors) ? SIDE_SOCIETY : SIDE_NONE;
}
static bool opposed_sectors(const entity *a, const entity *b) {
    int sa = sector_side(a), sb = sector_side(b);
    return (sa == SIDE_SOCIETY && sb == SIDE_STATE) || (sb == SIDE_SOCIETY && sa == SIDE_STATE);
}

static bool same_side(const entity *a, const entity *b) {
    if (a->type == E_NONE || b->type == E_NONE) return false;
    if (opposed_sectors(a, b)) return false;
    if (a->actor != NONE && a->actor == b->actor) return true;
    if (a->name[0] && dl_streq(a->name, b->name)) return true;
    /* a person and their own state or institution */
    if ((a->type == E_PERSON) != (b->type == E_PERSON)) return a->country[0] && dl_streq(a->country, b->country);
    if (a->type != E_PERSON && b->type != E_PERSON) return dl_streq(a->country, b->country);
    return false;
}

/* One country's state (or one country's society): a spokesman and the
 * leader whose acts he reports, a ministry and its troops. */
static bool same_camp(const entity *a, const entity *b) {
    if (a->type == E_NONE || b->type == E_NONE || !a->country[0]) return false;
    return dl_streq(a->country, b->country) && sector_side(a) == sector_side(b);
}

/* ---- the strings of events ------------------------------------------------
 * An event's strings go where the list wants them (event.h): in its pool
 * when it has one, else each malloc'd for the event to own. */

static void *ev_alloc(const article_ctx *c, size_t n) {
    return c->out->pool ? dl_arena_alloc(c->out->pool, n) : malloc(n);
}

static char *ev_strndup(const article_ctx *c, const char *s, size_t n) {
    return c->out->pool ? dl_arena_strndup(c->out->pool, s, n) : dl_strndup(s, n);
}

static char *ev_strdup(const article_ctx *c, const char *s) { return ev_strndup(c, s, strlen(s)); }

/* The text of tokens a..b-1 (NULL when there are none). */
static char *span_text(const article_ctx *c, uint32_t a, uint32_t b) {
    if (b <= a) return NULL;
    size_t s = c->doc->tokens[a].start, e = c->doc->tokens[b - 1].end;
    return ev_strndup(c, c->doc->text + s, e - s);
}

/* The quotation around token i within its sentence (without the marks). */
static char *quote_around(const article_ctx *c, uint32_t i, uint32_t s) {
    uint32_t first = c->doc->sentences[s].first_token, end = sent_end(c, s);
    if (!(c->doc->tokens[i].flags & DL_TF_IN_QUOTE)) return NULL;
    uint32_t a = i, b = i;
    while (a > first && (c->doc->tokens[a - 1].flags & DL_TF_IN_QUOTE) &&
           !(c->doc->tokens[a].kind == DL_TOK_QUOTE && (c->doc->tokens[a].flags & DL_TF_OPEN)))
        a--;
    if (c->doc->tokens[a].kind == DL_TOK_QUOTE) a++;
    while (b + 1 < end && (c->doc->tokens[b + 1].flags & DL_TF_IN_QUOTE) &&
           !(c->doc->tokens[b + 1].kind == DL_TOK_QUOTE && (c->doc->tokens[b + 1].flags & DL_TF_CLOSE)))
        b++;
    /* trailing punctuation inside the quote ("...,") */
    while (b > a && (is(c, b, ",") || is(c, b, "."))) b--;
    return span_text(c, a, b + 1);
}

/* The quotation a speech verb introduces or closes in its sentence. */
static char *quote_of_speech(const article_ctx *c, const vgroup *g) {
    uint32_t first = sent_first(c, g->sentence), end = sent_end(c, g->sentence);
    for (uint32_t k = g->end; k < end; k++)
        if (c->doc->tokens[k].flags & DL_TF_IN_QUOTE && c->doc->tokens[k].kind != DL_TOK_QUOTE)
            return quote_around(c, k, g->sentence);
    for (uint32_t k = g->first; k-- > first;)
        if (c->doc->tokens[k].flags & DL_TF_IN_QUOTE && c->doc->tokens[k].kind != DL_TOK_QUOTE)
            return quote_around(c, k, g->sentence);
    return NULL;
}

/* Fill the (zeroed) out from e and the words of m, as dl_entity_set() would
 * (code: country + sector), the strings where ev_alloc() puts them. */
static dl_status set_entity(article_ctx *c, dl_entity *out, const entity *e, const mention *m) {
    bool ok = true;
    if (e->name[0]) ok = (out->name = ev_strdup(c, e->name)) != NULL;
    if (e->sector[0] && ok) ok = (out->sector = ev_strdup(c, e->sector)) != NULL;
    if (e->country[0] && ok) {
        size_t nc = strlen(e->country), ns = strlen(e->sector);
        out->country = ev_strndup(c, e->country, nc);
        out->code = ev_alloc(c, nc + ns + 1);
        ok = out->country && out->code;
        if (out->code) {
            memcpy(out->code, e->country, nc);
            memcpy(out->code + nc, e->sector, ns + 1);
        }
    }
    if (ok && m && m->end > m->start) ok = (out->text = span_text(c, m->start, m->end)) != NULL;
    return ok ? DL_OK : DL_ERR_NOMEM;
}

static bool same_entity(const dl_entity *a, const entity *b) {
    if (!b) return !a->country;
    if (!a->country || !dl_streq(a->country, b->country)) return false;
    return (!a->name && !b->name[0]) || (a->name && dl_streq(a->name, b->name));
}

/* Decimal digits of v at p; returns their count. */
static size_t put_uint(char *p, uint32_t v) {
    char t[10];
    size_t n = 0;
    do t[n++] = (char)('0' + v % 10);
    while (v /= 10);
    for (size_t k = 0; k < n; k++) p[k] = t[n - 1 - k];
    return n;
}

/* An event's id, "ARTICLE:SENTENCE:N" (by ev_alloc()), cut to 511 bytes as
 * it always was.  Built by hand: snprintf cost more than the rest of emit(). */
static char *event_id(const article_ctx *c, const char *article, uint32_t s, uint32_t n) {
    size_t len = strlen(article);
    char *id = ev_alloc(c, len + 2 * 11 + 1);
    if (!id) return NULL;
    memcpy(id, article, len);
    char *p = id + len;
    *p++ = ':';
    p += put_uint(p, s);
    *p++ = ':';
    p += put_uint(p, n);
    *p = 0;
    if (p - id > 511) id[511] = 0;
    return id;
}

static dl_status emit(article_ctx *c, const candidate *cd, const entity *src, const mention *src_m,
                      const entity *tgt, const mention *tgt_m) {
    const vgroup *g = &c->vgroups.v[cd->vg];
    uint32_t s = g->sentence;
    /* the same coding twice in one sentence (two readings of one phrase) */
    if (tgt && (tgt->type == E_NONE || !tgt->country[0])) tgt = NULL;
    for (size_t k = c->out->n; k-- > 0 && c->events_in_sentence;) {
        const dl_event *o = &c->out->items[k];
        if (!o->n_mentions || o->mentions[0].sentence != (long)s) break;
        if (dl_streq(o->action.code, cd->code) && same_entity(&o->actor, src) &&
            ((!tgt && !o->has_target) || (tgt && o->has_target && same_entity(&o->target, tgt))))
            return DL_OK;
    }
    dl_event *ev = dl_event_list_add(c->out);
    if (!ev) return DL_ERR_NOMEM;
    c->events_in_sentence++;
    ev->id = event_id(c, c->a->id, s, c->events_in_sentence);
    if (!dl_action_set_code(&ev->action, cd->code)) {
        dl_strlcpy(ev->action.code, cd->code, sizeof ev->action.code);
        snprintf(ev->action.root, sizeof ev->action.root, "%.2s", cd->code);
    }
    ev->action.text = span_text(c, g->first, g->end);
    dl_status st = set_entity(c, &ev->actor, src, src_m);
    if (st == DL_OK && tgt && tgt->type != E_NONE && tgt->country[0]) {
        ev->has_target = true;
        st = set_entity(c, &ev->target, tgt, tgt_m);
    }
    ev->negated = cd->negated;
    ev->hypothetical = cd->hypothetical;
    if (cd->speech) ev->quote = quote_of_speech(c, g);
    else ev->quote = quote_around(c, g->start, s);
    /* date: the governing time expression, else the publication date */
    const char *basis = NULL;
    size_t basis_len = 0;
    bool inferred = true;
    const vgroup *dg = cd->date_vg != NONE ? &c->vgroups.v[cd->date_vg] : g;
    /* "met X on Monday and Y the next day": each target's own time */
    vgroup at_target;
    if (tgt_m && tgt_m->own_time) {
        /* the first time after the target, before the next conjunct */
        uint32_t end = sent_end(c, s), t = tgt_m->end;
        while (t < end && !c->tok[t].timex && !is(c, t, "and")) t++;
        at_target = *dg;
        at_target.start = t < end && c->tok[t].timex ? t : tgt_m->end - 1;
        dg = &at_target;
    }
    event_date(c, dg->sentence, dg, &ev->date.when, &basis, &basis_len, &inferred);
    ev->date.inferred = inferred;
    ev->date.basis = !basis ? ev_strdup(c, DL_BASIS_PUBLICATION) : ev_strndup(c, basis, basis_len);
    double conf = 0.55 + (cd->pattern ? 0.15 : 0) + (ev->has_target ? 0.1 : 0) + (inferred ? 0 : 0.05);
    if (src_m && src_m->resolved_by_coref) conf -= 0.15;
    if (src->type == E_GROUP && !src->name[0]) conf -= 0.05;
    ev->confidence = conf < 0.1 ? 0.1 : conf > 0.95 ? 0.95 : conf;
    const dl_sentence *sent = &c->doc->sentences[s];
    dl_mention *m = ev_alloc(c, sizeof *m);
    if (!m) return DL_ERR_NOMEM;
    *m = (dl_mention){.sentence = (long)s, .start = (long)sent->start, .end = (long)sent->end};
    ev->mentions = m;
    ev->n_mentions = ev->cap_mentions = 1;
    if (c->out->pool) { /* one copy of the article id and of the sentence for all their events */
        if (!c->pooled_id) c->pooled_id = ev_strdup(c, c->a->id);
        if (c->pooled_sentence != s) {
            c->pooled_text = ev_strndup(c, c->doc->text + sent->start, sent->end - sent->start);
            c->pooled_sentence = s;
        }
        m->article = (char *)c->pooled_id;
        m->text = (char *)c->pooled_text;
    } else {
        m->article = dl_strdup(c->a->id);
        m->text = dl_strndup(c->doc->text + sent->start, sent->end - sent->start);
    }
    if (!m->article || !m->text) return DL_ERR_NOMEM;
    if (extractor_explain(c->x)) {
        dl_buf b = {0};
        dl_buf_printf(&b, "code %s: %s", cd->code, dl_lexicon_where(c->lex, cd->where));
        if (src->where != NONE) dl_buf_printf(&b, "; actor: %s", dl_lexicon_where(c->lex, src->where));
        if (src_m && src_m->resolved_by_coref) dl_buf_puts(&b, " (coreference)");
        if (ev->has_target && tgt->where != NONE) dl_buf_printf(&b, "; target: %s", dl_lexicon_where(c->lex, tgt->where));
        ev->explain = ev_strndup(c, b.data ? b.data : "", b.len);
        dl_buf_free(&b);
    }
    if (!ev->id || !ev->date.basis) return DL_ERR_NOMEM;
    return st;
}

/* The mentions of mi's sentence in mi's conjunction group.  Mentions are
 * stored in sentence order, so only that sentence is scanned. */
static size_t same_group(const article_ctx *c, uint32_t mi, uint32_t *out, size_t cap) {
    const mention *m = &c->mentions.v[mi];
    size_t n = 0, k0 = mi;
    while (k0 > 0 && c->mentions.v[k0 - 1].sentence == m->sentence) k0--;
    for (size_t k = k0; k < c->mentions.n && c->mentions.v[k].sentence == m->sentence && n < cap; k++)
        if (c->mentions.v[k].group == m->group) out[n++] = (uint32_t)k;
    return n;
}

/* All mentions of the conjunction group of mention mi (in its sentence).
 * Mentions are stored in sentence order, so only mi's sentence is scanned. */
static size_t group_members(const article_ctx *c, uint32_t mi, uint32_t *out, size_t cap) {
    const mention *m = &c->mentions.v[mi];
    /* "they" for "Both leaders": the antecedent's group */
    if (m->kind == M_PRONOUN && m->plural && m->antecedent != NONE) {
        size_t n = same_group(c, m->antecedent, out, cap);
        if (n >= 2) return n;
    }
    size_t n = same_group(c, mi, out, cap);
    if (!n) out[n++] = mi;
    return n;
}


static dl_status emit_candidate(article_ctx *c, const candidate *cd) {
    uint32_t srcs[8], tgts[8];
    size_t ns = 0, nt = 0;
    const entity *speaker = cd->reverse_source ? &cd->speaker : NULL;
    if (!speaker) ns = group_members(c, cd->source, srcs, 8);
    if (cd->target != NONE) nt = group_members(c, cd->target, tgts, 8);
    /* both sides named in one conjunction ("talks between A and B"): one event */
    if (!speaker && cd->target != NONE && c->mentions.v[cd->source].group == c->mentions.v[cd->target].group) {
        srcs[0] = cd->source;
        tgts[0] = cd->target;
        ns = nt = 1;
    }
    const dl_verb_block *b = dl_lexicon_block(c->lex, c->vgroups.v[cd->vg].block);
    bool symmetric = (b->flags & DL_VB_SYMMETRIC) || has_root(cd->code, "04") || dl_streq(cd->code, "057");
    if (speaker) {
        for (size_t t = 0; t < nt; t++) {
            const mention *tm = &c->mentions.v[tgts[t]];
            if (!usable(&tm->ent) || same_side(speaker, &tm->ent)) continue;
            dl_status st = emit(c, cd, speaker, NULL, &tm->ent, tm);
            if (st != DL_OK) return st;
        }
        return DL_OK;
    }
    /* "Truss and Lavrov met", "Hungary and Romania agreed to cooperate":
     * both sides in the subject; each acts towards the other */
    bool mutual = symmetric || cd->mutual || has_root(cd->code, "03") || has_root(cd->code, "05") ||
                  has_root(cd->code, "06");
    /* "Israel and Lebanon resumed talks on a pullback from Lebanon": a
     * target that is one of the sides is no third party */
    /* "Biden and Xi met on the sidelines of the G20 summit", "at the NATO
     * summit": with both sides in the subject, a name in an "of"-phrase or
     * owning a noun is the setting */
    const mention *t0 = nt ? &c->mentions.v[tgts[0]] : NULL;
    if (t0 && ns >= 2 && symmetric && (t0->owner || (t0->after_prep && is(c, t0->start - 1, "of")))) nt = 0;
    if (nt && ns >= 2 && (mutual || symmetric)) {
        bool inside = true;
        for (size_t t = 0; t < nt && inside; t++) {
            bool any = false;
            for (size_t k = 0; k < ns && !any; k++)
                any = same_side(&c->mentions.v[tgts[t]].ent, &c->mentions.v[srcs[k]].ent);
            inside = any;
        }
        if (inside) nt = 0;
    }
    /* "Russia and Belarus began exercises on Belarusian territory": a place
     * of a side of the subject is no target of its act */
    if (nt && ns >= 2) {
        bool inside = true;
        for (size_t t = 0; t < nt && inside; t++) {
            const mention *tm = &c->mentions.v[tgts[t]];
            bool any = false;
            for (size_t k = 0; k < ns && !any && (tm->owner || tm->locative); k++)
                any = same_side(&tm->ent, &c->mentions.v[srcs[k]].ent);
            inside = any;
        }
        if (inside) nt = 0;
    }
    /* "the two leaders toured the cosmodrome": a visit or a welcome is made
     * to someone, never by two subjects to each other */
    bool visit = !strncmp(cd->code, "042", 3) || !strncmp(cd->code, "043", 3);
    if (nt == 0 && ns >= 2 && visit) return DL_OK;
    if (nt == 0 && ns >= 2 && (mutual || symmetric)) {
        if (ns > 2 && !symmetric) return DL_OK; /* "A, B and C agreed": too vague */
        /* "Biden and Xi met", "both Biden and Putin accepted a summit": a
         * meeting, or the will to hold one, is one event with both sides
         * (SPEC: symmetric actions); "A and B agreed/signed" are two acts,
         * each side's own */
        bool meeting = has_root(cd->code, "04") || !strncmp(cd->code, "036", 3); /* (and agreeing to one) */
        for (size_t a = 0; a < (ns > 2 || meeting ? 1 : ns); a++)
            for (size_t k = 0; k < ns; k++) {
                const mention *am = &c->mentions.v[srcs[a]], *t = &c->mentions.v[srcs[k]];
                if (a == k || !usable(&am->ent) || !usable(&t->ent) || same_side(&am->ent, &t->ent)) continue;
                dl_status st = emit(c, cd, &am->ent, am, &t->ent, t);
                if (st != DL_OK) return st;
            }
        return DL_OK;
    }
    for (size_t s = 0; s < ns; s++) {
        const mention *sm = &c->mentions.v[srcs[s]];
        if (!usable(&sm->ent)) continue;
        if (nt == 0) {
            dl_status st = emit(c, cd, &sm->ent, sm, NULL, NULL);
            if (st != DL_OK) return st;
            continue;
        }
        /* "called off a meeting between Blinken and Lavrov", said of
         * Washington: a side of the source's own in a list of targets is no
         * target when another is */
        bool other_side = false;
        for (size_t t = 0; t < nt && nt >= 2; t++)
            other_side |= usable(&c->mentions.v[tgts[t]].ent) && !same_side(&sm->ent, &c->mentions.v[tgts[t]].ent);
        for (size_t t = 0; t < nt; t++) {
            const mention *tm = &c->mentions.v[tgts[t]];
            if (other_side && same_side(&sm->ent, &tm->ent) && !tm->locative) continue;
            /* a place at home stays ("Turkish police imposed a curfew in
             * southeastern Turkey": Turkey -> Turkey) */
            /* two sectors of one country are two parties ("Albanians in
             * Serbia" and "Serbian authorities") */
            bool sectors_differ = sm->ent.sector[0] && tm->ent.sector[0] && !dl_streq(sm->ent.sector, tm->ent.sector);
            bool same = tm->ent.type != E_NONE && !opposed_sectors(&sm->ent, &tm->ent) && !tm->locative &&
                        !sectors_differ &&
                        ((sm->ent.actor != NONE && sm->ent.actor == tm->ent.actor) ||
                                                   (sm->ent.name[0] && dl_streq(sm->ent.name, tm->ent.name) &&
                                                    dl_streq(sm->ent.country, tm->ent.country)));
            /* "the government ordered patrols by police": a posture of one's
             * own forces is taken towards no one */
            if (has_root(cd->code, "15") && !tm->locative && sm->ent.country[0] &&
                dl_streq(sm->ent.country, tm->ent.country) && sector_side(&sm->ent) == SIDE_STATE &&
                sector_side(&tm->ent) == SIDE_STATE)
                same = true;
            dl_status st = emit(c, cd, &sm->ent, sm, same ? NULL : &tm->ent, same ? NULL : tm);
            if (st != DL_OK) return st;
        }
    }
    return DL_OK;
}

/* "... for talks with B", "... for consultations with B" within a few
 * words from token p: B's mention, or NONE. */
static uint32_t talks_partner(const article_ctx *c, uint32_t p, uint32_t end) {
    for (uint32_t q = p; q < end && q < p + 10; q++) {
        if (is(c, q, ",") || is(c, q, ";") || (wc(c, q) & DL_W_SUBORD)) return NONE;
        uint32_t v = c->tok[q].vg;
        if (v == NONE || !c->vgroups.v[v].noun) continue;
        if (!(dl_lexicon_block(c->lex, c->vgroups.v[v].block)->flags & DL_VB_SYMMETRIC)) return NONE;
        uint32_t r = c->vgroups.v[v].end;
        if (r + 1 < end && is(c, r, "with") && c->tok[r + 1].mention != NONE) return c->tok[r + 1].mention;
        return NONE;
    }
    return NONE;
}

/* A present-tense verb with an adverb of habit before it ("regularly
 * meet", "usually consult"): what someone does as a rule, not an event. */
static bool habitual(const article_ctx *c, const vgroup *g) {
    if (g->noun || g->future || (g->forms & (DL_VF_PAST | DL_VF_PP))) return false;
    static const char *const habit[] = {"regularly", "routinely", "usually", "often", "frequently", "always",
                                        "normally", "typically", "generally", "traditionally", NULL};
    uint32_t first = sent_first(c, g->sentence);
    for (uint32_t k = g->first; k < g->end; k++)
        if (word_in(norm(c, k), habit)) return true;
    return g->first > first && word_in(norm(c, g->first - 1), habit);
}

/* Event nouns: "talks between A and B", "A's visit to B", "the A-B call",
 * "A held talks with B". */
static bool in_condition(const article_ctx *c, const vgroup *g);

/* "The call lasted an hour", "Today's conversation was held ...": a
 * definite meeting noun with no participants of its own is the meeting the
 * article coded last (within five sentences): its sides. */
static bool earlier_meeting(const article_ctx *c, const vgroup *g, const char *code, uint32_t *a, uint32_t *b) {
    /* not "the trip", "the visit": a traveller's, told as theirs */
    if (!has_root(code, "04") || strncmp(code, "042", 3) == 0 || strncmp(code, "043", 3) == 0 ||
        c->meeting_sentence == NONE || c->meeting_sentence + 5 < g->sentence)
        return false;
    uint32_t first = sent_first(c, g->sentence), p = g->first;
    /* adjectives between: "the first face-to-face meeting" */
    while (p > first && c->doc->tokens[p - 1].kind == DL_TOK_WORD && !wc(c, p - 1) && c->tok[p - 1].mention == NONE &&
           c->tok[p - 1].vg == NONE && g->first - p < 3)
        p--;
    if (p <= first) return false;
    bool definite = is(c, p - 1, "the") || is(c, p - 1, "this") || is(c, p - 1, "their") ||
                    (is(c, p - 1, "'s") && p >= first + 2 && c->tok[p - 2].timex);
    if (!definite) return false;
    /* "after the talks", "hours before the meeting": a point in time */
    uint32_t d = is(c, p - 1, "'s") ? p - 2 : p - 1;
    if (d > first && (wc(c, d - 1) & DL_W_PREP)) return false;
    *a = c->meeting_src;
    *b = c->meeting_tgt;
    return true;
}

static bool is_speech(const article_ctx *c, const vgroup *g);

static bool noun_participants(article_ctx *c, const vgroup *g, uint32_t *a, uint32_t *b) {
    uint32_t first = sent_first(c, g->sentence), end = sent_end(c, g->sentence);
    *a = *b = NONE;
    uint32_t p = g->end;
    /* "between A and B" */
    if (p + 1 < end && (is(c, p, "between") || is(c, p, "of"))) {
        uint32_t q = p + 1;
        while (q < end && skippable(c, q)) q++;
        if (q < end && c->tok[q].mention != NONE) {
            uint32_t m1 = c->tok[q].mention;
            uint32_t r = c->mentions.v[m1].end;
            /* "between Britain's foreign secretary, Liz Truss, and ..." */
            if (r + 1 < end && is(c, r, ",") && c->tok[r + 1].mention != NONE) {
                uint32_t ap = c->tok[r + 1].mention;
                uint32_t r2 = c->mentions.v[ap].end;
                if (r2 < end && is(c, r2, ",")) r2++;
                if (r2 < end && is(c, r2, "and")) r = r2;
            }
            if (r + 1 < end && (is(c, r, "and") || is(c, r, "with"))) {
                uint32_t s2 = r + 1;
                while (s2 < end && skippable(c, s2)) s2++;
                if (s2 < end && c->tok[s2].mention != NONE) {
                    *a = m1;
                    *b = c->tok[s2].mention;
                    return true;
                }
            }
            /* the group of A ("between the presidents of Russia and the United States") */
            uint32_t mem[8];
            size_t n = group_members(c, m1, mem, 8);
            if (n >= 2) {
                *a = mem[0];
                *b = mem[1];
                return true;
            }
        }
    }
    /* a second party after the noun: "with B", "to B"; for acts done to
     * someone ("attacks on B", "the invasion of B", "protests against B")
     * also on/against/of/at/in */
    bool sym = (dl_lexicon_block(c->lex, g->block)->flags & DL_VB_SYMMETRIC) != 0;
    uint32_t other = NONE;
    for (uint32_t q = g->end; q < end && q < g->end + 8; q++) {
        if (c->tok[q].mention != NONE) {
            const mention *m = &c->mentions.v[c->tok[q].mention];
            /* "talks in the Kremlin with Scholz": past where they were held */
            if (m->locative && sym && q + 1 < end) {
                q = m->end - 1;
                continue;
            }
            if (m->after_prep && (is(c, m->start - 1, "with") || is(c, m->start - 1, "to")))
                other = c->tok[q].mention;
            if (!sym && m->after_prep &&
                (is(c, m->start - 1, "on") || is(c, m->start - 1, "against") || is(c, m->start - 1, "of") ||
                 is(c, m->start - 1, "at") || is(c, m->start - 1, "in") || is(c, m->start - 1, "upon") ||
                 is(c, m->start - 1, "into")))
                other = c->tok[q].mention;
            break;
        }
        if (c->tok[q].vg != NONE || is_boundary_punct(c, q) || is(c, q, ",")) break;
    }
    /* "a possible invasion", "the threat of an attack", "if there were an
     * incursion": an act that has not happened */
    if (!sym) {
        static const char *const unreal[] = {"possible", "potential", "imminent", "planned", "threatened",
                                             "alleged", "any", "future", "feared", "prospective", "looming",
                                             "likely", "new", "further", "renewed", "full-scale", "another",
                                             "threat", "risk", "prospect", "danger", "fears", "fear", "no", NULL};
        for (uint32_t k = g->start; k-- > first && k + 5 > g->start;) {
            if (word_in(norm(c, k), unreal)) return false;
            if (c->tok[k].vg != NONE || is(c, k, ",")) break;
        }
        if (in_condition(c, g)) return false;
    }
    /* before the noun: "A's visit", "the A-B call", "U.S.-Russia talks" */
    uint32_t q = g->start;
    while (q > first && (skippable(c, q - 1) || is_plain(c, q - 1))) q--;
    if (q > first && is(c, q - 1, "'s")) q--;
    if (q > first && c->tok[q - 1].mention != NONE) {
        uint32_t m2 = c->tok[q - 1].mention;
        const mention *mm = &c->mentions.v[m2];
        /* "A-B": another mention joined by a dash */
        uint32_t s0 = mm->start;
        if (s0 > first + 1 && c->doc->tokens[s0 - 1].kind == DL_TOK_DASH && c->tok[s0 - 2].mention != NONE) {
            *a = c->tok[s0 - 2].mention;
            *b = m2;
            return true;
        }
        if (other != NONE) {
            *a = m2;
            *b = other;
            return true;
        }
    }
    if (!sym) return false;
    /* "A held talks with B": the subject of the verb before the noun */
    if (other != NONE) {
        for (uint32_t k = g->start; k-- > first && k + 6 > g->start;) {
            if (c->tok[k].vg != NONE && !c->vgroups.v[c->tok[k].vg].noun) {
                uint32_t sj = subject_of(c, c->tok[k].vg, 1);
                if (sj != NONE) {
                    *a = sj;
                    *b = other;
                    return true;
                }
                break;
            }
        }
        /* "In a phone call with B, A discussed ...", "Following talks with
         * B, A pledged ...": an opening phrase's noun is the main clause
         * subject's */
        {
            uint32_t k = g->end;
            bool opening = true;
            for (uint32_t q = first; q < g->start && opening; q++)
                opening = c->tok[q].vg == NONE || c->vgroups.v[c->tok[q].vg].noun || !c->vgroups.v[c->tok[q].vg].finite;
            while (opening && k < end && !is(c, k, ",")) {
                if (c->tok[k].vg != NONE && c->vgroups.v[c->tok[k].vg].finite && !c->vgroups.v[c->tok[k].vg].noun)
                    opening = false;
                k++;
            }
            for (; opening && k < end; k++)
                if (c->tok[k].vg != NONE && c->vgroups.v[c->tok[k].vg].finite && !c->vgroups.v[c->tok[k].vg].noun) {
                    uint32_t sj = subject_of(c, c->tok[k].vg, 1);
                    if (sj != NONE && sj != other) {
                        *a = sj;
                        *b = other;
                        return true;
                    }
                    break;
                }
        }
        /* "A was due in Moscow on Friday for talks with B", "A was expected
         * in Kyiv for talks with B": the sentence's subject, before "be" */
        uint32_t k0 = first;
        while (k0 < g->start && skippable(c, k0)) k0++;
        if (k0 < g->start && c->tok[k0].mention != NONE) {
            const mention *sm = &c->mentions.v[c->tok[k0].mention];
            uint32_t q = sm->end;
            bool be = q < g->start && (wc(c, q) & DL_W_BE);
            for (uint32_t t = q; be && t < g->start; t++)
                if (is(c, t, ",") || is_boundary_punct(c, t) || (wc(c, t) & DL_W_SUBORD)) be = false;
            if (be && q + 1 < g->start && (is(c, q + 1, "due") || is(c, q + 1, "expected") || is(c, q + 1, "set"))) {
                *a = c->tok[k0].mention;
                *b = other;
                return true;
            }
        }
    }
    /* "A and B held talks" (not "A and B said the talks ...", nor one
     * person named twice: "Japan's spokesman, Mr X, said") */
    for (uint32_t k = g->start; k-- > first && k + 6 > g->start;) {
        if (c->tok[k].vg != NONE && !c->vgroups.v[c->tok[k].vg].noun) {
            if (is_speech(c, &c->vgroups.v[c->tok[k].vg])) break;
            uint32_t sj = subject_of(c, c->tok[k].vg, 1);
            if (sj != NONE) {
                uint32_t mem[8];
                if (group_members(c, sj, mem, 8) >= 2 && !same_side(&c->mentions.v[mem[0]].ent, &c->mentions.v[mem[1]].ent)) {
                    *a = mem[0];
                    *b = mem[1];
                    return true;
                }
            }
            break;
        }
    }
    return false;
}

/* ---- speakers ------------------------------------------------------------- */

/* A transcript speaker label at the start of a paragraph ("Aide to the
 * President Yury Ushakov: Good evening!", "SECRETARY BLINKEN:", or a
 * sentence that is only a name: "President Biden."). */
static bool label_of(const article_ctx *c, uint32_t s, entity *out) {
    uint32_t first = sent_first(c, s), end = sent_end(c, s);
    if (c->doc->sentences[s].n_lead && is(c, first - 1, ":")) first = c->doc->sentences[s].first_token;
    uint32_t colon = NONE;
    for (uint32_t k = first; k < end && k < first + 14; k++)
        if (is(c, k, ":")) {
            colon = k;
            break;
        }
    uint32_t stop = colon != NONE ? colon : end;
    if (colon == NONE) {
        /* the whole sentence is one name and a full stop */
        if (end - first < 2 || !is(c, end - 1, ".")) return false;
        stop = end - 1;
    }
    const mention *who = NULL;
    for (uint32_t k = first; k < stop; k++) {
        if (c->tok[k].vg != NONE && !c->vgroups.v[c->tok[k].vg].noun) return false;
        if (c->tok[k].mention != NONE) {
            const mention *m = &c->mentions.v[c->tok[k].mention];
            if (m->ent.type == E_PERSON && usable(&m->ent)) who = m;
            k = m->end - 1;
        } else if (colon == NONE && c->doc->tokens[k].kind == DL_TOK_WORD && !(wc(c, k) & DL_W_TITLE)) {
            return false;
        }
    }
    if (!who) return false;
    *out = who->ent;
    return true;
}

/* Who says a speech verb: its subject, or the name after it ("said Lavrov"). */
static uint32_t speech_source(article_ctx *c, uint32_t gi) {
    const vgroup *g = &c->vgroups.v[gi];
    uint32_t m = subject_of(c, gi, 0);
    if (m != NONE && usable(&c->mentions.v[m].ent)) return m;
    uint32_t first = sent_first(c, g->sentence), end = sent_end(c, g->sentence);
    /* "Speaking in Warsaw, Mr Biden said": an opening participle's subject
     * is the main clause's */
    if (!g->finite && g->first == first) {
        uint32_t k = g->end;
        while (k < end && !is(c, k, ",")) k++;
        for (; k < end; k++)
            if (c->tok[k].vg != NONE && c->vgroups.v[c->tok[k].vg].finite && !c->vgroups.v[c->tok[k].vg].noun)
                return subject_of(c, c->tok[k].vg, 1);
        return NONE;
    }
    /* inversion only right after a quotation or a comma: "..., said Lavrov" */
    if (g->first > first) {
        uint32_t p = g->first - 1;
        if (!(c->doc->tokens[p].kind == DL_TOK_QUOTE || is(c, p, ","))) return m;
    }
    for (uint32_t k = g->end; k < end && k < g->end + 2; k++)
        if (c->tok[k].mention != NONE) return c->tok[k].mention;
    return m;
}

static bool is_speech(const article_ctx *c, const vgroup *g) {
    return !g->noun && (dl_lexicon_block(c->lex, g->block)->flags & DL_VB_SPEECH);
}

void find_speakers(article_ctx *c) {
    size_t n = c->doc->n_sentences;
    entity label;
    bool have_label = false, any_label = false;
    for (uint32_t s = 0; s < n; s++) {
        memset(&c->speaker_ent[s], 0, sizeof c->speaker_ent[s]);
        c->speaker[s] = NONE;
        if (c->noise[s]) continue;
        if (c->doc->sentences[s].flags & DL_SF_PARA_START) {
            entity e;
            if (label_of(c, s, &e)) {
                label = e;
                have_label = any_label = true;
            }
        }
        if (have_label) c->speaker_ent[s] = label;
    }
    /* attributed speech: "X said", "according to X" */
    for (uint32_t gi = 0; gi < c->vgroups.n; gi++) {
        const vgroup *g = &c->vgroups.v[gi];
        if (!is_speech(c, g) || g->in_quote || c->noise[g->sentence]) continue;
        uint32_t m = speech_source(c, gi);
        if (m == NONE || !usable(&c->mentions.v[m].ent)) continue;
        c->speaker[g->sentence] = m;
        c->speaker_ent[g->sentence] = c->mentions.v[m].ent;
    }
    for (size_t k = 0; k < c->mentions.n; k++) {
        const mention *m = &c->mentions.v[k];
        if (m->start >= 2 && is(c, m->start - 1, "to") && is(c, m->start - 2, "according") && usable(&m->ent)) {
            c->speaker[m->sentence] = (uint32_t)k;
            c->speaker_ent[m->sentence] = m->ent;
        }
    }
    /* quotations over several sentences take the speaker of the sentence
     * that attributes them */
    for (uint32_t s = 0; s < n; s++) {
        if (c->speaker[s] != NONE || c->noise[s]) continue;
        uint32_t first = sent_first(c, s), end = sent_end(c, s);
        bool quoted = first < end && ((c->doc->tokens[first].flags & DL_TF_IN_QUOTE) ||
                                      (c->doc->tokens[end - 1].flags & DL_TF_IN_QUOTE));
        if (!quoted) continue;
        for (uint32_t t = s + 1; t < n && t <= s + 3; t++) {
            if (c->speaker[t] != NONE) {
                c->speaker_ent[s] = c->speaker_ent[t];
                break;
            }
            if (c->doc->sentences[t].flags & DL_SF_PARA_START) break;
        }
        if (c->speaker_ent[s].type == E_NONE && s > 0 && c->speaker[s - 1] != NONE &&
            !(c->doc->sentences[s].flags & DL_SF_PARA_START))
            c->speaker_ent[s] = c->speaker_ent[s - 1];
    }
    /* a statement or speech without labels: first-person pronouns outside
     * quotations stand for whoever the page presents as speaking, the person
     * in subject position of its first sentences ("The Foreign Secretary gave
     * an opening statement ..."), else the publisher ("NATO", "U.S.
     * Department of State") */
    if (!any_label) {
        size_t first_person = 0;
        for (size_t k = 0; k < c->mentions.n; k++)
            if (c->mentions.v[k].first_person && !c->mentions.v[k].in_quote) first_person++;
        entity dflt = c->publisher;
        if (first_person >= 2) {
            for (uint32_t gi = 0; gi < c->vgroups.n; gi++) {
                const vgroup *g = &c->vgroups.v[gi];
                if (g->sentence > 2) break;
                if (g->noun || c->noise[g->sentence] || g->in_quote) continue;
                uint32_t m = subject_of(c, gi, 0);
                if (m != NONE && c->mentions.v[m].ent.type == E_PERSON && usable(&c->mentions.v[m].ent) &&
                    !c->mentions.v[m].first_person) {
                    dflt = c->mentions.v[m].ent;
                    break;
                }
            }
        }
        if (usable(&dflt))
            for (uint32_t s = 0; s < n; s++)
                if (c->speaker_ent[s].type == E_NONE) c->speaker_ent[s] = dflt;
    }
}

/* ---- one sentence ----------------------------------------------------------- */

/* The first verb group of sentence s or later (the list is in sentence
 * order; first_mention() in coder.h does the same for mentions). */
static uint32_t first_vgroup(const article_ctx *c, uint32_t s) {
    if (c->vgroup_at && s <= c->doc->n_sentences) return c->vgroup_at[s]; /* (see article_ctx) */
    size_t lo = 0, hi = c->vgroups.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->vgroups.v[mid].sentence < s) lo = mid + 1;
        else hi = mid;
    }
    return (uint32_t)lo;
}

/* Does a list go on after mention m ("to Poland, Germany and Romania":
 * after "Germany", "and" and another actor)? */
static bool list_goes_on(const article_ctx *c, const mention *m) {
    uint32_t q = m->end, n = sent_end(c, m->sentence);
    if (q < n && is(c, q, ",")) q++;
    if (q >= n || !(is(c, q, "and") || is(c, q, "or"))) return false;
    return q + 1 < n && c->tok[q + 1].mention != NONE;
}

static const char *const possessive_dets[] = {"its", "his", "her", "their", "our", "my", "your", NULL};
static const char *const definite_dets[] = {"the", NULL};
/* (a plural noun, roughly: "ambassadors", "diplomats") */
static bool ends_in_s(const char *w) { return w[0] && w[strlen(w) - 1] == 's'; }

/* "met Putin at the Kremlin on Monday and Zelensky in Kyiv the next day",
 * "will visit Kyiv on Monday and Moscow the following day": objects of one
 * verb joined by "and" across times and places. */
static void link_objects_across_adjuncts(article_ctx *c, uint32_t s) {
    uint32_t first = sent_first(c, s), end = sent_end(c, s);
    for (size_t k = first_mention(c, s); k < c->mentions.n && c->mentions.v[k].sentence == s; k++) {
        mention *m = &c->mentions.v[k];
        if (m->after_prep || m->locative || m->kind == M_PRONOUN || m->start < first + 2 || !is(c, m->start - 1, "and"))
            continue;
        /* a verb after it: a new clause ("... and Scholz said") */
        uint32_t q = m->end;
        while (q < end && (wc(c, q) & (DL_W_ADV | DL_W_MODAL | DL_W_BE | DL_W_HAVE | DL_W_DO | DL_W_NEG))) q++;
        if (q < end && c->tok[q].vg != NONE && !c->vgroups.v[c->tok[q].vg].noun) continue;
        /* back over times, commas and places to the first object */
        uint32_t p = m->start - 1; /* "and" */
        bool skipped = false;
        uint32_t x = NONE;
        while (p > first) {
            uint32_t t = p - 1;
            if (c->tok[t].timex || is(c, t, ",") || (wc(c, t) & (DL_W_PREP | DL_W_DET))) {
                skipped |= c->tok[t].timex;
                p = t;
                continue;
            }
            uint32_t mi = c->tok[t].mention;
            if (mi != NONE && c->mentions.v[mi].locative) {
                skipped = true;
                p = c->mentions.v[mi].start;
                continue;
            }
            if (mi != NONE) x = mi;
            break;
        }
        if (x == NONE || !skipped) continue;
        const mention *xm = &c->mentions.v[x];
        if (xm->after_prep || xm->locative || xm->kind == M_PRONOUN || xm->group == m->group) continue;
        /* the first is a verb's object: a verb right before it */
        uint32_t v = xm->start;
        while (v > first && (wc(c, v - 1) & (DL_W_DET | DL_W_ADV))) v--;
        if (v == first || c->tok[v - 1].vg == NONE || c->vgroups.v[c->tok[v - 1].vg].noun) continue;
        uint32_t old = m->group;
        for (size_t j = k; j < c->mentions.n && c->mentions.v[j].sentence == s; j++)
            if (c->mentions.v[j].group == old) c->mentions.v[j].group = xm->group;
        c->mentions.v[x].own_time = m->own_time = true;
    }
}

static void link_groups(article_ctx *c, uint32_t s) {
    mention *prev = NULL;
    for (size_t k = first_mention(c, s); k < c->mentions.n && c->mentions.v[k].sentence == s; k++) {
        mention *m = &c->mentions.v[k];
        /* "the American ambassador, John J. Sullivan,": an office no one was
         * found for, in apposition to a named person of its country, is him */
        if (prev && m->start == prev->end + 1 && is(c, prev->end, ",") && m->kind == M_NAME &&
            m->ent.type == E_PERSON && m->ent.country[0] && prev->kind == M_AGENT && prev->ent.type != E_PERSON &&
            !ends_in_s(norm(c, prev->end - 1)) && !strcmp(prev->ent.country, m->ent.country) &&
            word_in(norm(c, prev->start), definite_dets) &&
            m->end < sent_end(c, s) && (is(c, m->end, ",") || c->tok[m->end].vg != NONE))
            prev->ent = m->ent;
        if (prev && m->start >= prev->end && m->group != prev->group) {
            uint32_t a = prev->end, b = m->start;
            bool conj = (b == a + 1 && (is(c, a, "and") || is(c, a, ",") || is(c, a, "or"))) ||
                        (b == a + 2 && is(c, a, ",") && (is(c, a + 1, "and") || is(c, a + 1, "or"))) ||
                        (b == a + 3 && is(c, a, "as") && is(c, a + 1, "well") && is(c, a + 2, "as"));
            if (conj && m->after_prep && !prev->after_prep) conj = false;
            /* "in northern Syria and Iraq": a place joined to a place is one too */
            if (conj && prev->locative && !m->locative && !m->after_prep &&
                (m->kind == M_NAME || m->kind == M_PLACE || m->kind == M_CAPITAL) && m->ent.type == E_COUNTRY &&
                (prev->kind == M_NAME || prev->kind == M_PLACE || prev->kind == M_CAPITAL))
                m->locative = true;
            if (conj && m->locative != prev->locative && !prev->after_prep) conj = false;
            /* "Russia, he said, would not": a pronoun joins no list by a comma */
            if (conj && (m->kind == M_PRONOUN || prev->kind == M_PRONOUN) && b == a + 1 && is(c, a, ",")) conj = false;
            /* "in and around Ukraine, Secretary General Stoltenberg": a comma
             * after a prepositional phrase starts something new */
            if (conj && prev->after_prep && !m->after_prep && b == a + 1 && is(c, a, ",") && !list_goes_on(c, m))
                conj = false;
            /* "X met Y and Z said": Z starts a new clause */
            uint32_t q = m->end;
            while (q < c->doc->n_tokens && (wc(c, q) & (DL_W_ADV | DL_W_MODAL | DL_W_BE | DL_W_HAVE | DL_W_DO | DL_W_NEG)))
                q++;
            if (conj && q < c->doc->n_tokens && c->tok[q].vg != NONE && !c->vgroups.v[c->tok[q].vg].noun &&
                prev->end < m->start && c->tok[q].vg != NONE) {
                /* a verb right after the second actor: a new clause, unless the
                 * first actor was also before no verb (a shared subject) */
                uint32_t r = prev->start;
                bool first_is_subject = r == sent_first(c, s) || !(c->tok[r - 1].vg != NONE);
                if (!first_is_subject || c->vgroups.v[c->tok[q].vg].sentence != s) conj = false;
                /* "X met Y and Z said": Y after a verb is an object, Z a subject
                 * (of Y's own clause only: "announced that both X and Y had
                 * accepted", "As they met, X and Y began" are one subject) */
                uint32_t from = sent_first(c, s);
                for (uint32_t t = prev->start; t-- > from && !(b == a + 1 && is(c, a, ","));)
                    if (is(c, t, "that") || is(c, t, ",") || (wc(c, t) & DL_W_SUBORD) || is_boundary_punct(c, t)) {
                        from = t + 1;
                        break;
                    }
                for (uint32_t t = from; t < prev->start; t++)
                    if (c->tok[t].vg != NONE && !c->vgroups.v[c->tok[t].vg].noun) conj = false;
            }
            /* "Its president, Abdel Fattah el-Sisi, hosted ...": an office in
             * apposition to a named person is that person */
            if (conj && b == a + 1 && is(c, a, ",") && m->kind == M_NAME && m->ent.type == E_PERSON &&
                m->ent.country[0] && prev->ent.type == E_PERSON && m->ent.actor != prev->ent.actor &&
                (prev->kind == M_ROLE || prev->kind == M_DESCR || prev->resolved_by_coref ||
                 word_in(norm(c, prev->start), possessive_dets)) &&
                m->end < sent_end(c, s) && (is(c, m->end, ",") || c->tok[m->end].vg != NONE))
                prev->ent = m->ent;

            if (conj) {
                uint32_t old = m->group;
                for (size_t j = k; j < c->mentions.n; j++)
                    if (c->mentions.v[j].group == old) c->mentions.v[j].group = prev->group;
            }
        }
        prev = m;
    }
    link_objects_across_adjuncts(c, s);
}

/* Is the verb inside an if/unless clause (the condition itself)? */
static bool in_condition(const article_ctx *c, const vgroup *g) {
    uint32_t first = sent_first(c, g->sentence);
    for (uint32_t q = g->first; q-- > first;) {
        if (is(c, q, ",") || is(c, q, ";") || is(c, q, ":") || is(c, q, "--")) return false;
        /* (past verbs of the same condition: "if Ukraine were admitted and
         * then tried to retake Crimea") */
        if (c->tok[q].vg != NONE && !c->vgroups.v[c->tok[q].vg].noun && !c->vgroups.v[c->tok[q].vg].hypothetical)
            return false;
        if (is(c, q, "if") || is(c, q, "unless")) return true;
        if (is(c, q, "case") && q > first && is(c, q - 1, "in")) return true; /* "in case Russia invades" */
    }
    return false;
}

/* "demands that Russian forces pull back", "fears that China will invade":
 * a clause that is the content of a noun (a demand, fear, claim) reports no
 * act that happened. */
static bool noun_content_clause(const article_ctx *c, const vgroup *g) {
    static const char *const nouns[] = {"demand", "demands", "call", "calls", "fear", "fears", "warning",
                                        "warnings", "threat", "threats", "claim", "claims", "allegation",
                                        "allegations", "concern", "concerns", "hope", "hopes", "insistence",
                                        "proposal", "suggestion", "request", "requests", "assurance",
                                        "assurances", "promise", "promises", "speculation", "rumours", "rumors",
                                        "reports", "possibility", "prospect", "risk", "idea", "notion",
                                        "accusation", "accusations", "charge", "charges", "suspicion",
                                        "suspicions", "belief", "assertion", "assertions", "contention",
                                        "impression", "denial", "denials", "pledge", "pledges", "guarantee",
                                        "guarantees", "rumour", "rumor", "report", "signs", "evidence", NULL};
    uint32_t first = sent_first(c, g->sentence);
    for (uint32_t q = g->first; q-- > first;) {
        if (c->tok[q].vg != NONE && !c->vgroups.v[c->tok[q].vg].noun) return false;
        if (is(c, q, ";") || is(c, q, ":")) return false;
        if (is(c, q, "that") && q > first) return word_in(norm(c, q - 1), nouns);
    }
    return false;
}

/* Is there an actor after verb group g in its sentence that dipline could
 * not place ("will release Prime Minister Chaudhry", a person it does not
 * know)?  Then the act has a party, just not one to guess. */
static bool unknown_party_after(const article_ctx *c, const vgroup *g) {
    size_t k0 = first_mention(c, g->sentence);
    for (size_t k = k0; k < c->mentions.n && c->mentions.v[k].sentence == g->sentence; k++) {
        const mention *m = &c->mentions.v[k];
        if (m->start < g->end || m->locative || m->owner || m->first_person) continue;
        if (m->ent.type == E_PERSON && !m->ent.country[0]) return true;
        if (m->kind == M_AGENT && !m->ent.country[0] && !dl_streq(m->ent.sector, "MED")) return true;
    }
    return false;
}

/* The party a first-person speaker most likely deals with: the country (or
 * organisation) named most often so far in the article that is not on the
 * speaker's side ("we discussed ..." in a readout of a meeting with Russia).
 * Returns its latest mention, or NONE. */
static uint32_t counterpart(const article_ctx *c, uint32_t s, const entity *self) {
    enum { MAXC = 16 };
    char codes[MAXC][12];
    int counts[MAXC];
    uint32_t latest[MAXC];
    size_t n = 0;
    /* the last thousand mentions up to sentence s: bounded work per call */
    size_t hi = first_mention(c, s + 1), lo = hi > 1000 ? hi - 1000 : 0;
    for (size_t k = lo; k < hi; k++) {
        const mention *m = &c->mentions.v[k];
        if (!usable(&m->ent) || m->first_person || m->locative || m->kind == M_PLACE || same_side(self, &m->ent))
            continue;
        if (dl_streq(m->ent.country, self->country)) continue;
        size_t j = 0;
        while (j < n && !dl_streq(codes[j], m->ent.country)) j++;
        if (j == n) {
            if (n == MAXC) continue;
            dl_strlcpy(codes[n], m->ent.country, sizeof codes[n]);
            counts[n] = 0;
            n++;
        }
        counts[j]++;
        latest[j] = (uint32_t)k;
    }
    size_t best = MAXC;
    for (size_t j = 0; j < n; j++)
        if (best == MAXC || counts[j] > counts[best]) best = j;
    /* a clear favourite only */
    for (size_t j = 0; j < n && best != MAXC; j++)
        if (j != best && counts[j] * 3 > counts[best] * 2) best = MAXC;
    return best == MAXC || counts[best] < 2 ? NONE : latest[best];
}

/* "..., a Jordanian official confirmed": the mention is the subject of an
 * attribution (a speech verb right after it), not a party to the event. */
static bool attribution_subject(const article_ctx *c, const mention *m) {
    uint32_t end = sent_end(c, m->sentence), q = m->end;
    if (m->start == 0 || !is(c, m->start - 1, ",")) return false;
    while (q < end && (wc(c, q) & DL_W_ADV)) q++;
    return q < end && c->tok[q].vg != NONE && is_speech(c, &c->vgroups.v[c->tok[q].vg]);
}

/* The subject of an if-clause in the sentence ("if Russia invades"). */
static uint32_t condition_subject(const article_ctx *c, uint32_t s) {
    uint32_t first = sent_first(c, s), end = sent_end(c, s);
    for (uint32_t q = first; q + 1 < end; q++)
        if (is(c, q, "if") || is(c, q, "unless") ||
            (is(c, q, "should") && q > first && is(c, q - 1, ",") && c->tok[q + 1].mention != NONE)) {
            for (uint32_t r = q + 1; r < end && r < q + 4; r++)
                if (c->tok[r].mention != NONE && !c->mentions.v[c->tok[r].mention].owner) return c->tok[r].mention;
        }
    return NONE;
}

/* "If Russia invades ..., there will no longer be a Nord Stream 2," Biden
 * said: a statement with a condition of aggression by another party, and
 * a future or conditional consequence, is a threat. */
static bool aggression_condition(article_ctx *c, uint32_t s) {
    uint32_t first = sent_first(c, s), end = sent_end(c, s);
    bool aggression = false, consequence = false;
    for (uint32_t q = first; q + 1 < end; q++) {
        if (is(c, q, "will") || is(c, q, "would") || is(c, q, "'ll")) consequence = true;
        if (!(is(c, q, "if") || is(c, q, "unless") || is(c, q, "should"))) continue;
        for (uint32_t r = q + 1; r < end && r < q + 8; r++) {
            if (c->tok[r].vg == NONE || c->vgroups.v[c->tok[r].vg].noun) continue;
            char code[8];
            pmatch pm;
            uint32_t where;
            code_of(c, &c->vgroups.v[c->tok[r].vg], code, &pm, &where);
            aggression = has_root(code, "15") || has_root(code, "18") || has_root(code, "19") ||
                         has_root(code, "20") || has_root(code, "17");
            break;
        }
    }
    return aggression && consequence;
}

/* "would respond decisively and impose severe costs": a verb coordinated
 * with a future or conditional one shares its modality. */
static bool modal_inherited(const article_ctx *c, uint32_t gi) {
    const vgroup *g = &c->vgroups.v[gi];
    for (uint32_t hi = gi; hi-- > 0;) {
        const vgroup *h = &c->vgroups.v[hi];
        if (h->sentence != g->sentence || h->end + 8 < g->first) return false;
        if (h->noun) continue;
        bool linked = false;
        for (uint32_t q = h->end; q < g->first; q++) {
            if (is(c, q, "and") || is(c, q, "or")) linked = true;
            if (is_boundary_punct(c, q) || (wc(c, q) & DL_W_SUBORD)) return false;
        }
        return linked && (h->future || h->hypothetical);
    }
    return false;
}

/* A condition after the verb in its sentence: 'u' for "unless", 'i' for
 * "if", 0 for none ("will withdraw its force unless ...", "will impose
 * sanctions if Russia invades"). */
static char condition_after(const article_ctx *c, const vgroup *g) {
    uint32_t end = sent_end(c, g->sentence);
    for (uint32_t q = g->end; q < end; q++) {
        if (is(c, q, ";") || is(c, q, ":")) break;
        if (is(c, q, "unless")) return 'u';
        if (is(c, q, "if") && !(q > 0 && (is(c, q - 1, "as") || is(c, q - 1, "even") || is(c, q - 1, "asked") ||
                                           is(c, q - 1, "whether") || is(c, q - 1, "wondered"))))
            return 'i';
        /* "should Russia choose to attack": a condition by inversion */
        if (is(c, q, "should") && q + 1 < end && c->tok[q + 1].mention != NONE && q > 0 && is(c, q - 1, ","))
            return 'i';
    }
    return 0;
}

static bool clause_has_if(const article_ctx *c, const vgroup *g) {
    uint32_t first = sent_first(c, g->sentence);
    for (uint32_t q = g->first; q-- > first;) {
        if (is(c, q, ";") || is(c, q, ":")) break;
        if (is(c, q, "if") || is(c, q, "unless") || is(c, q, "whether")) return true;
        if (is(c, q, ",") && q + 1 < g->first && !(is(c, q + 1, "if"))) {
            /* "if Russia invades, there will be": the if-clause is before the comma */
            for (uint32_t r = q; r-- > first;) {
                if (is(c, r, ",") || is(c, r, ";")) break;
                if (is(c, r, "if") || is(c, r, "unless")) return true;
            }
            break;
        }
    }
    return false;
}

/* A speech verb earlier in the sentence (reported speech: "said X would"). */
static bool after_speech(const article_ctx *c, const vgroup *g) {
    uint32_t first = sent_first(c, g->sentence);
    for (uint32_t q = g->first; q-- > first;)
        if (c->tok[q].vg != NONE && is_speech(c, &c->vgroups.v[c->tok[q].vg])) return true;
    return c->speaker[g->sentence] != NONE;
}

/* Tokens between two verb groups hold at most one noun phrase (an actor,
 * conjoined actors, or a plain noun phrase) and adverbs: "urged Russia and
 * Ukraine to negotiate", "ordered his defence chiefs to put ...". */
static bool complement_gap(const article_ctx *c, const vgroup *g, const vgroup *h, uint32_t *object) {
    *object = NONE;
    int plain = 0;
    for (uint32_t q = g->end; q < h->first; q++) {
        if (c->tok[q].mention != NONE) {
            uint32_t mi = c->tok[q].mention;
            if (*object != NONE && c->mentions.v[*object].group != c->mentions.v[mi].group) return false;
            if (*object == NONE) *object = mi;
            q = c->mentions.v[mi].end - 1;
            continue;
        }
        if (skippable(c, q) || (wc(c, q) & DL_W_NEG) || is(c, q, "on") || is(c, q, "upon")) continue;
        if (is(c, q, "and") || is(c, q, ",") || is(c, q, "or")) continue;
        if ((wc(c, q) & DL_W_PRON) || (c->doc->tokens[q].kind == DL_TOK_WORD && !wc(c, q) && !c->tok[q].vforms &&
                                       c->tok[q].vg == NONE && ++plain <= 4))
            continue;
        return false;
    }
    return true;
}

/* The first token of sentence s that is a verb (not an event noun; a
 * finite one if `finite`), or the sentence's end. */
static uint32_t first_verb(const article_ctx *c, uint32_t s, bool finite) {
    for (uint32_t q = sent_first(c, s), e = sent_end(c, s); q < e; q++) {
        uint32_t v = c->tok[q].vg;
        if (v != NONE && !c->vgroups.v[v].noun && (!finite || c->vgroups.v[v].finite)) return q;
    }
    return sent_end(c, s);
}

/* words that place an actor abroad ("Western governments", "foreign
 * diplomats") */
static const char *const elsewhere_words[] = {"western", "foreign", "international", "european", "arab", "african",
                                              "asian", "allied", "world", "global", "regional", "overseas", NULL};

/* "Opposition leaders in Baku agreed ...", "students throughout
 * Indonesia": a generic actor with no country of its own is of the one
 * country where the sentence places things. */
static void place_agents(article_ctx *c, uint32_t s) {
    const char *where = NULL;
    bool two = false;
    /* the first verb: places near it (or before it) count */
    uint32_t verb = first_verb(c, s, false);
    size_t k0 = first_mention(c, s);
    for (size_t k = k0; k < c->mentions.n && c->mentions.v[k].sentence == s; k++) {
        const mention *m = &c->mentions.v[k];
        if (!m->locative || !m->ent.country[0] || m->start > verb + 12) continue;
        if (m->ent.type == E_PERSON || m->ent.type == E_ORG) continue;
        if (where && !dl_streq(where, m->ent.country)) two = true;
        where = m->ent.country;
    }
    if (!where || two) return;
    /* only subjects (before the first verb), and not "Western governments",
     * "foreign diplomats" */
    const char *const *elsewhere = elsewhere_words;
    for (size_t k = k0; k < c->mentions.n && c->mentions.v[k].sentence == s; k++) {
        mention *m = &c->mentions.v[k];
        if (m->kind != M_AGENT || m->ent.type != E_NONE || !m->ent.sector[0] || m->locative || m->start > verb)
            continue;
        bool other = false;
        for (uint32_t q = m->start; q < m->end && !other; q++) other = word_in(norm(c, q), elsewhere);
        if (m->start > 0 && word_in(norm(c, m->start - 1), elsewhere)) other = true;
        if (other) continue;
        dl_strlcpy(m->ent.country, where, sizeof m->ent.country);
        m->ent.type = E_GROUP;
    }
}

/* "Kenyan lawmakers called on the energy minister to resign", "Turkish
 * police dispersed students": in a sentence that names one country only,
 * through its subject, generic actors after the verb are of that country
 * too (home affairs). */
static void home_agents(article_ctx *c, uint32_t s) {
    uint32_t verb = first_verb(c, s, true);
    if (verb == sent_end(c, s)) return;
    const char *home = NULL;
    bool by_agent = false; /* the subject is a body ("police", "rebels"), not a state or person */
    size_t k0 = first_mention(c, s);
    for (size_t k = k0; k < c->mentions.n && c->mentions.v[k].sentence == s; k++) {
        const mention *m = &c->mentions.v[k];
        if (!m->ent.country[0]) continue;
        if (home && !dl_streq(home, m->ent.country)) return; /* two countries: not home affairs */
        if (!home && m->start > verb) return;                  /* the country is not the subject's */
        if (!home) by_agent = m->kind == M_AGENT;
        home = m->ent.country;
    }
    if (!home) return;
    for (size_t k = k0; k < c->mentions.n && c->mentions.v[k].sentence == s; k++) {
        mention *m = &c->mentions.v[k];
        /* "will release Prime Minister Mahendra Chaudhry": a titled person
         * dipline does not know is at home too */
        bool person = m->ent.type == E_PERSON && !m->ent.country[0] && m->ent.sector[0];
        if (person && by_agent && m->start > verb) {
            dl_strlcpy(m->ent.country, home, sizeof m->ent.country);
            continue;
        }
        if (m->kind != M_AGENT || m->ent.type != E_NONE || !m->ent.sector[0] || m->start < verb) continue;
        /* "told reporters": an audience, not a party */
        uint32_t pv = m->start > 0 ? c->tok[m->start - 1].vg : NONE;
        if (dl_streq(m->ent.sector, "MED") && pv != NONE &&
            (dl_lexicon_block(c->lex, c->vgroups.v[pv].block)->flags & DL_VB_SPEECH))
            continue;
        dl_strlcpy(m->ent.country, home, sizeof m->ent.country);
        m->ent.type = E_GROUP;
    }
}

/* "Students continued their hunger strike to demand the resignation of
 * the Kenyan president", "Islamic fundamentalists protested against the
 * Algerian government": a part of society with no country of its own,
 * set against the one state the sentence names (its government, forces
 * or leader, not a bare country name), is that state's own society. */
static void society_against_state(article_ctx *c, uint32_t s) {
    uint32_t verb = first_verb(c, s, true);
    if (verb == sent_end(c, s)) return;
    size_t k0 = first_mention(c, s);
    mention *subject = NULL;
    const char *state = NULL;
    for (size_t k = k0; k < c->mentions.n && c->mentions.v[k].sentence == s; k++) {
        mention *m = &c->mentions.v[k];
        if (m->locative && m->ent.country[0]) return; /* placed: place_agents' work */
        if (m->start < verb) {
            if (m->ent.country[0]) return; /* the subject's side has a country */
            if (!subject && m->kind == M_AGENT && m->ent.type == E_NONE && sector_side(&m->ent) == SIDE_SOCIETY &&
                !(m->start > 0 && word_in(norm(c, m->start - 1), elsewhere_words)))
                subject = m;
            continue;
        }
        if (!m->ent.country[0]) continue;
        bool state_body = m->ent.type != E_COUNTRY && sector_side(&m->ent) == SIDE_STATE;
        if (!state_body || (state && !dl_streq(state, m->ent.country))) return;
        state = m->ent.country;
    }
    if (!subject || !state) return;
    dl_strlcpy(subject->ent.country, state, sizeof subject->ent.country);
    subject->ent.type = E_GROUP;
}

static bool same_str(const char *a, const char *b) { return a == b || (a && b && dl_streq(a, b)); }

/* "established ties with and opened an embassy in Tehran", "in a phone
 * call with Erdogan, Putin discussed ...": one act read twice, once
 * without its party.  An event of sentence s with no target goes when the
 * sentence has the same actor doing the same (the same CAMEO root) with one. */
static void drop_targetless_twins(article_ctx *c, uint32_t s) {
    dl_event_list *l = c->out;
    size_t k0 = l->n;
    while (k0 > 0 && l->items[k0 - 1].n_mentions && l->items[k0 - 1].mentions[0].sentence == (long)s) k0--;
    size_t w = k0;
    for (size_t k = k0; k < l->n; k++) {
        dl_event *ev = &l->items[k];
        bool twin = false;
        for (size_t j = k0; j < l->n && !ev->has_target && !twin; j++)
            twin = j != k && l->items[j].has_target && !strncmp(l->items[j].action.code, ev->action.code, 2) &&
                   same_str(l->items[j].actor.name, ev->actor.name) &&
                   same_str(l->items[j].actor.country, ev->actor.country) &&
                   l->items[j].negated == ev->negated && l->items[j].hypothetical == ev->hypothetical;
        if (twin) {
            if (!l->pool) dl_event_clear(ev); /* (a pool's strings stay until it is emptied) */
            continue;
        }
        if (w != k) l->items[w] = *ev;
        w++;
    }
    l->n = w;
}

/* "U.S. intelligence indicated Russian forces were preparing to attack",
 * "Washington says Russia will invade": another side's forecast of force
 * is no event, and no threat by the side it names.  (A condition makes a
 * threat of it: "may halt ... if", kept.) */
static bool forecast(article_ctx *c, uint32_t s, uint32_t gi, const candidate *cd) {
    const vgroup *g = &c->vgroups.v[gi];
    if (!coercive_code(cd->code) || cd->source == NONE || cd->reverse_source || g->noun) return false;
    const entity *spk = &c->speaker_ent[s];
    const mention *src = &c->mentions.v[cd->source];
    if (!usable(spk) || same_side(spk, &src->ent) || src->first_person) return false;
    bool planned = false;
    if (g->infinitive && gi > 0 && !c->vgroups.v[gi - 1].noun && c->vgroups.v[gi - 1].sentence == s) {
        static const char *const plans[] = {"prepare", "plan", "intend", "aim", "seek", "want", NULL};
        planned = word_in(lemma_of(c, &c->vgroups.v[gi - 1]), plans);
    }
    return (g->future || g->hypothetical || planned) && !condition_after(c, g) && !clause_has_if(c, g);
}

/* Is verb group gi an infinitive (or a bare verb joined to one by "and":
 * "to choose diplomacy and deescalate") that an appeal or demand governs
 * ("urged Russia to withdraw", "to encourage Russia to choose")? */
static bool urged(const article_ctx *c, uint32_t gi) {
    const vgroup *g = &c->vgroups.v[gi];
    uint32_t first = sent_first(c, g->sentence);
    uint32_t k = gi;
    /* a bare verb after "and" joined to the infinitive before it */
    if (!g->infinitive && !g->noun && (g->forms & DL_VF_BASE) && g->first > first && is(c, g->first - 1, "and") && k > 0 &&
        c->vgroups.v[k - 1].sentence == g->sentence && c->vgroups.v[k - 1].infinitive)
        k--;
    if (!c->vgroups.v[k].infinitive) return false;
    /* the governing verbs back to the first that is not an infinitive chain */
    while (k > 0 && c->vgroups.v[k - 1].sentence == g->sentence) {
        const vgroup *h = &c->vgroups.v[k - 1];
        if (h->noun) return false;
        const dl_verb_block *b = dl_lexicon_block(c->lex, h->block);
        if (has_root(b->code, "02") || has_root(b->code, "10")) return true;
        static const char *const urges[] = {"urge", "encourage", "ask", "press", "persuade", "push", NULL};
        if (word_in(lemma_of(c, h), urges)) return true;
        if (!h->infinitive) return false;
        k--;
    }
    return false;
}

/* "there will be consequences for Russia", "would have serious
 * consequences for Moscow": a consequence noun ahead (a future or
 * conditional modal before it in its clause) with a party after "for".
 * Sets *target to that party's mention. */
static bool consequences_ahead(const article_ctx *c, const vgroup *g, uint32_t *target) {
    uint32_t first = sent_first(c, g->sentence), end = sent_end(c, g->sentence);
    bool ahead = false;
    for (uint32_t q = g->first; q-- > first && !ahead;) {
        if (is(c, q, ";") || is(c, q, ":")) break;
        ahead = is(c, q, "will") || is(c, q, "would") || is(c, q, "could") || is(c, q, "'ll");
    }
    if (!ahead) return false;
    for (uint32_t q = g->end; q < end && q < g->end + 4; q++) {
        if (!is(c, q, "for")) continue;
        uint32_t r = q + 1;
        while (r < end && skippable(c, r)) r++;
        if (r < end && c->tok[r].mention != NONE && usable(&c->mentions.v[c->tok[r].mention].ent)) {
            *target = c->tok[r].mention;
            return true;
        }
    }
    return false;
}

/* "Putin ordered troops to deploy", "instructed the Defence Ministry to
 * send forces": the forces and offices a leader commands are his own. */
static void ordered_agents(article_ctx *c, uint32_t s) {
    static const char *const commands[] = {"order", "instruct", "direct", "command", NULL};
    for (uint32_t gi = first_vgroup(c, s); gi < c->vgroups.n && c->vgroups.v[gi].sentence == s; gi++) {
        const vgroup *g = &c->vgroups.v[gi];
        if (g->noun || !word_in(lemma_of(c, g), commands)) continue;
        uint32_t sj = subject_of(c, gi, 0);
        if (sj == NONE || !usable(&c->mentions.v[sj].ent)) continue;
        uint32_t q = g->end;
        while (q < sent_end(c, s) && (wc(c, q) & (DL_W_DET | DL_W_ADV | DL_W_QUANT))) q++;
        if (q >= sent_end(c, s) || c->tok[q].mention == NONE) continue;
        mention *m = &c->mentions.v[c->tok[q].mention];
        if (m->kind != M_AGENT || m->ent.type != E_NONE || m->ent.country[0] || sector_side(&m->ent) != SIDE_STATE)
            continue;
        char country[sizeof m->ent.country];
        memcpy(country, c->mentions.v[sj].ent.country, sizeof country);
        memcpy(m->ent.country, country, sizeof country);
        m->ent.type = E_GROUP;
    }
}

/* Is there a verb, a sentence boundary or a word that opens a clause
 * among tokens [a, b), or are they too far apart to be one clause? */
static bool clause_break_between(const article_ctx *c, uint32_t a, uint32_t b) {
    if (b > a + 20) return true;
    for (uint32_t q = a; q < b; q++) {
        if (is_boundary_punct(c, q) || (wc(c, q) & DL_W_SUBORD)) return true;
        if (is(c, q, "that") || is(c, q, "which") || is(c, q, "who"))
            return true;
        if (c->tok[q].vg != NONE && !c->vgroups.v[c->tok[q].vg].noun) return true;
    }
    return false;
}

dl_status code_sentence(article_ctx *c, uint32_t s) {
    if (c->noise[s]) return DL_OK;
    place_agents(c, s);
    home_agents(c, s);
    society_against_state(c, s);
    ordered_agents(c, s);
    c->events_in_sentence = 0;
    VEC(candidate) cands = {.v = c->cands, .cap = c->cands_cap}; /* (empty: n = 0) */
    dl_status st = DL_OK;
    bool all = extractor_all_modalities(c->x);
    for (uint32_t gi = first_vgroup(c, s); gi < c->vgroups.n && c->vgroups.v[gi].sentence == s && st == DL_OK; gi++) {
        vgroup *g = &c->vgroups.v[gi];
        if (g->consumed_by != NONE) continue;
        const dl_verb_block *b = dl_lexicon_block(c->lex, g->block);
        candidate cd = {.vg = gi, .date_vg = NONE, .source = NONE, .target = NONE};
        pmatch pm;
        code_of(c, g, cd.code, &pm, &cd.where);
        cd.pattern = pm.score > 0;
        /* "held talks", "paid a visit": the event noun a pattern matched is
         * part of this event, not one of its own */
        if (cd.pattern && cd.code[0] && !g->noun)
            for (uint32_t t = g->end; t < pm.end && t < c->doc->n_tokens; t++)
                if (c->tok[t].vg != NONE && c->vgroups.v[c->tok[t].vg].noun) c->vgroups.v[c->tok[t].vg].consumed_by = gi;
        /* "agreed to meet", "urged Russia to withdraw" */
        uint32_t obj = NONE;
        bool composed = false;
        for (uint32_t hi = gi + 1; hi < c->vgroups.n && !g->noun; hi++) {
            vgroup *h = &c->vgroups.v[hi];
            if (h->sentence != s) break;
            if (!h->infinitive || h->noun) break;
            if (!complement_gap(c, g, h, &obj)) break;
            char code2[8];
            pmatch pm2;
            uint32_t where2;
            code_of(c, h, code2, &pm2, &where2);
            const char *r = cd.code[0] && code2[0] ? dl_lexicon_compose(c->lex, cd.code, code2) : "";
            /* "EU ministers agreed to blacklist Russian lawmakers", "decided
             * to expel": a coercive act agreed or decided is taken (a vow or
             * a readiness to do it stays a threat) */
            static const char *const decide[] = {"agree", "decide", "vote", NULL};
            int root2 = (code2[0] - '0') * 10 + (code2[1] - '0');
            if (r[0] && code2[0] && root2 >= 16 && root2 <= 17 && !g->negated && !h->negated &&
                word_in(lemma_of(c, g), decide))
                r = code2;
            if (r[0]) {
                dl_strlcpy(cd.code, r, sizeof cd.code);
                h->consumed_by = gi;
                composed = true;
                cd.pattern = true;
                cd.where = where2;
                if (obj == NONE) obj = pm2.target != NONE ? pm2.target : object_of(c, h, false, NULL);
            }
            break;
        }
        /* "held a video conference with the leaders of Britain and France to
         * coordinate their response", "met Macron to discuss Ukraine": a
         * consultation's purpose is part of it, not a second meeting */
        if (!composed && has_root(cd.code, "04") && !g->noun && gi + 1 < c->vgroups.n) {
            vgroup *h = &c->vgroups.v[gi + 1];
            char code2[8];
            pmatch pm2;
            uint32_t where2;
            if (h->sentence == s && h->infinitive && !h->noun && h->consumed_by == NONE &&
                !clause_break_between(c, g->end, h->first)) {
                code_of(c, h, code2, &pm2, &where2);
                if (has_root(code2, "04")) h->consumed_by = gi;
            }
        }
        /* "issued a statement demanding that ...", "passed a resolution
         * condemning ...": what a document says, its author does */
        bool of_document = g->participle && g->first > sent_first(c, s) && word_in(norm(c, g->first - 1), documents);
        if (!cd.code[0] || (g->participle && !of_document)) continue;
        /* "denied supplying weapons", "stopped sending aid": a gerund right
         * after a coded verb is what that act is about */
        if (g->gerund && g->first > sent_first(c, s) && c->tok[g->first - 1].vg != NONE &&
            !c->vgroups.v[c->tok[g->first - 1].vg].noun) {
            uint32_t hi = c->tok[g->first - 1].vg;
            char code0[8];
            pmatch pm0;
            uint32_t tmp;
            code_of(c, &c->vgroups.v[hi], code0, &pm0, &tmp);
            /* "began flying anti-tank weapons to Ukraine", "resumed shelling":
             * after a verb of beginning the gerund is the act (the beginning's
             * own reading of its words is dropped) */
            static const char *const aspect[] = {"begin", "start", "resume", "continue", "keep", NULL};
            const vgroup *hv = &c->vgroups.v[hi];
            if (code0[0] && word_in(lemma_of(c, hv), aspect) && hv->finite &&
                !hv->infinitive && !hv->future && !hv->hypothetical && !hv->negated) {
                size_t w = 0;
                for (size_t j = 0; j < cands.n; j++)
                    if (cands.v[j].vg != hi) cands.v[w++] = cands.v[j];
                cands.n = w;
                code0[0] = 0;
            }
            /* ... but "issued a statement demanding": the statement's content */
            if (code0[0] && !has_root(code0, "01")) continue;
            /* "was considering breaking off relations with Russia": an option
             * weighed, not taken; its party is the consideration's */
            if (!strncmp(code0, "014", 3)) {
                uint32_t t = object_of(c, g, false, NULL);
                /* ... and a coercive option weighed in public is held over
                 * the other side: "considering breaking off relations" is a
                 * threat to break them (1313), "weighing sanctions" 1312 */
                char gcode[8];
                pmatch gpm;
                uint32_t gw;
                code_of(c, g, gcode, &gpm, &gw);
                const char *threat = coercive_code(gcode) && !has_root(gcode, "15") && !hv->negated
                                         ? dl_lexicon_compose(c->lex, "130", gcode)
                                         : "";
                for (size_t j = 0; j < cands.n; j++) {
                    if (cands.v[j].vg != hi) continue;
                    if (cands.v[j].target == NONE && t != NONE && usable(&c->mentions.v[t].ent))
                        cands.v[j].target = t;
                    if (threat[0] && cands.v[j].target != NONE) dl_strlcpy(cands.v[j].code, threat, 8);
                }
                continue;
            }
        }
        /* "accused Britain of ignoring ...": what someone is accused of,
         * blamed for or warned against is part of that act */
        /* ("accused London of fuelling the crisis by arming Kyiv", "called on
         * Moscow to prove it by pulling back": the means of what someone is
         * accused of or called on to do, too) */
        bool by = g->gerund && g->first > sent_first(c, s) && is(c, g->first - 1, "by");
        if (g->gerund && g->first > sent_first(c, s) &&
            (by || is(c, g->first - 1, "of") || is(c, g->first - 1, "for") || is(c, g->first - 1, "against") ||
             is(c, g->first - 1, "over"))) {
            bool inside = false;
            for (uint32_t hi = gi; hi-- > 0;) {
                const vgroup *h = &c->vgroups.v[hi];
                if (h->sentence != s) break;
                if (h->noun || h->end + 14 < g->first) continue;
                bool of = !by;
                for (uint32_t q = h->end; q + 1 < g->first && !of; q++)
                    of = is(c, q, "of") || is(c, q, "for") || is(c, q, "to");
                if (!of) break;
                char code0[8];
                pmatch pm0;
                uint32_t tmp;
                code_of(c, h, code0, &pm0, &tmp);
                static const char *const roots[] = {"10", "11", "12", "13", "01", "02", "16", "17", NULL};
                for (const char *const *r = roots; *r && !inside; r++) inside = has_root(code0, *r);
                break;
            }
            if (inside) continue;
        }
        /* "repeated her call for Russia to withdraw": what is called for is
         * an appeal (a demand) to Russia by whoever calls */
        uint32_t called = NONE;
        const char *call_code = NULL;
        if (g->infinitive && !composed && g->first >= sent_first(c, s) + 3) {
            uint32_t q = g->first;
            if (q > 0 && c->tok[q - 1].mention != NONE) {
                uint32_t mi = c->tok[q - 1].mention;
                uint32_t p0 = c->mentions.v[mi].start;
                static const char *const appeals[] = {"call", "calls", "appeal", "appeals", "plea", "pleas",
                                                      "request", "requests", "urging", NULL};
                static const char *const demands[] = {"demand", "demands", "pressure", "ultimatum", NULL};
                if (p0 >= sent_first(c, s) + 2 && is(c, p0 - 1, "for")) {
                    if (word_in(norm(c, p0 - 2), appeals)) call_code = "020";
                    if (word_in(norm(c, p0 - 2), demands)) call_code = "100";
                    if (call_code) called = mi;
                }
            }
        }
        if (called != NONE) {
            const char *r = dl_lexicon_compose(c->lex, call_code, cd.code);
            dl_strlcpy(cd.code, r[0] ? r : call_code, sizeof cd.code);
            /* the caller: the subject of the verb that governs the noun */
            uint32_t q = c->mentions.v[called].start - 2;
            uint32_t caller = NONE;
            for (uint32_t k = q; k-- > sent_first(c, s) && caller == NONE;) {
                if (c->tok[k].vg != NONE && !c->vgroups.v[c->tok[k].vg].noun) caller = subject_of(c, c->tok[k].vg, 1);
                if (c->tok[k].vg != NONE && !c->vgroups.v[c->tok[k].vg].noun) break;
                if (c->tok[k].mention != NONE && (c->mentions.v[c->tok[k].mention].possessive ||
                                                   c->mentions.v[c->tok[k].mention].kind == M_PRONOUN))
                    caller = c->tok[k].mention; /* "NATO's call", "her call" */
            }
            if (caller == NONE || same_side(&c->mentions.v[caller].ent, &c->mentions.v[called].ent)) continue;
            cd.source = caller;
            cd.target = called;
            cd.pattern = true;
            if (!vec_push(&cands, cd)) st = DL_ERR_NOMEM;
            continue;
        }
        /* "flew to Kyiv to hold talks": an infinitive of purpose after a coded
         * act is part of that act */
        if (g->infinitive && !composed) {
            bool purpose = false;
            for (uint32_t hi = gi; hi-- > 0;) {
                const vgroup *h = &c->vgroups.v[hi];
                if (h->sentence != s) break;
                if (h->noun) continue;
                uint32_t tmp;
                char code0[8];
                pmatch pm0;
                code_of(c, h, code0, &pm0, &tmp);
                const dl_verb_block *hb = dl_lexicon_block(c->lex, h->block);
                bool clause_break = false;
                for (uint32_t q = h->end; q < g->first; q++)
                    if (is(c, q, ",") || (wc(c, q) & DL_W_SUBORD) || is_boundary_punct(c, q)) clause_break = true;
                purpose = code0[0] && !(hb->flags & DL_VB_SPEECH) && !clause_break && h->consumed_by == NONE;
                break;
            }
            if (purpose) continue;
        }
        if (g->noun && (b->flags & DL_VB_REVERSE)) {
            /* "there will be severe consequences for Russia": the speaker
             * threatens whoever the consequences are for */
            cd.speaker = c->speaker_ent[s];
            if (!usable(&cd.speaker) || !consequences_ahead(c, g, &cd.target)) continue;
            cd.reverse_source = true;
        } else if (g->noun) {
            uint32_t a, bb;
            if (!noun_participants(c, g, &a, &bb)) {
                if (!earlier_meeting(c, g, cd.code, &a, &bb)) continue;
                cd.date_vg = c->meeting_vg; /* the same meeting: its date */
            }
            cd.source = a;
            cd.target = bb;
        } else if (b->flags & DL_VB_REVERSE) {
            /* "X would face consequences", said by Y: Y threatens X */
            cd.target = subject_of(c, gi, 0);
            cd.speaker = c->speaker_ent[s];
            if (cd.target == NONE || !usable(&cd.speaker)) continue;
            cd.reverse_source = true;
        } else if (g->passive) {
            cd.source = passive_agent(c, g);
            cd.target = subject_of(c, gi, 0);
        } else {
            cd.speech = (b->flags & DL_VB_SPEECH) && !composed;
            cd.source = pm.source != NONE ? pm.source : cd.speech ? speech_source(c, gi) : subject_of(c, gi, 0);
            /* "The NATO-Russia Council will meet", "the Russian-German talks
             * resumed": the subject is the event noun the names modify; its
             * event is coded there */
            if (cd.source != NONE && !cd.speech) {
                uint32_t e = c->mentions.v[cd.source].end;
                if (e < g->start && c->tok[e].vg != NONE && c->vgroups.v[c->tok[e].vg].noun &&
                    e > 0 && c->doc->tokens[c->mentions.v[cd.source].start - 1].kind == DL_TOK_DASH &&
                    has_root(cd.code, "04"))
                    continue;
            }
            if (composed) cd.target = obj;
            else if (pm.target != NONE) cd.target = pm.target;
            else if (!(b->flags & (DL_VB_SPEECH | DL_VB_INTRANSITIVE)))
                cd.target = object_of(c, g, strncmp(cd.code, "042", 3) == 0,
                                      cd.source != NONE ? &c->mentions.v[cd.source].ent : NULL);
            /* "will travel to Brussels for consultations with NATO": a trip
             * to a place for talks is a visit to the other party */
            if (strncmp(cd.code, "042", 3) == 0 && cd.target != NONE &&
                (c->mentions.v[cd.target].locative || c->mentions.v[cd.target].kind == M_CAPITAL ||
                 c->mentions.v[cd.target].kind == M_PLACE)) {
                uint32_t w = talks_partner(c, c->mentions.v[cd.target].end, sent_end(c, s));
                if (w != NONE) cd.target = w;
            }
            /* "said US forces must ensure security": a statement that another
             * party must (should) do something is a demand (an appeal) to it,
             * when what it must do is no coded act of its own */
            if (cd.speech && dl_streq(cd.code, "010") && cd.source != NONE) {
                uint32_t end = sent_end(c, s), q = g->end;
                while (q < end && (skippable(c, q) || is(c, q, "that"))) q++;
                if (q < end && c->tok[q].mention != NONE) {
                    uint32_t mi = c->tok[q].mention;
                    /* the whole list ("US and British forces") */
                    uint32_t r = c->mentions.v[mi].end;
                    while (r + 1 < end && (is(c, r, "and") || is(c, r, ",")) && c->tok[r + 1].mention != NONE)
                        r = c->mentions.v[c->tok[r + 1].mention].end;
                    while (r < end && (wc(c, r) & DL_W_ADV)) r++;
                    int ob = 0;
                    if (r < end && is(c, r, "must")) ob = 2;
                    else if (r < end && is(c, r, "should")) ob = 1;
                    else if (r + 1 < end && (is(c, r, "needs") || is(c, r, "need") || is(c, r, "has") ||
                                             is(c, r, "have")) && is(c, r + 1, "to"))
                        ob = 2;
                    bool coded = false;
                    for (uint32_t t = r; ob && t < end && t < r + 4 && !coded; t++)
                        if (c->tok[t].vg != NONE && !c->vgroups.v[c->tok[t].vg].noun) {
                            char code2[8];
                            pmatch pm2;
                            uint32_t where2;
                            code_of(c, &c->vgroups.v[c->tok[t].vg], code2, &pm2, &where2);
                            coded = code2[0] != 0;
                        }
                    const mention *m = &c->mentions.v[mi];
                    if (ob && !coded && usable(&m->ent) && !same_side(&c->mentions.v[cd.source].ent, &m->ent) &&
                        !m->first_person) {
                        dl_strlcpy(cd.code, ob == 2 ? "100" : "020", sizeof cd.code);
                        cd.target = mi;
                    }
                }
            }
            /* a statement whose content gives it a code of its own ("said Moscow
             * was ready to keep talking with Washington": 036): the other
             * party named in what was said is the target */
            if (cd.speech && cd.target == NONE && !has_root(cd.code, "01") && cd.source != NONE) {
                const entity *sp = &c->mentions.v[cd.source].ent;
                uint32_t end = sent_end(c, s);
                for (uint32_t q = g->end; q < end && cd.target == NONE; q++) {
                    if (g->in_quote && c->doc->tokens[q].kind == DL_TOK_QUOTE) break;
                    uint32_t mi = c->tok[q].mention;
                    if (mi == NONE) continue;
                    const mention *m = &c->mentions.v[mi];
                    if (attribution_subject(c, m)) break;
                    if (usable(&m->ent) && !same_side(sp, &m->ent) && !m->locative) cd.target = mi;
                    q = m->end - 1;
                }
            }
            /* "demanded that the US cancel ...": the clause's subject is the
             * target, and what is demanded is no event of its own */
            static const char *const clause_roots[] = {"02", "10", "11", "12", "13", "01", NULL};
            bool takes_clause = false;
            for (const char *const *r = clause_roots; *r; r++)
                if (has_root(cd.code, *r)) takes_clause = true;
            if (takes_clause && cd.target == NONE && !cd.speech) {
                uint32_t v2;
                uint32_t cs = clause_subject(c, g, &v2);
                if (cs != NONE) {
                    cd.target = cs;
                    if (v2 != NONE && v2 > gi) {
                        vgroup *h = &c->vgroups.v[v2];
                        char code2[8];
                        pmatch pm2;
                        uint32_t where2;
                        code_of(c, h, code2, &pm2, &where2);
                        const char *r = code2[0] ? dl_lexicon_compose(c->lex, cd.code, code2) : "";
                        if (r[0]) dl_strlcpy(cd.code, r, sizeof cd.code);
                        if (!has_root(cd.code, "01")) h->consumed_by = gi;
                    }
                }
            }
        }
        if (cd.source == NONE && !cd.reverse_source) continue;
        /* "we will strengthen our partnership with the United States" said by
         * Biden: the speaker's own country (or an office at its level) is not
         * the target; a different sector at home is ("police arrested
         * students") */
        if (cd.target != NONE && cd.source != NONE && !cd.reverse_source) {
            const entity *se = &c->mentions.v[cd.source].ent, *te = &c->mentions.v[cd.target].ent;
            bool bare = te->type == E_COUNTRY || te->type == E_ORG;
            if (se->country[0] && dl_streq(se->country, te->country) && te->actor != se->actor &&
                (bare || dl_streq(se->sector, te->sector)) && te->type != E_PERSON && !opposed_sectors(se, te))
                cd.target = NONE;
        }
        /* "students protested against the decision": when a part of society
         * protests it takes to the streets (141); a state protests by note (114) */
        if (dl_streq(cd.code, "114") && cd.source != NONE && !cd.reverse_source) {
            const mention *sm = &c->mentions.v[cd.source];
            if (sector_side(&sm->ent) == SIDE_SOCIETY || (sm->kind == M_PEOPLE && !sm->ent.sector[0]) ||
                (sm->kind == M_PEOPLE && dl_streq(sm->ent.sector, "CVL")))
                snprintf(cd.code, sizeof cd.code, "141");
        }
        /* "if Russia invades": the condition of a threat is no event */
        if (!g->noun && (in_condition(c, g) || noun_content_clause(c, g)) && !all) continue;
        /* "will provide aid", "we will talk": a future act of cooperation is an
         * expressed intent (03); a scheduled meeting or visit stays what it is */
        /* ("said it would send aid": the conditional of reported speech is
         * an announced future too) */
        /* "ordered 3,000 soldiers to Poland to bolster NATO's eastern flank",
         * "send 350 soldiers to Lithuania to reinforce a NATO battle group":
         * troops sent to shore up a country's defence are protection (074),
         * not a build-up against it */
        if (has_root(cd.code, "15") && cd.target != NONE && !g->noun) {
            static const char *const guard[] = {"reinforce", "bolster", "protect", "defend", "reassure",
                                                "strengthen", "shore", "secure", NULL};
            for (uint32_t hi = gi + 1; hi < c->vgroups.n && c->vgroups.v[hi].sentence == s; hi++) {
                const vgroup *h = &c->vgroups.v[hi];
                if (h->noun || !h->infinitive) continue;
                if (word_in(lemma_of(c, h), guard))
                    snprintf(cd.code, sizeof cd.code, "074");
                break;
            }
        }
        bool announced_future = g->future || (g->hypothetical && after_speech(c, g) && !clause_has_if(c, g));
        if (announced_future && !g->noun && cd.source != NONE && !g->negated) {
            bool first_person = c->mentions.v[cd.source].first_person || g->in_quote;
            bool coop = has_root(cd.code, "05") || has_root(cd.code, "06") ||
                        has_root(cd.code, "07") || has_root(cd.code, "08");
            const char *r = first_person || coop ? dl_lexicon_compose(c->lex, "030", cd.code) : "";
            if (r[0]) dl_strlcpy(cd.code, r, sizeof cd.code);
        }
        /* negation and modality */
        if (g->negated) {
            /* "will not accept" is a refusal; "left without agreeing" only
             * says nothing was agreed */
            bool without = false;
            for (uint32_t q = g->first; q < g->start && !without; q++) without = is(c, q, "without");
            /* "would not meet their demands", "will not withdraw": a refusal
             * of cooperation announced for the future is a rejection */
            bool refusal = !without && !g->noun && (g->future || (g->hypothetical && after_speech(c, g))) &&
                           cd.code[0] == '0' && cd.code[1] >= '3' && cd.code[1] <= '8';
            /* "did not say whether", "would not comment": no comment; but
             * "did not mention the pipeline" only leaves something out */
            bool left_out = !strcmp(b->negated, "011") && g->end < sent_end(c, s) &&
                            (wc(c, g->end) & DL_W_DET) && !is(c, g->end, "that");
            if (b->negated[0] && !without && !left_out) dl_strlcpy(cd.code, b->negated, sizeof cd.code);
            else if (refusal) snprintf(cd.code, sizeof cd.code, "120");
            else cd.negated = true;
        }
        /* "there is still time for Russia to end its aggression": what it
         * is time, or a call, for someone to do has not happened */
        if (for_subject(c, g) != NONE) cd.hypothetical = cd.permitted = true;
        /* "the possibilities for reaching an agreement", "hopes of ending the
         * war": a possibility is no event */
        if (g->gerund && g->first >= sent_first(c, s) + 2 &&
            (is(c, g->first - 1, "for") || is(c, g->first - 1, "of"))) {
            static const char *const maybes[] = {"possibility", "possibilities", "chance", "chances", "hope", "hopes",
                                                 "prospect", "prospects", "way", "ways", "room",
                                                 "options", "option", "idea", "plans", "plan", NULL};
            if (word_in(norm(c, g->first - 2), maybes)) cd.hypothetical = cd.permitted = true;
        }
        /* "Germany's refusal to send weapons", "their failure to agree":
         * what is refused or failed is no event */
        if (g->infinitive && g->first >= sent_first(c, s) + 1) {
            static const char *const refusals[] = {"refusal", "reluctance", "failure", "unwillingness", "inability",
                                                   "refusing", NULL};
            uint32_t q = g->first; /* "to" */
            if (q > sent_first(c, s) && word_in(norm(c, q - 1), refusals)) cd.negated = true;
        }
        /* "efforts to encourage Russia to choose diplomacy and deescalate":
         * what someone is urged to do (when the urging itself is not coded
         * with it) has not happened */
        if (!composed && urged(c, gi)) cd.hypothetical = cd.permitted = true;
        /* "blocked Poland from sending tanks": a prevented act did not happen */
        if (g->gerund && g->first > sent_first(c, s) && is(c, g->first - 1, "from")) {
            uint32_t r = g->first - 1;
            while (r > sent_first(c, s) && c->tok[r - 1].vg == NONE && !is(c, r - 1, ",")) r--;
            if (r > sent_first(c, s) && c->tok[r - 1].vg != NONE) {
                const vgroup *h = &c->vgroups.v[c->tok[r - 1].vg];
                if (!h->noun && word_in(lemma_of(c, h), prevent_verbs))
                    cd.negated = true;
            }
        }
        /* "troops will not be sent to fight": the purpose of a denied act */
        if (g->infinitive && !g->negated && gi > 0 && !composed) {
            const vgroup *h = &c->vgroups.v[gi - 1];
            bool near = h->sentence == s && !h->noun && h->end <= g->first && h->end + 3 >= g->first;
            for (uint32_t q = h->end; near && q < g->first; q++)
                if (is(c, q, ",") || is_boundary_punct(c, q) || (wc(c, q) & DL_W_SUBORD)) near = false;
            /* "authorised Putin to use force", "allowed Ukraine to strike": a
             * permission, not the act */
            static const char *const permits[] = {"allow", "permit", "authorize", "authorise", "empower", "mandate",
                                                  NULL};
            const char *hl = lemma_of(c, h);
            if (h->sentence == s && !h->noun && h->end <= g->first && h->end + 8 >= g->first && word_in(hl, permits))
                cd.hypothetical = cd.permitted = true;
            /* "would not hesitate to impose sanctions": a promise of the act */
            bool no_hesitation = near && h->negated && dl_streq(lemma_of(c, h), "hesitate");
            if (no_hesitation) g->future = true;
            else if (near && h->negated && !(dl_lexicon_block(c->lex, h->block)->flags & DL_VB_SPEECH))
                cd.negated = true;
            /* "failed to reach agreement": cooperation that did not come
             * about is a rejection; any other act did not happen */
            if (near && !h->negated && dl_streq(lemma_of(c, h), "fail")) {
                bool coop = cd.code[0] == '0' && cd.code[1] >= '3' && cd.code[1] <= '8';
                if (coop) {
                    cd.mutual = true;
                    snprintf(cd.code, sizeof cd.code, "120");
                }
                else cd.negated = true;
            }
        }
        if (g->hypothetical && !g->future) {
            bool reported = after_speech(c, g) && !clause_has_if(c, g);
            cd.hypothetical = !reported;
        }
        /* "Russia must withdraw", said (or written) by NATO: NATO demands
         * (must) or appeals (should) that Russia withdraw */
        if (g->obligation && cd.source != NONE && !cd.speech && !cd.reverse_source && !g->noun) {
            const entity *sp = &c->speaker_ent[s];
            const mention *subj = &c->mentions.v[cd.source];
            if (usable(sp) && usable(&subj->ent) && !same_side(sp, &subj->ent) && !subj->first_person) {
                const char *r = dl_lexicon_compose(c->lex, g->obligation == 2 ? "100" : "020", cd.code);
                dl_strlcpy(cd.code, r[0] ? r : g->obligation == 2 ? "100" : "020", sizeof cd.code);
                cd.target = cd.source;
                cd.speaker = *sp;
                cd.reverse_source = true;
                cd.negated = false; /* "should not": still an appeal */
            }
        }
        /* "would impose sanctions on Russia if it invaded", "will respond with
         * force": a conditional or announced coercive act is a threat */
        if (!cd.hypothetical && forecast(c, s, gi, &cd)) cd.hypothetical = true;
        if ((cd.hypothetical || g->future || g->hypothetical || modal_inherited(c, gi)) && !cd.negated && !g->noun &&
            !cd.reverse_source) {
            bool coercive = coercive_code(cd.code);
            char cond = condition_after(c, g);
            /* "will withdraw its force unless ...": any act held over
             * someone is a threat */
            if (cond == 'u' && !has_root(cd.code, "01") && !has_root(cd.code, "13")) coercive = true;
            /* "will impose sanctions", "said it would tighten the blockade":
             * a coercive act announced is a threat of it (CAMEO 13) */
            bool announced = (g->future || (g->hypothetical && (after_speech(c, g) || g->in_quote))) &&
                             !has_root(cd.code, "15"); /* a deployment announced is a deployment */
            if (forecast(c, s, gi, &cd) || cd.permitted) {
                cd.hypothetical = true;
                coercive = false;
            }
            if (coercive && (cd.hypothetical || clause_has_if(c, g) || cond || announced)) {
                const char *r = dl_lexicon_compose(c->lex, "130", cd.code);
                dl_strlcpy(cd.code, r[0] ? r : "130", sizeof cd.code);
                cd.hypothetical = false;
            }
        }
        /* a target that is no known actor ("mobilized army reservists for
         * a war against Iraq") leaves the place to one found below */
        if (cd.target != NONE && !usable(&c->mentions.v[cd.target].ent)) cd.target = NONE;
        /* a threat, demand, criticism or rejection without a target concerns
         * the other party named after it ("warned of serious consequences
         * for Moscow") */
        bool mutual_subject = false;
        if (cd.source != NONE && !cd.reverse_source) {
            uint32_t mem[8];
            size_t nm = group_members(c, cd.source, mem, 8);
            mutual_subject = nm >= 2 && (has_root(cd.code, "03") || has_root(cd.code, "05") ||
                                         has_root(cd.code, "06") || dl_streq(cd.code, "057"));
        }
        /* (a meeting only with a party after its "with": "coordinating our
         * response with our partners, including NATO") */
        bool consult = has_root(cd.code, "04");
        if (cd.target == NONE && !cd.reverse_source && cd.source != NONE && !g->noun && !cd.speech &&
            !mutual_subject && !has_root(cd.code, "01")) {
            const entity *se = &c->mentions.v[cd.source].ent;
            uint32_t end = sent_end(c, s);
            bool with = false;
            for (uint32_t q = g->end; q < end && cd.target == NONE; q++) {
                if (is(c, q, ";") || is(c, q, ":")) break;
                if (consult && (c->tok[q].vg != NONE || is_boundary_punct(c, q))) break;
                with |= is(c, q, "with");
                if (consult && !with) continue;
                if (g->in_quote && c->doc->tokens[q].kind == DL_TOK_QUOTE) break; /* the quotation ends */
                uint32_t mi = c->tok[q].mention;
                if (mi == NONE) continue;
                const mention *m = &c->mentions.v[mi];
                if (attribution_subject(c, m)) break;
                /* "the deputy chief of mission at the U.S. Embassy": an
                 * institution after "at" is whose people they are */
                bool at_inst = m->locative && m->start > 0 && is(c, m->start - 1, "at") && m->kind == M_AGENT;
                if (usable(&m->ent) && !same_side(se, &m->ent) && (!m->locative || at_inst) && !m->first_person)
                    cd.target = mi;
                q = m->end - 1;
            }
            /* ... or, for a demand, criticism, rejection or threat, the party
             * of the same side's act before it in the sentence ("called on
             * Moscow to pull back, and said Kyiv would make no concessions") */
            bool conflictual = has_root(cd.code, "10") || has_root(cd.code, "11") || has_root(cd.code, "12") ||
                               has_root(cd.code, "13");
            for (size_t j = cands.n; j-- > 0 && cd.target == NONE && conflictual;) {
                const candidate *o = &cands.v[j];
                if (o->source == NONE || o->target == NONE || o->reverse_source) continue;
                const entity *oe = &c->mentions.v[o->source].ent, *te = &c->mentions.v[o->target].ent;
                if (same_side(oe, se) && usable(te) && !same_side(te, se)) cd.target = o->target;
                break; /* only the act right before */
            }
        }
        /* "“I certainly wasn't mute,” Ms. Truss replied": a reply is
         * addressed to the person, state or officials of the other side
         * last named before it; so is a rejection ("British officials
         * listened but did not hear.  Russia, he said, would not accept
         * being lectured") */
        bool rejection = has_root(cd.code, "12");
        if (cd.target == NONE && cd.source != NONE && !cd.reverse_source && !g->noun &&
            (has_root(cd.code, "01") || rejection) && g->finite && !g->infinitive && !g->future &&
            (rejection || !g->hypothetical)) {
            static const char *const replies[] = {"reply", "retort", "respond", "answer", "counter", "shoot back",
                                                  "fire back", "hit back", "rejoin", NULL};
            const entity *se = &c->mentions.v[cd.source].ent;
            if ((word_in(lemma_of(c, g), replies) || rejection) && usable(se)) {
                for (uint32_t mi = cd.source; mi-- > 0;) {
                    const mention *m = &c->mentions.v[mi];
                    if (m->sentence + (rejection ? 1 : 2) < s) break;
                    if (m->first_person || m->locative || m->owner || !usable(&m->ent)) continue;
                    /* (a person, a state, or its officials) */
                    if (same_side(&m->ent, se) || (m->ent.type == E_GROUP && strcmp(m->ent.sector, "GOV") != 0))
                        continue;
                    cd.target = mi;
                    break;
                }
            }
        }
        /* "warned that the pipeline would end if Russia invaded": a warning
         * with a condition on another party is a threat */
        if ((dl_streq(cd.code, "012") || (dl_streq(cd.code, "010") && aggression_condition(c, s))) &&
            !g->noun) {
            uint32_t cs = condition_subject(c, s);
            const entity *se = cd.reverse_source ? &cd.speaker : cd.source != NONE ? &c->mentions.v[cd.source].ent : NULL;
            if (cs != NONE && se && usable(&c->mentions.v[cs].ent) && !same_side(&c->mentions.v[cs].ent, se)) {
                snprintf(cd.code, sizeof cd.code, "130");
                if (cd.target == NONE) cd.target = cs;
            }
        }
        /* "struck targets in Gaza", "imposed a curfew in Kirkuk", "protested in
         * Hong Kong": force, coercion, protest and posturing take their place
         * as target -- at home too ("Turkish police ... in Diyarbakir") */
        /* an object of no country ("militant targets") gives way to a place */
        if (cd.target != NONE && !usable(&c->mentions.v[cd.target].ent) && !composed) cd.target = NONE;
        if (cd.target == NONE && !cd.reverse_source && cd.source != NONE && !g->noun) {
            static const char *const placed[] = {"08", "14", "15", "17", "18", "19", "20", NULL};
            bool at_place = false;
            for (const char *const *r = placed; *r; r++) at_place |= has_root(cd.code, *r);
            bool other = !at_place && !cd.speech && !has_root(cd.code, "01") && !has_root(cd.code, "04");
            uint32_t t = at_place || other ? object_of(c, g, true, &c->mentions.v[cd.source].ent) : NONE;
            /* "refused to deploy peacekeepers in Iraq": the place of the
             * infinitive that completes the verb */
            const vgroup *pg = g; /* the verb the place follows */
            if (t == NONE && (at_place || other) && gi + 1 < c->vgroups.n) {
                const vgroup *h = &c->vgroups.v[gi + 1];
                if (h->sentence == s && h->infinitive && !h->noun && h->first <= g->end + 1) {
                    t = object_of(c, h, true, &c->mentions.v[cd.source].ent);
                    pg = h;
                }
            }
            /* "recognised the regions in eastern Ukraine and ordered troops to
             * deploy there": "there" is the last place the sentence named */
            if (t == NONE && at_place) {
                uint32_t q = pg->end;
                while (q < sent_end(c, s) && q < pg->end + 4 && !is(c, q, "there") && !is(c, q, ",")) q++;
                if (q < sent_end(c, s) && is(c, q, "there"))
                    for (uint32_t r = g->first; r-- > sent_first(c, s);) {
                        uint32_t mi = c->tok[r].mention;
                        if (mi != NONE && c->mentions.v[mi].locative && usable(&c->mentions.v[mi].ent)) {
                            t = mi;
                            break;
                        }
                    }
            }
            /* past an object of no country ("peacekeepers") to its place */
            for (int hop = 0; hop < 2 && t != NONE && !usable(&c->mentions.v[t].ent); hop++) {
                vgroup after = *pg;
                after.end = c->mentions.v[t].end;
                t = object_of(c, &after, true, &c->mentions.v[cd.source].ent);
            }
            /* "struck militant targets in northern Syria and Iraq": the place
             * of a force, coercion or protest later in its clause */
            if ((t == NONE || !usable(&c->mentions.v[t].ent)) && at_place) {
                t = NONE;
                for (uint32_t q = pg->end; q < sent_end(c, s) && t == NONE; q++) {
                    if (is(c, q, ",") || is_boundary_punct(c, q) || (wc(c, q) & DL_W_SUBORD)) break;
                    uint32_t mi = c->tok[q].mention;
                    if (mi != NONE && c->mentions.v[mi].locative && usable(&c->mentions.v[mi].ent)) t = mi;
                }
            }
            /* other acts: only a place that qualifies their object ("recognised
             * the regions in eastern Ukraine"), not one that says where they
             * happened ("met in Paris") */
            if (t != NONE && other) {
                const mention *tm = &c->mentions.v[t];
                uint32_t b = tm->start;
                while (b > pg->end && !(wc(c, b - 1) & DL_W_PREP)) b--;
                /* (the noun may be an event noun, "the rally in Baku", or an
                 * actor of no country, "peacekeepers in Iraq") */
                uint32_t nm = b >= 2 ? c->tok[b - 2].mention : NONE, nv = b >= 2 ? c->tok[b - 2].vg : NONE;
                bool on_noun = tm->locative && b > pg->end + 1 && c->doc->tokens[b - 2].kind == DL_TOK_WORD &&
                               (nv == NONE || c->vgroups.v[nv].noun) &&
                               (nm == NONE || !usable(&c->mentions.v[nm].ent)) && !wc(c, b - 2);
                if (!on_noun) t = NONE;
            }
            if (t != NONE && (c->mentions.v[t].locative || !same_side(&c->mentions.v[t].ent, &c->mentions.v[cd.source].ent)))
                cd.target = t;
        }
        /* a threat with no target threatens whoever the condition names
         * ("warned that if Russia invaded, ...") */
        if (has_root(cd.code, "13") && cd.target == NONE && !cd.reverse_source) {
            uint32_t cs = condition_subject(c, s);
            if (cs != NONE && cd.source != NONE && !same_side(&c->mentions.v[cs].ent, &c->mentions.v[cd.source].ent))
                cd.target = cs;
        }
        /* "we discussed bilateral relations", said in a readout of talks
         * with Russia: a speaker's cooperation is with the article's other
         * party */
        /* ... and so is a threat the speaker's side makes ("The UK and our
         * allies would put in place severe sanctions", said by Truss) */
        bool speaker_side = cd.source != NONE && !cd.reverse_source &&
                            (c->mentions.v[cd.source].first_person ||
                             (usable(&c->speaker_ent[s]) && same_side(&c->speaker_ent[s], &c->mentions.v[cd.source].ent) &&
                              has_root(cd.code, "13")));
        /* ... and so is anyone's stated cooperation with no party named
         * ("Mr Macron said he would continue intensive discussions") */
        bool purpose = g->gerund && g->first > sent_first(c, s) && (wc(c, g->first - 1) & DL_W_PREP) &&
                       !is(c, g->first - 1, "while"); /* "aimed at establishing" */
        /* (an intent to yield or de-escalate, 035x, is one's own) */
        bool coop_any = cd.source != NONE && !cd.reverse_source && !purpose &&
                        ((has_root(cd.code, "03") && strncmp(cd.code, "035", 3) != 0) ||
                         has_root(cd.code, "04") || has_root(cd.code, "05") ||
                         has_root(cd.code, "06"));
        if (cd.target == NONE && (speaker_side || coop_any) && !cd.speech &&
            (has_root(cd.code, "03") || has_root(cd.code, "04") || has_root(cd.code, "05") ||
             has_root(cd.code, "06") || has_root(cd.code, "13"))) {
            /* not for "Truss and Lavrov discussed ...": both parties named */
            uint32_t mem[8];
            size_t nm = group_members(c, cd.source, mem, 8);
            bool one_side = true;
            for (size_t k = 0; k < nm; k++)
                if (usable(&c->mentions.v[mem[k]].ent) &&
                    !same_side(&c->mentions.v[mem[k]].ent, &c->mentions.v[cd.source].ent))
                    one_side = false;
            if (one_side && !speaker_side && unknown_party_after(c, g)) one_side = false;
            uint32_t cp = one_side ? counterpart(c, s, &c->mentions.v[cd.source].ent) : NONE;
            /* a third party's cooperation: only with a party of the last
             * sentences (a readout's counterpart), not of the whole story */
            if (cp != NONE && !speaker_side && c->mentions.v[cp].sentence + 3 < s) cp = NONE;
            cd.target = cp;
        }
        /* guerrillas, insurgents and militias that kill or attack use
         * unconventional violence (18), armies fight (19); with named
         * weapons (shelling 194, small arms 193) they fight too */
        if (cd.source != NONE && !cd.reverse_source &&
            dl_streq(cd.code, "190") &&
            word_in(c->mentions.v[cd.source].ent.sector, irregular_sectors))
            snprintf(cd.code, sizeof cd.code, "180");
        if ((cd.negated || (cd.hypothetical && !has_root(cd.code, "13"))) && !all) continue;
        /* "said Britain would impose sanctions", "said it would not allow":
         * a threat, an intent or a refusal is made when it is said; it takes
         * the date of the speech verb */
        if ((g->future || g->hypothetical) && cd.date_vg == NONE &&
            (has_root(cd.code, "13") || has_root(cd.code, "03") || has_root(cd.code, "12")))
            for (uint32_t q = g->first; q-- > sent_first(c, s);)
                if (c->tok[q].vg != NONE && is_speech(c, &c->vgroups.v[c->tok[q].vg])) {
                    cd.date_vg = c->tok[q].vg;
                    break;
                }
        /* "we regularly meet with German companies": a habit, no event */
        if (habitual(c, g) && !all) continue;
        /* "comments on the situation in Russia": a statement is made to no
         * place */
        if (cd.target != NONE && has_root(cd.code, "01") && c->mentions.v[cd.target].locative) cd.target = NONE;
        /* "Russia expelled the diplomat, the State Department said, calling
         * the move unprovoked": a judgement of "the move" is aimed at whoever
         * made it, in an act coded before it in the sentence */
        if (cd.target == NONE && cd.source != NONE && !cd.reverse_source &&
            (has_root(cd.code, "11") || has_root(cd.code, "05")) && g->end + 1 < sent_end(c, s)) {
            static const char *const moves[] = {"move", "decision", "step", "action", "actions", "expulsion", "attack",
                                                "attacks", "announcement", "measures", "measure", "invasion", NULL};
            uint32_t q = g->end;
            if (is(c, q, "the") || is(c, q, "this") || is(c, q, "that")) q++;
            if (q < sent_end(c, s) && word_in(norm(c, q), moves))
                for (size_t j = cands.n; j-- > 0;) {
                    const candidate *o = &cands.v[j];
                    if (o->source == NONE || o->reverse_source || c->vgroups.v[o->vg].sentence != s) continue;
                    const mention *om = &c->mentions.v[o->source];
                    if (usable(&om->ent) && !same_side(&om->ent, &c->mentions.v[cd.source].ent)) {
                        cd.target = o->source;
                        break;
                    }
                }
        }
        if (has_root(cd.code, "04") && cd.source != NONE && cd.target != NONE && !cd.reverse_source &&
            !cd.hypothetical && !cd.negated) {
            c->meeting_src = cd.source;
            c->meeting_tgt = cd.target;
            c->meeting_sentence = s;
            c->meeting_vg = cd.date_vg != NONE ? cd.date_vg : gi;
        }
        if (!vec_push(&cands, cd)) st = DL_ERR_NOMEM;
    }
    /* a statement whose content is the speaker's own coded act is not coded
     * separately (only the act is); nor is a closing attribution ("..., officials
     * said") of a sentence that reports another event */
    for (size_t k = 0; k < cands.n && st == DL_OK; k++) {
        candidate *cd = &cands.v[k];
        if (cd->speech || dl_streq(cd->code, "010")) {
            bool trailing = false;
            for (size_t j = 0; j < cands.n && !trailing && dl_streq(cd->code, "010"); j++)
                if (j != k && !cands.v[j].speech && cands.v[j].vg < cd->vg) trailing = true;
            if (trailing) continue;
            /* the speaker: its mention, or (speech without a subject) the
             * sentence's speaker */
            const entity *spe = cd->source != NONE ? &c->mentions.v[cd->source].ent
                                : cd->reverse_source    ? &cd->speaker
                                                        : NULL;
            bool own = false;
            for (size_t j = 0; j < cands.n && !own; j++) {
                /* (an act may be a speech act too: "said Putin had warned ...") */
                bool statement = has_root(cd->code, "01");
                /* (the act is what was said: it follows the speech verb, unless
                 * the speech is a closing attribution of a statement) */
                if (j == k || !cands.v[j].code[0] ||
                    (cands.v[j].speech && (!statement || has_root(cands.v[j].code, "01"))) ||
                    (!statement && cands.v[j].vg < cd->vg))
                    continue;
                const entity *e = cands.v[j].reverse_source ? &cands.v[j].speaker
                                  : cands.v[j].source != NONE ? &c->mentions.v[cands.v[j].source].ent
                                                              : NULL;
                /* the speaker's own side: itself, its state ("the Kremlin said
                 * Mr Putin had warned ...": the aide reports the leader's act) */
                if (e && spe && (same_side(e, spe) || same_camp(e, spe))) own = true;
                /* "Both leaders said they had discussed ..." */
                uint32_t js = cands.v[j].source;
                if (js != NONE && cd->source != NONE) {
                    uint32_t ja = c->mentions.v[js].antecedent;
                    if (js == cd->source || (ja != NONE && c->mentions.v[ja].group == c->mentions.v[cd->source].group))
                        own = true;
                }
                /* a threat said by the speaker ("would face consequences") */
                if (cands.v[j].reverse_source) own = true;
            }
            if (own) continue;
        }
        st = emit_candidate(c, cd);
    }
    if (st == DL_OK) drop_targetless_twins(c, s);
    c->cands = cands.v; /* for the next sentence (freed with the article) */
    c->cands_cap = cands.cap;
    return st;
}

void code_link_groups(article_ctx *c, uint32_t s) { link_groups(c, s); }

/* "you" said by a known speaker (a transcript's label, a quotation) is the
 * party the speaker deals with in the article: "When you made the phone call
 * to me", said by Lavrov to Blinken. */
void resolve_second_person(article_ctx *c) {
    for (size_t k = 0; k < c->mentions.n; k++) {
        mention *m = &c->mentions.v[k];
        if (m->kind != M_PRONOUN || m->ent.type != E_NONE || !(is(c, m->start, "you") || is(c, m->start, "your")))
            continue;
        const entity *sp = &c->speaker_ent[m->sentence];
        if (!usable(sp)) continue;
        uint32_t o = counterpart(c, m->sentence, sp);
        if (o == NONE) continue;
        m->ent = c->mentions.v[o].ent;
        m->resolved_by_coref = true;
    }
}
