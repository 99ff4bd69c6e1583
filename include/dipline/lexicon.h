/*
 * dipline/lexicon.h - the dictionaries: actors (countries, organisations,
 * people with their roles over time), roles, generic agents, verb patterns
 * coded in CAMEO, and the closed-class English words the coder needs.
 *
 * Formats: data/FORMAT.md (actors, roles, agents) and the header of
 * data/verbs.txt (verbs).  The bundled files are compiled in; any of them can
 * be replaced by a file given in dl_lexicon_options.  A lexicon is built
 * once and is read-only afterwards (safe to share between threads).
 *
 * Lookups work on interned word ids: dl_lexicon_word() maps a normalised
 * token to its id once per token, and phrase matching then walks a trie of
 * ids.  Every entry remembers its file and line (dl_lexicon_where()).
 */
#ifndef DIPLINE_LEXICON_H
#define DIPLINE_LEXICON_H

#include "dipline/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dl_lexicon dl_lexicon;

typedef struct dl_lexicon_options {
    const char *actors_path; /* replaces every bundled actors*.txt */
    const char *roles_path;
    const char *agents_path;
    const char *verbs_path;
} dl_lexicon_options;

/* Load the dictionaries.  `opts` may be NULL (bundled data only).  On
 * success *out must be freed with dl_lexicon_free().  Errors name the file
 * and line. */
dl_status dl_lexicon_load(const dl_lexicon_options *opts, dl_lexicon **out, dl_error *err);
void dl_lexicon_free(dl_lexicon *lex);

/* ---- words ---------------------------------------------------------------- */

#define DL_WORD_NONE UINT32_MAX

/* Id of a normalised word, DL_WORD_NONE when no dictionary uses it. */
uint32_t dl_lexicon_word(const dl_lexicon *lex, const char *norm, size_t len);
/* The same, given the word's dl_text_hash() (a token's dl_token.hash). */
uint32_t dl_lexicon_word_hashed(const dl_lexicon *lex, const char *norm, size_t len, uint32_t hash);

/* Closed-class word classes (bit set), from data/words.txt. */
enum {
    DL_W_DET = 1u << 0,     /* the a an this these their ... */
    DL_W_PREP = 1u << 1,    /* in on at to with against ... */
    DL_W_CONJ = 1u << 2,    /* and or but nor */
    DL_W_SUBORD = 1u << 3,  /* that which who because if while ... */
    DL_W_PRON = 1u << 4,    /* he she it they ... */
    DL_W_BE = 1u << 5,      /* be is are was were been being 's */
    DL_W_HAVE = 1u << 6,    /* have has had having 've */
    DL_W_DO = 1u << 7,      /* do does did */
    DL_W_MODAL = 1u << 8,   /* will would shall should can could may might must 'll 'd */
    DL_W_NEG = 1u << 9,     /* not n't never no */
    DL_W_ADV = 1u << 10,    /* also still already reportedly ... */
    DL_W_SPEECH = 1u << 11, /* said told announced ... (speech verbs) */
    DL_W_TITLE = 1u << 12,  /* mr mrs ms dr president minister ... before a name */
    DL_W_LOCPREP = 1u << 13,/* in at from near outside ... (a place follows) */
    DL_W_FUTURE = 1u << 14, /* cues of the future: will 'll going due plans ... */
    DL_W_HEDGE = 1u << 15,  /* if unless could might may would (hypothetical) */
    DL_W_QUANT = 1u << 16,  /* some many several both all two three ... */
    DL_W_REPORT = 1u << 17, /* according (to), quoted ... attribution cues */
    DL_W_STOPNAME = 1u << 18/* words that are also surnames (May, Rice ...) */
};
uint32_t dl_lexicon_word_class(const dl_lexicon *lex, uint32_t word);
/* Pronoun details: person (1, 2, 3), plural, possessive, gender ('m', 'f',
 * 'n' or 0); false when the word is not a pronoun. */
bool dl_lexicon_pronoun(const dl_lexicon *lex, uint32_t word, int *person, bool *plural,
                        bool *possessive, char *gender);

/* ---- actors --------------------------------------------------------------- */

typedef enum {
    DL_ACTOR_COUNTRY = 1,
    DL_ACTOR_ORG,
    DL_ACTOR_PERSON
} dl_actor_kind;

typedef struct dl_actor_def {
    dl_actor_kind kind;
    char code[12];      /* country/org code; a person's home country */
    char sector[8];     /* a person's sector; an org's kind (IGO, NGO, MNC) */
    const char *name;   /* canonical name */
    uint32_t first_role, n_roles; /* into the role tenures (people) */
    uint32_t where;     /* dl_lexicon_where() handle */
} dl_actor_def;

typedef struct dl_role_def {
    const char *id;     /* "foreign_minister" */
    char sector[8];     /* sector of the holder */
    uint32_t where;
} dl_role_def;

