/* article_private.h - helpers of the article reader shared between its
 * files (not public API). */
#ifndef DL_ARTICLE_PRIVATE_H
#define DL_ARTICLE_PRIVATE_H

#include "dipline/article.h"

/* Repaired copy of buf (malloc'd, NUL-terminated): invalid UTF-8 replaced
 * (see utf8.c), NUL bytes dropped; *repairs counts the replacements.  NULL
 * when out of memory. */
char *dl_utf8_repair(const char *buf, size_t len, size_t *out_len, size_t *repairs);

/* Parse a publication date in ISO 8601 ("2022-02-10", "2022-02-10T14:05Z"),
 * RFC 2822 ("Thu, 10 Feb 2022 14:05:00 GMT") or plain English ("February
 * 10, 2022", "10 Feb 2022").  DL_DAY_NONE when not recognised. */
dl_day dl_pubdate_parse(const char *s);

#endif
