/* coder.h - private: the working state of the event coder, shared by the
 * files of src/extract/:
 *
 *   extract.c   the extractor, the per-article loop, building dl_events
 *   words.c     per-token word ids and classes, noise sentences, speakers
 *   mentions.c  actor phrases ("Russia's foreign minister") and coreference
 *   verbs.c     verb groups (tense, voice, negation, modality)
 *   coder.c     patterns, source and target, composition, speech acts
 *
 * Everything here lives for one article and is freed at once. */
#ifndef DL_CODER_H
#define DL_CODER_H

#include <string.h>

#include "../common/util.h"
#include "dipline/extract.h"
#include "dipline/lexicon.h"
#include "dipline/text.h"
#include "dipline/timex.h"

#define NONE UINT32_MAX

/* What an actor phrase stands for. */
typedef enum { E_NONE = 0, E_COUNTRY, E_ORG, E_PERSON, E_GROUP } ent_type;

typedef struct entity {
    ent_type type;
    char name[96];     /* canonical name ("" when only the country is known) */
    char country[12];  /* country or organisation code ("" unknown) */
    char sector[8];    /* GOV MIL ... ("" unknown) */
    uint32_t actor;    /* lexicon actor, or NONE */
    uint32_t role;     /* lexicon role held at the article's date, or NONE */
    char gender;       /* 'm' 'f' or 0, from titles (Mr, Ms) */
    uint32_t where;    /* dictionary entry, for --explain (NONE if none) */
} entity;

typedef enum {
    M_NAME = 1,   /* a name (country, org, person) or a seat of power */
    M_AGENT,      /* generic actor ("Russian troops") */
    M_ROLE,       /* office ("the foreign minister") */
    M_PRONOUN,    /* he, they, we ... */
    M_CAPITAL,    /* a capital city ("Moscow said") */
    M_PEOPLE,     /* demonym ("the Russians") */
    M_DESCR,      /* a definite description ("the alliance", "the country") */
    M_PLACE       /* a town or region ("Basra"): a location, never an actor */
} mention_kind;

typedef struct mention {
    uint32_t start, end;  /* tokens [start, end) of the doc */
    uint32_t head;        /* last token of the phrase */
    uint32_t sentence;
    mention_kind kind;
    entity ent;           /* resolved (may be E_NONE) */
    bool locative;        /* after in/at/near...: a place, not an actor */
    bool after_prep;      /* directly after any preposition */
    uint32_t prep_word;   /* that preposition's word id, or NONE */
    bool possessive;      /* followed by 's: a modifier of a later noun */
    bool owner;           /* a country adjective before a plain noun ("the
                             American warnings"): the owner of that thing,
                             usable as a direct object, not as a speaker */
    bool plural;
    bool first_person;    /* we/I/our: the speaker */
    bool in_quote;
    uint32_t group;       /* conjunction group id ("X and Y" share one) */
    bool own_time;        /* a conjunct with its own time ("met X on Monday
                             and Y the next day"): dates the event with it */
    uint32_t antecedent;  /* a pronoun's antecedent mention, or NONE */
    bool resolved_by_coref;
} mention;

typedef struct vgroup {
    uint32_t start, end;    /* the verb's own tokens [start, end) */
    uint32_t first;         /* first token of the group (aux, modal, neg) */
    uint32_t verb;          /* lexicon verb (the first reading) */
    uint32_t block;
    uint32_t alt_verbs[3];  /* other verb readings of the same words ("attack":
                               criticise or assault), NONE-filled */
    uint32_t forms;         /* DL_VF_* this occurrence is */
    bool noun;              /* an event noun ("the talks") */
    bool finite;
    bool passive;
    bool negated;
    bool hypothetical;      /* could, might, would (not reported future), if */
    bool future;            /* will, going to, is due to, plans to */
    uint8_t obligation;     /* 1 should/ought to, 2 must/have to/need to */
    bool infinitive;        /* "to" + verb */
    bool gerund;            /* -ing not after be */
    bool participle;        /* a past participle modifying a noun ("troops sent to") */
    bool in_quote;
    uint32_t sentence;
    uint32_t consumed_by;   /* a composing main verb, or NONE */
} vgroup;

/* Per-token data for the current article, every field set by tag_words()
 * (words.c) before any other use. */
