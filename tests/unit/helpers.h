/* helpers.h - small things the unit tests share. */
#ifndef DL_TEST_HELPERS_H
#define DL_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dipline/dipline.h"

/* Path under the source tree (DIPLINE_SOURCE_ROOT or "."), static buffer. */
const char *src_path(const char *rel);
/* True when ../shared (evaluation data) is present next to the tree. */
bool have_shared(void);
/* Read a whole file; abort the test when it cannot. Caller frees. */
char *slurp(const char *path, size_t *len);

#endif
