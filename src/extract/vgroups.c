/* vgroups.c - verbs and event nouns in a sentence, with their verb group:
 * the auxiliaries, modals, negation and adverbs before them, which give
 * tense, voice, negation and modality ("would not have been invited"). */
#include <string.h>

#include "extract_private.h"

static inline const char *norm(const article_ctx *c, uint32_t i) { return c->tok[i].norm; }
/* (always inlined: called for most tokens of most rules, and the compiler
 * would rather not copy it into so many places) */
static inline __attribute__((always_inline)) bool is(const article_ctx *c, uint32_t i, const char *w) {
    return word_is(norm(c, i), w);
}
static inline uint32_t wc(const article_ctx *c, uint32_t i) { return c->tok[i].wclass; }

/* Words that introduce a future or plan before "to" ("is due to meet"). */
static bool future_before_to(const article_ctx *c, uint32_t i) {
    static const char *const w[] = {"going", "due", "set", "expected", "scheduled", "poised", "plans", "plan",
                                    "planned", "planning", "intends", "intend", "intended", "hopes", "prepared",
                                    "ready", "about", "slated", NULL};
    return word_in(norm(c, i), w);
}

/* Is the token at i (with dictionary readings) used as a noun here? */
static bool noun_context(const article_ctx *c, uint32_t i, uint32_t first) {
    if (i == first) return false;
    uint32_t p = i - 1;
    /* "U.S.-Russia talks", "the Biden-Putin call" */
    if (c->tok[p].mention != NONE && !(c->doc->tokens[i].flags & DL_TF_SPACE)) return true;
    if (c->tok[p].mention != NONE && c->mentions.v[c->tok[p].mention].possessive) return false;
    /* "Palestinian riots", "the American warnings": after an adjective of
     * ownership the word is a noun */
    if (c->tok[p].mention != NONE && c->mentions.v[c->tok[p].mention].owner) return true;
    if (is(c, p, "'s")) return true;
    uint32_t cl = wc(c, p);
    if ((cl & DL_W_DET) && !(cl & DL_W_SUBORD && (is(c, p, "that") || is(c, p, "which")))) return true;
    if (cl & DL_W_QUANT) return true;
    if (c->doc->tokens[p].kind == DL_TOK_NUMBER) return true;
    if ((cl & DL_W_PREP) && !is(c, p, "to")) return true;
    /* "Russia's core demands", "the new sanctions": plain words back to a
     * possessive or a determiner */
    for (uint32_t q = p, k = 0; q > first && k < 2; q--, k++) {
        const dl_token *t = &c->doc->tokens[q];
        if (t->kind != DL_TOK_WORD || wc(c, q) || c->tok[q].vforms || c->tok[q].mention != NONE) break;
        uint32_t r = q - 1;
        if (is(c, r, "'s") || ((wc(c, r) & DL_W_DET) && !is(c, r, "that"))) return true;
        if (c->tok[r].mention != NONE && c->mentions.v[c->tok[r].mention].possessive) return true;
    }
    /* an adjective-like word before it ("bilateral talks", "fresh sanctions") */
    const char *w = norm(c, p);
    size_t n = c->doc->tokens[p].norm_len; /* (its strlen) */
    if (rule_listed(extractor_rules(c->x), RULE_LIST_NOUN_ADJ, c->tok[p].hash, w) && c->tok[p].vg == NONE) return true;
    if (c->doc->tokens[p].kind == DL_TOK_WORD && !cl && !c->tok[p].vforms && c->tok[p].mention == NONE && n > 4 &&
        dl_streq(w + n - 2, "ic")) /* "economic sanctions", "diplomatic talks" */
        return true;
    if (c->doc->tokens[p].kind == DL_TOK_WORD && !cl && !c->tok[p].vforms && c->tok[p].mention == NONE && n > 3 &&
        (dl_streq(w + n - 2, "al") || dl_streq(w + n - 3, "ive") || dl_streq(w + n - 3, "ful") ||
         dl_streq(w + n - 3, "ent") || dl_streq(w + n - 3, "ous") || dl_streq(w + n - 3, "nal")))
        return true;
    return false;
}

/* Does something before token i make it a verb ("will meet", "to visit",
 * "they met")? */
