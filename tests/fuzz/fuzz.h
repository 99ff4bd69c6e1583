/* fuzz.h - what the fuzz targets of tests/fuzz share.
 *
 * Each target defines LLVMFuzzerTestOneInput().  Built with -Dfuzz=true and
 * clang it links libFuzzer (-fsanitize=fuzzer); in every build it also links
 * replay.c, whose main() feeds it files, so the inputs that once crashed it
 * (tests/fuzz/regressions/<target>/) run in `meson test`.
 *
 * A target checks the library's promises, not only that it does not crash:
 * FUZZ_CHECK aborts (a finding for libFuzzer, a failure for the replayer)
 * with the condition that broke. */
#ifndef DL_FUZZ_H
#define DL_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                                    \
    do {                                                                                    \
        if (!(cond)) {                                                                      \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);        \
            abort();                                                                        \
        }                                                                                   \
    } while (0)

/* A malloc'd NUL-terminated copy of data[0..size) made valid UTF-8 without
 * NUL bytes (each bad byte becomes '?'), for APIs that require valid text. */
char *fuzz_valid_utf8(const uint8_t *data, size_t size);

#endif
