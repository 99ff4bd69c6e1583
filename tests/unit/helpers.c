#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

const char *src_path(const char *rel) {
    static char buf[4096];
    const char *root = getenv("DIPLINE_SOURCE_ROOT");
    snprintf(buf, sizeof buf, "%s/%s", root ? root : ".", rel);
    return buf;
}

bool have_shared(void) {
    struct stat st;
    return stat(src_path("../shared/eval"), &st) == 0 && S_ISDIR(st.st_mode);
}

char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = malloc((size_t)n + 1);
    if (fread(p, 1, (size_t)n, f) != (size_t)n) fail_msg("cannot read %s", path);
    p[n] = 0;
    fclose(f);
    if (len) *len = (size_t)n;
    return p;
}
