/* limits.c - the resource-limit options of the commands that read articles
 * (extract, build: all four; sentences, timex: the reader's three). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

const char *const cli_limits_help =
    "      --max-article-bytes N   refuse an article (a whole text or JSON file)\n"
    "                              larger than N bytes (default 64M; K M G suffixes)\n"
    "      --max-line-bytes N      refuse a JSON Lines line longer than N bytes\n"
    "                              (default 64M)\n"
    "      --max-json-depth N      refuse JSON nested deeper than N (default 64)\n";
const char *const cli_events_limit_help =
    "      --max-events-per-sentence N  refuse an article with a sentence that\n"
    "                              yields more than N events (default 100)\n";

/* "64M" -> 67108864; false when malformed, zero or out of range. */
static bool parse_bytes(const char *v, size_t *out) {
    errno = 0;
    char *end;
    unsigned long long n = strtoull(v, &end, 10);
    if (end == v || errno || v[0] == '-') return false;
    unsigned shift = 0;
    if (*end == 'K' || *end == 'k') shift = 10, end++;
    else if (*end == 'M' || *end == 'm') shift = 20, end++;
    else if (*end == 'G' || *end == 'g') shift = 30, end++;
    if (*end || n == 0 || n > (SIZE_MAX >> shift)) return false;
    *out = (size_t)n << shift;
    return true;
}

int cli_limit_option(const char *cmd, int c, const char *arg, dl_reader_options *ro, dl_extract_options *xo) {
    size_t v;
    switch (c) {
    case CLI_O_MAX_ARTICLE:
    case CLI_O_MAX_LINE:
    case CLI_O_MAX_DEPTH:
    case CLI_O_MAX_EVENTS:
        break;
    default:
        return 0;
    }
    if (!parse_bytes(arg, &v)) {
        cli_usage_error(cmd, "a limit wants a positive number (with K, M or G for bytes), not '%s'", arg);
        return -1;
    }
    if (c == CLI_O_MAX_ARTICLE) ro->max_article_bytes = v;
    else if (c == CLI_O_MAX_LINE) ro->max_line_bytes = v;
    else if (c == CLI_O_MAX_DEPTH) ro->max_json_depth = v;
    else if (xo) xo->max_events_per_sentence = v;
    return 1;
}