typedef struct dl_tenure {
    uint32_t actor;     /* person */
    uint32_t role;
    char country[12];   /* country or organisation of the office */
    dl_day from, to;    /* inclusive; DL_DAY_NONE = open */
} dl_tenure;

typedef struct dl_agent_def {
    char sector[8];
    char country[12];   /* fixed country ("Pentagon"), or "" */
    uint32_t where;
} dl_agent_def;

/* What a dictionary phrase can mean. */
typedef enum {
    DL_PH_NAME = 1,  /* a name of a country, organisation or person */
    DL_PH_SURNAME,   /* a person's surname alone */
    DL_PH_ADJ,       /* adjective of a country/org: "Russian", "NATO" */
    DL_PH_PEOPLE,    /* plural demonym: "Russians" */
    DL_PH_CAPITAL,   /* capital city: "Moscow" */
    DL_PH_SEAT,      /* seat of power: "the Kremlin" (sector in `sector`) */
    DL_PH_ROLE,      /* an office title: "foreign minister" */
    DL_PH_AGENT,     /* a generic actor noun: "troops" */
    DL_PH_PLACE      /* a town or region of a country: "Basra" (not an actor) */
} dl_phrase_kind;

enum {
    DL_PHF_CAP = 1,   /* the text must be capitalised ("Rice", not "rice") */
    DL_PHF_UPPER = 2  /* the text must be in capitals ("US", not "us") */
};

typedef struct dl_phrase {
    uint8_t kind;       /* dl_phrase_kind */
    uint8_t n_words;    /* length of the phrase in tokens */
    uint8_t flags;      /* DL_PHF_* */
    char sector[8];     /* DL_PH_SEAT: the sector; else "" */
    char country[12];   /* DL_PH_ROLE with @CODE: the country; else "" */
    uint32_t index;     /* actor, role or agent index */
    uint32_t where;
} dl_phrase;

/* Match dictionary phrases against the word ids words[0..n) (token flags
 * tflags[0..n), DL_TF_* of dipline/text.h, may be NULL): returns the length
 * (in words) of the longest phrase found and sets *out and *n_out to its
 * meanings (all meanings of that phrase; the caller filters them with
 * dl_phrase_fits()); 0 when nothing matches. */
size_t dl_lexicon_match(const dl_lexicon *lex, const uint32_t *words, const uint32_t *tflags, size_t n,
                        const dl_phrase **out, size_t *n_out);
/* False when no actor phrase starts with `word` (dl_lexicon_match() would
 * answer 0): callers skip gathering the words that follow. */
bool dl_lexicon_may_start_actor(const dl_lexicon *lex, uint32_t word);
/* Does the phrase's case requirement fit the text's token flags?  All-capital
 * dictionary forms such as "US" only match all-capital text (the pronoun
 * "us" is not the United States); names must be capitalised. */
bool dl_phrase_fits(const dl_phrase *ph, const uint32_t *tflags);

const dl_actor_def *dl_lexicon_actor(const dl_lexicon *lex, uint32_t i);
const dl_role_def *dl_lexicon_role(const dl_lexicon *lex, uint32_t i);
const dl_agent_def *dl_lexicon_agent(const dl_lexicon *lex, uint32_t i);
const dl_tenure *dl_lexicon_tenure(const dl_lexicon *lex, uint32_t i);
size_t dl_lexicon_n_actors(const dl_lexicon *lex);
size_t dl_lexicon_n_roles(const dl_lexicon *lex);
size_t dl_lexicon_n_agents(const dl_lexicon *lex);
/* Index of the country/org with this code, or DL_WORD_NONE. */
uint32_t dl_lexicon_find_code(const dl_lexicon *lex, const char *code);
/* Index of a role id ("foreign_minister"), or DL_WORD_NONE. */
uint32_t dl_lexicon_find_role(const dl_lexicon *lex, const char *id);

/* Who held `role` of `country` on `day`?  The person's actor index, or
 * DL_WORD_NONE.  When nobody did on that day, the holder whose tenure ended
 * last before it (within `grace` days) is returned. */
uint32_t dl_lexicon_role_holder(const dl_lexicon *lex, const char *country, uint32_t role, dl_day day,
                                int grace);
/* The role (index) a person held on `day` (the first found), its country in
 * country_out (12 bytes), or DL_WORD_NONE. */
uint32_t dl_lexicon_person_role(const dl_lexicon *lex, uint32_t person, dl_day day, char *country_out);
/* How well a person fits a date: 3 holds a role then, 2 held one within two
 * years before, 1 some role at some time, 0 none. */
int dl_lexicon_person_fit(const dl_lexicon *lex, uint32_t person, dl_day day);
/* Did every office of the person begin more than a year after `day`?  (A
 * surname alone in a 1994 article is not a president of the 2020s.)  False
 * for people with no offices or when day is DL_DAY_NONE. */
