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

/* Role of an expression in an interval phrase. */
typedef enum {
    DL_TIMEX_POINT = 0,   /* plain ("on Thursday") */
    DL_TIMEX_UNTIL,       /* "until February 20", "through Friday" */
    DL_TIMEX_SINCE,       /* "since Monday" */
    DL_TIMEX_RANGE_FROM,  /* "from Monday" of "from Monday to Wednesday" */
    DL_TIMEX_RANGE_TO     /* "to Wednesday" of the same */
} dl_timex_role;

typedef struct dl_timex {
    size_t start, end;        /* byte offsets into the doc's text */
    uint32_t first_token, n_tokens;
    uint32_t sentence;        /* index of its sentence */
    dl_timex_type type;
    char value[40];           /* TIMEX3 value: 2022-02-10, 2022-W06, P3D, ... */
    char mod[12];             /* TIMEX3 mod (BEFORE, AFTER, START, END, ...) or "" */
    dl_when when;             /* the days covered (DATE/TIME), or start/end
                                 DL_DAY_NONE when not anchored */
    dl_timex_role role;
    bool anchored_to_dct;     /* resolved against the DCT (vs another date) */
} dl_timex;

typedef struct dl_timex_list {
    dl_timex *items;
    size_t n, cap;
} dl_timex_list;

void dl_timex_list_clear(dl_timex_list *l);

/* Tag every time expression in doc against `dct` (may be DL_DAY_NONE: then
 * relative expressions stay underspecified, e.g. "XXXX-XX-XX").  Appends to
 * `out` in text order.  Returns DL_OK or DL_ERR_NOMEM. */
dl_status dl_timex_tag(const dl_doc *doc, dl_day dct, dl_timex_list *out, dl_error *err);

#ifdef __cplusplus
}
#endif
#endif