static bool verb_context(const article_ctx *c, uint32_t i, uint32_t first) {
    if (i == first) return true;
    uint32_t p = i - 1;
    while (p > first && (wc(c, p) & DL_W_ADV)) p--;
    uint32_t cl = wc(c, p);
    /* "Russia's claim": a possessive, not "is" */
    if (is(c, p, "'s") && !(c->tok[i].vforms & (DL_VF_ING | DL_VF_PP))) return false;
    if (cl & (DL_W_MODAL | DL_W_BE | DL_W_HAVE | DL_W_DO | DL_W_NEG)) return true;
    if (is(c, p, "to")) return true;
    if ((cl & DL_W_PRON) && !(cl & DL_W_DET)) return true;
    if (c->tok[p].mention != NONE) {
        const mention *m = &c->mentions.v[c->tok[p].mention];
        /* "Palestinian riots": a country adjective owns a noun ("NATO attacks"
         * stays a verb: an organisation's name is also its adjective) */
        if (m->owner && m->ent.type != E_ORG && p + 1 == i) return false;
        /* "our close cooperation": a possessive determiner before a noun */
        if (m->kind == M_PRONOUN && (is(c, p, "our") || is(c, p, "their") || is(c, p, "its") || is(c, p, "my") ||
                                     is(c, p, "your") || is(c, p, "his")))
            return false;
        return !m->possessive;
    }
    return false;
}

static uint32_t pick_reading(const article_ctx *c, const dl_verb_hit *hits, size_t n, bool want_noun) {
    for (size_t k = 0; k < n; k++) {
        const dl_verb_def *v = dl_lexicon_verb_def(c->lex, hits[k].verb);
        const dl_verb_block *b = dl_lexicon_block(c->lex, v->block);
        if (!!(b->flags & DL_VB_NOUN) == want_noun) return (uint32_t)k;
    }
    return NONE;
}

/* A word in -ly that is no verb, name or function word ("firmly"). */
static bool ly_adverb(const article_ctx *c, uint32_t i) {
    const char *w = norm(c, i);
    size_t n = c->doc->tokens[i].norm_len; /* (its strlen) */
    return n > 4 && w[n - 2] == 'l' && w[n - 1] == 'y' && !wc(c, i) && c->tok[i].mention == NONE &&
           c->doc->tokens[i].kind == DL_TOK_WORD;
}

/* Is token i right after two mentions joined by a hyphen ("NATO-Russia")? */
static bool after_pair(const article_ctx *c, uint32_t i, uint32_t first) {
    if (i < first + 3 || c->tok[i - 1].mention == NONE) return false;
    const mention *b = &c->mentions.v[c->tok[i - 1].mention];
    if (b->end != i || b->start < first + 2) return false;
    return c->doc->tokens[b->start - 1].kind == DL_TOK_DASH && c->tok[b->start - 2].mention != NONE;
}

