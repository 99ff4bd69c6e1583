/* verbs.c - the verb dictionary: synonym blocks of verbs with CAMEO codes
 * and patterns, in a dialect of the PETRARCH/TABARI verb format (described
 * in the header of data/verbs.txt), plus irregular verb forms and the verb
 * composition table. */
#include <stdlib.h>
#include <string.h>

#include "lexicon_private.h"
#include "morph.h"

#define MAXW 16

typedef struct {
    char name[64];
    uint32_t first_alt, n_alts;
} synset;

typedef struct {
    const char *form;
    uint32_t bits;
} form_bits;

typedef struct {
    char lemma[64];
    char past[3][64], pp[3][64];
    int n_past, n_pp;
} irregular;

/* Loading state kept between the irregular list and the verb file. */
typedef struct {
    VEC(irregular) irr;
} verb_state;

static verb_state vstate; /* loading is single-threaded; freed in finish */

#define FAIL(...) dl_error_set(err, DL_ERR_INPUT, lex->files.v[file], it.line, -1, __VA_ARGS__)
#define NOMEM() dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory")

static void lower_copy(char *dst, size_t cap, const char *s, size_t n) {
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) dst[k++] = (char)dl_lower((unsigned char)s[i]);
    dst[k] = 0;
}

/* data/irregular_verbs.txt: "lemma past[/past2] pp[/pp2]". */
dl_status dl_lex_load_irregular(dl_lexicon *lex, const char *text, size_t len, uint32_t file, dl_error *err) {
    dl_lines it = {text, text + len, 0};
    const char *s;
    size_t n;
    while (dl_lines_next(&it, &s, &n, true)) {
        dl_trim(&s, &n);
        if (!n) continue;
        char line[256], a[64], b[200], c[200];
        lower_copy(line, sizeof line, s, n);
        if (sscanf(line, "%63s %199s %199s", a, b, c) != 3) return FAIL("expected: lemma past pp");
        irregular ir = {0};
        snprintf(ir.lemma, sizeof ir.lemma, "%s", a);
        char *save, *tok;
        for (tok = strtok_r(b, "/", &save); tok && ir.n_past < 3; tok = strtok_r(NULL, "/", &save))
            snprintf(ir.past[ir.n_past++], 64, "%s", tok);
        for (tok = strtok_r(c, "/", &save); tok && ir.n_pp < 3; tok = strtok_r(NULL, "/", &save))
            snprintf(ir.pp[ir.n_pp++], 64, "%s", tok);
        if (!vec_push(&vstate.irr, ir)) return NOMEM();
        /* every form is a verb, coded or not: clause boundaries need them */
        form_bits marks[8];
        int nm = 0;
        marks[nm++] = (form_bits){ir.lemma, DL_VF_BASE};
        for (int i = 0; i < ir.n_past; i++) marks[nm++] = (form_bits){ir.past[i], DL_VF_PAST};
        for (int i = 0; i < ir.n_pp; i++) marks[nm++] = (form_bits){ir.pp[i], DL_VF_PP};
        for (int i = 0; i < nm; i++) {
            uint32_t id = dl_intern(&lex->words, marks[i].form, strlen(marks[i].form), 1);
            if (id == DL_NO_ID || !dl_lex_grow_words(lex)) return NOMEM();
            lex->anyverb.v[id] |= marks[i].bits;
        }
    }
    return DL_OK;
}

static const irregular *find_irregular(const char *lemma) {
    for (size_t i = 0; i < vstate.irr.n; i++)
        if (strcmp(vstate.irr.v[i].lemma, lemma) == 0) return &vstate.irr.v[i];
    return NULL;
}

/* Register one form (a word sequence) of verb `verb`. */
static bool add_form(dl_lexicon *lex, const uint32_t *ids, size_t n, uint32_t verb, uint32_t forms) {
    for (size_t i = 0; i < n; i++)
        if (ids[i] >= lex->starts.n && !dl_lex_grow_words(lex)) return false;
    if (n) lex->starts.v[ids[0]] |= STARTS_VERB;
    for (size_t i = 1; i < n; i++) lex->starts.v[ids[i]] |= IN_VERB;
    uint32_t node = 0;
    for (size_t i = 0; i < n && node != DL_NO_ID; i++) node = dl_trie_step(&lex->vtrie, node, ids[i], 1);
    if (node == DL_NO_ID) return false;
    /* the same node and verb again (e.g. "met" as past and participle):
     * merging happens in dl_lex_finish_verbs() */
    node_verb nv = {node, verb, forms};
    return vec_push(&lex->nodeverb, nv);
}

/* Forms of a verb whose words are w[0..n), the inflected one at index h:
 * every inflection of w[h] with the other words unchanged. */
