/* lexicon_private.h - the inside of a dl_lexicon, shared by the files of
 * src/lexicon/ (lexicon.c: words and lookups; actors.c: actors, roles and
 * agents; verbs.c: the verb dictionary). */
#ifndef DL_LEXICON_PRIVATE_H
#define DL_LEXICON_PRIVATE_H

#include "../common/util.h"
#include "dipline/lexicon.h"
#include "intern.h"


typedef struct { uint32_t node; dl_phrase ph; } node_phrase;
typedef dl_verb_hit node_verb;

typedef struct {
    int person;
    bool plural, possessive;
    char gender;
} pronoun_info;

typedef struct {
    char main[8], comp[8], result[8];
    uint8_t main_len, comp_len; /* strlen of main and comp */
} compose_rule;

struct dl_lexicon {
    dl_interner words;     /* every word any dictionary uses */
    VEC(char *) blocks_of_strings; /* names, lemmas, ids: chunks that never move */
    size_t str_used;               /* bytes used in the last chunk */
    VEC(uint32_t) wclass;  /* word id -> DL_W_* */
    VEC(pronoun_info) pron;/* word id -> pronoun details (person 0: none) */
    VEC(uint32_t) anyverb; /* word id -> DL_VF_* of any verb */
    VEC(uint8_t) starts;   /* word id -> STARTS_*: the first word of a phrase */
    /* word id -> the ptrie / vtrie node of the phrases that start with it
     * (DL_NO_ID: none), read from the tries once loaded: the first step of
     * every lookup, without a probe of their tables (too big for caches) */
    VEC(uint32_t) actor_root, verb_root;
    VEC(uint32_t) sing;    /* word id -> id of its singular form in `singulars`
                              (DL_NO_ID for words too long to inflect) */
    dl_interner singulars;

    /* actors */
    dl_trie ptrie;                /* phrases */
    VEC(node_phrase) nodeph;      /* sorted by node after loading */
    VEC(dl_phrase) phs;           /* nodeph's phrases in the same order: what
                                     dl_lexicon_match() hands out as an array */
    VEC(uint32_t) node_first;     /* node -> first index in nodeph (+1), 0 = none */
    VEC(dl_actor_def) actors;
    dl_interner codes;            /* codes of countries and organisations */
    VEC(uint32_t) code_actor;     /* code id -> the first actor with it */
    VEC(dl_role_def) roles;
    dl_interner role_ids;         /* ids of roles ("head_of_state") */
    VEC(uint32_t) role_first;     /* role id -> the first role with it */
    VEC(dl_tenure) tenures;       /* per person, contiguous */
    VEC(uint32_t) tenure_index;   /* tenures sorted by (country, role, from) */
    VEC(dl_agent_def) agents;

    /* verbs */
    dl_trie vtrie;
    VEC(node_verb) nodeverb;
    VEC(uint32_t) vnode_first;
    VEC(dl_verb_def) verbs;
    VEC(dl_verb_block) blocks;
    VEC(dl_pattern) patterns;
    VEC(dl_pattern_elem) elems;
    VEC(dl_word_seq) alts;
    VEC(uint32_t) seqwords;
    VEC(compose_rule) compose;
    /* compose rules by the two digits their main code starts with, in file
     * order: compose_head[d] the first, compose_next the next (DL_NO_ID
     * ends); compose_scan_all when a rule does not start with two digits */
    uint32_t compose_head[100];
    VEC(uint32_t) compose_next;
    bool compose_scan_all;
    /* alternatives by their first and last word (dl_lexicon_alt_first):
     * (range << 1 | last, word key) -> chain, chains linked in alt_next */
    dl_trie altidx;
    VEC(uint32_t) altidx_head;
    /* a bit per (range << 1 | last, key) of altidx, by alt_bit(): clear, the
     * pair is not there (most lookups that get past elem_sig), without a
     * probe of altidx (too big for the caches); empty while not built */
    VEC(uint64_t) alt_bloom;
    VEC(uint32_t) alt_next[2];
    VEC(dl_word_sig) elem_sig[2]; /* per element: the slots of its alternatives'
                                     first [0] and last [1] words */
    VEC(dl_word_sig) pat_need;    /* per pattern: the first-word slots of its
                                     most selective word element (all slots
                                     when it has none): a quick first test */
    /* each block's patterns by the slots of their pat_need: for block b,
     * pat_masks.v[pat_masks_at.v[b] + k / 64 * 256 + slot] has bit k % 64
     * for each of its patterns k whose pat_need holds the slot */
    VEC(uint64_t) pat_masks;
    VEC(uint32_t) pat_masks_at;

