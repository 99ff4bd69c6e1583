/* rules.h - private: the extractor's small rule lists (data/noise.txt,
 * data/descriptions.txt, data/leader_roles.txt), loaded once per extractor. */
#ifndef DL_RULES_H
#define DL_RULES_H

#include <stdint.h>

#include "../common/util.h"

#define RULE_WORDS 8

typedef struct rule_phrase {
    char words[RULE_WORDS][24]; /* normalised words */
    int n;
} rule_phrase;

typedef enum { NOISE_START = 1, NOISE_CONTAINS, NOISE_PAREN } noise_kind;

/* Rules are chained by the first word of their phrase (a hash bucket), in
 * file order, so a token is checked only against the rules that could
 * start there. */
#define RULE_BUCKETS 256
#define RULE_LIST_SLOTS 4096 /* finer, for the word lists below */
#define RULE_END UINT32_MAX

typedef struct noise_rule {
    noise_kind kind;
    rule_phrase ph;
    uint32_t next; /* the next rule in the same bucket */
} noise_rule;

typedef enum { DESC_CODE = 1, DESC_COUNTRY, DESC_ORG, DESC_PERSON, DESC_PERSONS2, DESC_COUNTRIES2, DESC_PLACE } desc_kind;

typedef struct desc_rule {
    rule_phrase ph;
    desc_kind kind;
    char code[12];
    char role[32]; /* only people holding this office ("" any) */
    uint32_t next; /* the next rule in the same bucket */
} desc_rule;

typedef struct rules {
    VEC(noise_rule) noise;
    VEC(desc_rule) desc;
    VEC(char *) hog;   /* countries whose "leader" is the head of government */
    uint32_t noise_first[RULE_BUCKETS], desc_first[RULE_BUCKETS]; /* chain heads */
    uint32_t noise_any;  /* chain of noise rules without words (paren) */
    uint8_t listed[RULE_LIST_SLOTS]; /* RULE_LIST_* bits of the list words, by rule_hash() */
} rules;

/* The hash of a normalised word (words.c keeps each token's), and its
 * bucket.  It is the word's dl_text_hash() folded: rule_hash_of() makes it
 * from a token's dl_token.hash without hashing the word again. */
static inline uint32_t rule_hash_of(uint32_t text_hash) { return text_hash ^ text_hash >> 16; }
uint32_t rule_hash(const char *word);
static inline uint32_t rule_bucket_of(uint32_t hash) { return hash & (RULE_BUCKETS - 1); }
static inline uint32_t rule_bucket(const char *word) { return rule_bucket_of(rule_hash(word)); }

/* Closed lists of words tested on many tokens: office qualifiers ("deputy",
 * "former") and plain adjectives ("senior", "visiting") for parse_np()
 * (mentions.c), adjectives that make the next word an event noun ("fresh
 * sanctions", noun_context() in vgroups.c), words of direction ("northern",
 * "occupied") before a place (mentions.c), days and times relative to now
 * ("Monday", "yesterday", "later") that patterns skip (coder.c).  A token
 * whose hash no word of the list has is ruled out without comparing strings. */
enum {
    RULE_LIST_QUALIFIER = 1,
    RULE_LIST_PLAIN_ADJ = 2,
    RULE_LIST_NOUN_ADJ = 4,
    RULE_LIST_COMPASS = 8,
    RULE_LIST_WEEKDAYISH = 16,
    RULE_LIST_LAST = RULE_LIST_WEEKDAYISH
};
bool rule_listed(const rules *r, int list, uint32_t hash, const char *word);

dl_status rules_load(rules *r, dl_error *err);
void rules_free(rules *r);

#endif