static bool add_verb_forms(dl_lexicon *lex, char w[][64], size_t n, size_t h, uint32_t verb) {
    char s_form[64], ed[2][64], ing[2][64];
    if (lex->blocks.v[lex->verbs.v[verb].block].flags & DL_VB_NOUN) {
        /* event nouns: singular and plural ("talk"/"talks") */
        char pl[64];
        dl_morph_plural(w[n - 1], pl);
        const char *forms2[2] = {w[n - 1], pl};
        uint32_t ids[MAXW];
        for (int f = 0; f < 2; f++) {
            bool one = true; /* every word one token (else skip the form) */
            for (size_t i = 0; i < n && one; i++) {
                const char *word = i == n - 1 ? forms2[f] : w[i];
                one = dl_lex_phrase_ids(lex, word, strlen(word), ids + i, 1) == 1;
            }
            if (one && !add_form(lex, ids, n, verb, f ? DL_VF_S : DL_VF_BASE)) return false;
        }
        (void)h;
        return true;
    }
    const irregular *ir = find_irregular(w[h]);
    int v = dl_morph_verb(w[h], s_form, ed, ing);
    form_bits forms[24];
    size_t nf = 0;
    forms[nf++] = (form_bits){w[h], DL_VF_BASE};
    forms[nf++] = (form_bits){s_form, DL_VF_S};
    if (strcmp(w[h], "be") == 0) { /* the only verb with more present forms */
        forms[nf++] = (form_bits){"is", DL_VF_S};
        forms[nf++] = (form_bits){"are", DL_VF_BASE};
        forms[nf++] = (form_bits){"am", DL_VF_BASE};
        forms[nf++] = (form_bits){"'re", DL_VF_BASE}; /* clitics: "we're ready" */
        forms[nf++] = (form_bits){"'s", DL_VF_S};
        forms[nf++] = (form_bits){"'m", DL_VF_BASE};
    }
    for (int i = 0; i < v; i++) forms[nf++] = (form_bits){ing[i], DL_VF_ING};
    if (ir) {
        for (int i = 0; i < ir->n_past; i++) forms[nf++] = (form_bits){ir->past[i], DL_VF_PAST};
        for (int i = 0; i < ir->n_pp; i++) forms[nf++] = (form_bits){ir->pp[i], DL_VF_PP};
    } else {
        for (int i = 0; i < v; i++) forms[nf++] = (form_bits){ed[i], DL_VF_PAST | DL_VF_PP};
    }
    uint32_t ids[MAXW];
    for (size_t f = 0; f < nf; f++) {
        bool one = true; /* every word one token (else skip the form) */
        for (size_t i = 0; i < n && one; i++) {
            const char *word = i == h ? forms[f].form : w[i];
            size_t k;
            if (word[0] == '\'') { /* a clitic is one token in text, interned as is */
                ids[i] = dl_intern(&lex->words, word, strlen(word), 1);
                k = ids[i] == DL_NO_ID ? 0 : 1;
                if (k && !dl_lex_grow_words(lex)) k = 0;
            } else {
                k = dl_lex_phrase_ids(lex, word, strlen(word), ids + i, 1);
            }
            one = k == 1;
        }
        if (!one) continue;
        if (!add_form(lex, ids, n, verb, forms[f].bits) || !dl_lex_grow_words(lex)) return false;
        lex->anyverb.v[ids[h]] |= forms[f].bits; /* for finding clauses */
    }
    return true;
}

/* Split a PETRARCH verb token "CALL_+OFF" / "+BEEF_UP" / "MEET" into words
 * (lower case) and the index of the inflected word. */
static size_t split_verb(const char *s, size_t n, char w[][64], size_t *head) {
    size_t k = 0;
    *head = 0;
    const char *end = s + n;
    while (s < end && k < MAXW) {
        const char *u = s;
        while (u < end && *u != '_' && *u != ' ') u++;
        const char *word = s;
        size_t wl = (size_t)(u - s);
        bool is_head = false;
        if (wl && word[0] == '+') {
            is_head = true;
            word++;
            wl--;
        }
        /* "test-fire": pieces "test", "-", "fire" (the last one inflects) */
        while (wl && k < MAXW) {
            const char *dash = memchr(word, '-', wl);
            size_t pl = dash ? (size_t)(dash - word) : wl;
            if (pl) lower_copy(w[k++], 64, word, pl);
            if (!dash) break;
            if (k < MAXW) snprintf(w[k++], 64, "-");
            wl -= pl + 1;
            word = dash + 1;
        }
        if (is_head && k) *head = k - 1;
        s = u + 1;
    }
    return k;
}

static bool parse_code(const char *s, size_t n, char out[8]) {
    /* "[040]", "[042:043]" (the source's code), "[:173]" (only the other
     * side's: taken as the code), "[---]" */
    if (n < 3 || s[0] != '[') return false;
    size_t k = 0, i = 1;
    if (i < n && s[i] == ':') i++;
    for (; i < n && s[i] != ']' && s[i] != ':' && k < 7; i++) out[k++] = s[i];
    out[k] = 0;
    return k > 0;
}

/* ---- patterns ---------------------------------------------------------- */

typedef struct {
    VEC(synset) syn;
} syn_table;

static syn_table syns;

static const synset *find_synset(const char *name) {
    for (size_t i = 0; i < syns.syn.n; i++)
        if (strcmp(syns.syn.v[i].name, name) == 0) return &syns.syn.v[i];
    return NULL;
}

/* Add one word sequence (phrase text, '_' or ' ' separated) as an
 * alternative; returns its index or DL_NO_ID. */
static uint32_t add_seq(dl_lexicon *lex, const char *s, size_t n) {
    char buf[256];
    if (n >= sizeof buf) return DL_NO_ID;
    for (size_t i = 0; i < n; i++) buf[i] = s[i] == '_' ? ' ' : s[i];
    buf[n] = 0;
    uint32_t ids[MAXW];
    size_t k = dl_lex_phrase_ids(lex, buf, n, ids, MAXW);
    if (!k) return DL_NO_ID;
    dl_word_seq seq = {(uint32_t)lex->seqwords.n, (uint32_t)k};
    for (size_t i = 0; i < k; i++)
        if (!vec_push(&lex->seqwords, ids[i])) return DL_NO_ID;
    if (!vec_push(&lex->alts, seq)) return DL_NO_ID;
    return (uint32_t)(lex->alts.n - 1);
}