typedef struct tokinfo {
    const char *norm; /* its normalised form, dl_doc_norm() (kept here: the
                         rules compare it with words for most tokens) */
    uint32_t word;    /* lexicon word id or DL_WORD_NONE */
    uint32_t wclass;  /* DL_W_* */
    uint32_t vforms;  /* DL_VF_* if any verb */
    uint32_t mention; /* index of the mention covering it, or NONE */
    uint32_t vg;      /* index of the verb group whose verb it is, or NONE */
    uint32_t hash;    /* rule_hash() of its normalised form */
    bool timex;       /* inside a time expression */
    bool boundary;    /* one of ; : . ? ! ( ) alone (a clause boundary for patterns) */
    uint16_t wslot;   /* dl_lexicon_word_slot() of its word */
    /* lex_at()'s last answer here (mentions.c), and the end it was asked
     * with (0: never asked): the same phrases are looked up many times */
    uint32_t lex_end, lex_len, lex_n;
    const struct dl_phrase *lex_ph;
} tokinfo;

/* Is the normalised form n the word w?  The first two bytes settle most
 * comparisons, and words of one or two bytes (",", "of", "'s"), without a
 * call to strcmp. */
static inline bool word_is(const char *n, const char *w) {
    if (n[0] != w[0]) return false;
    if (!w[0]) return true;
    if (n[1] != w[1]) return false;
    return !w[1] || strcmp(n + 2, w + 2) == 0;
}

/* Is the normalised form n one of the words of the NULL-ended list? */
static inline bool word_in(const char *n, const char *const *list) {
    for (; *list; list++)
        if (word_is(n, *list)) return true;
    return false;
}

/* One article being coded. */
typedef struct article_ctx {
    const dl_extractor *x;
    const dl_lexicon *lex;
    const dl_article *a;
    const dl_doc *doc;
    dl_timex_list timexes;
    dl_day dct;
    tokinfo *tok;             /* doc->n_tokens */
    VEC(mention) mentions;
    VEC(vgroup) vgroups;
    bool *noise;              /* per sentence: boilerplate, never coded */
    uint32_t *speaker;        /* per sentence: mention index of its speaker, or NONE */
    entity *speaker_ent;      /* per sentence: the speaker's entity (if any) */
    entity publisher;         /* the article's source when it is an actor */
    uint32_t next_group;
    dl_event_list *out;
    /* per token, contiguous as dl_lexicon_match() reads them: tok[i].word
     * and the token's DL_TF_* flags (one allocation: tflags points into
     * words; set by tag_words()) */
    uint32_t *words, *tflags;
    /* code_sentence()'s list of candidates (coder.c), kept from sentence to
     * sentence rather than grown anew for each: its array and capacity */
    void *cands;
    size_t cands_cap;
    uint8_t *seen_person;     /* per lexicon actor, a bit: mentioned as a
                                 person (filled lazily by mentions.c; may
                                 be NULL) */
    size_t seen_upto;         /* mentions already entered in seen_person */
    uint32_t events_in_sentence;
    uint32_t cur_sentence;
    /* the last meeting or call coded with both sides (mentions, sentence):
     * what a later "the call", "today's talks" refer to (NONE if none) */
    uint32_t meeting_src, meeting_tgt, meeting_sentence, meeting_vg;
    /* the word slots of sentence sig_sentence (NONE: none yet), as code_of()
     * (coder.c) wants them for every verb group of a sentence */
    uint32_t sig_sentence;
    dl_word_sig sig;
    /* When out has a pool (event.h): the article id and the text of
     * sentence pooled_sentence (NONE: none yet) as copied there, shared by
     * the mentions of every event that cites them */
    const char *pooled_id, *pooled_text;
    uint32_t pooled_sentence;
    /* Per sentence s (0 .. n_sentences): the first mention and the first
     * verb group of s or later, tabled when reading is done (the lists no
     * longer change then; NULL before): coding asks for them again and
     * again.  One allocation: vgroup_at points into mention_at. */
    uint32_t *mention_at, *vgroup_at;
} article_ctx;

/* The first mention of sentence s or later: mentions are kept in sentence
 * order (also while they are being found), so per-sentence work need not
 * scan the whole article.  Once reading is done, a table answers. */
static inline size_t first_mention(const article_ctx *c, uint32_t s) {
    if (c->mention_at && s <= c->doc->n_sentences) return c->mention_at[s];
    size_t lo = 0, hi = c->mentions.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->mentions.v[mid].sentence < s) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

#endif
