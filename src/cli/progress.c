/* progress.c - the progress bar of long runs and colour on standard error.
 *
 * cli_progress() (main.c) shows a status line on a terminal; when the
 * command has told the total size of its input (cli_progress_inputs) and
 * how far it got (cli_progress_advance), the line starts with a bar, the
 * percentage and the time left:
 *
 *   [##########..........]  48%  0:07 left  extract: 120 articles, 310 events
 *
 * Progress is counted in input bytes: whole files done, plus the text read
 * from the current file (an estimate within a file: the text of an article
 * is a little shorter than its JSON).  Nothing is shown when standard error
 * is not a terminal, with -q, with $DIPLINE_NO_PROGRESS, or during the
 * first half second (short runs stay quiet).  Colour: only on a terminal,
 * never with $NO_COLOR set (https://no-color.org) or TERM=dumb. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../common/util.h"
#include "cli.h"

static uint64_t total;      /* input bytes; 0: unknown */
static uint64_t files_done; /* bytes of the files finished */
static uint64_t cur_size, cur_done;
static char *cur_origin;
static struct timespec t0;
static bool started;

static double since_start(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (!started) {
        t0 = now;
        started = true;
    }
    return (double)(now.tv_sec - t0.tv_sec) + (now.tv_nsec - t0.tv_nsec) / 1e9;
}

bool cli_progress_enabled(void) {
    static int on = -1;
    if (on < 0) on = isatty(STDERR_FILENO) && !getenv("DIPLINE_NO_PROGRESS");
    return on && !cli_quiet;
}

bool cli_color(void) {
    static int on = -1;
    if (on < 0) {
        const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
        on = isatty(STDERR_FILENO) && !(nc && nc[0]) && !(term && strcmp(term, "dumb") == 0);
    }
    return on;
}

static bool is_input_name(const char *n) {
    size_t l = strlen(n);
    static const char *const ext[] = {".json", ".jsonl", ".txt", ".md"};
    for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) {
        size_t e = strlen(ext[i]);
        if (l > e && strcmp(n + l - e, ext[i]) == 0) return true;
    }
    return false;
}

/* Bytes of a file, or of the input files in a folder (at any depth). */
static uint64_t size_of(const char *path, int depth) {
    struct stat sb;
    if (stat(path, &sb) != 0) return 0;
    if (!S_ISDIR(sb.st_mode)) return (uint64_t)sb.st_size;
    if (depth > 32) return 0;
    DIR *d = opendir(path);
    if (!d) return 0;
    uint64_t sum = 0;
    struct dirent *de;
    char sub[4096];
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.') continue;
        snprintf(sub, sizeof sub, "%s/%s", path, de->d_name);
        if (stat(sub, &sb) != 0) continue;
        if (S_ISDIR(sb.st_mode)) sum += size_of(sub, depth + 1);
        else if (is_input_name(de->d_name)) sum += (uint64_t)sb.st_size;
    }
    closedir(d);
    return sum;
}

void cli_progress_inputs(int n, char **paths) {
    total = 0;
    if (!cli_progress_enabled()) return;
    since_start();
    uint64_t sum = 0;
    for (int i = 0; i < n; i++) {
        if (strcmp(paths[i], "-") == 0) return; /* standard input: size unknown */
        sum += size_of(paths[i], 0);
    }
    total = sum;
}

void cli_progress_advance(const char *origin, uint64_t bytes) {
    if (!total || !origin) return;
    if (!cur_origin || strcmp(cur_origin, origin) != 0) {
        files_done += cur_size; /* the previous file is finished */
        free(cur_origin);
        cur_origin = dl_strdup(origin);
        cur_size = size_of(origin, 33); /* a file: depth limit skips folders */
        cur_done = 0;
    }
    cur_done = bytes > cur_size - cur_done ? cur_size : cur_done + bytes;
}

static int term_width(void) {
    struct winsize ws;
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
    return 80;
}

void cli_progress_line(const char *msg) {
    char line[512];
    size_t k = 0;
    int width = term_width() - 1;
    if (width > (int)sizeof line - 1) width = (int)sizeof line - 1;
    if (total) {
        uint64_t done = files_done + cur_done;
        double f = done >= total ? 1.0 : (double)done / (double)total;
        const int bar = 20;
        int full = (int)(f * bar + 0.5);
        line[k++] = '[';
        for (int i = 0; i < bar; i++) line[k++] = i < full ? '#' : '.';
        k += (size_t)snprintf(line + k, sizeof line - k, "] %3d%%", (int)(f * 100));
        double el = since_start();
        long left = f > 0.02 && el > 1.0 ? (long)(el / f * (1.0 - f) + 0.5) : 0;
        if (left > 0) k += (size_t)snprintf(line + k, sizeof line - k, "  %ld:%02ld left", left / 60, left % 60);
        line[k++] = ' ';
        line[k++] = ' ';
    }
    snprintf(line + k, sizeof line - k, "%s", msg);
    if ((int)strlen(line) > width) line[width] = 0; /* one line, or \r cannot redraw it */
    fputs("\r\033[K", stderr);
    fputs(line, stderr);
}

bool cli_progress_due(void) { return since_start() >= 0.5; }