    /* where-handles: file index << 22 | line */
    VEC(char *) files;
    size_t n_phrases;
};

/* lex->starts: quick rejection of lookups.  IN_ACTOR, IN_VERB: a later
 * word of some phrase (a trie walk never steps on by any other word). */
enum { STARTS_ACTOR = 1, STARTS_VERB = 2, IN_ACTOR = 4, IN_VERB = 8 };

#define WHERE(file, line) ((uint32_t)(file) << 22 | ((uint32_t)(line) & 0x3FFFFF))

/* Text of a dictionary file (bundled name or user path); *name_out is the
 * name used in errors.  *owned is set when the text must be freed. */
dl_status dl_lex_open(dl_lexicon *lex, const char *bundled, const char *path, const char **text,
                      size_t *len, bool *owned, uint32_t *file_index, dl_error *err);

/* Intern each token of a phrase (normalised like article text); returns the
 * number of words written to ids (at most cap); 0 on failure. */
size_t dl_lex_phrase_ids(dl_lexicon *lex, const char *phrase, size_t len, uint32_t *ids, size_t cap);
/* Ensure the per-word arrays cover every interned word. */
bool dl_lex_grow_words(dl_lexicon *lex);
/* Copy a string into the lexicon's storage. */
const char *dl_lex_str(dl_lexicon *lex, const char *s, size_t len);

/* Register a phrase with a meaning (actors.c; used by petrarch.c). */
dl_status dl_lex_add_phrase(dl_lexicon *lex, const char *phrase, size_t len, dl_phrase ph, dl_error *err);
dl_status dl_lex_load_actors(dl_lexicon *lex, const char *text, size_t len, uint32_t file, dl_error *err);
dl_status dl_lex_load_roles(dl_lexicon *lex, const char *text, size_t len, uint32_t file, dl_error *err);
dl_status dl_lex_load_agents(dl_lexicon *lex, const char *text, size_t len, uint32_t file, dl_error *err);
dl_status dl_lex_finish_actors(dl_lexicon *lex, dl_error *err);
dl_status dl_lex_load_verbs(dl_lexicon *lex, const char *text, size_t len, uint32_t file, dl_error *err);
dl_status dl_lex_load_irregular(dl_lexicon *lex, const char *text, size_t len, uint32_t file, dl_error *err);
dl_status dl_lex_finish_verbs(dl_lexicon *lex, dl_error *err);
/* Drop the verb loader's state (irregular forms, synonym sets): done by
 * dl_lex_finish_verbs(), and by dl_lexicon_load() before it starts and when
 * it fails, so that a failed load leaves nothing for the next one. */
void dl_lex_verbs_reset(void);
/* Register the code of actor `index` (a country or organisation) for
 * dl_lexicon_find_code(); persons are not found by code.  False: out of memory. */
bool dl_lex_index_code(dl_lexicon *lex, const dl_actor_def *a, uint32_t index);

/* Index the pattern alternatives by first and last word (needs lex->sing). */
bool dl_lex_index_alts(dl_lexicon *lex);

/* Line-by-line iteration over a text. */
typedef struct {
    const char *p, *end;
    long line;
} dl_lines;
/* Next line (without '\n' or '\r', comment after '#' cut when `comments`);
 * false at end. */
bool dl_lines_next(dl_lines *it, const char **s, size_t *n, bool comments);
/* Trim spaces and tabs at both ends. */
void dl_trim(const char **s, size_t *n);

#endif