typedef struct {
    dl_lexicon *lex;
    dl_pattern_elem pre[24], post[24];
    size_t n_pre, n_post;
    bool after_verb;
    bool bad;
} pat_build;

static void push_elem(pat_build *b, dl_pattern_elem e) {
    if (b->after_verb) {
        if (b->n_post < 24) b->post[b->n_post++] = e;
        else b->bad = true;
    } else {
        if (b->n_pre < 24) b->pre[b->n_pre++] = e;
        else b->bad = true;
    }
}

/* One pattern item: a word, a {phrase}, an &synset, a/b alternatives. */
static bool word_elem(pat_build *b, const char *s, size_t n, uint8_t flags) {
    dl_pattern_elem e = {.kind = DL_PE_WORD, .flags = flags};
    e.first_alt = (uint32_t)b->lex->alts.n;
    if (s[0] == '&') {
        char name[64];
        lower_copy(name, sizeof name, s, n);
        const synset *sy = find_synset(name);
        if (!sy) return false; /* PETRARCH ignores patterns with unknown synsets */
        e.first_alt = sy->first_alt;
        e.n_alts = (uint16_t)sy->n_alts;
        push_elem(b, e);
        return true;
    }
    const char *end = s + n;
    while (s < end) {
        const char *slash = memchr(s, '/', (size_t)(end - s));
        const char *e2 = slash ? slash : end;
        if (e2 > s) {
            if (add_seq(b->lex, s, (size_t)(e2 - s)) == DL_NO_ID) return false;
            e.n_alts++;
        }
        s = slash ? slash + 1 : end;
    }
    if (!e.n_alts) return false;
    push_elem(b, e);
    return true;
}

/* Parse the items of a pattern body (between '-' and the code). */
static bool parse_items(pat_build *b, const char *s, size_t n) {
    const char *end = s + n;
    int in_prep = 0;
    bool expect_prep = false, anywhere = false;
    while (s < end) {
        while (s < end && (*s == ' ' || *s == '\t')) s++;
        if (s >= end) break;
        if (*s == '(') {
            in_prep++;
            expect_prep = true;
            s++;
            continue;
        }
        if (*s == ')') {
            if (in_prep) in_prep--;
            s++;
            continue;
        }
        const char *t = s;
        size_t tl;
        if (*s == '{') {
            const char *close = memchr(s, '}', (size_t)(end - s));
            if (!close) return false;
            t = s + 1;
            tl = (size_t)(close - t);
            s = close + 1;
        } else {
            while (s < end && *s != ' ' && *s != '\t' && *s != '(' && *s != ')') s++;
            tl = (size_t)(s - t);
        }
        if (!tl) continue;
        if (tl == 3 && strncmp(t, "...", 3) == 0) { /* the next item may be far */
            anywhere = true;
            continue;
        }
        uint8_t flags = in_prep && !expect_prep ? DL_PEF_CONSECUTIVE : 0;
        if (anywhere) flags |= DL_PEF_ANYWHERE;
        anywhere = false;
        if (tl == 1 && *t == '*') {
            b->after_verb = true;
            continue;
        }
        if (tl == 1 && (*t == '+' || *t == '%')) {
            push_elem(b, (dl_pattern_elem){.kind = DL_PE_TARGET, .flags = flags});
            expect_prep = false;
            continue;
        }
        if (tl == 1 && *t == '$') {
            push_elem(b, (dl_pattern_elem){.kind = DL_PE_SOURCE, .flags = flags});
            expect_prep = false;
            continue;
        }
        if (tl == 1 && *t == '^') {
            push_elem(b, (dl_pattern_elem){.kind = DL_PE_SKIP_NP, .flags = flags});
            expect_prep = false;
            continue;
        }
        /* within "{...}" spaces separate consecutive words */
        char buf[256];
        if (tl >= sizeof buf) return false;
        memcpy(buf, t, tl);
        buf[tl] = 0;
        if (!word_elem(b, buf, tl, flags)) return false;
        if (expect_prep) {
            b->after_verb ? (b->post[b->n_post - 1].kind = DL_PE_PREP) : (b->pre[b->n_pre - 1].kind = DL_PE_PREP);
            expect_prep = false;
        }
    }
    return !b->bad;
}

static dl_status add_pattern(dl_lexicon *lex, uint32_t block, const char *s, size_t n, uint32_t where, bool *skipped,
                             dl_error *err) {
    *skipped = false;
    /* the code is the last "[...]" */
    const char *lb = NULL;
    for (const char *p = s; p < s + n; p++)
        if (*p == '[') lb = p;
    char code[8] = "";
    if (!lb || !parse_code(lb, (size_t)(s + n - lb), code))
        return dl_error_set(err, DL_ERR_INPUT, dl_lexicon_where(lex, where), -1, -1, "pattern without [CODE]");
    pat_build b = {.lex = lex};
    if (!parse_items(&b, s, (size_t)(lb - s)) || !b.after_verb) {
        *skipped = true; /* unknown synset or no '*': ignored, like PETRARCH */
        return DL_OK;
    }
    dl_pattern p = {.where = where};
    snprintf(p.code, sizeof p.code, "%s", code);
    p.first_pre = (uint32_t)lex->elems.n;
    p.n_pre = (uint32_t)b.n_pre;
    for (size_t i = 0; i < b.n_pre; i++)
        if (!vec_push(&lex->elems, b.pre[i])) return NOMEM();
    p.first_post = (uint32_t)lex->elems.n;
    p.n_post = (uint32_t)b.n_post;
    for (size_t i = 0; i < b.n_post; i++) {
        if (!vec_push(&lex->elems, b.post[i])) return NOMEM();
        p.post_party |= b.post[i].kind == DL_PE_TARGET || b.post[i].kind == DL_PE_SOURCE;
    }
    if (!vec_push(&lex->patterns, p)) return NOMEM();
    dl_verb_block *bl = &lex->blocks.v[block];
    if (!bl->n_patterns) bl->first_pattern = (uint32_t)(lex->patterns.n - 1);
    bl->n_patterns++;
    return DL_OK;
}

