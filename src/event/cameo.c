/* cameo.c - the CAMEO codebook (data/cameo.tsv, compiled in): labels, quad
 * classes and Goldstein values by code.  Parsed once, on first use. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "dipline/event.h"

static dl_cameo_code *codes;
static size_t n_codes;
static char *store; /* one copy of the table text, cut into fields in place */
static pthread_once_t once = PTHREAD_ONCE_INIT;
/* codes by a hash of the code, for dl_cameo_lookup() (once per event): the
 * index in codes + 1, 0 empty; unused (bsearch) if the table were too full */
#define CODE_SLOTS 1024
static uint16_t by_hash[CODE_SLOTS];
static bool hashed;

static size_t code_hash(const char *s) {
    size_t h = 5381;
    while (*s) h = h * 33 + (unsigned char)*s++;
    return h & (CODE_SLOTS - 1);
}

static int cmp_code(const void *a, const void *b) {
    return strcmp(((const dl_cameo_code *)a)->code, ((const dl_cameo_code *)b)->code);
}

static void load(void) {
    size_t len;
    const char *data = dl_data_get("cameo.tsv", &len);
    if (!data) return;
    store = dl_strndup(data, len);
    size_t lines = 1;
    for (size_t i = 0; i < len; i++) lines += data[i] == '\n';
    codes = calloc(lines, sizeof *codes);
    if (!store || !codes) {
        free(store);
        free(codes);
        store = NULL;
        codes = NULL;
        return;
    }
    char *save = NULL;
    for (char *line = strtok_r(store, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == '#' || !line[0]) continue;
        char *f[4] = {line, NULL, NULL, NULL};
        for (int k = 1; k < 4; k++) {
            char *tab = f[k - 1] ? strchr(f[k - 1], '\t') : NULL;
            if (!tab) break;
            *tab = 0;
            f[k] = tab + 1;
        }
        if (!f[3]) continue;
        codes[n_codes].code = f[0];
        codes[n_codes].quadclass = atoi(f[1]);
        codes[n_codes].goldstein = strtod(f[2], NULL);
        codes[n_codes].label = f[3];
        n_codes++;
    }
    qsort(codes, n_codes, sizeof *codes, cmp_code);
    if (n_codes * 2 > CODE_SLOTS) return;
    for (size_t i = 0; i < n_codes; i++) {
        size_t h = code_hash(codes[i].code);
        while (by_hash[h]) h = (h + 1) & (CODE_SLOTS - 1);
        by_hash[h] = (uint16_t)(i + 1);
    }
    hashed = true;
}

const dl_cameo_code *dl_cameo_lookup(const char *code) {
    pthread_once(&once, load);
    if (!code || !codes) return NULL;
    if (hashed) { /* (the codes are distinct: the one bsearch would find) */
        for (size_t h = code_hash(code); by_hash[h]; h = (h + 1) & (CODE_SLOTS - 1))
            if (dl_streq(codes[by_hash[h] - 1].code, code)) return &codes[by_hash[h] - 1];
        return NULL;
    }
    dl_cameo_code key = {.code = code};
    return bsearch(&key, codes, n_codes, sizeof *codes, cmp_code);
}

bool dl_action_set_code(dl_action *a, const char *code) {
    const dl_cameo_code *c = dl_cameo_lookup(code);
    if (!c) return false;
    dl_strlcpy(a->code, c->code, sizeof a->code);
    dl_strlcpy(a->root, c->code, sizeof a->root); /* the first two digits */
    a->label = c->label;
    a->quadclass = c->quadclass;
    a->goldstein = c->goldstein;
    return true;
}