dl_status find_vgroups(article_ctx *c, uint32_t s) {
    const dl_sentence *sent = &c->doc->sentences[s];
    uint32_t first = sent->first_token + sent->n_lead, end = sent->first_token + sent->n_tokens;
    for (uint32_t i = first; i < end;) {
        if (c->tok[i].mention != NONE || c->tok[i].timex || c->tok[i].word == DL_WORD_NONE) {
            i++;
            continue;
        }
        /* (no verb starts with most words: then none is looked for, k = 0) */
        uint32_t k = !dl_lexicon_may_start_verb(c->lex, c->tok[i].word) ? 0 : end - i < 16 ? end - i : 16;
        if (!k) { /* (what the lookup below would find: nothing) */
            i++;
            continue;
        }
        const dl_verb_hit *hits;
        size_t n_hits;
        const uint32_t *words = c->words + i;
        size_t len = dl_lexicon_verb(c->lex, words, k, &hits, &n_hits);
        /* "stands firmly by", "met briefly with": an adverb inside a phrasal
         * verb (the group spans it) */
        if (k > 2 && (wc(c, i + 1) & DL_W_ADV || ly_adverb(c, i + 1)) && !c->tok[i + 1].vforms) {
            uint32_t skip[16]; /* the words without the adverb */
            memcpy(skip, words + 1, (k - 1) * sizeof *skip);
            skip[0] = words[0];
            const dl_verb_hit *h2;
            size_t n2;
            size_t l2 = dl_lexicon_verb(c->lex, skip, k - 1, &h2, &n2);
            if (l2 >= 2 && l2 + 1 > len) {
                hits = h2;
                n_hits = n2;
                len = l2 + 1;
            }
        }
        if (!len) {
            i++;
            continue;
        }
        /* "are going to impose": the future, not a trip ("going to Kyiv") */
        if (is(c, i, "going") && i + 2 < end && is(c, i + 1, "to") &&
            (((c->tok[i + 2].vforms & DL_VF_BASE) && c->tok[i + 2].mention == NONE) || (wc(c, i + 2) & DL_W_ADV) ||
             ly_adverb(c, i + 2))) {
            i += 2;
            continue;
        }
        uint32_t rv = pick_reading(c, hits, n_hits, false), rn = pick_reading(c, hits, n_hits, true);
        bool nctx = noun_context(c, i, first), vctx = verb_context(c, i, first);
        /* "Storm Shadow missiles": a capitalised word inside a sentence is a name */
        if (i > first && (c->doc->tokens[i].flags & DL_TF_CAP) && !(c->doc->tokens[i].flags & DL_TF_SENT_START) &&
            !(i > first && c->doc->tokens[i - 1].kind == DL_TOK_QUOTE) && rn == NONE) {
            i += (uint32_t)len;
            continue;
        }
        /* "our written proposals", "the proposed talks", "in a threatening
         * manner": a participle between a determiner and a noun is an
         * adjective */
        bool ing_after_a = i > first && rv != NONE && (hits[rv].forms & DL_VF_ING) &&
                           (is(c, i - 1, "a") || is(c, i - 1, "an"));
        if (i > first && i + 1 < end && rn == NONE && rv != NONE &&
            ((hits[rv].forms & (DL_VF_PP | DL_VF_PAST)) || ing_after_a) &&
            ((wc(c, i - 1) & DL_W_DET) || is(c, i - 1, "our") || is(c, i - 1, "their") || is(c, i - 1, "its") ||
             is(c, i - 1, "his") || is(c, i - 1, "her") || is(c, i - 1, "my") || is(c, i - 1, "your")) &&
            !is(c, i - 1, "that") && !is(c, i - 1, "which") && c->doc->tokens[i + len].kind == DL_TOK_WORD &&
            !wc(c, i + len) &&
            c->tok[i + len].mention == NONE) {
            i += (uint32_t)len;
            continue;
        }
        /* "Moscow-backed", "U.S.-led": a participle glued to a word by a
         * hyphen is an adjective, not a verb */
        if (i >= first + 2 && is(c, i - 1, "-") && !(c->doc->tokens[i].flags & DL_TF_SPACE) &&
            !(c->doc->tokens[i - 1].flags & DL_TF_SPACE) && rn == NONE) {
            i += (uint32_t)len;
            continue;
        }
        /* "imposed fresh sanctions": a verb's object position holds a noun */
        if (!vctx && rv != NONE && !(hits[rv].forms & (DL_VF_PAST | DL_VF_ING))) {
            uint32_t q = i;
            while (q > first && c->doc->tokens[q - 1].kind == DL_TOK_WORD && !wc(c, q - 1) &&
                   !c->tok[q - 1].vforms && c->tok[q - 1].mention == NONE && c->tok[q - 1].vg == NONE && i - q < 2)
                q--;
            if (q > first && c->tok[q - 1].vg != NONE && !c->vgroups.v[c->tok[q - 1].vg].noun) {
                if (rn == NONE) {
                    i += (uint32_t)len;
                    continue;
                }
                nctx = true;
            }
        }
        /* a sentence that starts with "Sanctions ..." or "Talks ...": a noun */
        if (i == first && rv != NONE && !(hits[rv].forms & (DL_VF_PAST | DL_VF_BASE | DL_VF_ING)) && rn == NONE) {
            i += (uint32_t)len;
            continue;
        }
        /* "the NATO-Ukraine Commission": a paired noun after "A-B" only */
        if (rn != NONE) {
            const dl_verb_block *nb = dl_lexicon_block(c->lex, dl_lexicon_verb_def(c->lex, hits[rn].verb)->block);
            if ((nb->flags & DL_VB_PAIRED) && !after_pair(c, i, first)) rn = NONE;
            if (rn == NONE && rv == NONE) {
                i += (uint32_t)len;
                continue;
            }
        }
        /* "after meeting NATO's secretary general": an -ing form after a
         * preposition with an actor for its object is a verb */
        if (rn != NONE && rv != NONE && (hits[rv].forms & DL_VF_ING) && i > first && (wc(c, i - 1) & DL_W_PREP) &&
            i + len < end && c->tok[i + len].mention != NONE)
            nctx = false;
        uint32_t r;
        bool noun = false;
        if (rn != NONE && (rv == NONE || (nctx && !vctx))) {
            r = rn;
            noun = true;
        } else if (rv != NONE) {
            r = rv;
            /* "the attack", "a call": a present form after a determiner is a noun */
            uint32_t f = hits[r].forms;
            if (nctx && !vctx && !(f & (DL_VF_PAST | DL_VF_PP | DL_VF_ING))) {
                i += (uint32_t)len;
                continue;
            }
        } else {
            i += (uint32_t)len;
            continue;
        }
        const dl_verb_def *vd = dl_lexicon_verb_def(c->lex, hits[r].verb);
        vgroup g = {.start = i, .end = i + (uint32_t)len, .first = i, .verb = hits[r].verb, .block = vd->block,
                    .forms = hits[r].forms, .noun = noun, .sentence = s, .consumed_by = NONE,
                    .alt_verbs = {NONE, NONE, NONE}};
        /* the other readings of the same kind, for the coder to choose from */
        for (size_t h = 0, na = 0; h < n_hits && na < 3; h++) {
            if (h == r) continue;
            const dl_verb_block *hb = dl_lexicon_block(c->lex, dl_lexicon_verb_def(c->lex, hits[h].verb)->block);
            if (!!(hb->flags & DL_VB_NOUN) == noun) g.alt_verbs[na++] = hits[h].verb;
        }
        g.in_quote = (c->doc->tokens[i].flags & DL_TF_IN_QUOTE) != 0;
        if (!noun) {
            /* the group: adverbs, negation, auxiliaries, modals, "to" */
            bool be = false, have = false, modal = false;
            uint32_t p = i;
            while (p > first) {
                uint32_t q = p - 1;
                uint32_t cl = wc(c, q);
                if (cl & DL_W_NEG) g.negated = true;
                else if (cl & DL_W_MODAL) {
                    modal = true;
                    if (is(c, q, "will") || is(c, q, "'ll") || is(c, q, "shall") || is(c, q, "wo")) g.future = true;
                    else if (is(c, q, "should") || is(c, q, "ought")) g.obligation = 1;
                    else if (is(c, q, "must")) g.obligation = 2;
                    else if (is(c, q, "would") || is(c, q, "could") || is(c, q, "might") || is(c, q, "may") ||
                             is(c, q, "'d"))
                        g.hypothetical = true;
                } else if (cl & DL_W_BE) {
                    if (p == i || (wc(c, p) & DL_W_ADV) || (wc(c, p) & DL_W_NEG) || is(c, p, "being") ||
                        is(c, p, "been"))
                        be = true;
                } else if (cl & DL_W_HAVE) {
                    have = true;
                } else if (cl & DL_W_DO) {
                    /* "did not", "does" */
                } else if (is(c, q, "to")) {
                    g.infinitive = true;
                    if (q > first && future_before_to(c, q - 1)) g.future = true;
                    if (q > first && (is(c, q - 1, "has") || is(c, q - 1, "have") || is(c, q - 1, "had") ||
                                      is(c, q - 1, "needs") || is(c, q - 1, "need"))) {
                        g.obligation = 2;
                        g.infinitive = false;
                        p = q - 1;
                        g.finite = true;
                        break;
                    }
                    p = q;
                    break;
                } else if ((!(cl & DL_W_ADV) && !(ly_adverb(c, q) && !c->tok[q].vforms)) ||
                           c->tok[q].mention != NONE) {
                    /* (adverbs in "-ly" too: "to urgently provide") */
                    break;
                }
                p = q;
            }
            g.first = p;
            uint32_t f = g.forms;
            /* "Israel is opposed to French mediation", "forces were engaged
             * in ethnic cleansing": an adjective, the subject acts */
            const char *lemma = dl_lexicon_verb_def(c->lex, g.verb)->lemma;
            bool adjectival = be && g.end < end &&
                              ((is(c, g.end, "to") && dl_streq(lemma, "oppose")) ||
                               (is(c, g.end, "in") && (dl_streq(lemma, "engage") || dl_streq(lemma, "involve"))));
            if (be && (f & DL_VF_PP) && !(f & DL_VF_ING) && !adjectival) {
                /* "was accused": passive unless an object follows directly
                 * (a past form that is also a participle) */
                g.passive = true;
                g.forms = DL_VF_PP;
            } else if (be && (f & DL_VF_ING)) {
                g.forms = DL_VF_ING;
            } else if (have && (f & DL_VF_PP)) {
                g.forms = DL_VF_PP;
            }
            g.finite = modal || be || have || (!g.infinitive && (f & (DL_VF_PAST | DL_VF_S))) ||
                       (!g.infinitive && (f & DL_VF_BASE) && vctx);
            if (!be && !have && !modal && (f & DL_VF_ING) && !(f & (DL_VF_PAST | DL_VF_S | DL_VF_BASE)))
                g.gerund = true, g.finite = false;
            if (!be && !have && !modal && (f & DL_VF_PP) && !(f & DL_VF_PAST) && !(f & DL_VF_BASE)) g.finite = false;
            /* "its written reply", "the signed deal": a participle used as an adjective */
            if (!be && !have && !modal && (f & DL_VF_PP) && !(f & (DL_VF_BASE | DL_VF_S)) && i > first &&
                (((wc(c, i - 1) & DL_W_DET) && !is(c, i - 1, "that") && !is(c, i - 1, "which")) ||
                 is(c, i - 1, "'s") ||
                 (c->tok[i - 1].mention != NONE && c->mentions.v[c->tok[i - 1].mention].possessive)) &&
                g.end < end && c->doc->tokens[g.end].kind == DL_TOK_WORD && !wc(c, g.end)) {
                g.finite = false;
                g.participle = true;
            }
            /* "troops sent to Belarus", "forces stationed near the border": a
             * participle after a group of people or things, not their act */
            const char *bc = dl_lexicon_block(c->lex, g.block)->code;
            bool transfer = strncmp(bc, "07", 2) == 0 || strncmp(bc, "15", 2) == 0 || strncmp(bc, "17", 2) == 0 ||
                            strncmp(bc, "18", 2) == 0 || strncmp(bc, "19", 2) == 0 || !bc[0];
            if (!be && !have && !modal && (f & DL_VF_PP) && transfer && g.end == i + 1 && i > first &&
                c->tok[i - 1].mention != NONE &&
                c->mentions.v[c->tok[i - 1].mention].kind == M_AGENT && g.end < end && !c->tok[g.end].timex &&
                (is(c, g.end, "to") || is(c, g.end, "into") || is(c, g.end, "near") || is(c, g.end, "in") ||
                 is(c, g.end, "along") || is(c, g.end, "across") || is(c, g.end, "inside") || is(c, g.end, "by") ||
                 is(c, g.end, "from") || is(c, g.end, "at")) &&
                !(dl_lexicon_block(c->lex, g.block)->flags & DL_VB_SPEECH)) {
                g.finite = false;
                g.participle = true;
            }
            /* an "if"/"unless" clause makes the verb hypothetical */
            for (uint32_t q = i; q-- > first;) {
                if (is(c, q, ",") || is(c, q, ";") || is(c, q, ":")) break;
                if (is(c, q, "if") || is(c, q, "unless") || is(c, q, "whether")) {
                    g.hypothetical = true;
                    break;
                }
            }
        }
        if (!vec_push(&c->vgroups, g)) return DL_ERR_NOMEM;
        for (uint32_t t = g.start; t < g.end; t++) c->tok[t].vg = (uint32_t)(c->vgroups.n - 1);
        i = g.end;
    }
    return DL_OK;
}
