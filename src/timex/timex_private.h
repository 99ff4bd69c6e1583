/* timex_private.h - what the files of the time-expression tagger share:
 * the word lists of data/timex.txt (lexicon.c), the meaning of a recognised
 * expression before it is resolved (tx_frame), the recogniser (tag.c) and
 * the resolver (resolve.c).  Not part of the public API. */
#ifndef DL_TIMEX_PRIVATE_H
#define DL_TIMEX_PRIVATE_H

#include "dipline/timex.h"

/* ---- lexicon (data/timex.txt) --------------------------------------------- */

/* Word classes, in the order of their names in lexicon.c. */
typedef enum {
    TX_MONTH, TX_WEEKDAY, TX_WEEKDAYS, TX_SEASON, TX_SEASONS, TX_POD, TX_PODS,
    TX_CLOCK, TX_ZONE, TX_NUMBER, TX_TENS, TX_SCALE, TX_ONE, TX_VAGUE, TX_COUPLE,
    TX_HALF, TX_ORDINAL, TX_UNIT, TX_UNITS, TX_DAYUNIT, TX_DAYUNITS, TX_DAYREF,
    TX_NIGHTREF, TX_DEICTIC, TX_REF, TX_RECENTUNITS, TX_COMINGUNITS, TX_POSMOD,
    TX_APPROX, TX_POSTAPPROX, TX_SETWORD, TX_PERWORD, TX_HOLIDAY, TX_NTHDAY,
    TX_EASTER, TX_HOLWEEK, TX_T_FUTURE, TX_T_PAST, TX_T_PRESENT, TX_T_NOTPAST,
    TX_VAGUEDUR, TX_LEAD, TX_DEADLINE, TX_N_CLASSES
} tx_class;

/* One phrase of one line. */
typedef struct tx_entry {
    uint8_t cls;       /* tx_class */
    uint8_t n_words;   /* tokens in the phrase */
    int32_t ival;      /* VALUE as a number (or 0) */
    char sval[16];     /* VALUE as written */
    const char *words; /* n_words normalised tokens, each NUL-terminated, in a row */
    const char *rest;  /* the second of them (NULL for one word): tx_lex()
                          compares from there on without measuring the first */
    uint32_t line;     /* line in data/timex.txt */
    int32_t next;      /* next entry of the same class and first word, or -1 */
} tx_entry;

typedef struct tx_lexicon tx_lexicon;

/* The lexicon built from the embedded data/timex.txt, once per process
 * (thread-safe); NULL only when out of memory. */
const tx_lexicon *tx_lexicon_get(void);
/* The lexicon's number for a normalised word that starts phrases, or -1;
 * `hash` is the word's dl_text_hash() (a token's dl_token.hash). */
int32_t tx_lexicon_find(const tx_lexicon *lx, const char *word, size_t len, uint32_t hash);
/* Bit mask (1 << class) of the classes of the phrases starting with that
 * word (0 for -1). */
uint64_t tx_lexicon_mask(const tx_lexicon *lx, int32_t word);
/* The classes in which the word alone is a whole phrase. */
uint64_t tx_lexicon_singles(const tx_lexicon *lx, int32_t word);
/* The classes with a phrase of several words starting with the word. */
uint64_t tx_lexicon_multis(const tx_lexicon *lx, int32_t word);
/* Is the normalised word the second word of any phrase?  When the next
 * token's is not, only one-word phrases can start at a token. */
bool tx_lexicon_is_second(const tx_lexicon *lx, const char *word, size_t len, uint32_t hash);

/* ---- frames: what an expression means, before resolution ----------------- */

enum { FK_CAL = 0, FK_REF, FK_DUR, FK_SET };
enum { HOL_NONE = 0, HOL_NTH, HOL_EASTER, HOL_ELECTION };

/* How a year-less name or a weekday picks its occurrence. */
enum { DIR_TENSE = 0, DIR_LAST = -1, DIR_NEXT = 1, DIR_THIS = 2 };