bool dl_lexicon_person_later(const dl_lexicon *lex, uint32_t person, dl_day day);

/* "data/actors.txt:123" for a where-handle (static buffer per thread). */
const char *dl_lexicon_where(const dl_lexicon *lex, uint32_t where);

/* ---- verbs ---------------------------------------------------------------- */

/* Verb forms. */
typedef enum {
    DL_VF_BASE = 1u << 0, /* meet */
    DL_VF_S = 1u << 1,    /* meets */
    DL_VF_PAST = 1u << 2, /* met (simple past) */
    DL_VF_PP = 1u << 3,   /* met (past participle) */
    DL_VF_ING = 1u << 4   /* meeting */
} dl_verb_form;

/* One verb (a lemma, possibly several words: "pull out", "call off"). */
typedef struct dl_verb_def {
    const char *lemma;
    char code[8];         /* the verb's own code, "" = the block's */
    uint32_t block;
    uint32_t where;
} dl_verb_def;

/* A synonym block: verbs that share patterns. */
typedef struct dl_verb_block {
    const char *name;
    char code[8];          /* default code; "" = no event unless a pattern */
    char negated[8];       /* code when negated ("did not rule out" -> 036),
                              "" = a negated verb makes no event */
    uint32_t flags;        /* DL_VB_* */
    uint32_t first_pattern, n_patterns;
    uint32_t where;
} dl_verb_block;

enum {
    DL_VB_SPEECH = 1u << 0,    /* a speech verb: a clause may follow, no default object */
    DL_VB_SYMMETRIC = 1u << 1, /* meet, negotiate: actor and target interchangeable */
    DL_VB_INTRANSITIVE = 1u << 2, /* no default object */
    DL_VB_NOUN = 1u << 3,       /* the words are nouns naming an event ("talks",
                                   "visit"): participants come from "between A
                                   and B", "A's visit to B", "A-B talks" */
    DL_VB_REVERSE = 1u << 4,    /* the grammatical subject is the target and the
                                   speaker the source ("X would face
                                   consequences", said by Y: Y threatens X) */
    DL_VB_PAIRED = 1u << 5      /* a noun that names an event only after "A-B"
                                   ("the NATO-Ukraine Commission", not "the
                                   Commission said") */
};

/* Pattern elements. */
typedef enum {
    DL_PE_WORD = 1,   /* one of a set of word sequences (alternatives) */
    DL_PE_PREP,       /* a preposition introducing the next element */
    DL_PE_TARGET,     /* the target actor ("+") */
    DL_PE_SOURCE,     /* the source actor ("$") */
    DL_PE_SKIP_NP     /* any noun phrase ("^") */
} dl_pe_kind;

typedef struct dl_pattern_elem {
    uint8_t kind;      /* dl_pe_kind */
    uint8_t flags;     /* DL_PEF_* */
    uint16_t n_alts;   /* alternatives (DL_PE_WORD, DL_PE_PREP) */
    uint32_t first_alt;/* into the alternative table */
} dl_pattern_elem;

enum {
    DL_PEF_CONSECUTIVE = 1, /* must follow the previous element directly */
    DL_PEF_ANYWHERE = 2     /* "...": anywhere later in the clause (reported content) */
};

typedef struct dl_pattern {
    char code[8];
    uint32_t first_pre, n_pre;   /* elements before the verb, in text order */
    uint32_t first_post, n_post; /* elements after the verb */
    uint32_t where;
    bool post_party;             /* a target or source among the elements after the verb */
} dl_pattern;

/* A word sequence used by pattern elements (alternatives). */
typedef struct dl_word_seq {
    uint32_t first_word, n_words; /* into the word-id table */
} dl_word_seq;

/* One reading of a word sequence as a verb (or event noun). */
typedef struct dl_verb_hit {
    uint32_t node;  /* internal */
    uint32_t verb;  /* dl_lexicon_verb_def() index */
    uint32_t forms; /* DL_VF_* bits the words can be */
} dl_verb_hit;

/* Verbs starting at words[0]: the longest word sequence that is a form of
 * some verb or event noun; returns its length in words (0 = none) and sets
 * *hits and *n_hits to all its readings (one per verb). */
size_t dl_lexicon_verb(const dl_lexicon *lex, const uint32_t *words, size_t n, const dl_verb_hit **hits,
                       size_t *n_hits);
/* False when no verb phrase starts with `word` (dl_lexicon_verb() would
 * answer 0). */
