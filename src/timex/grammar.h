/* grammar.h - what the parsers of the time-expression grammar share (see
 * tag.c): token tests and the parsers one file uses from another.  Each
 * parser takes a token index and returns the index after what it
 * recognised (the same index when nothing), filling a tx_frame.  Not part
 * of the public API. */
#ifndef DL_TIMEX_GRAMMAR_H
#define DL_TIMEX_GRAMMAR_H

#include <string.h>

#include "timex_private.h"

/* ---- tokens --------------------------------------------------------------- */

static inline const char *nm(const tx_ctx *c, size_t i) { return dl_doc_norm(c->doc, i); }
static inline const dl_token *tk(const tx_ctx *c, size_t i) { return &c->doc->tokens[i]; }
static inline bool in(const tx_ctx *c, size_t i) { return i < c->lim; }
static inline bool is(const tx_ctx *c, size_t i, const char *w) {
    if (i >= c->lim) return false;
    const char *n = nm(c, i);
    return dl_streq(n, w); /* (most words differ at once) */
}
static inline bool capital(const tx_ctx *c, size_t i) { return (tk(c, i)->flags & (DL_TF_CAP | DL_TF_UPPER)) != 0; }
/* No space between token i-1 and token i. */
static inline bool glued(const tx_ctx *c, size_t i) { return !(tk(c, i)->flags & DL_TF_SPACE); }
static inline bool word(const tx_ctx *c, size_t i) { return in(c, i) && tk(c, i)->kind == DL_TOK_WORD; }
static inline bool lex(const tx_ctx *c, size_t i, tx_class cls) { return tx_lex(c, i, cls, NULL) > 0; }
/* A hyphen joining two tokens: "two-year", "mid-1990s". */
static inline bool hyphen(const tx_ctx *c, size_t i) { return is(c, i, "-") && glued(c, i) && in(c, i + 1) && glued(c, i + 1); }

/* ---- words.c: numbers, names, units ------------------------------------------ */
/* A plain number token without separators ("1990", not "1,990"). */
long tx_plain(const tx_ctx *c, size_t i, int *ndig);
/* An ordinal: "third", "3rd", "twenty-first" (-1 for "last"/"final"). */
size_t tx_ordinal(const tx_ctx *c, size_t i, int *v);
/* A cardinal number in digits or words: "3", "1,000", "2.5", "twenty-four",
 * "two hundred", "2 1/2".  Returns the end; *v the value. */
size_t tx_card(const tx_ctx *c, size_t i, double *v);
/* A year: "1990", "'98", "nineteen ninety-six", "two thousand".  Spelled
 * years only when `spelled` (after "in", a month, ...). */
size_t tx_year(const tx_ctx *c, size_t i, int *y, bool *two, bool spelled);
/* Words before which a bare month name or a spelled year is a date. */
bool tx_date_context(const tx_ctx *c, size_t i);
/* A month name at i (with its period if split off): returns the end. */
size_t tx_month(const tx_ctx *c, size_t i, int *m);
/* A weekday name; abbreviations ("Thu.") only when `abbrev_ok`. */
size_t tx_weekday_name(const tx_ctx *c, size_t i, int *wd, bool abbrev_ok);
/* A day of the month: "10", "10th", "tenth". */
size_t tx_monthday(const tx_ctx *c, size_t i, int *d);
/* A unit word: returns the end; *code the unit code (see timex.txt),
 * *plural whether it was plural. */
size_t tx_unit(const tx_ctx *c, size_t i, const char **code, bool *plural);
/* The shift unit of a calendar unit code ("W" -> 'W'), 0 for clock units. */
char tx_shift_unit(const char *code);
/* "P3D", "PT2H", "P2Y6M", "PXY": a duration value from an amount and unit. */
void tx_dur_value(char *out, size_t cap, double amount, bool x, const char *code);
/* Deictic word at i: its offset, and whether it counts from the reference
 * date ("the previous day").  `the` says whether "the" came before. */
size_t tx_deictic(const tx_ctx *c, size_t i, bool the, int *off, bool *ref);
/* A part of the day after a day: "morning", "night". */
size_t tx_pod(const tx_ctx *c, size_t i, tx_frame *f);
/* An amount: a number, "a", "a couple of", "several".  *x for vague ones. */
size_t tx_amount(const tx_ctx *c, size_t i, double *v, bool *x);

