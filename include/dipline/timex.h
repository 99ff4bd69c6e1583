/*
 * dipline/timex.h - time expressions: find them and normalise them to
 * TIMEX3 values against the document creation time (DCT, the publication
 * date).
 *
 * dl_timex_tag() takes a tokenised doc (dipline/text.h) and returns every
 * time expression with its span, TIMEX3 type and value, and for calendar
 * dates the interval of days it covers.  Relative expressions ("on
 * Thursday", "last week", "the previous day") are resolved with the tense of
 * their clause and the last date mentioned.
 */
#ifndef DIPLINE_TIMEX_H
#define DIPLINE_TIMEX_H

#include <stdio.h>

#include "dipline/common.h"
#include "dipline/text.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    DL_TIMEX_DATE = 0,
    DL_TIMEX_TIME,
    DL_TIMEX_DURATION,
    DL_TIMEX_SET
} dl_timex_type;

/* "DATE", "TIME", "DURATION", "SET". */
const char *dl_timex_type_name(dl_timex_type t);

/* Role of an expression in an interval phrase (from the words before it).
 * A RANGE_FROM is always followed in a dl_timex_list by its RANGE_TO. */
typedef enum {
    DL_TIMEX_POINT = 0,   /* plain ("on Thursday") */
    DL_TIMEX_UNTIL,       /* "until February 20", "through Friday", "by Friday",
                             "before Monday", "extended the deadline to Monday" */
    DL_TIMEX_SINCE,       /* "since Monday", "after Monday" */
    DL_TIMEX_RANGE_FROM,  /* "from Monday" of "from Monday to Wednesday" */
    DL_TIMEX_RANGE_TO     /* "to Wednesday" of the same */
} dl_timex_role;

typedef struct dl_timex {
    size_t start, end;        /* byte offsets into the doc's text */
    uint32_t first_token, n_tokens;
    uint32_t sentence;        /* index of its sentence (a dateline's: the
                                 sentence it was taken off) */
    dl_timex_type type;
    char value[40];           /* TIMEX3 value: 2022-02-10, 2022-W06, P3D, ... */
    char mod[16];             /* TIMEX3 mod (BEFORE, AFTER, START, END, ...) or "" */
    dl_when when;             /* the days covered (DATE/TIME), or start/end
                                 DL_DAY_NONE when not anchored */
    dl_timex_role role;
    bool anchored_to_dct;     /* resolved against the DCT (vs another date) */
    uint32_t rule_line;       /* data/timex.txt line of the deciding word, or 0 */
} dl_timex;

typedef struct dl_timex_list {
    dl_timex *items;
    size_t n, cap;
} dl_timex_list;

/* Free the items and empty the list (it can be reused). */
void dl_timex_list_clear(dl_timex_list *l);

/* Tag every time expression in doc against `dct` (may be DL_DAY_NONE: then
 * relative expressions stay underspecified, e.g. "XXXX-XX-XX").  Appends to
 * `out` in text order.  Returns DL_OK or DL_ERR_NOMEM.  Thread-safe: the
 * word lists (data/timex.txt) are read once per process and never changed.
 *
 * Spans follow the TimeML conventions: determiners and modifiers are part of
 * the expression ("the past three years", "early next year", "about two
 * weeks ago"), prepositions are not ("on Thursday" -> "Thursday").  Values
 * follow TIMEX3: 2022-02-10, 2022-02-10T14:00, 2022-W06, 2022-02, 2022-Q1,
 * 2022-SU, 2022, 199 (the 1990s), PRESENT_REF/PAST_REF/FUTURE_REF, P3D,
 * PT2H, PXY, XXXX-WXX-4 (sets), XXXX-XX-XX when nothing better is known.
 * "Friday night" keeps "night" in its span but is dated by the day
 * (TempEval-3); "this morning", "last night", "tonight" are TIME values
 * (2022-02-10TMO).
 * How relative expressions are resolved is described in src/timex/resolve.c. */
dl_status dl_timex_tag(const dl_doc *doc, dl_day dct, dl_timex_list *out, dl_error *err);

/* The date of an event whose verb is token `verb_token` of sentence
 * `sentence`, from the expressions `tl` that dl_timex_tag() found in `doc`.
 *
 * Only DATE and TIME expressions with anchored days date an event (durations,
 * sets, PAST_REF/FUTURE_REF never do; PRESENT_REF dates it to the DCT), and
 * never an "until"/"since"/"by" expression (DL_TIMEX_UNTIL, DL_TIMEX_SINCE):
 * "talks will go on until February 20" says when they end, not when the
 * event happened.  The clause of the verb runs from it, left and right, to
 * the nearest clause boundary: ';', ':', a dash, a bracket, or a comma
 * followed by a conjunction or relative word (and, but, or, while, whereas,
 * although, though, because, when, which, who, where), or "and"/"but"
 * before an auxiliary ("... and will meet").  The expression chosen is, in
 * this order of preference:
 *   1. the nearest (in tokens from the verb; on a tie the one after it)
 *      expression in the clause;
 *   2. the nearest expression in the sentence;
 *   3. none: the DCT.
 * A range ("from Monday to Wednesday") gives its start's start and its
 * end's end.  *when gets the value and interval, *basis_start and *basis_len the
 * expression's text in doc->text (or the static string "publication"), and
 * *inferred is true only in case 3.  When `dct` is DL_DAY_NONE and nothing
 * dates the event, *when is unanchored ("XXXX-XX-XX"). */
void dl_timex_date_event(const dl_doc *doc, const dl_timex_list *tl, uint32_t sentence, uint32_t verb_token,
                         dl_day dct, dl_when *when, const char **basis_start, size_t *basis_len, bool *inferred);

/* ---- TimeML documents (TempEval-3 form) ------------------------------------ */

/* A TimeML document read for tagging.  Owns docid and text; free with
 * dl_timeml_doc_clear(). */
typedef struct dl_timeml_doc {
    char *docid;          /* <DOCID> content, or NULL */
    char dct_value[64];   /* the DCT's TIMEX3 value as written, or "" */
    dl_day dct;           /* that value as a day, or DL_DAY_NONE */
    char *text;           /* <TEXT> content: tags removed, entities decoded */
    size_t text_len;
} dl_timeml_doc;

/* Parse a TimeML document (xml, len bytes; `name` for error messages).
 * Fails with DL_ERR_INPUT (file, line, offset set) on invalid UTF-8, a
 * missing or unclosed <TEXT>, or a DCT value that is not a date. */
dl_status dl_timeml_read(const char *xml, size_t len, const char *name, dl_timeml_doc *out, dl_error *err);
void dl_timeml_doc_clear(dl_timeml_doc *d);

/* Write a TimeML document: `text` (len bytes) XML-escaped exactly, with a
 * TIMEX3 tag (tid, type, value, mod) around each expression of `tl` (which
 * must come from tagging this text); the DCT as TIMEX3 t0 when known. */
dl_status dl_timeml_write(FILE *fp, const char *docid, dl_day dct, const char *text, size_t len,
                          const dl_timex_list *tl, dl_error *err);

#ifdef __cplusplus
}
#endif
#endif