dl_status dl_lex_load_verbs(dl_lexicon *lex, const char *text, size_t len, uint32_t file, dl_error *err) {
    dl_lines it = {text, text + len, 0};
    const char *s;
    size_t n;
    uint32_t block = DL_NO_ID;
    synset *cur_syn = NULL;
    while (dl_lines_next(&it, &s, &n, false)) {
        /* comments: '#' to end of line */
        const char *h = memchr(s, '#', n);
        if (h) n = (size_t)(h - s);
        dl_trim(&s, &n);
        if (!n) continue;
        uint32_t where = WHERE(file, it.line);
        if (s[0] == '&') {
            synset sy = {0};
            lower_copy(sy.name, sizeof sy.name, s, n);
            char *sp = strpbrk(sy.name, " \t");
            if (sp) *sp = 0;
            sy.first_alt = (uint32_t)lex->alts.n;
            if (!vec_push(&syns.syn, sy)) return NOMEM();
            cur_syn = &syns.syn.v[syns.syn.n - 1];
            block = DL_NO_ID;
            continue;
        }
        if (s[0] == '+' && cur_syn && block == DL_NO_ID) {
            /* a synset member; alternatives must be contiguous */
            if (cur_syn->first_alt + cur_syn->n_alts != lex->alts.n) return FAIL("synset members must be contiguous");
            size_t ml = n - 1;
            const char *m = s + 1;
            dl_trim(&m, &ml);
            if (ml && m[ml - 1] == '_') ml--;
            if (ml && add_seq(lex, m, ml) == DL_NO_ID) return FAIL("bad synset member");
            if (ml) cur_syn->n_alts++;
            continue;
        }
        if (n >= 3 && strncmp(s, "---", 3) == 0) {
            cur_syn = NULL;
            dl_verb_block bl = {.where = where};
            const char *lb = memchr(s, '[', n);
            const char *name = s + 3;
            size_t nl = (size_t)((lb ? lb : s + n) - name);
            dl_trim(&name, &nl);
            bl.name = dl_lex_str(lex, name, nl);
            if (lb) {
                char code[8];
                if (parse_code(lb, (size_t)(s + n - lb), code) && strcmp(code, "---") != 0)
                    snprintf(bl.code, sizeof bl.code, "%s", code);
                const char *rb = memchr(lb, ']', (size_t)(s + n - lb));
                if (rb) {
                    char flags[128];
                    lower_copy(flags, sizeof flags, rb + 1, (size_t)(s + n - rb - 1));
                    if (strstr(flags, "speech")) bl.flags |= DL_VB_SPEECH;
                    if (strstr(flags, "symmetric")) bl.flags |= DL_VB_SYMMETRIC;
                    if (strstr(flags, "intransitive")) bl.flags |= DL_VB_INTRANSITIVE;
                    if (strstr(flags, "noun")) bl.flags |= DL_VB_NOUN;
                    if (strstr(flags, "reverse")) bl.flags |= DL_VB_REVERSE;
                    if (strstr(flags, "paired")) bl.flags |= DL_VB_PAIRED;
                    const char *neg = strstr(flags, "negated=");
                    if (neg) sscanf(neg + 8, "%7[0-9-]", bl.negated);
                }
            }
            if (!bl.name || !vec_push(&lex->blocks, bl)) return NOMEM();
            block = (uint32_t)(lex->blocks.n - 1);
            continue;
        }
        if (s[0] == '~') continue; /* PETRARCH transformations: not used */
        if (block == DL_NO_ID) return FAIL("verb or pattern outside a '--- NAME [CODE] ---' block");
        if (s[0] == '-') {
            bool skipped;
            dl_status st = add_pattern(lex, block, s + 1, n - 1, where, &skipped, err);
            if (st != DL_OK) return st;
            continue;
        }
        /* a verb line: VERB [CODE] {FORMS} */
        const char *e = s;
        while (e < s + n && *e != ' ' && *e != '\t' && *e != '[' && *e != '{') e++;
        char w[MAXW][64];
        size_t head;
        size_t nw = split_verb(s, (size_t)(e - s), w, &head);
        if (!nw) return FAIL("empty verb");
        dl_verb_def v = {.block = block, .where = where};
        char lemma[256] = "";
        for (size_t i = 0; i < nw; i++) {
            strncat(lemma, i ? " " : "", sizeof lemma - strlen(lemma) - 1);
            strncat(lemma, w[i], sizeof lemma - strlen(lemma) - 1);
        }
        for (size_t i = 0; i < nw; i++) {
            uint32_t id;
            if (dl_lex_phrase_ids(lex, w[i], strlen(w[i]), &id, 1) != 1)
                return FAIL("verb '%s': '%s' is not one word (join words with '_')", lemma, w[i]);
        }
        v.lemma = dl_lex_str(lex, lemma, strlen(lemma));
        const char *lb = memchr(e, '[', (size_t)(s + n - e));
        const char *cb = memchr(e, '{', (size_t)(s + n - e));
        if (lb && (!cb || lb < cb)) {
            char code[8];
            if (parse_code(lb, (size_t)(s + n - lb), code)) snprintf(v.code, sizeof v.code, "%s", code);
        }
        if (!v.lemma || !vec_push(&lex->verbs, v)) return NOMEM();
        uint32_t vi = (uint32_t)(lex->verbs.n - 1);
        if (!add_verb_forms(lex, w, nw, head, vi)) return NOMEM();
        if (cb) {
            /* explicit irregular forms: "{MET MEETS MEETING}" */
            const char *ce = memchr(cb, '}', (size_t)(s + n - cb));
            const char *p = cb + 1;
            while (ce && p < ce) {
                while (p < ce && (*p == ' ' || *p == '\t')) p++;
                const char *q = p;
                while (q < ce && *q != ' ' && *q != '\t') q++;
                if (q > p) {
                    char fw[MAXW][64];
                    size_t fh;
                    size_t fn = split_verb(p, (size_t)(q - p), fw, &fh);
                    uint32_t ids[MAXW];
                    bool ok = fn > 0;
                    for (size_t i = 0; ok && i < fn; i++) ok = dl_lex_phrase_ids(lex, fw[i], strlen(fw[i]), ids + i, 1) == 1;
                    if (ok) {
                        size_t L = strlen(fw[fh]);
                        uint32_t bits = L > 3 && strcmp(fw[fh] + L - 3, "ing") == 0 ? DL_VF_ING
                                        : fw[fh][L - 1] == 's'                      ? DL_VF_S
                                                                                    : DL_VF_PAST | DL_VF_PP;
                        if (!add_form(lex, ids, fn, vi, bits) || !dl_lex_grow_words(lex)) return NOMEM();
                        lex->anyverb.v[ids[fh]] |= bits;
                    }
                }
                p = q;
            }
        }
    }
    return DL_OK;
}