/* ---- dates.c: calendar dates, periods, clock times ---------------------------- */
/* fiscal 1989, fiscal year 1990, FY1990 */
size_t tx_fiscal_year(const tx_ctx *c, size_t i, tx_frame *f);
/* A part of the day after a named day ("Friday night", "Feb. 10
 * evening") is part of the expression but not of its value: the
 * TempEval-3 convention dates it by the day. */
size_t tx_day_pod(const tx_ctx *c, size_t i, tx_frame *f);
/* Weekday with an optional deictic and part of day: "Thursday", "last
 * Friday", "the following Monday", "this coming Sunday", "Friday night". */
size_t tx_weekday(const tx_ctx *c, size_t i, tx_frame *f);
/* "the week of March 6", "the day before Tuesday", "the day after
 * Christmas" */
size_t tx_week_of(const tx_ctx *c, size_t i, tx_frame *f);
/* "year-end", "year end", "year's end" */
size_t tx_year_end(const tx_ctx *c, size_t i, tx_frame *f);
/* "the third quarter", "third-quarter", "the fourth quarter of 1990", "the
 * 1988 third quarter", "Q3", "the first half", "the fiscal first quarter". */
size_t tx_quarter(const tx_ctx *c, size_t i, tx_frame *f);
size_t tx_season(const tx_ctx *c, size_t i, tx_frame *f);
/* 1990s, the '90s, the nineties, the 20th century, the 11th century */
size_t tx_decade(const tx_ctx *c, size_t i, tx_frame *f);
/* Christmas, Thanksgiving, Easter [YEAR]; "Easter week" */
size_t tx_holiday(const tx_ctx *c, size_t i, tx_frame *f);
/* A clock time, optionally with its day: "5 p.m. EST, Nov. 6", "10 p.m.
 * Wednesday", "noon Thursday". */
size_t tx_time(const tx_ctx *c, size_t i, tx_frame *f);
/* A day: date, weekday or yesterday/today/tomorrow. */
size_t tx_dayexpr(const tx_ctx *c, size_t i, tx_frame *f);
/* "the morning", "the night of Feb. 10" */
size_t tx_the_pod(const tx_ctx *c, size_t i, tx_frame *f);
/* A calendar date with an optional weekday: "Thursday, Feb. 10". */
size_t tx_date(const tx_ctx *c, size_t i, tx_frame *f);

/* ---- relative.c: relative expressions, durations, sets, reference words ------- */
/* yesterday, today, tomorrow, tonight [+ part of day]; last night, this
 * morning. */
size_t tx_dayref(const tx_ctx *c, size_t i, tx_frame *f);
/* [the] deictic unit: "last week", "this year", "the previous day", "the
 * same month", "that year", "the past year", "the current fiscal year";
 * deictic month, season or holiday: "last April", "this summer". */
size_t tx_deictic_unit(const tx_ctx *c, size_t i, tx_frame *f);
/* Plural units without a number: "for years", "over the years", "the
 * weeks ahead", "the first hours", "the next days"; "day-long",
 * "decades-long". */
size_t tx_bare_plural(const tx_ctx *c, size_t i, tx_frame *f);
/* Durations: "three hours", "the past three years", "two-year", "a few
 * days", "2 1/2 years", "the first nine months".  Followed by "ago",
 * "earlier", "later", a duration becomes a date. */
size_t tx_duration(const tx_ctx *c, size_t i, tx_frame *f);
/* "the year ended Sept. 30", "the quarter", "the year": the reference's
 * period, or a duration before "ended/ending". */
size_t tx_the_unit(const tx_ctx *c, size_t i, tx_frame *f);
/* "the latest period", "the current period", "the period": the period the
 * story is about (the last one mentioned) */
size_t tx_period_ref(const tx_ctx *c, size_t i, tx_frame *f);
/* "a while", "some time" */
size_t tx_vague_duration(const tx_ctx *c, size_t i, tx_frame *f);
size_t tx_set(const tx_ctx *c, size_t i, tx_frame *f);
size_t tx_ref(const tx_ctx *c, size_t i, tx_frame *f);
/* [the] [comparable|same|corresponding] year-earlier|year-ago [third]
 * [quarter|period]; "the same period last year". */
size_t tx_year_earlier(const tx_ctx *c, size_t i, tx_frame *f);

#endif
