/* atomic.c - output files written whole or not at all.
 *
 * A temporary file is created beside the target (same directory, so the
 * final rename(2) is atomic) and renamed over the target only after every
 * byte was written and synced.  Every temporary name is also kept in a small
 * static registry so that a signal handler can unlink the ones still open
 * (unlink(2) is async-signal-safe; the registry uses no locks or malloc). */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SLOTS 32
#define SLOT_PATH 4096

static char slot_path[SLOTS][SLOT_PATH];
static volatile sig_atomic_t slot_used[SLOTS];

static int slot_take(const char *tmp) {
    if (strlen(tmp) >= SLOT_PATH) return -1;
    for (int i = 0; i < SLOTS; i++) {
        if (!slot_used[i]) {
            strcpy(slot_path[i], tmp);
            atomic_signal_fence(memory_order_seq_cst); /* the name before the flag */
            slot_used[i] = 1;
            return i;
        }
    }
    return -1;
}

static void slot_release(int slot) {
    if (slot >= 0 && slot < SLOTS) slot_used[slot] = 0;
}

void dl_atomic_cleanup_all(void) {
    for (int i = 0; i < SLOTS; i++)
        if (slot_used[i]) {
            unlink(slot_path[i]);
            slot_used[i] = 0;
        }
}

static char *temp_name(const char *path) {
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = slash ? slash + 1 : path;
    size_t n = dirlen + strlen(base) + 16;
    char *t = malloc(n);
    if (!t) return NULL;
    snprintf(t, n, "%.*s.%s.XXXXXX", (int)dirlen, path, base);
    return t;
}

dl_status dl_atomic_reserve(const char *path, char **tmp_out, int *slot, dl_error *err) {
    *tmp_out = NULL;
    *slot = -1;
    char *t = temp_name(path);
    if (!t) return dl_error_set(err, DL_ERR_NOMEM, path, -1, -1, "out of memory");
    /* no signal between creating the file and registering it for cleanup */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    int fd = mkstemp(t);
    int e = errno;
    if (fd >= 0) *slot = slot_take(t);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (fd < 0) {
        dl_error_set(err, DL_ERR_IO, path, -1, -1, "cannot create output file: %s", strerror(e));
        free(t);
        return DL_ERR_IO;
    }
    close(fd);
    *tmp_out = t;
    return DL_OK;
}

dl_status dl_atomic_rename(const char *tmp, const char *path, int slot, dl_error *err) {
    /* mkstemp makes 0600 files; give the result the usual permissions. */
    mode_t mask = umask(0);
    umask(mask);
    chmod(tmp, 0666 & ~mask);
    if (rename(tmp, path) != 0) {
        int e = errno;
        unlink(tmp);
        slot_release(slot);
        return dl_error_set(err, DL_ERR_IO, path, -1, -1, "cannot write output file: %s", strerror(e));
    }
    slot_release(slot);
    return DL_OK;
}

void dl_atomic_discard(const char *tmp, int slot) {
    if (tmp) unlink(tmp);
    slot_release(slot);
}

dl_status dl_atomic_open(dl_atomic_file *af, const char *path, dl_error *err) {
    memset(af, 0, sizeof *af);
    af->slot = -1;
    if (!path || strcmp(path, "-") == 0) {
        af->fp = stdout;
        return DL_OK;
    }
    af->path = dl_strdup(path);
    if (!af->path) return dl_error_set(err, DL_ERR_NOMEM, path, -1, -1, "out of memory");
    /* a device or a pipe (-o /dev/null): write to it; renaming a file over
     * it would replace it */
    struct stat sb;
    if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode)) {
        af->fp = fopen(path, "wb");
        if (af->fp) return DL_OK;
        int e = errno;
        free(af->path);
        memset(af, 0, sizeof *af);
        af->slot = -1;
        return dl_error_set(err, DL_ERR_IO, path, -1, -1, "cannot open output: %s", strerror(e));
    }
    dl_status st = dl_atomic_reserve(path, &af->tmp, &af->slot, err);
    if (st != DL_OK) {
        free(af->path);
        af->path = NULL;
        return st;
    }
    af->fp = fopen(af->tmp, "wb");
    if (!af->fp) {
        int e = errno;
        dl_atomic_discard(af->tmp, af->slot);
        free(af->tmp);
        free(af->path);
        memset(af, 0, sizeof *af);
        return dl_error_set(err, DL_ERR_IO, path, -1, -1, "cannot create output file: %s", strerror(e));
    }
    return DL_OK;
}

dl_status dl_atomic_commit(dl_atomic_file *af, dl_error *err) {
    dl_status st = DL_OK;
    if (!af->fp) return dl_error_set(err, DL_ERR_IO, af->path, -1, -1, "output file not open");
    if (!af->tmp) {
        if (fflush(af->fp) != 0 || ferror(af->fp))
            st = dl_error_set(err, DL_ERR_IO, af->path ? af->path : "<stdout>", -1, -1, "write error: %s",
                              strerror(errno));
        if (af->fp != stdout) fclose(af->fp);
        af->fp = NULL;
        free(af->path);
        af->path = NULL;
        return st;
    }
    bool bad = fflush(af->fp) != 0 || ferror(af->fp);
    int e = errno;
    if (!bad && fsync(fileno(af->fp)) != 0 && errno != EINVAL && errno != EROFS) {
        bad = true;
        e = errno;
    }
    if (fclose(af->fp) != 0 && !bad) {
        bad = true;
        e = errno;
    }
    af->fp = NULL;
    if (bad) {
        st = dl_error_set(err, DL_ERR_IO, af->path, -1, -1, "write error: %s", strerror(e));
        dl_atomic_discard(af->tmp, af->slot);
    } else {
        st = dl_atomic_rename(af->tmp, af->path, af->slot, err);
    }
    free(af->tmp);
    free(af->path);
    af->tmp = af->path = NULL;
    af->slot = -1;
    return st;
}

void dl_atomic_abort(dl_atomic_file *af) {
    if (af->tmp) {
        if (af->fp) fclose(af->fp);
        dl_atomic_discard(af->tmp, af->slot);
    } else if (af->fp && af->fp != stdout) {
        fclose(af->fp);
    }
    free(af->tmp);
    free(af->path);
    memset(af, 0, sizeof *af);
    af->slot = -1;
}
