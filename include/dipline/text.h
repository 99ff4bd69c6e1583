/*
 * dipline/text.h - tokens and sentences of a text.
 *
 * dl_doc_new() tokenises a UTF-8 text and splits it into sentences in one
 * pass, keeping byte offsets into the original text for every token and
 * sentence.  Each token also has a normalised form (case-folded, curly
 * quotes and apostrophes made straight, dashes unified) stored in one shared
 * buffer, which is what dictionaries are matched against: dictionary phrases
 * are tokenised with the same function, so "U.S." in a dictionary and "U.S."
 * in an article always meet.
 *
 * Splitting survives the usual news hazards: titles and initials ("Mr Lavrov",
 * "Gen. Milley", "James J. Mingus"), acronyms ("U.S."), month abbreviations
 * ("Feb. 10"), quotations that run across sentences, headlines and bullet
 * lines without a full stop, datelines ("MOSCOW (Reuters) -"), curly quotes
 * and dashes.
 */
#ifndef DIPLINE_TEXT_H
#define DIPLINE_TEXT_H

#include "dipline/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    DL_TOK_WORD = 1,  /* letters (possibly with digits, inner apostrophes) */
    DL_TOK_NUMBER,    /* digits, possibly with inner '.' or ',' (3.5, 1,000) */
    DL_TOK_PUNCT,     /* any other single mark: , ; : . ! ? ( ) [ ] / & ... */
    DL_TOK_QUOTE,     /* " “ ” ‘ ’ « » and a quoting ' */
    DL_TOK_DASH,      /* - – — (norm "-" for a hyphen, "--" for a dash) */
    DL_TOK_SYMBOL     /* anything else (%, $, €, emoji ...) */
} dl_token_kind;

/* Token flags. */
enum {
    DL_TF_CAP = 1u << 0,        /* first letter is upper case */
    DL_TF_UPPER = 1u << 1,      /* all letters upper case (and >= 2 letters) */
    DL_TF_SPACE = 1u << 2,      /* whitespace precedes the token */
    DL_TF_NEWLINE = 1u << 3,    /* a line break precedes it */
    DL_TF_PARAGRAPH = 1u << 4,  /* a blank line precedes it */
    DL_TF_ABBREV = 1u << 5,     /* an abbreviation with its period ("Mr.", "U.S.") */
    DL_TF_OPEN = 1u << 6,       /* an opening quote */
    DL_TF_CLOSE = 1u << 7,      /* a closing quote */
    DL_TF_IN_QUOTE = 1u << 8,   /* inside a quotation */
    DL_TF_CLITIC = 1u << 9,     /* a split-off clitic: 's n't 'll 're 've 'd 'm */
    DL_TF_SENT_START = 1u << 10 /* first token of a sentence */
};

typedef struct dl_token {
    uint32_t start, end; /* byte offsets into the text */
    uint32_t norm;       /* offset of the normalised form in dl_doc.norm */
    uint16_t norm_len;   /* its length in bytes (NUL-terminated there too) */
    uint8_t kind;        /* dl_token_kind */
    uint8_t pad_;
    uint32_t flags;      /* DL_TF_* */
    uint32_t hash;       /* dl_text_hash() of the normalised form: computed
                            once here, used by every table keyed by words */
} dl_token;

/* FNV-1a (32 bits) of s[0..n): the one hash of words that the tokeniser
 * stores per token and that word tables (lexicon, timex words, extract
 * rules) key their entries by, so no stage hashes a token again. */
static inline uint32_t dl_text_hash(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* Sentence flags. */
enum {
    DL_SF_HEADLINE = 1u << 0,  /* a line without final punctuation */
    DL_SF_BULLET = 1u << 1,    /* a bullet or list item */
    DL_SF_DATELINE = 1u << 2,  /* starts with a dateline ("MOSCOW (Reuters) -"),
                                  its first n_lead tokens */
    DL_SF_PARA_START = 1u << 3, /* first sentence of a paragraph */
    DL_SF_CUT = 1u << 4         /* ended by the length limit, not by punctuation */
};

/* Bounds that keep the work per token and per sentence constant, whatever
 * the input (a 1 MB "sentence" without punctuation, a 100 KB "word" of
 * base64): a longer word is split into several tokens, and a sentence that
 * reaches DL_MAX_SENTENCE_TOKENS tokens is cut, at its last comma, semicolon,
 * colon or dash in the second half when there is one. */
#define DL_MAX_TOKEN_BYTES 256
#define DL_MAX_SENTENCE_TOKENS 400

typedef struct dl_sentence {
    size_t start, end;    /* byte offsets: text[start..end) */
    uint32_t first_token; /* index into dl_doc.tokens */
    uint32_t n_tokens;
    uint32_t paragraph;   /* 0-based paragraph number */
    uint32_t flags;       /* DL_SF_* */
    uint32_t n_lead;      /* leading tokens that are not part of the
                             sentence's grammar (a dateline) */
} dl_sentence;

/* A tokenised, sentence-split text.  The text itself is NOT owned: it must
 * outlive the doc.  Everything else is owned; free with dl_doc_free(). */
typedef struct dl_doc {
    const char *text;
    size_t len;
    dl_token *tokens;
    size_t n_tokens;
    dl_sentence *sentences;
    size_t n_sentences;
    char *norm; /* normalised token forms, each NUL-terminated */
    size_t norm_len;
} dl_doc;

/* Tokenise and split `text` (valid UTF-8, len bytes).  On success *out is a
 * new doc the caller frees with dl_doc_free().  Fails only on out-of-memory
 * or when the text exceeds the 4 GiB offset range. */
dl_status dl_doc_new(const char *text, size_t len, dl_doc **out, dl_error *err);
void dl_doc_free(dl_doc *doc);

/* The normalised form of token i (NUL-terminated). */
static inline const char *dl_doc_norm(const dl_doc *doc, size_t i) {
    return doc->norm + doc->tokens[i].norm;
}

/* Tokenise only (no sentence split), for dictionary phrases: calls `fn` for
 * each token's normalised form.  Returns the number of tokens.  The same
 * rules as dl_doc_new() apply, so phrases and articles normalise alike. */
size_t dl_text_tokens(const char *text, size_t len,
                      void (*fn)(void *ctx, const char *norm, size_t norm_len,
                                 const dl_token *tok),
                      void *ctx);

/* Case-fold UTF-8 `s` (len bytes) into `out` (cap bytes, NUL-terminated);
 * returns the bytes written (excluding NUL), truncating at a code point. */
size_t dl_text_fold(const char *s, size_t len, char *out, size_t cap);

#ifdef __cplusplus
}
#endif
#endif
