/* error.c - errors as values (see dipline/common.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "dipline/common.h"

dl_status dl_error_set(dl_error *err, dl_status status, const char *file, long line,
                       long offset, const char *fmt, ...) {
    if (!err)
        return status;
    err->status = status;
    err->line = line;
    err->offset = offset;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return status;
}

void dl_error_clear(dl_error *err) {
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->line = -1;
    err->offset = -1;
}

const char *dl_error_format(const dl_error *err, char *buf, size_t size) {
    if (!err || size == 0)
        return "";
    char where[700] = "";
    if (err->file[0]) {
        if (err->line > 0 && err->offset >= 0)
            snprintf(where, sizeof where, "%s:%ld (byte %ld): ", err->file, err->line, err->offset);
        else if (err->line > 0)
            snprintf(where, sizeof where, "%s:%ld: ", err->file, err->line);
        else if (err->offset >= 0)
            snprintf(where, sizeof where, "%s: byte %ld: ", err->file, err->offset);
        else
            snprintf(where, sizeof where, "%s: ", err->file);
    }
    snprintf(buf, size, "%s%s", where, err->message[0] ? err->message : dl_status_name(err->status));
    return buf;
}

const char *dl_status_name(dl_status status) {
    switch (status) {
    case DL_OK: return "ok";
    case DL_ERR_INPUT: return "bad input";
    case DL_ERR_USAGE: return "bad usage";
    case DL_ERR_IO: return "input/output error";
    case DL_ERR_NOMEM: return "out of memory";
    case DL_ERR_LIMIT: return "limit exceeded";
    case DL_ERR_INTERRUPTED: return "interrupted";
    }
    return "unknown error";
}
