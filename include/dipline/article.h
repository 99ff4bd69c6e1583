/*
 * dipline/article.h - reading articles.
 *
 * Three input forms, told apart by content (SPEC.md, "Input: articles"):
 *   1. one JSON object {"id","title","source","url","published","text"};
 *   2. JSON Lines, one such object per line (read as a stream);
 *   3. plain text or Markdown with an optional "Key: value" header block
 *      (Title, Source, URL, Published or Date, ID) ended by a blank line.
 * A reader is given paths (files, folders, "-" for standard input) or memory
 * buffers and hands out one article at a time, so memory holds one article
 * (plus one pending file listing), however large the corpus.
 */
#ifndef DIPLINE_ARTICLE_H
#define DIPLINE_ARTICLE_H

#include "dipline/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One article.  All strings are NUL-terminated UTF-8 owned by the article;
 * free with dl_article_free(). */
typedef struct dl_article {
    char *id;             /* never NULL: the given id or the file name stem */
    char *title;          /* NULL when absent */
    char *source;         /* NULL when absent */
    char *url;            /* NULL when absent */
    char *published_text; /* the publication date as written; NULL if absent */
    dl_day published;     /* publication day (or --date); never DL_DAY_NONE
                             for an article the reader hands out */
    char *text;           /* body, valid UTF-8 without NUL bytes */
    size_t text_len;      /* bytes in text (excluding the terminator) */
    char *origin;         /* the file it came from, "<stdin>" or buffer name */
    long origin_line;     /* 1-based line where it starts in `origin` */
    long text_line;       /* 1-based line in `origin` where `text` starts
                             (text form), or origin_line (JSON forms) */
    size_t seq;           /* 0-based sequence number across the reader */
    size_t utf8_repairs;  /* invalid sequences replaced (repair mode) */
} dl_article;

/* Free an article and everything it owns.  NULL is allowed. */
void dl_article_free(dl_article *a);

/* Limits and choices for a reader.  Zero fields take the defaults below. */
typedef struct dl_reader_options {
    const char *default_date;  /* --date: for articles without one */
    size_t max_article_bytes;  /* default DL_DEFAULT_MAX_ARTICLE */
    size_t max_line_bytes;     /* JSON Lines; default DL_DEFAULT_MAX_LINE */
    size_t max_json_depth;     /* default DL_DEFAULT_MAX_DEPTH */
    bool repair_utf8;          /* replace invalid UTF-8 with U+FFFD (and
                                  Windows-1252 punctuation with its Unicode
                                  character) instead of failing */
} dl_reader_options;

#define DL_DEFAULT_MAX_ARTICLE ((size_t)64 * 1024 * 1024)
#define DL_DEFAULT_MAX_LINE ((size_t)64 * 1024 * 1024)
#define DL_DEFAULT_MAX_DEPTH 64

typedef struct dl_reader dl_reader;

/* Make a reader.  `opts` may be NULL (defaults); it is copied.
 * Returns NULL only when out of memory.  Free with dl_reader_free(). */
dl_reader *dl_reader_new(const dl_reader_options *opts);
void dl_reader_free(dl_reader *r);

/* Queue a file, a folder (every *.json, *.jsonl, *.txt, *.md inside, at any
 * depth, sorted by path) or "-" (standard input).  Fails with DL_ERR_INPUT
 * when the path does not exist or a folder holds no article files. */
dl_status dl_reader_add_path(dl_reader *r, const char *path, dl_error *err);

/* Queue a memory buffer named `name` (used as the file name in errors and as
 * the default id).  The bytes are copied. */
dl_status dl_reader_add_buffer(dl_reader *r, const char *name, const char *data,
                               size_t len, dl_error *err);

/* Hand out the next article.
 *   DL_OK with *out set: an article; the caller owns it.
 *   DL_OK with *out == NULL: no more input.
 *   any other status: the next article (or file) is bad; `err` says where and
 *   why.  The reader has already moved past it, so a caller that keeps going
 *   may call dl_reader_next() again. */
dl_status dl_reader_next(dl_reader *r, dl_article **out, dl_error *err);

/* Articles handed out and bad ones skipped so far. */
size_t dl_reader_count(const dl_reader *r);
size_t dl_reader_failures(const dl_reader *r);

/* Check that buf is valid UTF-8 without NUL bytes.  On failure returns false
 * and sets *bad_offset to the offending byte offset and *reason to a static
 * string. */
bool dl_utf8_check(const char *buf, size_t len, size_t *bad_offset, const char **reason);

#ifdef __cplusplus
}
#endif
#endif