typedef struct tx_frame {
    dl_timex_type type;
    uint8_t kind;            /* FK_* */
    /* Calendar fields, -1 when not said. */
    int16_t year, month, day, quarter, half, week;
    int16_t decade, century; /* the digits of the value: 199, 19 */
    int8_t season;           /* 0 none, 1 SP 2 SU 3 FA 4 WI */
    int8_t weekday;          /* 0 none, 1..7 */
    int8_t hour, minute;     /* -1 none */
    char pod[3];             /* part of day: MO AF EV NI DT MI, or "" */
    bool weekend;
    /* A holiday whose day depends on the year: HOL_NTH (the nth weekday of
     * a month: hol_month, hol_weekday, hol_n, -1 = last), HOL_EASTER (Easter
     * Sunday + hol_n days), HOL_ELECTION (US: Tuesday after the first Monday
     * of November).  hol_week: the ISO week holding it ("Easter week"). */
    int8_t hol, hol_month, hol_weekday, hol_n;
    bool hol_week;
    bool year2;              /* `year` was written with two digits ('98) */
    int8_t dir;              /* DIR_*: which occurrence of a year-less name */
    bool dir_ref;            /* ...counted from the reference date */
    /* A shift applied first: `amount` units from the anchor. */
    char unit;               /* 0 none; D W M Q H(half) Y E(decade) C w(weekend) */
    int16_t amount;
    bool amount_x;           /* unknown amount ("a few days ago") */
    bool from_ref;           /* anchor: the last date mentioned, not the DCT */
    bool keep_gran;          /* shift the reference at its own precision
                                ("a year earlier" after "the third quarter") */
    bool ref_period;         /* "the quarter", "the year": the period of the
                                reference date at `unit` precision */
    int8_t keep_window;      /* keep_gran without from_ref ("a year ago",
                                "last year"): only after a quarter or half
                                year said this many sentences back or less */
    char period;             /* the noun of a keep_gran or same_period:
                                'Q' quarter, 'P' period, 0 none */
    bool same_period;        /* "the 1988 quarter": the reference's period in
                                `year` */
    bool as_week;            /* "the week of March 6": the ISO week */
    int8_t day_shift;        /* "the day before Tuesday": -1 */
    /* FK_REF, FK_DUR, FK_SET: the value itself. */
    char value[40];
    char mod[16];
    uint32_t line;           /* data/timex.txt line of the deciding entry */
} tx_frame;

void tx_frame_init(tx_frame *f);

/* A recognised expression: its tokens and frame. */
typedef struct tx_match {
    uint32_t first, end;     /* tokens [first, end) */
    uint32_t sentence;
    dl_timex_role role;
    tx_frame f;
} tx_match;

/* Tense of a clause for resolving names without a year.  TENSE_WEAK is
 * or-ed in when the cue was a guess (a word in -ed) or far from the
 * expression: then the nearer occurrence may win against it. */
typedef enum { TENSE_NONE = 0, TENSE_PAST, TENSE_PRESENT, TENSE_FUTURE, TENSE_WEAK = 8 } tx_tense;

/* Per-document token view shared by the recogniser and the resolver. */
typedef struct tx_ctx {
    const dl_doc *doc;
    const tx_lexicon *lx;
    int32_t *head;           /* per token: tx_lexicon_find() of its word */
    uint64_t *mask;          /* per token: classes starting there */
    size_t seg, lim;         /* the sentence (or dateline) being tagged:
                                tokens [seg, lim) */
} tx_ctx;

/* Longest phrase of class `cls` starting at token i (not past c->lim):
 * returns its token count (0 when none) and the entry in *e. */
size_t tx_lex_at(const tx_ctx *c, size_t i, tx_class cls, const tx_entry **e);
/* The same; most calls ask about a token where no phrase of the class
 * starts, answered here without a call. */
static inline size_t tx_lex(const tx_ctx *c, size_t i, tx_class cls, const tx_entry **e) {
    if (i >= c->lim || !(c->mask[i] & (1ull << cls))) return 0;
    return tx_lex_at(c, i, cls, e);
}

/* Recognise the expression starting at token i, if any: returns the end
 * token (exclusive), or i when there is none. */
size_t tx_match_at(const tx_ctx *c, size_t i, tx_frame *f);

/* Classes of words that are cues for the tense and roles of expressions
 * (timex.c), never part of one: no parser looks them up. */
#define TX_CUES                                                                                                \
    ((1ull << TX_T_FUTURE) | (1ull << TX_T_PAST) | (1ull << TX_T_PRESENT) | (1ull << TX_T_NOTPAST) |             \
     (1ull << TX_DEADLINE))

/* Can an expression start at token i (of the segment)?  tx_match_at()'s
 * first test, for the loop over every token to make without a call: an
 * expression starts with a number, a quote ('90s) or a word of
 * data/timex.txt (not a mere cue: "said", "will"). */
static inline bool tx_may_start(const tx_ctx *c, size_t i) {
    int kind = c->doc->tokens[i].kind;
    if (kind == DL_TOK_WORD) return (c->mask[i] & ~TX_CUES) != 0;
    return kind == DL_TOK_NUMBER || kind == DL_TOK_QUOTE;
}

/* The tense of the clause around tokens [first, end). */
tx_tense tx_clause_tense(const tx_ctx *c, size_t first, size_t end);

/* Resolution state carried through a document: the publication date and
 * the last date mentioned at each precision (a "the previous day" looks for
 * the last day, "that year" for the last date that fixes a year). */
typedef struct tx_resolver {
    dl_day dct;
    dl_when last[DL_GRAN_CENTURY + 1];
    uint32_t last_seq[DL_GRAN_CENTURY + 1]; /* 0: none */
    uint32_t last_sentence[DL_GRAN_CENTURY + 1];
    uint32_t seq;
    uint32_t sentence;                      /* of the expression being resolved */
} tx_resolver;

void tx_resolver_init(tx_resolver *r, dl_day dct);
/* Fill value, mod, type and when of `out` from the frame. */
void tx_resolve(tx_resolver *r, const tx_frame *f, tx_tense tense, uint32_t sentence, dl_timex *out);

#endif