bool dl_lexicon_may_start_verb(const dl_lexicon *lex, uint32_t word);
const dl_verb_def *dl_lexicon_verb_def(const dl_lexicon *lex, uint32_t verb);
const dl_verb_block *dl_lexicon_block(const dl_lexicon *lex, uint32_t block);
const dl_pattern *dl_lexicon_pattern(const dl_lexicon *lex, uint32_t i);
const dl_pattern_elem *dl_lexicon_elem(const dl_lexicon *lex, uint32_t i);
const dl_word_seq *dl_lexicon_alt(const dl_lexicon *lex, uint32_t i);
uint32_t dl_lexicon_seq_word(const dl_lexicon *lex, uint32_t i);
/* Is `word` a (plural or singular) form of `pattern_word`? */
bool dl_lexicon_word_matches(const dl_lexicon *lex, uint32_t word, uint32_t pattern_word);
/* The alternatives of pattern element e whose first word (or, with `last`,
 * last word) matches `word` as above, in dictionary order: the first one
 * (an index for dl_lexicon_alt), then dl_lexicon_alt_next() with the same
 * `last`, until DL_WORD_NONE.  No other alternative can match there: a
 * hash lookup instead of a scan of every alternative. */
uint32_t dl_lexicon_alt_first(const dl_lexicon *lex, const dl_pattern_elem *e, uint32_t word, bool last);
uint32_t dl_lexicon_alt_next(const dl_lexicon *lex, uint32_t alt, bool last);
/* A summary of a set of words for quick rejection: one bit per slot (a
 * word's match key mod 256), so a word whose slot's bit is clear is not in
 * the set.  (A set bit says nothing.)  256 slots rather than 64: a clause's
 * 20-odd words fill a third of 64 slots, and most patterns would pass. */
typedef struct dl_word_sig {
    uint64_t bits[4];
} dl_word_sig;
#define DL_WORD_SLOT_NONE 0xFFFFu
/* The slot of a word (DL_WORD_SLOT_NONE for words no pattern can match). */
uint16_t dl_lexicon_word_slot(const dl_lexicon *lex, uint32_t word);
static inline void dl_word_sig_add(dl_word_sig *s, uint16_t slot) {
    if (slot != DL_WORD_SLOT_NONE) s->bits[slot >> 6] |= 1ull << (slot & 63);
}
static inline bool dl_word_sig_has(const dl_word_sig *s, uint16_t slot) {
    return slot != DL_WORD_SLOT_NONE && (s->bits[slot >> 6] >> (slot & 63) & 1);
}
/* Do two sets share a slot? */
static inline bool dl_word_sig_meets(const dl_word_sig *a, const dl_word_sig *b) {
    return (a->bits[0] & b->bits[0]) | (a->bits[1] & b->bits[1]) | (a->bits[2] & b->bits[2]) | (a->bits[3] & b->bits[3]);
}
/* The slots of the words that can be first (or, with `last`, last) in an
 * alternative of element e: a word whose slot is not among them has no
 * dl_lexicon_alt_first() there.  Empty for an element without
 * alternatives.  Owned by the lexicon. */
const dl_word_sig *dl_lexicon_elem_sig(const dl_lexicon *lex, const dl_pattern_elem *e, bool last);
/* False when pattern pt cannot match a clause whose words' slots are
 * `words`: one of its word elements has no alternative whose first word
 * could be there.  (True says nothing.) */
bool dl_lexicon_pattern_may_match(const dl_lexicon *lex, const dl_pattern *pt, const dl_word_sig *words);
/* The first of block b's patterns from the k-th on (k, k+1, ... <
 * b->n_patterns) that dl_lexicon_pattern_may_match() lets through, or
 * b->n_patterns when none does: one call per candidate, not per pattern. */
uint32_t dl_lexicon_block_next_pattern(const dl_lexicon *lex, const dl_verb_block *b, const dl_word_sig *words,
                                       uint32_t k);
/* The same first test for 64 of block b's patterns at once, from the
 * from-th on (from: a multiple of 64): bit i set when pattern from + i may
 * be in a clause whose words' slots are `words`.  What it lets through,
 * dl_lexicon_pattern_may_match() then decides, in the order of the bits. */
uint64_t dl_lexicon_block_candidates(const dl_lexicon *lex, const dl_verb_block *b, const dl_word_sig *words,
                                     uint32_t from);

/* Verb composition (data/compose.txt): the code of "<main> to <complement>"
 * ("agreed to meet" 030 + 04x -> 036); "" when there is no rule. */
const char *dl_lexicon_compose(const dl_lexicon *lex, const char *main_code, const char *comp_code);

/* Any verb form known to the lexicon (coded or not)?  Returns DL_VF_* bits
 * for the word or 0; used to find clause boundaries. */
uint32_t dl_lexicon_any_verb(const dl_lexicon *lex, uint32_t word);

/* Counts for reports: actors, phrases, verbs, patterns. */
void dl_lexicon_stats(const dl_lexicon *lex, size_t *actors, size_t *phrases, size_t *verbs,
                      size_t *patterns);

#ifdef __cplusplus
}
#endif
#endif