static int cmp_nodeverb(const void *a, const void *b) {
    const node_verb *x = a, *y = b;
    if (x->node != y->node) return x->node < y->node ? -1 : 1;
    return x->verb < y->verb ? -1 : x->verb > y->verb;
}

/* The number a code's first two digits make (0-99), or -1. */
static int two_digits(const char *code) {
    if (code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9') return -1;
    return (code[0] - '0') * 10 + (code[1] - '0');
}

static dl_status load_compose(dl_lexicon *lex, dl_error *err) {
    size_t len;
    const char *text = dl_data_get("compose.txt", &len);
    if (!text) return DL_OK;
    dl_lines it = {text, text + len, 0};
    const char *s;
    size_t n;
    uint32_t file = 0;
    (void)file;
    while (dl_lines_next(&it, &s, &n, true)) {
        dl_trim(&s, &n);
        if (!n) continue;
        compose_rule r;
        char line[128];
        lower_copy(line, sizeof line, s, n);
        if (sscanf(line, "%7s %7s %7s", r.main, r.comp, r.result) != 3)
            return dl_error_set(err, DL_ERR_INPUT, "data/compose.txt", it.line, -1, "expected: MAIN COMPLEMENT RESULT");
        r.main_len = (uint8_t)strlen(r.main);
        r.comp_len = (uint8_t)strlen(r.comp);
        if (!vec_push(&lex->compose, r)) return NOMEM();
    }
    /* chain the rules by their main code's first two digits, backwards so
     * that each chain is in file order */
    for (int d = 0; d < 100; d++) lex->compose_head[d] = DL_NO_ID;
    if (!vec_reserve(&lex->compose_next, lex->compose.n)) return NOMEM();
    lex->compose_next.n = lex->compose.n;
    for (size_t i = lex->compose.n; i-- > 0;) {
        int d = two_digits(lex->compose.v[i].main);
        if (d < 0) lex->compose_scan_all = true;
        else {
            lex->compose_next.v[i] = lex->compose_head[d];
            lex->compose_head[d] = (uint32_t)i;
        }
    }
    return DL_OK;
}

dl_status dl_lex_finish_verbs(dl_lexicon *lex, dl_error *err) {
    if (lex->nodeverb.n) qsort(lex->nodeverb.v, lex->nodeverb.n, sizeof *lex->nodeverb.v, cmp_nodeverb);
    size_t k = 0; /* merge entries of one verb at one node */
    for (size_t i = 0; i < lex->nodeverb.n; i++) {
        if (k && lex->nodeverb.v[k - 1].node == lex->nodeverb.v[i].node &&
            lex->nodeverb.v[k - 1].verb == lex->nodeverb.v[i].verb)
            lex->nodeverb.v[k - 1].forms |= lex->nodeverb.v[i].forms;
        else
            lex->nodeverb.v[k++] = lex->nodeverb.v[i];
    }
    lex->nodeverb.n = k;
    size_t nodes = lex->vtrie.n_nodes + 1;
    if (!vec_reserve(&lex->vnode_first, nodes)) return NOMEM();
    memset(lex->vnode_first.v, 0, nodes * sizeof *lex->vnode_first.v);
    lex->vnode_first.n = nodes;
    for (size_t i = lex->nodeverb.n; i-- > 0;) lex->vnode_first.v[lex->nodeverb.v[i].node] = (uint32_t)i + 1;
    /* plural/singular variants of every pattern word, so that both match */
    size_t n_seq = lex->seqwords.n;
    for (size_t i = 0; i < n_seq; i++) {
        char w[64], alt[64];
        const char *wi = dl_interned(&lex->words, lex->seqwords.v[i]);
        if (strlen(wi) >= 60) continue;
        snprintf(w, sizeof w, "%s", wi); /* interning below may move wi */
        dl_morph_plural(w, alt);
        if (dl_intern(&lex->words, alt, strlen(alt), 1) == DL_NO_ID) return NOMEM();
        dl_morph_singular(w, alt);
        if (dl_intern(&lex->words, alt, strlen(alt), 1) == DL_NO_ID) return NOMEM();
    }
    if (!dl_lex_grow_words(lex)) return NOMEM();
    dl_lex_verbs_reset();
    return load_compose(lex, err);
}

void dl_lex_verbs_reset(void) {
    free(vstate.irr.v);
    memset(&vstate, 0, sizeof vstate);
    free(syns.syn.v);
    memset(&syns, 0, sizeof syns);
}

bool dl_lexicon_may_start_verb(const dl_lexicon *lex, uint32_t word) {
    return word < lex->starts.n && (lex->starts.v[word] & STARTS_VERB);
}

size_t dl_lexicon_verb(const dl_lexicon *lex, const uint32_t *words, size_t n, const dl_verb_hit **hits,
                       size_t *n_hits) {
    uint32_t node = 0;
    size_t best = 0;
    *hits = NULL;
    *n_hits = 0;
    if (!n || words[0] >= lex->starts.n || !(lex->starts.v[words[0]] & STARTS_VERB)) return 0;
    for (size_t i = 0; i < n && i < MAXW; i++) {
        if (i == 0 && words[0] < lex->verb_root.n) node = lex->verb_root.v[words[0]];
        else if (i && (words[i] >= lex->starts.n || !(lex->starts.v[words[i]] & IN_VERB))) node = DL_NO_ID;
        else node = dl_trie_next(&lex->vtrie, node, words[i]);
        if (node == DL_NO_ID) break;
        uint32_t first = node < lex->vnode_first.n ? lex->vnode_first.v[node] : 0;
        if (!first) continue;
        size_t a = first - 1, b = a;
        while (b < lex->nodeverb.n && lex->nodeverb.v[b].node == node) b++;
        best = i + 1;
        *hits = &lex->nodeverb.v[a];
        *n_hits = b - a;
    }
    return best;
}

const dl_verb_def *dl_lexicon_verb_def(const dl_lexicon *lex, uint32_t v) { return v < lex->verbs.n ? &lex->verbs.v[v] : NULL; }
const dl_verb_block *dl_lexicon_block(const dl_lexicon *lex, uint32_t b) { return b < lex->blocks.n ? &lex->blocks.v[b] : NULL; }
const dl_pattern *dl_lexicon_pattern(const dl_lexicon *lex, uint32_t i) { return i < lex->patterns.n ? &lex->patterns.v[i] : NULL; }
const dl_pattern_elem *dl_lexicon_elem(const dl_lexicon *lex, uint32_t i) { return i < lex->elems.n ? &lex->elems.v[i] : NULL; }
const dl_word_seq *dl_lexicon_alt(const dl_lexicon *lex, uint32_t i) { return i < lex->alts.n ? &lex->alts.v[i] : NULL; }
uint32_t dl_lexicon_seq_word(const dl_lexicon *lex, uint32_t i) { return i < lex->seqwords.n ? lex->seqwords.v[i] : DL_WORD_NONE; }

bool dl_lexicon_word_matches(const dl_lexicon *lex, uint32_t word, uint32_t pw) {
    if (word == pw) return true;
    if (word >= lex->sing.n || pw >= lex->sing.n) return false; /* DL_WORD_NONE too */
    uint32_t a = lex->sing.v[word];
    return a != DL_NO_ID && a == lex->sing.v[pw];
}

/* Words match (dl_lexicon_word_matches) exactly when their keys are equal:
 * the singular's id, or for a word too long to inflect its own id. */
static uint32_t match_key(const dl_lexicon *lex, uint32_t w) {
    uint32_t s = lex->sing.v[w];
    return s != DL_NO_ID ? s : 0x80000000u | w;
}

/* The bit of (range << 1 | last, key) in lex->alt_bloom: 2^20 bits (128 KB)
 * for some 15,000 pairs, so that few absent pairs share a bit. */
#define ALT_BLOOM_WORDS (1u << 14)
static inline size_t alt_bit(uint32_t node, uint32_t key) {
    uint64_t x = ((uint64_t)node << 32 | key) * 0x9E3779B97F4A7C15ull;
    return (size_t)(x >> 44); /* the top 20 bits */
}

bool dl_lex_index_alts(dl_lexicon *lex) {
    for (int d = 0; d < 2; d++) {
        if (!vec_reserve(&lex->alt_next[d], lex->alts.n) || !vec_reserve(&lex->elem_sig[d], lex->elems.n)) return false;
        for (size_t a = 0; a < lex->alts.n; a++) lex->alt_next[d].v[a] = DL_WORD_NONE;
        if (lex->elems.n) /* (no memset on the NULL of an empty vector: UBSan) */
            memset(lex->elem_sig[d].v, 0, lex->elems.n * sizeof *lex->elem_sig[d].v);
        lex->alt_next[d].n = lex->alts.n;
        lex->elem_sig[d].n = lex->elems.n;
    }
    for (size_t i = 0; i < lex->elems.n; i++) { /* each element's slots */
        const dl_pattern_elem *e = &lex->elems.v[i];
        for (uint32_t a = e->first_alt; a < e->first_alt + e->n_alts && a < lex->alts.n; a++) {
            const dl_word_seq *q = &lex->alts.v[a];
            if (!q->n_words) continue; /* never matches */
            dl_word_sig_add(&lex->elem_sig[0].v[i], dl_lexicon_word_slot(lex, lex->seqwords.v[q->first_word]));
            dl_word_sig_add(&lex->elem_sig[1].v[i],
                            dl_lexicon_word_slot(lex, lex->seqwords.v[q->first_word + q->n_words - 1]));
        }
    }
    if (!vec_reserve(&lex->pat_need, lex->patterns.n)) return false;
    lex->pat_need.n = lex->patterns.n;
    for (size_t p = 0; p < lex->patterns.n; p++) { /* each pattern's most selective word element */
        const dl_pattern *pt = &lex->patterns.v[p];
        dl_word_sig *need = &lex->pat_need.v[p];
        memset(need, 0xFF, sizeof *need);
        int fewest = 257;
        for (int side = 0; side < 2; side++) {
            uint32_t first = side ? pt->first_post : pt->first_pre, n = side ? pt->n_post : pt->n_pre;
            for (uint32_t k = first; k < first + n && k < lex->elems.n; k++) {
                const dl_pattern_elem *e = &lex->elems.v[k];
                if (e->kind == DL_PE_TARGET || e->kind == DL_PE_SOURCE || e->kind == DL_PE_SKIP_NP) continue;
                const dl_word_sig *s = &lex->elem_sig[0].v[k];
                int bits = 0;
                for (int w = 0; w < 4; w++)
                    for (uint64_t x = s->bits[w]; x; x &= x - 1) bits++;
                if (bits < fewest) {
                    fewest = bits;
                    *need = *s;
                }
            }
        }
    }
    /* each block's patterns by need slot (dl_lexicon_block_candidates()) */
    size_t total = 0;
    for (size_t b = 0; b < lex->blocks.n; b++) total += ((size_t)lex->blocks.v[b].n_patterns + 63) / 64 * 256;
    lex->pat_masks.n = lex->pat_masks_at.n = 0;
    if (!vec_reserve(&lex->pat_masks, total) || !vec_reserve(&lex->pat_masks_at, lex->blocks.n)) return false;
    if (total) memset(lex->pat_masks.v, 0, total * sizeof *lex->pat_masks.v);
    for (size_t b = 0, at = 0; b < lex->blocks.n; b++) {
        const dl_verb_block *bl = &lex->blocks.v[b];
        lex->pat_masks_at.v[b] = (uint32_t)at;
        for (uint32_t k = 0; k < bl->n_patterns && (size_t)bl->first_pattern + k < lex->patterns.n; k++) {
            const dl_word_sig *need = &lex->pat_need.v[bl->first_pattern + k];
            for (int w = 0; w < 4; w++)
                for (uint64_t x = need->bits[w]; x; x &= x - 1)
                    lex->pat_masks.v[at + k / 64 * 256 + (size_t)w * 64 + (size_t)__builtin_ctzll(x)] |= 1ull << (k % 64);
        }
        at += ((size_t)bl->n_patterns + 63) / 64 * 256;
    }
    lex->pat_masks.n = total;
    lex->pat_masks_at.n = lex->blocks.n;
    lex->alt_bloom.n = 0;
    for (size_t i = 0; i < lex->elems.n; i++) {
        const dl_pattern_elem *e = &lex->elems.v[i];
        if (!e->n_alts) continue;
        /* elements share ranges (a synset's): index each range once */
        if (dl_trie_next(&lex->altidx, e->first_alt << 1, DL_NO_ID - 1) != DL_NO_ID) continue;
        if (dl_trie_step(&lex->altidx, e->first_alt << 1, DL_NO_ID - 1, 1) == DL_NO_ID) return false;
        for (uint32_t a = e->first_alt + e->n_alts; a-- > e->first_alt;) { /* backwards: chains in order */
            const dl_word_seq *q = &lex->alts.v[a];
            if (!q->n_words) continue; /* never matches */
            for (uint32_t last = 0; last < 2; last++) {
                uint32_t w = lex->seqwords.v[q->first_word + (last ? q->n_words - 1 : 0)];
                uint32_t key = match_key(lex, w);
                uint32_t id = dl_trie_step(&lex->altidx, e->first_alt << 1 | last, key, 1);
                if (id == DL_NO_ID || !vec_reserve(&lex->altidx_head, id + 1 - lex->altidx_head.n)) return false;
                while (lex->altidx_head.n <= id) lex->altidx_head.v[lex->altidx_head.n++] = DL_WORD_NONE;
                lex->alt_next[last].v[a] = lex->altidx_head.v[id];
                lex->altidx_head.v[id] = a;
            }
        }
    }
    /* the filter of altidx's pairs, once it is complete */
    if (!vec_reserve(&lex->alt_bloom, ALT_BLOOM_WORDS)) return false;
    memset(lex->alt_bloom.v, 0, ALT_BLOOM_WORDS * sizeof *lex->alt_bloom.v);
    for (size_t i = 0; i < lex->elems.n; i++) {
        const dl_pattern_elem *e = &lex->elems.v[i];
        for (uint32_t a = e->first_alt; a < e->first_alt + e->n_alts && a < lex->alts.n; a++) {
            const dl_word_seq *q = &lex->alts.v[a];
            if (!q->n_words) continue;
            for (uint32_t last = 0; last < 2; last++) {
                size_t b = alt_bit(e->first_alt << 1 | last,
                                   match_key(lex, lex->seqwords.v[q->first_word + (last ? q->n_words - 1 : 0)]));
                lex->alt_bloom.v[b / 64] |= 1ull << (b % 64);
            }
        }
    }
    lex->alt_bloom.n = ALT_BLOOM_WORDS;
    return true;
}

uint32_t dl_lexicon_alt_first(const dl_lexicon *lex, const dl_pattern_elem *e, uint32_t word, bool last) {
    if (word >= lex->sing.n || !e->n_alts) return DL_WORD_NONE;
    uint32_t key = match_key(lex, word);
    if (!dl_word_sig_has(dl_lexicon_elem_sig(lex, e, last), (uint16_t)(key & 255))) return DL_WORD_NONE; /* most words */
    if (lex->alt_bloom.n) {
        size_t b = alt_bit(e->first_alt << 1 | (uint32_t)last, key);
        if (!(lex->alt_bloom.v[b / 64] >> (b % 64) & 1)) return DL_WORD_NONE; /* most of the rest */
    }
    uint32_t id = dl_trie_next(&lex->altidx, e->first_alt << 1 | (uint32_t)last, key);
    return id == DL_NO_ID || id >= lex->altidx_head.n ? DL_WORD_NONE : lex->altidx_head.v[id];
}

uint16_t dl_lexicon_word_slot(const dl_lexicon *lex, uint32_t word) {
    return word < lex->sing.n ? (uint16_t)(match_key(lex, word) & 255) : DL_WORD_SLOT_NONE;
}

const dl_word_sig *dl_lexicon_elem_sig(const dl_lexicon *lex, const dl_pattern_elem *e, bool last) {
    static const dl_word_sig none; /* read-only */
    size_t i = (size_t)(e - lex->elems.v);
    return i < lex->elem_sig[last].n ? &lex->elem_sig[last].v[i] : &none;
}

uint32_t dl_lexicon_block_next_pattern(const dl_lexicon *lex, const dl_verb_block *b, const dl_word_sig *words,
                                       uint32_t k) {
    for (; k < b->n_patterns; k++) {
        size_t p = (size_t)b->first_pattern + k;
        if (p >= lex->patterns.n) return b->n_patterns;
        if (p < lex->pat_need.n && !dl_word_sig_meets(&lex->pat_need.v[p], words)) continue; /* most */
        if (dl_lexicon_pattern_may_match(lex, &lex->patterns.v[p], words)) return k;
    }
    return b->n_patterns;
}

uint64_t dl_lexicon_block_candidates(const dl_lexicon *lex, const dl_verb_block *b, const dl_word_sig *words,
                                     uint32_t from) {
    size_t bi = (size_t)(b - lex->blocks.v);
    uint64_t cand = 0;
    if (bi < lex->pat_masks_at.n && from < b->n_patterns) {
        /* the union of the patterns of each slot the words have */
        const uint64_t *t = lex->pat_masks.v + lex->pat_masks_at.v[bi] + (size_t)from / 64 * 256;
        for (int w = 0; w < 4; w++)
            for (uint64_t x = words->bits[w]; x; x &= x - 1) cand |= t[w * 64 + __builtin_ctzll(x)];
        return cand;
    }
    for (uint32_t k = from; k < from + 64 && k < b->n_patterns; k++) { /* (not indexed) */
        size_t p = (size_t)b->first_pattern + k;
        if (p >= lex->patterns.n) break;
        if (p >= lex->pat_need.n || dl_word_sig_meets(&lex->pat_need.v[p], words)) cand |= 1ull << (k - from);
    }
    return cand;
}

bool dl_lexicon_pattern_may_match(const dl_lexicon *lex, const dl_pattern *pt, const dl_word_sig *words) {
    for (int side = 0; side < 2; side++) {
        uint32_t first = side ? pt->first_post : pt->first_pre, n = side ? pt->n_post : pt->n_pre;
        for (uint32_t k = first; k < first + n && k < lex->elems.n; k++) {
            const dl_pattern_elem *e = &lex->elems.v[k];
            if (e->kind == DL_PE_TARGET || e->kind == DL_PE_SOURCE || e->kind == DL_PE_SKIP_NP) continue;
            /* (an element without alternatives has no slots) */
            if (!dl_word_sig_meets(&lex->elem_sig[0].v[k], words)) return false;
        }
    }
    return true;
}

uint32_t dl_lexicon_alt_next(const dl_lexicon *lex, uint32_t alt, bool last) {
    return alt < lex->alt_next[last].n ? lex->alt_next[last].v[alt] : DL_WORD_NONE;
}

/* Is rule[0..n) a prefix of code (code_len bytes)?  (A loop: codes are a
 * few digits and most rules differ at the first or second.) */
static bool code_prefix(const char *rule, size_t n, const char *code, size_t code_len) {
    if (n > code_len) return false;
    for (size_t k = 0; k < n; k++)
        if (rule[k] != code[k]) return false;
    return true;
}

const char *dl_lexicon_compose(const dl_lexicon *lex, const char *main_code, const char *comp_code) {
    const compose_rule *best = NULL;
    size_t best_score = 0;
    size_t main_len = strlen(main_code), comp_len = strlen(comp_code);
    /* only the rules whose main code starts as main_code's can match (when
     * every rule's starts with two digits); they are chained in file order,
     * so the first of the best stays the one chosen */
    int d = two_digits(main_code);
    bool all = lex->compose_scan_all;
    if (!all && d < 0) return "";
    for (size_t i = all ? 0 : lex->compose_head[d]; i < lex->compose.n;
         i = all ? i + 1 : lex->compose_next.v[i]) {
        const compose_rule *r = &lex->compose.v[i];
        if (!code_prefix(r->main, r->main_len, main_code, main_len) ||
            !code_prefix(r->comp, r->comp_len, comp_code, comp_len))
            continue;
        size_t score = (size_t)r->main_len * 16 + r->comp_len;
        if (score > best_score) {
            best = r;
            best_score = score;
        }
    }
    return best ? best->result : "";
}
