/*
 * dipline/common.h - status codes, errors as values, calendar days.
 *
 * Every library function that can fail returns a dl_status and, when given a
 * non-NULL dl_error, fills it with a message and the place in the input that
 * caused it (file, line, byte offset).  The library never prints and never
 * exits; the command-line program decides what to show.
 */
#ifndef DIPLINE_COMMON_H
#define DIPLINE_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DL_VERSION "0.1.0"

/* Exit-status compatible: 1 bad input, 2 bad usage (see SPEC.md). */
typedef enum {
    DL_OK = 0,
    DL_ERR_INPUT = 1, /* the input is malformed or unusable */
    DL_ERR_USAGE = 2, /* the caller asked for something impossible */
    DL_ERR_IO = 3,    /* reading or writing a file failed */
    DL_ERR_NOMEM = 4, /* out of memory */
    DL_ERR_LIMIT = 5, /* a configured resource limit was exceeded */
    DL_ERR_INTERRUPTED = 6
} dl_status;

/* An error as a value.  `line` and `offset` are -1 when unknown; `line` is
 * 1-based, `offset` a 0-based byte offset in the file (or in the article text
 * when `file` names an article). */
typedef struct dl_error {
    dl_status status;
    char file[512];
    long line;
    long offset;
    char message[512];
} dl_error;

/* Fill `err` (may be NULL) and return `status`.  `file` may be NULL. */
dl_status dl_error_set(dl_error *err, dl_status status, const char *file, long line,
                       long offset, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Reset to DL_OK with empty fields. */
void dl_error_clear(dl_error *err);
/* Format "file:line: message" (or with "byte N") into buf; returns buf. */
const char *dl_error_format(const dl_error *err, char *buf, size_t size);
/* A short English name for a status ("bad input", ...). */
const char *dl_status_name(dl_status status);

/* ---- Calendar days ------------------------------------------------------
 * A day is an int32 count of days since 1970-01-01 in the proleptic
 * Gregorian calendar.  DL_DAY_NONE means "unknown". */
typedef int32_t dl_day;
#define DL_DAY_NONE INT32_MIN

dl_day dl_day_from_ymd(int year, int month, int day);
void dl_day_to_ymd(dl_day d, int *year, int *month, int *day);
/* ISO weekday: 1 = Monday ... 7 = Sunday. */
int dl_day_weekday(dl_day d);
/* ISO 8601 week-numbering year and week of a day. */
void dl_day_iso_week(dl_day d, int *iso_year, int *week);
/* Monday of ISO week `week` of `iso_year`. */
dl_day dl_day_from_iso_week(int iso_year, int week);
int dl_days_in_month(int year, int month);
bool dl_is_leap_year(int year);
/* Write "YYYY-MM-DD" (11 bytes with NUL) into buf; returns buf. */
char *dl_day_format(dl_day d, char buf[static 16]);
/* Parse an ISO 8601 date or date-time prefix ("2022-02-10",
 * "2022-02-10T14:05:00Z", "20220210").  Returns DL_DAY_NONE if malformed. */
dl_day dl_day_parse(const char *s);

/* Precision of a date or interval, coarsest last. */
typedef enum {
    DL_GRAN_NONE = 0,
    DL_GRAN_TIME,    /* a time of day within a day */
    DL_GRAN_DAY,
    DL_GRAN_WEEK,
    DL_GRAN_MONTH,
    DL_GRAN_QUARTER,
    DL_GRAN_HALF,    /* a half year (H1/H2) */
    DL_GRAN_SEASON,
    DL_GRAN_YEAR,
    DL_GRAN_DECADE,
    DL_GRAN_CENTURY
} dl_granularity;

/* "day", "week", ... ; "none" for DL_GRAN_NONE. */
const char *dl_granularity_name(dl_granularity g);
/* Inverse of dl_granularity_name; DL_GRAN_NONE when unknown. */
dl_granularity dl_granularity_parse(const char *name);

/* A resolved date: TIMEX3-style value and the days it covers. */
typedef struct dl_when {
    char value[40];       /* "2022-02-10", "2022-W06", "2022-02", "2022" ... */
    dl_day start, end;    /* inclusive; DL_DAY_NONE when not anchored */
    dl_granularity granularity;
} dl_when;

/* Set `w` to exactly one day. */
void dl_when_set_day(dl_when *w, dl_day d);
/* Parse a TIMEX3 calendar value (YYYY-MM-DD[Thh:mm], YYYY-Www, YYYY-MM,
 * YYYY-Qn, YYYY-Hn, YYYY-SP/SU/FA/WI, YYYY, YYY (decade), YY (century))
 * into `w`; returns false when it is not an anchored calendar value. */
bool dl_when_parse(dl_when *w, const char *value);

#ifdef __cplusplus
}
#endif
#endif
