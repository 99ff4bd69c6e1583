/* common.c - helpers shared by the fuzz targets (see fuzz.h). */
#include <string.h>

#include "dipline/article.h"
#include "fuzz.h"

char *fuzz_valid_utf8(const uint8_t *data, size_t size) {
    char *s = malloc(size + 1);
    if (!s) return NULL;
    memcpy(s, data, size);
    s[size] = 0;
    size_t at = 0, bad;
    while (at < size && !dl_utf8_check(s + at, size - at, &bad, NULL)) {
        s[at + bad] = '?';
        at += bad + 1;
    }
    return s;
}
